"""The match stage on both databases: evidence, suggestions, companies, reversibility."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import (
    Company,
    Contact,
    ContactIdentity,
    ContactSuggestion,
    Interaction,
    PipelineDecision,
)
from hub.suggestions import SuggestionError, confirm, reject, undo
from tests.helpers import import_mails


def _mail(mid: str, sender: str, body: str, subject: str = "Frage") -> bytes:
    return (
        f"From: {sender}\r\nTo: service@shop.example\r\nSubject: {subject}\r\nMessage-ID: <{mid}>\r\n"
        f"Date: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\n{body}\r\n"
    ).encode()


def _contact(runtime, name: str, *identities: tuple[str, str]) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        contact = Contact(display_name=name, created_at=utcnow())
        contact.identities = [ContactIdentity(kind=k, value=v) for k, v in identities]
        session.add(contact)
        session.flush()
        return contact.id


def _interaction(runtime, mid: str):  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        interaction = session.scalars(select(Interaction).where(Interaction.channel_message_id == mid)).one()
        reason = " | ".join(session.scalars(select(PipelineDecision.reason).where(PipelineDecision.interaction_id == interaction.id, PipelineDecision.stage == "match")))
        suggestions = list(session.scalars(select(ContactSuggestion).where(ContactSuggestion.interaction_id == interaction.id)))
        return interaction, reason, suggestions


SIGNATURE = "Hallo,\r\nmeine Rechnung stimmt nicht.\r\n\r\nMit freundlichen Grüßen\r\nAnna Weber\r\nTel. 030 12345678\r\n"


def test_known_customer_from_a_new_address_is_matched_by_signature(runtime) -> None:
    anna = _contact(runtime, "Anna Weber", ("email", "anna.weber@example.org"), ("phone", "+493012345678"))
    import_mails(runtime, [_mail("n1@x", "Anna Weber <a.weber.privat@gmail.com>", SIGNATURE)])
    interaction, reason, suggestions = _interaction(runtime, "n1@x")
    assert interaction.contact_id == anna, reason
    assert "+493012345678" in reason
    assert not suggestions
    with unit_of_work(runtime.factory) as session:
        emails = set(session.scalars(select(ContactIdentity.value).where(ContactIdentity.contact_id == anna, ContactIdentity.kind == "email")))
    assert emails == {"anna.weber@example.org", "a.weber.privat@gmail.com"}


def test_a_shared_family_address_is_suggested_not_decided(runtime) -> None:
    peter = _contact(runtime, "Peter Müller", ("email", "familie.mueller@web.de"))
    maria = _contact(runtime, "Maria Müller", ("email", "familie.mueller@web.de"))
    import_mails(runtime, [_mail("f1@x", "familie.mueller@web.de", "Hallo, bitte um Rückruf.\r\n\r\nGruß")])
    interaction, reason, suggestions = _interaction(runtime, "f1@x")
    assert interaction.contact_id is None
    assert {s.contact_id for s in suggestions} == {peter, maria}
    assert "suggested" in reason or reason


def test_weak_evidence_makes_a_new_contact_with_a_suggestion_that_an_agent_confirms_and_undoes(runtime) -> None:
    anna = _contact(runtime, "Anna Weber", ("email", "anna.weber@example.org"), ("phone", "+493012345678"))
    body = "Hallo,\r\nbitte rufen Sie zurück.\r\n\r\nViele Grüße\r\nTel. 030 12345678\r\n"
    import_mails(runtime, [_mail("w1@x", "info-kunde@gmail.com", body)])
    interaction, reason, suggestions = _interaction(runtime, "w1@x")
    assert interaction.contact_id not in (None, anna), "a phone alone is not decisive"
    assert [s.contact_id for s in suggestions] == [anna]
    new_contact = interaction.contact_id
    with unit_of_work(runtime.factory) as session:
        confirm(session, suggestions[0].id, "agent@example.test")
    interaction, _, suggestions = _interaction(runtime, "w1@x")
    assert interaction.contact_id == anna and suggestions[0].status == "confirmed"
    with unit_of_work(runtime.factory) as session:
        assert session.scalar(select(ContactIdentity.id).where(ContactIdentity.contact_id == anna, ContactIdentity.value == "info-kunde@gmail.com"))
        with pytest.raises(SuggestionError):
            reject(session, suggestions[0].id, "agent@example.test")
    with unit_of_work(runtime.factory) as session:
        undo(session, suggestions[0].id, "agent@example.test")
    interaction, _, suggestions = _interaction(runtime, "w1@x")
    assert interaction.contact_id == new_contact and suggestions[0].status == "open"
    with unit_of_work(runtime.factory) as session:
        assert not session.scalar(select(ContactIdentity.id).where(ContactIdentity.contact_id == anna, ContactIdentity.value == "info-kunde@gmail.com"))


def test_company_domains_make_companies_but_free_mail_never_does(runtime) -> None:
    body = "Guten Tag,\r\nwir brauchen ein Angebot.\r\n\r\nMit freundlichen Grüßen\r\n{name}\r\nMuster Bau GmbH\r\n"
    import_mails(runtime, [
        _mail("c1@x", "Jens Paul <j.paul@musterbau.example>", body.format(name="Jens Paul")),
        _mail("c2@x", "Eva Stein <e.stein@musterbau.example>", body.format(name="Eva Stein")),
        _mail("c3@x", "Tom Frei <tom.frei@gmx.de>", "Hallo\r\n"),
    ])
    with unit_of_work(runtime.factory) as session:
        companies = list(session.scalars(select(Company)))
        people = {c.display_name: c.company_id for c in session.scalars(select(Contact))}
    assert [(c.name, c.domain) for c in companies] == [("Muster Bau GmbH", "musterbau.example")]
    assert people["Jens Paul"] == people["Eva Stein"] == companies[0].id
    assert people["Tom Frei"] is None


def test_known_address_matches_at_once_unless_the_name_says_someone_else(runtime) -> None:
    anna = _contact(runtime, "Anna Müller", ("email", "mueller.home@web.de"))
    import_mails(runtime, [
        _mail("k1@x", "Anna Mueller <mueller.home@web.de>", "Hallo\r\n"),
        _mail("k2@x", "Peter Müller <mueller.home@web.de>", "Hallo, hier schreibt Peter.\r\n"),
    ])
    first, reason, _ = _interaction(runtime, "k1@x")
    assert first.contact_id == anna and "display name" in reason
    second, reason, _ = _interaction(runtime, "k2@x")
    assert second.contact_id != anna, reason


def test_undo_keeps_an_address_the_contact_had_before_the_confirmation(runtime) -> None:
    anna = _contact(runtime, "Anna Weber", ("email", "anna.weber@example.org"), ("phone", "+493012345678"))
    body = "Hallo,\r\nbitte rufen Sie zurück.\r\n\r\nViele Grüße\r\nTel. 030 12345678\r\n"
    import_mails(runtime, [_mail("u1@x", "info-kunde@gmail.com", body)])
    _, _, [suggestion] = _interaction(runtime, "u1@x")
    with unit_of_work(runtime.factory) as session:
        session.add(ContactIdentity(contact_id=anna, kind="email", value="info-kunde@gmail.com"))  # an agent added it meanwhile
    with unit_of_work(runtime.factory) as session:
        confirm(session, suggestion.id, "agent@example.test")
    with unit_of_work(runtime.factory) as session:
        undo(session, suggestion.id, "agent@example.test")
    with unit_of_work(runtime.factory) as session:
        assert session.scalar(select(ContactIdentity.id).where(ContactIdentity.contact_id == anna, ContactIdentity.value == "info-kunde@gmail.com"))
