"""Contacts and their unified timeline (read-only until the inbox arrives)."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from hub.timeline import contact_timeline, contacts_by_activity, interaction_detail
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("timeline", __name__)


def _page() -> int:
    return max(1, request.args.get("page", 1, type=int) or 1)


@blueprint.route("/")
@permission_required("contact.view")
def contacts():  # type: ignore[no-untyped-def]
    """Contacts, most recently active first."""
    page = _page()
    return render_template("contacts.html", contacts=contacts_by_activity(db(), page=page), page=page)


@blueprint.route("/contacts/<int:contact_id>")
@permission_required("contact.view")
def contact(contact_id: int):  # type: ignore[no-untyped-def]
    """One contact's history on every channel, newest first."""
    timeline = contact_timeline(db(), contact_id, page=_page())
    if timeline is None:
        abort(404)
    return render_template("contact.html", timeline=timeline)


@blueprint.route("/interactions/<int:interaction_id>")
@permission_required("message.view")
def interaction(interaction_id: int):  # type: ignore[no-untyped-def]
    """One message as text, with why it was matched, tagged and threaded."""
    detail = interaction_detail(db(), interaction_id)
    if detail is None:
        abort(404)
    return render_template("interaction.html", detail=detail)


@blueprint.route("/health")
def health():  # type: ignore[no-untyped-def]
    """Liveness for monitoring: no data, no login."""
    return {"status": "ok"}
