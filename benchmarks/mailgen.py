"""Fast, seeded generator of a mixed mailbox for throughput benchmarks.

Why not the demo mailbox: benchmarks need tens of thousands of mails with a
controlled mix, and the mix is what the reference measurements were taken
with: 60 % text/plain, 30 % multipart/alternative (text + HTML), 10 %
multipart/mixed with 1–2 binary attachments of 2–30 KB; 30 % of all mails are
replies (In-Reply-To/References to an earlier mail, quoted text included);
German and English about half each; ~4.2 KB mean size; ~200 senders.

Why hand-assembled bytes: building an ``EmailMessage`` per mail costs more than
the import pipeline we want to measure.  Headers that need RFC 2047 encoding
are encoded once when the templates are prebuilt; per mail only strings are
joined.  Line endings are LF throughout (as in mbox/Maildir files), and every
mail parses with ``email.policy.default`` without defects (see
``tests/test_mailgen.py``).

The mix is stratified in blocks of 20 mails, so proportions hold on small
samples too, and everything is derived from ``random.Random(seed)``.

Usage: ``python benchmarks/mailgen.py 10000 out/ [--seed 1] [--mbox]``
"""

from __future__ import annotations

import argparse
import base64
import binascii
import html
import random
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime, formataddr
from pathlib import Path

# ==========================================================================
# data: names, domains, phrases (authored for this generator)
# ==========================================================================

COMPANY = "Nordlicht Bench GmbH"
COMPANY_DOMAIN = "nordlicht-bench.de"
RECIPIENTS = (("Kundenservice Nordlicht", f"support@{COMPANY_DOMAIN}"),
              ("Vertrieb Nordlicht", f"vertrieb@{COMPANY_DOMAIN}"))

FIRST_DE = ("Anna", "Jürgen", "Petra", "Lukas", "Sabine", "Mehmet", "Katrin", "Jörg", "Ute", "Florian",
            "Birgit", "Sven", "Özlem", "Kai", "Heike", "Matthias", "Sönke", "Claudia", "Tim", "Gülay")
LAST_DE = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
           "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann",
           "Krüger", "Hartmann")
FIRST_EN = ("James", "Emily", "Oliver", "Sophie", "Daniel", "Grace", "Michael", "Hannah", "Ryan", "Chloe",
            "Priya", "Tom", "Laura", "Ben", "Aisha", "Jack", "Olivia", "Sam", "Ella", "Noah")
LAST_EN = ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans", "Thomas", "Roberts",
           "Walker", "Wright", "Green", "Hall", "Clarke", "Patel", "Khan", "Murphy", "Carter", "Hughes")
FREEMAIL_DE = ("gmx.de", "web.de", "t-online.de", "gmail.com", "freenet.de", "posteo.de", "outlook.de")
FREEMAIL_EN = ("gmail.com", "outlook.com", "yahoo.co.uk", "hotmail.com", "icloud.com", "proton.me")
COMPANIES_DE = ("baeckerei-sonne.de", "elbe-spedition.de", "praxis-am-markt.de", "holzbau-reimers.de",
                "kanzlei-voss.de", "autohaus-nord.de", "hotel-ostseeblick.de", "gartenbau-peters.de")
COMPANIES_EN = ("brightwave.io", "northgate-consulting.co.uk", "bluepeak.com", "harbourlabs.io",
                "kestrel-design.co.uk", "fintide.com")
MAILERS = ("Microsoft Outlook 16.0", "Mozilla Thunderbird 128.3", "Apple Mail (2.3774)", "GMX Freemail",
           "WEB.DE Mail", "Roundcube Webmail/1.6.7", None, None)

SUBJECTS = {
    "de": ("Frage zu meiner Rechnung", "Abschlag zu hoch", "Kündigung meines Vertrags", "Internet gestört",
           "Umzug – neue Adresse", "Bitte um Rückruf", "Zählerstand", "Bestellung noch nicht angekommen",
           "Beschwerde: Techniker nicht erschienen", "Tarifwechsel", "Lastschrift zurückgegangen",
           "Mahnung erhalten obwohl bezahlt", "Router defekt", "Lob für Ihren Kundenservice",
           "Änderung der Bankverbindung", "Terminvereinbarung Glasfaser", "Gutschrift fehlt",
           "Preiserhöhung – Widerspruch", "Rufnummernmitnahme", "Angebot für Gewerbestrom"),
    "en": ("Question about my invoice", "Monthly payment too high", "Cancellation of my contract",
           "Internet outage", "Moving house – new address", "Please call me back", "Meter reading",
           "Order not yet delivered", "Complaint: technician did not show up", "Change of tariff",
           "Direct debit returned", "Reminder received although paid", "Router faulty",
           "Thanks to your support team", "New bank details", "Fibre installation appointment",
           "Missing credit note", "Price increase – objection", "Keeping my phone number",
           "Quote for business electricity"),
}
GREETINGS = {
    "de": ("Sehr geehrte Damen und Herren,", "Hallo,", "Guten Tag,", "Hallo zusammen,", "Moin,",
           "Liebes Nordlicht-Team,"),
    "en": ("Dear Sir or Madam,", "Hello,", "Hi,", "Hi there,", "Good morning,", "Dear support team,"),
}
CLOSINGS = {
    "de": ("Mit freundlichen Grüßen", "Viele Grüße", "Freundliche Grüße", "Gruß", "Beste Grüße", "LG"),
    "en": ("Kind regards", "Best regards", "Many thanks", "Cheers", "Regards", "Thanks in advance"),
}
SENTENCES = {
    "de": (
        "ich habe heute Ihre Rechnung vom letzten Monat erhalten und verstehe die Position „Netzentgelt“ nicht.",
        "Seit drei Tagen bricht meine Internetverbindung abends immer wieder ab.",
        "Der Router blinkt rot, obwohl ich ihn schon mehrmals neu gestartet habe.",
        "Bitte teilen Sie mir mit, bis wann die Störung behoben sein wird.",
        "Mein Abschlag wurde ohne Ankündigung von 68 € auf 94 € erhöht.",
        "Ich ziehe zum Monatsende um und möchte den Vertrag mitnehmen.",
        "Anbei sende ich Ihnen den aktuellen Zählerstand mit Foto.",
        "Leider hat sich auf meine letzte Nachricht niemand gemeldet.",
        "Ich schreibe Ihnen jetzt zum dritten Mal wegen derselben Sache.",
        "Sollte bis Ende der Woche keine Lösung vorliegen, werde ich mich an die Schlichtungsstelle wenden.",
        "Die Bestellung wurde vor zehn Tagen aufgegeben, eine Sendungsnummer habe ich bis heute nicht.",
        "Können Sie mir bitte eine korrigierte Rechnung zukommen lassen?",
        "Der Techniker war für Dienstag zwischen 8 und 12 Uhr angekündigt, ist aber nicht erschienen.",
        "Ich bin tagsüber schlecht erreichbar, am besten rufen Sie mich nach 17 Uhr an.",
        "Ihr Kollege am Telefon war sehr freundlich und hat mir schnell geholfen.",
        "Die Lastschrift ist zurückgegangen, weil ich die Bank gewechselt habe.",
        "Bitte buchen Sie künftig von meinem neuen Konto ab, das SEPA-Mandat hängt an.",
        "Im Kundenportal kann ich die Rechnung leider nicht herunterladen, es kommt nur eine Fehlermeldung.",
        "Wir sind ein kleiner Betrieb und auf eine stabile Verbindung angewiesen.",
        "Gibt es für Bestandskunden auch ein besseres Angebot?",
        "Die Preiserhöhung zum nächsten Monat halte ich für nicht gerechtfertigt.",
        "Hiermit kündige ich meinen Vertrag fristgerecht zum nächstmöglichen Termin.",
        "Bitte bestätigen Sie mir den Eingang dieser Nachricht.",
        "Vielen Dank für die schnelle Bearbeitung, jetzt funktioniert wieder alles.",
        "Die Kartenzahlung in unserem Laden geht seit heute Morgen nicht mehr.",
        "Ich habe das Gerät wie besprochen zurückgeschickt, die Gutschrift fehlt aber noch.",
    ),
    "en": (
        "I received your invoice for last month today and I don't understand the line \"grid fee\".",
        "For three days now my internet connection has kept dropping out in the evenings.",
        "The router light is flashing red even though I've restarted it several times.",
        "Please let me know when the outage will be fixed.",
        "My monthly payment was raised from €68 to €94 without any notice.",
        "I'm moving at the end of the month and would like to take my contract with me.",
        "Please find attached the current meter reading with a photo.",
        "Unfortunately nobody has replied to my last message.",
        "This is the third time I'm writing to you about the same issue.",
        "If there is no solution by the end of the week, I will contact the arbitration board.",
        "The order was placed ten days ago and I still haven't received a tracking number.",
        "Could you please send me a corrected invoice?",
        "The technician was announced for Tuesday between 8 and 12 but never showed up.",
        "I'm hard to reach during the day, please call me after 5 pm.",
        "Your colleague on the phone was very friendly and helped me quickly.",
        "The direct debit was returned because I changed banks.",
        "Please collect future payments from my new account, the SEPA mandate is attached.",
        "I can't download the invoice in the customer portal, it only shows an error.",
        "We are a small business and depend on a stable connection.",
        "Is there a better offer for existing customers as well?",
        "I don't think the price increase from next month is justified.",
        "I hereby cancel my contract with effect from the next possible date.",
        "Please confirm that you have received this message.",
        "Thanks for the quick help, everything is working again now.",
        "Card payments in our shop have not been working since this morning.",
        "I returned the device as agreed, but the credit note is still missing.",
    ),
}
ATTRIBUTION = {"de": "Am {date} schrieb {name} <{addr}>:", "en": "On {date}, {name} <{addr}> wrote:"}
REPLY_PREFIX = {"de": "AW: ", "en": "Re: "}
ATTACHMENT_KINDS = (
    ("application/pdf", "pdf", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", ("Rechnung", "Invoice", "Vertrag", "Scan")),
    ("image/png", "png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("Foto", "Screenshot", "Zaehler", "IMG")),
    ("image/jpeg", "jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", ("IMG", "Foto", "photo", "DSC")),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", b"PK\x03\x04\x14\x00\x06\x00",
     ("Aufstellung", "Umsatz", "report", "Liste")),
)
HTML_HEAD = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
             "<style>body{font-family:Calibri,Arial,sans-serif;font-size:11pt;color:#1f1f1f}"
             "p{margin:0 0 10px 0}blockquote{margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex}"
             "</style></head>\n<body>\n<div class=\"WordSection1\">\n")
HTML_TAIL = "</div>\n</body></html>\n"

#: Mix per block of 20 mails (stratified so that small samples match too).
BLOCK = 20
KINDS_PER_BLOCK = ("plain",) * 12 + ("html",) * 6 + ("attach",) * 2
REPLIES_PER_BLOCK = 6
SENDERS = 200
START = datetime(2026, 5, 1, 7, 0, tzinfo=timezone.utc)

# ==========================================================================
# code
# ==========================================================================


def _encode_header(value: str, name: str) -> str:
    """RFC 2047-encode non-ASCII header text once, at template build time."""
    if value.isascii():
        return value
    return Header(value, "utf-8", header_name=name).encode()


class _Sender:
    __slots__ = ("name", "addr", "from_header", "lang", "signature", "mailer", "relay")

    def __init__(self, name: str, addr: str, lang: str, signature: str, mailer: str | None, relay: str) -> None:
        self.name = name
        self.addr = addr
        self.from_header = formataddr((name, addr), charset="utf-8")
        self.lang = lang
        self.signature = signature
        self.mailer = mailer
        self.relay = relay


class _Sent:
    """What a reply needs from its parent."""

    __slots__ = ("msgid", "refs", "subject", "sender", "date_text", "text", "lang")

    def __init__(self, msgid: str, refs: str, subject: str, sender: _Sender, date_text: str, text: str,
                 lang: str) -> None:
        self.msgid = msgid
        self.refs = refs
        self.subject = subject
        self.sender = sender
        self.date_text = date_text
        self.text = text
        self.lang = lang


class _Generator:
    """Holds the prebuilt templates and the running state of one seeded stream."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        rng = self.rng
        self.senders: dict[str, list[_Sender]] = {"de": [], "en": []}
        seen: set[str] = set()
        while len(seen) < SENDERS:
            lang = "de" if len(seen) % 2 == 0 else "en"
            first = rng.choice(FIRST_DE if lang == "de" else FIRST_EN)
            last = rng.choice(LAST_DE if lang == "de" else LAST_EN)
            local = (first + "." + last).lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue",
                                                                         "ß": "ss"}))
            business = rng.random() < 0.35
            if business:
                domain = rng.choice(COMPANIES_DE if lang == "de" else COMPANIES_EN)
                local = local[0] + "." + local.split(".", 1)[1]
            else:
                domain = rng.choice(FREEMAIL_DE if lang == "de" else FREEMAIL_EN)
                if rng.random() < 0.5:
                    local += str(rng.randint(1, 99))
            addr = f"{local}@{domain}"
            if addr in seen:
                continue
            seen.add(addr)
            customer = f"KD-{rng.randint(100000, 299999)}"
            phone = f"0{rng.choice((40, 30, 89, 221, 171, 151))} {rng.randint(1000000, 9999999)}"
            if lang == "de":
                sig = f"{first} {last}\nKundennummer: {customer}\nTel. {phone}"
            else:
                sig = f"{first} {last}\nCustomer no. {customer}\nPhone {phone}"
            if business:
                sig += "\n" + domain.split(".")[0].replace("-", " ").title()
            relay = f"mail-{rng.choice('abcdefgh')}{rng.randint(1, 60)}.{domain}"
            self.senders[lang].append(_Sender(f"{first} {last}", addr, lang, sig, rng.choice(MAILERS), relay))
        self.subjects = {lang: [_encode_header(s, "Subject") for s in subs] for lang, subs in SUBJECTS.items()}
        self.recipients = [formataddr(r, charset="utf-8") for r in RECIPIENTS]
        self.pool = rng.randbytes(64 * 1024)
        self.history: dict[str, list[_Sent]] = {"de": [], "en": []}
        self.now = START
        self.kinds: list[str] = []
        self.replies: list[bool] = []
        self.langs: list[str] = []

    # -- per mail ---------------------------------------------------------

    def _plan(self, index: int) -> tuple[str, bool, str]:
        if index % BLOCK == 0:
            rng = self.rng
            self.kinds = list(KINDS_PER_BLOCK)
            rng.shuffle(self.kinds)
            self.replies = [True] * REPLIES_PER_BLOCK + [False] * (BLOCK - REPLIES_PER_BLOCK)
            rng.shuffle(self.replies)
            self.langs = ["de", "en"] * (BLOCK // 2)
            rng.shuffle(self.langs)
        slot = index % BLOCK
        return self.kinds[slot], self.replies[slot], self.langs[slot]

    def _body(self, lang: str, sender: _Sender) -> str:
        rng = self.rng
        sentences = SENTENCES[lang]
        sizes = [rng.choice((1, 2, 2, 3, 3)) for _ in range(rng.choice((1, 2, 2, 3, 3, 4, 5)))]
        picked = rng.sample(sentences, sum(sizes))  # no sentence twice in one mail
        paragraphs = []
        for size in sizes:
            paragraphs.append(" ".join(picked[:size]))
            del picked[:size]
        return (rng.choice(GREETINGS[lang]) + "\n\n" + "\n\n".join(paragraphs) + "\n\n"
                + rng.choice(CLOSINGS[lang]) + "\n" + sender.signature + "\n")

    def mail(self, index: int) -> bytes:
        rng = self.rng
        kind, reply, lang = self._plan(index)
        history = self.history[lang]
        parent = None
        if reply and history:
            # mostly recent mails, sometimes older ones
            back = min(len(history), int(rng.expovariate(1 / 40)) + 1)
            parent = history[-back]
        sender = rng.choice(self.senders[lang])
        self.now += timedelta(seconds=rng.randint(20, 900))
        date = self.now.astimezone(timezone(timedelta(hours=2)))
        date_text = format_datetime(date)
        msgid = f"<{date:%Y%m%d%H%M%S}.{self.seed}.{index:07d}.{rng.getrandbits(40):010x}@{sender.relay}>"
        own_text = self._body(lang, sender)
        text = own_text
        headers = [
            f"Received: from {sender.relay} ({sender.relay} [198.51.100.{rng.randint(2, 254)}])\n"
            f"\tby mx1.{COMPANY_DOMAIN} (Postfix) with ESMTPS id {rng.getrandbits(48):012X}\n"
            f"\tfor <{RECIPIENTS[0][1]}>; {date_text}",
            f"Received: from [192.168.{rng.randint(0, 9)}.{rng.randint(2, 254)}] by {sender.relay}"
            f" with ESMTPSA\n\t(TLS1.3 TLS_AES_256_GCM_SHA384); {date_text}",
            f"Authentication-Results: mx1.{COMPANY_DOMAIN};\n\tdkim=pass header.d={sender.relay.split('.', 1)[1]};"
            f"\n\tspf=pass (mx1.{COMPANY_DOMAIN}: domain of {sender.addr} designates 198.51.100.0/24 as"
            f" permitted sender) smtp.mailfrom={sender.addr};\n\tdmarc=pass",
        ]
        if rng.random() < 0.3:  # big providers sign; the signature is a sizeable header
            offset = rng.randrange(0, len(self.pool) - 300)
            sig = base64.b64encode(self.pool[offset:offset + 256]).decode("ascii")
            bh = base64.b64encode(self.pool[offset + 256:offset + 288]).decode("ascii")
            headers.append(
                f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={sender.relay.split('.', 1)[1]};"
                f" s=s2026;\n\tt={int(date.timestamp())}; bh={bh};\n\th=From:To:Subject:Date:Message-ID:"
                "MIME-Version:Content-Type;\n\tb=" + "\n\t ".join(sig[i:i + 72] for i in range(0, len(sig), 72)))
        headers.append(f"From: {sender.from_header}")
        if parent is not None:
            headers.append(f"To: {parent.sender.from_header}")
            headers.append(f"Cc: {self.recipients[0]}")
            subject = parent.subject if parent.subject.startswith(REPLY_PREFIX[lang]) \
                else REPLY_PREFIX[lang] + parent.subject
            refs = (parent.refs + "\n " + parent.msgid) if parent.refs else parent.msgid
            if refs.count("<") > 10:  # clients trim long chains, keeping the root
                ids = refs.split()
                refs = "\n ".join(ids[:1] + ids[-9:])
            quoted = "\n".join(("> " + line) if line else ">" for line in parent.text.split("\n")[:40])
            text = own_text + "\n" + ATTRIBUTION[lang].format(
                date=parent.date_text, name=parent.sender.name, addr=parent.sender.addr) + "\n" + quoted + "\n"
        else:
            headers.append(f"To: {rng.choice(self.recipients)}")
            subject = rng.choice(self.subjects[lang])
            refs = ""
        headers.append(f"Subject: {subject}")
        headers.append(f"Date: {date_text}")
        headers.append(f"Message-ID: {msgid}")
        if parent is not None:
            headers.append(f"In-Reply-To: {parent.msgid}")
            headers.append(f"References: {refs}")
        if sender.mailer:
            headers.append(f"X-Mailer: {sender.mailer}")
        headers.append("Content-Language: " + ("de-DE" if lang == "de" else "en-GB"))
        headers.append("MIME-Version: 1.0")

        boundary = f"=_bench_{self.seed}_{index:07d}"
        plain_part = "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + text
        if kind == "plain":
            body = plain_part
        elif kind == "html":
            body = self._alternative(boundary, plain_part, text)
        else:
            body = self._mixed(boundary, plain_part, text, lang)
        history.append(_Sent(msgid, refs, subject, sender, date_text, own_text, lang))
        if len(history) > 400:
            del history[:100]
        return ("\n".join(headers) + "\n" + body).encode("utf-8")

    def _html(self, text: str) -> str:
        out = [HTML_HEAD]
        quote_open = False
        for para in text.split("\n\n"):
            lines = para.split("\n")
            quoted = lines[0].startswith(">")
            if quoted and not quote_open:
                out.append("<blockquote type=\"cite\">\n")
                quote_open = True
            if quoted:
                lines = [line[2:] if line.startswith("> ") else line[1:] for line in lines]
            out.append("<p>" + "<br>\n".join(html.escape(line, quote=False) for line in lines) + "</p>\n")
        if quote_open:
            out.append("</blockquote>\n")
        out.append(HTML_TAIL)
        return "".join(out)

    def _alternative(self, boundary: str, plain_part: str, text: str) -> str:
        html_qp = binascii.b2a_qp(self._html(text).encode("utf-8")).decode("ascii")
        return (f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
                f"--{boundary}\n{plain_part}\n--{boundary}\n"
                "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                f"{html_qp}\n--{boundary}--\n")

    def _mixed(self, boundary: str, plain_part: str, text: str, lang: str) -> str:
        rng = self.rng
        first = self._alternative(boundary + "_alt", plain_part, text) if rng.random() < 0.3 else plain_part
        parts = [f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n'
                 "This is a multi-part message in MIME format.\n\n"
                 f"--{boundary}\n{first}\n"]
        for number in range(1 if rng.random() < 0.7 else 2):
            mime, ext, magic, stems = rng.choice(ATTACHMENT_KINDS)
            # log-uniform 2–30 KB: many small scans/photos, a few larger ones
            size = int(2048 * (15 ** rng.random()))
            offset = rng.randrange(0, len(self.pool) - size)
            data = magic + self.pool[offset:offset + size - len(magic)]
            name = f"{rng.choice(stems)}_{rng.randint(1000, 99999)}.{ext}"
            parts.append(f"--{boundary}\nContent-Type: {mime}; name=\"{name}\"\n"
                         f"Content-Disposition: attachment; filename=\"{name}\"\n"
                         "Content-Transfer-Encoding: base64\n\n"
                         + base64.encodebytes(data).decode("ascii"))
        parts.append(f"--{boundary}--\n")
        return "".join(parts)


def generate_mails(count: int, seed: int = 1) -> Iterator[bytes]:
    """Yield ``count`` RFC 5322 mails (LF line endings); the same bytes for the same seed."""
    gen = _Generator(seed)
    for index in range(count):
        yield gen.mail(index)


def _write(count: int, target: Path, seed: int, as_mbox: bool) -> float:
    target.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    mails = list(generate_mails(count, seed))
    elapsed = time.perf_counter() - started
    if as_mbox:
        with open(target / f"bench-{count}-seed{seed}.mbox", "wb") as fh:
            for raw in mails:
                fh.write(b"From MAILER-DAEMON Fri May  1 07:00:00 2026\n")
                # mboxrd quoting of body lines that look like separators
                fh.write(raw.replace(b"\nFrom ", b"\n>From "))
                fh.write(b"\n")
    else:
        for index, raw in enumerate(mails):
            (target / f"{index:07d}.eml").write_bytes(raw)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path, help="directory for .eml files (or the .mbox)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mbox", action="store_true", help="write one mbox instead of .eml files")
    args = parser.parse_args(argv)
    elapsed = _write(args.count, args.target, args.seed, args.mbox)
    print(f"generated {args.count} mails in {elapsed:.2f}s ({args.count / elapsed:,.0f} mails/s) -> {args.target}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
