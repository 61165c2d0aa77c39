"""E-mail channels added in the admin UI sync from a real Dovecot and report their health."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from connectors.registry import default_registry
from hub import channel_health, connector_admin
from hub.db import unit_of_work
from hub.models import RawSource
from tests.connectors.test_imap_sync import mail
from workers.admin_mailboxes import admin_mailboxes, sync_admin_mailbox_once
from workers.channels import secret_box

pytestmark = pytest.mark.imap


def _add(runtime, account, name: str, password: str) -> int:  # type: ignore[no-untyped-def]
    submitted = {"host": account.host, "port": str(account.port), "use_ssl": "0", "username": account.username, "password": password, "folders": "INBOX"}
    with unit_of_work(runtime.factory) as session:
        return connector_admin.add_channel(session, default_registry(), secret_box(runtime), kind="email", name=name, submitted=submitted, user_id=None)


def test_ui_mailbox_syncs_and_a_broken_one_backs_off_without_touching_it(runtime, dovecot) -> None:
    good_account, bad_account = dovecot.new_user("ui-good"), dovecot.new_user("ui-bad")
    good_account.append("INBOX", mail(1))
    good_account.append("INBOX", mail(2))
    good = _add(runtime, good_account, "Shop mailbox", good_account.password)
    bad = _add(runtime, bad_account, "Broken mailbox", "wrong-password-77")
    mailboxes = dict(admin_mailboxes(runtime, secret_box(runtime)))
    assert set(mailboxes) == {good, bad} and mailboxes[good].password == good_account.password

    assert sync_admin_mailbox_once(runtime, bad, mailboxes[bad]) == {"fetched": 0, "new_raw_messages": 0, "enqueued": 0, "failed": 1}
    assert sync_admin_mailbox_once(runtime, good, mailboxes[good])["new_raw_messages"] == 2
    assert sync_admin_mailbox_once(runtime, bad, mailboxes[bad]) == {"skipped": 1}  # backing off
    with unit_of_work(runtime.factory) as session:
        lines = channel_health.health_of_channels(session, [good, bad])
        stored = session.scalar(select(func.count()).select_from(RawSource).where(RawSource.channel_id == good))
    assert stored == 2 and lines[good].messages_today == 2 and not lines[good].failing
    assert lines[bad].consecutive_failures == 1 and "wrong-password-77" not in lines[bad].last_error
    # Switched off: no longer run.
    with unit_of_work(runtime.factory) as session:
        connector_admin.set_enabled(session, bad, False, user_id=None)
    assert [channel_id for channel_id, _ in admin_mailboxes(runtime, secret_box(runtime))] == [good]


def test_hub_run_once_syncs_a_ui_mailbox(runtime, imap_account) -> None:
    from click.testing import CliRunner

    from workers.cli import main

    imap_account.append("INBOX", mail(7))
    channel_id = _add(runtime, imap_account, "Mailbox from the UI", imap_account.password)
    result = CliRunner().invoke(main, ["run", "--once"])
    assert result.exit_code == 0, result.output
    assert f"channel #{channel_id}: {{'fetched': 1, 'new_raw_messages': 1, 'enqueued': 1}}" in result.output
    with unit_of_work(runtime.factory) as session:
        assert channel_health.health_of_channels(session, [channel_id])[channel_id].messages_total == 1


def test_hub_run_thread_polls_ui_mailboxes_until_stopped(runtime, imap_account) -> None:
    import threading

    from tests.processes import wait_until
    from workers.admin_mailboxes import AdminMailboxes

    runtime.settings.imap_poll_seconds = 0.2
    channel_id = _add(runtime, imap_account, "Polled mailbox", imap_account.password)
    stop = threading.Event()
    supervisor = AdminMailboxes(runtime, stop)
    supervisor.start()
    try:
        imap_account.append("INBOX", mail(8))

        def stored() -> bool:
            with unit_of_work(runtime.factory) as session:
                return (session.scalar(select(func.count()).select_from(RawSource).where(RawSource.channel_id == channel_id)) or 0) == 1

        wait_until(stored, timeout=60, what="the UI mailbox poller to store the new mail")
    finally:
        stop.set()
        supervisor.join(timeout=10)
    assert not supervisor.is_alive()
