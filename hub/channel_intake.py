"""Receiving through connectors: poll once, or accept one webhook request.

The order is the one mail sync keeps (``hub.mail_sync``): the connector
fetches outside any transaction; then raw payloads *and* the advanced cursor
are committed together; only then is ingest requested. A crash before the
commit fetches the same items again (the source position dedupes them); a
crash after it leaves pending raws the sweeper re-enqueues.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from connectors.base import ConnectorBase, RawPayload, WebhookAnswer
from hub.channels import advance_cursor, get_cursor
from hub.db import unit_of_work
from hub.intake import IncomingRaw, IntakeResult, committed_uids, store_raw_batch
from hub.rawstore import FileBlobStore

log = logging.getLogger(__name__)

EnqueueIngest = Callable[[list[int]], None]


@dataclass(frozen=True)
class PollReport:
    """What one poll did."""

    fetched: int
    new_raw_messages: int
    enqueued: int
    cursor: int


def store_payloads(session: Session, store: FileBlobStore, connector: ConnectorBase, payloads: Sequence[RawPayload]) -> IntakeResult:
    """Keep payloads as raw messages of the connector's channel (no commit)."""
    items = [IncomingRaw(data=p.data, folder=p.folder, uidvalidity=0, uid=p.position, source_ref=p.source_ref) for p in payloads]
    return store_raw_batch(session, store, connector.channel.id, items, channel_kind=connector.kind)


def poll_once(factory: sessionmaker[Session], store: FileBlobStore, connector: ConnectorBase, enqueue_ingest: EnqueueIngest) -> PollReport:
    """Fetch what is new since the committed cursor, commit it with the new cursor, enqueue ingest."""
    channel_id = connector.channel.id
    if channel_id is None:
        raise ValueError("a polled connector needs a stored channel")
    with unit_of_work(factory) as session:
        cursor = get_cursor(session, channel_id, connector.folder)
        cursor_id, position = cursor.id, cursor.last_uid or 0
    result = connector.poll(position)
    with unit_of_work(factory) as session:
        intake = store_payloads(session, store, connector, result.payloads)
        if result.next_cursor > position:
            advance_cursor(session, cursor_id, 0, result.next_cursor)
    if intake.pending_raw_ids:
        enqueue_ingest(list(intake.pending_raw_ids))
    if result.payloads:
        log.info(
            "event=channel_polled channel_id=%s kind=%s fetched=%d new=%d cursor=%d",
            channel_id, connector.kind, len(result.payloads), intake.new_raw_messages, result.next_cursor,
        )
    return PollReport(len(result.payloads), intake.new_raw_messages, len(intake.pending_raw_ids), max(position, result.next_cursor))


def check_webhook(session: Session, connector: ConnectorBase, headers: Mapping[str, str], body: bytes) -> bool:
    """Verify one webhook request; True when its position is already committed (a re-delivery).

    Takes the caller's session, so the web view looks the channel up and
    checks the delivery in one transaction. Raises ``WebhookRejected`` before
    anything is read and ``PayloadError`` for a body without a position.
    """
    connector.verify_webhook(headers, body)
    position = connector.webhook_position(body)
    if not position or connector.channel.id is None:
        return False
    if committed_uids(session, connector.channel.id, connector.folder, 0, [position]):
        log.info("event=webhook_redelivered channel_id=%s kind=%s position=%d", connector.channel.id, connector.kind, position)
        return True
    return False


def keep_webhook(
    factory: sessionmaker[Session],
    store: FileBlobStore,
    connector: ConnectorBase,
    headers: Mapping[str, str],
    body: bytes,
    enqueue_ingest: EnqueueIngest,
) -> WebhookAnswer:
    """Parse (fetching files, outside any transaction), commit the raw payloads, then enqueue their ingest."""
    payloads = connector.parse_webhook(headers, body)
    with unit_of_work(factory) as session:
        intake = store_payloads(session, store, connector, payloads)
    if intake.pending_raw_ids:
        enqueue_ingest(list(intake.pending_raw_ids))
    return connector.webhook_answer(payloads)
