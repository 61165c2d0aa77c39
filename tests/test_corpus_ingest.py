"""Every mail of the shared corpus ends up as an interaction or quarantined with a reason."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import select

from hub.db import unit_of_work
from hub.mail_sources import SourceMail
from hub.models import QuarantineEntry, RawMessage
from hub.models.raw import RAW_DUPLICATE, RAW_INGESTED, RAW_QUARANTINED
from tests.helpers import duplicate_message_ids, import_mails, stats


def test_every_corpus_mail_is_accounted_for(runtime, corpus_mail_paths: list[Path]) -> None:
    mails = [SourceMail(path.read_bytes(), str(path)) for path in corpus_mail_paths]
    distinct = len({m.data for m in mails})
    report = import_mails(runtime, mails)
    counts = stats(runtime)
    print(f"\ncorpus: {len(mails)} files, {distinct} distinct, {counts}")
    assert report.read == len(mails)
    assert counts["raw_messages"] == distinct
    # Every raw message has a fate: stored, a duplicate of a stored one, or quarantined.
    assert counts.get("raw_pending", 0) == 0
    assert counts["raw_messages"] == counts.get("raw_ingested", 0) + counts.get("raw_duplicate", 0) + counts["quarantined"]
    assert counts["interactions"] == counts["raw_ingested"]
    assert duplicate_message_ids(runtime) == 0
    with unit_of_work(runtime.factory) as session:
        raws = list(session.execute(select(RawMessage.status, RawMessage.interaction_id)))
        entries = list(session.scalars(select(QuarantineEntry)))
    assert all(interaction_id for status, interaction_id in raws if status in (RAW_INGESTED, RAW_DUPLICATE))
    assert len(entries) == sum(1 for status, _ in raws if status == RAW_QUARANTINED)
    assert all(entry.reason and entry.stage for entry in entries)
    print("quarantine reasons:", Counter(e.reason.split(";")[0][:60] for e in entries).most_common(5))
    # The corpus is mail by design: nearly all of it must become interactions.
    assert counts["raw_ingested"] + counts.get("raw_duplicate", 0) >= 0.97 * distinct


def test_same_import_twice_adds_nothing(runtime, corpus_mail_paths: list[Path]) -> None:
    mails = [SourceMail(path.read_bytes(), str(path)) for path in corpus_mail_paths[:200]]
    import_mails(runtime, mails)
    before = stats(runtime)
    again = import_mails(runtime, mails)
    assert again.new_raw_messages == 0
    assert again.enqueued == 0
    assert stats(runtime) == before
