"""Importing a phone system's call list: preview (per-row errors, who each number is), then import.

Each good row becomes one raw payload (``connectors.call_log_csv``) under the
"Call log import" channel, position = the row's hash, so importing the same
file again (or an overlapping later export) stores nothing twice. Bad rows are
reported and never stored. The pipeline then matches each number to a
contact's phone identity, or creates one, as it does for every channel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from connectors.call_log_csv import CallRow, ParsedCallLog, position_of, row_envelope
from hub.channels import ensure_channel
from hub.contacts import contacts_with_identities
from hub.db import unit_of_work
from hub.intake import IncomingRaw, committed_uids, store_raw_batch
from hub.rawstore import FileBlobStore
from hub.sql import chunked

CHANNEL_NAME = "Call log import"
FOLDER = "call-log"
KIND = "phone"


@dataclass(frozen=True)
class PreviewRow:
    """One row as the preview shows it."""

    row: CallRow
    #: Contacts that have the row's number (empty: the pipeline will create one).
    contact_ids: tuple[int, ...] = ()
    already_imported: bool = False


@dataclass
class CallImportReport:
    """What an import did."""

    imported: int = 0
    already_imported: int = 0
    bad_rows: list[CallRow] = field(default_factory=list)
    enqueued: int = 0


def call_channel(session: Session) -> int:
    """The channel imported calls are kept under."""
    return ensure_channel(session, kind=KIND, name=CHANNEL_NAME)


def preview(session: Session, parsed: ParsedCallLog) -> list[PreviewRow]:
    """Every row with its error or its call, the contacts its number matches, and whether it is in already."""
    good = parsed.good
    numbers = {("phone", row.call.number) for row in good if row.call is not None}
    owners = contacts_with_identities(session, numbers)
    channel_id = call_channel(session)
    known = committed_uids(session, channel_id, FOLDER, 0, [position_of(row.row_sha256) for row in good])
    return [
        PreviewRow(
            row,
            tuple(sorted(owners.get(("phone", row.call.number), []))) if row.call else (),
            row.call is not None and position_of(row.row_sha256) in known,
        )
        for row in parsed.rows
    ]


def import_calls(
    factory: sessionmaker[Session],
    store: FileBlobStore,
    parsed: ParsedCallLog,
    enqueue_ingest: Callable[[list[int]], None],
    *,
    source_name: str,
    chunk_size: int = 500,
) -> CallImportReport:
    """Store every good row not imported before (committed per chunk), then request its ingest."""
    report = CallImportReport(bad_rows=parsed.bad)
    for chunk in chunked(parsed.good, chunk_size):
        with unit_of_work(factory) as session:
            channel_id = call_channel(session)
            known = committed_uids(session, channel_id, FOLDER, 0, [position_of(row.row_sha256) for row in chunk])
            fresh = [row for row in chunk if position_of(row.row_sha256) not in known]
            result = store_raw_batch(
                session,
                store,
                channel_id,
                [
                    IncomingRaw(data=row_envelope(row, parsed.mapping), folder=FOLDER, uid=position_of(row.row_sha256), source_ref=f"{source_name[:900]} line {row.line}")
                    for row in fresh
                ],
                channel_kind=KIND,
            )
        report.imported += len(fresh)
        report.already_imported += len(chunk) - len(fresh)
        if result.pending_raw_ids:
            enqueue_ingest(list(result.pending_raw_ids))
            report.enqueued += len(result.pending_raw_ids)
    return report
