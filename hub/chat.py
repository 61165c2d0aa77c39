"""Website chat conversations: visitor tokens, recording lines, reading a conversation back.

There is no chat table. Every line (a visitor's message or an agent's reply)
is a raw payload (``connectors.chat`` envelope) with one raw source per line:
channel = the chat channel, folder = ``conversation:<id>``, uid = a hash of
the line's message id. So

* a conversation's history is its raw sources in id order, readable the
  moment the POST commits, before (and whatever) ingest does with it;
* a retried POST hits the same (channel, folder, uid) and adds nothing;
* the timeline gets the lines the normal way: ingest turns each raw into an
  interaction, threaded by the conversation.

The visitor's token is ``itsdangerous``-signed ``(channel id, conversation
id)``: the conversation id is 144 random bits (unguessable), the signature
stops a visitor from naming someone else's conversation on another channel.
No cookie is involved, so there is nothing for CSRF to ride on.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from connectors.base import ChannelConfig, PayloadError
from connectors.chat import CONVERSATION_ID_PATTERN, read_envelope
from hub.channel_config import is_enabled, to_channel_config
from hub.intake import IncomingRaw, store_raw_batch
from hub.models import Channel, Interaction, RawMessage, RawSource
from hub.rawstore import FileBlobStore

CHAT_KIND = "chat"
FOLDER_PREFIX = "conversation:"
_TOKEN_SALT = "kontakt-hub/chat-conversation"


class ChatChannelNotFound(LookupError):
    """No enabled chat channel with that id."""


class BadChatToken(ValueError):
    """A conversation token that was not issued by this hub for this channel."""


@dataclass(frozen=True)
class RecordedLine:
    """What recording one line did: its source id (the visitor's cursor) and what to ingest."""

    source_id: int
    duplicate: bool
    pending_raw_ids: tuple[int, ...]


@dataclass(frozen=True)
class ChatLine:
    """One line of a conversation as the widget and the agent page show it."""

    id: int
    message_id: str
    direction: str
    text: str
    author: str
    at: str


@dataclass(frozen=True)
class ConversationSummary:
    """One conversation in the agents' list."""

    channel_id: int
    channel_name: str
    conversation_id: str
    lines: int
    last_line_id: int
    last_at: datetime
    visitor: str


def chat_channel(session: Session, channel_id: int) -> ChannelConfig:
    """An enabled chat channel's configuration, or :class:`ChatChannelNotFound`."""
    channel = session.get(Channel, channel_id)
    if channel is None or channel.kind != CHAT_KIND or not is_enabled(channel):
        raise ChatChannelNotFound(f"no chat channel #{channel_id}")
    return to_channel_config(channel)


def new_conversation_id() -> str:
    """144 random bits, URL-safe (24 characters)."""
    return secrets.token_urlsafe(18)


def new_message_id() -> str:
    """An id for a line the hub writes (agents' replies)."""
    return secrets.token_urlsafe(12)


def issue_token(secret_key: str, channel_id: int, conversation_id: str) -> str:
    """The visitor's proof of one conversation on one channel."""
    return URLSafeSerializer(secret_key, salt=_TOKEN_SALT).dumps([channel_id, conversation_id])


def conversation_of_token(secret_key: str, channel_id: int, token: str) -> str:
    """The conversation id a token names; :class:`BadChatToken` if forged, altered or for another channel."""
    try:
        value = URLSafeSerializer(secret_key, salt=_TOKEN_SALT).loads(token)
    except BadSignature:
        raise BadChatToken("conversation token is not valid") from None
    if not (isinstance(value, list) and len(value) == 2 and value[0] == channel_id and isinstance(value[1], str)):
        raise BadChatToken("conversation token belongs to another chat")
    if not CONVERSATION_ID_PATTERN.match(value[1]):
        raise BadChatToken("conversation token is not valid")
    return value[1]


def folder_of(conversation_id: str) -> str:
    """The raw-source folder of a conversation."""
    return FOLDER_PREFIX + conversation_id


def position_of(message_id: str) -> int:
    """The raw-source uid of a line: 60 bits of a hash of its message id (fits BIGINT)."""
    return int(hashlib.sha256(message_id.encode()).hexdigest()[:15], 16)


def record_line(
    session: Session, store: FileBlobStore, channel_id: int, conversation_id: str, message_id: str, envelope: bytes
) -> RecordedLine:
    """Keep one line's envelope raw (caller commits, then enqueues ingest and publishes).

    A line whose message id is already recorded in this conversation is a
    second delivery of the same POST: nothing is stored, its first source is returned.
    """
    read_envelope(envelope)  # never keep bytes the connector could not read back
    folder, uid = folder_of(conversation_id), position_of(message_id)
    known = _source_id(session, channel_id, folder, uid)
    if known is not None:
        return RecordedLine(known, True, ())
    result = store_raw_batch(
        session,
        store,
        channel_id,
        [IncomingRaw(data=envelope, folder=folder, uid=uid, source_ref=f"chat line {message_id}")],
        channel_kind=CHAT_KIND,
    )
    source_id = _source_id(session, channel_id, folder, uid)
    assert source_id is not None
    return RecordedLine(source_id, False, result.pending_raw_ids)


def _source_id(session: Session, channel_id: int, folder: str, uid: int) -> int | None:
    return session.scalar(
        select(RawSource.id).where(
            RawSource.channel_id == channel_id, RawSource.folder == folder, RawSource.uidvalidity == 0, RawSource.uid == uid
        )
    )


def conversation_lines(
    session: Session, store: FileBlobStore, channel_id: int, conversation_id: str, *, after: int = 0, limit: int = 200
) -> list[ChatLine]:
    """Lines after source id ``after``, oldest first (what a reconnecting stream catches up on)."""
    rows = session.execute(
        select(RawSource.id, RawMessage.sha256)
        .join(RawMessage, RawMessage.id == RawSource.raw_message_id)
        .where(RawSource.channel_id == channel_id, RawSource.folder == folder_of(conversation_id), RawSource.id > after)
        .order_by(RawSource.id)
        .limit(limit)
    )
    lines = []
    for source_id, sha256 in rows:
        line = _line(source_id, store, sha256)
        if line is not None:
            lines.append(line)
    return lines


def _line(source_id: int, store: FileBlobStore, sha256: str) -> ChatLine | None:
    try:
        envelope = read_envelope(store.get(sha256))
    except (KeyError, PayloadError):
        return None  # a missing or unreadable raw is the quarantine's business, not the chat's
    if envelope["direction"] == "out":
        author = str((envelope.get("agent") or {}).get("name") or "Agent")
    else:
        visitor = envelope["visitor"]
        author = str(visitor.get("name") or visitor.get("email") or "Visitor")
    return ChatLine(source_id, envelope["message_id"], envelope["direction"], envelope["text"], author, envelope["received_at"])


def open_conversations(session: Session, store: FileBlobStore, since: datetime, *, limit: int = 100) -> list[ConversationSummary]:
    """Conversations with a line since ``since``, most recent first."""
    last = func.max(RawSource.id)
    rows = session.execute(
        select(Channel.id, Channel.name, RawSource.folder, func.count(RawSource.id), last, func.max(RawSource.seen_at))
        .join(Channel, Channel.id == RawSource.channel_id)
        .where(Channel.kind == CHAT_KIND, RawSource.folder.startswith(FOLDER_PREFIX))
        .group_by(Channel.id, Channel.name, RawSource.folder)
        .having(func.max(RawSource.seen_at) >= since)
        .order_by(last.desc())
        .limit(limit)
    ).all()
    summaries = []
    for channel_id, name, folder, count, last_id, last_at in rows:
        conversation_id = folder.removeprefix(FOLDER_PREFIX)
        summaries.append(
            ConversationSummary(channel_id, name, conversation_id, count, last_id, last_at, _visitor_label(session, store, channel_id, folder))
        )
    return summaries


def visitor_label(session: Session, store: FileBlobStore, channel_id: int, conversation_id: str) -> str:
    """The name or e-mail the visitor of a conversation last gave."""
    return _visitor_label(session, store, channel_id, folder_of(conversation_id))


def _visitor_label(session: Session, store: FileBlobStore, channel_id: int, folder: str) -> str:
    """The name or e-mail the visitor last gave (their newest line says it)."""
    for (sha256,) in session.execute(
        select(RawMessage.sha256)
        .join(RawSource, RawSource.raw_message_id == RawMessage.id)
        .where(RawSource.channel_id == channel_id, RawSource.folder == folder)
        .order_by(RawSource.id.desc())
        .limit(5)  # the list shows it for every open chat: a few blobs each, not the whole history
    ):
        try:
            envelope = read_envelope(store.get(sha256))
        except (KeyError, PayloadError):
            continue
        if envelope["direction"] == "in":
            visitor = envelope["visitor"]
            name, email = str(visitor.get("name") or ""), str(visitor.get("email") or "")
            if name or email:
                return f"{name} <{email}>" if name and email else name or email
    return "Visitor"


def conversation_interaction(session: Session, channel_id: int, conversation_id: str) -> tuple[int | None, int | None]:
    """(newest interaction id, its contact id) made from this conversation, once ingest got to it."""
    row = session.execute(
        select(RawMessage.interaction_id)
        .join(RawSource, RawSource.raw_message_id == RawMessage.id)
        .where(RawSource.channel_id == channel_id, RawSource.folder == folder_of(conversation_id), RawMessage.interaction_id.is_not(None))
        .order_by(RawSource.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None, None
    interaction = session.get(Interaction, row[0])
    return (row[0], interaction.contact_id if interaction is not None else None)


def is_known_conversation(session: Session, channel_id: int, conversation_id: str) -> bool:
    """Whether the conversation has any line (agents cannot open a conversation nobody started)."""
    return session.scalar(
        select(RawSource.id).where(RawSource.channel_id == channel_id, RawSource.folder == folder_of(conversation_id)).limit(1)
    ) is not None


def conversation_of_interaction(session: Session, interaction_id: int) -> tuple[int, str] | None:
    """(chat channel id, conversation id) an interaction was made from, or None for any other message."""
    row = session.execute(
        select(RawSource.channel_id, RawSource.folder)
        .join(Interaction, Interaction.raw_message_id == RawSource.raw_message_id)
        .where(Interaction.id == interaction_id, Interaction.channel == CHAT_KIND, RawSource.folder.startswith(FOLDER_PREFIX))
        .limit(1)
    ).first()
    if row is None or row[0] is None:
        return None
    return row[0], row[1].removeprefix(FOLDER_PREFIX)
