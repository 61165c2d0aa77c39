"""spaCy building blocks of the hub tagging pipeline (all names ``hub_``/``hub.``).

Pipeline (built in :mod:`nlp.training`)::

    tokenizer -> textcat_multilabel (architecture hub.TextCatBOW.v1)
              -> hub_complaint_rules (PhraseMatcher + Matcher, no training)
              -> hub_decide (intent / complaint / severity + reasons)

Why a custom bag-of-words architecture instead of ``spacy.TextCatBOW.v3``:
the stock one hashes the case-sensitive ``ORTH`` of each token, so
"Rechnung", "rechnung", "Rechnungen" and "rechnungen" are four unrelated
features.  With a few thousand authored examples that wastes most of the
signal.  ``hub.TextCatBOW.v1`` hashes a folded, lightly stemmed form (and
its bigrams) plus the full folded word and a suffix for long German
compounds ("Stromrechnung" shares "echnung" with "Rechnung").  It is still a
linear model over sparse features, so it is fast and each feature's weight
is a direct, honest explanation.

Importing this module registers everything; it does no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.ml.models.textcat import resize_linear_weighted

import nlp.tokenizer  # noqa: F401  (registers hub.RegexTokenizer.v1 before any model loads)
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable, with_cpu

INTENTS: tuple[str, ...] = (
    "order_status",
    "cancellation",
    "billing_payment",
    "refund_return",
    "technical_problem",
    "account_data_change",
    "product_question",
    "appointment_callback",
    "feedback_praise",
    "other",
)
INTENT_PREFIX = "intent:"
COMPLAINT_LABEL = "complaint"
TEXTCAT_LABELS: tuple[str, ...] = tuple(INTENT_PREFIX + i for i in INTENTS) + (COMPLAINT_LABEL,)
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

# --------------------------------------------------------------------------
# Doc extensions: the pipeline's results live here.
# --------------------------------------------------------------------------
_EXTENSIONS: dict[str, Any] = {
    "hub_lang": None,
    "hub_triggers": None,  # list[tuple[category, matched text]]
    "hub_intent": None,
    "hub_intent_score": 0.0,
    "hub_intent_reason": "",
    "hub_complaint": False,
    "hub_complaint_score": 0.0,
    "hub_complaint_reason": "",
    "hub_severity": None,
    "hub_severity_reason": "",
}
for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

# --------------------------------------------------------------------------
# Featurizer
# --------------------------------------------------------------------------
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "’": "'"})
_SUFFIXES = ("ungen", "ing", "en", "er", "es", "ed", "e", "n", "s", "t")
_STEM_LEN = 7
_COMPOUND_MIN = 10
_COMPOUND_SUFFIX = 7
_PREFIX_MIN = 7
_PREFIX_LEN = 5
_NUM_RE = re.compile(r"\d")


def fold(word: str) -> str:
    """Lower-case and fold umlauts so 'Kündigung' == 'kuendigung' (a common typo)."""
    return word.lower().translate(_FOLD)


def stem(folded: str) -> str:
    """Crude stem: drop one inflection suffix, cap the length.

    Cheap and language-agnostic enough for de+en: 'rechnungen'->'rechnun',
    'cancelled'->'cancell', 'kuendigen'->'kuendig'.  Numbers collapse to a
    shape so order numbers do not become features.
    """
    if _NUM_RE.search(folded):
        return "#num"
    for suf in _SUFFIXES:
        if len(folded) - len(suf) >= 4 and folded.endswith(suf):
            folded = folded[: -len(suf)]
            break
    return folded[:_STEM_LEN]


# Per-process cache word -> (stem key, extra keys).  Bounded: cleared when
# it grows past the limit so a long-running worker cannot leak memory.
_FEATURE_CACHE: dict[str, tuple[int, tuple[int, ...]]] = {}
_FEATURE_CACHE_MAX = 200_000
_HASH_MASK = (1 << 63) - 1


def _h(s: str) -> int:
    # Python's str hash is salted per process; we need stable keys across
    # processes (train vs. serve), so use a fixed FNV-1a 64-bit hash.
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h & _HASH_MASK


def word_features(word: str) -> tuple[int, tuple[int, ...]]:
    """Stable hashed features of one token: (stem key, other unigram keys)."""
    hit = _FEATURE_CACHE.get(word)
    if hit is not None:
        return hit
    f = fold(word)
    s = stem(f)
    extra: list[int] = []
    if s != f and s != "#num":
        extra.append(_h("w:" + f))
    if len(f) >= _COMPOUND_MIN and f.isalpha():
        extra.append(_h("c:" + f[-_COMPOUND_SUFFIX:]))
    if len(f) >= _PREFIX_MIN and f.isalpha():
        # Word-family key: 'verify', 'verified', 'verification' share 'verif'.
        extra.append(_h("p:" + f[:_PREFIX_LEN]))
    result = (_h("s:" + s), tuple(extra))
    if len(_FEATURE_CACHE) >= _FEATURE_CACHE_MAX:
        _FEATURE_CACHE.clear()
    _FEATURE_CACHE[word] = result
    return result


# ORTH id -> (stem key, extra keys, explainable) or None for whitespace.
# ORTH ids are hashes of the token text, so this is the same mapping as
# word_features, but it lets us walk a numpy array instead of creating a
# Python Token object per token (the dominant cost otherwise).
_ORTH_CACHE: dict[int, tuple[int, tuple[int, ...], bool] | None] = {}


def _orth_features(doc: Doc, orth: int) -> tuple[int, tuple[int, ...], bool] | None:
    hit = _ORTH_CACHE.get(orth, _MISSING)
    if hit is not _MISSING:
        return hit  # type: ignore[return-value]
    text = doc.vocab.strings[orth]
    if text.isspace():
        entry = None
    else:
        s, ex = word_features(text)
        # Punctuation and numbers are features but poor explanations.
        entry = (s, ex, any(ch.isalpha() for ch in text) and not _NUM_RE.search(text))
    if len(_ORTH_CACHE) >= _FEATURE_CACHE_MAX:
        _ORTH_CACHE.clear()
    _ORTH_CACHE[orth] = entry
    return entry


_MISSING = object()


def doc_keys(doc: Doc) -> numpy.ndarray:
    """All feature keys of a doc (uint64, unique): stems, stem bigrams, extras."""
    stems: list[int] = []
    extras: list[int] = []
    cache = _ORTH_CACHE  # inlined cache probe: this loop runs once per token
    for orth in doc.to_array(ORTH).tolist():
        f = cache.get(orth, _MISSING)
        if f is _MISSING:
            f = _orth_features(doc, orth)
        if f is None:
            continue
        stems.append(f[0])
        if f[1]:
            extras.extend(f[1])
    if not stems:
        return numpy.zeros((0,), dtype="uint64")
    arr = numpy.asarray(stems, dtype="uint64")
    parts = [arr]
    if len(arr) > 1:
        # Bigram key: order-sensitive mix of neighbours (no Python loop).
        parts.append(arr[:-1] * numpy.uint64(1000003) ^ (arr[1:] >> numpy.uint64(1)))
    if extras:
        parts.append(numpy.asarray(extras, dtype="uint64"))
    return numpy.unique(numpy.concatenate(parts))


def _extract_forward(model: Model, docs: list[Doc], is_train: bool):
    batch_keys = [doc_keys(doc) for doc in docs]
    lengths = numpy.asarray([len(k) for k in batch_keys], dtype="int32")
    keys = numpy.concatenate(batch_keys) if batch_keys else numpy.zeros((0,), dtype="uint64")
    # Binary presence, scaled down for long texts so a pasted 2-page letter
    # does not get logits ten times larger than a one-line chat message.
    vals = numpy.ones((len(keys),), dtype="f")
    if len(keys):
        scale = numpy.repeat(numpy.minimum(1.0, 6.0 / numpy.sqrt(numpy.maximum(lengths, 1))), lengths)
        vals *= scale.astype("f")

    def backprop(dY):
        return []

    return (keys, vals, lengths), backprop


def hub_extract() -> Model:
    return Model("hub_extract", _extract_forward)


@registry.architectures("hub.TextCatBOW.v1")
def build_hub_bow(
    exclusive_classes: bool = False, length: int = 65536, nO: int | None = None
) -> Model:
    """Linear bag-of-features text classifier over :func:`doc_keys`."""
    length = 2 ** (length - 1).bit_length()
    sparse = SparseLinear_v2(nO=nO, length=length)
    layer = resizable(
        sparse, resize_layer=partial(resize_linear_weighted, fill_defaults={"b": -1.0, "W": 0.0})
    )
    model = chain(hub_extract(), layer, Logistic())
    model = with_cpu(model, model.ops)
    model.set_ref("output_layer", sparse)
    model.attrs["multi_label"] = not exclusive_classes
    return model


# --------------------------------------------------------------------------
# Complaint rules
# --------------------------------------------------------------------------
# Category -> phrases (matched case-insensitively on the token LOWER attr).
# Inflected German forms are listed explicitly: a PhraseMatcher lookup is a
# hash probe, far cheaper than regexes on every token.
HIGH_CATEGORIES = ("legal", "cancel_threat", "repeat_contact", "public_escalation")
MEDIUM_CATEGORIES = ("anger", "urgency")

TRIGGER_PHRASES: dict[str, list[str]] = {
    "legal": [
        "anwalt", "anwalts", "anwältin", "rechtsanwalt", "rechtsanwältin", "rechtsanwalts",
        "meinen anwalt", "anwaltlich", "anwälte", "verbraucherzentrale", "bundesnetzagentur",
        "schlichtungsstelle", "schlichtung", "ombudsmann", "klage", "klagen", "verklagen",
        "einklagen", "klage ich", "gericht", "gerichtlich", "rechtliche schritte",
        "rechtlich dagegen vor", "rechtlich vorgehen", "mahnverfahren", "strafanzeige",
        "anzeige erstatten", "lawyer", "lawyers", "attorney", "solicitor", "sue", "suing",
        "legal action", "court", "small claims", "ombudsman", "consumer protection",
        "trading standards", "better business bureau", "bbb", "cfpb", "ofcom", "ofgem",
        "legal steps", "legal proceedings", "chargeback",
    ],
    "cancel_threat": [
        "anbieter wechseln", "anbieterwechsel", "anbieter zu wechseln", "sonst kündige",
        "dann kündige", "kündige ich fristlos", "fristlos kündigen", "fristlos", "bin ich weg",
        "vertrag kündigen, wenn", "kündigen, wenn", "switch provider", "switching provider",
        "switch providers", "change provider", "take my business elsewhere",
        "i'm cancelling", "i am cancelling", "i'll cancel", "i will cancel",
        "close my account if", "cancel my contract", "i'm leaving", "i'm taking my business",
        "i'm cancelling.", "cancel everything", "kündige alles", "ich kündige",
    ],
    "repeat_contact": [
        "zum dritten mal", "zum vierten mal", "zum fünften mal", "zum x-ten mal",
        "zum xten mal", "zum wiederholten mal", "zum zweiten mal", "schon mehrfach",
        "bereits mehrfach", "mehrfach gemeldet", "mehrmals", "wiederholt",
        "wie oft muss", "immer noch keine antwort", "keine antwort", "meine vierte mail",
        "meine dritte mail", "x-mal", "third time", "fourth time", "fifth time",
        "second time", "umpteenth time", "several times", "multiple times",
        "many times", "again and again", "how many times", "still no answer",
        "no response", "no reply", "my fourth email", "my third email",
        "repeatedly", "keep calling", "called several times",
    ],
    "public_escalation": [
        "bewertung", "bewertungen", "rezension", "1-sterne-bewertung", "1 stern", "ein stern",
        "twitter", "facebook", "instagram", "tiktok", "social media", "presse", "zeitung",
        "öffentlich machen", "trustpilot", "google bewertung",
        "one-star", "one star", "1-star", "1 star", "bad review", "negative review",
        "leave a review", "write a review", "to the press", "the media", "newspaper", "journalist",
        "go public", "going public", "post about this", "sharing this",
    ],
    "anger": [
        "ärgerlich", "verärgert", "enttäuscht", "enttäuschend", "frechheit", "unverschämt",
        "unverschämtheit", "sauer", "stinksauer", "katastrophe", "katastrophal",
        "inakzeptabel", "unmöglich", "unglaublich", "skandal", "witz", "reicht es",
        "reicht mir", "zumutung", "ärgert", "wütend", "schlechtester", "miserabel",
        "unfähig", "schon wieder", "frustrating", "frustrated", "disappointed", "disappointing",
        "unacceptable", "ridiculous", "terrible", "appalling", "awful", "outrageous",
        "disgusting", "angry", "furious", "fed up", "joke", "useless", "worst",
        "shocking", "disgrace", "pathetic", "horrible", "not good enough",
    ],
    "urgency": [
        "dringend", "sofort", "umgehend", "unverzüglich", "frist", "bis spätestens",
        "letzte chance", "endlich", "urgent", "urgently", "immediately", "asap",
        "right away", "deadline", "at once", "final warning", "last chance",
    ],
}

# Multi-token patterns the phrase lists cannot express compactly.
TRIGGER_PATTERNS: dict[str, list[list[dict]]] = {
    "repeat_contact": [
        [{"LOWER": "zum"}, {"LOWER": {"REGEX": r"^(\d+\.?|dritten|vierten|fünften|x-?ten|n-?ten)$"}},
         {"LOWER": "mal"}],
        [{"LOWER": {"REGEX": r"^(\d+(rd|th)|third|fourth|fifth|sixth|umpteenth|nth)$"}},
         {"LOWER": "time"}],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": ["mal", "times"]}},
         {"LOWER": {"IN": ["angerufen", "geschrieben", "gemeldet", "called", "written", "emailed",
                           "contacted", "reported"]}}],
    ],
    "legal": [
        [{"LOWER": {"IN": ["take", "taking"]}}, {"LOWER": "you"}, {"LOWER": "to"},
         {"LOWER": "court"}],
    ],
    "cancel_threat": [
        [{"LOWER": {"IN": ["sonst", "ansonsten", "andernfalls"]}}, {"OP": "{0,4}", "IS_PUNCT": False},
         {"LOWER": {"REGEX": r"^kündig"}}],
        [{"LOWER": {"IN": ["otherwise", "or"]}}, {"LOWER": {"IN": ["i'll", "i", "we"]}},
         {"OP": "?"}, {"LOWER": {"IN": ["cancel", "leave", "switch"]}}],
    ],
}
# The token Matcher (regex / wildcard patterns) costs far more than the
# PhraseMatcher's hash probes, so it only runs when a doc contains a word one
# of its patterns starts with or needs.  Checked on the LOWER id array: no
# Token objects and no ``doc.text`` (which would rebuild the string).
# Each entry: every group must have at least one word present in the doc.
_MATCHER_GATES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("zum",), ("mal",)),
    (("time",), ("third", "fourth", "fifth", "sixth", "umpteenth", "nth", "3rd", "4th", "5th",
                 "6th", "10th")),
    (("mal", "times"), ("angerufen", "geschrieben", "gemeldet", "called", "written", "emailed",
                        "contacted", "reported")),
    (("court",), ("take", "taking")),
    (("sonst", "ansonsten", "andernfalls"),),
    (("otherwise", "or"), ("cancel", "leave", "switch")),
)


@Language.factory("hub_complaint_rules")
def make_complaint_rules(nlp: Language, name: str) -> "ComplaintRules":
    return ComplaintRules(nlp, name)


class ComplaintRules:
    """Find escalation triggers; store them on ``doc._.hub_triggers``.

    Explainable by construction: every trigger is (category, exact text).
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cat, phrases in TRIGGER_PHRASES.items():
            self.phrase_matcher.add(cat, list(nlp.tokenizer.pipe(phrases)))
        self.matcher = Matcher(nlp.vocab)
        for cat, patterns in TRIGGER_PATTERNS.items():
            self.matcher.add(cat, patterns)
        strings = nlp.vocab.strings
        self._gates = [[frozenset(strings.add(w) for w in group) for group in gate]
                       for gate in _MATCHER_GATES]
        self._bang = strings.add("!")
        self._multi_bang = frozenset(strings.add("!" * n) for n in range(2, 6))

    def _gate_open(self, present: set[int]) -> bool:
        """True if some Matcher pattern could match (all its key words present)."""
        return any(all(not g.isdisjoint(present) for g in gate) for gate in self._gates)

    def _has_double_bang(self, lower: numpy.ndarray, present: set[int]) -> bool:
        """'!!' (one token or two adjacent '!' tokens): shouting, a medium cue."""
        if not self._multi_bang.isdisjoint(present):
            return True
        is_bang = lower == self._bang
        return bool(numpy.any(is_bang[:-1] & is_bang[1:]))

    def __call__(self, doc: Doc) -> Doc:
        triggers: list[tuple[str, str]] = []
        lower = doc.to_array(LOWER)
        present = set(lower.tolist())
        matches = list(self.phrase_matcher(doc))
        if self._gate_open(present):
            matches.extend(self.matcher(doc))
        if matches:
            # Longest match first; drop matches inside an already-taken span
            # of the same category ("meinen Anwalt" vs "Anwalt").
            matches.sort(key=lambda m: (m[1], -(m[2] - m[1])))
            taken: dict[str, list[tuple[int, int]]] = {}
            for match_id, start, end in matches:
                cat = doc.vocab.strings[match_id]
                spans = taken.setdefault(cat, [])
                if any(s <= start and end <= e for s, e in spans):
                    continue
                spans.append((start, end))
                triggers.append((cat, doc[start:end].text))
        if self._bang in present and self._has_double_bang(lower, present):
            triggers.append(("anger", "!!"))
        doc._.hub_triggers = triggers
        return doc

    # Rules carry no trained state; these keep nlp.to_disk/from_disk happy.
    def to_disk(self, path: Any, exclude: Iterable[str] = ()) -> None:  # noqa: D401
        pass

    def from_disk(self, path: Any, exclude: Iterable[str] = ()) -> "ComplaintRules":
        return self


def severity_from_triggers(triggers: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """Pure rule: (severity, reason) for a complaint given its triggers.

    high   <- legal threat, cancellation threat, repeated contact, public escalation
    medium <- anger / urgency words, "!!"
    low    <- complaint without any trigger
    """
    triggers = list(triggers)
    high = [(c, t) for c, t in triggers if c in HIGH_CATEGORIES]
    if high:
        return "high", "; ".join(f"{c}: {t}" for c, t in high)
    medium = [(c, t) for c, t in triggers if c in MEDIUM_CATEGORIES]
    if medium:
        return "medium", "; ".join(f"{c}: {t}" for c, t in medium)
    return "low", "no escalation trigger"


# --------------------------------------------------------------------------
# Decision component
# --------------------------------------------------------------------------
@Language.factory(
    "hub_decide",
    default_config={"complaint_threshold": 0.4, "textcat": "textcat_multilabel", "top_k": 3},
)
def make_decide(
    nlp: Language, name: str, complaint_threshold: float, textcat: str, top_k: int
) -> "Decide":
    return Decide(nlp, name, complaint_threshold, textcat, top_k)


class Decide:
    """Turn textcat scores + rule triggers into intent / complaint / severity.

    Reasons for the model part are the tokens whose *single-feature* score
    for the winning label is highest.  The model is linear, so this is an
    exact decomposition of the logit, obtained with one extra forward pass
    of the sparse layer per batch (cheap) instead of ablation.
    """

    def __init__(
        self, nlp: Language, name: str, complaint_threshold: float, textcat: str, top_k: int
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.complaint_threshold = complaint_threshold
        self.textcat = textcat
        self.top_k = top_k

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._decide_batch(batch)
                batch = []
        if batch:
            yield from self._decide_batch(batch)

    def _sparse_layer(self) -> Model:
        return self.nlp.get_pipe(self.textcat).model.get_ref("output_layer")

    def _token_scores(self, docs: list[Doc]) -> list[tuple[list[str], numpy.ndarray]]:
        """Per doc: token texts and their single-feature logit contributions."""
        words_per_doc: list[list[str]] = []
        keys: list[int] = []
        for doc in docs:
            words: list[str] = []
            seen: set[int] = set()
            strings = doc.vocab.strings
            for orth in doc.to_array(ORTH).tolist():
                f = _ORTH_CACHE.get(orth, _MISSING)
                if f is _MISSING:
                    f = _orth_features(doc, orth)
                if f is None or not f[2] or f[0] in seen:
                    continue
                seen.add(f[0])
                words.append(strings[orth])
                keys.append(f[0])
            words_per_doc.append(words)
        if not keys:
            return [(w, numpy.zeros((0, 0), dtype="f")) for w in words_per_doc]
        layer = self._sparse_layer()
        arr = numpy.asarray(keys, dtype="uint64")
        ones = numpy.ones((len(arr),), dtype="f")
        lens = numpy.ones((len(arr),), dtype="int32")
        scores = layer.predict((arr, ones, lens)) - layer.get_param("b")
        out = []
        i = 0
        for words in words_per_doc:
            out.append((words, scores[i : i + len(words)]))
            i += len(words)
        return out

    def _top_words(self, words: list[str], col: numpy.ndarray) -> str:
        if not words:
            return ""
        order = numpy.argsort(-col)[: self.top_k]
        return ", ".join(words[j] for j in order if col[j] > 0)

    def _decide_batch(self, docs: list[Doc]) -> Iterator[Doc]:
        labels = list(self.nlp.get_pipe(self.textcat).labels)
        intent_cols = [labels.index(INTENT_PREFIX + i) for i in INTENTS if INTENT_PREFIX + i in labels]
        c_col = labels.index(COMPLAINT_LABEL) if COMPLAINT_LABEL in labels else None
        token_scores = self._token_scores(docs)
        for doc, (words, scores) in zip(docs, token_scores):
            cats = doc.cats
            u = doc._  # one Underscore object instead of one per attribute
            # Intent: best of the (independent, sigmoid) intent outputs.
            best = max(intent_cols, key=lambda j: cats.get(labels[j], 0.0))
            u.hub_intent = labels[best][len(INTENT_PREFIX):]
            u.hub_intent_score = float(cats.get(labels[best], 0.0))
            top = self._top_words(words, scores[:, best]) if len(words) else ""
            u.hub_intent_reason = f"model: {top}" if top else "model: no strong words"

            triggers = u.hub_triggers or []
            model_score = float(cats.get(COMPLAINT_LABEL, 0.0))
            cats_present = {c for c, _ in triggers}
            score = model_score
            # An escalation trigger lifts a borderline model score over the
            # line, but never creates a complaint on its own: "Schlichtung"
            # in a news item or "ich kündige hiermit" in a plain
            # cancellation are not complaints.
            if cats_present & set(HIGH_CATEGORIES) and model_score >= 0.3:
                score = max(score, 0.75)
            complaint = score >= self.complaint_threshold
            u.hub_complaint = complaint
            u.hub_complaint_score = round(score, 4)
            parts = []
            if c_col is not None and len(words):
                top_c = self._top_words(words, scores[:, c_col])
                if top_c:
                    parts.append(f"model: {top_c}")
            if triggers:
                parts.append("triggers: " + ", ".join(f"{t} ({c})" for c, t in triggers))
            u.hub_complaint_reason = "; ".join(parts) or "model: no strong words"
            if complaint:
                sev, reason = severity_from_triggers(triggers)
                u.hub_severity = sev
                u.hub_severity_reason = reason
            else:
                u.hub_severity = None
                u.hub_severity_reason = ""
            yield doc

    def to_disk(self, path: Any, exclude: Iterable[str] = ()) -> None:
        pass

    def from_disk(self, path: Any, exclude: Iterable[str] = ()) -> "Decide":
        return self
