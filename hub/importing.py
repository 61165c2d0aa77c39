"""History backfill: a file source into the raw store, then into ingest.

Each chunk of mails is made durable and committed before its ingest is
requested, exactly like mail fetched over IMAP.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.intake import IncomingRaw, IntakeResult, store_raw_batch
from hub.mail_sources import SourceMail, iter_source
from hub.rawstore import FileBlobStore

IMPORT_CHANNEL = "import"


@dataclass
class ImportReport:
    """What an import read and stored."""

    read: int = 0
    new_raw_messages: int = 0
    known_raw_messages: int = 0
    enqueued: int = 0


def import_path(
    factory: sessionmaker[Session],
    store: FileBlobStore,
    path: Path,
    enqueue_ingest: Callable[[list[int]], None],
    *,
    chunk_size: int = 500,
    on_progress: Callable[[int], None] | None = None,
    mails: Iterable[SourceMail] | None = None,
) -> ImportReport:
    """Import every mail of ``path`` (or of ``mails``); returns the counts.

    Importing the same source twice stores nothing new and, once the first
    ingest finished, enqueues nothing.
    """
    report = ImportReport()
    with unit_of_work(factory) as session:
        channel_id = ensure_channel(session, kind="import", name=IMPORT_CHANNEL)
    for chunk in _chunks(mails if mails is not None else iter_source(path), chunk_size):
        with unit_of_work(factory) as session:
            result: IntakeResult = store_raw_batch(
                session,
                store,
                channel_id,
                [IncomingRaw(data=m.data, folder=m.folder, source_ref=m.source_ref) for m in chunk],
            )
        report.read += len(chunk)
        report.new_raw_messages += result.new_raw_messages
        report.known_raw_messages += result.known_raw_messages
        if result.pending_raw_ids:
            enqueue_ingest(list(result.pending_raw_ids))
            report.enqueued += len(result.pending_raw_ids)
        if on_progress:
            on_progress(len(chunk))
    return report


def _chunks(items: Iterable[SourceMail], size: int) -> Iterator[list[SourceMail]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
