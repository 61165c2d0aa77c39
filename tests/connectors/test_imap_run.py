"""``hub run`` as real processes: IDLE push, two runners on one mailbox, Dovecot restarts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.connectors.test_imap_sync import mail
from tests.helpers import duplicate_message_ids, stats
from tests.processes import hub_env, start_hub, stop, wait_until
from workers.runtime import get_runtime, reset_runtime

pytestmark = [pytest.mark.imap, pytest.mark.postgres]


def _mailbox(account) -> dict:  # type: ignore[no-untyped-def]
    return {
        "name": f"mb-{account.username}", "host": account.host, "port": account.port, "username": account.username,
        "password": account.password, "use_ssl": False, "folders": ["INBOX", "Sent"], "address": "service@shop.example",
    }


@pytest.fixture
def pg_runtime(pg_settings):  # type: ignore[no-untyped-def]
    reset_runtime()
    yield get_runtime(pg_settings)
    reset_runtime()


def test_idle_pushes_new_mail_within_seconds(pg_runtime, imap_account, tmp_path: Path) -> None:
    env = hub_env(pg_runtime.settings, [_mailbox(imap_account)])
    runner = start_hub(["run"], env, tmp_path / "run.log")
    try:
        imap_account.append("INBOX", mail(1))
        wait_until(lambda: stats(pg_runtime)["interactions"] == 1, 60, "the first mail (startup)")
        imap_account.append("INBOX", mail(2))
        took = wait_until(lambda: stats(pg_runtime)["interactions"] == 2, 30, "the pushed mail")
    finally:
        stop(runner)
    print(f"\nIDLE push to interaction: {took:.2f}s")
    assert took < 10, (tmp_path / "run.log").read_text()[-3000:]


def test_two_runners_on_one_mailbox_store_each_mail_once(pg_runtime, imap_account, tmp_path: Path) -> None:
    env = hub_env(pg_runtime.settings, [_mailbox(imap_account)])
    runners = [start_hub(["run"], env, tmp_path / f"run{i}.log") for i in range(2)]
    try:
        for start in range(0, 300, 50):
            imap_account.append_many("INBOX", [mail(i) for i in range(start, start + 50)])
        wait_until(lambda: stats(pg_runtime)["interactions"] >= 300, 120, "300 interactions")
    finally:
        for runner in runners:
            stop(runner)
    counts = stats(pg_runtime)
    assert counts["interactions"] == 300 and counts["raw_messages"] == 300 and counts["quarantined"] == 0
    assert duplicate_message_ids(pg_runtime) == 0


def test_dovecot_restart_while_running(pg_runtime, imap_account, dovecot, tmp_path: Path) -> None:
    env = hub_env(pg_runtime.settings, [_mailbox(imap_account)])
    runner = start_hub(["run"], env, tmp_path / "run.log")
    try:
        imap_account.append_many("INBOX", [mail(i) for i in range(50)])
        wait_until(lambda: stats(pg_runtime)["interactions"] == 50, 60, "first 50")
        dovecot.restart()
        imap_account.append_many("INBOX", [mail(i) for i in range(50, 100)])
        wait_until(lambda: stats(pg_runtime)["interactions"] == 100, 90, "all 100 after the restart")
    finally:
        stop(runner)
    assert duplicate_message_ids(pg_runtime) == 0
    assert stats(pg_runtime)["raw_messages"] == 100
