"""Checking composer input: addresses, subject, filenames, attachment limits (pure, no database)."""

from __future__ import annotations

import pytest

from hub.reply_input import (
    MAX_RECIPIENTS,
    ReplyInputError,
    UploadedFile,
    clean_attachments,
    clean_subject,
    content_type_for,
    parse_addresses,
    recipient_fields,
    sanitise_filename,
    split_address_field,
)


def test_address_fields_split_outside_quotes_and_brackets() -> None:
    text = '"Weber, Anna" <anna@example.org>; jan@example.org,\n<b@x.de>'
    assert split_address_field(text) == ['"Weber, Anna" <anna@example.org>', "jan@example.org", "<b@x.de>"]
    assert parse_addresses("To", text) == ["anna@example.org", "jan@example.org", "b@x.de"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna@Example.ORG", ["Anna@example.org"]),
        ("a@example.org, A@EXAMPLE.org", ["a@example.org"]),
        ("info@bücher.example", ["info@xn--bcher-kva.example"]),
        ("", []),
    ],
)
def test_good_addresses(text: str, expected: list[str]) -> None:
    assert parse_addresses("Cc", text) == expected


@pytest.mark.parametrize("bad", ["anna", "anna@", "@example.org", "anna@example", "an na@example.org", "a@-x.de", "a@x.123", "a..b@x.de"])
def test_bad_addresses_are_named(bad: str) -> None:
    with pytest.raises(ReplyInputError, match=f'^Bcc: "{bad}" is not a valid e-mail address$'):
        parse_addresses("Bcc", f"ok@example.org, {bad}")


def test_recipients_keep_each_address_once_and_need_a_to() -> None:
    to, cc, bcc = recipient_fields("a@x.de", "A@x.de, b@x.de", "b@x.de, c@x.de")
    assert (to, cc, bcc) == (["a@x.de"], ["b@x.de"], ["c@x.de"])
    with pytest.raises(ReplyInputError, match="To: at least one recipient"):
        recipient_fields("", "b@x.de", "")
    with pytest.raises(ReplyInputError, match="too many recipients"):
        recipient_fields("a@x.de", ", ".join(f"p{i}@x.de" for i in range(MAX_RECIPIENTS)), "")


def test_subject_is_one_clean_line() -> None:
    assert clean_subject("  Re: Ihre\r\nBestellung\t4711 ") == "Re: Ihre Bestellung 4711"
    with pytest.raises(ReplyInputError, match="empty"):
        clean_subject(" \n ")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("C:\\Users\\anna\\Rechnung.pdf", "Rechnung.pdf"),
        ("../../etc/passwd", "passwd"),
        (".htaccess", "htaccess"),
        ("evil\u202egnp.exe", "evil gnp.exe"),
        ("a\x00b\nc.txt", "a b c.txt"),
        ("Ma\u0308rz.pdf", "März.pdf"),
        ("", "attachment"),
        ("...", "attachment"),
    ],
)
def test_filenames_are_sanitised(name: str, expected: str) -> None:
    assert sanitise_filename(name) == expected


def test_long_filenames_keep_their_extension() -> None:
    name = sanitise_filename("ä" * 300 + ".pdf")
    assert name.endswith(".pdf") and len(name.encode("utf-8")) <= 200


def test_content_type_comes_from_the_name_not_the_browser() -> None:
    assert content_type_for("scan.pdf") == "application/pdf"
    assert content_type_for("archive.tar.gz") == "application/gzip"
    assert content_type_for("no-extension") == "application/octet-stream"
    assert content_type_for("weitergeleitet.eml") == "application/octet-stream", "message/rfc822 cannot be base64"
    [clean] = clean_attachments([UploadedFile("x.html", "application/pdf", b"<p>")], 100)
    assert clean.content_type == "text/html"


def test_attachment_limits_and_duplicate_names() -> None:
    files = [UploadedFile("scan.pdf", "", b"1"), UploadedFile("scan.pdf", "", b"2"), UploadedFile("", "", b"")]
    assert [a.filename for a in clean_attachments(files, 10)] == ["scan.pdf", "scan (2).pdf"]
    with pytest.raises(ReplyInputError, match="3 kB in total, more than the limit of 2 kB"):
        clean_attachments([UploadedFile("a", "", b"x" * 3000)], 2000)
    with pytest.raises(ReplyInputError, match='"leer.txt" is empty'):
        clean_attachments([UploadedFile("leer.txt", "", b"")], 10)


@pytest.mark.parametrize("name", ["scan.pdf", "liste.csv", "notiz.txt", "termin.ics", "seite.html", "mail.eml", "x.bin"])
def test_rendered_mail_has_only_crlf_lines_and_exact_bytes(name: str) -> None:
    import re
    from datetime import UTC, datetime
    from email import message_from_bytes
    from email.policy import default

    from hub.models import OutboundMessage
    from hub.outbound import AttachmentPart, render_mime

    data = bytes(range(256)) * 3 + "Grüße\n".encode() + b"\r\nlast line without end"
    [clean] = clean_attachments([UploadedFile(name, "", data)], 10_000)
    outbound = OutboundMessage(
        from_address="service@shop.example", to_addresses=["anna@example.org"], cc_addresses=["jan@example.org"], bcc_addresses=["bcc@example.org"],
        subject="Re: Test", message_id="m@shop.example", in_reply_to="o@example.org", references="o@example.org", body_text="Hallo\nWelt",
    )
    raw = render_mime(outbound, datetime(2026, 11, 23, tzinfo=UTC), [AttachmentPart(clean.filename, clean.content_type, clean.data)])
    assert not re.search(rb"(?<!\r)\n", raw), "every line ends in CRLF"
    assert b"bcc@example.org" not in raw and b"Bcc:" not in raw
    parsed = message_from_bytes(raw, policy=default)
    [part] = list(parsed.iter_attachments())
    assert part.get_filename() == name and part.get_payload(decode=True) == data
