"""Call-list import: FRITZ!Box and generic CSV, per-row errors, matching by phone, idempotent re-import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from connectors.call_log_csv import PRESETS, CallLogError, CallLogMapping, load_mapping, normalise_call_row, parse_call_log, row_envelope
from hub.call_import import import_calls, preview
from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import Contact, ContactIdentity, Interaction, RawMessage
from workers.cli import main
from workers.queue import make_queue

DATA = Path(__file__).resolve().parent.parent / "data"
FRITZBOX = DATA / "fritzbox_anrufliste.csv"
GENERIC = DATA / "call_log_generic.csv"
ERIKA = "+49301234567"


def _parse(path: Path, mapping: str = "fritzbox"):  # type: ignore[no-untyped-def]
    return parse_call_log(path.read_bytes(), load_mapping(mapping), default_region="DE", timezone="Europe/Berlin")


def _erika(runtime) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        contact = Contact(display_name="Erika Muster", created_at=utcnow())
        contact.identities = [ContactIdentity(kind="phone", value=ERIKA)]
        session.add(contact)
        session.flush()
        return contact.id


def _counts(runtime) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        raws = session.scalar(select(func.count()).select_from(RawMessage)) or 0
        interactions = session.scalar(select(func.count()).select_from(Interaction).where(Interaction.channel == "phone")) or 0
    return raws, interactions


def test_fritzbox_export_is_read_with_a_reason_for_every_bad_row() -> None:
    parsed = _parse(FRITZBOX)
    assert [row.line for row in parsed.good] == [3, 4, 6, 7, 8, 9]
    reasons = {row.line: row.error for row in parsed.bad}
    assert reasons.keys() == {5, 10, 11}
    assert "anonymous" in reasons[5] and "internal" in reasons[10] and "31.02.26" in reasons[11]
    first = parsed.good[0].call
    assert (first.direction, first.number, first.duration_seconds, first.name, first.agent) == ("in", ERIKA, 240, "Erika Muster", "Büro Anna")
    assert first.time.isoformat() == "2026-11-23T16:48:00+01:00"  # local time of the office
    assert {row.call.direction for row in parsed.good} == {"in", "out", "missed"}  # type: ignore[union-attr]
    assert parsed.good[3].call.number == "+49897654321" and parsed.good[3].call.duration_seconds == 67 * 60  # type: ignore[union-attr]


def test_generic_layout_and_custom_mapping() -> None:
    parsed = _parse(GENERIC, "generic")
    assert [row.call.duration_seconds for row in parsed.good] == [185, 42, 0]  # type: ignore[union-attr]
    assert [row.line for row in parsed.bad] == [5] and "transferred" in parsed.bad[0].error  # type: ignore[operator]
    custom = CallLogMapping.from_json(json.dumps({"name": "pbx", "columns": {"time": "time", "direction": "direction", "number": "number"}, "direction_values": {"inbound": "in", "outbound": "out", "missed": "missed"}}))
    assert len(parse_call_log(GENERIC.read_bytes(), custom, default_region="DE", timezone="Europe/Berlin").good) == 3
    with pytest.raises(CallLogError, match="lacks number"):
        CallLogMapping.from_json(json.dumps({"columns": {"time": "a", "direction": "b"}, "direction_values": {}}))
    with pytest.raises(CallLogError, match="header row lacks"):
        parse_call_log(GENERIC.read_bytes(), PRESETS["fritzbox"], default_region="DE", timezone="Europe/Berlin")


def test_row_envelope_reads_back_as_a_message() -> None:
    parsed = _parse(FRITZBOX)
    incoming, outgoing = (normalise_call_row(row_envelope(row, parsed.mapping)) for row in parsed.good[:2])
    assert (incoming.direction, incoming.sender.kind, incoming.sender.value) == ("in", "phone", ERIKA)
    assert incoming.subject == "Phone call (incoming) · 4 min" and "Büro Anna" in incoming.text
    assert outgoing.direction == "out" and outgoing.recipients[0].value == "+491715550123"
    assert row_envelope(parsed.good[0], parsed.mapping) == row_envelope(_parse(FRITZBOX).good[0], parsed.mapping)  # same bytes every time


def test_import_matches_numbers_and_a_second_import_adds_nothing(runtime) -> None:
    erika = _erika(runtime)
    parsed = _parse(FRITZBOX)
    with unit_of_work(runtime.factory) as session:
        rows = preview(session, parsed)
    by_line = {item.row.line: item for item in rows}
    assert by_line[3].contact_ids == (erika,) and by_line[4].contact_ids == () and by_line[5].row.error

    queue = make_queue(runtime)
    report = import_calls(runtime.factory, runtime.blob_store, parsed, queue.enqueue_ingest, source_name="anrufliste.csv")
    assert (report.imported, report.already_imported, len(report.bad_rows)) == (6, 0, 3)
    assert _counts(runtime) == (6, 6)
    with unit_of_work(runtime.factory) as session:
        erika_calls = session.execute(select(Interaction.direction, Interaction.subject).where(Interaction.contact_id == erika).order_by(Interaction.occurred_at)).all()
        assert erika_calls == [("out", "Phone call (outgoing) · 2 min"), ("in", "Phone call (incoming) · 4 min")]
        # An unknown number became a contact with that phone identity (the pipeline's decision).
        new_owner = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.kind == "phone", ContactIdentity.value == "+491715550123")).one()
        assert new_owner != erika
        missed = session.scalars(select(Interaction).where(Interaction.subject == "Missed call")).one()
        assert missed.text.startswith("Missed call from +492214455667")

    again = import_calls(runtime.factory, runtime.blob_store, _parse(FRITZBOX), queue.enqueue_ingest, source_name="anrufliste.csv")
    assert (again.imported, again.already_imported, again.enqueued) == (0, 6, 0)
    assert _counts(runtime) == (6, 6)
    with unit_of_work(runtime.factory) as session:
        assert all(item.already_imported for item in preview(session, _parse(FRITZBOX)) if item.row.call)


def test_cli_import_calls(runtime, tmp_path: Path) -> None:
    runner = CliRunner()
    dry = runner.invoke(main, ["import-calls", str(FRITZBOX), "--mapping", "fritzbox", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "6 call(s) readable, 3 bad row(s); nothing imported" in dry.output
    assert "line 10: '**610' is an internal number" in dry.output
    assert _counts(runtime) == (0, 0)
    first = runner.invoke(main, ["import-calls", str(FRITZBOX), "--mapping", "fritzbox"])
    assert first.exit_code == 0, first.output
    assert "6 call(s) imported, 0 already imported, 3 bad row(s) skipped" in first.output
    second = runner.invoke(main, ["import-calls", str(FRITZBOX), "--mapping", "fritzbox"])
    assert "0 call(s) imported, 6 already imported" in second.output
    assert _counts(runtime) == (6, 6)
    wrong = runner.invoke(main, ["import-calls", str(GENERIC), "--mapping", "fritzbox"])
    assert wrong.exit_code != 0 and "header row lacks" in wrong.output
    unknown = runner.invoke(main, ["import-calls", str(GENERIC), "--mapping", str(tmp_path / "nope.json")])
    assert unknown.exit_code != 0 and "no mapping" in unknown.output
