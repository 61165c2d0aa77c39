"""The context panel's read model, reassigning messages, tag corrections and the complaint queue (both databases)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from hub import reassign
from hub.complaints import open_complaints
from hub.context import message_context, search_contacts
from hub.db import unit_of_work
from hub.demo.mailbox import build_demo_mailbox
from hub.inbox_work import add_note, set_status
from hub.models import AuditEntry, Contact, ContactSuggestion, Interaction, InteractionTag, PipelineDecision
from hub.suggestions import reject
from hub.tag_correction import TagCorrection, correct_tags
from hub.users import create_or_update_user
from tests.helpers import import_mails

DEMO_SUBJECT = "Gäste-WLAN für die Saison erweitern"


def _mail(n: int, sender: str = "Paula Berg <paula@berg.example>", subject: str | None = None, day: int = 1) -> bytes:
    return (
        f"From: {sender}\r\nTo: service@shop.example\r\nSubject: {subject or f'Frage {n}'}\r\n"
        f"Message-ID: <ctx{n}@example.org>\r\nDate: Mon, {day:02d} Nov 2026 {8 + n % 10:02d}:00:00 +0100\r\n\r\nText {n}\r\n"
    ).encode()


def _user(session) -> int:  # type: ignore[no-untyped-def]
    return create_or_update_user(session, "agent@example.test", "correct horse battery", role="agent", display_name="Agent A")


def _id(session, message_id: str) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(Interaction.id).where(Interaction.channel_message_id == message_id))


def test_demo_message_context_shows_customer_reason_history_and_complaint(runtime) -> None:
    import_mails(runtime, [mail.raw for mail in build_demo_mailbox()])
    with unit_of_work(runtime.factory) as session:
        message = session.scalars(select(Interaction).where(Interaction.subject == DEMO_SUBJECT)).one()
        add_note(session, message.id, "Techniker fragen", author_id=None)
        recorded = session.scalar(
            select(PipelineDecision.reason).where(PipelineDecision.interaction_id == message.id, PipelineDecision.stage == "match")
        )
        context = message_context(session, message.id)
    assert context is not None
    assert context.contact_name == "Ines Rademacher" and context.company_domain == "hotel-seeblick-timmendorf.de"
    assert ("email", "i.rademacher@hotel-seeblick-timmendorf.de") in context.identities
    assert recorded and context.match_reason == recorded
    history = context.history
    assert history is not None and message.id in [e.interaction_id for e in history.entries]
    times = [e.occurred_at for e in history.entries]
    assert times == sorted(times, reverse=True), "most recent first"
    assert [(c.interaction_id, c.severity) for c in context.open_complaints][:1] == [(message.id, "high")]
    assert [n.body for n in context.notes] == ["Techniker fragen"]
    assert context.tags.complaint and context.tags.severity == "high"


def test_history_pages_by_ten(runtime) -> None:
    import_mails(runtime, [_mail(n, day=1 + n) for n in range(12)])
    with unit_of_work(runtime.factory) as session:
        newest = _id(session, "ctx11@example.org")
        first = message_context(session, newest)
        second = message_context(session, newest, history_page=2)
    assert first and second and first.history and second.history
    assert first.history.total == 12 and len(first.history.entries) == 10 and len(second.history.entries) == 2
    assert first.history.entries[0].interaction_id == newest
    assert second.history.entries[-1].subject == "Frage 0"


def test_reassign_new_contact_confirm_and_undo(runtime) -> None:
    import_mails(runtime, [_mail(1), _mail(2, sender="Otto Lind <otto@lind.example>")])
    with unit_of_work(runtime.factory) as session:
        paula_mail, otto_mail = _id(session, "ctx1@example.org"), _id(session, "ctx2@example.org")
        paula = session.get(Interaction, paula_mail).contact_id
        otto = session.get(Interaction, otto_mail).contact_id
        assert [hit[0] for hit in search_contacts(session, "lind.exa")] == [otto]

        moved = reassign.reassign(session, paula_mail, otto, "agent@example.test")
        assert session.get(Interaction, paula_mail).contact_id == otto
        assert session.get(ContactSuggestion, moved).previous_contact_id == paula
        with pytest.raises(reassign.ReassignError):
            reassign.reassign(session, paula_mail, otto, "agent@example.test")

        created = reassign.reassign_to_new_contact(session, paula_mail, "agent@example.test")
        new_contact = session.get(Interaction, paula_mail).contact_id
        assert new_contact not in (paula, otto)
        assert [i.value for i in session.get(Contact, new_contact).identities] == ["paula@berg.example"]
        with pytest.raises(reassign.ReassignError, match="moved since"):
            reassign.undo(session, moved, "agent@example.test")

        reassign.undo(session, created, "agent@example.test")
        assert session.get(Interaction, paula_mail).contact_id == otto
        assert session.get(Contact, new_contact) is None, "the contact made for the undone decision is gone"
        reassign.undo(session, moved, "agent@example.test")
        assert session.get(Interaction, paula_mail).contact_id == paula

        confirmed = reassign.confirm_match(session, paula_mail, "agent@example.test")
        assert message_context(session, paula_mail).decisions[0].suggestion_id == confirmed  # type: ignore[union-attr]
        reassign.undo(session, confirmed, "agent@example.test")
        assert session.scalar(select(ContactSuggestion)) is None


def test_reassigning_to_a_suggested_contact_confirms_the_suggestion(runtime) -> None:
    import_mails(runtime, [_mail(1), _mail(2, sender="Otto Lind <otto@lind.example>")])
    with unit_of_work(runtime.factory) as session:
        paula_mail, otto_mail = _id(session, "ctx1@example.org"), _id(session, "ctx2@example.org")
        otto = session.get(Interaction, otto_mail).contact_id
        suggestion = ContactSuggestion(
            interaction_id=paula_mail, contact_id=otto, score=0.6, reason="same surname", status="open",
            created_at=session.get(Interaction, paula_mail).received_at,
        )
        session.add(suggestion)
        session.flush()
        assert [s.contact_name for s in message_context(session, paula_mail).open_suggestions] == ["Otto Lind"]  # type: ignore[union-attr]
        assert reassign.reassign(session, paula_mail, otto, "agent@example.test") == suggestion.id
        assert suggestion.status == "confirmed" and session.get(Interaction, paula_mail).contact_id == otto
        reassign.undo(session, suggestion.id, "agent@example.test")
        assert suggestion.status == "open"
        reject(session, suggestion.id, "agent@example.test")
        with pytest.raises(reassign.ReassignError, match="rejected"):
            reassign.reassign(session, paula_mail, otto, "agent@example.test")


def test_tag_correction_replaces_model_tags_writes_feedback_and_audits(runtime, tmp_path) -> None:
    import_mails(runtime, [_mail(1)])
    feedback = tmp_path / "feedback.jsonl"
    with unit_of_work(runtime.factory) as session:
        message, user = _id(session, "ctx1@example.org"), _user(session)
        names = correct_tags(
            session, message, TagCorrection("billing_payment", True, "medium"), user_id=user, user_name="Agent A", feedback_path=feedback
        )
        with pytest.raises(ValueError):
            correct_tags(session, message, TagCorrection("nonsense", False), user_id=user, user_name="A", feedback_path=feedback)
        with pytest.raises(ValueError):
            correct_tags(session, message, TagCorrection("other", False, "high"), user_id=user, user_name="A", feedback_path=feedback)
        tags = {t.name: t for t in session.scalars(select(InteractionTag).where(InteractionTag.interaction_id == message))}
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "message.correct_tags")).all()
    assert names == ["intent:billing_payment", "complaint", "complaint_severity:medium"]
    assert {n for n in tags if not n.startswith("lang:")} == set(names)
    assert all(tags[n].tagger == "agent" and tags[n].reason == "corrected by Agent A" for n in names)
    rows = [json.loads(line) for line in feedback.read_text().splitlines()]
    assert len(rows) == 1 and rows[0]["crm_intent"] == "billing_payment" and rows[0]["severity"] == "medium"
    assert rows[0]["text"].strip() == "Text 1" and rows[0]["complaint"] is True
    assert len(audit) == 1 and audit[0].detail["intent"] == "billing_payment"


def test_complaint_queue_orders_by_severity_then_age_and_drops_closed(runtime, tmp_path) -> None:
    import_mails(runtime, [_mail(n, day=1 + n) for n in range(5)])
    feedback = tmp_path / "feedback.jsonl"
    wanted = {0: ("low", False), 1: ("high", False), 2: ("high", False), 3: ("medium", False), 4: ("high", True)}
    with unit_of_work(runtime.factory) as session:
        ids, user = {n: _id(session, f"ctx{n}@example.org") for n in wanted}, _user(session)
        for n, (severity, closed) in wanted.items():
            correct_tags(session, ids[n], TagCorrection("other", True, severity), user_id=user, user_name="A", feedback_path=feedback)
            if closed:
                set_status(session, ids[n], "closed")
        queue = open_complaints(session)
    assert [(row.interaction_id, row.severity) for row in queue] == [
        (ids[1], "high"), (ids[2], "high"), (ids[3], "medium"), (ids[0], "low")
    ]
    assert queue[0].contact_name == "Paula Berg" and queue[0].snippet.startswith("Text 1")
