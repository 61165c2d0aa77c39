"""Reply composition: subject, quote, recipients, header chain and the wire form (pure, no database)."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default

import pytest

from hub.models import OutboundMessage
from hub.outbound import (
    MAX_REFERENCES,
    OriginalMessage,
    ReplyNotPossible,
    compose_reply,
    new_message_id,
    quote_header,
    render_mime,
    reply_subject,
)

OWN = frozenset({"service@shop.example"})


def _original(**overrides: object) -> OriginalMessage:
    values: dict[str, object] = {
        "message_id": "m1@example.org",
        "subject": "Bestellung 4711",
        "from_address": "anna.weber@example.org",
        "from_name": "Anna Weber",
        "direction": "in",
        "participants": ("anna.weber@example.org", "service@shop.example"),
        "text": "Hallo,\n\nwo bleibt meine Bestellung?",
        "occurred_at": datetime(2026, 11, 2, 8, 0, tzinfo=UTC),
        "lang": "de",
        "references": (),
    }
    return OriginalMessage(**(values | overrides))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Bestellung 4711", "Re: Bestellung 4711"),
        ("Re: Bestellung 4711", "Re: Bestellung 4711"),
        ("AW: Re: AW: Bestellung 4711", "Re: Bestellung 4711"),
        ("RE:Bestellung", "Re: Bestellung"),
        ("Re[2]: Lieferung", "Re: Lieferung"),
        ("Note: call me", "Re: Note: call me"),
        ("", "Re:"),
    ],
)
def test_subject_gets_one_reply_prefix(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


def test_quote_is_in_the_customers_language() -> None:
    german = compose_reply(_original(), "service@shop.example", OWN).quote
    assert "Am 02.11.2026 um 08:00 schrieb Anna Weber <anna.weber@example.org>:" in german
    assert "> Hallo,\n>\n> wo bleibt meine Bestellung?" in german
    assert german.startswith("\n\n"), "room to write above the quote"
    english = quote_header(_original(lang="en", from_name=""))
    assert english == "On 2 Nov 2026 at 08:00, <anna.weber@example.org> wrote:"
    assert quote_header(_original(lang=None)).startswith("On ")


def test_reply_goes_to_the_customer_from_the_mailbox() -> None:
    draft = compose_reply(_original(), "service@shop.example", OWN)
    assert draft.from_address == "service@shop.example"
    assert draft.to_addresses == ("anna.weber@example.org",)
    assert draft.subject == "Re: Bestellung 4711"


def test_follow_up_to_our_own_mail_goes_to_its_recipients() -> None:
    ours = _original(direction="out", from_address="service@shop.example", participants=("service@shop.example", "anna.weber@example.org"))
    assert compose_reply(ours, "service@shop.example", OWN).to_addresses == ("anna.weber@example.org",)
    with pytest.raises(ReplyNotPossible):
        compose_reply(_original(from_address="service@shop.example"), "service@shop.example", OWN)


def test_references_chain_ends_with_the_original() -> None:
    draft = compose_reply(_original(references=("a@x", "b@x", "a@x")), "service@shop.example", OWN)
    assert draft.in_reply_to == "m1@example.org"
    assert draft.references == ("a@x", "b@x", "m1@example.org")
    long_chain = tuple(f"r{i}@x" for i in range(50))
    trimmed = compose_reply(_original(references=long_chain), "service@shop.example", OWN).references
    assert len(trimmed) == MAX_REFERENCES and trimmed[0] == "r0@x" and trimmed[-1] == "m1@example.org"


def test_synthetic_message_ids_are_never_referenced() -> None:
    synthetic = "ab" * 32 + "@sha256.kontakt-hub.invalid"
    draft = compose_reply(_original(message_id=synthetic), "service@shop.example", OWN)
    assert draft.in_reply_to is None and draft.references == ()


def test_rendered_mail_carries_headers_and_utf8_text() -> None:
    outbound = OutboundMessage(
        from_address="service@shop.example",
        to_addresses=["anna.weber@example.org"],
        subject="Re: Größe der Lieferung",
        body_text="Grüße aus dem Lager\n\n> alte Zeile",
        message_id=new_message_id("service@shop.example"),
        in_reply_to="m1@example.org",
        references="a@x m1@example.org",
    )
    raw = render_mime(outbound, datetime(2026, 11, 3, 12, 0, tzinfo=UTC))
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends"
    assert max(raw) < 128, "7-bit on the wire"
    parsed = message_from_bytes(raw, policy=default)
    assert parsed["From"] == "service@shop.example" and parsed["To"] == "anna.weber@example.org"
    assert parsed["Subject"] == "Re: Größe der Lieferung"
    assert parsed["Message-ID"] == f"<{outbound.message_id}>" and outbound.message_id.endswith("@shop.example")
    assert parsed["In-Reply-To"] == "<m1@example.org>"
    assert parsed["References"] == "<a@x> <m1@example.org>"
    assert parsed["Date"] == "Tue, 03 Nov 2026 12:00:00 +0000"
    assert parsed.get_content().replace("\r\n", "\n").strip() == "Grüße aus dem Lager\n\n> alte Zeile"
    assert parsed.get_content_charset() == "utf-8"
