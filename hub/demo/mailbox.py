"""Turn the authored scripts of :mod:`hub.demo.scenarios` into real mail bytes.

Why a generator and not a checked-in mbox: the stories stay readable and
editable as data, and every rendering detail (quote styles of different mail
clients, ticket numbers in subjects, Message-ID chains, time zones) is applied
consistently.  The output is byte-for-byte deterministic: no clock, no random,
no ``make_msgid`` (which mixes in time and a random number); Message-IDs are
derived from a hash of the thread key and the step number.

Run ``python -m hub.demo.mailbox OUTDIR`` to write ``INBOX.mbox`` and
``Sent.mbox`` for a look with a real mail client.
"""

from __future__ import annotations

import hashlib
import html
import mailbox as std_mailbox
import re
import struct
import sys
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr, parsedate_to_datetime
from pathlib import Path

from hub.demo.scenarios import (
    AGENTS,
    COMPANIES,
    COMPANY_MSGID_DOMAIN,
    COMPANY_NAME,
    MAILBOXES,
    PEOPLE,
    Agent,
    Person,
    Thread,
    all_threads,
)

INBOX = "INBOX"
SENT = "Sent"


@dataclass(frozen=True)
class DemoMail:
    """One rendered mail and the IMAP folder it belongs in (INBOX or Sent)."""

    folder: str
    raw: bytes


# --------------------------------------------------------------------------
# time: Europe/Berlin and Europe/London without tzdata (stdlib only)
# --------------------------------------------------------------------------

#: EU/UK summer time 2026: from 29 March 01:00 UTC to 25 October 01:00 UTC.
_DST_START = datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc)
_DST_END = datetime(2026, 10, 25, 1, 0, tzinfo=timezone.utc)
_BASE_OFFSET = {"berlin": 1, "london": 0}


def _local(utc: datetime, tz: str) -> datetime:
    """``utc`` as wall time with the right fixed offset (+0200/+0100 ...)."""
    hours = _BASE_OFFSET[tz] + (1 if _DST_START <= utc < _DST_END else 0)
    return utc.astimezone(timezone(timedelta(hours=hours)))


def _berlin_to_utc(stamp: str) -> datetime:
    naive = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    guess = naive.replace(tzinfo=timezone(timedelta(hours=2))).astimezone(timezone.utc)
    hours = 2 if _DST_START <= guess < _DST_END else 1
    return naive.replace(tzinfo=timezone(timedelta(hours=hours))).astimezone(timezone.utc)


def _office_hours(utc: datetime, jitter: int) -> datetime:
    """Move a non-urgent agent answer into service hours (Mon–Sat, 8–20 Uhr).

    Scripts give delays in hours; without this, answers would land at 3 a.m.
    """
    local = _local(utc, "berlin")
    if local.hour >= 20:
        local = (local + timedelta(days=1)).replace(hour=8, minute=jitter)
    elif local.hour < 8:
        local = local.replace(hour=8, minute=jitter)
    if local.weekday() == 6:
        local = (local + timedelta(days=1)).replace(hour=8, minute=jitter)
    return local.astimezone(timezone.utc)


_WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
              "Oktober", "November", "Dezember")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


# --------------------------------------------------------------------------
# small, valid binary attachments built by hand
# --------------------------------------------------------------------------


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF 1.4 with Helvetica text and a correct xref table."""
    def esc(s: str) -> bytes:
        raw = s.encode("cp1252", "replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    ops = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
    for i, line in enumerate(lines):
        if i == 0:
            ops.append(b"/F1 16 Tf (" + esc(line) + b") Tj /F1 11 Tf T* T*")
        else:
            ops.append(b"(" + esc(line) + b") Tj T*")
    ops.append(b"ET")
    stream = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _png(seed: str, width: int = 64, height: int = 48) -> bytes:
    """A small RGB PNG (a soft gradient with a few blocks) derived from ``seed``."""
    digest = hashlib.sha256(seed.encode()).digest()
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            block = digest[(x // 16 + (y // 12) * 4) % len(digest)]
            rows += bytes(((x * 4 + block) & 0xFF, (y * 5 + block // 2) & 0xFF, (block + 96) & 0xFF))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + chunk(b"IEND", b""))


def _attach(msg: EmailMessage, filename: str, content: str) -> None:
    ext = filename.rsplit(".", 1)[-1].lower()
    if ext == "pdf":
        msg.add_attachment(_pdf(content.split("\n")), maintype="application", subtype="pdf", filename=filename)
    elif ext in ("png", "jpg"):
        msg.add_attachment(_png(content), maintype="image", subtype="png", filename=filename)
    elif ext == "csv":
        msg.add_attachment(content + "\n", subtype="csv", filename=filename)
    else:
        msg.add_attachment(content + "\n", subtype="plain", filename=filename)


# --------------------------------------------------------------------------
# text rendering: greetings, signatures, the quote styles of mail clients
# --------------------------------------------------------------------------

_SIG_DE = (
    "{name}\n{team}\n\n{company}\nAm Sandtorkai 41 · 20457 Hamburg\n"
    "Telefon: {phone} · Mo–Fr 8–20 Uhr, Sa 9–14 Uhr\nE-Mail: {mail} · www.nordlicht-demo.de\n\n"
    "Sitz der Gesellschaft: Hamburg · Amtsgericht Hamburg HRB 000123\n"
    "Geschäftsführung: Dr. Henrike Voss, Jens Albrecht"
)
_SIG_EN = (
    "{name}\n{team}\n\n{company}\nAm Sandtorkai 41 · 20457 Hamburg · Germany\n"
    "Phone: +49 {phone_intl} · Mon–Fri 8 am – 8 pm CET\nwww.nordlicht-demo.de"
)


def _greeting(agent: Agent, person: Person, lang: str) -> str:
    if lang == "en":
        if person.informal:
            return f"Hi {person.first},"
        return f"Dear {person.address_en()},"
    if agent.style == "friendly":
        return f"Hallo {person.address_de()},"
    return f"Sehr geehrte{'r' if person.gender == 'm' else ''} {person.address_de()},"


def _closing(agent: Agent, lang: str) -> str:
    if lang == "en":
        return "Best regards" if agent.style == "friendly" else "Kind regards"
    return "Viele Grüße aus Hamburg" if agent.style == "friendly" else "Mit freundlichen Grüßen"


def _agent_signature(agent: Agent, mailbox: str, lang: str) -> str:
    mail = MAILBOXES[mailbox][1]
    if lang == "en":
        return _SIG_EN.format(name=agent.name, team=agent.team_en, company=COMPANY_NAME,
                              phone_intl=agent.phone[1:])
    return _SIG_DE.format(name=agent.name, team=agent.team_de, company=COMPANY_NAME, phone=agent.phone,
                          mail=mail)


def _quote_lines(text: str, prefix: str = "> ") -> str:
    """Prefix every line, nested quotes included, as mail clients do."""
    return "\n".join((prefix + line).rstrip() if line else prefix.rstrip() for line in text.split("\n"))


@dataclass(frozen=True)
class _Sent:
    """What later mails of a thread need to know about an earlier one."""

    msgid: str
    references: tuple[str, ...]
    from_name: str
    from_addr: str
    to: str
    subject: str
    local_date: datetime
    text: str
    side: str
    person_key: str | None


def _fmt_addr(name: str, addr: str) -> str:
    return f"{name} <{addr}>" if name else addr


def _quote_block(style: str, prev: _Sent) -> str:
    d = prev.local_date
    sender = _fmt_addr(prev.from_name, prev.from_addr)
    if style == "none":
        return ""
    if style == "de":  # Thunderbird, German
        return f"Am {d:%d.%m.%y} um {d:%H:%M} schrieb {prev.from_name or prev.from_addr}:\n" + _quote_lines(prev.text)
    if style == "de_gmail":  # Gmail / WEB.DE webmail, German
        wd = _WEEKDAYS_DE[d.weekday()][:2]
        return (f"Am {wd}., {d.day}. {_MONTHS_DE[d.month - 1]} {d.year} um {d:%H:%M} Uhr schrieb {sender}:\n"
                + _quote_lines(prev.text))
    if style == "gmx":  # GMX webmail: header block, unindented original
        return (f"Gesendet: {_WEEKDAYS_DE[d.weekday()]}, {d:%d}. {_MONTHS_DE[d.month - 1]} {d.year} "
                f"um {d:%H:%M} Uhr\nVon: \"{prev.from_name}\" <{prev.from_addr}>\nAn: {prev.to}\n"
                f"Betreff: {prev.subject}\n\n" + prev.text)
    if style in ("outlook_de", "outlook_de2"):
        head = "-----Ursprüngliche Nachricht-----" if style == "outlook_de" else "_" * 32
        return (f"{head}\nVon: {sender}\nGesendet: {_WEEKDAYS_DE[d.weekday()]}, {d.day}. "
                f"{_MONTHS_DE[d.month - 1]} {d.year} {d:%H:%M}\nAn: {prev.to}\nBetreff: {prev.subject}\n\n"
                + prev.text)
    if style == "outlook_en":
        hour = d.hour % 12 or 12
        ampm = "AM" if d.hour < 12 else "PM"
        return (f"-----Original Message-----\nFrom: {sender}\nSent: {_WEEKDAYS_EN[d.weekday()]}, "
                f"{_MONTHS_EN[d.month - 1]} {d.day}, {d.year} {hour}:{d:%M} {ampm}\nTo: {prev.to}\n"
                f"Subject: {prev.subject}\n\n" + prev.text)
    if style == "en":  # Gmail, English
        return (f"On {_WEEKDAYS_EN[d.weekday()][:3]}, {d.day} {_MONTHS_EN[d.month - 1][:3]} {d.year} at "
                f"{d:%H:%M}, {sender} wrote:\n" + _quote_lines(prev.text))
    if style == "apple_en":
        return _quote_lines(f"On {d.day} {_MONTHS_EN[d.month - 1][:3]} {d.year}, at {d:%H:%M}, {sender} wrote:\n\n"
                            + prev.text)
    if style == "helpdesk_de":
        return f"Am {d:%d.%m.%Y} um {d:%H:%M} schrieb {sender}:\n" + _quote_lines(prev.text)
    if style == "helpdesk_en":
        return f"On {d:%d/%m/%Y} {d:%H:%M}, {sender} wrote:\n" + _quote_lines(prev.text)
    raise ValueError(f"unknown quote style {style!r}")


_QUOTE_HEAD = re.compile(
    r"^(-----Ursprüngliche Nachricht-----|-----Original Message-----|_{20,}|Gesendet: .* Uhr)$")


def _to_html(text: str) -> str:
    """Render a plain body as the kind of HTML Outlook/webmails send."""
    lines = text.split("\n")
    parts: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _QUOTE_HEAD.match(line):
            rest = "\n".join(lines[i:])
            parts.append('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
                         + _to_html(rest.split("\n", 1)[1] if "\n" in rest else "") + "</div>")
            break
        if line.startswith(">"):
            block = []
            while i < len(lines) and lines[i].startswith(">"):
                block.append(lines[i][2:] if lines[i].startswith("> ") else lines[i][1:])
                i += 1
            parts.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">'
                         + _to_html("\n".join(block)) + "</blockquote>")
            continue
        if not line.strip():
            i += 1
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not lines[i].startswith(">") \
                and not _QUOTE_HEAD.match(lines[i]):
            para.append(html.escape(lines[i]))
            i += 1
        parts.append("<p>" + "<br>\n".join(para) + "</p>")
    return "\n".join(parts)


def _html_document(text: str) -> str:
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
            '<body><div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">\n'
            + _to_html(text) + "\n</div></body></html>")


# --------------------------------------------------------------------------
# threads -> messages
# --------------------------------------------------------------------------

_PREFIX = re.compile(r"^\s*((re|aw|wg|fw|fwd)\s*:\s*)+", re.IGNORECASE)


def _reply_subject(prefix: str, subject: str) -> str:
    return prefix + _PREFIX.sub("", subject)


def _digest(*parts: object) -> str:
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()


def _msgid(thread: Thread, index: int, utc: datetime, domain: str) -> str:
    """Shaped like ``make_msgid`` output (time.hash@domain) but reproducible."""
    return f"<{utc:%Y%m%d%H%M%S}.{_digest(thread.key, index)[:16]}@{domain}>"


def _msgid_domain(addr: str) -> str:
    domain = addr.rsplit("@", 1)[1]
    return {"gmail.com": "mail.gmail.com", "gmx.de": "gmx.net", "web.de": "web.de",
            "outlook.com": "PR3P195.eurprd05.outlook.com",
            "outlook.de": "AM9P190.eurprd02.outlook.com",
            "hotmail.com": "DB9P191.eurprd09.outlook.com"}.get(domain, domain)


def _ticket(thread_index: int, first_utc: datetime) -> str:
    return f"[Ticket#{first_utc:%Y%m%d}10{417 + thread_index * 37:06d}]"


def _render_thread(thread_index: int, thread: Thread) -> list[tuple[datetime, DemoMail]]:
    lang = thread.lang or PEOPLE[thread.customer].lang
    company_name, company_addr = MAILBOXES[thread.mailbox]
    now = _berlin_to_utc(thread.start)
    ticket = _ticket(thread_index, now)
    history: list[_Sent] = []
    out: list[tuple[datetime, DemoMail]] = []
    for index, step in enumerate(thread.steps):
        if index:
            jitter = int(_digest(thread.key, index, "t")[:4], 16) % 37
            now = now + timedelta(hours=step.after, minutes=jitter)
            if step.side == "agent" and step.after >= 3:
                now = _office_hours(now, jitter)
        prev = history[-1] if history else None
        last_customer = next((h for h in reversed(history) if h.side == "customer"), None)
        msg = EmailMessage()
        if step.side == "customer":
            person = PEOPLE[step.by or thread.customer]
            addr = person.emails[1 if step.alt else 0]
            local = _local(now, person.tz)
            from_name = person.from_name
            to_name, to_addr = company_name, company_addr
            body = step.text
            if person.signature and not step.auto:
                body += "\n\n" + person.signature
            quote_style = person.quote_style
            prefix = person.reply_prefix if lang == "de" or person.reply_prefix != "Aw: " else "Re: "
            folder = INBOX
            domain = _msgid_domain(addr)
        else:
            agent = AGENTS[step.by or thread.agent]
            person = PEOPLE[last_customer.person_key] if last_customer and last_customer.person_key \
                else PEOPLE[thread.customer]
            addr = company_addr
            local = _local(now, "berlin")
            from_name = f"{agent.name} | Nordlicht" if thread.mailbox == "support" else agent.name
            to_name = person.from_name
            to_addr = last_customer.from_addr if last_customer else person.emails[0]
            first_line = step.text.split("\n", 1)[0]
            greeting = "" if first_line.endswith(",") and len(first_line) < 60 else \
                _greeting(agent, person, lang) + "\n\n"
            core = step.text
            if lang == "en" and greeting:  # German continues lower-case after "Hallo X,", English does not
                core = core[:1].upper() + core[1:]
            body = (greeting + core + "\n\n" + _closing(agent, lang) + "\n\n"
                    + _agent_signature(agent, thread.mailbox, lang))
            quote_style = "helpdesk_" + lang
            prefix = "AW: " if lang == "de" else "Re: "
            folder = SENT
            domain = COMPANY_MSGID_DOMAIN
        # everyone in the conversation who is neither the sender nor the addressee
        participants = (thread.customer,) + thread.cc + step.cc
        cc_keys = tuple(dict.fromkeys(k for k in participants if k != person.key))
        if step.auto:
            cc_keys = ()
        if step.auto:
            subject = step.subject or ("Automatische Antwort: " if lang == "de" else "Automatic reply: ") \
                + (prev.subject if prev else thread.subject)
        elif prev is None:
            subject = step.subject or thread.subject
        else:
            subject = _reply_subject(prefix, step.subject or prev.subject)
        if step.side == "agent" and thread.ticket and thread.mailbox == "support" and ticket not in subject:
            subject = f"{subject} {ticket}"
        if prev is not None and step.quote and not step.auto:
            block = _quote_block(quote_style, prev)
            if block:
                body += "\n\n" + block
        msgid = _msgid(thread, index, now, domain)
        references = (prev.references + (prev.msgid,)) if prev else ()

        msg["From"] = Address(from_name, addr_spec=addr) if from_name else addr
        msg["To"] = Address(to_name, addr_spec=to_addr) if to_name else to_addr
        if cc_keys:
            msg["Cc"] = [Address(PEOPLE[k].from_name, addr_spec=PEOPLE[k].emails[0]) for k in cc_keys]
        msg["Subject"] = subject
        msg["Date"] = format_datetime(local)
        msg["Message-ID"] = msgid
        if prev is not None:
            msg["In-Reply-To"] = prev.msgid
            msg["References"] = " ".join(references)
        if step.side == "customer":
            if person.client.startswith("Mozilla"):
                msg["User-Agent"] = person.client
            elif person.client:
                msg["X-Mailer"] = person.client
            if person.company:
                msg["Organization"] = COMPANIES[person.company].name
        else:
            msg["X-Mailer"] = "Nordlicht Helpdesk 6.4"
            msg["Organization"] = COMPANY_NAME
        if step.auto:
            msg["Auto-Submitted"] = "auto-replied"
        msg.set_content(body + "\n", cte="quoted-printable")
        wants_html = step.html if step.html is not None else (
            person.html if step.side == "customer" else thread.mailbox == "vertrieb")
        if wants_html:
            msg.add_alternative(_html_document(body) + "\n", subtype="html", cte="quoted-printable")
        for filename, content in step.attach:
            _attach(msg, filename, content)
        # after the content calls, which move or drop Content-* headers
        msg["Content-Language"] = "de-DE" if lang == "de" else "en-GB"
        # the generator would otherwise pick random MIME boundaries
        for number, part in enumerate(p for p in msg.walk() if p.is_multipart()):
            part.set_boundary(f"=_nl_{_digest(thread.key, index, 'b')[:20]}_{number}")
        raw = msg.as_bytes(policy=policy.default)
        out.append((now, DemoMail(folder, raw)))
        history.append(_Sent(msgid, references, from_name, addr, _fmt_addr(to_name, to_addr), subject, local,
                             body, step.side, person.key if step.side == "customer" else None))
    return out


def build_demo_mailbox() -> list[DemoMail]:
    """All demo mails, oldest first; the same bytes on every call."""
    rendered: list[tuple[datetime, DemoMail]] = []
    for index, thread in enumerate(all_threads()):
        rendered.extend(_render_thread(index, thread))
    rendered.sort(key=lambda pair: (pair[0], pair[1].raw))
    return [mail for _, mail in rendered]


def _mbox_from(raw: bytes) -> tuple[str, time.struct_time]:
    """Envelope sender and date for the mbox ``From `` line, taken from the mail itself."""
    msg = std_mailbox.mboxMessage(raw)
    sender = parseaddr(str(msg["From"]))[1] or "MAILER-DAEMON"
    stamp = parsedate_to_datetime(str(msg["Date"])).astimezone(timezone.utc)
    return sender, stamp.timetuple()


def write_mbox(path: Path, folder: str | None = None) -> int:
    """Write the demo mails (all, or one ``folder``) as an mbox; returns the count.

    The file is replaced, and the ``From `` separator lines carry the mail's own
    date rather than the current time, so the file is reproducible as well.
    """
    path = Path(path)
    if path.exists():
        path.unlink()
    box = std_mailbox.mbox(str(path), create=True)
    count = 0
    try:
        box.lock()
        for mail in _select(build_demo_mailbox(), folder):
            entry = std_mailbox.mboxMessage(mail.raw)
            sender, stamp = _mbox_from(mail.raw)
            entry.set_from(sender, stamp)
            box.add(entry)
            count += 1
        box.flush()
    finally:
        box.unlock()
        box.close()
    return count


def _select(mails: Iterable[DemoMail], folder: str | None) -> list[DemoMail]:
    return [m for m in mails if folder is None or m.folder == folder]


def main(argv: list[str] | None = None) -> int:
    """Write ``INBOX.mbox`` and ``Sent.mbox`` into the given directory."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0] if args else "demo-mailbox")
    target.mkdir(parents=True, exist_ok=True)
    for folder in (INBOX, SENT):
        n = write_mbox(target / f"{folder}.mbox", folder)
        print(f"{target / (folder + '.mbox')}: {n} mails")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
