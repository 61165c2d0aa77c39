"""Raw RFC 5322 bytes -> a plain :class:`ParsedMail`, fast path first.

The Rust-backed ``fast_mail_parser`` handles almost all mail about 100x
faster than ``email`` with ``policy.default``; the stdlib is the fallback for
mail it refuses or cannot find headers in. Both produce the same plain value,
so nothing after this module knows which parser ran (``ParsedMail.parser``
records it for the decision log).
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import fast_mail_parser

from nlp.html_text import html_to_text

_MESSAGE_ID = re.compile(r"<([^<>\s]{1,480})>")
_MBOX_FROM_LINE = re.compile(rb"\AFrom [^\r\n]*\r?\n")


class MailParseError(ValueError):
    """The bytes are not a mail the hub can read; the message says why."""


@dataclass(frozen=True)
class Address:
    """One mailbox of an address header; ``address`` is lower-cased."""

    name: str
    address: str


@dataclass(frozen=True)
class ParsedAttachment:
    """One attached file as found in the mail."""

    filename: str
    content_type: str
    data: bytes
    inline: bool = False


@dataclass(frozen=True)
class ParsedMail:
    """What the pipeline needs from one mail, independent of the parser used."""

    message_id: str | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    subject: str
    sender: Address | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: datetime | None
    text: str
    html: str | None
    attachments: tuple[ParsedAttachment, ...]
    parser: str
    warnings: tuple[str, ...] = field(default=())

    def participants(self) -> tuple[str, ...]:
        """Lower-case addresses of From, To and Cc, without repeats."""
        seen: dict[str, None] = {}
        for addr in ((self.sender,) if self.sender else ()) + self.to + self.cc:
            if addr.address:
                seen.setdefault(addr.address, None)
        return tuple(seen)


def parse_mail(raw: bytes) -> ParsedMail:
    """Parse raw mail bytes, falling back to the stdlib parser when needed.

    Raises :class:`MailParseError` with a readable reason when neither parser
    finds a header block: the caller quarantines such a message.
    """
    body = _MBOX_FROM_LINE.sub(b"", raw, count=1)
    if not body.strip():
        raise MailParseError("empty message: no header block and no body")
    try:
        parsed = _parse_fast(body)
    except (fast_mail_parser.ParseError, ValueError, UnicodeError) as error:
        parsed = _parse_stdlib(body, why=f"fast parser: {type(error).__name__}: {error}")
    if parsed is None:
        parsed = _parse_stdlib(body, why="fast parser found no header block")
    return parsed


def parse_mail_with_repair(raw: bytes) -> ParsedMail:
    """:func:`parse_mail`, and when that fails, once more after repairing the header block.

    Obsolete RFC 822 syntax (``From  : x``) and stray garbage lines before
    the real headers are common in old archives; repairing them loses
    nothing, because the raw bytes stay in the store unchanged.
    """
    try:
        return parse_mail(raw)
    except MailParseError as error:
        repaired, notes = repair_header_block(_MBOX_FROM_LINE.sub(b"", raw, count=1))
        if not notes:
            raise
        try:
            parsed = parse_mail(repaired)
        except MailParseError:
            raise error from None
        if parsed.sender is None and parsed.message_id is None and not parsed.subject:
            raise error from None
        return replace(parsed, warnings=parsed.warnings + tuple(notes))


_HEADER_LINE = re.compile(rb"^([!-9;-~]+)[ \t]*:")
_CONTINUATION = re.compile(rb"^[ \t]")


def repair_header_block(body: bytes) -> tuple[bytes, list[str]]:
    """Rewrite ``Name  :`` to ``Name:`` and drop non-header lines before the body."""
    head, separator, rest = body.partition(b"\n\n") if b"\r\n\r\n" not in body else body.partition(b"\r\n\r\n")
    notes: list[str] = []
    kept: list[bytes] = []
    for line in head.splitlines(keepends=True):
        match = _HEADER_LINE.match(line)
        if match:
            fixed = match.group(1) + b":" + line[match.end() :]
            if fixed != line:
                notes.append(f"repaired header name {match.group(1)[:40].decode('latin-1')!r} (space before colon)")
            kept.append(fixed)
        elif _CONTINUATION.match(line) and kept:
            kept.append(line)
        else:
            notes.append(f"dropped a non-header line in the header block: {line[:60].decode('latin-1').strip()!r}")
    return b"".join(kept) + separator + rest, notes


def message_ids(value: str | None) -> tuple[str, ...]:
    """The ``<id>`` tokens of a Message-ID / In-Reply-To / References value, in order."""
    if not value:
        return ()
    found = _MESSAGE_ID.findall(value)
    if not found and "@" in value and " " not in value.strip():
        # Some clients omit the angle brackets; a lone token with @ is still an id.
        found = [value.strip()]
    return tuple(dict.fromkeys(token.strip() for token in found))


def _parse_fast(body: bytes) -> ParsedMail | None:
    mail = fast_mail_parser.parse_email(body)
    headers = mail.headers
    if not headers:
        return None
    lower = {name.lower(): values for name, values in headers.items()}
    if not any(key in lower for key in ("from", "subject", "date", "message-id", "to")):
        return None
    text = _clean_body("\n\n".join(part for part in mail.text_plain if part))
    html = _clean_body("\n".join(part for part in mail.text_html if part)) or None
    if not text.strip() and html:
        text = html_to_text(html)
    attachments = tuple(
        ParsedAttachment(
            filename=_clean_filename(attachment.filename or ""),
            content_type=(attachment.mimetype or "application/octet-stream").lower(),
            data=bytes(attachment.content),
            inline=(attachment.disposition or "").lower() == "inline",
        )
        for attachment in mail.attachments
    )
    return ParsedMail(
        message_id=_first_id(lower.get("message-id")),
        in_reply_to=message_ids(_first(lower.get("in-reply-to"))),
        references=message_ids(" ".join(lower.get("references", []))),
        subject=_clean_header(mail.subject or ""),
        sender=_fast_address(mail.from_) or _sender_fallback(lower, body),
        to=tuple(filter(None, (_fast_address(a) for a in mail.to or ()))),
        cc=tuple(filter(None, (_fast_address(a) for a in mail.cc or ()))),
        date=_aware(mail.date_parsed),
        text=text,
        html=html,
        attachments=attachments,
        parser="fast_mail_parser",
        warnings=tuple(str(w) for w in mail.warnings),
    )


def _parse_stdlib(body: bytes, *, why: str) -> ParsedMail:
    try:
        message = email.message_from_bytes(body, policy=email.policy.default)
    except Exception as error:  # the stdlib parser is documented not to raise, but be sure
        raise MailParseError(f"{why}; stdlib parser failed: {error}") from error
    if not message.keys():
        raise MailParseError(f"{why}; stdlib parser found no headers either: not an RFC 5322 message")
    warnings = [why] + [type(defect).__name__ for defect in message.defects]
    text, html, attachments = _stdlib_parts(message, warnings)
    if not text.strip() and html:
        text = html_to_text(html)
    return ParsedMail(
        message_id=_first_id([_header(message, "Message-ID", warnings)]),
        in_reply_to=message_ids(_header(message, "In-Reply-To", warnings)),
        references=message_ids(_header(message, "References", warnings)),
        subject=_clean_header(_header(message, "Subject", warnings)),
        sender=next(iter(_stdlib_addresses(message, "From", warnings)), None)
        or _sender_fallback({k.lower(): [str(v)] for k, v in _safe_items(message, warnings)}, body),
        to=_stdlib_addresses(message, "To", warnings),
        cc=_stdlib_addresses(message, "Cc", warnings),
        date=_stdlib_date(_header(message, "Date", warnings)),
        text=text,
        html=html,
        attachments=tuple(attachments),
        parser="email.policy.default",
        warnings=tuple(warnings),
    )


def _stdlib_parts(message, warnings: list[str]) -> tuple[str, str | None, list[ParsedAttachment]]:  # type: ignore[no-untyped-def]
    texts: list[str] = []
    htmls: list[str] = []
    attachments: list[ParsedAttachment] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        disposition = part.get_content_disposition()
        is_body = disposition != "attachment" and content_type in ("text/plain", "text/html")
        if is_body:
            try:
                content = part.get_content()
            except Exception as error:  # unknown charset, broken transfer encoding
                warnings.append(f"undecodable {content_type} part: {error}")
                payload = part.get_payload(decode=True) or b""
                content = payload.decode("latin-1")
            (texts if content_type == "text/plain" else htmls).append(str(content))
            continue
        payload = part.get_payload(decode=True) or b""
        attachments.append(
            ParsedAttachment(
                filename=_clean_filename(_safe(lambda: part.get_filename() or "", warnings)),
                content_type=content_type,
                data=payload,
                inline=disposition == "inline",
            )
        )
    text = _clean_body("\n\n".join(texts))
    return text, (_clean_body("\n".join(htmls)) or None), attachments


_ADDR_SPEC = re.compile(r"([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+)")


def _sender_fallback(headers: dict[str, list[str]], raw: bytes) -> Address | None:
    """Find a sender address when the From header does not parse as one.

    Spam and broken mailers write ``From: "x@y.example"`` or put the address
    outside the brackets; the first addr-spec in From, then Sender, Reply-To,
    Return-Path is what a person reading the mail would take.
    """
    for name in ("from", "sender", "reply-to", "return-path"):
        for value in headers.get(name, []):
            match = _ADDR_SPEC.search(value)
            if match:
                return Address(name="", address=match.group(1).lower())
    return None


def _safe_items(message, warnings: list[str]) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    items = []
    for key in message.keys():
        value = _safe(lambda key=key: str(message.get(key, "")), warnings)
        items.append((key, value))
    return items


def _header(message, name: str, warnings: list[str]) -> str:  # type: ignore[no-untyped-def]
    return _safe(lambda: str(message.get(name, "") or ""), warnings)


def _safe(read, warnings: list[str]) -> str:  # type: ignore[no-untyped-def]
    """Header objects of ``policy.default`` raise on some broken input; keep going."""
    try:
        return read()
    except Exception as error:
        warnings.append(f"unreadable header: {type(error).__name__}: {error}")
        return ""


def _stdlib_addresses(message, name: str, warnings: list[str]) -> tuple[Address, ...]:  # type: ignore[no-untyped-def]
    values = _safe(lambda: ", ".join(str(v) for v in message.get_all(name, [])), warnings)
    pairs = email.utils.getaddresses([values]) if values else []
    return tuple(Address(name=n.strip(), address=a.strip().lower()) for n, a in pairs if a.strip())


def _stdlib_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(email.utils.parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None


def _fast_address(address) -> Address | None:  # type: ignore[no-untyped-def]
    if address is None:
        return None
    value = (address.address or "").strip().lower()
    name = _clean_header(address.display_name or "")
    if not value and not name:
        return None
    return Address(name=name, address=value)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _first(values: list[str] | None) -> str:
    return values[0] if values else ""


def _first_id(values: list[str] | None) -> str | None:
    ids = message_ids(_first(values))
    return ids[0] if ids else None


def _clean_body(value: str) -> str:
    """Unix line ends; NUL removed (PostgreSQL text cannot hold it, no reader needs it)."""
    return repair_mojibake(value.replace("\r\n", "\n").replace("\x00", ""))


_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def repair_mojibake(value: str) -> str:
    """Undo UTF-8 bytes that were read as Latin-1 (8-bit mail without a charset).

    RFC 2045 says such text is US-ASCII, but clients send UTF-8 undeclared;
    read as Latin-1 it shows "GrÃ¼ÃŸe". When the text re-encodes to valid
    UTF-8 it was UTF-8: real Latin-1 prose almost never forms those pairs.
    """
    if not _MOJIBAKE.search(value):
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            return value.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return value


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def _clean_filename(value: str) -> str:
    """An attachment name without control characters (NUL breaks PostgreSQL, CR/LF break headers)."""
    return _CONTROL_CHARS.sub("", value).strip()


def _clean_header(value: str) -> str:
    """Unfold and trim a decoded header; control characters never reach the UI."""
    return " ".join(repair_mojibake(value.replace("\x00", "")).split())
