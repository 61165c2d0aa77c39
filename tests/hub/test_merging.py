"""Merging contacts moves everything to the survivor, and undo gives back exactly what moved."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hub.db import unit_of_work
from hub.merging import MergeRefused, merge_contacts, undo_merge
from hub.models import AuditEntry, Contact, ContactIdentity, ContactMerge, ContactSuggestion, InboxItem, Interaction, Thread
from tests.helpers import import_mails


def _mail(number: int, sender: str, subject: str) -> bytes:
    return (
        f"From: Julia Wagner <{sender}>\r\nTo: service@shop.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <w{number}@example.org>\r\nDate: Mon, 02 Nov 2026 09:{number:02d}:00 +0100\r\n\r\nText {number}\r\n"
    ).encode()


OUTLOOK, GMAIL = "julia.wagner@outlook.de", "juliawagner.privat@gmail.com"


def _state(session) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Who owns what: the snapshot a merge changes and an undo must restore."""
    return {
        "interactions": dict(session.execute(select(Interaction.id, Interaction.contact_id)).all()),
        "threads": dict(session.execute(select(Thread.id, Thread.contact_id)).all()),
        "identities": sorted(session.execute(select(ContactIdentity.contact_id, ContactIdentity.kind, ContactIdentity.value)).all()),
        "suggestions": sorted(session.execute(select(ContactSuggestion.id, ContactSuggestion.contact_id, ContactSuggestion.previous_contact_id)).all()),
        "contacts": sorted(session.execute(select(Contact.id, Contact.company_id, Contact.merged_into_id)).all()),
    }


@pytest.fixture
def two_julias(runtime):  # type: ignore[no-untyped-def]
    """Julia Wagner as two contacts (two addresses), with threads, an inbox item and a suggestion."""
    import_mails(runtime, [_mail(1, OUTLOOK, "Tarifwechsel"), _mail(2, OUTLOOK, "Zählerstand"), _mail(3, GMAIL, "Neue Adresse")])
    with unit_of_work(runtime.factory) as session:
        outlook = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == OUTLOOK)).one()
        gmail = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == GMAIL)).one()
        first = session.scalars(select(Interaction).where(Interaction.contact_id == gmail)).first()
        session.add(InboxItem(interaction_id=first.id, status="pending", priority="high", updated_at=first.received_at))
        session.add(ContactSuggestion(interaction_id=first.id, contact_id=gmail, score=0.5, reason="test", created_at=first.received_at))
    assert outlook != gmail
    return outlook, gmail


def test_merge_moves_everything_and_undo_restores_exactly(runtime, two_julias) -> None:
    survivor, merged = two_julias
    with unit_of_work(runtime.factory) as session:
        before = _state(session)
        result = merge_contacts(session, None, survivor, merged)
    assert result.moved["interactions"] == 1 and result.moved["contact_identities"] == 1 and result.moved["threads"] == 1
    with unit_of_work(runtime.factory) as session:
        assert session.scalar(select(func.count()).where(Interaction.contact_id == merged)) == 0
        assert session.scalar(select(func.count()).where(Interaction.contact_id == survivor)) == 3
        assert {v for (v,) in session.execute(select(ContactIdentity.value).where(ContactIdentity.contact_id == survivor))} == {OUTLOOK, GMAIL}
        assert session.scalars(select(ContactSuggestion.contact_id)).all() == [survivor]
        assert session.get(Contact, merged).merged_into_id == survivor
        item = session.scalars(select(InboxItem)).one()
        assert session.get(Interaction, item.interaction_id).contact_id == survivor, "inbox work follows its message"
        assert session.scalars(select(AuditEntry.action)).all() == ["contact.merge"]
    with unit_of_work(runtime.factory) as session:
        undo_merge(session, None, result.merge_id)
    with unit_of_work(runtime.factory) as session:
        assert _state(session) == before
        assert session.scalars(select(InboxItem.status)).one() == "pending"
        assert session.get(ContactMerge, result.merge_id).undone_at is not None


def test_undo_after_new_mail_keeps_new_rows_with_the_survivor(runtime, two_julias) -> None:
    survivor, merged = two_julias
    with unit_of_work(runtime.factory) as session:
        merge_id = merge_contacts(session, None, survivor, merged).merge_id
    import_mails(runtime, [_mail(4, GMAIL, "Nach der Zusammenführung")])
    with unit_of_work(runtime.factory) as session:
        new = session.scalars(select(Interaction).where(Interaction.channel_message_id == "w4@example.org")).one()
        assert new.contact_id == survivor, "the moved identity routes new mail to the survivor"
        undo_merge(session, None, merge_id)
    with unit_of_work(runtime.factory) as session:
        owners = dict(session.execute(select(Interaction.channel_message_id, Interaction.contact_id)).all())
    assert owners == {"w1@example.org": survivor, "w2@example.org": survivor, "w3@example.org": merged, "w4@example.org": survivor}


def test_shared_identity_is_dropped_on_merge_and_recreated_on_undo(runtime, two_julias) -> None:
    survivor, merged = two_julias
    with unit_of_work(runtime.factory) as session:
        session.add_all([ContactIdentity(contact_id=survivor, kind="phone", value="+4930123456"), ContactIdentity(contact_id=merged, kind="phone", value="+4930123456")])
    with unit_of_work(runtime.factory) as session:
        before = _state(session)
        result = merge_contacts(session, None, survivor, merged)
    assert result.shared_identities == 1
    with unit_of_work(runtime.factory) as session:
        phones = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == "+4930123456")).all()
        assert phones == [survivor], "one owner: the matcher decides instead of suggesting"
        undo_merge(session, None, result.merge_id)
    with unit_of_work(runtime.factory) as session:
        assert _state(session)["identities"] == before["identities"]


def test_merging_into_itself_and_double_undo_are_refused(runtime, two_julias) -> None:
    survivor, merged = two_julias
    with unit_of_work(runtime.factory) as session, pytest.raises(MergeRefused):
        merge_contacts(session, None, survivor, survivor)
    with unit_of_work(runtime.factory) as session:
        merge_id = merge_contacts(session, None, survivor, merged).merge_id
    with unit_of_work(runtime.factory) as session, pytest.raises(MergeRefused):
        merge_contacts(session, None, survivor, merged)  # already merged
    with unit_of_work(runtime.factory) as session:
        undo_merge(session, None, merge_id)
    with unit_of_work(runtime.factory) as session, pytest.raises(MergeRefused):
        undo_merge(session, None, merge_id)
    with unit_of_work(runtime.factory) as session, pytest.raises(MergeRefused):
        undo_merge(session, None, 999_999)


def test_undo_is_refused_while_the_survivor_is_merged_again(runtime, two_julias) -> None:
    survivor, merged = two_julias
    import_mails(runtime, [_mail(5, "j.wagner@example.com", "Dritte Adresse")])
    with unit_of_work(runtime.factory) as session:
        third = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == "j.wagner@example.com")).one()
        first = merge_contacts(session, None, survivor, merged).merge_id
        second = merge_contacts(session, None, third, survivor).merge_id
    with unit_of_work(runtime.factory) as session, pytest.raises(MergeRefused):
        undo_merge(session, None, first)
    with unit_of_work(runtime.factory) as session:
        undo_merge(session, None, second)
        undo_merge(session, None, first)
    with unit_of_work(runtime.factory) as session:
        assert session.scalar(select(func.count()).where(Interaction.contact_id == merged)) == 1
