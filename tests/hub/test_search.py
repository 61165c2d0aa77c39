"""Search finds German and English word forms and contact names, on both databases, over the demo mailbox."""

from __future__ import annotations

import re

from sqlalchemy import select

from hub.db import unit_of_work
from hub.demo import build_demo_mailbox
from hub.inbox import InboxFilter, list_inbox
from hub.models import Contact, Interaction
from hub.search import german_stem, matching_interactions
from tests.helpers import import_mails


def _found(session, query: str) -> list[Interaction]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(Interaction).where(matching_interactions(session, query))))


def _words(interaction: Interaction) -> set[str]:
    return set(re.findall(r"\w+", f"{interaction.subject} {interaction.text}".lower()))


def test_german_stem() -> None:
    assert german_stem("rechnungen") == "rechnung"
    assert german_stem("bestellung") == "bestellung"
    assert german_stem("lieferungen") == "lieferung"


def test_search_stems_and_finds_names_on_demo_mailbox(runtime) -> None:
    mails = build_demo_mailbox()
    import_mails(runtime, [m.raw for m in mails if m.folder == "INBOX"])
    import_mails(runtime, [m.raw for m in mails if m.folder == "Sent"], folder="Sent")
    with unit_of_work(runtime.factory) as session:
        assert matching_interactions(session, "  ") is None

        rechnungen = _found(session, "Rechnungen")
        assert any("rechnung" in _words(i) and "rechnungen" not in _words(i) for i in rechnungen), "German stemming"

        cancelled = _found(session, "cancelled")
        assert any("cancel" in _words(i) and "cancelled" not in _words(i) for i in cancelled), "English stemming"

        contact = session.scalars(select(Contact).where(Contact.display_name.like("% %")).order_by(Contact.id)).first()
        assert contact is not None
        surname = contact.display_name.split()[-1]
        by_name = _found(session, surname[:4].lower())
        assert by_name and {i.contact_id for i in by_name} >= {contact.id}

        assert _found(session, "xylophonquartett") == []

        page = list_inbox(session, InboxFilter(status=None, query="Rechnungen"), limit=500)
        assert page.rows and all(row.interaction_id in {i.id for i in rechnungen} for row in page.rows)


def test_search_follows_edits_and_deletes(runtime) -> None:
    import_mails(runtime, [
        b"From: Lena Fischer <lena@example.org>\r\nTo: service@shop.example\r\nSubject: Frage\r\n"
        b"Message-ID: <s1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nMeine Lieferungen sind unvollstaendig.\r\n"
    ])
    with unit_of_work(runtime.factory) as session:
        (interaction,) = _found(session, "Lieferung")
        interaction.subject = "Kuendigung"
    with unit_of_work(runtime.factory) as session:
        assert [i.id for i in _found(session, "Kuendigung")] == [interaction.id]
        assert _found(session, "Frage") == []
