"""Authored cast and conversation scripts of the demo mailbox.

Everything here is plain data so that writers can change a story without
touching the MIME code in :mod:`hub.demo.mailbox`.  The fictional company is
"Nordlicht Energie & Telekom GmbH" (electricity, gas, DSL/fibre and mobile),
whose customer service answers from ``support@`` and whose business sales team
answers from ``vertrieb@nordlicht-demo.de``.

The threads themselves live in :mod:`hub.demo.scenarios_de` and
:mod:`hub.demo.scenarios_en`; this module holds the data model, the people and
the helpers ``C`` (a customer writes) and ``A`` (an agent answers) that the
scripts are written with.  Phone numbers use the ranges the German regulator
reserves for fiction (e.g. 040 66969 xxx, 030 23125 xxx) or the UK drama range
(020 7946 0xxx), so nothing dialled from the demo reaches a real person.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime, timezone

#: The demo's "today": every mail is dated within ~6 months before it.
REFERENCE_DATE = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)

COMPANY_NAME = "Nordlicht Energie & Telekom GmbH"
COMPANY_DOMAIN = "nordlicht-demo.de"
#: Domain used in the Message-IDs of the company's outgoing mail.
COMPANY_MSGID_DOMAIN = "mail.nordlicht-demo.de"
MAILBOXES = {
    "support": ("Nordlicht Kundenservice", f"support@{COMPANY_DOMAIN}"),
    "vertrieb": ("Nordlicht Vertrieb Geschäftskunden", f"vertrieb@{COMPANY_DOMAIN}"),
}


@dataclass(frozen=True)
class Company:
    """A business customer; its people share the mail domain."""

    key: str
    name: str
    domain: str


@dataclass(frozen=True)
class Person:
    """A customer (or someone writing for one, like a lawyer).

    ``quote_style`` names how the person's mail client quotes (see
    ``hub.demo.mailbox``), ``reply_prefix`` what it puts before the subject.
    ``emails`` may hold a second address for the customer who writes from two.
    """

    key: str
    first: str
    last: str
    gender: str  # "m" / "f": only used for "Herr"/"Frau", "Mr"/"Ms"
    emails: tuple[str, ...]
    lang: str = "de"
    title: str = ""  # "Dr." etc.
    company: str | None = None
    signature: str = ""
    quote_style: str = "de"
    reply_prefix: str = "AW: "
    client: str = ""
    html: bool = False
    tz: str = "berlin"  # "berlin" or "london"
    display: str | None = None  # From display name; "" for a bare address
    informal: bool = False  # agents answer "Hi James," instead of "Dear Mr ..."

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def from_name(self) -> str:
        return self.name if self.display is None else self.display

    def address_de(self) -> str:
        """``Herr Dr. Vogt`` — how German agents address the person."""
        word = "Herr" if self.gender == "m" else "Frau"
        return " ".join(p for p in (word, self.title, self.last) if p)

    def address_en(self) -> str:
        word = "Mr" if self.gender == "m" else "Ms"
        return " ".join(p for p in (word, self.title, self.last) if p)


@dataclass(frozen=True)
class Agent:
    """A Nordlicht employee; ``style`` picks greeting and closing phrases."""

    key: str
    name: str
    team_de: str
    team_en: str
    phone: str
    style: str = "formal"  # "formal" or "friendly"


@dataclass(frozen=True)
class Step:
    """One mail of a thread.

    ``after`` is the delay in hours after the previous mail (the first step's
    is ignored).  ``by`` lets a colleague of the customer, or another agent,
    write this mail.  ``attach`` holds ``(filename, content)`` pairs whose
    content is rendered by type (PDF text lines, CSV text, PNG seed).
    """

    side: str  # "customer" or "agent"
    text: str
    after: float = 0.0
    by: str | None = None
    alt: bool = False
    html: bool | None = None
    attach: tuple[tuple[str, str], ...] = ()
    quote: bool = True
    subject: str | None = None
    cc: tuple[str, ...] = ()
    auto: bool = False


@dataclass(frozen=True)
class Thread:
    """A conversation: the customer opens it, the steps alternate freely."""

    key: str
    customer: str
    subject: str
    start: str  # "YYYY-MM-DD HH:MM" Berlin wall time of the first mail
    agent: str
    steps: tuple[Step, ...]
    mailbox: str = "support"
    lang: str | None = None  # defaults to the customer's language
    cc: tuple[str, ...] = ()
    ticket: bool = True  # helpdesk adds "[Ticket#...]" to the subject


def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n").rstrip()


def C(after: float, text: str, **kw: object) -> Step:  # noqa: N802 - script DSL
    """A customer mail, ``after`` hours after the previous one."""
    return Step("customer", _clean(text), after, **kw)  # type: ignore[arg-type]


def A(after: float, text: str, **kw: object) -> Step:  # noqa: N802 - script DSL
    """An agent's answer, ``after`` hours after the previous one."""
    return Step("agent", _clean(text), after, **kw)  # type: ignore[arg-type]


AGENTS: dict[str, Agent] = {
    a.key: a
    for a in (
        Agent("petersen", "Jana Petersen", "Kundenservice", "Customer Service", "040 66969 112", "friendly"),
        Agent("hansen", "Malte Hansen", "Kundenservice", "Customer Service", "040 66969 118"),
        Agent("demir", "Aylin Demir", "Technischer Kundendienst", "Technical Support", "040 66969 131", "friendly"),
        Agent("brandt", "Sören Brandt", "Teamleitung Kundenservice", "Customer Service Team Lead", "040 66969 101"),
        Agent("lueders", "Katrin Lüders", "Vertrieb Geschäftskunden", "Business Sales", "040 66969 240"),
        Agent("carstensen", "Björn Carstensen", "Vertrieb Geschäftskunden", "Business Sales", "040 66969 246", "friendly"),
        Agent("okoye", "Grace Okoye", "Kundenservice (English)", "Customer Service", "040 66969 150", "friendly"),
        Agent("jaschke", "Nicole Jaschke", "Forderungsmanagement", "Accounts Receivable", "040 66969 170"),
    )
}

COMPANIES: dict[str, Company] = {
    c.key: c
    for c in (
        Company("hansen", "Bäckerei Hansen GmbH", "baeckerei-hansen.de"),
        Company("elbe", "Elbe Logistik & Spedition GmbH", "elbe-logistik.de"),
        Company("berger", "Zahnarztpraxis Dr. Berger", "zahnarzt-berger.de"),
        Company("seeblick", "Hotel Seeblick Timmendorfer Strand", "hotel-seeblick-timmendorf.de"),
        Company("brightwave", "Brightwave Software Ltd", "brightwave.io"),
        Company("lindner", "Gartenbau Lindner GbR", "gartenbau-lindner.de"),
        Company("albers", "Albers & Partner Rechtsanwälte", "albers-partner-kanzlei.de"),
    )
}


def _people() -> dict[str, Person]:
    p = Person
    people = (
        # --- private customers, German -------------------------------------
        p("meier", "Thomas", "Meier", "m", ("thomas.meier71@gmx.de",), quote_style="gmx",
          reply_prefix="Aw: ", client="GMX Freemail",
          signature="Thomas Meier\nKundennummer: KD-100234\nTel. 0171 2293847"),
        p("krueger", "Sabine", "Krüger", "f", ("sabine.krueger@web.de",), quote_style="de_gmail",
          client="WEB.DE Mail", signature="Sabine Krüger\nKundennr. KD-100871"),
        p("schulz", "Kevin", "Schulz", "m", ("kevin.schulz1994@gmail.com",), quote_style="de_gmail",
          reply_prefix="Re: ", client="", display="Kevin S."),
        p("hoffmann", "Renate", "Hoffmann", "f", ("r.hoffmann@t-online.de",), quote_style="none",
          reply_prefix="AW: ", client="t-online.de FreeMail", display=""),
        p("brenner", "Lukas", "Brenner", "m", ("lukas.brenner@posteo.de",), quote_style="de",
          reply_prefix="Re: ", client="Mozilla Thunderbird",
          signature="-- \nLukas Brenner\nLeipziger Str. 12, 04109 Leipzig"),
        p("yildiz", "Mehmet", "Yıldız", "m", ("m.yildiz@gmx.net",), quote_style="gmx", reply_prefix="Aw: ",
          client="GMX Freemail", signature="Mit freundlichen Grüßen\nMehmet Yildiz\nKD-101455"),
        p("wagner", "Julia", "Wagner", "f", ("julia.wagner@outlook.de", "juliawagner.privat@gmail.com"),
          quote_style="outlook_de2", client="Microsoft Outlook 16.0", html=True,
          signature="Julia Wagner\nKundennummer KD-100512"),
        p("schmidt", "Dieter", "Schmidt", "m", ("dieter.schmidt@freenet.de",), quote_style="outlook_de",
          client="Microsoft Outlook 16.0",
          signature="Dieter Schmidt\nBirkenweg 7\n22889 Tangstedt\nKunden-Nr.: KD-100077\nTel.: 040 66969 877"),
        p("lehmann", "Anna", "Lehmann", "f", ("anna-lehmann@web.de",), quote_style="de_gmail",
          client="WEB.DE Mail", signature="Anna Lehmann\nMobil: 0176 23125 418"),
        p("baumann", "Heike", "Baumann", "f", ("heike.baumann@gmx.de",), quote_style="gmx", reply_prefix="Aw: ",
          client="GMX Freemail"),
        p("wolff", "Stefan", "Wolff", "m", ("s.wolff@web.de",), quote_style="de_gmail", client="WEB.DE Mail",
          signature="Stefan Wolff\nKD-102033"),
        p("koch", "Oliver", "Koch", "m", ("oli.koch@gmail.com",), quote_style="de_gmail", reply_prefix="Re: ",
          informal=True, display="Oli Koch"),
        p("sommer", "Ingrid", "Sommer", "f", ("ingrid.sommer@t-online.de",), quote_style="outlook_de",
          client="Microsoft Outlook 16.0", signature="Ingrid Sommer\nAm Mühlenteich 3\n23611 Bad Schwartau"),
        p("hartmann", "Felix", "Hartmann", "m", ("felix.hartmann@gmx.de",), quote_style="gmx",
          reply_prefix="Aw: ", client="GMX Freemail"),
        p("schaefer", "Nadine", "Schäfer", "f", ("nadine.schaefer85@yahoo.de",), quote_style="de_gmail",
          client="Yahoo Mail"),
        p("weber", "Jonas", "Weber", "m", ("jonas.weber@gmail.com",), quote_style="de_gmail", reply_prefix="Re: ",
          signature="Jonas Weber\n0151 23125 920"),
        p("jaeger", "Hans-Peter", "Jäger", "m", ("hp.jaeger@arcor.de",), quote_style="outlook_de",
          client="Microsoft Outlook 16.0", signature="H.-P. Jäger"),
        p("fischer", "Laura", "Fischer", "f", ("laura.fischer@web.de",), quote_style="de_gmail",
          client="WEB.DE Mail", html=True),
        p("richter", "Tom", "Richter", "m", ("tom.richter@gmx.de",), quote_style="gmx", reply_prefix="Aw: ",
          client="GMX Freemail", signature="Tom Richter | KD-103118"),
        # --- private customers, English -----------------------------------
        p("whitfield", "James", "Whitfield", "m", ("james.whitfield@gmail.com",), lang="en", quote_style="en",
          reply_prefix="Re: ", informal=True,
          signature="James Whitfield\nCustomer no. KD-104120\n+49 40 66969 455"),
        p("raman", "Priya", "Raman", "f", ("priya.raman@outlook.com",), lang="en", quote_style="outlook_en",
          reply_prefix="RE: ", client="Microsoft Outlook 16.0", html=True, signature="Priya Raman\nKD-104377"),
        p("carter", "Emily", "Carter", "f", ("emily.carter88@yahoo.co.uk",), lang="en", quote_style="apple_en",
          reply_prefix="Re: ", client="Apple Mail (2.3774)", signature="Sent from my iPhone"),
        p("rossi", "Marco", "Rossi", "m", ("marco.rossi@gmail.com",), lang="en", quote_style="en",
          reply_prefix="Re: ", informal=True),
        p("brown", "Michael", "Brown", "m", ("mike.brown.hh@gmail.com",), lang="en", quote_style="en",
          reply_prefix="Re: ", signature="Mike Brown\n+49 30 23125 771"),
        p("khan", "Aisha", "Khan", "f", ("aisha.khan@hotmail.com",), lang="en", quote_style="outlook_en",
          reply_prefix="RE: ", client="Microsoft Outlook 16.0", html=True),
        # --- business customers ---------------------------------------------
        p("f_hansen", "Frauke", "Hansen", "f", ("f.hansen@baeckerei-hansen.de",), company="hansen",
          quote_style="outlook_de", client="Microsoft Outlook 16.0", html=True,
          signature="Frauke Hansen\nGeschäftsführerin\nBäckerei Hansen GmbH · Lange Reihe 88 · 20099 Hamburg\n"
                    "Tel. 040 66969 530 · Kundennummer: KD-200145"),
        p("n_hansen", "Nils", "Hansen", "m", ("nils@baeckerei-hansen.de",), company="hansen", quote_style="de_gmail",
          reply_prefix="Re: ", client="", signature="Nils Hansen\nBäckerei Hansen GmbH\nMobil 0160 23125 531"),
        p("vogt", "Martin", "Vogt", "m", ("m.vogt@elbe-logistik.de",), title="Dr.", company="elbe",
          quote_style="outlook_de2", client="Microsoft Outlook 16.0", html=True, display="Vogt, Martin",
          signature="Dr. Martin Vogt\nLeitung Einkauf\n\nElbe Logistik & Spedition GmbH\nHafenstraße 120 | "
                    "21079 Hamburg\nT +49 40 66969 601 | M +49 160 23125 602\nwww.elbe-logistik.de\n\n"
                    "Geschäftsführer: Hauke Petersen | AG Hamburg HRB 000417"),
        p("brandes", "Claudia", "Brandes", "f", ("c.brandes@elbe-logistik.de",), company="elbe",
          quote_style="outlook_de2", client="Microsoft Outlook 16.0", html=True, display="Brandes, Claudia",
          signature="Claudia Brandes\nBuchhaltung / Kreditoren\nElbe Logistik & Spedition GmbH\n"
                    "T +49 40 66969 615\nKundennummer bei Nordlicht: KD-200310"),
        p("kern", "Tobias", "Kern", "m", ("t.kern@elbe-logistik.de",), company="elbe", quote_style="de",
          reply_prefix="AW: ", client="Mozilla Thunderbird",
          signature="-- \nTobias Kern | IT-Administration\nElbe Logistik & Spedition GmbH\nT +49 40 66969 640"),
        p("berger", "Stefan", "Berger", "m", ("dr.berger@zahnarzt-berger.de",), title="Dr.", company="berger",
          quote_style="outlook_de", client="Microsoft Outlook 16.0",
          signature="Dr. med. dent. Stefan Berger\nZahnarztpraxis Dr. Berger\nSchlossstraße 4, 22041 Hamburg"),
        p("voss", "Melanie", "Voß", "f", ("praxis@zahnarzt-berger.de",), company="berger", quote_style="outlook_de",
          client="Microsoft Outlook 16.0", display="Praxis Dr. Berger",
          signature="Melanie Voß\nPraxismanagement\nZahnarztpraxis Dr. Berger\nTel. 040 66969 720\n"
                    "Kundennummer: KD-200588"),
        p("rademacher", "Ines", "Rademacher", "f", ("i.rademacher@hotel-seeblick-timmendorf.de",), company="seeblick",
          quote_style="outlook_de2", client="Microsoft Outlook 16.0", html=True,
          signature="Ines Rademacher\nDirektion\n\nHotel Seeblick Timmendorfer Strand\nStrandallee 51 · "
                    "23669 Timmendorfer Strand\nTel. 04503 66969 0"),
        p("matthiesen", "Ole", "Matthiesen", "m", ("technik@hotel-seeblick-timmendorf.de",), company="seeblick",
          quote_style="de", reply_prefix="AW: ", client="Mozilla Thunderbird", display="Ole Matthiesen (Haustechnik)",
          signature="Ole Matthiesen\nHaustechnik Hotel Seeblick\nKD-200702"),
        p("mitchell", "Sarah", "Mitchell", "f", ("sarah.mitchell@brightwave.io",), company="brightwave", lang="en",
          quote_style="outlook_en", reply_prefix="RE: ", client="Microsoft Outlook 16.0", html=True, tz="london",
          signature="Sarah Mitchell\nOffice & Facilities Manager\nBrightwave Software Ltd\n"
                    "+44 20 7946 0321\nbrightwave.io"),
        p("okafor", "Daniel", "Okafor", "m", ("daniel.okafor@brightwave.io",), company="brightwave", lang="en",
          quote_style="en", reply_prefix="Re: ", informal=True,
          signature="Daniel Okafor\nIT Lead, Berlin office\nBrightwave Software Ltd | +49 30 23125 640"),
        p("lindner", "Peter", "Lindner", "m", ("info@gartenbau-lindner.de",), company="lindner", quote_style="gmx",
          reply_prefix="AW: ", client="", display="Gartenbau Lindner",
          signature="Gartenbau Lindner GbR\nPeter & Maren Lindner\nKoppelweg 9, 25469 Halstenbek\n"
                    "Tel. 04101 66969 77\nKundennummer KD-200911"),
        p("albers", "Kathrin", "Albers", "f", ("k.albers@albers-partner-kanzlei.de",), title="Dr.", company="albers",
          quote_style="outlook_de", client="Microsoft Outlook 16.0",
          signature="Dr. Kathrin Albers\nRechtsanwältin\n\nAlbers & Partner Rechtsanwälte PartG mbB\n"
                    "Ballindamm 17, 20095 Hamburg\nTel. 040 66969 901 · Fax 040 66969 909"),
    )
    return {person.key: person for person in people}


PEOPLE: dict[str, Person] = _people()


def all_threads() -> tuple[Thread, ...]:
    """Every scripted thread, German then English, in a fixed order."""
    from hub.demo.scenarios_de import THREADS_DE
    from hub.demo.scenarios_en import THREADS_EN

    return THREADS_DE + THREADS_EN


__all__ = [
    "A", "AGENTS", "C", "COMPANIES", "COMPANY_DOMAIN", "COMPANY_MSGID_DOMAIN", "COMPANY_NAME", "MAILBOXES",
    "PEOPLE", "REFERENCE_DATE", "Agent", "Company", "Person", "Step", "Thread", "all_threads",
]
