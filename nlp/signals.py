"""Identity signals: who wrote this message, according to the message itself.

Peers match a message to a contact by the exact sender address only.  We also
collect the other traces a writer leaves — phone numbers and customer numbers
in the signature, the name in the sign-off, the company's legal name, the
sender's organisational domain, messenger handles — so that ``hub.matching``
can recognise a known contact writing from a new address and explain why.

Design for speed (this runs on every message):

* cheap compiled regexes scan header, body and signature for addresses, phone
  candidates, business numbers and messenger handles; ``phonenumbers`` only
  sees candidate spans that have a phone label or an international prefix;
* spaCy (blank pipelines with a fast regex tokenizer, :class:`HubTokenizer`)
  runs on a *small* text: the signature head, the short lines of the body
  tail and — only if known names are configured — the first body lines.  Its
  app components (``hub_closings``, ``hub_legal_forms``, ``hub_known_names``:
  ``PhraseMatcher``s; ``hub_signal_collector``) find sign-off names,
  legal-form company names and known contact/company names; results go to
  ``doc._.hub_signals``;
* pipelines are built once per language and reused; known names are swapped
  in place (:meth:`SignalExtractor.set_known`).

The body should be the reply without quoted history (``nlp.cleaning``); when
no signature is passed, a trailing sign-off is split off heuristically.

Everything returned is plain frozen dataclasses, so callers never hold spaCy
objects unless they ask for the ``Doc`` (``SignalExtractor.extract_doc``).
"""

from __future__ import annotations

import re
import unicodedata
from email.utils import parseaddr
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import phonenumbers
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.tokenizer import RegexTokenizer

from nlp import signal_patterns as P

__all__ = [
    "Signal",
    "Signals",
    "SignalExtractor",
    "build_pipeline",
    "email_base",
    "email_domain",
    "is_free_mail_domain",
    "is_role_address",
    "normalise_email",
    "normalise_number",
    "normalise_phone",
    "parse_person_name",
    "parse_display_name",
    "SIGNAL_KINDS",
    "SOURCES",
]

SIGNAL_KINDS: tuple[str, ...] = (
    "email", "phone", "customer_number", "order_number", "contract_number",
    "invoice_number", "person_name", "company_name", "domain", "messenger_id",
)
SOURCES: tuple[str, ...] = ("from_header", "display_name", "signature", "body")

if not Doc.has_extension("hub_signals"):
    Doc.set_extension("hub_signals", default=None)

#: How much of the body the regex scanners look at (huge pasted logs are not
#: where identity lives, and the scan must stay cheap).
_MAX_BODY_CHARS = 20_000
#: How many body lines (head and tail) the spaCy pipeline sees.
_HEAD_LINES = 3
_TAIL_LINES = 4
#: Lines of the signature block the pipeline sees (name/company come first;
#: long legal footers do not need tokenising).
_SIG_LINES = 14
#: Body-tail lines longer than this are not tokenised (sign-offs are short).
_MAX_NAME_LINE = 100
#: How far back from the end of the body a sign-off is searched when the
#: caller could not split a signature.
_SIGNOFF_SEARCH_LINES = 40


# ==========================================================================
# Result types
# ==========================================================================


@dataclass(frozen=True)
class Signal:
    """One piece of identity evidence.

    ``kind`` is one of :data:`SIGNAL_KINDS`, ``value`` the normalised value
    (E.164 phone, lower-case e-mail, ``"telegram:handle"`` ...), ``source``
    where it was found (:data:`SOURCES`) and ``evidence`` the original text
    span, so that every later decision can quote what it relied on.
    """

    kind: str
    value: str
    source: str
    evidence: str


@dataclass(frozen=True)
class Signals:
    """All signals of one message, in discovery order, without duplicates."""

    items: tuple[Signal, ...] = ()

    def __iter__(self) -> Iterator[Signal]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def of_kind(self, kind: str, *sources: str) -> tuple[Signal, ...]:
        """Signals of ``kind``, optionally only from the given sources."""
        return tuple(s for s in self.items if s.kind == kind and (not sources or s.source in sources))

    def values(self, kind: str, *sources: str) -> tuple[str, ...]:
        """Distinct values of ``kind`` (first occurrence order)."""
        return tuple(dict.fromkeys(s.value for s in self.of_kind(kind, *sources)))

    def emails(self, *sources: str) -> tuple[str, ...]:
        return self.values("email", *sources)

    def phones(self, *sources: str) -> tuple[str, ...]:
        return self.values("phone", *sources)

    def names(self, *sources: str) -> tuple[str, ...]:
        return self.values("person_name", *sources)

    def companies(self, *sources: str) -> tuple[str, ...]:
        return self.values("company_name", *sources)

    def domains(self, *sources: str) -> tuple[str, ...]:
        return self.values("domain", *sources)

    def messenger_ids(self, *sources: str) -> tuple[str, ...]:
        return self.values("messenger_id", *sources)

    def numbers(self, kind: str | None = None) -> tuple[Signal, ...]:
        """Business-number signals (customer/order/contract/invoice)."""
        kinds = {kind} if kind else {"customer_number", "order_number", "contract_number", "invoice_number"}
        return tuple(s for s in self.items if s.kind in kinds)

    @property
    def sender_email(self) -> str | None:
        """The normalised From address, if it was parseable."""
        found = self.of_kind("email", "from_header")
        return found[0].value if found else None

    @property
    def author_names(self) -> tuple[str, ...]:
        """Names the writer gives for themselves (display name, sign-off)."""
        return self.names("display_name", "signature")


# ==========================================================================
# Normalisers (pure, cheap, usable without a pipeline)
# ==========================================================================

_EMAIL_RE = re.compile(r"(?<![\w.%+'-])[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_EMAIL_LOCAL_OK = re.compile(r"^[\w.%+'!#$&*=?^`{|}~-]+$", re.UNICODE)
_TLD_OK = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


def _to_ascii_domain(domain: str) -> str | None:
    """Punycode (A-label) form of ``domain`` so that ``müller.de`` and
    ``xn--mller-kva.de`` compare equal; ``None`` if it is not a domain."""
    domain = unicodedata.normalize("NFC", domain.strip().rstrip(".").lower())
    if not domain or ".." in domain:
        return None
    if domain.isascii():
        return domain
    try:
        import idna  # optional: IDNA 2008 + UTS 46 mapping

        return idna.encode(domain, uts46=True).decode("ascii")
    except Exception:  # noqa: BLE001 - fall back to the stdlib IDNA 2003 codec
        try:
            return domain.encode("idna").decode("ascii")
        except UnicodeError:
            return None


@lru_cache(maxsize=65536)
def normalise_email(addr: str) -> str | None:
    """Canonical form of an e-mail address, or ``None`` if it is not one.

    Lower-cases the whole address (mail providers treat local parts
    case-insensitively in practice), strips ``mailto:``/angle brackets and
    converts an IDN domain to punycode.  Plus-addressing (``anna+shop@``) is
    kept: it is information (which alias was used); :func:`email_base` gives
    the mailbox without it.
    """
    if not addr:
        return None
    text = addr.strip().strip("<>\"' \t\r\n").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:]
    text = text.split("?", 1)[0].rstrip(".,;:)")
    if text.count("@") != 1:
        return None
    local, _, domain = text.partition("@")
    local = unicodedata.normalize("NFC", local).lower()
    if not local or len(local) > 64 or not _EMAIL_LOCAL_OK.match(local):
        return None
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return None
    ascii_domain = _to_ascii_domain(domain)
    if not ascii_domain or "." not in ascii_domain:
        return None
    labels = ascii_domain.split(".")
    if any(not lab or len(lab) > 63 or lab.startswith("-") or lab.endswith("-") for lab in labels):
        return None
    if not _TLD_OK.match(labels[-1]) or not re.fullmatch(r"[a-z0-9.-]+", ascii_domain):
        return None
    return f"{local}@{ascii_domain}"


def email_base(addr: str) -> str:
    """The mailbox without its ``+tag`` (``anna+shop@x.de`` -> ``anna@x.de``)."""
    local, _, domain = addr.partition("@")
    return f"{local.split('+', 1)[0]}@{domain}" if "+" in local else addr


def email_domain(addr: str) -> str:
    """Domain part of a normalised address."""
    return addr.rpartition("@")[2]


def is_free_mail_domain(domain: str) -> bool:
    """True for public free-mail providers, which never identify a company.

    Also covers the multi-TLD providers (``hotmail.de``, ``yahoo.co.uk``)
    without matching organisations that merely start with such a word
    (``live.example-events.com`` is not free-mail).
    """
    d = (_to_ascii_domain(domain.rpartition("@")[2]) or "").removeprefix("www.")
    if not d:
        return False
    if d in P.FREE_MAIL_DOMAINS:
        return True
    first, _, rest = d.partition(".")
    if first in P.FREE_MAIL_WILDCARD_LABELS and rest:
        parts = rest.split(".")
        return len(parts) <= 2 and all(len(p) <= 3 for p in parts)
    return False


def is_role_address(addr: str) -> bool:
    """True for function mailboxes (info@, buchhaltung@, noreply@ ...)."""
    local = addr.partition("@")[0].lower().split("+", 1)[0]
    if local in P.ROLE_LOCAL_PARTS:
        return True
    return local.startswith(P.ROLE_LOCAL_PREFIXES)


def normalise_phone(raw: str, region: str) -> str | None:
    """E.164 form of a *valid* phone number, else ``None``.

    ``region`` (ISO 3166 alpha-2, e.g. ``"DE"``) resolves national formats
    such as ``030 1234567``.
    """
    if not raw:
        return None
    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        num = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def normalise_number(raw: str) -> str:
    """Canonical business number: upper-case, no blanks, no trailing dot."""
    return re.sub(r"\s+", "", raw).strip(".-/").upper()


# ==========================================================================
# Names
# ==========================================================================

_LEGAL_FORM_RE = re.compile(
    r"(?:^|[\s,])(?:" + "|".join(re.escape(f) for f in P.LEGAL_FORMS) + r")(?=$|[\s,)])"
)
_DISPLAY_SPLIT_RE = re.compile(r"\s+(?:\||–|—|-|/|via|@)\s+|\s*\|\s*|\s*:\s+", re.IGNORECASE)
_PAREN_RE = re.compile(r"\s*[(\[{][^)\]}]*[)\]}]\s*")
_QUOTES = "\"'“”„‚‘’«»`"
_NAME_TOKEN_RE = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_]+(?:['’-][^\W\d_]+)*\.?)$", re.UNICODE)


def _title_token(tok: str) -> str:
    """``MÜLLER-LÜDENSCHEIDT`` -> ``Müller-Lüdenscheidt``, ``o'neil`` -> ``O'Neil``."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), tok)


def _is_title(tok: str) -> bool:
    key = tok.lower().replace(".", "").strip(",")
    return key in P.NAME_TITLES or key.replace("-", "") in P.NAME_TITLES


@lru_cache(maxsize=16384)
def parse_person_name(text: str) -> str | None:
    """Canonical ``"First Last"`` if ``text`` looks like a personal name.

    Handles ``"Weber, Anna"``, quotes, parenthesised remarks (``(Privat)``),
    academic/courtesy titles (``Dr. med.``, ``Herr``), trailing degrees
    (``, Ph.D.``) and ALL-CAPS or all-lower-case spellings.  Returns ``None``
    for single words, team/function names and anything with digits: a wrong
    name is worse than none, because names feed contact matching.
    """
    if not text or len(text) > 80 or "@" in text or any(c.isdigit() for c in text):
        return None
    s = text.strip().strip(_QUOTES).strip()
    s = _PAREN_RE.sub(" ", s).strip().strip(_QUOTES).strip(" -–—,;:*_~>").strip()
    if not s:
        return None
    # "Weber, Anna" / "John E. Doe, Ph.D." / "Weber, Dr. Anna"
    if "," in s:
        parts = [p.strip() for p in s.split(",") if p.strip()]
        parts = [p for p in parts if not all(_is_title(t) for t in p.split())]
        surname = parts[0].split() if parts else []
        if len(parts) == 2 and all(t.lower() in P.NAME_PARTICLES for t in surname[:-1]):
            s = f"{parts[1]} {parts[0]}"
        elif len(parts) == 1:
            s = parts[0]
        else:
            return None
    tokens = [t.strip(",;") for t in s.split()]
    tokens = [t for t in tokens if t and not _is_title(t)]
    if not 2 <= len(tokens) <= 5:
        return None
    lower = [t for t in tokens if t.islower() and t not in P.NAME_PARTICLES]
    if lower and (len(lower) != len(tokens) or len(tokens) > 3):
        return None  # "aus Oberalteich sendet Herrn Smith": prose, not a name
    caps = [t for t in tokens if t.isupper() and len(t.rstrip(".")) > 1]
    if caps and len(caps) != len(tokens) and (len(caps) > 1 or len(caps[0]) <= 3):
        return None  # "Yangzhou ABC Lighting Equipment", "IT Support": acronyms, not names
    out: list[str] = []
    for tok in tokens:
        low = tok.lower()
        if low in P.NON_PERSON_WORDS or not _NAME_TOKEN_RE.match(tok):
            return None
        if low in P.NAME_PARTICLES and out:
            out.append(low)
            continue
        if tok.isupper() or tok.islower():
            tok = _title_token(tok) if len(tok) > 1 or tok.isupper() else tok.upper()
        elif not tok[0].isupper():
            return None
        out.append(tok)
    if out[-1].lower() in P.NAME_PARTICLES or out[0].lower() in P.NAME_PARTICLES:
        return None
    # "WEBER Anna": an all-caps surname written first.
    if len(tokens) == 2 and tokens[0].isupper() and len(tokens[0]) > 2 and not tokens[1].isupper():
        out = [out[1], out[0]]
    # the surname must be a real word ("A. Weber" is fine, "A. W." is not)
    if len(out[-1].rstrip(".")) < 2 or out[-1].endswith("."):
        return None
    return " ".join(out)


def _company_from_text(text: str) -> str | None:
    """A company name if ``text`` ends in (or contains) a legal form."""
    s = text.strip().strip(_QUOTES).strip()
    m = None
    for m in _LEGAL_FORM_RE.finditer(s):
        pass
    if m is None:
        return None
    name = s[: m.end()].strip(" ,")
    words = name.split()
    while words and words[0].lower() in P.NON_PERSON_WORDS | P.COMPANY_STOP_WORDS and len(words) > 2:
        words.pop(0)
    name = " ".join(words)
    return name if len(words) >= 2 else None


@lru_cache(maxsize=16384)
def parse_display_name(raw: str | None) -> tuple[str | None, str | None]:
    """Split a From display name into ``(person, company)``.

    ``"Günther John | Example GmbH"`` -> ``("Günther John", "Example GmbH")``;
    ``"Muster GmbH"`` -> ``(None, "Muster GmbH")``; ``"Anna Weber (Privat)"`` ->
    ``("Anna Weber", None)``; an address used as display name -> ``(None, None)``.
    """
    if not raw:
        return None, None
    text = " ".join(raw.split()).strip().strip(_QUOTES).strip()
    if not text or "@" in text and " " not in text:
        return None, None
    person: str | None = None
    company: str | None = None
    parts = [p for p in _DISPLAY_SPLIT_RE.split(text) if p and p.strip()]
    for part in parts if len(parts) > 1 else [text]:
        comp = _company_from_text(part)
        if comp:
            company = company or comp
            continue
        if person is None:
            person = parse_person_name(part)
    return person, company


# ==========================================================================
# Regex scanners (header/body/signature)
# ==========================================================================

_PHONE_CAND_RE = re.compile(r"\d[\d \t()./–-]{4,24}\d(?![\w@])")
_WORD_RE = re.compile(r"[^\W\d_][\w.\-]*|[☎📞📱]", re.UNICODE)
_PHONE_LABELS = frozenset(P.PHONE_LABELS) | {"☎", "📞", "📱"}
_PHONE_BLOCK = frozenset(P.PHONE_BLOCK_WORDS)
_INTL_PREFIX_RE = re.compile(r"\+\s?\d|(?<!\d)00[1-9]")


def _may_have_phone(text: str) -> bool:
    """Cheap prefilter for bodies (see ``P.PHONE_HINT_WORDS``)."""
    low = text.lower()
    if any(w in low for w in P.PHONE_HINT_WORDS):
        return True
    return ("+" in text or "00" in text) and _INTL_PREFIX_RE.search(text) is not None
_DATE_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$|^\d{4}-\d{2}-\d{2}$")
_TELEGRAM_RE = re.compile(
    r"(?i:\b(?:telegram|tg)\b)[^\n@]{0,20}@([A-Za-z][A-Za-z0-9_]{4,31})(?![\w-])|(?i:\bt\.me/)([A-Za-z][A-Za-z0-9_]{4,31})(?![\w-])"
)
_WA_LINK_RE = re.compile(r"(?i:\bwa\.me/)\+?(\d{6,15})\b")
_URL_DOMAIN_RE = re.compile(r"(?i:\b(?:https?://)?www\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)\b|(?i:\bhttps?://)([a-z0-9-]+(?:\.[a-z0-9-]+)+)")
_NON_COMPANY_DOMAINS = frozenset(
    {"linkedin.com", "xing.com", "facebook.com", "twitter.com", "x.com", "instagram.com",
     "youtube.com", "t.me", "wa.me", "google.com", "apple.com", "microsoft.com", "github.com",
     "bit.ly", "goo.gl", "tiktok.com", "example.com", "calendly.com", "zoom.us", "teams.microsoft.com"}
)
_SOCIAL_LABELS = frozenset({"linkedin", "xing", "facebook", "twitter", "instagram", "youtube", "tiktok", "wa", "t"})
_SIGNOFF_RE = re.compile(
    r"^(?:" + "|".join(re.escape(c) for c in sorted(P.CLOSING_PHRASES, key=len, reverse=True)) + r")\b\s*[,.!]*\s*(?:$|[^\W\d_])",
    re.IGNORECASE,
)


def _compile_number_patterns(patterns: Sequence[tuple[str, str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    compiled = []
    for kind, rx in patterns:
        pat = re.compile(rx, re.IGNORECASE)
        if pat.groups < 1:
            raise ValueError(f"number pattern for {kind!r} needs a capture group for the identifier")
        compiled.append((kind, pat))
    return tuple(compiled)


def _line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _phone_context(prefix: str) -> str | None:
    """``"label"``, ``"whatsapp"``, ``"block"`` or ``None`` from the words
    just before a phone candidate on its line (nearest word wins)."""
    words = _WORD_RE.findall(prefix[-40:])
    for word in reversed(words[-3:]):
        w = word.lower().strip(".-")
        if w in _PHONE_BLOCK or w.startswith("fax"):
            return "block"
        if w in ("whatsapp", "wa"):
            return "whatsapp"
        if w in _PHONE_LABELS or w.startswith(("tel", "mobil", "handy", "phone")):
            return "label"
    return None


@dataclass
class _Found:
    """Mutable accumulator while one message is processed."""

    items: list[Signal] = field(default_factory=list)
    seen: set[tuple[str, str, str]] = field(default_factory=set)

    def add(self, kind: str, value: str, source: str, evidence: str) -> None:
        key = (kind, value, source)
        if key not in self.seen:
            self.seen.add(key)
            self.items.append(Signal(kind, value, source, evidence.strip()[:200]))


def _scan_emails(text: str, source: str, found: _Found) -> None:
    if "@" not in text:
        return
    for m in _EMAIL_RE.finditer(text):
        addr = normalise_email(m.group(0))
        if addr:
            found.add("email", addr, source, m.group(0))


def _number_matches(
    text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...], label_start: re.Pattern[str] | None
) -> Iterator[tuple[str, re.Match[str]]]:
    """``(kind, match)`` for every label; with ``label_start`` the patterns are
    only tried where a label can begin (one cheap scan instead of one
    expensive scan per pattern)."""
    low = text.lower()
    if label_start is None or len(low) != len(text):  # custom patterns, or lower() moved offsets
        for kind, pat in patterns:
            for m in pat.finditer(text):
                yield kind, m
        return
    for start in label_start.finditer(low):
        if start.start() and low[start.start() - 1].isalnum():
            continue
        for kind, pat in patterns:
            m = pat.match(text, start.start())
            if m:
                yield kind, m
                break


def _scan_numbers(
    text: str,
    source: str,
    patterns: tuple[tuple[str, re.Pattern[str]], ...],
    found: _Found,
    label_start: re.Pattern[str] | None = None,
) -> list[tuple[int, int]]:
    """Business numbers; returns the claimed spans so phones skip them."""
    claimed: list[tuple[int, int]] = []
    for kind, m in _number_matches(text, patterns, label_start):
        s, e = m.span(1)
        if any(s < ce and e > cs for cs, ce in claimed):
            continue
        value = normalise_number(m.group(1))
        if sum(c.isdigit() for c in value) < 3 or len(value) < 4:
            continue
        claimed.append((s, e))
        ls, le = _line_at(text, m.start())
        found.add(kind, value, source, text[ls:le])
    return claimed


def _scan_phones(text: str, source: str, region: str, claimed: list[tuple[int, int]], found: _Found) -> None:
    """Phone candidates need a phone label, an international prefix or (in a
    signature) a line of their own; only those reach ``phonenumbers``."""
    for m in _PHONE_CAND_RE.finditer(text):
        s, e = m.span()
        # a leading "+" or "(" belongs to the number; glued to a word it is not one
        while s > 0 and text[s - 1] in "+(":
            s -= 1
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_+/.-"):
            continue
        if any(s < ce and e > cs for cs, ce in claimed):
            continue
        raw = text[s:e].strip()
        digits = sum(c.isdigit() for c in raw)
        if digits < 6 or digits > 17 or _DATE_RE.match(raw):
            continue
        ls, le = _line_at(text, s)
        prefix = text[ls:s]
        ctx = _phone_context(prefix)
        if ctx == "block":
            continue
        if ctx is None:
            international = raw.startswith(("+", "00"))
            own_line = source == "signature" and len(_WORD_RE.findall(prefix)) <= 1 and not text[e:le].strip(" .;,")
            if not (international or own_line):
                continue
            low_line = text[ls:le].lower()
            if any(b in low_line for b in ("iban", "bic", "ust", "hrb", "hra", "steuer", "konto")):
                continue
        e164 = normalise_phone(raw, region)
        if not e164:
            continue
        line = text[ls:le]
        found.add("phone", e164, source, line)
        if ctx == "whatsapp":
            found.add("messenger_id", f"whatsapp:{e164}", source, line)


def _scan_messengers(text: str, source: str, found: _Found) -> None:
    low = text.lower()
    if "telegram" in low or "t.me/" in low or "tg" in low:
        for m in _TELEGRAM_RE.finditer(text):
            handle = (m.group(1) or m.group(2)).lower()
            ls, le = _line_at(text, m.start())
            found.add("messenger_id", f"telegram:{handle}", source, text[ls:le])
    if "wa.me/" in low:
        for m in _WA_LINK_RE.finditer(text):
            e164 = normalise_phone("+" + m.group(1), "ZZ")
            if e164:
                ls, le = _line_at(text, m.start())
                found.add("messenger_id", f"whatsapp:{e164}", source, text[ls:le])
                found.add("phone", e164, source, text[ls:le])


def _scan_url_domains(text: str, source: str, found: _Found) -> None:
    if "www." not in text and "http" not in text:
        return
    for m in _URL_DOMAIN_RE.finditer(text):
        dom = _to_ascii_domain(m.group(1) or m.group(2) or "")
        if not dom:
            continue
        dom = dom.removeprefix("www.")
        if dom in _NON_COMPANY_DOMAINS or dom.split(".", 1)[0] in _SOCIAL_LABELS or is_free_mail_domain(dom):
            continue
        found.add("domain", dom, source, m.group(0))


def split_trailing_signoff(body: str) -> tuple[str, str]:
    """``(reply, signoff)``: fallback split at the last closing phrase or
    ``-- `` line near the end, used only when the caller passes no signature
    (``nlp.cleaning`` normally does this better)."""
    lines = body.rstrip().split("\n")
    lo = max(0, len(lines) - _SIGNOFF_SEARCH_LINES)
    for i in range(len(lines) - 1, lo - 1, -1):
        stripped = lines[i].strip()
        if stripped in ("--", "-- ", "—", "__") or (stripped and _SIGNOFF_RE.match(stripped) and len(stripped) <= 60):
            return "\n".join(lines[:i]), "\n".join(lines[i:])
    return body, ""


# ==========================================================================
# spaCy components
# ==========================================================================

_SPAN_KEY = "hub_signal_spans"

HubTokenizer = RegexTokenizer  # the identity pipeline's tokenizer; see nlp.tokenizer


def _variants(name: str) -> set[str]:
    """Spelling variants of a known name for phrase matching."""
    base = " ".join(name.split())
    out = {base}
    trans = base
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        trans = trans.replace(a, b)
    out.add(trans)
    parts = base.split()
    if len(parts) == 2:
        out.add(f"{parts[1]}, {parts[0]}")
    return {v for v in out if v}


class KnownNames:
    """``hub_known_names``: phrase-matches known contact and company names.

    Patterns compare on ``LOWER`` and include umlaut transliterations and the
    ``"Last, First"`` order, so ``WEBER, ANNA`` and ``Mueller`` are found.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")

    def set_names(self, persons: Iterable[str] = (), companies: Iterable[str] = ()) -> None:
        """Replace the known names (cheap enough to call on every CRM change)."""
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for label, names in (("KNOWN_PERSON", persons), ("KNOWN_COMPANY", companies)):
            docs = [self.nlp.make_doc(v) for n in names if n and n.strip() for v in _variants(n)]
            if docs:
                self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        if len(self.matcher):
            spans = self.matcher(doc, as_spans=True)
            doc.spans.setdefault(_SPAN_KEY, []).extend(filter_spans(spans))
        return doc


class Closings:
    """``hub_closings``: finds sign-off phrases ("Viele Grüße", "Cheers")."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("CLOSING", [nlp.make_doc(c) for c in P.CLOSING_PHRASES])

    def __call__(self, doc: Doc) -> Doc:
        spans = self.matcher(doc, as_spans=True)
        doc.spans.setdefault(_SPAN_KEY, []).extend(filter_spans(spans))
        return doc


class LegalForms:
    """``hub_legal_forms``: finds legal-form suffixes (GmbH, GmbH & Co. KG,
    UG (haftungsbeschränkt), e.K., Ltd, Inc, LLC ...) with a case-sensitive
    ``PhraseMatcher`` (hash lookups: far cheaper than a token ``Matcher`` with
    ~60 patterns); the company name is grown leftwards over capitalised words
    on the same line."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        strong: dict[str, Doc] = {}
        weak: dict[str, Doc] = {}
        for form in P.LEGAL_FORMS:
            target = weak if form in P.WEAK_LEGAL_FORMS else strong
            for probe, trim in ((form, 0), (f"Xy {form} xy", 1)):
                doc = nlp.make_doc(probe)
                part = doc[trim: len(doc) - trim].as_doc() if trim else doc
                target.setdefault(" ".join(t.text for t in part), part)
        self.matcher.add("FORM", list(strong.values()))
        self.matcher.add("WEAK_FORM", list(weak.values()))

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for span in filter_spans(self.matcher(doc, as_spans=True)):
            company = _grow_company(doc, span)
            if company is not None:
                found.append(company)
        if found:
            doc.spans.setdefault(_SPAN_KEY, []).extend(filter_spans(found))
        return doc


def _grow_company(doc: Doc, form: Span) -> Span | None:
    need = 2 if form.label_ == "WEAK_FORM" else 1
    i = form.start
    words = 0
    while i > 0 and form.start - i < 7:
        tok = doc[i - 1]
        text = tok.text
        if "\n" in text or tok.is_space:
            break
        low = text.lower()
        if low in P.COMPANY_CONNECTORS:
            i -= 1
            continue
        if low in P.COMPANY_STOP_WORDS or not (text[:1].isupper() or text[:1].isdigit()) or text.endswith(":"):
            break
        if not (tok.is_alpha or "-" in text or "." in text or tok.like_num or "'" in text):
            break
        words += 1
        i -= 1
    while i < form.start and doc[i].text.lower() in P.COMPANY_CONNECTORS:
        i += 1
    if words < need or i >= form.start:
        return None
    return Span(doc, i, form.end, label="COMPANY")


class SignalCollector:
    """``hub_signal_collector``: turns the spans of the app components into
    :class:`Signal` objects on ``doc._.hub_signals``.

    The doc text is laid out by :class:`SignalExtractor`: body head and tail,
    then the signature; ``doc.user_data["hub_sig_start"]`` is the character
    offset where the signature (or fallback sign-off) begins.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get("hub_text") or doc.text  # doc.text re-joins all tokens
        sig_start = int(doc.user_data.get("hub_sig_start", len(text)))
        found = _Found()
        spans = sorted(doc.spans.get(_SPAN_KEY, []), key=lambda s: (s.start_char, -s.end_char))
        name_lines: set[int] = set()
        for span in spans:
            if span.label_ == "CLOSING":
                name_line = _name_after_closing(text, span)
                if name_line is not None:
                    ls, name = name_line
                    name_lines.add(ls)
                    found.add("person_name", name, "signature", text[_line_at(text, span.start_char)[0]: _line_at(text, ls)[1]])
        # first line of a signature block without a closing ("Gina Smith\ngina@...")
        if sig_start < len(text) and not any(s.kind == "person_name" for s in found.items):
            first = _first_signature_line(text, sig_start)
            if first is not None:
                ls, line = first
                name = parse_person_name(line)
                if name:
                    name_lines.add(ls)
                    found.add("person_name", name, "signature", line)
        for span in spans:
            source = "signature" if span.start_char >= sig_start else "body"
            if span.label_ == "COMPANY":
                found.add("company_name", " ".join(span.text.split()), source, _line_text(text, span.start_char))
            elif span.label_ == "KNOWN_COMPANY":
                found.add("company_name", " ".join(span.text.split()), source, _line_text(text, span.start_char))
            elif span.label_ == "KNOWN_PERSON":
                ls = _line_at(text, span.start_char)[0]
                if source == "signature" and ls not in name_lines:
                    continue  # a colleague named in the footer is not the author
                if source == "body" and ls in name_lines:
                    source = "signature"
                name = parse_person_name(span.text) or " ".join(span.text.split())
                found.add("person_name", name, source, _line_text(text, span.start_char))
        doc._.hub_signals = Signals(tuple(found.items))
        return doc


def _line_text(text: str, pos: int) -> str:
    s, e = _line_at(text, pos)
    return text[s:e]


def _first_signature_line(text: str, sig_start: int) -> tuple[int, str] | None:
    pos = sig_start
    for _ in range(5):
        ls, le = _line_at(text, pos)
        line = text[ls:le].strip()
        if line and not re.fullmatch(r"[-_=*~—–#]+\s*", line):
            return ls, line.lstrip("-–— ")
        if le >= len(text):
            return None
        pos = le + 1
    return None


_GIVEN_NAME_RE = re.compile(r"^[^\W\d_a-zß][^\W\d_]*(?:-[^\W\d_]+)*,?$")


def _name_after_closing(text: str, span: Span) -> tuple[int, str] | None:
    """The author's name after a closing phrase, if the closing stands alone.

    ``"Viele Grüße\\nAnna Weber"`` and ``"Cheers, Anna Weber"`` give a name;
    ``"Viele Grüße\\nAnna\\n\\nAnna Weber\\nMuster GmbH"`` gives ``Anna Weber``
    because the full line repeats the first name; ``"Best price ever"`` does
    not count because the closing is not alone on its line.
    """
    ls, le = _line_at(text, span.start_char)
    before = text[ls: span.start_char].strip()
    if before and not re.fullmatch(r"[-–—>*]*", before):
        return None
    rest = text[span.end_char: le].strip(" \t,.!:;-–—")
    if rest:
        name = parse_person_name(rest)
        return (ls, name) if name else None
    pos = le + 1
    first_name: str | None = None
    seen = 0
    while pos < len(text) and seen < 3:
        ls2, le2 = _line_at(text, pos)
        line = text[ls2:le2].strip()
        pos = le2 + 1
        if not line or re.fullmatch(r"[-_=*~—–]+", line):
            continue
        seen += 1
        line = line.lstrip("-–— ")
        name = parse_person_name(line)
        if first_name is None:
            if name:
                return ls2, name
            tokens = line.split()
            if len(tokens) == 1 and _GIVEN_NAME_RE.match(tokens[0]) and tokens[0].lower() not in P.NON_PERSON_WORDS:
                first_name = tokens[0].rstrip(",").lower()
                continue
            return None
        if name and name.split()[0].lower() == first_name:
            return ls2, name
        return None
    return None


@Language.factory("hub_known_names")
def _make_known_names(nlp: Language, name: str) -> KnownNames:
    return KnownNames(nlp, name)


@Language.factory("hub_closings")
def _make_closings(nlp: Language, name: str) -> Closings:
    return Closings(nlp, name)


@Language.factory("hub_legal_forms")
def _make_legal_forms(nlp: Language, name: str) -> LegalForms:
    return LegalForms(nlp, name)


@Language.factory("hub_signal_collector")
def _make_collector(nlp: Language, name: str) -> SignalCollector:
    return SignalCollector(nlp, name)


def build_pipeline(lang: str = "de", known_names: Iterable[str] = (), known_companies: Iterable[str] = ()) -> Language:
    """A blank ``lang`` pipeline with the identity components.

    Build it once and reuse it; to change the known names later call
    ``nlp.get_pipe("hub_known_names").set_names(...)`` (what
    :meth:`SignalExtractor.set_known` does) instead of rebuilding.
    """
    try:
        nlp = spacy.blank(lang)
    except Exception:  # noqa: BLE001 - unknown language code: multi-language tokenizer
        nlp = spacy.blank("xx")
    nlp.tokenizer = HubTokenizer(nlp.vocab)
    nlp.add_pipe("hub_closings")
    nlp.add_pipe("hub_legal_forms")
    known = nlp.add_pipe("hub_known_names")
    known.set_names(known_names, known_companies)
    nlp.add_pipe("hub_signal_collector")
    return nlp


# ==========================================================================
# Extractor
# ==========================================================================


@dataclass
class _Prepared:
    """Regex results and the small spaCy text for one message."""

    found: _Found
    doc_text: str
    sig_start: int
    lang: str


class SignalExtractor:
    """Extracts :class:`Signals` from messages; reuse one instance.

    ``number_patterns`` are ``(kind, regex)`` pairs with the identifier in
    group 1 (defaults: :data:`nlp.signal_patterns.DEFAULT_NUMBER_PATTERNS`);
    ``known_names``/``known_companies`` feed the phrase matcher.
    """

    def __init__(
        self,
        default_region: str = "DE",
        number_patterns: Sequence[tuple[str, str]] | None = None,
        known_names: Iterable[str] = (),
        known_companies: Iterable[str] = (),
    ) -> None:
        self.default_region = default_region.upper()
        self._patterns = _compile_number_patterns(
            P.DEFAULT_NUMBER_PATTERNS if number_patterns is None else number_patterns
        )
        self._label_start = re.compile(P.DEFAULT_NUMBER_LABEL_START) if number_patterns is None else None
        self._known_names = tuple(known_names)
        self._known_companies = tuple(known_companies)
        self._pipelines: dict[str, Language] = {}

    # -- pipelines ---------------------------------------------------------

    def pipeline(self, lang: str = "de") -> Language:
        """The (cached) pipeline for ``lang``; ``de``/``en`` get their own
        tokenizers, anything else falls back to the German one."""
        key = lang if lang in ("de", "en") else "de"
        nlp = self._pipelines.get(key)
        if nlp is None:
            nlp = build_pipeline(key, self._known_names, self._known_companies)
            self._pipelines[key] = nlp
        return nlp

    def set_known(self, known_names: Iterable[str] = (), known_companies: Iterable[str] = ()) -> None:
        """Replace the known contact/company names in all built pipelines."""
        self._known_names = tuple(known_names)
        self._known_companies = tuple(known_companies)
        for nlp in self._pipelines.values():
            nlp.get_pipe("hub_known_names").set_names(self._known_names, self._known_companies)

    # -- extraction --------------------------------------------------------

    def _prepare(self, from_name: str | None, from_address: str | None, body: str, signature: str, lang: str) -> _Prepared:
        found = _Found()
        # header (tolerate a whole "Name <addr>" header in from_address)
        if from_address and "<" in from_address:
            parsed_name, parsed_addr = parseaddr(from_address)
            from_address = parsed_addr or from_address
            from_name = from_name or parsed_name or None
        if from_address:
            addr = normalise_email(from_address)
            if addr:
                found.add("email", addr, "from_header", from_address)
                dom = email_domain(addr)
                if not is_free_mail_domain(dom):
                    found.add("domain", dom, "from_header", from_address)
        person, company = parse_display_name(from_name)
        if person:
            found.add("person_name", person, "display_name", from_name or "")
        if company:
            found.add("company_name", company, "display_name", from_name or "")
        if from_name and "@" in from_name:
            _scan_emails(from_name, "display_name", found)

        body = (body or "")[:_MAX_BODY_CHARS].replace("\r\n", "\n")
        signature = (signature or "").replace("\r\n", "\n")
        if not signature.strip():
            body, signature = split_trailing_signoff(body)

        for text, source in ((signature, "signature"), (body, "body")):
            if not text:
                continue
            _scan_emails(text, source, found)
            claimed = _scan_numbers(text, source, self._patterns, found, self._label_start)
            if source == "signature" or _may_have_phone(text):
                _scan_phones(text, source, self.default_region, claimed, found)
            _scan_messengers(text, source, found)
        _scan_url_domains(signature, "signature", found)

        # spaCy sees only where names live: the sign-off (body tail +
        # signature head) and, if known names are configured, the first lines.
        lines = body.rstrip().split("\n")
        head = lines[:_HEAD_LINES] if self._known_names or self._known_companies else []
        # long lines are prose, never a closing or a name line: blank them
        tail = [ln if len(ln) <= _MAX_NAME_LINE else "" for ln in lines[max(len(head), len(lines) - _TAIL_LINES):]]
        doc_text = "\n".join(head + tail)[-1500:] + "\n\n"
        sig_start = len(doc_text)
        doc_text += "\n".join(signature.split("\n", _SIG_LINES)[:_SIG_LINES])[:1500]
        return _Prepared(found, doc_text, sig_start, lang)

    def _finish(self, prep: _Prepared, doc: Doc) -> Signals:
        found = prep.found
        spacy_signals: Signals = doc._.hub_signals or Signals()
        for s in spacy_signals.items:
            found.add(s.kind, s.value, s.source, s.evidence)
        signals = Signals(tuple(_ordered(found.items)))
        doc._.hub_signals = signals
        return signals

    def _make_doc(self, prep: _Prepared) -> tuple[Language, Doc]:
        nlp = self.pipeline(prep.lang)
        doc = nlp.make_doc(prep.doc_text)
        doc.user_data["hub_sig_start"] = prep.sig_start
        doc.user_data["hub_text"] = prep.doc_text
        return nlp, doc

    def extract_doc(
        self, *, from_name: str | None, from_address: str | None, body: str, signature: str = "", lang: str = "de"
    ) -> Doc:
        """Like :meth:`extract` but returns the ``Doc`` (signals on ``doc._.hub_signals``)."""
        prep = self._prepare(from_name, from_address, body, signature, lang)
        nlp, doc = self._make_doc(prep)
        doc = nlp(doc)
        self._finish(prep, doc)
        return doc

    def extract(
        self, *, from_name: str | None, from_address: str | None, body: str, signature: str = "", lang: str = "de"
    ) -> Signals:
        """Signals of one message.  ``body`` should be the reply text without
        quoted history; ``signature`` the signature block if known."""
        return self.extract_doc(
            from_name=from_name, from_address=from_address, body=body, signature=signature, lang=lang
        )._.hub_signals

    def extract_many(self, items: Sequence[dict], batch_size: int = 256) -> list[Signals]:
        """Batch version of :meth:`extract` (``items`` are its keyword
        arguments as dicts); uses ``nlp.pipe`` per language, keeps order."""
        preps = [
            self._prepare(
                it.get("from_name"), it.get("from_address"), it.get("body") or "", it.get("signature") or "",
                it.get("lang") or "de",
            )
            for it in items
        ]
        out: list[Signals | None] = [None] * len(preps)
        by_lang: dict[str, list[int]] = {}
        for i, prep in enumerate(preps):
            by_lang.setdefault(prep.lang if prep.lang in ("de", "en") else "de", []).append(i)
        for lang, idxs in by_lang.items():
            nlp = self.pipeline(lang)
            docs = []
            for i in idxs:
                docs.append(self._make_doc(preps[i])[1])
            for i, doc in zip(idxs, nlp.pipe(docs, batch_size=batch_size)):
                out[i] = self._finish(preps[i], doc)
        return [s if s is not None else Signals() for s in out]


_SOURCE_ORDER = {s: i for i, s in enumerate(SOURCES)}


def _ordered(items: list[Signal]) -> list[Signal]:
    """Stable order: header first, then display name, signature, body."""
    return sorted(items, key=lambda s: _SOURCE_ORDER.get(s.source, 9))
