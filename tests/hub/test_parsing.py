"""The parser on the shared corpus: Zammad's expected results, fallbacks, repairs."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import pytest
import yaml

from hub.parsing import MailParseError, message_ids, parse_mail, parse_mail_with_repair, repair_header_block, repair_mojibake


class _RubyTaggedLoader(yaml.SafeLoader):
    """Zammad's expectations are Ruby-tagged YAML: read tags as plain values."""


_RubyTaggedLoader.add_multi_constructor("!ruby/", lambda loader, suffix, node: loader.construct_mapping(node, deep=True))
_RubyTaggedLoader.add_constructor("!binary", lambda loader, node: base64.b64decode(loader.construct_scalar(node)))


def _squash(text: str) -> str:
    """Compare text content only: tags, entities, typographic quotes and spacing aside."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text or "")).replace("\u2018", "'").replace("\u2019", "'")
    return " ".join(text.replace("\xa0", " ").split()).casefold()


def _zammad_pairs(shared_data: Path) -> list[tuple[Path, dict]]:
    pairs = []
    for box in sorted((shared_data / "email" / "zammad").glob("*.box")):
        expected_file = box.with_suffix(".yml")
        if expected_file.exists():
            pairs.append((box, yaml.load(expected_file.read_text(encoding="utf-8"), Loader=_RubyTaggedLoader)))
    return pairs


def test_agreement_with_zammad_expectations(shared_data: Path) -> None:
    """Sender address, subject and body text compared with what Zammad expects."""
    pairs = _zammad_pairs(shared_data)
    assert len(pairs) >= 40
    agree = {"from_email": 0, "subject": 0, "body": 0}
    checked = {"from_email": 0, "subject": 0, "body": 0}
    for box, expected in pairs:
        parsed = parse_mail_with_repair(box.read_bytes())
        if expected.get("from_email"):
            checked["from_email"] += 1
            agree["from_email"] += parsed.sender is not None and parsed.sender.address == str(expected["from_email"]).lower()
        if expected.get("subject") is not None:
            checked["subject"] += 1
            agree["subject"] += " ".join(str(expected["subject"]).split()) == parsed.subject
        if expected.get("body"):
            checked["body"] += 1
            want = _squash(str(expected["body"]))
            got = _squash(parsed.text + " " + (parsed.html or ""))
            # Zammad writes a placeholder where a mail has no visible text.
            agree["body"] += (not got) if want == "no visible content" else want[:80] in got
    rates = {key: agree[key] / checked[key] for key in agree}
    print(f"\nzammad agreement over {len(pairs)} mails: " + ", ".join(f"{k} {v:.1%} ({agree[k]}/{checked[k]})" for k, v in rates.items()))
    assert rates["from_email"] >= 0.94
    assert rates["subject"] >= 0.98
    assert rates["body"] >= 0.94


def test_every_corpus_mail_parses_or_says_why(corpus_mail_paths: list[Path]) -> None:
    failures = {}
    for path in corpus_mail_paths:
        try:
            parse_mail_with_repair(path.read_bytes())
        except MailParseError as error:
            assert str(error), "a parse failure must carry its reason"
            failures[path.name] = str(error)
    print(f"\n{len(corpus_mail_paths) - len(failures)}/{len(corpus_mail_paths)} parsed; refused: {failures}")
    assert len(failures) <= 5


def test_stdlib_fallback_when_the_fast_parser_finds_no_headers() -> None:
    raw = b"X-Odd: 1\r\nFrom: Anna <anna@example.org>\r\nSubject: Hallo\r\n\r\nText\r\n"
    parsed = parse_mail(raw)
    assert parsed.sender is not None and parsed.sender.address == "anna@example.org"
    assert parsed.text.strip() == "Text"


def test_header_repair_of_obsolete_syntax() -> None:
    raw = b"From  : Anna Weber <anna@example.org>\r\nSubject : Rechnung\r\nMessage-ID : <a1@example.org>\r\n\r\nHallo\r\n"
    with pytest.raises(MailParseError):
        parse_mail(raw)
    parsed = parse_mail_with_repair(raw)
    assert parsed.subject == "Rechnung"
    assert parsed.message_id == "a1@example.org"
    assert any("space before colon" in note for note in parsed.warnings)
    _, notes = repair_header_block(b"From: a@b.c\r\n\r\nbody")
    assert notes == []


def test_garbage_is_refused_with_a_reason() -> None:
    for raw in (b"", b"   \r\n", b"just some words without any header\nand more\n"):
        with pytest.raises(MailParseError) as error:
            parse_mail_with_repair(raw)
        assert "header" in str(error.value)


def test_nul_bytes_never_reach_the_text() -> None:
    parsed = parse_mail(b"From: a@b.example\r\nSubject: x\r\n\r\nab\x00cd\r\n")
    assert parsed.text.strip() == "abcd"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<a@b> <c@d>", ("a@b", "c@d")),
        ("  <a@b>\r\n\t<a@b>", ("a@b",)),
        ("a@b", ("a@b",)),
        ("", ()),
        ("no id here", ()),
    ],
)
def test_message_ids(value: str, expected: tuple[str, ...]) -> None:
    assert message_ids(value) == expected


def test_undeclared_utf8_is_read_as_utf8() -> None:
    raw = "From: Jörg <j@example.org>\r\nSubject: Grüße\r\n\r\nMit freundlichen Grüßen\r\n".encode()
    parsed = parse_mail(raw)
    assert parsed.subject == "Grüße"
    assert "Grüßen" in parsed.text


def test_real_latin1_text_is_left_alone() -> None:
    assert repair_mojibake("Ã  la carte, Â£5") == "Ã  la carte, Â£5"
    assert repair_mojibake("Grüße") == "Grüße"


def test_control_characters_never_reach_attachment_names() -> None:
    raw = (
        b"From: a@b.example\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        b"--XX\r\nContent-Type: text/plain\r\n\r\nhi\r\n--XX\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Disposition: attachment; filename=\"a\x00b\r\n.txt\"\r\n\r\nDATA\r\n--XX--\r\n"
    )
    [attachment] = parse_mail(raw).attachments
    assert "\x00" not in attachment.filename and "\n" not in attachment.filename
