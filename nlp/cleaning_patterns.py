"""Compiled multilingual patterns for :mod:`nlp.cleaning`.

Kept apart from the splitter logic so the (long) vocabulary lists can grow
without touching the algorithm. Every pattern is applied to a *single line*
(or a join of at most four short lines) whose length the caller has capped,
and none contains nested unbounded quantifiers, so matching stays linear and
cheap even on 1 MB bodies.
"""

from __future__ import annotations

import re

# Longest line considered for header / footer detection. Real attribution and
# header lines are short; very long lines are body text or garbage.
MAX_HEADER_LINE = 300
# Longest joined attribution ("On ... wrote:" wrapped over up to 4 lines).
MAX_ATTRIBUTION = 500
MAX_ATTRIBUTION_LINES = 4

_I = re.IGNORECASE

# --- attribution lines ("On ... wrote:", "Am ... schrieb ...:") -------------
# Verbs of "X wrote" in the languages seen in real mail (and the fixtures).
_WROTE = (
    r"wrote|writes|schrieb|schreibt|schreef|a\s+écrit|a\s+ecrit|écrit|escribió|escribio|"
    r"ha\s+scritto|scrisse|escreveu|napisał\(a\)|napisała|napisał|napisal|pisze|"
    r"napsal\(a\)|napsala|napsal|kirjoitti|skrev|skriver|написал\(а\)|написала|написал|"
    r"пишет|írta|yazdı|έγραψε|kirjutas|rašė|rakstīja|scrie|a\s+scris|piše|je\s+napisal|"
    r"escrigué|va\s+escriure|idatzi\s+zuen"
)
# Verb followed (within a bounded distance) by the closing colon.
ATTRIBUTION_COLON = re.compile(rf"(?<!\w)(?:{_WROTE})(?!\w).{{0,200}}:\s*$", _I)
# Verb closing the line without a colon ("On ... John <j@x> wrote").
ATTRIBUTION_VERB_END = re.compile(rf"(?<!\w)(?:{_WROTE})\s*$", _I)
# Last word of every verb above: a set lookup gates the verb-at-line-end regex.
WROTE_LAST_WORDS = frozenset(alt.split(r"\s+")[-1].replace("\\", "") for alt in _WROTE.split("|"))
# Words that open an attribution line in many languages.
ATTRIBUTION_START = re.compile(
    r"^\s*(?:on|am|le|el|il|op|em|den|dne|dňa|dnia|w\s+dniu|på|pada|в|во|"
    r"kun|tanggal|στις|"
    # weekday abbreviations (fi, no/da, sv) that open Gmail attributions
    r"ma|ti|ke|to|pe|la|su|man|tir|ons|tor|fre|lør|søn|mån|tis|tors|lör|sön)\.?\s",
    _I,
)
# The closing ">:" of an address wrapped by the mail client ("<a@b.c\n>:").
WRAPPED_ADDRESS_END = re.compile(r"^\s*>\s*:\s*$")
# A numeric date at line start: 30.09.2017 / 2017-11-24 / 02/04/2012 / 2013.02.08.
DATE_START = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
HAS_DIGIT = re.compile(r"\d")

# --- separator lines ---------------------------------------------------------
# "-----Original Message-----", "Begin forwarded message:", ... (own line).
SEPARATOR = re.compile(
    r"^\s*[-_=*~<>\[ ]*\s*(?:"
    r"original\s+message|ursprüngliche\s+nachricht|urspr\.\s+nachricht|"
    r"forwarded\s+message|weitergeleitete\s+nachricht|"
    r"begin\s+forwarded\s+message|anfang\s+der\s+weitergeleiteten\s+nachricht|"
    r"message\s+transféré|message\s+d'origine|message\s+original|"
    r"messaggio\s+originale|messaggio\s+inoltrato|mensaje\s+original|mensaje\s+reenviado|"
    r"mensagem\s+original|mensagem\s+encaminhada|oorspronkelijk\s+bericht|"
    r"doorgestuurd\s+bericht|originalmeddelande|oprindelig\s+meddelelse|"
    r"opprinnelig\s+melding|alkuperäinen\s+viesti|wiadomość\s+oryginalna|"
    r"původní\s+zpráva|исходное\s+сообщение|пересылаемое\s+сообщение|"
    r"reply\s+above\s+this\s+line|antworten\s+sie\s+über\s+dieser\s+zeile"
    r")\s*:?\s*[-_=*~>\] ]*\s*$",
    _I,
)
# A bare rule line ("______", "-----", "====") that often precedes a header block.
RULE_LINE = re.compile(r"^\s*(?:[-_=*~]\s?){3,}\s*$")

# --- Outlook style header blocks --------------------------------------------
# "Von: X", "*From:* X", "Envoyé le : ...", "De : ...". Keys are looked up in
# the sets below after lower-casing; the regex only cuts the key off.
HEADER_FIELD = re.compile(r"^\s*\*{0,2}([^\W\d][\w'.\- ]{0,24}?)\s*\*{0,2}\s*:(?!//)", re.UNICODE)
HEADER_FROM_KEYS = frozenset(
    """from von de da van od från fra lähettäjä от feladó kimden afzender
    remetente mittente""".split()
)
HEADER_OTHER_KEYS = frozenset(
    [
        # en
        "sent", "date", "to", "cc", "bcc", "subject", "reply-to", "reply to",
        # de
        "gesendet", "datum", "an", "kopie", "betreff", "antwort an", "gesendet am",
        # fr
        "envoyé", "envoyé le", "envoye", "à", "a", "objet", "sujet", "pour", "copie à",
        "répondre à", "message du", "date d'envoi",
        # it / es / pt
        "inviato", "oggetto", "per", "data", "enviado", "enviado el", "enviada", "asunto",
        "para", "fecha", "assunto", "enviado em",
        # nl / pl / cs / nordic / fi / ru / tr / hu
        "verzonden", "aan", "onderwerp", "datum verzonden", "wysłano", "do", "temat",
        "data wysłania", "odesláno", "komu", "předmět", "skickat", "till", "ämne",
        "sendt", "til", "emne", "lähetetty", "vastaanottaja", "aihe", "отправлено",
        "кому", "тема", "дата", "gönderildi", "konu", "elküldve", "címzett", "tárgy",
    ]
)
# How far a header block may stretch (lines) and how many non-field lines
# (wrapped values, blank lines) may sit between two fields.
HEADER_WINDOW = 10
HEADER_MAX_GAP = 3

# --- signature / footers -------------------------------------------------------
# Applied to right-stripped lines: "-- " (RFC 3676), "--" and "____" rules.
SIG_DELIMITER = re.compile(r"^(?:--|_{2,})$")
# Mobile / app footers. Anchored full-line matches on short lines.
_LINK_TAIL = r"(?:\s*[<(\[]\s*\S{1,200}[>)\]])?\s*\.?\s*"
MOBILE_FOOTER = re.compile(
    r"^\s*(?:"
    r"sent\s+from\s+my\s+[\w\-.'® ]{1,40}"
    r"|sent\s+(?:from|with|via|using)\s+(?-i:[A-Z])[\w\-.]*(?:\s+[\w\-.]+){0,5}"
    r"|get\s+outlook\s+for\s+(?:ios|android|mac|windows)"
    r"|von\s+meinem\s+[\w\-.® ]{1,40}\s+gesendet"
    r"|gesendet\s+(?:von|mit|vom|über)\s+[\w\-.® ]{1,40}"
    r"|diese\s+nachricht\s+wurde\s+von\s+meinem\s+[\w\-.® ]{1,60}\s+gesendet"
    r"|envoyé\s+(?:de|depuis)\s+(?:mon\s+)?[\w\-.® ]{1,40}"
    r"|enviado\s+(?:desde|do|de)\s+(?:mi|meu|o\s+meu)?\s*[\w\-.® ]{1,40}"
    r"|inviato\s+da\s+(?:il\s+mio\s+|mio\s+)?[\w\-.® ]{1,40}"
    r"|verstuurd\s+(?:vanaf|met|van)\s+(?:mijn\s+)?[\w\-.® ]{1,40}"
    r"|wysłane\s+z\s+(?:mojego\s+)?[\w\-.® ]{1,40}"
    r"|(?:sendt|skickat)\s+(?:fra|från)\s+(?:min\s+)?[\w\-.® ]{1,40}"
    r"|lähetetty\s+[\w\-.® ]{1,40}"
    r"|отправлено\s+с\s+[\w\-.® ]{1,40}"
    rf"){_LINK_TAIL}$",
    _I,
)
# Closing formulas that open a signature ("Mit freundlichen Grüßen").
VALEDICTION = re.compile(
    r"^\s*(?:"
    r"(?:(?:with\s+)?(?:best|kind|warm|warmest|many|kindest|warm\s+kind)\s+)?regards"
    r"|cheers|best|all\s+the\s+best|best\s+wishes|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?"
    r"|(?:many\s+)?thanks(?:\s+(?:and|&)\s+(?:best\s+)?regards)?|thank\s+you|br|thx"
    r"|(?:mit\s+)?(?:(?:freundlichen|besten|herzlichen|lieben|vielen|sonnigen|schönen|kollegialen)\s+)?grü(?:ß|ss)en"
    r"|(?:(?:viele|liebe|beste|schöne|herzliche|freundliche|sonnige)\s+)?grü(?:ß|ss)e(?:\s+aus\s+\w+)?"
    r"|(?:(?:vielen\s+)?dank\s+und\s+)?(?:viele|liebe|beste)\s+grü(?:ß|ss)e"
    r"|(?:mit\s+)?(?:freundlichem|bestem|herzlichem)\s+gru(?:ß|ss)|gru(?:ß|ss)"
    r"|mfg|lg|vg|bg|cordialement|bien\s+à\s+vous|saludos(?:\s+cordiales)?|un\s+saludo"
    r"|cordiali\s+saluti|distinti\s+saluti|saluti|met\s+vriendelijke\s+groet(?:en)?"
    r"|vriendelijke\s+groet(?:en)?|groeten|pozdrawiam|atenciosamente|abraços"
    r"|med\s+vennlig\s+hilsen|vennlig\s+hilsen|med\s+venlig\s+hilsen|hälsningar"
    r"|med\s+vänliga\s+hälsningar|ystävällisin\s+terveisin|terveisin|с\s+уважением"
    r")\s*[,.!]?\s*$",
    _I,
)
# Register / company data: only on short lines (see cleaning._legal_start).
# Person roles need a colon ("Geschäftsführer: ...") so that body sentences
# mentioning a Geschäftsführer do not turn the rest of the mail into a footer.
LEGAL_FOOTER = re.compile(
    r"geschäftsführ\w*\s*:|vorstand\w*\s*:|aufsichtsrat\w*\s*:|managing\s+directors?\s*:|"
    r"\bHR\s?[AB]\s*\d|"
    r"handelsregister|registergericht|amtsgericht|\bust\.?[\s-]?id|umsatzsteuer-?id|"
    r"steuer-?nr|steuernummer|sitz\s+der\s+gesellschaft|\bsitz:\s|"
    r"registered\s+(?:office|in\s+england)|company\s+(?:registration|reg\.?\s+no|number)|"
    r"\bvat\s+(?:no|number|reg|id)|diese\s+e-?mail\s+(?:enthält|kann|ist)|"
    r"this\s+(?:e-?mail|message)(?:\s+and\s+any\s+attachments?)?\s+(?:is|are|may|contains?)\s+"
    r"(?:be\s+)?(?:confidential|privileged|intended)|confidentiality\s+notice|"
    r"le\s+informazioni\s+contenute\s+in\s+questo\s+messaggio|"
    r"informationen\s+in\s+dieser\s+e-?mail",
    _I,
)
# Cheap pre-check on the lowered segment tail: without one of these substrings
# no LEGAL_FOOTER line can exist, so the (slower) regex is skipped.
LEGAL_KEYWORDS = (
    "gesch", "vorstand", "aufsichtsrat", "hrb", "hra", "hr ", "regist", "gericht", "ust",
    "steuer", "sitz", "company", "vat", "mail", "message", "confiden", "informa", "managing",
)
# Legal footers sit in the last lines of a segment; only those are scanned.
LEGAL_SCAN_LINES = 40
# Lines typical of a contact block right above a legal footer.
CONTACT_HINT = re.compile(
    r"\b(?:tel|telefon|phone|fon|fax|mobil|mobile|handy|e-?mail|web)\b\.?\s*:?|\+\d{2}|"
    r"www\.|https?://|@|\bGmbH\b|\bAG\b|\bKG\b|\bUG\b|\be\.\s?V\.|\bLtd\b|\bInc\b|"
    r"stra(?:ß|ss)e|\bstr\.|\b\d{5}\s+\w",
    _I,
)
# Signature-like tails are short; longer runs are real text.
MAX_SIGNATURE_LINES = 10
MAX_LEGAL_SIGNATURE_LINES = 60
MAX_CONTACT_LINE = 90
