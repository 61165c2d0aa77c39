"""The context panel beside a message, its actions, and the complaint queue.

The message page itself belongs to :mod:`web.timeline`; this blueprint adds
``message_context_panel`` to templates so the panel is built only where
``interaction.html`` includes it. Every action is a POST with the CSRF token
that redirects back to the message, so the panel works without JavaScript.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from hub import reassign, suggestions
from hub.complaints import open_complaints
from hub.context import MessageContext, message_context, search_contacts
from hub.models import ContactSuggestion
from hub.suggestions import SuggestionError
from hub.tag_correction import TagCorrection, correct_tags
from nlp.training import INTENTS, SEVERITIES
from web import company_lookup
from web.auth import client_ip
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("context", __name__)
#: The company chooser of the contact form rides along (endpoint ``context.company_lookup.lookup``),
#: so the app factory needs no change for it.
blueprint.register_blueprint(company_lookup.blueprint)


@blueprint.app_context_processor
def _template_helpers() -> dict[str, object]:
    return {"message_context_panel": _panel, "tag_intents": INTENTS, "tag_severities": SEVERITIES}


def _panel(interaction_id: int) -> dict[str, Any]:
    """What ``_context_panel.html`` renders: the read model, plus contact search results when asked."""
    query = request.args.get("contact_q", "")[:100]
    context: MessageContext | None = message_context(db(), interaction_id, history_page=request.args.get("history", 1, type=int) or 1)
    return {"context": context, "contact_query": query, "contact_hits": search_contacts(db(), query) if query else []}


def _back(interaction_id: int):  # type: ignore[no-untyped-def]
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id) + "#context")


def _decide(interaction_id: int, action, *args: Any, done: str):  # type: ignore[no-untyped-def]
    """Run one hub decision for the message, commit, and say how it went."""
    session = db()
    try:
        action(session, *args, g.user.email)
    except LookupError:
        session.rollback()
        abort(404)
    except (ValueError, SuggestionError) as refused:
        session.rollback()
        flash(_("Not changed: %(reason)s", reason=str(refused)))
        return _back(interaction_id)
    session.commit()
    flash(done)
    return _back(interaction_id)


@blueprint.route("/interactions/<int:interaction_id>/match/confirm", methods=["POST"])
@permission_required("contact.edit")
def confirm_match(interaction_id: int):  # type: ignore[no-untyped-def]
    """The matched contact is right."""
    return _decide(interaction_id, reassign.confirm_match, interaction_id, done=_("Contact confirmed."))


@blueprint.route("/interactions/<int:interaction_id>/match/reassign", methods=["POST"])
@permission_required("contact.edit")
def reassign_message(interaction_id: int):  # type: ignore[no-untyped-def]
    """Move the message to the contact chosen in the search."""
    contact_id = request.form.get("contact_id", type=int)
    if contact_id is None:
        abort(400)
    return _decide(interaction_id, reassign.reassign, interaction_id, contact_id, done=_("Message moved to the chosen contact."))


@blueprint.route("/interactions/<int:interaction_id>/match/new-contact", methods=["POST"])
@permission_required("contact.edit")
def new_contact(interaction_id: int):  # type: ignore[no-untyped-def]
    """Create a contact from the sender and move the message there."""
    return _decide(interaction_id, reassign.reassign_to_new_contact, interaction_id, done=_("New contact created from the sender."))


def _suggestion_of(interaction_id: int, suggestion_id: int) -> None:
    """404 unless the suggestion belongs to this message (the URL must not act on another one)."""
    row = db().get(ContactSuggestion, suggestion_id)
    if row is None or row.interaction_id != interaction_id:
        abort(404)


def _on_suggestion(interaction_id: int, suggestion_id: int, action, done: str):  # type: ignore[no-untyped-def]
    _suggestion_of(interaction_id, suggestion_id)
    return _decide(interaction_id, action, suggestion_id, done=done)


@blueprint.route("/interactions/<int:interaction_id>/suggestions/<int:suggestion_id>/confirm", methods=["POST"])
@permission_required("contact.edit")
def confirm_suggestion(interaction_id: int, suggestion_id: int):  # type: ignore[no-untyped-def]
    """The suggested contact is right: the message moves there."""
    return _on_suggestion(interaction_id, suggestion_id, suggestions.confirm, _("Suggestion confirmed."))


@blueprint.route("/interactions/<int:interaction_id>/suggestions/<int:suggestion_id>/reject", methods=["POST"])
@permission_required("contact.edit")
def reject_suggestion(interaction_id: int, suggestion_id: int):  # type: ignore[no-untyped-def]
    """The suggested contact is wrong."""
    return _on_suggestion(interaction_id, suggestion_id, suggestions.reject, _("Suggestion rejected."))


@blueprint.route("/interactions/<int:interaction_id>/suggestions/<int:suggestion_id>/undo", methods=["POST"])
@permission_required("contact.edit")
def undo_decision(interaction_id: int, suggestion_id: int):  # type: ignore[no-untyped-def]
    """Take back the latest decision about the contact (a suggestion's or an agent's reassignment)."""
    return _on_suggestion(interaction_id, suggestion_id, reassign.undo, _("Decision undone."))


@blueprint.route("/interactions/<int:interaction_id>/tags", methods=["POST"])
@permission_required("message.correct_tags")
def correct(interaction_id: int):  # type: ignore[no-untyped-def]
    """Store the agent's intent/complaint/severity on the message and as NLP feedback."""
    complaint = request.form.get("complaint") == "yes"
    correction = TagCorrection(
        intent=request.form.get("intent", ""),
        complaint=complaint,
        severity=(request.form.get("severity") or None) if complaint else None,
    )
    session = db()
    settings = current_app.extensions["hub.settings"]
    try:
        correct_tags(
            session, interaction_id, correction, user_id=g.user.id, user_name=g.user.display_name or g.user.email,
            feedback_path=settings.nlp_feedback_file(), ip=client_ip(),
        )
    except LookupError:
        session.rollback()
        abort(404)
    except ValueError as refused:
        session.rollback()
        flash(_("Not changed: %(reason)s", reason=str(refused)))
        return _back(interaction_id)
    session.commit()
    flash(_("Tags corrected; the model will learn from it."))
    return _back(interaction_id)


@blueprint.route("/complaints")
@permission_required("complaint.manage")
def complaints():  # type: ignore[no-untyped-def]
    """Open complaints, high severity first, oldest first within a severity."""
    return render_template("complaints.html", complaints=open_complaints(db()))
