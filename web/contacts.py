"""Contacts and companies: search, edit, merge and undo (adapters over hub.contact_* and hub.merging).

The contact's own page stays in :mod:`web.timeline`; its edit and merge forms
are an include fed by :func:`panel`, so this blueprint owns every write.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from hub.companies import company_detail, create_company, list_companies
from hub.contact_directory import ContactPanel, contact_panel, search_contacts
from hub.contact_editing import ContactEdit, ContactEditRefused, update_company, update_contact
from hub.merged_contacts import survivor_of
from hub.timeline_files import attachment_names
from hub.merging import MergeRefused, merge_contacts, undo_merge
from web.auth import client_ip
from web.permissions import can, permission_required
from web.security import db

blueprint = Blueprint("contacts", __name__)


def _region() -> str:
    return current_app.extensions["hub.settings"].default_phone_region


@blueprint.app_template_global("contact_panel")
def panel(contact_id: int) -> ContactPanel | None:
    """Edit and merge data for ``contact.html`` (a template global, so the timeline view needs no change)."""
    return contact_panel(db(), contact_id)


@blueprint.app_template_global("timeline_files")
def timeline_files(interaction_ids: list[int]) -> dict[int, list[str]]:
    """Attachment names of a page of timeline entries (so a sent reply shows what went with it)."""
    return attachment_names(db(), interaction_ids)


@blueprint.before_app_request
def _to_surviving_contact():  # type: ignore[no-untyped-def]
    """A merged contact's page sends the agent on to the contact it was merged into, saying so.

    Runs before the timeline's contact view (which stays unaware of merges);
    only for users who may see contacts, so nobody learns a survivor's number
    from a redirect they could not follow.
    """
    if request.method != "GET" or request.endpoint != "timeline.contact" or not can("contact.view"):
        return None
    merged_id = (request.view_args or {}).get("contact_id")
    survivor = survivor_of(db(), merged_id) if isinstance(merged_id, int) else None
    if survivor is None:
        return None
    flash(
        _(
            "%(name)s (#%(merged_id)d) was merged into %(survivor)s, shown here.",
            name=survivor.merged_name or _("(unnamed)"), merged_id=merged_id, survivor=survivor.survivor_name or _("(unnamed)"),
        )
    )
    return redirect(url_for("timeline.contact", contact_id=survivor.survivor_id))


@blueprint.route("/contacts")
@permission_required("contact.view")
def directory():  # type: ignore[no-untyped-def]
    """Search contacts by name, email or phone."""
    query = request.args.get("q", "")[:200]
    page = max(1, request.args.get("page", 1, type=int) or 1)
    return render_template("contact_directory.html", query=query, results=search_contacts(db(), query, _region(), page=page))


@blueprint.route("/contacts/<int:contact_id>", methods=["POST"])
@permission_required("contact.edit")
def edit_contact(contact_id: int):  # type: ignore[no-untyped-def]
    """Save the edit form: name, company, an identity to add, identities to remove."""
    form = request.form
    company = form.get("company_id", "")
    edit = ContactEdit(
        display_name=form.get("display_name", ""),
        company_id=int(company) if company.isdigit() else None,
        add_kind=form.get("add_kind", "email"),
        add_value=form.get("add_value", ""),
        remove_identity_ids=tuple(int(v) for v in form.getlist("remove_identity") if v.isdigit()),
    )
    return _apply(lambda: update_contact(db(), g.user.id, contact_id, edit, _region(), ip=client_ip()), _("Contact saved."), contact_id)


@blueprint.route("/contacts/<int:contact_id>/merge", methods=["POST"])
@permission_required("contact.merge")
def merge(contact_id: int):  # type: ignore[no-untyped-def]
    """Fold the contact named in the form into this one."""
    # A typed number wins over the list of namesakes (a duplicate need not share the name).
    other = request.form.get("other_contact_number", "").strip().lstrip("#") or request.form.get("other_contact_id", "").strip()
    if not other.isdigit():
        flash(_("Not changed: %(reason)s", reason=_("give the number of the contact to merge")))
        return redirect(url_for("timeline.contact", contact_id=contact_id)), 303
    return _apply(lambda: merge_contacts(db(), g.user.id, contact_id, int(other), ip=client_ip()), _("Contacts merged."), contact_id)


@blueprint.route("/merges/<int:merge_id>/undo", methods=["POST"])
@permission_required("contact.merge")
def undo(merge_id: int):  # type: ignore[no-untyped-def]
    """Split a merge again; back to the surviving contact's page."""
    try:
        result = undo_merge(db(), g.user.id, merge_id, ip=client_ip())
    except MergeRefused as refused:
        db().rollback()
        if str(refused) == "no such merge":
            abort(404)
        flash(_("Not changed: %(reason)s", reason=str(refused)))
        return redirect(url_for("contacts.directory")), 303
    db().commit()
    flash(_("Merge undone."))
    return redirect(url_for("timeline.contact", contact_id=result.survivor_id)), 303


@blueprint.route("/companies")
@permission_required("contact.view")
def companies():  # type: ignore[no-untyped-def]
    """Every company with its number of contacts, and the form to add one."""
    return render_template("companies.html", companies=list_companies(db()), form={"name": "", "domain": ""}, error=None)


@blueprint.route("/companies", methods=["POST"])
@permission_required("contact.edit")
def new_company():  # type: ignore[no-untyped-def]
    """Create a company; a refused one is shown again with what was typed and why."""
    form = {"name": request.form.get("name", "")[:1000], "domain": request.form.get("domain", "")[:1000]}
    try:
        company_id = create_company(db(), g.user.id, form["name"], form["domain"], ip=client_ip())
    except ContactEditRefused as refused:
        db().rollback()
        error = _("Not created: %(reason)s", reason=str(refused))
        return render_template("companies.html", companies=list_companies(db()), form=form, error=error), 422
    db().commit()
    flash(_("Company created."))
    return redirect(url_for("contacts.company", company_id=company_id)), 303


@blueprint.route("/companies/<int:company_id>")
@permission_required("contact.view")
def company(company_id: int):  # type: ignore[no-untyped-def]
    """A company's contacts and their latest messages, with the edit form."""
    detail = company_detail(db(), company_id)
    if detail is None:
        abort(404)
    return render_template("company.html", company=detail)


@blueprint.route("/companies/<int:company_id>", methods=["POST"])
@permission_required("contact.edit")
def edit_company(company_id: int):  # type: ignore[no-untyped-def]
    """Rename a company or change its domain (never a free-mail one)."""
    if company_detail(db(), company_id) is None:
        abort(404)
    try:
        update_company(db(), g.user.id, company_id, request.form.get("name", ""), request.form.get("domain", ""), ip=client_ip())
    except ContactEditRefused as refused:
        db().rollback()
        flash(_("Not changed: %(reason)s", reason=str(refused)))
        return redirect(url_for("contacts.company", company_id=company_id)), 303
    db().commit()
    flash(_("Company saved."))
    return redirect(url_for("contacts.company", company_id=company_id)), 303


def _apply(change, done_message: str, contact_id: int):  # type: ignore[no-untyped-def]
    """Run a change, commit it, tell the user; a refused change is rolled back and explained."""
    try:
        change()
    except (ContactEditRefused, MergeRefused) as refused:
        db().rollback()
        if str(refused) == "no such contact":
            abort(404)
        flash(_("Not changed: %(reason)s", reason=str(refused)))
        return redirect(url_for("timeline.contact", contact_id=contact_id)), 303
    db().commit()
    flash(done_message)
    return redirect(url_for("timeline.contact", contact_id=contact_id)), 303
