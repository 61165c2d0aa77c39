"""Pattern data for identity-signal extraction (``nlp.signals``).

Kept apart from the extraction code so that the lists can grow (new free-mail
providers, new closing phrases, new number labels) without touching logic, and
so that ``hub.matching`` can share the same notion of "free-mail" and "role
address" as the extractor.  Everything here is plain, immutable data.
"""

from __future__ import annotations

# --------------------------------------------------------------------------
# Free-mail providers: a sender at these domains says nothing about a company.
# --------------------------------------------------------------------------

#: Exact free-mail domains (lower-case, ASCII/punycode form).
FREE_MAIL_DOMAINS: frozenset[str] = frozenset(
    {
        "gmail.com", "googlemail.com", "web.de", "gmx.de", "gmx.net", "gmx.at",
        "gmx.ch", "gmx.com", "gmx.eu", "gmx.org", "gmx.info", "gmx.biz", "gmx.li",
        "t-online.de", "magenta.de", "outlook.com", "outlook.de", "icloud.com",
        "me.com", "mac.com", "aol.com", "aol.de", "freenet.de", "posteo.de",
        "posteo.net", "posteo.at", "posteo.ch", "mailbox.org", "arcor.de",
        "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "1und1.de",
        "online.de", "email.de", "vodafone.de", "vodafonemail.de", "kabelmail.de",
        "unitybox.de", "o2online.de", "alice.de", "alice-dsl.net", "mail.de",
        "emailn.de", "netcologne.de", "ewetel.net", "htp-tel.de", "osnanet.de",
        "tutanota.com", "tutanota.de", "tuta.io", "tutamail.com", "yandex.com",
        "yandex.ru", "mail.ru", "zoho.com", "fastmail.com", "fastmail.fm",
        "hey.com", "bluewin.ch", "gmx.ch", "hispeed.ch", "sunrise.ch", "aon.at",
        "chello.at", "a1.net", "inode.at", "kabsi.at", "msn.com", "qq.com",
        "163.com", "126.com", "naver.com", "rocketmail.com", "ymail.com",
        "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "btinternet.com",
        "sky.com", "virginmedia.com", "orange.fr", "free.fr", "laposte.net",
        "libero.it", "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "interia.pl",
    }
)

#: Providers that run the same service under many country TLDs
#: (``hotmail.de``, ``live.co.uk``, ``yahoo.fr`` ...): first label -> free-mail
#: when the rest of the domain is only a public suffix.
FREE_MAIL_WILDCARD_LABELS: frozenset[str] = frozenset(
    {"hotmail", "live", "yahoo", "outlook", "gmx", "aol", "icloud", "windowslive",
     "googlemail", "gmail", "protonmail", "msn"}
)

# --------------------------------------------------------------------------
# Role (function) mailboxes: a shared inbox is not a person.
# --------------------------------------------------------------------------

#: Local parts (before ``+``/after lower-casing) that denote a function mailbox.
ROLE_LOCAL_PARTS: frozenset[str] = frozenset(
    {
        "info", "information", "service", "services", "kundenservice", "customerservice",
        "customer-service", "customercare", "customer.care", "buchhaltung", "office",
        "kontakt", "contact", "sales", "vertrieb", "support", "noreply", "no-reply",
        "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mail", "email",
        "hello", "hallo", "hi", "team", "rechnung", "rechnungen", "invoice", "invoices",
        "billing", "accounts", "accounting", "finance", "finanzen", "admin",
        "administrator", "webmaster", "postmaster", "hostmaster", "mailer-daemon",
        "newsletter", "news", "bestellung", "bestellungen", "order", "orders", "shop",
        "hr", "jobs", "karriere", "career", "careers", "bewerbung", "presse", "press",
        "marketing", "empfang", "zentrale", "verwaltung", "einkauf", "purchasing",
        "help", "helpdesk", "booking", "buchung", "reservierung", "termine", "praxis",
        "kanzlei", "notifications", "notification", "notify", "alerts", "system",
        "auftrag", "anfrage", "anfragen", "post", "poststelle", "sekretariat",
        "reception", "enquiries", "inquiries", "feedback", "abuse", "security",
        "datenschutz", "privacy", "legal", "compliance", "kunden", "mitglieder",
        "service-team", "serviceteam", "support-team", "it", "edv", "technik",
        "logistik", "versand", "lager", "retoure", "retouren", "reklamation",
    }
)

#: Prefixes of role local parts with variable tails (``noreply-123``, ``bounce+x``).
ROLE_LOCAL_PREFIXES: tuple[str, ...] = (
    "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "bounce",
    "mailer-daemon", "notification", "newsletter",
)

# --------------------------------------------------------------------------
# Business numbers (customer, order, contract, invoice).
# --------------------------------------------------------------------------

#: The identifier itself: optional letter prefix, then digits with separators.
_ID = r"((?:[A-Z]{1,4}[-/ ]?)?\d[\dA-Z]*(?:[-/.]\d[\dA-Z]*)*)"
_SEP = r"\s*(?:[:#]|\bist\b|\bis\b|\blautet\b)?\s*(?:[:#]\s*)?"

#: Default ``(kind, regex)`` pairs; group 1 is the identifier.  Matching is
#: case-insensitive; the identifier must contain a digit.  Put more specific
#: labels first: the first pattern to claim a span wins.
DEFAULT_NUMBER_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "customer_number",
        r"\b(?:Kunden[- ]?(?:nummer|nr\.?|-?Nr\.?|ID|Konto)|Kd\.?[- ]?Nr\.?|KdNr\.?|Knd\.?[- ]?Nr\.?"
        r"|customer\s*(?:no\.?|number|num\.?|id|#|account(?:\s*(?:no\.?|number))?)"
        r"|client\s*(?:no\.?|number|id)|account\s*(?:no\.?|number)"
        r"|Mitglieds?(?:nummer|-?Nr\.?)|membership\s*(?:no\.?|number))" + _SEP + _ID,
    ),
    (
        "order_number",
        r"\b(?:Bestell(?:ung)?[- ]?(?:nummer|nr\.?|-?Nr\.?)|Auftrags?[- ]?(?:nummer|nr\.?|-?Nr\.?)"
        r"|Order\s*(?:no\.?|number|id|#)|Order(?=\s*#)|PO\s*(?:no\.?|number|#))" + _SEP + _ID,
    ),
    (
        "contract_number",
        r"\b(?:Vertrags?[- ]?(?:nummer|nr\.?|-?Nr\.?)|Vertrag\s+Nr\.?|Policen?[- ]?(?:nummer|nr\.?)"
        r"|Versicherungs(?:schein)?[- ]?(?:nummer|nr\.?)|contract\s*(?:no\.?|number|id|#)"
        r"|policy\s*(?:no\.?|number))" + _SEP + _ID,
    ),
    (
        "invoice_number",
        r"\b(?:Rechnungs?[- ]?(?:nummer|nr\.?|-?Nr\.?)|Rg\.?[- ]?Nr\.?|RE[- ]?Nr\.?"
        r"|invoice\s*(?:no\.?|number|id|#)?)" + _SEP + _ID,
    ),
)

#: Where a label of :data:`DEFAULT_NUMBER_PATTERNS` can start, matched on the
#: *lower-cased* text (case-sensitive regexes with literal alternatives are
#: several times faster than ``re.IGNORECASE`` ones).  The extractor finds these
#: positions with one scan and tries the full patterns only there.
DEFAULT_NUMBER_LABEL_START: str = (
    r"(?:kund|kd|knd|customer|client|account|mitglied|member|bestell|auftrag|order|po\b"
    r"|vertrag|polic|versicherung|contract|rechnung|rg\b|re\b|invoice)"
)

# --------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------

#: Labels that announce a phone number on the same line.
PHONE_LABELS: tuple[str, ...] = (
    "tel", "tel.", "telefon", "telephone", "phone", "fon", "fone", "ph", "mobil", "mobile",
    "mob", "mobiltelefon", "handy", "cell", "cellphone", "direkt", "direct", "durchwahl",
    "zentrale", "office", "büro", "buero", "privat", "t", "m", "p", "d", "whatsapp",
    "signal", "festnetz", "rufnummer", "telefonnummer", "handynummer", "mobilnummer",
    "erreichbar", "erreichen", "unter", "call", "anrufen", "rufen", "reach", "nummer", "number",
)

#: Words that make a number on a line *not* a phone (bank and register data).
PHONE_BLOCK_WORDS: tuple[str, ...] = (
    "fax", "telefax", "iban", "bic", "swift", "blz", "konto", "ust", "ust-id", "ustid",
    "ust-idnr", "vat", "steuer", "st.-nr", "stnr", "hrb", "hra", "amtsgericht",
    "registergericht", "handelsregister", "plz", "postfach", "kontonummer", "f",
)

#: Substrings (of the lower-cased text) that hint at a phone number in a
#: *body*; without any of them and without an international prefix the body
#: is not scanned for phones at all.  Plain substring tests are much cheaper
#: than a word-boundary regex; the exact label check happens per line later.
PHONE_HINT_WORDS: tuple[str, ...] = (
    "tel", "fon", "phone", "mobil", "mob.", "handy", "cell", "whatsapp", "call", "reach", "nummer",
    "number", "direkt", "direct", "durchwahl", "zentrale", "festnetz", "privat", "office", "büro",
    "buero", "erreich", "ruf", "☎", "📞", "📱",
)

# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

#: Closing phrases after which the next line is usually the author's name.
CLOSING_PHRASES: tuple[str, ...] = (
    # German
    "mit freundlichen grüßen", "mit freundlichen grüssen", "mit freundlichen gruessen",
    "mit freundlichem gruß", "mit freundlichem gruss", "mit besten grüßen",
    "mit besten grüssen", "mit herzlichen grüßen", "mit herzlichen grüssen",
    "mit lieben grüßen", "mit vielen grüßen", "freundliche grüße", "freundliche grüsse",
    "freundliche gruesse", "beste grüße", "beste grüsse", "beste gruesse",
    "viele grüße", "viele grüsse", "viele gruesse", "liebe grüße", "liebe grüsse",
    "herzliche grüße", "herzliche grüsse", "schöne grüße", "schöne grüsse",
    "sonnige grüße", "gruß", "gruss", "grüße", "grüsse", "lg", "vg", "mfg", "bg",
    "herzlichst", "ciao", "tschüss", "servus",
    # English
    "best regards", "kind regards", "warm regards", "warmest regards", "regards",
    "best wishes", "all the best", "best", "cheers", "thanks", "thank you",
    "many thanks", "thanks again", "sincerely", "yours sincerely", "sincerely yours",
    "yours faithfully", "yours truly", "respectfully", "take care", "with thanks",
    "thx", "br", "kr", "greetings",
)

#: Titles and salutations stripped from names (compared lower-case, no dot).
NAME_TITLES: frozenset[str] = frozenset(
    {
        "dr", "prof", "med", "dent", "vet", "rer", "nat", "phil", "jur", "pol", "oec",
        "habil", "dipl", "ing", "dipl-ing", "dipl-kfm", "dipl-kff", "dipl-inf", "dipl-psych",
        "mag", "ba", "ma", "bsc", "msc", "mba", "llm", "phd", "md", "jr", "sr", "esq",
        "herr", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "mx", "sir", "dame",
        "dres", "univ", "priv-doz", "pd", "rae", "ra", "stb", "wp", "me", "mme", "mlle",
        "iii", "ii", "herrn", "hrn",
    }
)

#: Lower-case name particles that may appear inside a surname.
NAME_PARTICLES: frozenset[str] = frozenset(
    {"von", "van", "de", "der", "den", "du", "da", "di", "del", "della", "zu", "zum",
     "zur", "ten", "ter", "la", "le", "los", "y", "bin", "al", "el", "dos", "das", "vom"}
)

#: Words that mean a display name or line is a function/team, not a person.
NON_PERSON_WORDS: frozenset[str] = frozenset(
    {
        "team", "service", "support", "info", "kundenservice", "kundendienst", "customer",
        "buchhaltung", "vertrieb", "sales", "office", "newsletter", "noreply", "no-reply",
        "familie", "family", "fam", "redaktion", "verwaltung", "zentrale", "helpdesk",
        "abteilung", "department", "marketing", "shop", "store", "online", "gmbh", "ag",
        "kg", "ltd", "inc", "llc", "mbh", "ug", "se", "bank", "versicherung", "praxis",
        "kanzlei", "hotel", "restaurant", "verein", "schule", "universität", "university",
        "via", "and", "und", "the", "die", "das", "mit", "for", "für",
        "notification", "notifications", "alerts", "system", "admin", "mailer", "daemon",
        "postmaster", "accounts", "billing", "orders", "bestellung", "rechnung", "invoice",
        "sekretariat", "empfang", "reception", "geschäftsführer", "geschäftsführung",
        "ceo", "cto", "cfo", "manager", "director", "president", "head", "leiter",
        "leiterin", "assistenz", "assistant", "sent", "gesendet", "mobile", "iphone",
        "android", "tel", "telefon", "phone", "fax", "mobil", "handy", "email", "e-mail",
        "mail", "web", "www", "adresse", "address", "straße", "strasse", "str",
        "freundlichen", "grüßen", "grüße", "regards", "thanks", "cheers", "hallo",
        "hello", "dear", "liebe", "lieber", "sehr", "geehrte", "geehrter", "vielen",
        "dank", "danke", "best", "kind", "viele", "beste", "gruß", "gruss", "your", "my",
        "our", "his", "its", "their", "company", "firma", "unternehmen", "group", "gruppe",
    }
)

# --------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------

#: Legal-form suffixes, longest first (token sequences are built from these).
LEGAL_FORMS: tuple[str, ...] = (
    "GmbH & Co. KGaA", "GmbH & Co. KG", "GmbH & Co KG", "AG & Co. KG", "UG & Co. KG",
    "UG (haftungsbeschränkt)", "UG (haftungsbeschraenkt)", "gGmbH", "GmbH", "mbH",
    "KGaA", "AG", "KG", "OHG", "oHG", "GbR", "PartG mbB", "PartG", "UG", "e.K.", "e. K.",
    "e.Kfm.", "e.Kfr.", "eG", "e.G.", "e.V.", "SE", "Ltd.", "Ltd", "Limited", "Inc.",
    "Inc", "LLC", "LLP", "PLC", "plc", "Corp.", "Corp", "Co.", "S.A.", "SA", "S.A.S.",
    "SAS", "SARL", "S.r.l.", "SRL", "B.V.", "BV", "N.V.", "AB", "A/S", "Oy", "GesmbH",
    "Ges.m.b.H.", "Pty Ltd", "Pty. Ltd.",
)

#: Legal forms too ambiguous on their own (common words/abbreviations): they
#: only count when at least two capitalised words precede them.
WEAK_LEGAL_FORMS: frozenset[str] = frozenset({"Co.", "SA", "AB", "Oy", "BV", "SE", "AG", "KG"})

#: Words that stop the leftward growth of a company name.
COMPANY_STOP_WORDS: frozenset[str] = frozenset(
    {
        "der", "die", "das", "den", "dem", "des", "bei", "von", "vom", "für", "fuer", "mit",
        "im", "in", "an", "am", "auf", "aus", "und", "oder", "the", "at", "for", "with",
        "of", "from", "by", "to", "is", "ist", "sind", "eine", "einer", "ein", "a", "an",
        "ihre", "ihr", "ihrer", "unsere", "unser", "our", "your", "my", "meine", "mein",
        "sitz", "gesellschafterin", "geschäftsführer", "registergericht", "amtsgericht",
        "persönlich", "haftende", "vorstand", "firma", "company", "namens", "seitens",
        "hallo", "hello", "hi", "dear", "liebe", "lieber", "danke", "thanks",
    }
)

#: Tokens that may join words inside a company name.
COMPANY_CONNECTORS: frozenset[str] = frozenset({"&", "+", "-", "und", "and", "of", "für", "fuer"})

# --------------------------------------------------------------------------
# Messengers
# --------------------------------------------------------------------------

#: Labels for Telegram handles (``Telegram: @anna_w``).
TELEGRAM_LABELS: tuple[str, ...] = ("telegram", "tg")
#: Labels for WhatsApp numbers.
WHATSAPP_LABELS: tuple[str, ...] = ("whatsapp", "whats app", "wa")
