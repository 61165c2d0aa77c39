"""IMAP sync against a real Dovecot: cursors, read-only fetch, UIDVALIDITY, restarts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from connectors.imap import ImapFolderReader, MailboxConfig
from hub.db import unit_of_work
from hub.models import FolderCursor, Interaction
from tests.helpers import duplicate_message_ids, interactions_by_message_id, stats
from workers.mailboxes import sync_config_once

pytestmark = pytest.mark.imap


def mail(n: int, sender: str = "kunde@example.org", to: str = "service@shop.example", message_id: bool = True) -> bytes:
    headers = [f"From: Kunde {n} <{sender}>", f"To: {to}", f"Subject: Anfrage {n}", "Date: Mon, 02 Nov 2026 09:00:00 +0100"]
    if message_id:
        headers.append(f"Message-ID: <imap-{n}@example.org>")
    return ("\r\n".join(headers) + f"\r\n\r\nGuten Tag, Frage Nummer {n}.\r\n").encode()


def mailbox_config(account, **overrides) -> MailboxConfig:  # type: ignore[no-untyped-def]
    values = dict(
        name=f"mb-{account.username}", host=account.host, port=account.port, username=account.username,
        password=account.password, use_ssl=False, folders=("INBOX", "Sent"), address="service@shop.example",
    )
    values.update(overrides)
    return MailboxConfig(**values)


def test_sync_inbox_and_sent_without_touching_flags(runtime, imap_account) -> None:
    imap_account.append_many("INBOX", [mail(i) for i in range(3)])
    imap_account.append_many("Sent", [mail(10 + i, sender="service@shop.example", to="kunde@example.org") for i in range(2)])
    config = mailbox_config(imap_account)
    totals = sync_config_once(runtime, config)
    assert totals["fetched"] == 5
    stored = interactions_by_message_id(runtime)
    assert len(stored) == 5
    assert {stored[f"imap-{i}@example.org"].direction for i in range(3)} == {"in"}
    assert {stored[f"imap-{10 + i}@example.org"].direction for i in range(2)} == {"out"}
    # Outgoing history lands on the customer's timeline too.
    assert len({i.contact_id for i in stored.values()}) == 1
    client = imap_account.client()
    client.select_folder("INBOX", readonly=True)
    flags = client.get_flags(client.search(["ALL"]))
    assert all(b"\\Seen" not in f for f in flags.values()), "BODY.PEEK[] must not mark mail read"
    client.logout()
    with unit_of_work(runtime.factory) as session:
        cursors = {c.folder: c.last_uid for c in session.scalars(select(FolderCursor))}
    assert cursors == {"INBOX": 3, "Sent": 2}


def test_second_sync_fetches_only_new_mail(runtime, imap_account) -> None:
    imap_account.append_many("INBOX", [mail(i) for i in range(3)])
    config = mailbox_config(imap_account)
    sync_config_once(runtime, config)
    assert sync_config_once(runtime, config)["fetched"] == 0
    imap_account.append("INBOX", mail(3))
    assert sync_config_once(runtime, config)["fetched"] == 1
    assert stats(runtime)["interactions"] == 4


def test_uidvalidity_change_resyncs_without_duplicates(runtime, imap_account) -> None:
    raws = [mail(i) for i in range(4)]
    imap_account.append_many("INBOX", raws)
    config = mailbox_config(imap_account)
    sync_config_once(runtime, config)
    with ImapFolderReader(config) as reader:
        before = reader.open_folder("INBOX")
    imap_account.recreate_folder_with("INBOX", raws + [mail(4)])
    with ImapFolderReader(config) as reader:
        assert reader.open_folder("INBOX") != before
    totals = sync_config_once(runtime, config, folders=["INBOX"])
    assert totals["fetched"] == 5 and totals["new_raw_messages"] == 1
    assert stats(runtime)["interactions"] == 5
    assert duplicate_message_ids(runtime) == 0


def test_mail_without_message_id_is_kept_once(runtime, imap_account) -> None:
    imap_account.append("INBOX", mail(1, message_id=False))
    config = mailbox_config(imap_account)
    sync_config_once(runtime, config)
    sync_config_once(runtime, config)
    with unit_of_work(runtime.factory) as session:
        ids = list(session.scalars(select(Interaction.channel_message_id)))
    assert len(ids) == 1 and ids[0].endswith("@sha256.kontakt-hub.invalid")


def test_delete_only_when_configured_and_after_commit(runtime, imap_account) -> None:
    imap_account.append_many("INBOX", [mail(i) for i in range(3)])
    sync_config_once(runtime, mailbox_config(imap_account))
    assert imap_account.count("INBOX") == 3, "a mailbox not configured to delete keeps its mail"
    imap_account.append("INBOX", mail(3))
    sync_config_once(runtime, mailbox_config(imap_account, delete_after_commit=True))
    assert imap_account.count("INBOX") == 0
    assert stats(runtime)["interactions"] == 4


def test_dovecot_restart_between_syncs(runtime, imap_account, dovecot) -> None:
    config = mailbox_config(imap_account)
    imap_account.append("INBOX", mail(1))
    sync_config_once(runtime, config)
    dovecot.restart()
    imap_account.append("INBOX", mail(2))
    assert sync_config_once(runtime, config)["fetched"] == 1
    assert stats(runtime)["interactions"] == 2


def test_poll_fallback_for_servers_without_idle(runtime, imap_account, monkeypatch) -> None:
    import threading

    from connectors.imap import ImapFolderReader
    from tests.processes import wait_until
    from workers.mailboxes import FolderWatcher

    monkeypatch.setattr(ImapFolderReader, "supports_idle", lambda self: False)
    runtime.settings.imap_poll_seconds = 0.3
    stop = threading.Event()
    watcher = FolderWatcher(runtime, mailbox_config(imap_account), "INBOX", stop)
    watcher.start()
    try:
        imap_account.append("INBOX", mail(1))
        wait_until(lambda: stats(runtime)["interactions"] == 1, 30, "the polled mail")
        imap_account.append("INBOX", mail(2))
        wait_until(lambda: stats(runtime)["interactions"] == 2, 30, "the second polled mail")
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert watcher.last_error is None


def test_the_shared_corpus_through_imap_is_fully_accounted_for(runtime, imap_account, corpus_mail_paths) -> None:
    """Every real-world and malformed corpus mail Dovecot accepts ends as an interaction or in quarantine."""
    from imapclient.exceptions import IMAPClientError

    refused = 0
    client = imap_account.client()
    for path in corpus_mail_paths:
        try:
            client.append("INBOX", path.read_bytes())
        except IMAPClientError:  # Dovecot refuses e.g. an empty message: nothing reached the mailbox
            refused += 1
    client.logout()
    in_mailbox = imap_account.count("INBOX")
    totals = sync_config_once(runtime, mailbox_config(imap_account), folders=["INBOX"])
    counts = stats(runtime)
    print(f"\ncorpus over IMAP: {len(corpus_mail_paths)} files, {refused} refused by Dovecot, {in_mailbox} in the mailbox, {counts}")
    assert totals["fetched"] == in_mailbox, totals
    # Identical bytes are stored once; every stored message has a fate.
    assert counts["raw_messages"] == counts.get("raw_ingested", 0) + counts.get("raw_duplicate", 0) + counts["quarantined"]
    assert counts.get("raw_pending", 0) == 0
    assert counts["raw_ingested"] == counts["interactions"]
    assert counts["raw_ingested"] + counts.get("raw_duplicate", 0) >= 0.99 * counts["raw_messages"]
    assert duplicate_message_ids(runtime) == 0
