"""Copy new mail of one mailbox folder into the raw store, losslessly.

Order per batch of UIDs: fetch bytes -> store raw + sources -> advance the
cursor, all in one commit -> request ingest. A crash before the commit
re-fetches the batch next time (the content hash makes that a no-op); a
crash after it leaves pending raw messages that the sweeper re-enqueues.
Only a mailbox configured to delete does so, and only after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from hub.channels import advance_cursor, get_cursor
from hub.db import unit_of_work
from hub.intake import IncomingRaw, committed_uids, store_raw_batch
from hub.rawstore import FileBlobStore

log = logging.getLogger(__name__)


class FolderReader(Protocol):
    """What sync needs from a connected mailbox (the IMAP connector provides it)."""

    def open_folder(self, folder: str) -> int:
        """Select ``folder`` read-only and return its UIDVALIDITY."""

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs greater than ``last_uid``, ascending."""

    def fetch(self, uids: Sequence[int]) -> dict[int, bytes]:
        """Raw bytes of the given UIDs (without setting \\Seen)."""

    def delete(self, uids: Sequence[int]) -> None:
        """Delete and expunge the given UIDs."""


@dataclass
class FolderSyncReport:
    """What one folder sync did."""

    folder: str
    uidvalidity: int
    fetched: int = 0
    new_raw_messages: int = 0
    enqueued: int = 0
    resynced: bool = False
    missing_uids: int = 0
    deleted: int = 0


def sync_folder(
    factory: sessionmaker[Session],
    store: FileBlobStore,
    reader: FolderReader,
    channel_id: int,
    folder: str,
    enqueue_ingest: Callable[[list[int]], None],
    *,
    batch_size: int = 500,
    delete_after_commit: bool = False,
) -> FolderSyncReport:
    """Bring one folder up to date; safe to run again at any point."""
    uidvalidity = reader.open_folder(folder)
    with unit_of_work(factory) as session:
        cursor = get_cursor(session, channel_id, folder)
        cursor_id, known_validity, last_uid = cursor.id, cursor.uidvalidity, cursor.last_uid
    report = FolderSyncReport(folder=folder, uidvalidity=uidvalidity)
    if known_validity is not None and known_validity != uidvalidity:
        # The server rebuilt the folder: its UIDs start over. Fetch everything
        # again; content hashes and Message-IDs keep it from being stored twice.
        log.warning("event=uidvalidity_changed channel_id=%d folder=%s old=%s new=%s", channel_id, folder, known_validity, uidvalidity)
        report.resynced = True
        last_uid = 0
    for uids in _batches(reader.uids_after(last_uid), batch_size):
        fetched = reader.fetch(uids)
        report.missing_uids += len(uids) - len(fetched)  # expunged between SEARCH and FETCH
        items = [IncomingRaw(data=fetched[uid], folder=folder, uidvalidity=uidvalidity, uid=uid) for uid in uids if uid in fetched]
        with unit_of_work(factory) as session:
            result = store_raw_batch(session, store, channel_id, items)
            advance_cursor(session, cursor_id, uidvalidity, max(uids))
        report.fetched += len(items)
        report.new_raw_messages += result.new_raw_messages
        if result.pending_raw_ids:
            enqueue_ingest(list(result.pending_raw_ids))
            report.enqueued += len(result.pending_raw_ids)
    if not report.fetched and known_validity != uidvalidity:
        with unit_of_work(factory) as session:
            advance_cursor(session, cursor_id, uidvalidity, 0)
    if delete_after_commit:
        report.deleted = _delete_committed(factory, reader, channel_id, folder, uidvalidity)
    return report


def _delete_committed(
    factory: sessionmaker[Session], reader: FolderReader, channel_id: int, folder: str, uidvalidity: int
) -> int:
    """Delete from the server exactly the UIDs whose bytes are committed here.

    Asking the database (not this run's memory) means a crash between commit
    and delete is repaired by the next sync, and nothing uncommitted is ever
    deleted.
    """
    on_server = reader.uids_after(0)
    if not on_server:
        return 0
    with unit_of_work(factory) as session:
        committed = committed_uids(session, channel_id, folder, uidvalidity, on_server)
    if committed:
        reader.delete(sorted(committed))
    return len(committed)


def _batches(uids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(uids), size):
        yield uids[start : start + size]
