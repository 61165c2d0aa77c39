"""Generate ``contact_matching_eval.jsonl``: a labelled contact-matching set.

Deterministic (fixed seed): run ``python tests/data/make_contact_matching_eval.py``
to regenerate.  Each case is a small CRM (known contacts with identities and
companies) plus one incoming message and the expected outcome:

* ``{"outcome": "matched", "contact_id": N}`` — the message must be
  auto-assigned to contact N;
* ``{"outcome": "suggested"|"new_contact", "contact_id": null}`` — it must
  *not* be auto-assigned (the exact non-match outcome is informative only).

The building blocks (names with umlauts and particles, German/English company
names and legal forms, phone formats, display-name spellings, sign-offs,
footers with colleagues' names, bodies citing customer/order numbers) are
authored by hand; the generator combines them into scenario families
(``category``) including the realistic near-misses a matcher must survive:
homonyms, shared family mailboxes, role mailboxes, free-mail domains,
customer numbers quoted for someone else, conflicts between address and
signature.  Cases are stored with their category so metrics can be broken down.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers

SEED = 4711
OUT = Path(__file__).with_name("contact_matching_eval.jsonl")

# --------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------

DE_FIRST_F = ["Anna", "Maria", "Sabine", "Julia", "Katrin", "Jana", "Lena", "Sophie", "Claudia", "Monika",
              "Petra", "Birgit", "Ursula", "Franziska", "Jörg", "Anja", "Melanie", "Nicole", "Stefanie",
              "Kerstin", "Gülay", "Agnieszka", "Hannelore", "Marie-Luise", "Annette", "Ines", "Miriam"]
DE_FIRST_M = ["Peter", "Thomas", "Michael", "Jan", "Stefan", "Andreas", "Jürgen", "Klaus", "Markus", "Tobias",
              "Lukas", "Florian", "Matthias", "Uwe", "Ralf", "Björn", "Sören", "Hans-Peter", "Karl-Heinz",
              "Mehmet", "Piotr", "Frank", "Dieter", "Wolfgang", "Sebastian", "Jens", "Timo", "Günther"]
DE_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
           "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
           "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
           "Krause", "Meier", "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser",
           "Fuchs", "Peters", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Keller", "Günther", "Groß",
           "Jäger", "Böhm", "Krämer", "Kühn", "Yılmaz", "Öztürk", "Nowak", "Kowalski", "von Hagen",
           "Müller-Lüdenscheidt", "Schmidt-Rottluff", "zu Salm", "Bäumer", "Dörr", "Süß", "Löffler"]
EN_FIRST_F = ["Emma", "Olivia", "Sarah", "Emily", "Charlotte", "Jessica", "Laura", "Rachel", "Hannah",
              "Grace", "Chloe", "Megan", "Siobhan", "Priya", "Aisha", "Catherine", "Joanne"]
EN_FIRST_M = ["James", "John", "Oliver", "Harry", "George", "William", "Daniel", "Thomas", "Matthew",
              "David", "Robert", "Michael", "Liam", "Connor", "Rajesh", "Patrick", "Christopher"]
EN_LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
           "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke",
           "O'Brien", "McDonald", "Patel", "Khan", "Murphy", "Hughes", "Edwards", "Harris-Jones"]

DE_COMPANY_STEMS = [
    ("Muster Handel", "muster-handel.de"), ("Bäckerei Schmidt", "baeckerei-schmidt.de"),
    ("Nordlicht Logistik", "nordlicht-logistik.de"), ("Alpen Solar", "alpensolar.de"),
    ("Rheinwerk Maschinenbau", "rheinwerk-mb.de"), ("Elbe Immobilien", "elbe-immo.de"),
    ("Kranich Software", "kranich-software.de"), ("Hansa Druck", "hansadruck.de"),
    ("Grünwald Gartenbau", "gruenwald-garten.de"), ("Spree Consulting", "spree-consulting.de"),
    ("Weinhaus Keller", "weinhaus-keller.de"), ("Taunus Medizintechnik", "taunus-mt.de"),
    ("Brückner Elektro", "brueckner-elektro.de"), ("Sonnenschein Reisen", "sonnenschein-reisen.de"),
    ("Hofmann & Söhne", "hofmann-soehne.de"), ("Fränkische Metallwaren", "fraenkische-metall.de"),
    ("Ostsee Yachtservice", "ostsee-yacht.de"), ("Lindner Steuerberatung", "lindner-stb.de"),
    ("Adler Apotheke", "adler-apotheke-koeln.de"), ("Bergmann Bau", "bergmann-bau.de"),
]
DE_LEGAL = ["GmbH", "GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG", "UG (haftungsbeschränkt)", "e.K.", "SE"]
EN_COMPANY_STEMS = [
    ("Acme Widgets", "acme-widgets.co.uk"), ("Northwind Traders", "northwind.com"),
    ("Bluebird Analytics", "bluebird-analytics.com"), ("Thames Valley Print", "tvprint.co.uk"),
    ("Greenfield Farms", "greenfieldfarms.com"), ("Harbour Marine", "harbourmarine.co.uk"),
    ("Silverline Software", "silverline.io"), ("Oak & Iron Furniture", "oakandiron.com"),
    ("Pinnacle Dental", "pinnacledental.com"), ("Redwood Legal", "redwoodlegal.com"),
    ("Summit Outdoor", "summit-outdoor.com"), ("Crown Catering", "crowncatering.co.uk"),
]
EN_LEGAL = ["Ltd", "Ltd", "Inc.", "LLC", "Limited", "PLC", "Inc"]

FREE_MAIL_DE = ["web.de", "gmx.de", "gmx.net", "t-online.de", "gmail.com", "googlemail.com", "outlook.de",
                "hotmail.de", "yahoo.de", "posteo.de", "mailbox.org", "freenet.de", "icloud.com", "arcor.de",
                "gmx.at", "gmx.ch", "aol.com"]
FREE_MAIL_EN = ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk", "icloud.com", "me.com",
                "live.co.uk", "aol.com", "protonmail.com", "proton.me"]

ROLE_LOCALS_DE = ["info", "service", "buchhaltung", "office", "kontakt", "vertrieb", "rechnung", "support",
                  "noreply", "bestellung", "zentrale"]
ROLE_LOCALS_EN = ["info", "sales", "support", "accounts", "office", "hello", "contact", "billing", "noreply"]
ROLE_DISPLAY_DE = ["{company} Kundenservice", "Buchhaltung {company}", "{company}", "Team {stem}",
                   "Vertrieb | {company}", "Service-Team", ""]
ROLE_DISPLAY_EN = ["{company} Support", "Accounts Team", "{company}", "Sales | {company}", "Customer Care", ""]

DE_JOBS = ["Einkauf", "Vertrieb", "Projektleitung", "Geschäftsführerin", "Leitung Buchhaltung",
           "Technischer Support", "Assistenz der Geschäftsführung", "Teamleiter Logistik", "Inhaber"]
EN_JOBS = ["Purchasing Manager", "Head of Operations", "Senior Buyer", "Office Manager", "Director",
           "Accounts Payable", "Project Lead", "Founder"]
DE_STREETS = ["Hauptstraße 12", "Lindenallee 5", "Am Markt 3", "Industriestr. 44", "Bahnhofstraße 7a",
              "Kaiserdamm 101", "Gewerbepark 9", "Rosenweg 2"]
DE_CITIES = ["10115 Berlin", "20095 Hamburg", "80331 München", "50667 Köln", "60311 Frankfurt am Main",
             "70173 Stuttgart", "04109 Leipzig", "28195 Bremen", "90402 Nürnberg"]
EN_ADDR = ["12 High Street, London EC1A 1BB", "4 Market Square, Oxford OX1 3HE",
           "221 Harbour Road, Bristol BS1 5TT", "88 Mill Lane, Leeds LS1 4AP", "500 Main St, Springfield"]

DE_CLOSINGS = ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Freundliche Grüße",
               "Mit freundlichen Grüssen", "Liebe Grüße", "Herzliche Grüße", "Gruß", "LG", "MfG"]
EN_CLOSINGS = ["Best regards,", "Kind regards,", "Cheers,", "Thanks,", "Best,", "Regards,", "Many thanks,",
               "Warm regards,", "Sincerely,"]

DE_BODIES = [
    "Guten Tag,\n\nanbei die unterschriebene Auftragsbestätigung. Bitte geben Sie mir kurz Bescheid, wann die Lieferung kommt.",
    "Hallo zusammen,\n\nich habe eine Frage zu meiner letzten Rechnung über 1.234,56 €. Der Betrag scheint mir zu hoch.",
    "Sehr geehrte Damen und Herren,\n\nbitte senden Sie mir ein Angebot für 20 Stück des Artikels Art.-Nr. 100234.",
    "Hallo Frau Kaufmann,\n\nwie telefonisch besprochen schicke ich Ihnen die Unterlagen. Die Termine am 12.03.2024 und 14.03.2024 passen mir beide.",
    "Hi,\n\nkurze Rückmeldung: das Gerät funktioniert wieder. Danke für die schnelle Hilfe!",
    "Guten Morgen,\n\nleider ist die Lieferung beschädigt angekommen. Fotos hänge ich an.",
    "Hallo,\n\nich ziehe um – meine neue Adresse ist Lindenstraße 12, 10115 Berlin. Bitte ändern Sie das in Ihren Unterlagen.",
    "Liebe Frau Albers,\n\nvielen Dank für das nette Gespräch gestern. Wie vereinbart melde ich mich wegen des Termins um 10:30 Uhr.",
    "Sehr geehrter Herr Brandt,\n\nwir möchten unseren Wartungsvertrag um ein Jahr verlängern. Bitte schicken Sie uns die Unterlagen.",
    "Hallo Team,\n\ndie Zahlung über 480,00 EUR ist heute raus. Bitte bestätigt kurz den Eingang.",
    "Guten Tag,\n\nich möchte mein Abonnement zum 31.12. kündigen. Bitte bestätigen Sie mir die Kündigung schriftlich.",
    "Moin,\n\nkönnt ihr die Lieferung auf KW 14 verschieben? Unser Lager ist vorher voll.",
]
EN_BODIES = [
    "Hi,\n\nplease find attached the signed order confirmation. Could you let me know when delivery is expected?",
    "Hello,\n\nI have a question about my last invoice for £1,234.56 - it seems too high.",
    "Dear Sir or Madam,\n\nplease send me a quote for 20 units of item 100234.",
    "Hi Karen,\n\nas discussed on the phone, here are the documents. Both 12 March and 14 March work for me.",
    "Hi there,\n\nquick update: the device works again. Thanks for the fast help!",
    "Good morning,\n\nunfortunately the parcel arrived damaged. Photos attached.",
    "Hello,\n\nwe are moving office next month, please update your records accordingly.",
    "Hi team,\n\nthe payment of $480.00 went out today. Please confirm receipt.",
    "Hello,\n\nI would like to cancel my subscription at the end of the year. Please confirm in writing.",
    "Hi,\n\ncould you push the delivery back to week 14? Our warehouse is full until then.",
]
DE_CUSTNO = ["Meine Kundennummer ist {n}.", "Kundennummer: {n}", "(Kd.-Nr. {n})", "Kunden-Nr.: {n}",
             "Es geht um mein Kundenkonto, Kundennummer {n}."]
EN_CUSTNO = ["My customer number is {n}.", "Customer no. {n}", "Account number: {n}", "(customer ID {n})"]
DE_CONTRACT = ["Es geht um den Vertrag mit der Vertragsnummer {n}.", "Vertragsnr. {n}"]
EN_CONTRACT = ["This concerns contract number {n}.", "Contract no. {n}"]
DE_ORDER = ["Bestellnummer {n}", "es geht um meine Bestellung, Bestellnr. {n}"]
EN_ORDER = ["Order #{n}", "regarding order number {n}"]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ı": "i", "'": ""})


def ascii_name(s: str) -> str:
    import unicodedata

    s = s.translate(TRANSLIT)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def local_part(first: str, last: str, rng: random.Random) -> str:
    f = ascii_name(first).lower().replace(" ", "")
    l = ascii_name(last).lower().replace(" ", "")
    style = rng.randrange(7)
    return [f"{f}.{l}", f"{f[0]}.{l}", f"{f}{l}", f"{l}.{f}", f"{f}_{l}{rng.randrange(10, 99)}",
            f"{f}.{l}{rng.randrange(60, 99)}", f"{f[0]}{l}"][style]


@dataclass
class Person:
    first: str
    last: str
    lang: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Company:
    name: str
    domain: str
    switchboard: str


@dataclass
class Contact:
    cid: int
    person: Person
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    customer_number: str | None = None
    contract_number: str | None = None
    messenger: list[str] = field(default_factory=list)
    company: Company | None = None
    stored_name: str | None = None  # how the CRM spells the name (may differ)

    def to_json(self) -> dict:
        ids = [{"kind": "email", "value": e} for e in self.emails]
        ids += [{"kind": "phone", "value": p} for p in self.phones]
        if self.customer_number:
            ids.append({"kind": "customer_number", "value": self.customer_number})
        if self.contract_number:
            ids.append({"kind": "contract_number", "value": self.contract_number})
        ids += [{"kind": "messenger_id", "value": m} for m in self.messenger]
        return {
            "contact_id": self.cid,
            "display_name": self.stored_name or self.person.name,
            "identities": ids,
            "company_name": self.company.name if self.company else None,
            "company_domains": [self.company.domain] if self.company else [],
        }


class World:
    """Random but valid building material for one case."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng = rng
        self.lang = lang
        self.region = "DE" if lang == "de" else rng.choice(["GB", "GB", "US"])
        self.next_id = rng.randrange(100, 900)
        self.used_names: set[str] = set()

    # names ---------------------------------------------------------------
    def person(self, last: str | None = None, first: str | None = None) -> Person:
        r = self.rng
        for _ in range(100):
            if self.lang == "de":
                f = first or r.choice(DE_FIRST_F + DE_FIRST_M)
                l = last or r.choice(DE_LAST)
            else:
                f = first or r.choice(EN_FIRST_F + EN_FIRST_M)
                l = last or r.choice(EN_LAST)
            if f"{f} {l}" not in self.used_names or (first and last):
                self.used_names.add(f"{f} {l}")
                return Person(f, l, self.lang)
        raise RuntimeError("name space exhausted")

    def other_first(self, p: Person) -> str:
        pool = (DE_FIRST_F + DE_FIRST_M) if self.lang == "de" else (EN_FIRST_F + EN_FIRST_M)
        return self.rng.choice([f for f in pool if f[:3] != p.first[:3]])

    def company(self) -> Company:
        r = self.rng
        if self.lang == "de":
            stem, dom = r.choice(DE_COMPANY_STEMS)
            name = f"{stem} {r.choice(DE_LEGAL)}"
        else:
            stem, dom = r.choice(EN_COMPANY_STEMS)
            name = f"{stem} {r.choice(EN_LEGAL)}"
        return Company(name, dom, self.phone(landline=True))

    # identifiers ---------------------------------------------------------
    def phone(self, landline: bool | None = None) -> str:
        r = self.rng
        landline = r.random() < 0.5 if landline is None else landline
        for _ in range(200):
            if self.region == "DE":
                if landline:
                    area = r.choice(["30", "40", "89", "221", "69", "711", "211", "341", "421", "911", "6221", "7071"])
                    n = f"+49{area}{r.randrange(10**5, 10**8 - 1)}"[: 3 + len(area) + r.choice([6, 7, 8])]
                else:
                    n = f"+49{r.choice(['151', '152', '157', '160', '162', '170', '171', '172', '176', '179'])}{r.randrange(10**6, 10**7):07d}"
            elif self.region == "GB":
                n = f"+44{r.choice(['20', '121', '161', '113', '117', '131'])}{r.randrange(2 * 10**6, 8 * 10**6):07d}"
                n = n if n.startswith("+4420") else n[:13]
                if not landline:
                    n = f"+447{r.choice(['700', '400', '800', '900', '500'])}{r.randrange(10**5, 10**6 - 1):06d}"
            else:
                n = f"+1{r.choice(['212', '415', '617', '312', '206', '512'])}{r.randrange(2, 10)}{r.randrange(10, 100)}{r.randrange(1000, 10000)}"
            try:
                if phonenumbers.is_valid_number(phonenumbers.parse(n)):
                    return n
            except phonenumbers.NumberParseException:
                pass
        raise RuntimeError("no valid phone generated")

    def render_phone(self, e164: str) -> str:
        """Write a number the way people do (national, international, slashes, (0))."""
        r = self.rng
        num = phonenumbers.parse(e164)
        nat = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)
        intl = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if num.country_code == 49:
            area, _, sub = nat.partition(" ")
            grouped = " ".join(sub[i:i + 2] for i in range(0, len(sub), 2))
            variants = [nat, intl, f"{area}/{sub}", f"({area}) {sub}", intl.replace(" ", "-"),
                        f"+49 (0){area[1:]} {sub}", f"0049 {area[1:]} {sub}", f"{area} - {sub}",
                        f"{area} {grouped}", f"+49 {area[1:]} {grouped}", intl.replace(" ", ".")]
        elif num.country_code == 44:
            variants = [nat, intl, intl.replace("+44 ", "+44 (0)")]
        else:
            variants = [nat, intl, intl.replace("+1 ", "+1 (").replace("-", ") ", 1)]
        return r.choice(variants)

    def customer_number(self) -> str:
        r = self.rng
        return r.choice([f"{r.randrange(10000, 999999)}", f"KD-{r.randrange(10000, 99999)}",
                         f"K{r.randrange(100000, 999999)}", f"{r.randrange(100, 999)}-{r.randrange(1000, 9999)}",
                         f"C{r.randrange(10000, 99999)}"])

    def contract_number(self) -> str:
        r = self.rng
        return r.choice([f"V-{r.randrange(2019, 2025)}-{r.randrange(1000, 9999)}", f"{r.randrange(10**7, 10**8)}",
                         f"CT{r.randrange(100000, 999999)}"])

    def free_mail(self) -> str:
        return self.rng.choice(FREE_MAIL_DE if self.lang == "de" else FREE_MAIL_EN)

    # contacts ------------------------------------------------------------
    def contact(self, person: Person | None = None, *, company: Company | None = None, work: bool | None = None,
                phones: int | None = None, custno: bool | None = None) -> Contact:
        r = self.rng
        person = person or self.person()
        self.next_id += r.randrange(1, 40)
        c = Contact(self.next_id, person)
        work = (r.random() < 0.5) if work is None else work
        if work:
            c.company = company or self.company()
            c.emails.append(f"{local_part(person.first, person.last, r)}@{c.company.domain}")
        else:
            c.emails.append(f"{local_part(person.first, person.last, r)}@{self.free_mail()}")
        if r.random() < 0.25:
            c.emails.append(f"{local_part(person.first, person.last, r)}@{self.free_mail()}")
        for _ in range(r.choice([0, 1, 1, 2]) if phones is None else phones):
            c.phones.append(self.phone())
        if (r.random() < 0.4) if custno is None else custno:
            c.customer_number = self.customer_number()
        if r.random() < 0.15:
            c.stored_name = r.choice([f"{person.last}, {person.first}", person.name.upper() if r.random() < 0.3 else person.name])
        return c

    def distractors(self, n: int) -> list[Contact]:
        return [self.contact() for _ in range(n)]

    # message parts --------------------------------------------------------
    def display(self, p: Person, style: str | None = None) -> str:
        r = self.rng
        styles = ["plain", "plain", "plain", "comma", "caps", "title", "privat", "quoted", "lower",
                  "translit", "comma_caps"]
        style = style or r.choice(styles)
        if style == "comma":
            return f"{p.last}, {p.first}"
        if style == "caps":
            return p.name.upper()
        if style == "comma_caps":
            return f"{p.last.upper()}, {p.first}"
        if style == "title":
            return r.choice(["Dr. ", "Dr. med. ", "Prof. Dr. ", "Dipl.-Ing. ", "Mag. "] if self.lang == "de"
                            else ["Dr. ", "Mr. ", "Mrs. ", "Prof. "]) + p.name
        if style == "privat":
            return f"{p.name} ({r.choice(['Privat', 'privat', 'Home', 'mobil'])})"
        if style == "quoted":
            return f'"{p.name}"'
        if style == "lower":
            return p.name.lower()
        if style == "translit":
            return ascii_name(p.name)
        return p.name

    def body(self, extra: list[str] | None = None) -> str:
        r = self.rng
        base = r.choice(DE_BODIES if self.lang == "de" else EN_BODIES)
        if extra:
            head, _, rest = base.partition("\n\n")
            base = f"{head}\n\n{rest} {' '.join(extra)}"
        return base

    def signature(self, p: Person | None, *, phone: str | None = None, company: Company | None = None,
                  email: str | None = None, name_form: str | None = None, extra_lines: list[str] | None = None,
                  colleague: Person | None = None) -> tuple[str, str]:
        """(closing part for the body, signature block) for a sign-off."""
        r = self.rng
        closing = r.choice(DE_CLOSINGS if self.lang == "de" else EN_CLOSINGS)
        lines: list[str] = []
        if p is not None:
            form = name_form or r.choice(["full", "full", "full", "title", "first_then_full"])
            if form == "title":
                lines.append(r.choice(["Dr. ", "Dipl.-Kfm. ", "Prof. "] if self.lang == "de" else ["Dr. "]) + p.name)
            elif form == "first_then_full":
                closing = f"{closing}\n{p.first}"
                lines += ["", "--", p.name]
            elif form == "caps":
                lines.append(p.name.upper())
            else:
                lines.append(p.name)
        if company is not None:
            if r.random() < 0.6:
                lines.append(r.choice(DE_JOBS if self.lang == "de" else EN_JOBS))
            lines.append(company.name)
            lines.append(r.choice(DE_STREETS) + "\n" + r.choice(DE_CITIES) if self.lang == "de" else r.choice(EN_ADDR))
        if phone is not None:
            label = r.choice(["Tel.: ", "Telefon: ", "Tel. ", "Mobil: ", "Handy: ", "T: ", "Fon: "] if self.lang == "de"
                             else ["Phone: ", "Tel: ", "Mobile: ", "M: ", "T: ", "Direct: "])
            lines.append(label + self.render_phone(phone))
        if company is not None and r.random() < 0.5:
            lines.append(("Fax: " if self.lang == "de" else "Fax: ") + self.render_phone(company.switchboard))
        if email:
            lines.append(("E-Mail: " if self.lang == "de" else "Email: ") + email)
        if company is not None:
            lines.append(f"www.{company.domain}")
            if self.lang == "de" and r.random() < 0.6:
                gf = colleague or self.person()
                lines.append(f"Sitz der Gesellschaft: Berlin, Amtsgericht Charlottenburg HRB {r.randrange(10000, 199999)} B")
                lines.append(f"Geschäftsführer: {gf.name} | USt-IdNr. DE{r.randrange(10**8, 10**9)}")
        lines += extra_lines or []
        if p is None and not lines:
            lines.append(r.choice(["Von meinem iPhone gesendet", "Gesendet von meinem Smartphone"] if self.lang == "de"
                                  else ["Sent from my iPhone", "Sent from my Android phone"]))
        return closing, "\n".join(lines)


def message(w: World, *, from_name: str, from_address: str, body: str, closing: str, sig: str) -> dict:
    """Lay out body and signature the ways a splitter may hand them to us."""
    layout = w.rng.choice(["separate", "separate", "inline", "dashdash"])
    if layout == "separate":
        return {"from_name": from_name, "from_address": from_address, "body": f"{body}\n\n{closing}", "signature": sig}
    if layout == "dashdash":
        return {"from_name": from_name, "from_address": from_address, "body": f"{body}\n\n{closing}",
                "signature": f"-- \n{sig}"}
    return {"from_name": from_name, "from_address": from_address, "body": f"{body}\n\n{closing}\n{sig}", "signature": ""}


def new_address(w: World, p: Person, avoid: set[str], company: Company | None = None) -> str:
    for _ in range(50):
        dom = company.domain if company else w.free_mail()
        addr = f"{local_part(p.first, p.last, w.rng)}@{dom}"
        if addr not in avoid:
            return addr
    return f"{ascii_name(p.first).lower()}.{w.rng.randrange(1000, 9999)}@{w.free_mail()}"


def all_emails(contacts: list[Contact]) -> set[str]:
    return {e for c in contacts for e in c.emails}


def case(w: World, category: str, contacts: list[Contact], msg: dict, expected: str, cid: int | None, note: str) -> dict:
    contacts = contacts[:]
    w.rng.shuffle(contacts)
    return {"category": category, "lang": w.lang, "region": w.region,
            "contacts": [c.to_json() for c in contacts], "message": msg,
            "expected": {"outcome": expected, "contact_id": cid}, "note": note}


# --------------------------------------------------------------------------
# Scenario families
# --------------------------------------------------------------------------


def sc_exact_email(w: World) -> dict:
    t = w.contact()
    others = w.distractors(w.rng.randrange(1, 5))
    addr = t.emails[-1] if w.rng.random() < 0.3 else t.emails[0]
    if w.rng.random() < 0.25:
        addr = addr.capitalize() if w.rng.random() < 0.5 else addr.upper()
    name = w.display(t.person) if w.rng.random() < 0.8 else ""
    sig_phone = t.phones[0] if t.phones and w.rng.random() < 0.5 else None
    closing, sig = w.signature(t.person, phone=sig_phone, company=t.company if w.rng.random() < 0.6 else None)
    msg = message(w, from_name=name, from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "exact_email", [t] + others, msg, "matched", t.cid, "sender address is a known personal address")


def sc_exact_email_no_sig(w: World) -> dict:
    t = w.contact()
    others = w.distractors(w.rng.randrange(1, 4))
    msg = {"from_name": w.rng.choice(["", w.display(t.person), t.person.first]),
           "from_address": f"<{t.emails[0]}>", "body": w.body(), "signature": ""}
    return case(w, "exact_email_no_signature", [t] + others, msg, "matched", t.cid, "bare message from a known address")


def sc_plus_address(w: World) -> dict:
    t = w.contact(work=False)
    local, _, dom = t.emails[0].partition("@")
    addr = f"{local}+{w.rng.choice(['shop', 'crm', 'news', 'orders', 'x'])}@{dom}"
    others = w.distractors(2)
    closing, sig = w.signature(t.person)
    msg = message(w, from_name=w.display(t.person), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "plus_address", [t] + others, msg, "matched", t.cid, "same mailbox, different +tag")


def sc_new_address_sig_phone(w: World) -> dict:
    t = w.contact(phones=w.rng.choice([1, 2]))
    others = w.distractors(w.rng.randrange(1, 5))
    comp = w.company() if w.rng.random() < 0.4 else None
    addr = new_address(w, t.person, all_emails([t] + others), comp)
    name = w.display(t.person)
    closing, sig = w.signature(t.person, phone=w.rng.choice(t.phones), company=comp)
    msg = message(w, from_name=name, from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "new_address_signature_phone", [t] + others, msg, "matched", t.cid,
                "known contact writes from a new address; signature phone + name identify")


def sc_new_address_phone_sig_name_only(w: World) -> dict:
    t = w.contact(phones=1)
    others = w.distractors(w.rng.randrange(1, 4))
    addr = new_address(w, t.person, all_emails([t] + others))
    closing, sig = w.signature(t.person, phone=t.phones[0], name_form=w.rng.choice(["full", "title", "first_then_full"]))
    msg = message(w, from_name="", from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "no_display_name_signature_name_phone", [t] + others, msg, "matched", t.cid,
                "no display name; signature name and phone identify")


def sc_new_address_custno(w: World) -> dict:
    t = w.contact(custno=True)
    others = w.distractors(w.rng.randrange(1, 5))
    addr = new_address(w, t.person, all_emails([t] + others))
    tmpl = w.rng.choice(DE_CUSTNO if w.lang == "de" else EN_CUSTNO)
    written = t.customer_number
    if written.startswith("KD-") and w.rng.random() < 0.5:
        written = written[3:]
    body = w.body([tmpl.format(n=written)])
    use_display = w.rng.random() < 0.7
    closing, sig = w.signature(t.person)
    msg = message(w, from_name=w.display(t.person) if use_display else "", from_address=addr, body=body,
                  closing=closing, sig=sig)
    return case(w, "new_address_customer_number", [t] + others, msg, "matched", t.cid,
                "customer number in body + writer's name identify")


def sc_new_address_contract(w: World) -> dict:
    t = w.contact()
    t.contract_number = w.contract_number()
    others = w.distractors(w.rng.randrange(1, 4))
    addr = new_address(w, t.person, all_emails([t] + others))
    tmpl = w.rng.choice(DE_CONTRACT if w.lang == "de" else EN_CONTRACT)
    closing, sig = w.signature(t.person)
    msg = message(w, from_name=w.display(t.person), from_address=addr, body=w.body([tmpl.format(n=t.contract_number)]),
                  closing=closing, sig=sig)
    return case(w, "new_address_contract_number", [t] + others, msg, "matched", t.cid,
                "contract number + name identify")


def sc_two_identifiers(w: World) -> dict:
    t = w.contact(phones=1, custno=True)
    others = w.distractors(w.rng.randrange(1, 4))
    addr = f"{w.rng.choice(['kontakt', 'mail', 'privat', 'home'])}{w.rng.randrange(1, 99)}@{w.free_mail()}"
    tmpl = w.rng.choice(DE_CUSTNO if w.lang == "de" else EN_CUSTNO)
    closing, sig = w.signature(None, phone=t.phones[0])
    msg = message(w, from_name="", from_address=addr, body=w.body([tmpl.format(n=t.customer_number)]),
                  closing=closing, sig=sig)
    return case(w, "phone_and_customer_number_no_name", [t] + others, msg, "matched", t.cid,
                "no name at all, but signature phone and customer number both belong to the contact")


def sc_messenger(w: World) -> dict:
    t = w.contact(phones=1)
    kind = w.rng.choice(["telegram", "whatsapp"])
    if kind == "telegram":
        handle = (ascii_name(t.person.first).lower() + "_" + ascii_name(t.person.last).lower()[:6]).replace(" ", "").replace("-", "")
        t.messenger.append(f"telegram:{handle}")
        line = w.rng.choice([f"Telegram: @{handle}", f"t.me/{handle}", f"TG: @{handle}"])
        phone = None
    else:
        t.messenger.append(f"whatsapp:{t.phones[0]}")
        line = f"WhatsApp: {w.render_phone(t.phones[0])}"
        phone = None
    others = w.distractors(w.rng.randrange(1, 4))
    addr = new_address(w, t.person, all_emails([t] + others))
    closing, sig = w.signature(t.person, phone=phone, extra_lines=[line])
    msg = message(w, from_name=w.display(t.person), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "messenger_id_and_name", [t] + others, msg, "matched", t.cid, "messenger handle + name identify")


def _family(w: World) -> tuple[Contact, Contact, str]:
    last = w.rng.choice(DE_LAST if w.lang == "de" else EN_LAST)
    a = w.contact(w.person(last=last), work=False)
    b = w.contact(w.person(last=last, first=w.other_first(a.person)), work=False)
    shared = f"{w.rng.choice(['familie', 'fam', 'family', 'home'])}.{ascii_name(last).lower().replace(' ', '')}@{w.free_mail()}"
    if w.lang == "en":
        shared = shared.replace("familie.", "the").replace("fam.", "")
    a.emails.append(shared)
    b.emails.append(shared)
    return a, b, shared


def sc_family_display_decides(w: World) -> dict:
    a, b, shared = _family(w)
    t = w.rng.choice([a, b])
    others = w.distractors(w.rng.randrange(0, 3))
    closing, sig = w.signature(t.person if w.rng.random() < 0.5 else None)
    msg = message(w, from_name=w.display(t.person, w.rng.choice(["plain", "comma", "caps", "translit"])),
                  from_address=shared, body=w.body(), closing=closing, sig=sig)
    return case(w, "shared_family_address_display_name_decides", [a, b] + others, msg, "matched", t.cid,
                "shared family mailbox; the display name names one of the two")


def sc_family_signature_decides(w: World) -> dict:
    a, b, shared = _family(w)
    t = w.rng.choice([a, b])
    others = w.distractors(w.rng.randrange(0, 3))
    fam_disp = w.rng.choice([f"Familie {t.person.last}", f"{t.person.last}", "", f"Fam. {t.person.last}"] if w.lang == "de"
                            else [f"The {t.person.last}s", f"{t.person.last} Family", ""])
    closing, sig = w.signature(t.person, name_form="full")
    msg = message(w, from_name=fam_disp, from_address=shared, body=w.body(), closing=closing, sig=sig)
    return case(w, "shared_family_address_signature_decides", [a, b] + others, msg, "matched", t.cid,
                "shared family mailbox; the sign-off names one of the two")


def sc_homonym_phone_decides(w: World) -> dict:
    p = w.person()
    a = w.contact(p, phones=1)
    b = w.contact(Person(p.first, p.last, w.lang), phones=1)
    t = w.rng.choice([a, b])
    others = w.distractors(w.rng.randrange(0, 3))
    addr = new_address(w, p, all_emails([a, b] + others))
    closing, sig = w.signature(p, phone=t.phones[0])
    msg = message(w, from_name=w.display(p), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "same_name_phone_decides", [a, b] + others, msg, "matched", t.cid,
                "two contacts with the same name; the signature phone decides")


def sc_role_known_name_confirms(w: World) -> dict:
    comp = w.company()
    t = w.contact(company=comp, work=True)
    role = f"{w.rng.choice(ROLE_LOCALS_DE if w.lang == 'de' else ROLE_LOCALS_EN)}@{comp.domain}"
    if role.startswith("noreply"):
        role = f"info@{comp.domain}"
    t.emails.append(role)
    others = w.distractors(w.rng.randrange(1, 3))
    closing, sig = w.signature(t.person, company=comp)
    msg = message(w, from_name=w.display(t.person, "plain"), from_address=role, body=w.body(), closing=closing, sig=sig)
    return case(w, "role_address_known_name_confirms", [t] + others, msg, "matched", t.cid,
                "small business owner writes from the info@ address known for them and signs with their name")


def sc_exact_email_assistant(w: World) -> dict:
    t = w.contact(work=True)
    assistant = w.person()
    others = w.distractors(w.rng.randrange(1, 3))
    closing, sig = w.signature(None, company=t.company)
    msg = message(w, from_name=w.display(t.person, "plain"), from_address=t.emails[0],
                  body=w.body([f"(i.A. {assistant.name})" if w.lang == "de" else f"(on behalf of {t.person.first}, {assistant.first})"]),
                  closing=closing, sig=sig)
    return case(w, "exact_email_written_by_assistant", [t] + others, msg, "matched", t.cid,
                "known address; an assistant mentions themselves in the body")


# ---- must-not-match ------------------------------------------------------


def sc_name_only(w: World) -> dict:
    t = w.contact()
    others = w.distractors(w.rng.randrange(1, 4))
    addr = new_address(w, t.person, all_emails([t] + others))
    closing, sig = w.signature(t.person if w.rng.random() < 0.5 else None)
    msg = message(w, from_name=w.display(t.person), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "name_only_new_address", [t] + others, msg, "suggested", None,
                "only the name matches; could be a namesake")


def sc_homonyms(w: World) -> dict:
    p = w.person()
    a = w.contact(p)
    b = w.contact(Person(p.first, p.last, w.lang))
    others = w.distractors(w.rng.randrange(0, 3))
    addr = new_address(w, p, all_emails([a, b] + others))
    closing, sig = w.signature(p)
    msg = message(w, from_name=w.display(p), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "same_name_two_contacts", [a, b] + others, msg, "suggested", None,
                "two different known people share the writer's name")


def sc_family_undecided(w: World) -> dict:
    a, b, shared = _family(w)
    others = w.distractors(w.rng.randrange(0, 3))
    last = a.person.last
    disp = w.rng.choice([f"Familie {last}", last, "", f"Fam. {last}", f"{last.upper()}"] if w.lang == "de"
                        else [f"The {last}s", f"{last} Family", "", last])
    closing, sig = w.signature(None)
    if w.rng.random() < 0.5:
        closing = closing + ("\nFamilie " + last if w.lang == "de" else f"\nThe {last}s")
    msg = message(w, from_name=disp, from_address=shared, body=w.body(), closing=closing, sig=sig)
    return case(w, "shared_family_address_undecided", [a, b] + others, msg, "suggested", None,
                "shared family mailbox and nothing says which family member writes")


def sc_family_unknown_member(w: World) -> dict:
    a, b, shared = _family(w)
    c = w.person(last=a.person.last, first=w.rng.choice(
        [f for f in (DE_FIRST_F + DE_FIRST_M if w.lang == "de" else EN_FIRST_F + EN_FIRST_M)
         if f not in (a.person.first, b.person.first)]))
    others = w.distractors(w.rng.randrange(0, 2))
    closing, sig = w.signature(c)
    msg = message(w, from_name=w.display(c, "plain"), from_address=shared, body=w.body(), closing=closing, sig=sig)
    return case(w, "shared_family_address_third_member", [a, b] + others, msg, "suggested", None,
                "a third, unknown family member writes from the shared mailbox")


def sc_exact_email_family_member(w: World) -> dict:
    last = w.rng.choice(DE_LAST if w.lang == "de" else EN_LAST)
    t = w.contact(w.person(last=last), work=False)
    writer = w.person(last=last, first=w.other_first(t.person))
    others = w.distractors(w.rng.randrange(1, 3))
    closing, sig = w.signature(writer if w.rng.random() < 0.5 else None)
    msg = message(w, from_name=w.display(writer, "plain"), from_address=t.emails[0], body=w.body(),
                  closing=closing, sig=sig)
    return case(w, "known_address_other_family_member", [t] + others, msg, "suggested", None,
                "address known for one person, display name is a relative (same surname, other first name)")


def sc_role_unknown(w: World) -> dict:
    comp = w.company()
    staff = [w.contact(company=comp, work=True) for _ in range(w.rng.randrange(1, 4))]
    others = w.distractors(w.rng.randrange(0, 3))
    local = w.rng.choice(ROLE_LOCALS_DE if w.lang == "de" else ROLE_LOCALS_EN)
    stem = comp.name.rsplit(" ", 1)[0]
    disp = w.rng.choice(ROLE_DISPLAY_DE if w.lang == "de" else ROLE_DISPLAY_EN).format(company=comp.name, stem=stem)
    closing, sig = w.signature(None, company=comp)
    msg = message(w, from_name=disp, from_address=f"{local}@{comp.domain}", body=w.body(), closing=closing, sig=sig)
    return case(w, "role_address_of_known_company", staff + others, msg, "suggested", None,
                "company role mailbox: belongs to the company, not to one of its people")


def sc_role_known_no_name(w: World) -> dict:
    comp = w.company()
    t = w.contact(company=comp, work=True)
    role = f"{w.rng.choice(ROLE_LOCALS_DE if w.lang == 'de' else ROLE_LOCALS_EN)}@{comp.domain}"
    t.emails.append(role)
    others = [w.contact(company=comp, work=True)] + w.distractors(w.rng.randrange(0, 2))
    stem = comp.name.rsplit(" ", 1)[0]
    disp = w.rng.choice(ROLE_DISPLAY_DE if w.lang == "de" else ROLE_DISPLAY_EN).format(company=comp.name, stem=stem)
    closing, sig = w.signature(None, company=comp)
    msg = message(w, from_name=disp, from_address=role, body=w.body(), closing=closing, sig=sig)
    return case(w, "role_address_known_for_contact_no_name", [t] + others, msg, "suggested", None,
                "role mailbox once stored on a person; without a name it may be anyone at the company")


def sc_free_mail_unknown(w: World) -> dict:
    writer = w.person()
    dom = w.free_mail()
    others = [w.contact(work=False) for _ in range(w.rng.randrange(2, 5))]
    for o in others:  # make sure some share the free-mail domain
        if w.rng.random() < 0.5:
            o.emails[0] = o.emails[0].split("@")[0] + "@" + dom
    addr = new_address(w, writer, all_emails(others))
    addr = addr.split("@")[0] + "@" + dom
    closing, sig = w.signature(writer if w.rng.random() < 0.6 else None)
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "free_mail_unknown_sender", others, msg, "new_contact", None,
                "unknown person at a free-mail domain shared by known contacts")


def sc_custno_other_person(w: World) -> dict:
    t = w.contact(custno=True)
    same_surname = w.rng.random() < 0.5
    writer = w.person(last=t.person.last, first=w.other_first(t.person)) if same_surname else w.person()
    others = w.distractors(w.rng.randrange(1, 3))
    addr = new_address(w, writer, all_emails([t] + others))
    if w.lang == "de":
        lead = w.rng.choice([f"ich schreibe für meinen Vater {t.person.name}", f"im Auftrag von {t.person.name}",
                             "ich kümmere mich um die Angelegenheiten meiner Mutter"])
        extra = f"{lead[0].upper()}{lead[1:]}, Kundennummer {t.customer_number}."
    else:
        lead = w.rng.choice([f"I am writing on behalf of {t.person.name}", "I handle my father's account"])
        extra = f"{lead}, customer number {t.customer_number}."
    closing, sig = w.signature(writer)
    msg = message(w, from_name=w.display(writer, "plain"), from_address=addr, body=w.body([extra]), closing=closing, sig=sig)
    return case(w, "customer_number_cited_by_someone_else", [t] + others, msg, "suggested", None,
                "someone else quotes the contact's customer number")


def sc_same_domain_other_person(w: World) -> dict:
    comp = w.company()
    t = w.contact(company=comp, work=True)
    others = [w.contact(company=comp, work=True) for _ in range(w.rng.randrange(0, 2))] + w.distractors(w.rng.randrange(0, 2))
    writer = w.person()
    addr = new_address(w, writer, all_emails([t] + others), comp)
    closing, sig = w.signature(writer, company=comp, phone=w.phone())
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "same_company_domain_other_person", [t] + others, msg, "suggested", None,
                "a new colleague at a known company")


def sc_similar_name(w: World) -> dict:
    pairs_de = [("Jan", "Jana"), ("Anna", "Anne"), ("Stefan", "Stefanie"), ("Michael", "Michaela"),
                ("Peter", "Petra"), ("Klaus", "Klara"), ("Daniel", "Daniela"), ("Tobias", "Tobi"),
                ("Christian", "Christina"), ("Jörg", "Jürgen")]
    pairs_en = [("John", "Joan"), ("Daniel", "Danielle"), ("Chris", "Christine"), ("Sam", "Samantha"),
                ("Robert", "Roberta"), ("Paul", "Paula")]
    known_first, writer_first = w.rng.choice(pairs_de if w.lang == "de" else pairs_en)
    if w.rng.random() < 0.5:
        known_first, writer_first = writer_first, known_first
    last = w.rng.choice(DE_LAST if w.lang == "de" else EN_LAST)
    comp = w.company() if w.rng.random() < 0.5 else None
    t = w.contact(w.person(last=last, first=known_first), company=comp, work=comp is not None)
    writer = Person(writer_first, last, w.lang)
    others = w.distractors(w.rng.randrange(1, 3))
    addr = new_address(w, writer, all_emails([t] + others), comp)
    closing, sig = w.signature(writer, company=comp)
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "similar_name_other_first_name", [t] + others, msg, "suggested", None,
                "same surname, similar but different first name")


def sc_conflict_email_vs_signature(w: World) -> dict:
    a = w.contact(work=True)
    b = w.contact(phones=1, company=a.company, work=True)
    others = w.distractors(w.rng.randrange(0, 2))
    closing, sig = w.signature(b.person, phone=b.phones[0], company=a.company)
    msg = message(w, from_name="", from_address=a.emails[0], body=w.body(), closing=closing, sig=sig)
    return case(w, "conflict_address_vs_signature", [a, b] + others, msg, "suggested", None,
                "address of one contact, signed with name and phone of another")


def sc_switchboard(w: World) -> dict:
    comp = w.company()
    a = w.contact(company=comp, work=True, phones=0)
    a.phones.append(comp.switchboard)
    writer = w.person()
    others = [w.contact(company=comp, work=True)] + w.distractors(w.rng.randrange(0, 2))
    addr = new_address(w, writer, all_emails([a] + others), comp)
    closing, sig = w.signature(writer, phone=comp.switchboard, company=comp)
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "shared_switchboard_phone_other_person", [a] + others, msg, "suggested", None,
                "the company switchboard number is stored on one contact; another employee writes")


def sc_unknown_sender(w: World) -> dict:
    writer = w.person()
    others = w.distractors(w.rng.randrange(1, 5))
    comp = w.company() if w.rng.random() < 0.4 else None
    if comp and any(o.company and o.company.domain == comp.domain for o in others):
        comp = None
    addr = new_address(w, writer, all_emails(others), comp)
    closing, sig = w.signature(writer, company=comp, phone=w.phone() if w.rng.random() < 0.5 else None)
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "unknown_sender", others, msg, "new_contact", None, "nobody known")


def sc_phone_in_body_colleague(w: World) -> dict:
    t = w.contact(phones=1)
    writer = w.person()
    others = w.distractors(w.rng.randrange(1, 3))
    addr = new_address(w, writer, all_emails([t] + others))
    if w.lang == "de":
        extra = f"Bitte rufen Sie meinen Kollegen {t.person.name} unter {w.render_phone(t.phones[0])} an."
    else:
        extra = f"Please call my colleague {t.person.name} on {w.render_phone(t.phones[0])}."
    closing, sig = w.signature(writer)
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body([extra]), closing=closing, sig=sig)
    return case(w, "phone_of_colleague_in_body", [t] + others, msg, "suggested", None,
                "the writer gives a known contact's phone number, not their own")


def sc_order_number_only(w: World) -> dict:
    t = w.contact()
    order = f"{w.rng.randrange(100000, 999999)}"
    # orders are not stored as identities in most CRMs; the contact has a customer number instead
    t.customer_number = t.customer_number or w.customer_number()
    writer = w.person()
    others = w.distractors(w.rng.randrange(1, 3))
    addr = new_address(w, writer, all_emails([t] + others))
    tmpl = w.rng.choice(DE_ORDER if w.lang == "de" else EN_ORDER)
    closing, sig = w.signature(None)
    msg = message(w, from_name="", from_address=addr, body=w.body([tmpl.format(n=order)]), closing=closing, sig=sig)
    return case(w, "order_number_only_unknown_writer", [t] + others, msg, "new_contact", None,
                "only an unrelated order number; nothing identifies the writer")


def sc_name_variant_phone(w: World) -> dict:
    """The CRM spells the name differently from the writer (umlaut, hyphen,
    middle name, title, initial, married double name)."""
    r = w.rng
    variant = r.choice(["hyphen_given", "middle", "stored_ascii", "stored_title", "initial", "double_surname",
                        "stored_comma"])
    if w.lang == "de":
        first = r.choice(["Hans-Peter", "Marie-Luise", "Karl-Heinz", "Anna", "Jürgen", "Sören"])
        last = r.choice(["Müller", "Schröder", "Weiß", "Köhler", "Groß", "Jäger", "Bäumer"])
    else:
        first = r.choice(["Mary-Jane", "John", "Sarah", "Liam"])
        last = r.choice(["O'Brien", "Smith", "Clarke", "Hughes"])
    p = w.person(last=last, first=first)
    t = w.contact(p, phones=1)
    written = p.name
    if variant == "hyphen_given" and "-" in first:
        written = f"{first.split('-')[0]} {last}" if r.random() < 0.5 else f"{first.replace('-', ' ')} {last}"
    elif variant == "middle":
        written = f"{first} {r.choice(['Maria', 'Johanna', 'Elisabeth', 'J.', 'Alexander'])} {last}"
    elif variant == "stored_ascii":
        t.stored_name = ascii_name(p.name)
    elif variant == "stored_title":
        t.stored_name = r.choice(["Dr. ", "Prof. Dr. ", "Dipl.-Ing. "]) + p.name
    elif variant == "initial":
        written = f"{first[0]}. {last}"
    elif variant == "double_surname":
        written = f"{first} {r.choice(['Schmidt', 'Lange', 'Becker', 'Hall'])}-{last}"
    else:
        t.stored_name = f"{last}, {first}"
    others = w.distractors(r.randrange(1, 4))
    addr = new_address(w, p, all_emails([t] + others))
    closing, sig = w.signature(Person(*written.rsplit(" ", 1), w.lang), phone=t.phones[0], name_form="full")
    msg = message(w, from_name=written if r.random() < 0.7 else "", from_address=addr, body=w.body(),
                  closing=closing, sig=sig)
    return case(w, f"name_variant_signature_phone", [t] + others, msg, "matched", t.cid,
                f"name spelled differently ({variant}); signature phone identifies")


def sc_homonym_exact_email(w: World) -> dict:
    p = w.person()
    a = w.contact(p)
    b = w.contact(Person(p.first, p.last, w.lang))
    t = w.rng.choice([a, b])
    others = w.distractors(w.rng.randrange(0, 3))
    closing, sig = w.signature(p)
    msg = message(w, from_name=w.display(p), from_address=t.emails[0], body=w.body(), closing=closing, sig=sig)
    return case(w, "same_name_exact_email", [a, b] + others, msg, "matched", t.cid,
                "two contacts with the same name; the address decides")


def sc_shared_home_phone_name_decides(w: World) -> dict:
    a, b, _ = _family(w)
    home = w.phone(landline=True)
    a.phones.append(home)
    b.phones.append(home)
    t = w.rng.choice([a, b])
    others = w.distractors(w.rng.randrange(0, 3))
    addr = new_address(w, t.person, all_emails([a, b] + others))
    closing, sig = w.signature(t.person, phone=home, name_form="full")
    msg = message(w, from_name=w.display(t.person, "plain"), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "shared_home_phone_name_decides", [a, b] + others, msg, "matched", t.cid,
                "a couple shares a landline; the name picks one")


def sc_exact_email_odd_display(w: World) -> dict:
    t = w.contact()
    others = w.distractors(w.rng.randrange(1, 4))
    disp = w.rng.choice([t.emails[0], t.emails[0].split("@")[0], t.person.first,
                         t.company.name if t.company else "Privat", "Büro" if w.lang == "de" else "Home"])
    closing, sig = w.signature(None)
    msg = message(w, from_name=disp, from_address=t.emails[0], body=w.body(), closing=closing, sig=sig)
    return case(w, "exact_email_odd_display_name", [t] + others, msg, "matched", t.cid,
                "known address; display name is the address, a first name or a company")


def sc_email_in_body(w: World) -> dict:
    t = w.contact()
    writer = w.person()
    others = w.distractors(w.rng.randrange(1, 3))
    addr = new_address(w, writer, all_emails([t] + others))
    extra = (f"Bitte schicken Sie die Unterlagen auch an {t.emails[0]}." if w.lang == "de"
             else f"Please also copy {t.emails[0]} on your reply.")
    closing, sig = w.signature(writer)
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body([extra]), closing=closing, sig=sig)
    return case(w, "known_email_mentioned_in_body", [t] + others, msg, "suggested", None,
                "a known address is mentioned, but someone else writes")


def sc_name_in_body(w: World) -> dict:
    t = w.contact()
    writer = w.person()
    others = w.distractors(w.rng.randrange(1, 3))
    addr = new_address(w, writer, all_emails([t] + others))
    extra = (f"{t.person.name} hat mir Ihre Adresse gegeben." if w.lang == "de"
             else f"{t.person.name} gave me your address.")
    closing, sig = w.signature(writer if w.rng.random() < 0.6 else None)
    msg = message(w, from_name=w.display(writer) if w.rng.random() < 0.6 else "", from_address=addr,
                  body=w.body([extra]), closing=closing, sig=sig)
    return case(w, "known_name_mentioned_in_body", [t] + others, msg, "new_contact", None,
                "a known contact is mentioned by name; the writer is someone else")


def sc_footer_names_known_ceo(w: World) -> dict:
    comp = w.company()
    ceo = w.contact(company=comp, work=True, phones=1)
    writer = w.person()
    others = w.distractors(w.rng.randrange(0, 3))
    addr = new_address(w, writer, all_emails([ceo] + others), comp)
    w.lang = "de"  # German imprint footer
    closing, sig = w.signature(writer, company=comp, colleague=ceo.person)
    if "Geschäftsführer" not in sig:
        sig += f"\nGeschäftsführer: {ceo.person.name}"
    msg = message(w, from_name=w.display(writer), from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "known_contact_in_company_footer", [ceo] + others, msg, "suggested", None,
                "the footer names a known managing director; a colleague writes")


def sc_custno_only(w: World) -> dict:
    t = w.contact(custno=True)
    others = w.distractors(w.rng.randrange(1, 3))
    addr = f"{w.rng.choice(['post', 'mail', 'kontakt', 'box'])}{w.rng.randrange(1, 999)}@{w.free_mail()}"
    tmpl = w.rng.choice(DE_CUSTNO if w.lang == "de" else EN_CUSTNO)
    closing, sig = w.signature(None)
    msg = message(w, from_name="", from_address=addr, body=w.body([tmpl.format(n=t.customer_number)]),
                  closing=closing, sig=sig)
    return case(w, "customer_number_only_no_name", [t] + others, msg, "suggested", None,
                "one clue only (customer number), nobody named: suggest, do not assume")


def sc_sig_phone_only(w: World) -> dict:
    t = w.contact(phones=1)
    others = w.distractors(w.rng.randrange(1, 3))
    addr = f"{w.rng.choice(['post', 'mail', 'kontakt', 'box'])}{w.rng.randrange(1, 999)}@{w.free_mail()}"
    closing, sig = w.signature(None, phone=t.phones[0])
    msg = message(w, from_name="", from_address=addr, body=w.body(), closing=closing, sig=sig)
    return case(w, "signature_phone_only_no_name", [t] + others, msg, "suggested", None,
                "one clue only (phone), nobody named: suggest")


def sc_initial_only(w: World) -> dict:
    t = w.contact()
    others = w.distractors(w.rng.randrange(1, 3))
    addr = new_address(w, t.person, all_emails([t] + others))
    closing, sig = w.signature(None)
    msg = message(w, from_name=f"{t.person.first[0]}. {t.person.last}", from_address=addr, body=w.body(),
                  closing=closing, sig=sig)
    return case(w, "initial_and_surname_only", [t] + others, msg, "suggested", None,
                "'A. Weber' from a new address: could be anyone with that initial")


SCENARIOS: list[tuple[object, int]] = [
    (sc_name_variant_phone, 20), (sc_homonym_exact_email, 8), (sc_shared_home_phone_name_decides, 8),
    (sc_exact_email_odd_display, 10), (sc_email_in_body, 8), (sc_name_in_body, 8),
    (sc_footer_names_known_ceo, 8), (sc_custno_only, 8), (sc_sig_phone_only, 8), (sc_initial_only, 6),
    (sc_exact_email, 55), (sc_exact_email_no_sig, 12), (sc_plus_address, 8), (sc_new_address_sig_phone, 35),
    (sc_new_address_phone_sig_name_only, 15), (sc_new_address_custno, 25), (sc_new_address_contract, 10),
    (sc_two_identifiers, 8), (sc_messenger, 8), (sc_family_display_decides, 15),
    (sc_family_signature_decides, 8), (sc_homonym_phone_decides, 12), (sc_role_known_name_confirms, 6),
    (sc_exact_email_assistant, 5),
    (sc_name_only, 20), (sc_homonyms, 12), (sc_family_undecided, 15), (sc_family_unknown_member, 8),
    (sc_exact_email_family_member, 8), (sc_role_unknown, 12), (sc_role_known_no_name, 8),
    (sc_free_mail_unknown, 15), (sc_custno_other_person, 12), (sc_same_domain_other_person, 15),
    (sc_similar_name, 10), (sc_conflict_email_vs_signature, 8), (sc_switchboard, 8), (sc_unknown_sender, 15),
    (sc_phone_in_body_colleague, 8), (sc_order_number_only, 5),
]


def generate(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    cases = []
    for fn, count in SCENARIOS:
        for i in range(count):
            lang = "de" if rng.random() < 0.6 else "en"
            w = World(random.Random(rng.randrange(2**32)), lang)
            c = fn(w)  # type: ignore[operator]
            c["id"] = f"{c['category']}-{i:03d}"
            cases.append(c)
    return cases


def main() -> int:
    cases = generate()
    with OUT.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps({"id": c.pop("id"), **c}, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
