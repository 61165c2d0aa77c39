"""Checking what an agent typed into the reply composer: addresses, subject, files.

Pure functions: text and bytes in, clean values out, or a
:class:`ReplyInputError` whose message names the field and the offending
value, so the composer can show it next to what the agent typed and keep
everything else.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: More recipients than this in one reply is a mass mailing, not a reply.
MAX_RECIPIENTS = 50
MAX_ATTACHMENTS = 20
MAX_SUBJECT_CHARS = 500
#: Filenames longer than this (in UTF-8 bytes) are shortened, keeping the extension.
MAX_FILENAME_BYTES = 200

# An addr-spec as mail servers accept it without SMTPUTF8: dot-atom local part, a domain with a dot.
_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_DOMAIN_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ReplyInputError(ValueError):
    """What is wrong with the composer's input, in words the agent can act on."""


@dataclass(frozen=True)
class UploadedFile:
    """A file the agent attached, as the browser sent it."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class CleanAttachment:
    """An attachment ready to store and send: sanitised name, a type we chose, the bytes."""

    filename: str
    content_type: str
    data: bytes


def split_address_field(text: str) -> list[str]:
    """Split ``a@x.de, "Weber, Anna" <b@y.de>; c@z.de`` at commas, semicolons and line ends outside quotes and <>."""
    parts, current, quoted, angle = [], [], False, False
    for char in text:
        if char == '"' and not angle:
            quoted = not quoted
        elif char == "<" and not quoted:
            angle = True
        elif char == ">" and not quoted:
            angle = False
        if char in ",;\n\r" and not quoted and not angle:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def valid_address(address: str) -> str | None:
    """The address with its domain in lower-case ASCII (IDNA), or None when it is not a usable address."""
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or len(address) > 254 or len(local) > 64:
        return None
    if not _LOCAL_PART.match(local):
        return None
    try:
        ascii_domain = domain.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return None
    return f"{local}@{ascii_domain}"


def parse_addresses(label: str, text: str) -> list[str]:
    """Bare addresses from one composer field, without repeats; raises naming each bad entry."""
    found: dict[str, str] = {}
    bad: list[str] = []
    for entry in split_address_field(text or ""):
        inner = entry[entry.rfind("<") + 1 : entry.rfind(">")] if "<" in entry and entry.endswith(">") else entry
        address = valid_address(inner.strip())
        if address is None:
            bad.append(entry)
        else:
            found.setdefault(address.lower(), address)
    if bad:
        shown = ", ".join(f'"{entry[:80]}"' for entry in bad[:5])
        raise ReplyInputError(f"{label}: {shown} {'is not a valid e-mail address' if len(bad) == 1 else 'are not valid e-mail addresses'}")
    return list(found.values())


def recipient_fields(to_text: str, cc_text: str, bcc_text: str) -> tuple[list[str], list[str], list[str]]:
    """To, Cc and Bcc checked together: To is required, an address is kept only in its first field."""
    to = parse_addresses("To", to_text)
    cc = parse_addresses("Cc", cc_text)
    bcc = parse_addresses("Bcc", bcc_text)
    if not to:
        raise ReplyInputError("To: at least one recipient is needed")
    seen = {a.lower() for a in to}
    cc = [a for a in cc if a.lower() not in seen]
    seen |= {a.lower() for a in cc}
    bcc = [a for a in bcc if a.lower() not in seen]
    if len(to) + len(cc) + len(bcc) > MAX_RECIPIENTS:
        raise ReplyInputError(f"too many recipients: at most {MAX_RECIPIENTS} in To, Cc and Bcc together")
    return to, cc, bcc


def clean_subject(subject: str) -> str:
    """One line, no control characters, not empty, not absurdly long."""
    cleaned = " ".join(_CONTROL.sub(" ", subject or "").split())
    if not cleaned:
        raise ReplyInputError("Subject: the subject is empty")
    if len(cleaned) > MAX_SUBJECT_CHARS:
        raise ReplyInputError(f"Subject: longer than {MAX_SUBJECT_CHARS} characters")
    return cleaned


def sanitise_filename(name: str) -> str:
    """A name safe to send and to show: no directories, no control or bidi characters, no leading dot.

    Browsers on Windows send ``C:\\Users\\...\\file.pdf``; only the last
    part is kept. Unicode is normalised to NFC so the same name typed on two
    systems is the same string.
    """
    base = re.split(r"[/\\]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(" " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in base)
    base = " ".join(base.split()).strip(" .")
    if not base:
        return "attachment"
    if len(base.encode("utf-8")) > MAX_FILENAME_BYTES:
        stem, dot, extension = base.rpartition(".")
        extension = extension if dot and len(extension) <= 10 else ""
        room = MAX_FILENAME_BYTES - len(extension.encode("utf-8")) - (1 if extension else 0)
        stem = (stem if extension else base).encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .")
        base = f"{stem}.{extension}" if extension else stem
    return base


def content_type_for(filename: str) -> str:
    """The type we declare, from the sanitised name: the browser's claim is not trusted."""
    guessed, encoding = mimetypes.guess_type(filename, strict=False)
    # A .tar.gz is sent as gzip data, not as a tar with a transfer encoding nobody reads.
    if encoding == "gzip":
        return "application/gzip"
    # message/* and multipart/* parts may not be base64-encoded (RFC 2046 5.2.1): a .eml goes as plain bytes.
    if not guessed or encoding is not None or guessed.startswith(("message/", "multipart/")):
        return "application/octet-stream"
    return guessed


def clean_attachments(files: Iterable[UploadedFile], max_total_bytes: int) -> list[CleanAttachment]:
    """Check the files against the limits; an empty file input (no name, no bytes) is skipped."""
    chosen = [f for f in files if f.filename or f.data]
    if len(chosen) > MAX_ATTACHMENTS:
        raise ReplyInputError(f"Attachments: at most {MAX_ATTACHMENTS} files per reply")
    total = sum(len(f.data) for f in chosen)
    if total > max_total_bytes:
        raise ReplyInputError(
            f"Attachments: {_megabytes(total)} in total, more than the limit of {_megabytes(max_total_bytes)}"
        )
    cleaned = []
    for upload in chosen:
        filename = sanitise_filename(upload.filename)
        if not upload.data:
            raise ReplyInputError(f'Attachments: "{filename}" is empty')
        cleaned.append(CleanAttachment(filename, content_type_for(filename), upload.data))
    return _unique_names(cleaned)


def _unique_names(attachments: Sequence[CleanAttachment]) -> list[CleanAttachment]:
    """Two files called ``scan.pdf`` become ``scan.pdf`` and ``scan (2).pdf``: the customer can save both."""
    seen: set[str] = set()
    result = []
    for attachment in attachments:
        name, number = attachment.filename, 1
        stem, dot, extension = name.rpartition(".")
        while name.lower() in seen:
            number += 1
            name = f"{stem} ({number}).{extension}" if dot and stem else f"{attachment.filename} ({number})"
        seen.add(name.lower())
        result.append(CleanAttachment(name, attachment.content_type, attachment.data))
    return result


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} kB"
