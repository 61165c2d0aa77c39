"""Explainable contact matching: which known contact wrote this message?

Pure functions over :class:`nlp.signals.Signals` and candidate contacts (the
caller loads candidates from the database: contacts sharing any identity,
name or company domain with the message).  No I/O.

Why not just "exact sender address"?  People write from new addresses, from
shared family mailboxes, from their company's ``info@`` inbox.  We weigh every
piece of evidence, combine them like independent witnesses (noisy-OR), and
only *auto-match* when the evidence is decisive.  Everything else becomes a
*suggestion* for a human, never a silent merge.

Evidence weights are chosen so that:

* an exact, personal, unshared sender address alone is decisive;
* any single non-address clue (signature phone, customer number, name) is not:
  it takes two independent clues, e.g. signature phone + matching name;
* a shared/family or role address needs a confirming name or identifier;
* a name that contradicts the candidate (same surname, other first name)
  vetoes an auto-match, even on an exact address;
* if two different contacts each reach the match threshold we refuse to
  choose (conflict -> suggested with both).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from nlp.signals import (
    Signals,
    email_base,
    is_free_mail_domain,
    is_role_address,
    normalise_email,
    normalise_number,
    parse_person_name,
)
from nlp import signal_patterns as P

__all__ = [
    "KnownIdentity",
    "ContactCandidate",
    "ScoredCandidate",
    "MatchDecision",
    "score_candidates",
    "name_relation",
    "MATCH_THRESHOLD",
    "SUGGEST_THRESHOLD",
    "WEIGHTS",
]

MATCH_THRESHOLD = 0.8
SUGGEST_THRESHOLD = 0.25

#: Evidence weights (probability-like; combined by noisy-OR).
WEIGHTS: dict[str, float] = {
    "email_exact": 0.97,
    "email_plus": 0.93,
    "email_shared": 0.6,
    "email_role": 0.6,
    "phone_signature": 0.65,
    "phone_body": 0.45,
    "phone_shared": 0.6,  # e.g. a couple's landline: a name must pick one
    "messenger": 0.65,
    "number_strong": 0.6,  # customer / contract number
    "number_weak": 0.45,  # order / invoice number
    "number_shared": 0.5,
    "name_full": 0.55,
    "name_initial": 0.5,
    "name_partial": 0.25,
    "domain": 0.3,
    "company": 0.25,
}
#: Score factors for names that contradict the candidate.
PENALTY_SAME_SURNAME = 0.6  # "Peter Müller" on Anna Müller's evidence: family member
PENALTY_OTHER_NAME = 0.6  # a different person on non-address evidence
PENALTY_OTHER_NAME_EXACT_EMAIL = 0.9  # display names on own addresses are often odd

#: Evidence families that point at the organisation, not at the person.
_ORG_FAMILIES = frozenset({"domain", "company"})
_NUMBER_KINDS = ("customer_number", "contract_number", "order_number", "invoice_number")
_STRONG_NUMBER_KINDS = ("customer_number", "contract_number")
_KIND_LABEL = {
    "customer_number": "customer number",
    "contract_number": "contract number",
    "order_number": "order number",
    "invoice_number": "invoice number",
    "phone": "phone",
    "messenger_id": "messenger id",
    "email": "email",
}


@dataclass(frozen=True)
class KnownIdentity:
    """A normalised identity of a known contact (``kind`` as in signals:
    ``email``, ``phone`` (E.164), ``customer_number``, ``messenger_id`` ...)."""

    kind: str
    value: str


@dataclass(frozen=True)
class ContactCandidate:
    """A known contact that might have written the message."""

    contact_id: int
    display_name: str
    identities: tuple[KnownIdentity, ...]
    company_name: str | None = None
    company_domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoredCandidate:
    """A candidate with its combined score and the human-readable reasons."""

    contact_id: int
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MatchDecision:
    """``matched`` (auto-assign to ``contact_id``), ``suggested`` (a human
    decides among ``candidates``) or ``new_contact``."""

    outcome: str
    contact_id: int | None
    score: float
    reason: str
    candidates: tuple[ScoredCandidate, ...]


# ==========================================================================
# Names
# ==========================================================================

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa",
                           "ı": "i", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "œ": "oe"})


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _folds(token: str) -> frozenset[str]:
    """Spellings a token may be written in: ``Müller`` ~ ``Mueller`` ~ ``Muller``."""
    low = token.lower().strip(".").replace("'", "").replace("’", "")
    a = _strip_accents(low.translate(_TRANSLIT))
    b = _strip_accents(low.replace("ß", "ss").replace("ı", "i").replace("ł", "l"))
    return frozenset({a, b, a.replace("-", ""), b.replace("-", "")})


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    """Name tokens in "given ... surname" order, titles and particles removed."""
    canon = parse_person_name(name)
    if canon is None:
        raw = name.strip()
        if "," in raw:
            last, _, first = raw.partition(",")
            raw = f"{first} {last}"
        canon = raw
    toks = [t for t in re.split(r"\s+", canon) if t]
    toks = [t for t in toks if t.lower().strip(".") not in P.NAME_TITLES and t.lower() not in P.NAME_PARTICLES]
    return tuple(toks)


def _same(a: str, b: str) -> bool:
    return bool(_folds(a) & _folds(b))


def _given_same(a: str, b: str) -> bool:
    """Given names agree; ``Hans`` also agrees with ``Hans-Peter`` (shortened),
    but ``Hans-Peter`` does not agree with ``Hans-Jürgen``."""
    if _same(a, b):
        return True
    if ("-" in a) != ("-" in b):
        hyph, plain = (a, b) if "-" in a else (b, a)
        return _same(hyph.split("-", 1)[0], plain)
    return False


def _initial_of(initial: str, full: str) -> bool:
    i = initial.rstrip(".")
    return len(i) == 1 and full[:1].lower() == i.lower()


@lru_cache(maxsize=65536)
def name_relation(written: str, known: str) -> str:
    """How a written name relates to a contact's name.

    ``"full"`` (given name and surname agree; order, case, titles, umlaut
    spelling and middle names tolerated), ``"initial"`` (``A. Weber``),
    ``"partial"`` (the contact is stored with one name only and it occurs),
    ``"same_surname"`` (other given name: a different person, e.g. family),
    ``"other"`` (a different name) or ``"unknown"`` (nothing to compare).
    """
    w, k = _name_tokens(written), _name_tokens(known)
    if not w or not k:
        return "unknown"
    if len(k) == 1 or len(w) == 1:
        short, long_ = (k, w) if len(k) == 1 else (w, k)
        return "partial" if any(_same(short[0], t) for t in long_) else "other"
    if _same(w[-1], k[-1]) or _same(w[-1], k[-1].split("-")[-1]) or _same(w[-1].split("-")[-1], k[-1]):
        if _given_same(w[0], k[0]):
            return "full"
        if _initial_of(w[0], k[0]) or _initial_of(k[0], w[0]):
            return "initial"
        return "same_surname"
    if _same(w[0], k[-1]) and _same(w[-1], k[0]):
        return "full"  # "Weber Anna" stored without a comma
    return "other"


_FOLDED_FORMS = tuple(
    sorted({_strip_accents(f.lower().translate(_TRANSLIT)) for f in P.LEGAL_FORMS}, key=len, reverse=True)
)


@lru_cache(maxsize=16384)
def _company_key(name: str) -> str:
    """Company name without legal form, for comparison."""
    s = _strip_accents(name.lower().translate(_TRANSLIT))
    for f in _FOLDED_FORMS:
        if s.endswith(" " + f):
            s = s[: -len(f) - 1]
            break
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _domain_matches(domain: str, company_domains: Iterable[str]) -> str | None:
    for cd in company_domains:
        cd = cd.lower().strip().removeprefix("www.")
        if cd and not is_free_mail_domain(cd) and (domain == cd or domain.endswith("." + cd)):
            return cd
    return None


# ==========================================================================
# Scoring
# ==========================================================================


def _number_equal(written: str, known: str) -> bool:
    a, b = normalise_number(written), normalise_number(known)
    if a == b:
        return True
    a2, b2 = re.sub(r"[^0-9A-Z]", "", a), re.sub(r"[^0-9A-Z]", "", b)
    if a2 == b2:
        return True
    da, db = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    # "48213" written for a stored "KD-48213" (or vice versa)
    return len(da) >= 5 and da == db and (a2.isdigit() or b2.isdigit())


@lru_cache(maxsize=65536)
def _normalise_known(identity: KnownIdentity) -> str:
    v = identity.value.strip()
    if identity.kind == "email":
        return normalise_email(v) or v.lower()
    if identity.kind == "messenger_id":
        net, _, handle = v.lower().partition(":")
        return f"{net}:{handle.lstrip('@')}" if handle else v.lower()
    if identity.kind == "phone":
        return v.replace(" ", "")
    return v


class _Index:
    """Which candidates own which identity, to spot shared identities."""

    def __init__(self, candidates: Sequence[ContactCandidate]) -> None:
        self.owners: dict[tuple[str, str], set[int]] = {}
        self.base_owners: dict[str, set[int]] = {}
        for c in candidates:
            for ident in c.identities:
                key = (ident.kind, _normalise_known(ident))
                self.owners.setdefault(key, set()).add(c.contact_id)
                if ident.kind == "email":
                    self.base_owners.setdefault(email_base(key[1]), set()).add(c.contact_id)

    def count(self, kind: str, value: str) -> int:
        return len(self.owners.get((kind, value), ()))


def _noisy_or(weights: Iterable[float]) -> float:
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return 1.0 - miss


def _score_one(
    signals: Signals, cand: ContactCandidate, index: _Index, names: dict[int, str]
) -> tuple[ScoredCandidate, float]:
    """Evidence for one candidate: weights per evidence family (max within a
    family, so a phone seen twice does not count twice), then penalties."""
    who = cand.display_name or f"contact {cand.contact_id}"
    fam: dict[str, tuple[float, str]] = {}

    def add(family: str, weight: float, reason: str) -> None:
        if weight > fam.get(family, (0.0, ""))[0]:
            fam[family] = (weight, reason)

    known = {(i.kind, _normalise_known(i)) for i in cand.identities}
    known_emails = {v for k, v in known if k == "email"}
    sender = signals.sender_email
    exact_email = False

    # -- sender address -----------------------------------------------------
    if sender:
        role = is_role_address(sender)
        if sender in known_emails or email_base(sender) in {email_base(e) for e in known_emails}:
            plus = sender not in known_emails
            owners = index.count("email", sender) if not plus else len(index.base_owners.get(email_base(sender), ()))
            if owners > 1:
                others = sorted(names[o] for o in index.owners.get(("email", sender), index.base_owners.get(email_base(sender), set())) if o != cand.contact_id)
                add("email", WEIGHTS["email_shared"], f"sender address {sender} is shared with {', '.join(others)} (not decisive alone)")
            elif role:
                add("email", WEIGHTS["email_role"], f"sender address {sender} = email of {who}, but it is a role mailbox (not a person)")
            elif plus:
                add("email", WEIGHTS["email_plus"], f"sender address {sender} = email of {who} (same mailbox, other +tag)")
                exact_email = True
            else:
                add("email", WEIGHTS["email_exact"], f"sender address {sender} = email of {who}")
                exact_email = True

    # -- phones, messenger ids, business numbers -----------------------------
    for sig in signals.of_kind("phone"):
        if ("phone", sig.value) in known:
            shared = index.count("phone", sig.value) > 1
            if shared:
                w, extra = WEIGHTS["phone_shared"], " (shared with another contact)"
            elif sig.source == "signature":
                w, extra = WEIGHTS["phone_signature"], ""
            else:
                w, extra = WEIGHTS["phone_body"], ""
            add("phone", w, f"phone {sig.value} in {sig.source} = phone of {who}{extra}")
    for sig in signals.of_kind("messenger_id"):
        if ("messenger_id", sig.value) in known:
            add("messenger", WEIGHTS["messenger"], f"messenger id {sig.value} in {sig.source} = messenger id of {who}")
    for sig in signals.numbers():
        for kind, value in known:
            if kind == sig.kind and _number_equal(sig.value, value):
                shared = index.count(kind, value) > 1
                w = WEIGHTS["number_shared"] if shared else (
                    WEIGHTS["number_strong"] if kind in _STRONG_NUMBER_KINDS else WEIGHTS["number_weak"])
                extra = " (shared with another contact)" if shared else ""
                add(kind, w, f"{_KIND_LABEL[kind]} {sig.value} in {sig.source} = {_KIND_LABEL[kind]} of {who}{extra}")

    # -- names --------------------------------------------------------------
    relations = []
    for sig in signals.of_kind("person_name", "display_name", "signature"):
        rel = name_relation(sig.value, cand.display_name)
        relations.append((rel, sig))
        label = "display name" if sig.source == "display_name" else "signature name"
        if rel == "full":
            add("name", WEIGHTS["name_full"], f'{label} "{sig.value}" matches')
        elif rel == "initial":
            add("name", WEIGHTS["name_initial"], f'{label} "{sig.value}" matches by initial')
        elif rel == "partial":
            add("name", WEIGHTS["name_partial"], f'{label} "{sig.value}" partly matches "{cand.display_name}"')

    # -- organisation -------------------------------------------------------
    for sig in signals.of_kind("domain", "from_header", "signature"):
        cd = _domain_matches(sig.value, cand.company_domains)
        if cd:
            where = "sender domain" if sig.source == "from_header" else "signature web address"
            org = cand.company_name or cd
            add("domain", WEIGHTS["domain"], f"{where} {sig.value} = domain of {org}")
    if cand.company_name:
        ck = _company_key(cand.company_name)
        for sig in signals.of_kind("company_name", "display_name", "signature"):
            if ck and _company_key(sig.value) == ck:
                add("company", WEIGHTS["company"], f'company "{sig.value}" in {sig.source.replace("_", " ")} = company of {who}')

    person = _noisy_or(w for f, (w, _) in fam.items() if f not in _ORG_FAMILIES)
    org = _noisy_or(w for f, (w, _) in fam.items() if f in _ORG_FAMILIES)
    reasons = [r for _, r in sorted(fam.values(), key=lambda x: -x[0])]

    # -- contradicting names: they discount the evidence that this *person*
    # wrote (address, phone, numbers), not that the writer is from the company.
    unpenalised = _noisy_or((person, org))
    rels = {r for r, _ in relations}
    if person > 0 and relations and not rels & {"full", "initial", "partial"}:
        rel, sig = next(((r, s) for r, s in relations if r == "same_surname"), relations[0])
        label = "display name" if sig.source == "display_name" else "signature name"
        if rel == "same_surname":
            person *= PENALTY_SAME_SURNAME
            reasons.append(f'but {label} "{sig.value}" is another person with the same surname as {who}')
        elif rel == "other":
            person *= PENALTY_OTHER_NAME_EXACT_EMAIL if exact_email else PENALTY_OTHER_NAME
            reasons.append(f'but {label} "{sig.value}" differs from "{who}"')
    score = _noisy_or((person, org))
    return ScoredCandidate(cand.contact_id, round(score, 4), tuple(reasons)), unpenalised


def score_candidates(
    signals: Signals,
    candidates: Sequence[ContactCandidate],
    *,
    match_threshold: float = MATCH_THRESHOLD,
    suggest_threshold: float = SUGGEST_THRESHOLD,
) -> MatchDecision:
    """Decide whether ``signals`` identify one of ``candidates``.

    ``matched`` only when exactly one candidate reaches ``match_threshold``;
    two or more -> ``suggested`` (conflict, never auto-merge); a best score
    between the thresholds -> ``suggested``; below -> ``new_contact``.
    ``candidates`` in the decision are those with any evidence, best first.
    """
    index = _Index(candidates)
    names = {c.contact_id: (c.display_name or f"contact {c.contact_id}") for c in candidates}
    results = [_score_one(signals, c, index, names) for c in candidates]
    # strong *before* name penalties: an exact address of A contradicted by a
    # signature of B is a conflict, not a match for B.
    strong_ids = {s.contact_id for s, raw in results if raw >= match_threshold}
    scored = sorted((s for s, _ in results if s.score > 0), key=lambda s: (-s.score, s.contact_id))
    strong = [s for s in scored if s.score >= match_threshold]
    if len(strong) == 1 and strong_ids - {strong[0].contact_id}:
        strong += [s for s in scored if s.contact_id in strong_ids - {strong[0].contact_id}]
    if len(strong) == 1:
        top = strong[0]
        return MatchDecision("matched", top.contact_id, top.score, "; ".join(top.reasons), tuple(scored))
    if len(strong) > 1:
        parts = [f"{names[s.contact_id]} ({'; '.join(s.reasons)})" for s in strong]
        reason = "conflict: strong evidence for different contacts: " + " vs ".join(parts)
        return MatchDecision("suggested", None, strong[0].score, reason, tuple(scored))
    hopeful = [s for s in scored if s.score >= suggest_threshold]
    if hopeful:
        top = hopeful[0]
        lead = "no decisive evidence"
        if len(hopeful) > 1 and hopeful[1].score == top.score:
            lead = "ambiguous: equally good candidates " + ", ".join(names[s.contact_id] for s in hopeful if s.score == top.score)
        reason = f"{lead}; best: {names[top.contact_id]}: " + "; ".join(top.reasons)
        return MatchDecision("suggested", None, top.score, reason, tuple(scored))
    if scored:
        reason = "only weak evidence: " + "; ".join(scored[0].reasons)
        return MatchDecision("new_contact", None, scored[0].score, reason, tuple(scored))
    return MatchDecision("new_contact", None, 0.0, "no known identity, name or company domain matches", ())
