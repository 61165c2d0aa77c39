"""Replies on chat channels: queue one from an interaction, send it exactly once.

Queueing commits a :class:`ChannelReply` row before any job exists, so a
lost job leaves a visible ``queued`` row. Sending claims the row with a
compare-and-set; a second run of the job (a retry, a sweeper, a double
click) finds it ``sent`` or claimed and does nothing. The one window left is
the connector's: if the process dies after the service accepted the message
and before ``sent`` is committed, the claim expires after :data:`CLAIM_LEASE`
and the reply is sent again (Telegram has no idempotency key to prevent it).

The sent copy the connector returns is stored like any received payload and
ingested, so the reply appears in the conversation's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from connectors.base import ConnectorBase, Identity, OutgoingReply
from connectors.registry import ConnectorRegistry, UnknownConnector
from hub.channel_intake import store_payloads
from hub.channel_messages import conversation_ref
from hub.channel_health import redact
from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import Channel, Interaction, MessageReference
from hub.models.channel_replies import REPLY_FAILED, REPLY_QUEUED, REPLY_SENDING, REPLY_SENT, ChannelReply
from hub.rawstore import FileBlobStore
from hub.outbox import stuck_row_ids

log = logging.getLogger(__name__)

#: A ``sending`` claim older than this belongs to a dead worker and may be taken over.
CLAIM_LEASE = timedelta(minutes=10)
ERROR_MAX_CHARS = 2000


class ChannelReplyRefused(ValueError):
    """The reply cannot be queued; the message says why (shown to the agent)."""


@dataclass(frozen=True)
class ChannelSendOutcome:
    """What one send attempt did."""

    reply_id: int
    status: str
    sent_now: bool
    sent_message_id: str | None = None


def queue_channel_reply(session: Session, registry: ConnectorRegistry, interaction_id: int, body_text: str, user_id: int | None) -> int:
    """Record a reply to a non-mail interaction; the caller commits, then enqueues the send job."""
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise ChannelReplyRefused("no such message")
    if interaction.channel == "email":
        raise ChannelReplyRefused("mail is answered through the mail composer")
    try:
        connector = registry.get(interaction.channel)
    except UnknownConnector as error:
        raise ChannelReplyRefused(str(error)) from None
    if not connector.can_send():
        raise ChannelReplyRefused(f"{connector.label} channels cannot send replies")
    if interaction.channel_id is None or session.get(Channel, interaction.channel_id) is None:
        raise ChannelReplyRefused("the channel this message came through no longer exists")
    # Browsers submit a textarea's line ends as CRLF: one character each is what the customer's app shows.
    text = body_text.replace("\r\n", "\n").strip()
    if not text:
        raise ChannelReplyRefused("the reply is empty")
    if connector.max_reply_chars is not None and len(text) > connector.max_reply_chars:
        raise ChannelReplyRefused(f"{connector.label} messages hold at most {connector.max_reply_chars} characters (this one has {len(text)})")
    recipient = customer_identity(interaction)
    if recipient is None:
        raise ChannelReplyRefused("this message names no customer to answer")
    row = ChannelReply(
        interaction_id=interaction.id,
        channel_id=interaction.channel_id,
        recipient_kind=recipient.kind,
        recipient_value=recipient.value,
        conversation_id=_conversation_of(session, interaction),
        in_reply_to=interaction.channel_message_id,
        body_text=text,
        status=REPLY_QUEUED,
        attempts=0,
        created_by=user_id,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row.id


def customer_identity(interaction: Interaction) -> Identity | None:
    """Who a reply goes to. Inbound: the sender. Outbound (answering our own message): its first other participant."""
    tokens = [interaction.from_address] if interaction.direction == "in" else [t for t in interaction.participants.split() if t != interaction.from_address]
    for token in tokens:
        kind, _, value = (token or "").partition(":")
        if kind and value:
            return Identity(kind, value)
    return None


def _conversation_of(session: Session, interaction: Interaction) -> str:
    prefix = conversation_ref(interaction.channel, "")
    refs = session.scalars(select(MessageReference.referenced_message_id).where(MessageReference.interaction_id == interaction.id))
    return next((ref[len(prefix):] for ref in refs if ref.startswith(prefix)), "")


def send_channel_reply(
    factory: sessionmaker[Session],
    store: FileBlobStore,
    build_connector: Callable[[Session, int], ConnectorBase],
    reply_id: int,
    enqueue_ingest: Callable[[list[int]], object],
) -> ChannelSendOutcome:
    """Send one queued reply once; store the sent copy and enqueue its ingest.

    ``build_connector(session, channel_id)`` returns the channel's connector
    with its secrets opened. Raises when sending failed (after recording it),
    so the queue retries; a retry claims the ``failed`` row again.
    """
    claimed = _claim(factory, reply_id)
    if claimed is None:
        with unit_of_work(factory) as session:
            row = session.get(ChannelReply, reply_id)
            status = row.status if row is not None else "missing"
        log.info("event=channel_reply_skipped reply_id=%d status=%s", reply_id, status)
        return ChannelSendOutcome(reply_id, status, sent_now=False)
    secrets: Sequence[str] = ()
    try:
        with unit_of_work(factory) as session:
            connector = build_connector(session, claimed.channel_id)
        secrets = list(connector.channel.secrets.values())
        with connector:
            receipt = connector.send_reply(
                OutgoingReply(
                    text=claimed.body_text,
                    recipient=Identity(claimed.recipient_kind, claimed.recipient_value),
                    conversation_id=claimed.conversation_id,
                    in_reply_to=claimed.in_reply_to,
                )
            )
    except Exception as error:
        _record_failure(factory, reply_id, redact(f"{type(error).__name__}: {error}", secrets))
        raise
    pending: tuple[int, ...] = ()
    with unit_of_work(factory) as session:
        session.execute(
            update(ChannelReply)
            .where(ChannelReply.id == reply_id)
            .values(status=REPLY_SENT, sent_at=utcnow(), sent_message_id=receipt.channel_message_id[:500], last_error=None)
        )
        if receipt.sent_copy is not None:
            pending = store_payloads(session, store, connector, [receipt.sent_copy]).pending_raw_ids
    log.info("event=channel_reply_sent reply_id=%d kind=%s attempts=%d", reply_id, connector.kind, claimed.attempts)
    if pending:
        try:
            enqueue_ingest(list(pending))
        except Exception:  # noqa: BLE001 -- the copy stays pending; the ingest sweeper picks it up
            log.exception("event=channel_reply_copy_enqueue_failed reply_id=%d", reply_id)
    return ChannelSendOutcome(reply_id, REPLY_SENT, sent_now=True, sent_message_id=receipt.channel_message_id)


@dataclass(frozen=True)
class _Claimed:
    id: int
    channel_id: int
    recipient_kind: str
    recipient_value: str
    conversation_id: str
    in_reply_to: str | None
    body_text: str
    attempts: int


def _claim(factory: sessionmaker[Session], reply_id: int) -> _Claimed | None:
    """``queued``/``failed`` (or a stale ``sending``) -> ``sending``, atomically; None when not ours to send."""
    now = utcnow()
    table = ChannelReply.__table__
    with unit_of_work(factory) as session:
        result = session.execute(
            update(table)
            .where(
                table.c.id == reply_id,
                or_(
                    table.c.status.in_([REPLY_QUEUED, REPLY_FAILED]),
                    (table.c.status == REPLY_SENDING) & (table.c.claimed_at < now - CLAIM_LEASE),
                ),
            )
            .values(status=REPLY_SENDING, claimed_at=now, attempts=table.c.attempts + 1)
        )
        if result.rowcount != 1:
            return None
        row = session.get(ChannelReply, reply_id)
        assert row is not None
        return _Claimed(row.id, row.channel_id, row.recipient_kind, row.recipient_value, row.conversation_id, row.in_reply_to, row.body_text, row.attempts)


def _record_failure(factory: sessionmaker[Session], reply_id: int, error: str) -> None:
    with unit_of_work(factory) as session:
        session.execute(
            update(ChannelReply)
            .where(ChannelReply.id == reply_id, ChannelReply.status == REPLY_SENDING)
            .values(status=REPLY_FAILED, last_error=error[:ERROR_MAX_CHARS])
        )
    log.warning("event=channel_reply_failed reply_id=%d", reply_id)


def replies_for_interaction(session: Session, interaction_id: int) -> list[ChannelReply]:
    """The channel replies to one message, oldest first (for the message page)."""
    return list(session.scalars(select(ChannelReply).where(ChannelReply.interaction_id == interaction_id).order_by(ChannelReply.id)))


@dataclass(frozen=True)
class ChannelReplyView:
    """One channel reply as the message page lists it."""

    id: int
    created_at: datetime
    recipient: str
    body_text: str
    status: str
    attempts: int
    last_error: str | None
    #: The outgoing interaction the sent copy became, once ingested (a link to it in the timeline).
    sent_interaction_id: int | None


def channel_reply_views(session: Session, interaction_id: int) -> list[ChannelReplyView]:
    """The replies to one message with the interaction each sent copy became."""
    rows = replies_for_interaction(session, interaction_id)
    sent_ids = [row.sent_message_id for row in rows if row.sent_message_id]
    copies: dict[str, int] = {}
    if sent_ids:
        channel = session.scalar(select(Interaction.channel).where(Interaction.id == interaction_id))
        found = session.execute(
            select(Interaction.channel_message_id, Interaction.id).where(Interaction.channel == channel, Interaction.channel_message_id.in_(sent_ids))
        )
        copies = {message_id: copy_id for message_id, copy_id in found}
    return [
        ChannelReplyView(
            id=row.id, created_at=row.created_at, recipient=f"{row.recipient_kind}:{row.recipient_value}", body_text=row.body_text,
            status=row.status, attempts=row.attempts, last_error=row.last_error,
            sent_interaction_id=copies.get(row.sent_message_id) if row.sent_message_id else None,
        )
        for row in rows
    ]


def retry_channel_reply(session: Session, reply_id: int) -> bool:
    """Put a failed reply back in the queue; False when it is not failed (sent, queued, sending)."""
    table = ChannelReply.__table__
    result = session.execute(update(table).where(table.c.id == reply_id, table.c.status == REPLY_FAILED).values(status=REPLY_QUEUED))
    return result.rowcount == 1  # type: ignore[attr-defined]


def lost_channel_reply_ids(session: Session, now: datetime, grace: timedelta, limit: int = 500) -> list[int]:
    """Replies that should be on their way but may have no job: ``queued`` for longer than
    ``grace``, or ``sending`` under a claim older than :data:`CLAIM_LEASE` (a dead worker's).

    Re-enqueueing one is always safe: :func:`send_channel_reply` claims with a
    compare-and-set, so at most one job sends it and a sent reply is skipped.
    A ``failed`` reply is not lost: RQ retries it, or an agent does.
    """
    return stuck_row_ids(
        session, ChannelReply.__table__, queued=REPLY_QUEUED, sending=REPLY_SENDING, now=now, grace=grace, lease=CLAIM_LEASE, limit=limit
    )


__all__ = [
    "CLAIM_LEASE", "ChannelReplyRefused", "ChannelReplyView", "ChannelSendOutcome", "channel_reply_views", "customer_identity",
    "lost_channel_reply_ids", "queue_channel_reply", "replies_for_interaction", "retry_channel_reply", "send_channel_reply",
]
