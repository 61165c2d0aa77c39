"""The ``hub`` command end to end (in-process jobs): import, stats, quarantine, reprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workers.cli import main
from workers.runtime import reset_runtime

GOOD = b"From: Anna <anna@example.org>\r\nTo: service@shop.example\r\nSubject: Hallo\r\nMessage-ID: <cli-1@example.org>\r\n\r\nText\r\n"
BAD = b"this is not a mail at all\nno headers here\n"


@pytest.fixture
def hub(settings, monkeypatch):  # type: ignore[no-untyped-def]
    """Invoke ``hub ...`` against the test's hub, as an operator would."""
    monkeypatch.setenv("HUB_VAR_DIR", str(settings.var_dir))
    monkeypatch.setenv("HUB_DATABASE_URL", settings.resolved_database_url())
    monkeypatch.delenv("HUB_REDIS_URL", raising=False)
    reset_runtime()
    runner = CliRunner()

    def invoke(*args: str) -> str:
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    yield invoke
    reset_runtime()


def _source(tmp_path: Path) -> Path:
    folder = tmp_path / "mails"
    folder.mkdir()
    (folder / "good.eml").write_bytes(GOOD)
    (folder / "bad.eml").write_bytes(BAD)
    return folder


def test_import_stats_and_quarantine(hub, tmp_path: Path) -> None:
    folder = _source(tmp_path)
    assert "2 new" in hub("import", str(folder))
    counts = json.loads(hub("stats", "--json"))
    assert {"raw_messages", "interactions", "quarantined", "contacts", "threads"} <= set(counts)
    assert (counts["raw_messages"], counts["interactions"], counts["quarantined"]) == (2, 1, 1)
    listing = hub("quarantine", "list")
    assert "stage=normalise" in listing and "not an RFC 5322 message" in listing
    assert "1 message(s) sent to ingest again" in hub("quarantine", "retry")
    assert "attempts=2" in hub("quarantine", "list"), "retrying a message that still fails counts the attempt"
    assert "0 new, 2 already stored, 0 sent to ingest" in hub("import", str(folder))
    assert json.loads(hub("stats", "--json")) == json.loads(hub("stats", "--json"))


def test_reprocess_all_keeps_counts(hub, tmp_path: Path) -> None:
    hub("import", str(_source(tmp_path)))
    before = json.loads(hub("stats", "--json"))
    assert "2 message(s) sent to reprocess" in hub("reprocess", "--all")
    after = json.loads(hub("stats", "--json"))
    assert (after["interactions"], after["threads"], after["contacts"]) == (before["interactions"], before["threads"], before["contacts"])
