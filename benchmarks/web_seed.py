"""Seed a PostgreSQL schema with a large, realistic hub for the web benchmark.

Why COPY and not the ORM or the ingest pipeline: a million interactions
through the pipeline take hours on two cores, through the ORM tens of
minutes; one COPY stream per table takes a few minutes, most of it
PostgreSQL stemming every body for the stored search column (computed
during COPY since migration 0013) and building the indexes. The rows are
what ingest would have written (contacts with identities, threads,
interactions with reply text, tags, pipeline decisions, inbox work state),
not what the web pages need, so the pages are measured against the real
shape of the data.

Why these distributions:
- Contacts are picked with a skew (``random() ** 2`` over the contact
  list): a few contacts (shared addresses, big customers) have thousands of
  messages, most have a handful. The timeline must stay fast for both.
- Interaction ids follow time, as they do when mail is ingested as it
  arrives, so the newest pages sit in the newest heap pages.
- Work state follows age: recent inbound mail is mostly open or pending,
  older mail mostly closed, so the default "open" list is a small slice of
  a big table, the case keyset paging must handle.
- Bodies are assembled from a small set of authored German and English
  sentences plus order numbers, products and amounts, so common words hit
  a large share of the rows (the hard case for search) and rare ones few.

The load runs in one transaction: the tables are truncated first so COPY
can FREEZE the rows (visible to index-only scans without a VACUUM), secondary
indexes and unique constraints are dropped before and rebuilt after (one
sort per index instead of a million inserts), and foreign-key triggers are
skipped (``session_replication_role = replica``) because the generator
produces consistent keys by construction.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg

#: Tables the seed fills, in an order where referenced rows come first.
SEEDED_TABLES = (
    "companies", "contacts", "contact_identities", "users", "channels", "threads",
    "raw_messages", "interactions", "interaction_tags", "pipeline_decisions", "inbox_items",
)
#: Characters buffered per COPY write: ~1 MB at a time.
_CHUNK_CHARS = 1 << 20
AGENTS = 15
HISTORY_DAYS = 730

# --------------------------------------------------------------------------
# authored fragments (no tabs or backslashes: they go into COPY text as is)
# --------------------------------------------------------------------------

FIRST_NAMES = {
    "de": ["Anna", "Lena", "Julia", "Katrin", "Sabine", "Petra", "Monika", "Ursula", "Jana", "Lea", "Sophie", "Marie", "Hannah", "Laura", "Claudia", "Thomas", "Michael", "Stefan", "Andreas", "Jürgen", "Klaus", "Peter", "Markus", "Tobias", "Lukas", "Jonas", "Felix", "Matthias", "Uwe", "Dieter"],
    "en": ["Emma", "Olivia", "Amelia", "Grace", "Charlotte", "Emily", "Sarah", "Rachel", "Laura", "Hannah", "Jessica", "Megan", "Lucy", "Chloe", "Sophie", "James", "Oliver", "Harry", "Jack", "George", "Thomas", "William", "Daniel", "Matthew", "David", "Andrew", "Michael", "Paul", "Robert", "Steven"],
}
LAST_NAMES = {
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Kowalski", "Yilmaz", "Nowak", "Öztürk", "Brandt"],
    "en": ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Harris", "Martin", "Cooper", "Hughes", "Edwards", "Turner", "Murphy", "Kelly", "O'Brien", "Baker", "Carter"],
}
COMPANY_WORDS = ["Nord", "Süd", "Alpen", "Rhein", "Elbe", "Hansa", "Atlas", "Blue", "Green", "Bright", "Oak", "River", "Stone", "Silver", "Delta", "Nova", "Prime", "Vista", "Summit", "Harbor"]
COMPANY_KINDS = ("GmbH", "AG", "KG", "Ltd", "LLC", "Handel GmbH", "Services Ltd", "Logistik GmbH", "Group")
PRODUCTS = ("Waschmaschine", "Kühlschrank", "Staubsauger", "Kaffeevollautomat", "Router", "Smartphone", "Laptop",
            "Fahrrad", "Matratze", "Sofa", "Drucker", "Monitor", "Kopfhörer", "Akkuschrauber", "Gartenschlauch",
            "dishwasher", "kettle", "toaster", "vacuum cleaner", "headphones", "printer", "tablet", "monitor",
            "e-bike", "mattress", "coffee machine", "air fryer", "hair dryer", "desk lamp", "backpack")

#: intent -> subjects, neutral sentences and complaint sentences, per language.
#: Placeholders: {order} order number, {product} product, {amount} euro amount, {date} a date.
FRAGMENTS = {
    "de": {
        "greeting": ("Sehr geehrte Damen und Herren,", "Hallo,", "Guten Tag,", "Hallo Support-Team,", "Moin,"),
        "closing": ("Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Danke und Gruß", "MfG"),
        "filler": (
            "Ich hoffe, Sie können mir schnell weiterhelfen.",
            "Vielen Dank im Voraus für Ihre Mühe.",
            "Ich bin tagsüber telefonisch erreichbar.",
            "Die Kundennummer steht in der Signatur.",
            "Eine kurze Rückmeldung wäre nett.",
            "Anbei finden Sie die Unterlagen, die Sie angefordert hatten.",
            "Ich habe bereits letzte Woche angerufen, aber noch nichts gehört.",
            "Falls Sie noch Informationen brauchen, melden Sie sich bitte.",
        ),
        "intents": {
            "billing": (
                ("Frage zur Rechnung {order}", "Rechnung vom {date}", "Doppelte Abbuchung"),
                ("In der Rechnung {order} ist mir ein Posten über {amount} Euro aufgefallen.",
                 "Können Sie mir eine Kopie der Rechnung schicken?",
                 "Ich möchte meine Bankverbindung für die Lastschrift ändern.",
                 "Bitte erklären Sie mir die Positionen auf der letzten Rechnung."),
                ("Sie haben den Betrag von {amount} Euro doppelt abgebucht.",
                 "Die Rechnung ist viel zu hoch, das habe ich so nicht bestellt.",
                 "Trotz Kündigung wird weiterhin Geld von meinem Konto abgebucht."),
            ),
            "delivery": (
                ("Lieferung {order}", "Wo bleibt meine Bestellung {order}?", "Lieferstatus {product}"),
                ("Wann wird meine Bestellung {order} geliefert?",
                 "Können Sie die Lieferung des {product} auf Samstag verschieben?",
                 "Ist die Sendung schon unterwegs, gibt es eine Sendungsnummer?",
                 "Ich möchte die Lieferadresse für die Bestellung ändern."),
                ("Meine Bestellung {order} ist seit zwei Wochen unterwegs und immer noch nicht da.",
                 "Laut Sendungsverfolgung wurde das Paket zugestellt, ich habe aber nichts bekommen.",
                 "Der {product} kam beschädigt an, der Karton war völlig zerdrückt."),
            ),
            "returns": (
                ("Rücksendung {product}", "Umtausch Bestellung {order}", "Erstattung {amount} Euro"),
                ("Ich möchte den {product} zurückschicken, wie funktioniert das?",
                 "Bitte schicken Sie mir ein Retourenetikett für die Bestellung {order}.",
                 "Wann wird mir der Betrag von {amount} Euro erstattet?",
                 "Kann ich den {product} gegen ein anderes Modell umtauschen?"),
                ("Die Rücksendung ist seit einem Monat bei Ihnen und ich habe immer noch kein Geld.",
                 "Der {product} ist nach drei Tagen kaputt gegangen, das ist eine Frechheit.",
                 "Ihr Kundenservice hat mir eine Erstattung versprochen, passiert ist nichts."),
            ),
            "contract": (
                ("Kündigung Vertrag", "Vertragsänderung", "Tarifwechsel zum {date}"),
                ("Hiermit kündige ich meinen Vertrag fristgerecht zum {date}.",
                 "Ich möchte in einen günstigeren Tarif wechseln.",
                 "Bitte bestätigen Sie mir die Kündigung schriftlich.",
                 "Wie lange läuft mein Vertrag noch?"),
                ("Meine Kündigung wurde ignoriert, ich fordere eine sofortige Bestätigung.",
                 "Sie haben meinen Vertrag ohne Zustimmung verlängert.",
                 "Ich werde mich bei der Verbraucherzentrale beschweren, wenn das nicht geklärt wird."),
            ),
            "account": (
                ("Zugang zum Kundenkonto", "Passwort vergessen", "Änderung meiner Daten"),
                ("Ich komme nicht mehr in mein Kundenkonto, bitte setzen Sie das Passwort zurück.",
                 "Bitte ändern Sie meine Adresse, ich bin umgezogen.",
                 "Wie kann ich meine E-Mail-Adresse im Konto ändern?",
                 "Bitte löschen Sie mein Konto und alle gespeicherten Daten."),
                ("Mein Konto wurde ohne Grund gesperrt, das ist unverschämt.",
                 "Seit Tagen kann ich mich nicht einloggen und niemand antwortet."),
            ),
        },
        "quote": "Am {date} schrieb der Kundenservice:",
        "reply_prefix": "AW: ",
        "agent_lines": (
            "vielen Dank für Ihre Nachricht.",
            "wir haben Ihr Anliegen geprüft und melden uns in Kürze.",
            "die Erstattung über {amount} Euro ist veranlasst.",
            "die Bestellung {order} wurde heute versandt.",
            "es tut uns leid, dass es Ärger gab, wir kümmern uns darum.",
        ),
    },
    "en": {
        "greeting": ("Dear Sir or Madam,", "Hi,", "Hello,", "Hi there,", "Good morning,"),
        "closing": ("Kind regards", "Best regards", "Thanks", "Cheers", "Many thanks"),
        "filler": (
            "I hope you can help me with this quickly.",
            "Thanks in advance for looking into it.",
            "You can reach me by phone during the day.",
            "My customer number is in the signature below.",
            "A quick reply would be appreciated.",
            "I have attached the documents you asked for.",
            "I already called last week but have not heard back.",
            "Let me know if you need any further information.",
        ),
        "intents": {
            "billing": (
                ("Question about invoice {order}", "Invoice from {date}", "Charged twice"),
                ("I noticed a charge of {amount} euros on invoice {order}.",
                 "Could you send me a copy of the invoice please?",
                 "I would like to update the bank details for my direct debit.",
                 "Can you explain the items on my last invoice?"),
                ("You charged me {amount} euros twice this month.",
                 "The invoice is far too high, I never ordered this.",
                 "Money is still being taken from my account after I cancelled."),
            ),
            "delivery": (
                ("Delivery {order}", "Where is my order {order}?", "Shipping status {product}"),
                ("When will my order {order} be delivered?",
                 "Can you move the delivery of the {product} to Saturday?",
                 "Has the parcel shipped yet, is there a tracking number?",
                 "I would like to change the delivery address for my order."),
                ("My order {order} has been in transit for two weeks and still has not arrived.",
                 "Tracking says the parcel was delivered but I never received it.",
                 "The {product} arrived damaged, the box was completely crushed."),
            ),
            "returns": (
                ("Return {product}", "Exchange order {order}", "Refund {amount} euros"),
                ("I would like to return the {product}, how does that work?",
                 "Please send me a return label for order {order}.",
                 "When will I get my refund of {amount} euros?",
                 "Can I exchange the {product} for a different model?"),
                ("You have had my return for a month and I still have no refund.",
                 "The {product} broke after three days, this is unacceptable.",
                 "Your support promised me a refund and nothing has happened."),
            ),
            "contract": (
                ("Cancel my contract", "Change of plan", "Switching tariff on {date}"),
                ("I hereby cancel my contract with effect from {date}.",
                 "I would like to switch to a cheaper plan.",
                 "Please confirm the cancellation in writing.",
                 "How long does my contract still run?"),
                ("My cancellation was ignored, I demand an immediate confirmation.",
                 "You renewed my contract without my consent.",
                 "I will take this to the ombudsman if it is not resolved."),
            ),
            "account": (
                ("Access to my account", "Forgot my password", "Update my details"),
                ("I cannot log into my account anymore, please reset my password.",
                 "Please update my address, I have moved.",
                 "How do I change the email address on my account?",
                 "Please delete my account and all stored data."),
                ("My account was locked for no reason, this is outrageous.",
                 "I have not been able to log in for days and nobody answers."),
            ),
        },
        "quote": "On {date} customer service wrote:",
        "reply_prefix": "Re: ",
        "agent_lines": (
            "thank you for your message.",
            "we have looked into your request and will get back to you shortly.",
            "the refund of {amount} euros has been issued.",
            "order {order} was shipped today.",
            "we are sorry for the trouble and are taking care of it.",
        ),
    },
}
INTENTS = tuple(FRAGMENTS["de"]["intents"])
SEVERITIES = ("low", "medium", "high")


@dataclass(frozen=True)
class SeedSize:
    """How much to seed; the default is the inbox issue's target size."""

    contacts: int = 100_000
    companies: int = 5_000
    interactions: int = 1_000_000
    threads: int = 300_000

    @classmethod
    def quick(cls) -> SeedSize:
        """A tenth of everything: a fast check that the benchmark works."""
        return cls(contacts=10_000, companies=500, interactions=100_000, threads=30_000)


@dataclass
class SeedReport:
    """What was loaded and how long each part took (seconds)."""

    rows: dict[str, int]
    copy_seconds: float = 0.0
    index_seconds: float = 0.0
    analyze_seconds: float = 0.0
    bench_contacts: tuple[int, ...] = ()  # contacts with the most interactions


def _tsv(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def _line(*values: object) -> str:
    return "\t".join(map(_tsv, values)) + "\n"


class _Copier:
    """Buffers TSV lines for one COPY and writes them in ~1 MB pieces."""

    def __init__(self, copy: psycopg.Copy) -> None:
        self.copy, self.parts, self.size, self.rows = copy, [], 0, 0

    def add(self, line: str) -> None:
        self.parts.append(line)
        self.size += len(line)
        self.rows += 1
        if self.size >= _CHUNK_CHARS:
            self.flush()

    def flush(self) -> None:
        if self.parts:
            self.copy.write("".join(self.parts))
            self.parts, self.size = [], 0


def _copy(cursor: psycopg.Cursor, table: str, columns: str, lines: Iterator[str]) -> int:
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN WITH (FREEZE)") as copy:
        copier = _Copier(copy)
        for line in lines:
            copier.add(line)
        copier.flush()
    return copier.rows


class _Text:
    """Fills fragments with order numbers, products, amounts and dates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def fill(self, fragment: str, when: datetime) -> str:
        if "{" not in fragment:
            return fragment
        rng = self.rng
        return fragment.format(
            order=f"{rng.randrange(10**7, 10**8)}",
            product=rng.choice(PRODUCTS),
            amount=f"{rng.randrange(5, 900)},{rng.randrange(100):02d}",
            date=(when - timedelta(days=rng.randrange(1, 60))).strftime("%d.%m.%Y"),
        )

    def customer_body(self, lang: str, intent: str, complaint: bool, name: str, when: datetime) -> str:
        """200-1,500 characters: greeting, intent sentences mixed with filler, closing (COPY-escaped newlines)."""
        rng, frag = self.rng, FRAGMENTS[lang]
        _, neutral, angry = frag["intents"][intent]
        target = rng.randrange(200, 1500)
        sentences = [self.fill(rng.choice(angry if complaint else neutral), when)]
        size = len(sentences[0])
        while size < target - 80:
            pool = angry if complaint and rng.random() < 0.4 else neutral if rng.random() < 0.5 else frag["filler"]
            sentence = self.fill(rng.choice(pool), when)
            sentences.append(sentence)
            size += len(sentence) + 1
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        return "\\n\\n".join([rng.choice(frag["greeting"]), *paragraphs, f"{rng.choice(frag['closing'])}\\n{name}"])

    def agent_body(self, lang: str, name: str, when: datetime) -> str:
        """An agent's short answer."""
        rng, frag = self.rng, FRAGMENTS[lang]
        salutation = f"Hallo {name}," if lang == "de" else f"Hi {name},"
        lines = [self.fill(rng.choice(frag["agent_lines"]), when) for _ in range(rng.randrange(2, 5))]
        team = "Ihr Kundenservice" if lang == "de" else "Customer Service"
        return "\\n\\n".join([salutation, " ".join(lines), f"{frag['closing'][0]}\\n{team}"])

    def quoted(self, lang: str, reply: str, when: datetime) -> str:
        """The full text of a reply: what was written plus a short quote of the previous mail."""
        frag = FRAGMENTS[lang]
        quote = self.fill(self.rng.choice(frag["agent_lines"]), when)
        return f"{reply}\\n\\n{self.fill(frag['quote'], when)}\\n> {quote}"


@dataclass(frozen=True)
class _Thread:
    contact_index: int
    lang: str
    intent: str
    complaint: bool
    severity: str
    subject: str
    started: datetime


def seed(dsn: str, size: SeedSize, *, seed_value: int = 20261127, now: datetime | None = None) -> SeedReport:
    """Fill the (migrated, empty) schema that ``dsn`` points at; returns counts and timings."""
    rng = random.Random(seed_value)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    text = _Text(rng)
    report = SeedReport(rows={})
    started = time.perf_counter()
    with psycopg.connect(dsn) as connection:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("TRUNCATE " + ", ".join(SEEDED_TABLES) + " CASCADE")
            rebuild = _drop_secondary_indexes(cursor, SEEDED_TABLES)
            contacts = _seed_people(cursor, rng, size, now, report)
            threads = _make_threads(rng, size, contacts, text, now)
            _seed_threads(cursor, threads, now, report)
            report.bench_contacts = _seed_interactions(cursor, rng, text, size, contacts, threads, now, report)
            _set_sequences(cursor)
        connection.commit()
        report.copy_seconds = time.perf_counter() - started
        started = time.perf_counter()
        with connection.cursor() as cursor:
            # Session-only settings: a big sort area and both cores for the index builds.
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute("SET max_parallel_maintenance_workers = 2")
            for statement in rebuild:
                cursor.execute(statement)
        connection.commit()
        report.index_seconds = time.perf_counter() - started
        started = time.perf_counter()
        connection.autocommit = True
        connection.execute("VACUUM (ANALYZE) " + ", ".join(SEEDED_TABLES))
        report.analyze_seconds = time.perf_counter() - started
    return report


def _drop_secondary_indexes(cursor: psycopg.Cursor, tables: tuple[str, ...]) -> list[str]:
    """Drop every index but the primary keys; return the DDL that rebuilds them, as the migrations made them."""
    cursor.execute(
        """SELECT c.conname, t.relname, pg_get_constraintdef(c.oid)
           FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
           WHERE c.contype = 'u' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(%s)""",
        (list(tables),),
    )
    constraints = cursor.fetchall()
    cursor.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname
                             AND c.connamespace = current_schema()::regnamespace)""",
        (list(tables),),
    )
    indexes = cursor.fetchall()
    for name, table, _ in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for name, table, definition in constraints] + [
        definition for _, definition in indexes
    ]


def _seed_people(cursor: psycopg.Cursor, rng: random.Random, size: SeedSize, now: datetime, report: SeedReport) -> list[tuple[str, str, str]]:
    """Companies, contacts (with email and some phone identities), agents and mailboxes.

    Returns per contact (display name, email, language), indexed by id - 1.
    """
    created = now - timedelta(days=HISTORY_DAYS + 30)
    report.rows["companies"] = _copy(cursor, "companies", "id, name, domain, created_at", (
        _line(i, f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}", f"firma{i}.example", created)
        for i in range(1, size.companies + 1)
    ))
    contacts: list[tuple[str, str, str]] = []
    for i in range(1, size.contacts + 1):
        lang = "de" if rng.random() < 0.55 else "en"
        first, last = rng.choice(FIRST_NAMES[lang]), rng.choice(LAST_NAMES[lang])
        email = f"{first}.{last}.{i}@{'mail.example' if rng.random() < 0.7 else f'firma{rng.randrange(1, size.companies + 1)}.example'}"
        contacts.append((f"{first} {last}", email.lower().replace("'", "").replace("ü", "ue").replace("ö", "oe").replace("ä", "ae"), lang))
    report.rows["contacts"] = _copy(cursor, "contacts", "id, display_name, company_id, created_at", (
        _line(i, name, rng.randrange(1, size.companies + 1) if rng.random() < 0.7 else None, created)
        for i, (name, _, _) in enumerate(contacts, 1)
    ))

    def identities() -> Iterator[str]:
        ident = 0
        for i, (_, email, _) in enumerate(contacts, 1):
            ident += 1
            yield _line(ident, i, "email", email)
            if rng.random() < 0.3:
                ident += 1
                yield _line(ident, i, "phone", f"+49151{i:08d}")

    report.rows["contact_identities"] = _copy(cursor, "contact_identities", "id, contact_id, kind, value", identities())
    report.rows["users"] = _copy(cursor, "users", "id, email, display_name, password_hash, role, active, created_at, locale", (
        _line(i, f"agent{i}@shop.example", f"{rng.choice(FIRST_NAMES['de'])} (Agent {i})", "!", "agent", True, created, None)
        for i in range(1, AGENTS + 1)
    ))
    report.rows["channels"] = _copy(cursor, "channels", "id, kind, name, address, config, created_at", (
        _line(1, "email", "Support DE", "service@shop.example", "{}", created),
        _line(2, "email", "Support EN", "support@shop.example", "{}", created),
    ))
    return contacts


def _make_threads(rng: random.Random, size: SeedSize, contacts: list[tuple[str, str, str]], text: _Text, now: datetime) -> list[_Thread]:
    threads = []
    for _ in range(size.threads):
        # random() ** 2 favours low indexes: the first contacts get thousands of messages.
        contact_index = int(len(contacts) * rng.random() ** 2)
        lang = contacts[contact_index][2]
        intent = rng.choice(INTENTS)
        complaint = rng.random() < 0.12
        started = now - timedelta(seconds=rng.random() * HISTORY_DAYS * 86400)
        subject = text.fill(rng.choice(FRAGMENTS[lang]["intents"][intent][0]), started)
        severity = rng.choices(SEVERITIES, (6, 3, 1))[0]
        threads.append(_Thread(contact_index, lang, intent, complaint, severity, subject, started))
    return threads


def _seed_threads(cursor: psycopg.Cursor, threads: list[_Thread], now: datetime, report: SeedReport) -> None:
    report.rows["threads"] = _copy(cursor, "threads", "id, subject_key, contact_id, created_at, last_activity_at", (
        _line(i, thread.subject.lower(), thread.contact_index + 1, thread.started, min(now, thread.started + timedelta(days=3)))
        for i, thread in enumerate(threads, 1)
    ))


def _schedule(rng: random.Random, size: SeedSize, threads: list[_Thread], now: datetime) -> list[tuple[datetime, int, int]]:
    """(occurred_at, thread index, position in thread) for every interaction, oldest first."""
    per_thread = [1] * len(threads)
    for _ in range(size.interactions - len(threads)):
        per_thread[rng.randrange(len(threads))] += 1
    schedule = []
    for index, (thread, count) in enumerate(zip(threads, per_thread, strict=True)):
        when = thread.started
        for position in range(count):
            schedule.append((min(when, now), index, position))
            when += timedelta(seconds=rng.randrange(600, 3 * 86400))
    schedule.sort()
    return schedule


def _seed_interactions(
    cursor: psycopg.Cursor, rng: random.Random, text: _Text, size: SeedSize,
    contacts: list[tuple[str, str, str]], threads: list[_Thread], now: datetime, report: SeedReport,
) -> tuple[int, ...]:
    """Interactions in time order with their raw rows, tags, decisions and inbox items (one pass, five COPYs)."""
    schedule = _schedule(rng, size, threads, now)
    report.rows["raw_messages"] = _copy(cursor, "raw_messages", "id, sha256, size, channel_kind, status, interaction_id, received_at, processed_at", (
        _line(i, hashlib.sha256(b"%d" % i).hexdigest(), rng.randrange(2000, 9000), "email", "ingested", i, when, when)
        for i, (when, _, _) in enumerate(schedule, 1)
    ))
    tags, decisions, items = [], [], []
    per_contact = [0] * len(contacts)

    def interactions() -> Iterator[str]:
        for ident, (when, thread_index, position) in enumerate(schedule, 1):
            thread = threads[thread_index]
            name, email, lang = contacts[thread.contact_index]
            per_contact[thread.contact_index] += 1
            # The customer opens most threads; after that, turns alternate, sometimes twice in a row.
            inbound = (position % 2 == 0) if rng.random() < 0.85 else (rng.random() < 0.6)
            mailbox = 1 if lang == "de" else 2
            own = "service@shop.example" if lang == "de" else "support@shop.example"
            subject = thread.subject if position == 0 else FRAGMENTS[lang]["reply_prefix"] + thread.subject
            if inbound:
                reply = text.customer_body(lang, thread.intent, thread.complaint, name, when)
                sender, sender_name, to = email, name, own
            else:
                reply = text.agent_body(lang, name.split()[0], when)
                sender, sender_name, to = own, "Kundenservice" if lang == "de" else "Customer Service", email
            body = text.quoted(lang, reply, when) if position else reply
            yield _line(
                ident, "email", mailbox, f"<t{thread_index}.{position}@mail.example>", ident,
                "in" if inbound else "out", thread.contact_index + 1, thread_index + 1, subject, sender, sender_name,
                f"{sender}, {to}", body, None, f"<t{thread_index}.{position - 1}@mail.example>" if position else None,
                when, when, when, lang, reply,
            )
            _tags(ident, thread, inbound, lang, tags)
            decisions.append((ident, thread.contact_index + 1, thread_index + 1, position, email, when))
            if inbound:
                items.append((ident, thread.complaint, now - when))

    report.rows["interactions"] = _copy(
        cursor, "interactions",
        "id, channel, channel_id, channel_message_id, raw_message_id, direction, contact_id, thread_id, subject, "
        "from_address, from_name, participants, text, html, in_reply_to, sent_at, received_at, occurred_at, lang, reply_text",
        interactions(),
    )
    report.rows["interaction_tags"] = _copy(
        cursor, "interaction_tags", "id, interaction_id, name, score, reason, tagger, model_version",
        (_line(i, *tag) for i, tag in enumerate(tags, 1)),
    )
    tags.clear()  # free the memory before the next COPY
    report.rows["pipeline_decisions"] = _copy(
        cursor, "pipeline_decisions", "id, raw_message_id, interaction_id, stage, decision, reason, created_at", _decisions(decisions),
    )
    decisions.clear()
    report.rows["inbox_items"] = _copy(
        cursor, "inbox_items", "interaction_id, status, assignee_id, snoozed_until, spam, priority, updated_at, updated_by",
        (_inbox_item(rng, ident, complaint, age, now) for ident, complaint, age in items),
    )
    busiest = sorted(range(len(contacts)), key=per_contact.__getitem__, reverse=True)[:20]
    return tuple(index + 1 for index in busiest)


def _tags(ident: int, thread: _Thread, inbound: bool, lang: str, tags: list[tuple]) -> None:
    tags.append((ident, f"lang:{lang}", 0.97, "language detector on subject and reply text", "language", "bench"))
    tags.append((ident, f"intent:{thread.intent}", 0.81, "model: intent words in reply text", "crm", "bench-v1"))
    if inbound and thread.complaint:
        tags.append((ident, "complaint", 0.88, "model: complaint words in reply text", "crm", "bench-v1"))
        tags.append((ident, f"complaint_severity:{thread.severity}", 0.88, "rule: escalation words", "crm", "bench-v1"))


def _decisions(decisions: list[tuple]) -> Iterator[str]:
    ident = 0
    for interaction_id, contact_id, thread_id, position, email, when in decisions:
        ident += 1
        yield _line(ident, interaction_id, interaction_id, "match", f"contact {contact_id}", f"From address {email} is an identity of contact {contact_id}", when)
        ident += 1
        reason = "In-Reply-To names a message of the thread" if position else "no In-Reply-To or References: new thread"
        yield _line(ident, interaction_id, interaction_id, "thread", f"thread {thread_id}", reason, when)


def _inbox_item(rng: random.Random, ident: int, complaint: bool, age: timedelta, now: datetime) -> str:
    if age < timedelta(days=7):
        weights = (60, 25, 15)
    elif age < timedelta(days=60):
        weights = (10, 10, 80)
    else:
        weights = (1, 1, 98)
    status = rng.choices(("open", "pending", "closed"), weights)[0]
    assignee = None if rng.random() < 0.35 else rng.randrange(1, AGENTS + 1)
    snoozed = now + timedelta(hours=rng.randrange(1, 96)) if status == "open" and rng.random() < 0.03 else None
    priority = rng.choice(("high", "urgent")) if complaint else rng.choices(("low", "normal", "high"), (1, 8, 1))[0]
    updated = now - age + timedelta(hours=rng.randrange(1, 48))
    return _line(ident, status, assignee, snoozed, rng.random() < 0.01, priority, min(updated, now), assignee)


def _set_sequences(cursor: psycopg.Cursor) -> None:
    """Move every id sequence past the copied ids, so the app's own inserts (the login user) do not collide."""
    for table in SEEDED_TABLES:
        if table == "inbox_items":  # keyed by interaction_id, no sequence of its own
            continue
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", (table,))
        sequence = cursor.fetchone()[0]
        if sequence:
            cursor.execute(f"SELECT setval(%s, coalesce((SELECT max(id) FROM {table}), 0) + 1, false)", (sequence,))
