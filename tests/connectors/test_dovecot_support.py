"""The private Dovecot test server and its helpers (tests/support/dovecot.py)."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest

from tests.support.dovecot import Dovecot, ImapAccount, to_crlf


pytestmark = pytest.mark.imap

MAIL_LF = (
    b"From: Anna Adler <anna@example.org>\n"
    b"To: Hub <hub@example.com>\n"
    b"Subject: Angebot\n"
    b"Message-ID: <m1@example.org>\n"
    b"Date: Mon, 02 Mar 2026 09:00:00 +0100\n"
    b"\n"
    b"Guten Tag,\nbitte um ein Angebot.\n"
)
MAIL_CRLF = (
    b"From: Bernd Berg <bernd@example.net>\r\n"
    b"To: Hub <hub@example.com>\r\n"
    b"Subject: Re: Angebot\r\n"
    b"Message-ID: <m2@example.net>\r\n"
    b"In-Reply-To: <m1@example.org>\r\n"
    b"Date: Mon, 02 Mar 2026 10:00:00 +0100\r\n"
    b"\r\n"
    b"Danke!\r\n"
)
MAIL_8BIT = (
    b"From: =?utf-8?q?J=C3=BCrgen?= <j@example.de>\r\n"
    b"To: hub@example.com\r\n"
    b"Subject: =?utf-8?q?R=C3=BCckruf?=\r\n"
    b"Message-ID: <m3@example.de>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"Bitte r\xc3\xbcckrufen.\r\n"
)
MAILS = [MAIL_LF, MAIL_CRLF, MAIL_8BIT]


def test_script_is_idempotent(dovecot: Dovecot) -> None:
    dovecot.start()
    dovecot.start()
    assert dovecot.is_running()


def test_fixture_account(imap_account: ImapAccount) -> None:
    folders = imap_account.folders()
    assert "INBOX" in folders and "Sent" in folders
    assert imap_account.count("INBOX") == 0


def test_append_and_fetch_back_by_uid(imap_account: ImapAccount) -> None:
    when = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    uids = [imap_account.append("INBOX", MAIL_LF, flags=[b"\\Seen"], msg_time=when)]
    uids += imap_account.append_many("INBOX", MAILS[1:])
    assert uids == sorted(uids) and len(set(uids)) == 3
    assert imap_account.count("INBOX") == 3

    with imap_account.client() as c:
        c.select_folder("INBOX", readonly=True)
        data = c.fetch(uids, [b"BODY.PEEK[]", b"FLAGS", b"INTERNALDATE"])
    for uid, raw in zip(uids, MAILS):
        body = data[uid][b"BODY[]"]
        # CRLF messages come back byte-identical, LF ones with CRLF endings.
        assert body == to_crlf(raw)
    assert MAIL_CRLF == to_crlf(MAIL_CRLF)
    assert data[uids[1]][b"BODY[]"] == MAIL_CRLF
    assert b"\\Seen" in data[uids[0]][b"FLAGS"]
    assert b"\\Seen" not in data[uids[1]][b"FLAGS"]  # PEEK did not set it
    assert data[uids[0]][b"INTERNALDATE"].astimezone(timezone.utc) == when


def test_append_exact_keeps_bare_cr(imap_account: ImapAccount) -> None:
    raw = b"From: a@example.org\nSubject: odd\n\nbare\rcr\nend\n"
    uid = imap_account.append_exact("INBOX", raw)
    assert imap_account.fetch_raw("INBOX", [uid])[uid] == (
        b"From: a@example.org\r\nSubject: odd\r\n\r\nbare\rcr\r\nend\r\n"
    )


def test_idle_is_advertised_and_pushes(imap_account: ImapAccount) -> None:
    with imap_account.client() as c:
        assert b"IDLE" in c.capabilities()
        assert b"UIDPLUS" in c.capabilities()
        c.select_folder("INBOX")
        c.idle()
        try:
            start = time.monotonic()
            imap_account.append("INBOX", MAIL_CRLF)
            responses = []
            while time.monotonic() - start < 10 and not responses:
                responses = c.idle_check(timeout=1)
        finally:
            c.idle_done()
    assert any(r[1:] == (b"EXISTS",) for r in responses), responses
    assert time.monotonic() - start < 5


def test_recreate_folder_changes_uidvalidity(imap_account: ImapAccount) -> None:
    imap_account.append_many("Sent", MAILS)
    old_uids = imap_account.uids("Sent")
    old, new = imap_account.recreate_folder_with("Sent", MAILS[:2])
    assert new != old
    assert imap_account.uidvalidity("Sent") == new
    assert imap_account.count("Sent") == 2
    assert imap_account.uids("Sent") == old_uids[:2]  # UIDs restart: only UIDVALIDITY tells

    imap_account.append_many("INBOX", MAILS)
    old, new = imap_account.recreate_folder_with("INBOX", [MAIL_8BIT])
    assert new != old and imap_account.uidvalidity("INBOX") == new
    assert list(imap_account.fetch_raw("INBOX").values()) == [MAIL_8BIT]


def test_restart_keeps_mail(dovecot: Dovecot, imap_account: ImapAccount) -> None:
    uids = imap_account.append_many("INBOX", MAILS)
    validity = imap_account.uidvalidity("INBOX")
    survivor = imap_account.client()
    survivor.select_folder("INBOX")

    dovecot.restart()
    assert dovecot.is_running()

    with pytest.raises(Exception):  # the old connection is gone
        survivor.noop()
    survivor.shutdown()
    with imap_account.client() as c:  # a client can reconnect
        c.select_folder("INBOX", readonly=True)
        assert sorted(c.search("ALL")) == uids
    assert imap_account.uidvalidity("INBOX") == validity
    assert imap_account.fetch_raw("INBOX", uids) == {u: to_crlf(m) for u, m in zip(uids, MAILS)}


def test_start_after_crash(dovecot: Dovecot, imap_account: ImapAccount) -> None:
    imap_account.append("INBOX", MAIL_CRLF)
    dovecot.crash()
    deadline = time.monotonic() + 10
    while dovecot.is_running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not dovecot.is_running()
    dovecot.start()
    assert dovecot.is_running()
    assert imap_account.count("INBOX") == 1


def test_stop_is_idempotent(dovecot: Dovecot, imap_account: ImapAccount) -> None:
    dovecot.stop()
    dovecot.stop()
    assert not dovecot.is_running()
    dovecot.start()
    assert dovecot.is_running()
    assert imap_account.count("INBOX") == 0
