"""Replying from the inbox: the composer, sending through the queue, retrying.

Views only adapt HTTP to ``hub.outbound``: the reply row is committed before
its send job is enqueued, so a reply is either visible as queued/failed on
the message page or sent, never lost between the two.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from hub.models import Interaction, OutboundMessage
from hub.outbound import (
    ReplyNotPossible,
    outbound_for_interaction,
    prepare_reply,
    queue_reply,
    retry_outbound,
)
from web.permissions import permission_required
from web.security import db
from workers.queue import JobQueue

blueprint = Blueprint("reply", __name__)
log = logging.getLogger(__name__)


@blueprint.app_context_processor
def _outbound_helpers() -> dict[str, Any]:
    """Lets ``_outbound_status.html`` list a message's replies without touching its view."""
    return {"outbound_for": lambda interaction_id: outbound_for_interaction(db(), interaction_id)}


def _queue() -> JobQueue:
    """The job queue of this hub; tests and embedders may put one in ``app.extensions``."""
    queue = current_app.extensions.get("hub.job_queue")
    if queue is None:
        from workers.queue import make_queue
        from workers.runtime import get_runtime

        queue = make_queue(get_runtime(current_app.extensions["hub.settings"]))
    return cast(JobQueue, queue)


@blueprint.route("/interactions/<int:interaction_id>/reply", methods=["GET"])
@permission_required("message.reply")
def compose(interaction_id: int):  # type: ignore[no-untyped-def]
    """The composer, prefilled with the quoted message."""
    if db().get(Interaction, interaction_id) is None:
        abort(404)
    try:
        _channel_id, draft = prepare_reply(db(), interaction_id)
    except ReplyNotPossible as refused:
        return render_template("reply.html", interaction_id=interaction_id, draft=None, problem=str(refused)), 409
    sending_enabled = bool(current_app.extensions["hub.settings"].smtp_host)
    return render_template("reply.html", interaction_id=interaction_id, draft=draft, problem=None, sending_enabled=sending_enabled)


@blueprint.route("/interactions/<int:interaction_id>/reply", methods=["POST"])
@permission_required("message.reply")
def send(interaction_id: int):  # type: ignore[no-untyped-def]
    """Queue the reply, commit, then hand it to the queue."""
    session = db()
    try:
        outbound_id = queue_reply(session, interaction_id, request.form.get("body", ""), g.user.id)
    except ReplyNotPossible as refused:
        session.rollback()
        flash(f"Reply not sent: {refused}")
        return redirect(url_for("reply.compose", interaction_id=interaction_id))
    session.commit()
    _queue().enqueue_send(outbound_id)
    _flash_status(outbound_id)
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id))


@blueprint.route("/outbound/<int:outbound_id>/retry", methods=["POST"])
@permission_required("message.reply")
def retry(outbound_id: int):  # type: ignore[no-untyped-def]
    """Send a failed reply again; anything not failed is left alone."""
    session = db()
    outbound = session.get(OutboundMessage, outbound_id)
    if outbound is None:
        abort(404)
    interaction_id = outbound.interaction_id
    if not retry_outbound(session, outbound_id):
        session.rollback()
        flash("Only a failed reply can be retried.")
        return redirect(url_for("timeline.interaction", interaction_id=interaction_id))
    session.commit()
    log.info("event=outbound_retry outbound_id=%d user_id=%d", outbound_id, g.user.id)
    _queue().enqueue_send(outbound_id)
    _flash_status(outbound_id)
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id))


def _flash_status(outbound_id: int) -> None:
    """Say what happened: the in-process queue has already sent (or failed), RQ only queued."""
    session = db()
    session.expire_all()
    outbound = session.get(OutboundMessage, outbound_id)
    status = outbound.status if outbound is not None else ""
    messages = {"sent": "Reply sent.", "failed": "Reply could not be sent: see the error below, then retry."}
    flash(messages.get(status, "Reply queued for sending."))
