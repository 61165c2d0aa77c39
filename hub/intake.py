"""Intake: make received bytes durable before anything else happens.

Connectors hand raw bytes here; this stores them in the blob store, records
the raw message and where it was seen, and returns the ids still waiting for
ingest. The caller commits, then acknowledges the source (advances a cursor,
answers a webhook) and enqueues ingest: that order is why nothing is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.models import RawMessage, RawSource
from hub.models.raw import RAW_PENDING
from hub.rawstore import FileBlobStore
from hub.sql import chunked, insert_ignore


@dataclass(frozen=True)
class IncomingRaw:
    """Bytes as received plus where they came from."""

    data: bytes
    folder: str = ""
    uidvalidity: int = 0
    uid: int = 0
    source_ref: str = ""


@dataclass(frozen=True)
class IntakeResult:
    """What one intake call did: ids to ingest and how many were new."""

    pending_raw_ids: tuple[int, ...]
    new_raw_messages: int
    known_raw_messages: int


def store_raw_batch(
    session: Session,
    store: FileBlobStore,
    channel_id: int | None,
    items: Sequence[IncomingRaw],
    *,
    channel_kind: str = "email",
) -> IntakeResult:
    """Store raw bytes and their sources; safe to repeat with the same items.

    The blob store is synced before the rows are written, so a committed row
    always names bytes that exist on disk.
    """
    if not items:
        return IntakeResult((), 0, 0)
    now = utcnow()
    keys = store.put_many([item.data for item in items])
    distinct = dict(zip(keys, (item.data for item in items), strict=True))
    existing = _ids_by_sha(session, list(distinct))
    insert_ignore(
        session,
        RawMessage.__table__,
        [
            {"sha256": key, "size": len(data), "channel_kind": channel_kind, "status": RAW_PENDING, "received_at": now}
            for key, data in distinct.items()
            if key not in existing
        ],
        ["sha256"],
    )
    ids = _ids_by_sha(session, list(distinct))
    insert_ignore(
        session,
        RawSource.__table__,
        [
            {
                "raw_message_id": ids[key],
                "channel_id": channel_id,
                "folder": item.folder,
                "uidvalidity": item.uidvalidity,
                # Sources without a UID (files, webhooks) get one derived from the
                # content hash, so importing the same file twice adds no row.
                "uid": item.uid or int(key[:15], 16),
                "source_ref": item.source_ref[:1000],
                "seen_at": now,
            }
            for key, item in zip(keys, items, strict=True)
        ],
        ["channel_id", "folder", "uidvalidity", "uid"],
    )
    pending = _pending_ids(session, list(ids.values()))
    return IntakeResult(
        pending_raw_ids=tuple(sorted(pending)),
        new_raw_messages=len(ids) - len(existing),
        known_raw_messages=len(existing),
    )


def _ids_by_sha(session: Session, keys: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in chunked(keys, 500):
        rows = session.execute(select(RawMessage.sha256, RawMessage.id).where(RawMessage.sha256.in_(part)))
        found.update({sha: raw_id for sha, raw_id in rows})
    return found


def _pending_ids(session: Session, raw_ids: list[int]) -> set[int]:
    pending: set[int] = set()
    for part in chunked(raw_ids, 500):
        rows = session.scalars(
            select(RawMessage.id).where(RawMessage.id.in_(part), RawMessage.status == RAW_PENDING)
        )
        pending.update(rows)
    return pending



def committed_uids(session: Session, channel_id: int, folder: str, uidvalidity: int, uids: Sequence[int]) -> set[int]:
    """Which of these UIDs of a folder have their raw bytes committed here."""
    found: set[int] = set()
    for part in chunked(list(uids), 1000):
        found.update(
            session.scalars(
                select(RawSource.uid).where(
                    RawSource.channel_id == channel_id,
                    RawSource.folder == folder,
                    RawSource.uidvalidity == uidvalidity,
                    RawSource.uid.in_(part),
                )
            )
        )
    return found
