"""The chat widget's public endpoints: start a conversation, post lines, receive lines live.

Public, but verified on every request:

* the page's ``Origin`` must be one the channel's admin allowed (CORS answers
  only those; a request from any other origin, or without one, gets 403);
* the conversation is named by a signed token the widget keeps in its
  ``localStorage`` and sends in the ``X-Chat-Token`` header (never a cookie,
  so no CSRF exposure and no third-party-cookie trouble);
* bodies are small JSON objects; lines are rate-limited per conversation and
  per client address.

Bad input answers 400/403/413/429 with ``{"error": "..."}`` and stores nothing.
"""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request

from connectors.base import ChannelConfig, PayloadError
from connectors.chat import DEFAULT_MAX_CHARS, EMAIL_PATTERN, MESSAGE_ID_PATTERN, ChatConnector, build_envelope
from hub.chat import (
    BadChatToken,
    ChatChannelNotFound,
    chat_channel,
    conversation_lines,
    conversation_of_token,
    issue_token,
    new_conversation_id,
    record_line,
)
from hub.clock import utcnow
from web.auth import client_ip
from web.chat_support import blob_store, chat_bus, enqueue_ingest, line_json, line_stream, rate_limiter, session_factory, sse_limits
from web.security import csrf_exempt, db

blueprint = Blueprint("chat_widget", __name__)

#: Largest request body the widget ever needs (a 4,000-character line in UTF-8 plus JSON).
MAX_BODY_BYTES = 32 * 1024
#: New conversations one client address may start per minute.
STARTS_PER_MINUTE = 10
#: Lines per minute from one client address, all its conversations together (an office shares one address).
LINES_PER_MINUTE_PER_ADDRESS = 120
#: Stream opens and catch-up reads per minute from one client address (a widget reconnects about every 25 s).
READS_PER_MINUTE_PER_ADDRESS = 240
TOKEN_HEADER = "X-Chat-Token"


class WidgetRefused(Exception):
    """A request the widget endpoints answer with an error status and nothing stored."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@blueprint.errorhandler(WidgetRefused)
def _refused(error: WidgetRefused):  # type: ignore[no-untyped-def]
    db().rollback()
    response = jsonify(error=error.message)
    response.status_code = error.status
    if error.status == 429:
        response.headers["Retry-After"] = "60"
    return response


def _channel(channel_id: int) -> ChannelConfig:
    if "chat_channel" not in g:
        try:
            g.chat_channel = chat_channel(db(), channel_id)
        except ChatChannelNotFound:
            raise WidgetRefused(404, "no such chat") from None
    return g.chat_channel


def _allowed_origin(channel: ChannelConfig) -> str | None:
    origin = request.headers.get("Origin", "")
    return origin if origin and origin in ChatConnector(channel).allowed_origins else None


def _verified(channel_id: int) -> ChannelConfig:
    """The channel, once the request's Origin is one it allows."""
    channel = _channel(channel_id)
    origin = request.headers.get("Origin")
    if not origin:
        raise WidgetRefused(403, "the chat only answers pages of allowed websites (no Origin header)")
    if _allowed_origin(channel) is None:
        raise WidgetRefused(403, f"origin {origin[:200]} is not allowed to use this chat")
    return channel


def _conversation(channel_id: int) -> str:
    token = request.headers.get(TOKEN_HEADER, "")
    if not token:
        raise WidgetRefused(401, f"missing {TOKEN_HEADER} header: start a conversation first")
    try:
        return conversation_of_token(current_app.config["SECRET_KEY"], channel_id, token)
    except BadChatToken as error:
        raise WidgetRefused(403, str(error)) from None


def _json_body() -> dict[str, Any]:
    if (request.content_length or 0) > MAX_BODY_BYTES:
        raise WidgetRefused(413, f"request body is larger than {MAX_BODY_BYTES} bytes")
    data = request.get_data(cache=True)
    if len(data) > MAX_BODY_BYTES:
        raise WidgetRefused(413, f"request body is larger than {MAX_BODY_BYTES} bytes")
    if not request.is_json:
        raise WidgetRefused(400, "send the body as application/json")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise WidgetRefused(400, "body must be a JSON object")
    return body


def _visitor(body: dict[str, Any]) -> tuple[str, str]:
    name, email = body.get("name", ""), body.get("email", "")
    if not isinstance(name, str) or len(name.strip()) > 200:
        raise WidgetRefused(400, "name must be text of at most 200 characters")
    if not isinstance(email, str) or (email.strip() and not EMAIL_PATTERN.match(email.strip())):
        raise WidgetRefused(400, "email is not an e-mail address")
    return " ".join(name.split()), email.strip().lower()


#: The rate limiter's clock (fixed windows of a minute); tests pin it so a burst never straddles a window edge.
_now = time.time


def _limit(key: str, limit: int) -> None:
    if not rate_limiter().hit(key, limit, 60, _now()):
        raise WidgetRefused(429, "too many requests: wait a minute and try again")


@blueprint.after_request
def _cors(response: Response) -> Response:
    """CORS headers for allowed origins only (preflights included); everything else stays same-origin."""
    channel_id = (request.view_args or {}).get("channel_id")
    if channel_id is None:
        return response
    try:
        origin = _allowed_origin(_channel(channel_id))
    except WidgetRefused:
        origin = None
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = f"Content-Type, {TOKEN_HEADER}"
        response.headers["Access-Control-Max-Age"] = "600"
    response.headers.add("Vary", "Origin")
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.route("/chat/w/<int:channel_id>/conversations", methods=["POST"])
@csrf_exempt
def start(channel_id: int):  # type: ignore[no-untyped-def]
    """A new conversation: its token and the greeting (nothing is stored until the first line)."""
    channel = _verified(channel_id)
    _json_body()
    _limit(f"chat-start:{client_ip()}", STARTS_PER_MINUTE)
    conversation_id = new_conversation_id()
    return jsonify(
        token=issue_token(current_app.config["SECRET_KEY"], channel_id, conversation_id),
        greeting=str(channel.settings.get("greeting") or ""),
        max_chars=int(channel.settings.get("max_message_chars") or DEFAULT_MAX_CHARS),
    ), 201


@blueprint.route("/chat/w/<int:channel_id>/messages", methods=["POST"])
@csrf_exempt
def post_line(channel_id: int):  # type: ignore[no-untyped-def]
    """One visitor line: kept raw, committed, sent to ingest, signalled to agents."""
    channel = _verified(channel_id)
    conversation_id = _conversation(channel_id)
    body = _json_body()
    message_id, text = body.get("id"), body.get("text")
    if not isinstance(message_id, str) or not MESSAGE_ID_PATTERN.match(message_id):
        raise WidgetRefused(400, "id must be 8-64 characters of A-Z, a-z, 0-9, _ and -")
    max_chars = int(channel.settings.get("max_message_chars") or DEFAULT_MAX_CHARS)
    if not isinstance(text, str) or not text.strip():
        raise WidgetRefused(400, "text is empty")
    if len(text) > max_chars:
        raise WidgetRefused(413, f"text is longer than {max_chars} characters")
    name, email = _visitor(body)
    page_url = body.get("page_url", "")
    page_url = page_url[:500] if isinstance(page_url, str) else ""
    per_minute = int(channel.settings.get("messages_per_minute") or 20)
    _limit(f"chat-line:{channel_id}:{conversation_id}", per_minute)
    _limit(f"chat-line-ip:{client_ip()}", LINES_PER_MINUTE_PER_ADDRESS)
    try:
        envelope = build_envelope(
            channel_id=channel_id, conversation_id=conversation_id, message_id=message_id, direction="in",
            text=text.strip(), received_at=utcnow(), visitor_name=name, visitor_email=email, page_url=page_url,
        )
    except PayloadError as error:
        raise WidgetRefused(400, str(error)) from None
    session = db()
    recorded = record_line(session, blob_store(), channel_id, conversation_id, message_id, envelope)
    session.commit()
    if not recorded.duplicate:
        # Signal first: the line is committed, and an in-process ingest may take a while.
        chat_bus().publish(channel_id, conversation_id, {"type": "chat.line", "channel_id": channel_id, "conversation_id": conversation_id, "line_id": recorded.source_id})
        enqueue_ingest(list(recorded.pending_raw_ids))
    return jsonify(id=recorded.source_id, duplicate=recorded.duplicate), 200 if recorded.duplicate else 201


@blueprint.route("/chat/w/<int:channel_id>/messages", methods=["GET"])
def lines(channel_id: int):  # type: ignore[no-untyped-def]
    """Lines after ``?after=<id>``: the long-poll fallback and the catch-up after a reconnect."""
    _verified(channel_id)
    conversation_id = _conversation(channel_id)
    _limit(f"chat-read-ip:{client_ip()}", READS_PER_MINUTE_PER_ADDRESS)
    after = request.args.get("after", 0, type=int) or 0
    found = conversation_lines(db(), blob_store(), channel_id, conversation_id, after=after)
    return jsonify(messages=[line_json(line) for line in found])


@blueprint.route("/chat/w/<int:channel_id>/stream", methods=["GET"])
def stream(channel_id: int):  # type: ignore[no-untyped-def]
    """Server-sent events of this conversation's lines (read with fetch, so the token stays in a header)."""
    _verified(channel_id)
    conversation_id = _conversation(channel_id)
    # Each open stream holds a worker thread: a client cannot open them without bound.
    _limit(f"chat-read-ip:{client_ip()}", READS_PER_MINUTE_PER_ADDRESS)
    after = request.args.get("after", 0, type=int) or 0
    max_seconds, heartbeat = sse_limits()
    body = line_stream(
        session_factory(), blob_store(), chat_bus().subscribe(channel_id, conversation_id), channel_id, conversation_id,
        after=after, max_seconds=max_seconds, heartbeat_seconds=heartbeat, clock=time.monotonic,
    )
    response = Response(body, mimetype="text/event-stream")
    response.headers["X-Accel-Buffering"] = "no"
    return response
