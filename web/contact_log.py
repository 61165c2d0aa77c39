"""Logging calls, faxes, letters and visits from a contact's page, and the follow-ups they promise.

Adapters over ``hub.contact_log``: the form posts, the entry is kept raw and
committed, ingest is asked to make its timeline entry, and the agent lands
back on the contact's page.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from connectors.manual import LOGGED_KINDS
from hub.clock import utcnow
from hub.contact_log import LogRefused, complete_follow_up, is_contact, log_contact, new_log_id, open_follow_ups, parse_log_form
from hub.models import Contact
from web.auth import client_ip
from web.chat_support import blob_store, enqueue_ingest, settings
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("contact_log", __name__)


def _local_now() -> datetime:
    return utcnow().astimezone(ZoneInfo(settings().local_timezone))


def _form_page(contact: Contact, values: dict[str, str], errors: dict[str, str], status: int = 200):  # type: ignore[no-untyped-def]
    follow_ups = open_follow_ups(db(), today=_local_now().date(), contact_id=contact.id)
    return render_template(
        "contact_log.html", contact=contact, kinds=LOGGED_KINDS, values=values, errors=errors, follow_ups=follow_ups,
    ), status


@blueprint.route("/contacts/<int:contact_id>/log", methods=["GET"])
@permission_required("contact.edit")
def form(contact_id: int):  # type: ignore[no-untyped-def]
    """The form, prefilled with now and a fresh log id (sending it twice logs once)."""
    if not is_contact(db(), contact_id):
        abort(404)
    contact = db().get(Contact, contact_id)
    kind = request.args.get("kind", "phone")
    values = {
        "kind": kind if kind in LOGGED_KINDS else "phone", "direction": "in",
        "occurred_at": _local_now().strftime("%Y-%m-%dT%H:%M"), "log_id": new_log_id(),
    }
    return _form_page(contact, values, {})


@blueprint.route("/contacts/<int:contact_id>/log", methods=["POST"])
@permission_required("contact.edit")
def save(contact_id: int):  # type: ignore[no-untyped-def]
    """Keep the entry; on errors show the form again with every message and nothing stored."""
    if not is_contact(db(), contact_id):
        abort(404)
    contact = db().get(Contact, contact_id)
    values = {key: request.form.get(key, "") for key in ("kind", "direction", "occurred_at", "duration", "summary", "follow_up_on", "log_id")}
    now = utcnow()
    try:
        entry = parse_log_form(values, timezone=settings().local_timezone, now=now)
        result = log_contact(db(), blob_store(), contact_id, entry, g.user, now=now, ip=client_ip())
    except LogRefused as refused:
        db().rollback()
        return _form_page(contact, values, refused.errors, 400)
    db().commit()
    enqueue_ingest(list(result.pending_raw_ids))
    flash(_("Already logged.") if result.duplicate else _("%(kind)s logged.", kind=_(LOGGED_KINDS[entry.kind])))
    return redirect(url_for("timeline.contact", contact_id=contact_id), 303)


@blueprint.route("/followups")
@permission_required("contact.view")
def follow_ups():  # type: ignore[no-untyped-def]
    """Everyone's open follow-ups, due ones first."""
    return render_template("follow_ups.html", follow_ups=open_follow_ups(db(), today=_local_now().date()))


@blueprint.route("/followups/<int:follow_up_id>/done", methods=["POST"])
@permission_required("contact.edit")
def done(follow_up_id: int):  # type: ignore[no-untyped-def]
    """Tick a follow-up off (audited), back to where the agent came from."""
    try:
        contact_id = complete_follow_up(db(), follow_up_id, g.user.id, now=utcnow(), ip=client_ip())
    except LookupError:
        abort(404)
    db().commit()
    flash(_("Follow-up done."))
    if request.form.get("back") == "contact":
        return redirect(url_for("contact_log.form", contact_id=contact_id), 303)
    return redirect(url_for("contact_log.follow_ups"), 303)
