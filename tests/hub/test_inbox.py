"""The inbox read model and work-state changes, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.inbox import InboxFilter, decode_cursor, list_inbox
from hub.inbox_work import UnknownMessage, add_note, assign, mark_spam, notes_of, set_priority, set_status, snooze, work_state
from hub.models import Interaction, InteractionTag
from hub.users import create_or_update_user
from tests.helpers import import_mails

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _mail(number: int, subject: str, body: str = "Hallo, eine Frage.", sender: str = "anna.weber@example.org") -> bytes:
    return (
        f"From: Kunde {number} <{sender}>\r\nTo: service@shop.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <inbox-{number}@example.org>\r\nDate: Mon, 02 Nov 2026 {8 + number % 10:02d}:{number // 10:02d}:00 +0000\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


@pytest.fixture
def mails(runtime) -> list[int]:  # type: ignore[no-untyped-def]
    """Twelve incoming mails and one sent copy; ids newest first."""
    import_mails(runtime, [_mail(n, f"Anfrage {n}") for n in range(12)])
    import_mails(runtime, [_mail(99, "Re: Anfrage 1", sender="service@shop.example")], folder="Sent")
    with unit_of_work(runtime.factory) as session:
        rows = session.scalars(
            select(Interaction.id).where(Interaction.direction == "in").order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        )
        return list(rows)


@pytest.fixture
def users(runtime) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        first = create_or_update_user(session, "a@example.test", "pw-aaaaaaaaaaaa", role="agent", display_name="A")
        second = create_or_update_user(session, "b@example.test", "pw-bbbbbbbbbbbb", role="agent", display_name="B")
        return first, second


def _ids(session, filters: InboxFilter = InboxFilter(), **kwargs) -> list[int]:  # type: ignore[no-untyped-def]
    return [row.interaction_id for row in list_inbox(session, filters, now=NOW, limit=100, **kwargs).rows]


def test_lists_incoming_newest_first_in_keyset_pages(runtime, mails) -> None:
    with unit_of_work(runtime.factory) as session:
        assert _ids(session) == mails, "outgoing mail is not in the inbox"
        seen: list[int] = []
        cursor = None
        while True:
            page = list_inbox(session, InboxFilter(), after=cursor, limit=5, now=NOW)
            seen += [row.interaction_id for row in page.rows]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
            assert decode_cursor(cursor) is not None
        assert seen == mails
        first = list_inbox(session, InboxFilter(), limit=1, now=NOW).rows[0]
        assert first.contact_name and first.snippet.startswith("Hallo") and first.status == "open"
        assert decode_cursor("not-a-cursor") is None
        assert _ids(session, after="not-a-cursor") == mails


def test_filters(runtime, mails, users) -> None:
    me, colleague = users
    with unit_of_work(runtime.factory) as session:
        assign(session, mails[0], me, by=me, now=NOW)
        assign(session, mails[1], colleague, by=me, now=NOW)
        session.add(InteractionTag(interaction_id=mails[2], name="complaint", score=0.9))
        session.add(InteractionTag(interaction_id=mails[3], name="intent:billing_payment", score=0.9))
        session.get(Interaction, mails[4]).lang = "en"
        set_status(session, mails[5], "pending", by=me, now=NOW)
    with unit_of_work(runtime.factory) as session:
        assert _ids(session, InboxFilter(view="mine", user_id=me)) == [mails[0]]
        assert mails[0] not in _ids(session, InboxFilter(view="unassigned"))
        assert mails[1] not in _ids(session, InboxFilter(view="unassigned"))
        assert _ids(session, InboxFilter(view="complaints")) == [mails[2]]
        assert _ids(session, InboxFilter(intent="billing_payment")) == [mails[3]]
        assert mails[4] in _ids(session, InboxFilter(language="en"))
        assert mails[5] not in _ids(session)
        assert _ids(session, InboxFilter(status="pending")) == [mails[5]]
        assert len(_ids(session, InboxFilter(status=None))) == len(mails)
        assert _ids(session, InboxFilter(channel="email")) == _ids(session)
        assert _ids(session, InboxFilter(channel="whatsapp")) == []
        mailbox_id = session.get(Interaction, mails[0]).channel_id
        if mailbox_id is not None:
            assert _ids(session, InboxFilter(mailbox_id=mailbox_id)) == _ids(session)
        assert _ids(session, InboxFilter(query="Anfrage 7")) == [mails[mails_index(session, mails, "Anfrage 7")]]


def mails_index(session, mails: list[int], subject: str) -> int:  # type: ignore[no-untyped-def]
    return next(index for index, ident in enumerate(mails) if session.get(Interaction, ident).subject == subject)


def test_snoozed_messages_hide_until_due(runtime, mails) -> None:
    with unit_of_work(runtime.factory) as session:
        state = snooze(session, mails[0], NOW + timedelta(hours=2), now=NOW)
        assert state.snoozed_until == NOW + timedelta(hours=2)
    with unit_of_work(runtime.factory) as session:
        assert mails[0] not in _ids(session)
        later = list_inbox(session, InboxFilter(), now=NOW + timedelta(hours=2, seconds=1), limit=100)
        assert later.rows[0].interaction_id == mails[0]
        snooze(session, mails[0], None, now=NOW)
        assert mails[0] in _ids(session)


def test_status_spam_priority_and_notes(runtime, mails, users) -> None:
    me, _ = users
    with unit_of_work(runtime.factory) as session:
        assert work_state(session, mails[0]).status == "open"
        assert set_status(session, mails[0], "closed", by=me, now=NOW).status == "closed"
        assert set_priority(session, mails[1], "urgent", by=me).priority == "urgent"
        spam = mark_spam(session, mails[2], by=me, now=NOW)
        assert spam.spam and spam.status == "closed"
        note_id = add_note(session, mails[1], "  Kunde ruft morgen an  ", author_id=me, now=NOW)
        assert isinstance(note_id, int)
        with pytest.raises(ValueError):
            set_status(session, mails[0], "archived")
        with pytest.raises(ValueError):
            add_note(session, mails[1], "   ", author_id=me)
        with pytest.raises(UnknownMessage):
            assign(session, 999_999, me)
        with pytest.raises(UnknownMessage):
            assign(session, mails[0], 999_999)
    with unit_of_work(runtime.factory) as session:
        assert mails[0] not in _ids(session)
        assert mails[2] not in _ids(session, InboxFilter(status=None))
        assert mails[2] in _ids(session, InboxFilter(status=None, include_spam=True))
        assert [n.body for n in notes_of(session, mails[1])] == ["Kunde ruft morgen an"]
        assert notes_of(session, mails[1])[0].author_name == "A"
        row = next(r for r in list_inbox(session, InboxFilter(), now=NOW, limit=100).rows if r.interaction_id == mails[1])
        assert row.priority == "urgent"
        assert assign(session, mails[1], None, by=me).assignee_id is None
