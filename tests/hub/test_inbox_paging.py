"""Inbox queries written for scale keep their answers: keyset ties, tag-driven filters, work-state filters, search order.

The queries behind these lists were rewritten so PostgreSQL walks the inbox
in its own order and stops after a page (benchmarks/web.py); these tests pin
what the lists contain, on both databases.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from hub import inbox, search
from hub.db import unit_of_work
from hub.inbox import InboxFilter, list_inbox
from hub.inbox_work import assign, mark_spam, set_status
from hub.models import Interaction, InteractionTag
from hub.tag_correction import TagCorrection, correct_tags
from hub.users import create_or_update_user
from nlp.training import INTENTS
from tests.helpers import import_mails

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SAME_TIME = datetime(2026, 11, 2, 8, 4, 30, tzinfo=UTC)  # between the mails at 08:04 and 08:05


def _mail(number: int, subject: str, body: str) -> bytes:
    return (
        f"From: Kunde {number} <kunde{number}@example.org>\r\nTo: service@shop.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <paging-{number}@example.org>\r\nDate: Mon, 02 Nov 2026 08:{number:02d}:00 +0000\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def _import(runtime, count: int = 9, subject: str = "Anfrage", body: str = "Hallo, eine Frage.") -> list[int]:  # type: ignore[no-untyped-def]
    import_mails(runtime, [_mail(n, f"{subject} {n}", body) for n in range(count)])
    with unit_of_work(runtime.factory) as session:
        return list(session.scalars(select(Interaction.id).order_by(Interaction.id)))


def _all_pages(session, filters: InboxFilter, limit: int) -> list[int]:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    cursor = None
    for _ in range(100):
        page = list_inbox(session, filters, after=cursor, limit=limit, now=NOW)
        seen += [row.interaction_id for row in page.rows]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor
    raise AssertionError("paging did not end")


def test_keyset_pages_split_ties_on_time_by_id(runtime) -> None:
    ids = _import(runtime)
    with unit_of_work(runtime.factory) as session:
        # Five messages at the same instant, the rest around them: the id alone orders the tie.
        session.execute(update(Interaction).where(Interaction.id.in_(ids[2:7])).values(occurred_at=SAME_TIME))
    with unit_of_work(runtime.factory) as session:
        expected = list(session.scalars(
            select(Interaction.id).where(Interaction.direction == "in").order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        ))
        assert expected[:2] == [ids[8], ids[7]] and sorted(expected[2:7], reverse=True) == expected[2:7]
        for limit in (1, 2, 3, 4, 100):
            assert _all_pages(session, InboxFilter(status=None), limit) == expected, limit


def test_complaint_filter_follows_agent_corrections(runtime, tmp_path: Path) -> None:
    ids = _import(runtime, 6)
    with unit_of_work(runtime.factory) as session:
        agent = create_or_update_user(session, "a@example.test", "pw-aaaaaaaaaaaa", role="agent", display_name="A")
        session.execute(InteractionTag.__table__.delete().where(InteractionTag.name == "complaint"))
        for ident in ids[:3]:
            session.add(InteractionTag(interaction_id=ident, name="complaint", score=0.9, tagger="crm"))
    with unit_of_work(runtime.factory) as session:
        correct = dict(user_id=agent, user_name="A", feedback_path=tmp_path / "feedback.jsonl")
        correct_tags(session, ids[0], TagCorrection(INTENTS[0], complaint=False), **correct)  # the model was wrong
        correct_tags(session, ids[4], TagCorrection(INTENTS[0], complaint=True, severity="high"), **correct)  # the model missed it
        set_status(session, ids[1], "closed", by=agent, now=NOW)
    with unit_of_work(runtime.factory) as session:
        assert _all_pages(session, InboxFilter(view="complaints"), 1) == [ids[4], ids[2]]
        assert _all_pages(session, InboxFilter(view="complaints", status=None), 2) == [ids[4], ids[2], ids[1]]
        assert _all_pages(session, InboxFilter(view="complaints", status="closed"), 5) == [ids[1]]


def test_unassigned_and_status_count_messages_without_work_state(runtime) -> None:
    ids = _import(runtime, 6)
    with unit_of_work(runtime.factory) as session:
        me = create_or_update_user(session, "a@example.test", "pw-aaaaaaaaaaaa", role="agent", display_name="A")
        assign(session, ids[5], me, by=me, now=NOW)
        set_status(session, ids[4], "pending", by=me, now=NOW)  # an item row, still unassigned
        set_status(session, ids[3], "closed", by=me, now=NOW)
        mark_spam(session, ids[2], by=me, now=NOW)
    with unit_of_work(runtime.factory) as session:
        # ids[0] and ids[1] have no work-state row at all: open and unassigned.
        assert _all_pages(session, InboxFilter(view="unassigned"), 1) == [ids[1], ids[0]]
        assert _all_pages(session, InboxFilter(view="unassigned", status=None), 2) == [ids[4], ids[3], ids[1], ids[0]]
        assert _all_pages(session, InboxFilter(status="open"), 2) == [ids[5], ids[1], ids[0]]
        assert _all_pages(session, InboxFilter(status="pending"), 2) == [ids[4]]
        assert _all_pages(session, InboxFilter(view="mine", user_id=me), 2) == [ids[5]]
        assert _all_pages(session, InboxFilter(status=None, include_spam=True), 4) == list(reversed(ids))


@pytest.mark.parametrize("walk_rows", [1, 3, 2000])
def test_search_results_come_newest_first_and_page_like_one_list(runtime, monkeypatch, walk_rows: int) -> None:
    # The search walks the newest messages, then asks the full-text index for the rest: where the
    # window ends must not change the answer.
    monkeypatch.setattr(inbox, "SEARCH_WALK_ROWS", walk_rows)
    ids = _import(runtime, 8, subject="Rechnung", body="Meine Rechnungen sind doppelt.")
    ids += _import(runtime, 0)  # nothing new: ids stay the eight
    with unit_of_work(runtime.factory) as session:
        session.execute(update(Interaction).where(Interaction.id.in_(ids[3:6])).values(occurred_at=SAME_TIME + timedelta(hours=1)))
        session.execute(update(Interaction).where(Interaction.id == ids[7]).values(subject="Frage", text="Wo ist mein Paket?", reply_text=None))
    with unit_of_work(runtime.factory) as session:
        everything = [row.interaction_id for row in list_inbox(session, InboxFilter(status=None, query="Rechnungen"), limit=100, now=NOW).rows]
        order = {i: (session.get(Interaction, i).occurred_at, i) for i in everything}
        assert set(everything) == set(ids[:7]), "the edited message no longer matches"
        assert everything == sorted(everything, key=order.__getitem__, reverse=True), "newest first, ties by id"
        for limit in (1, 2, 3):
            assert _all_pages(session, InboxFilter(status=None, query="Rechnungen"), limit) == everything


def test_search_by_contact_name_same_with_listed_or_looked_up_contacts(runtime, monkeypatch) -> None:
    ids = _import(runtime, 4)  # senders "Kunde 0" .. "Kunde 3", body without the word
    with unit_of_work(runtime.factory) as session:
        listed = _all_pages(session, InboxFilter(status=None, query="Kunde"), 2)
        assert listed == list(reversed(ids))
        # More matching contacts than the query lists: the contact ids stay a subquery (PostgreSQL).
        monkeypatch.setattr(search, "MAX_LISTED_CONTACTS", 1)
        assert _all_pages(session, InboxFilter(status=None, query="Kunde"), 2) == listed
        assert _all_pages(session, InboxFilter(status=None, query="nobody-by-this-name"), 2) == []
