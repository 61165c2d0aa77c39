"""Agents' side of the website chat: open conversations, one conversation live, replies.

Pages work without JavaScript (the reply form posts and redirects back);
``chat-agent.js`` adds the live parts over SSE. A reply is recorded exactly
like a visitor's line (raw envelope, ingest, signal), so the visitor's stream
and every agent's page pick it up, in whichever web process they are.
"""

from __future__ import annotations

import time
from datetime import timedelta

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from connectors.chat import CONVERSATION_ID_PATTERN, build_envelope
from hub.chat import (
    ChatChannelNotFound,
    chat_channel,
    conversation_interaction,
    conversation_of_interaction,
    conversation_lines,
    is_known_conversation,
    new_message_id,
    open_conversations,
    record_line,
    visitor_label,
)
from hub.clock import utcnow
from web.chat_support import blob_store, chat_bus, enqueue_ingest, line_stream, session_factory, signal_stream, sse_limits
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("chat", __name__)

#: A conversation with no line for this long drops off the list of open chats.
OPEN_FOR = timedelta(hours=24)
MAX_REPLY_CHARS = 4000


def _conversation_or_404(channel_id: int, conversation_id: str):  # type: ignore[no-untyped-def]
    if not CONVERSATION_ID_PATTERN.match(conversation_id):
        abort(404)
    try:
        channel = chat_channel(db(), channel_id)
    except ChatChannelNotFound:
        abort(404)
    if not is_known_conversation(db(), channel_id, conversation_id):
        abort(404)
    return channel


def _sse(body) -> Response:  # type: ignore[no-untyped-def]
    response = Response(body, mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response


@blueprint.route("/chat")
@permission_required("inbox.view")
def conversations():  # type: ignore[no-untyped-def]
    """Chats with a line in the last day, newest first; ``partial=1`` gives only the list (live refresh)."""
    found = open_conversations(db(), blob_store(), utcnow() - OPEN_FOR)
    template = "_chat_list.html" if request.args.get("partial") else "chat_list.html"
    return render_template(template, conversations=found)


@blueprint.route("/chat/events")
@permission_required("inbox.view")
def events():  # type: ignore[no-untyped-def]
    """Server-sent signals for the list page: which conversation got a line (ids only)."""
    max_seconds, heartbeat = sse_limits()
    return _sse(signal_stream(chat_bus().subscribe(), max_seconds=max_seconds, heartbeat_seconds=heartbeat, clock=time.monotonic))


@blueprint.route("/chat/<int:channel_id>/<conversation_id>")
@permission_required("inbox.view")
def conversation(channel_id: int, conversation_id: str):  # type: ignore[no-untyped-def]
    """One conversation with its lines and the reply form."""
    channel = _conversation_or_404(channel_id, conversation_id)
    found = conversation_lines(db(), blob_store(), channel_id, conversation_id, limit=1000)
    interaction_id, contact_id = conversation_interaction(db(), channel_id, conversation_id)
    visitor = visitor_label(db(), blob_store(), channel_id, conversation_id)
    return render_template(
        "chat_conversation.html", channel=channel, conversation_id=conversation_id, lines=found,
        interaction_id=interaction_id, contact_id=contact_id, last_id=found[-1].id if found else 0, message_id=new_message_id(), visitor=visitor,
    )


@blueprint.route("/chat/<int:channel_id>/<conversation_id>/stream")
@permission_required("inbox.view")
def conversation_stream(channel_id: int, conversation_id: str):  # type: ignore[no-untyped-def]
    """Server-sent events of the conversation's lines after ``?after=<id>``."""
    _conversation_or_404(channel_id, conversation_id)
    max_seconds, heartbeat = sse_limits()
    body = line_stream(
        session_factory(), blob_store(), chat_bus().subscribe(channel_id, conversation_id), channel_id, conversation_id,
        after=request.args.get("after", 0, type=int) or 0, max_seconds=max_seconds, heartbeat_seconds=heartbeat, clock=time.monotonic,
    )
    return _sse(body)


@blueprint.route("/chat/<int:channel_id>/<conversation_id>/reply", methods=["POST"])
@permission_required("message.reply")
def reply(channel_id: int, conversation_id: str):  # type: ignore[no-untyped-def]
    """Record an agent's line: the visitor's stream shows it, ingest makes it an outgoing interaction."""
    _conversation_or_404(channel_id, conversation_id)
    text = request.form.get("text", "").strip()
    back = redirect(url_for("chat.conversation", channel_id=channel_id, conversation_id=conversation_id), 303)
    if not text or len(text) > MAX_REPLY_CHARS:
        flash(_("Not sent: a reply needs 1 to %(limit)d characters.", limit=MAX_REPLY_CHARS))
        return back
    message_id = request.form.get("message_id", "")
    # The page puts a fresh id into the form, so a double-clicked submit is one line; a bare POST gets one here.
    message_id = message_id if 8 <= len(message_id) <= 64 and message_id.replace("-", "").replace("_", "").isalnum() else new_message_id()
    envelope = build_envelope(
        channel_id=channel_id, conversation_id=conversation_id, message_id=message_id, direction="out", text=text,
        received_at=utcnow(), agent_id=g.user.id, agent_name=g.user.display_name or g.user.email,
    )
    session = db()
    recorded = record_line(session, blob_store(), channel_id, conversation_id, message_id, envelope)
    session.commit()
    if not recorded.duplicate:
        # Signal first: the line is committed, and an in-process ingest may take a while.
        chat_bus().publish(channel_id, conversation_id, {"type": "chat.line", "channel_id": channel_id, "conversation_id": conversation_id, "line_id": recorded.source_id})
        enqueue_ingest(list(recorded.pending_raw_ids))
    return back


@blueprint.route("/chat/for-interaction/<int:interaction_id>")
@permission_required("inbox.view")
def for_interaction(interaction_id: int):  # type: ignore[no-untyped-def]
    """The conversation a chat message belongs to (chat is answered there, not in the mail composer)."""
    found = conversation_of_interaction(db(), interaction_id)
    if found is None:
        abort(404)
    return redirect(url_for("chat.conversation", channel_id=found[0], conversation_id=found[1]), 303)
