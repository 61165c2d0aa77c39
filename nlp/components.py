"""spaCy building blocks of the hub tagging pipeline (all names ``hub_``/``hub.``).

Pipeline (built in :mod:`nlp.training`)::

    tokenizer -> textcat_multilabel (architecture hub.TextCatBOW.v2; v1 still loads)
              [-> textcat_complaint: optional separate complaint model]
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

``hub.TextCatBOW.v2`` adds optional feature groups on top of v1: flags from
a small hand-written German/English sentiment lexicon (shipped), character
n-grams of each word, and weaker/stronger length damping (both available,
not shipped: see training_data/EXPERIMENTS.md).

Importing this module registers everything; it does no I/O.
"""

from __future__ import annotations

import json
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
from spacy.strings import hash_string
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


# Per-process caches are bounded: cleared when they grow past the limit so a
# long-running worker cannot leak memory.
_FEATURE_CACHE_MAX = 200_000
_HASH_MASK = (1 << 63) - 1
_MISSING = object()


def _h(s: str) -> int:
    # Python's str hash is salted per process; we need stable keys across
    # processes (train vs. serve), so use a fixed FNV-1a 64-bit hash.
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h & _HASH_MASK


# Word-level flags (bit mask) from the sentiment lexicon.
LEX_NEG, LEX_POS, LEX_NEGATOR = 1, 2, 4

# Hand-written sentiment lexicon (German + English), on folded forms
# (lower case, umlauts as ae/oe/ue, ss).  An entry ending in "*" matches as a
# word prefix ("verspaet*" covers "verspätet", "Verspätungen"), others match
# the whole word.  The model learns one weight for "some negative word",
# which carries over to lexicon words it never saw in training.
_NEG_WORDS = """
aerger* aergerlich* aergert* verargert* veraergert* wuetend* sauer stinksauer enttaeusch* frust*
frechheit unverschaemt* zumutung* skandal* katastroph* desaster* chaos* miserabel* mies* mist
scheiss* schlecht* schlimm* furchtbar* schrecklich* grauenhaft* grausam* uebel nervig* nerv nervt
genervt* peinlich* laecherlich* armselig* unfaehig* unzuverlaessig* unzumutbar* inakzeptabel*
unmoeglich* unfreundlich* unhoeflich* respektlos* arrogant* dreist* abzocke* abgezockt* betrug*
betrueger* beschiss* verarsch* ignorier* ueberfuellt* dreckig* schmutzig* kaputt* defekt* stoerung*
gestoert* ausgefallen* ausfall* faellt faellst fiel verspaet* verspaetung* verzoeger* wartezeit*
warte wartet gewartet stundenlang* ewig* umsonst vergeblich* gestrichen* streik* stau* problem*
probleme fehler* falsch* fehlt fehlen* fehlend* verloren* gesperrt* blockiert* abgelehnt* mangel*
maengel* beschwer* reklamation* reklamier* leider sorry entschuldig* schaden* beschaedigt* zerkratzt
ueberhaupt stinkt* kalt eiskalt heiss sorge* angst* gefaehrlich* unfall*
notfall* tot verletzt* pannen* panne* verpasst* gestrandet* abgehaengt chaotisch* trotzdem
angry anger* annoy* furious* upset* disappoint* frustrat* unacceptabl* ridiculous* terribl* horribl*
awful* appalling* outrage* disgust* pathetic* useless* worst worse bad badly poor* poorly rude*
incompet* unprofession* shameful* disgrace* scam* fraud* stolen steal* theft unauthori* dispute*
disputed complain* complaint* problem* issue issues error* fail* broken break* crash* faulty defect*
damag* wrong* incorrect* mistake* missing lost declin* reject* refus* denied deny* delay* late
overdue overcharg* double-charged unfair* harass* threat* misleading mislead* lied
lie lying ignor* stuck block* frozen freez* locked* unable cannot can't couldn't won't wouldn't
never nothing nobody still again unresolved* unanswered* waste* wasted sick* tired* nightmare*
hassle* confus* hate* unhappy* dissatisf* sadly unfortunately sorry regret*
"""
_POS_WORDS = """
danke* dank* dankeschoen super* toll* klasse* prima* perfekt* spitze* wunderbar* wunderschoen*
grossartig* hervorragend* ausgezeichnet* exzellent* genial* fantastisch* phantastisch* gut gute
guten guter gutes besser* beste* freundlich* hilfsbereit* kompetent* zuverlaessig* puenktlich*
schnell* bequem* sauber* angenehm* entspannt* zufrieden* begeistert* freue* freu* gluecklich*
lob* loben* empfehl* gelungen* klappt* problemlos* reibungslos* yay juhu
bravo respekt* top
thank* thanks thx great* excellent* awesome* amazing* wonderful* fantastic* brilliant* perfect*
love* lovely* nice* good better best helpful* friendly* quick* prompt* smooth*
easy* happy* pleased* satisf* glad* appreciat* recommend* impress* enjoy* cheers superb*
outstanding* fabulous* delight* cool
"""
_NEGATORS = """
nicht nichts kein keine keinen keinem keiner keines nie niemals ohne kaum
not no never without hardly barely nor
"""


# Lexicon version 2 = version 1 plus these words (German public-post and
# service vocabulary, more English service words).  Version 1 stays as it
# was so that models trained with it keep their features.
_NEG_WORDS_V2 = """
teuer teurer teure teuren teures ueberteuer* preiserhoeh* wucher* unpuenktlich* zuspaet spaet verpass* versag* mangelhaft*
unbrauchbar* nutzlos* sinnlos* hoelle albtraum* alptraum* drama* witz schwachsinn* bloed* doof* dumm*
idiot* laestig* versifft* eklig* ekelhaft* unfassbar* ueberlastet* ausfaell* entfaell* sperrung*
evakuier* entgleis* zusammenstoss* kollision* personenschaden* notarzt* verletzte* todesopfer*
kritik* kritisier* empoer* wut* wuetend hass* hasse traurig* schade ungluecklich* benachteilig*
klage* verklag* pech elend* lahm* schleppend* marode* veraltet* ungenuegend* enttaeuschend*
absurd* irre unverstaendlich* vergessen* verschwunden* ueberfordert* hilflos* wahnsinn*
gestresst* aerger nervenaufreibend* qual quael* zumutbar bescheuert* kacke
gefangen festsitz* sitzen_fest feststeck* stillstand* zusammenbruch* zusammengebrochen* ersatzverkehr*
schienenersatz* storniert* annulliert* ausgebucht* ueberbucht*
#fail #epicfail fail -.- :-( :( 😡 😠 🙄 😤 🤬 😩 😒 👎
expensive* overpriced* unreliabl* outage* shambles mess messy dirty filthy slow* crowded
packed* stranded* unbearabl* joke* worst disaster* chaos* sucks suck* crap* shit* rubbish* garbage*
"""
_POS_WORDS_V2 = """
gern gerne schoen* herrlich* lecker* komfortabel* erholsam* unschlagbar* geil* mega* cool*
traumhaft* praktisch* hilfreich* gelobt* guenstig* erfreulich* erleichtert*
sympathisch* nett nette netter netten freundlichst* grandios* sensationell* flott* puenktlichkeit* verbessert*
👍 😊 🙂 😀 😃 ❤️ ♥ :) :-) ;)
quickly comfortable* clean* reliable* punctual* kindly great
"""


def _parse_lexicon(block: str) -> tuple[frozenset[str], frozenset[str]]:
    words, prefixes = set(), set()
    for w in block.split():
        w = w.replace("_", " ")
        if w.endswith("*"):
            prefixes.add(w[:-1])
        else:
            words.add(w)
    return frozenset(words), frozenset(prefixes)


class _Lexicon:
    """Whole-word and prefix tables of one lexicon version: word -> OR of flags."""

    def __init__(self, neg: str, pos: str, negators: str,
                 no_tail: frozenset[str] = frozenset()) -> None:
        self.words: dict[str, int] = {}
        self.prefixes: dict[str, int] = {}
        for flag, block in ((LEX_NEG, neg), (LEX_POS, pos), (LEX_NEGATOR, negators)):
            words, prefixes = _parse_lexicon(block)
            for w in words:
                self.words[w] = self.words.get(w, 0) | flag
            for w in prefixes:
                self.prefixes[w] = self.prefixes.get(w, 0) | flag
        self.max_prefix = max(len(p) for p in self.prefixes)
        # Words that must not count as the tail of a compound ('Steuer' ends
        # in 'teuer').
        self.tail_words = {w: f for w, f in self.words.items() if w not in no_tail}

    def flags(self, folded: str) -> int:
        words, prefixes = self.words, self.prefixes
        n = len(folded)
        flags = words.get(folded, 0)
        for k in range(2, min(n, self.max_prefix) + 1):
            flags |= prefixes.get(folded[:k], 0)
        if n >= 8 and folded.isalpha():
            # German compound ending in a lexicon word: 'Zugausfall', 'Gesamtchaos'.
            suffix = 0
            tails = self.tail_words
            for i in range(3, n - 4):
                tail = folded[i:]
                suffix |= tails.get(tail, 0) | prefixes.get(tail, 0)
            flags |= suffix & (LEX_NEG | LEX_POS)
        if folded.endswith("n't"):
            flags |= LEX_NEGATOR
        return flags


# Index = lexicon version (0 = no lexicon).
_LEXICONS = (
    None,
    _Lexicon(_NEG_WORDS, _POS_WORDS, _NEGATORS),
    _Lexicon(_NEG_WORDS + _NEG_WORDS_V2, _POS_WORDS + _POS_WORDS_V2, _NEGATORS,
             no_tail=frozenset({"teuer", "teure", "teurer", "teuren", "teures"})),
)
LEXICON_VERSIONS = tuple(range(1, len(_LEXICONS)))


def lexicon_flags(folded: str, version: int = 1) -> int:
    """Bit mask of LEX_* flags for one folded word under a lexicon version."""
    lex = _LEXICONS[version]
    return lex.flags(folded) if lex is not None else 0


# word text -> (folded, stem key, v1 word keys, lexicon flags); shared by all
# Featurizers (the intent and complaint models see the same words).
_BASE_CACHE: dict[str, tuple[str, int, tuple[int, ...], int]] = {}


def _base_word_keys(word: str) -> tuple[str, int, tuple[int, ...], int]:
    f = fold(word)
    s = stem(f)
    keys: list[int] = [_h("s:" + s)]
    if s != f and s != "#num":
        keys.append(_h("w:" + f))
    alpha = f.isalpha()
    if len(f) >= _COMPOUND_MIN and alpha:
        keys.append(_h("c:" + f[-_COMPOUND_SUFFIX:]))
    if len(f) >= _PREFIX_MIN and alpha:
        # Word-family key: 'verify', 'verified', 'verification' share 'verif'.
        keys.append(_h("p:" + f[:_PREFIX_LEN]))
    return f, keys[0], tuple(keys), tuple(lexicon_flags(f, v) for v in range(len(_LEXICONS)))


class Featurizer:
    """Hashed sparse features of a doc; one instance per feature setting.

    Per word (cached by ORTH id): the stem key, the full folded word, a
    compound suffix and a word-family prefix (``v1``), optionally character
    n-grams of the folded word and a sentiment-lexicon flag (``v2``).  Per
    doc: the words' keys, stem bigrams, and (with the lexicon) a few
    doc-level counts of negative / positive / negated-positive words.
    """

    def __init__(self, char_ngrams: tuple[int, ...] = (), char_min_len: int = 5,
                 lexicon: bool | int = False, bigrams: bool = True) -> None:
        self.char_ngrams = tuple(char_ngrams)
        self.char_min_len = char_min_len
        self.lexicon = lexicon
        # True/False from older configs = version 1 / none.
        self.lexicon_version = int(lexicon)
        if self.lexicon_version >= len(_LEXICONS) or self.lexicon_version < 0:
            raise ValueError(f"unknown lexicon version {lexicon!r}; known: {LEXICON_VERSIONS}")
        self.bigrams = bigrams
        # ORTH id -> see orth_entry, or None for whitespace
        self.cache: dict[int, tuple | None] = {}
        self._stash_key = f"hub_keys:{int(lexicon)}{int(bigrams)}"
        self._lex_keys = {name: _h("lex:" + name) for name in
                          ("neg", "neg2", "neg3", "pos", "pos2", "negpos", "negneg", "neg_only", "pos_only")}

    def word_keys(self, word: str) -> tuple[int, tuple[int, ...], int]:
        base = _BASE_CACHE.get(word)
        if base is None:
            base = _base_word_keys(word)
            if len(_BASE_CACHE) >= _FEATURE_CACHE_MAX:
                _BASE_CACHE.clear()
            _BASE_CACHE[word] = base
        f, stem_key, keys_t, lex = base
        keys = list(keys_t)
        n_base = len(keys)
        if self.char_ngrams and len(f) >= self.char_min_len and f.isalpha():
            # spaCy's 64-bit MurmurHash (fixed seed, stable across
            # processes) is ~8x faster than the pure-Python FNV in _h, which
            # matters here: one hash per n-gram of every new word.
            padded = "<" + f + ">"
            for n in self.char_ngrams:
                for i in range(len(padded) - n + 1):
                    keys.append(hash_string(padded[i : i + n]) & _HASH_MASK)
        return stem_key, tuple(dict.fromkeys(keys)), lex[self.lexicon_version], keys_t, tuple(keys[n_base:])

    def orth_entry(self, doc: Doc, orth: int) -> tuple | None:
        hit = self.cache.get(orth, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[return-value]
        text = doc.vocab.strings[orth]
        if text.isspace():
            entry = None
        else:
            s, keys, flags, base_keys, char_keys = self.word_keys(text)
            # Punctuation and numbers are features but poor explanations.
            # (stem key, all word keys, explainable, lexicon flags, v1 word keys, char n-gram keys)
            entry = (s, keys, any(ch.isalpha() for ch in text) and not _NUM_RE.search(text), flags,
                     base_keys, char_keys)
        if len(self.cache) >= _FEATURE_CACHE_MAX:
            self.cache.clear()
        self.cache[orth] = entry
        return entry

    def doc_keys(self, doc: Doc) -> numpy.ndarray:
        """All feature keys of a doc (uint64, unique)."""
        return self.doc_keys_n(doc)[0]

    def doc_keys_n(self, doc: Doc) -> tuple[numpy.ndarray, int]:
        """All feature keys of a doc (uint64, unique) and its number of word tokens.

        The keys without character n-grams are stashed on the doc
        (``user_data``), so a second model with the same word features but
        no n-grams (the complaint model) does not walk the tokens again.
        ``hub_decide`` removes the stash.
        """
        stash = doc.user_data.get(self._stash_key)
        if stash is not None and not self.char_ngrams:
            return stash
        orths = doc.to_array(ORTH).tolist()
        # Features per distinct word (repeated words cost one dict probe);
        # the token order is kept only for stems (bigrams) and lexicon flags.
        entries = dict.fromkeys(orths)
        cache = self.cache
        for orth in entries:
            f = cache.get(orth, _MISSING)
            if f is _MISSING:
                f = self.orth_entry(doc, orth)
            entries[orth] = f
        seq = [f for f in map(entries.__getitem__, orths) if f is not None]
        stems = [f[0] for f in seq]
        extras = [k for f in entries.values() if f is not None for k in f[4]]
        flags = [f[3] for f in seq] if self.lexicon else []
        if not stems:
            return numpy.zeros((0,), dtype="uint64"), 0
        arr = numpy.asarray(stems, dtype="uint64")
        parts = [numpy.asarray(extras, dtype="uint64")]
        if self.bigrams and len(arr) > 1:
            # Bigram key: order-sensitive mix of neighbours (no Python loop).
            parts.append(arr[:-1] * numpy.uint64(1000003) ^ (arr[1:] >> numpy.uint64(1)))
        if flags and any(flags):
            parts.append(numpy.asarray(self._lexicon_doc_keys(flags), dtype="uint64"))
        base = numpy.unique(numpy.concatenate(parts))
        doc.user_data[self._stash_key] = (base, len(stems))
        if not self.char_ngrams:
            return base, len(stems)
        chars = [k for f in entries.values() if f is not None for k in f[5]]
        if not chars:
            return base, len(stems)
        return numpy.unique(numpy.concatenate([base, numpy.asarray(chars, dtype="uint64")])), len(stems)

    def _lexicon_doc_keys(self, flags: list[int]) -> list[int]:
        neg = pos = negpos = negneg = 0
        last_negator = -10
        for i, fl in enumerate(flags):
            if fl & LEX_NEGATOR:
                last_negator = i
            negated = i - last_negator <= 3 and i != last_negator
            if fl & LEX_POS:
                if negated:
                    negpos += 1
                else:
                    pos += 1
            if fl & LEX_NEG:
                if negated:
                    negneg += 1
                else:
                    neg += 1
        k = self._lex_keys
        out = []
        if neg:
            out.append(k["neg"])
            if neg >= 2:
                out.append(k["neg2"])
            if neg >= 3:
                out.append(k["neg3"])
            if not pos:
                out.append(k["neg_only"])
        if pos:
            out.append(k["pos"])
            if pos >= 2:
                out.append(k["pos2"])
            if not neg and not negpos:
                out.append(k["pos_only"])
        if negpos:
            out.append(k["negpos"])
        if negneg:
            out.append(k["negneg"])
        return out


_FEATURIZERS: dict[tuple, Featurizer] = {}
_STASH_KEYS = tuple(f"hub_keys:{v}{b}" for v in range(len(_LEXICONS)) for b in (1, 0))


def featurizer_of(model: Model) -> Featurizer:
    """The Featurizer a textcat model was built with (v1 models: the default)."""
    try:
        spec = model.get_ref("hub_extract").attrs.get("hub_features")
    except KeyError:
        spec = None
    if not spec:
        return DEFAULT_FEATURIZER
    ng, min_len, lex, bi = json.loads(spec)
    return get_featurizer(tuple(ng), min_len, lex, bi)


def get_featurizer(char_ngrams: Iterable[int] = (), char_min_len: int = 5, lexicon: bool | int = False,
                   bigrams: bool = True) -> Featurizer:
    """Shared Featurizer per setting (its caches are per process)."""
    key = (tuple(char_ngrams), char_min_len, lexicon, bigrams)
    feat = _FEATURIZERS.get(key)
    if feat is None:
        feat = _FEATURIZERS[key] = Featurizer(*key)
    return feat


DEFAULT_FEATURIZER = get_featurizer()


def word_features(word: str) -> tuple[int, tuple[int, ...]]:
    """Stable hashed features of one token (v1 setting): (stem key, other unigram keys)."""
    s, keys, *_ = DEFAULT_FEATURIZER.word_keys(word)
    return s, keys[1:]


def doc_keys(doc: Doc) -> numpy.ndarray:
    """All feature keys of a doc under the v1 setting."""
    return DEFAULT_FEATURIZER.doc_keys(doc)


def _length_scale(lengths: numpy.ndarray, scale_k: float) -> numpy.ndarray:
    return numpy.minimum(1.0, scale_k / numpy.sqrt(numpy.maximum(lengths, 1)))


def hub_extract(featurizer: Featurizer | None = None, scale_k: float = 6.0, scale_by_tokens: bool = False) -> Model:
    feat = featurizer or DEFAULT_FEATURIZER

    def forward(model: Model, docs: list[Doc], is_train: bool):
        pairs = [feat.doc_keys_n(doc) for doc in docs]
        batch_keys = [k for k, _ in pairs]
        lengths = numpy.asarray([len(k) for k in batch_keys], dtype="int32")
        # v1 scales by the number of distinct keys; by tokens the scale does
        # not depend on how many keys a word expands into (char n-grams).
        sizes = numpy.asarray([n for _, n in pairs], dtype="int32") if scale_by_tokens else lengths
        keys = numpy.concatenate(batch_keys) if batch_keys else numpy.zeros((0,), dtype="uint64")
        # Binary presence, scaled down for long texts so a pasted 2-page letter
        # does not get logits ten times larger than a one-line chat message.
        vals = numpy.ones((len(keys),), dtype="f")
        if len(keys):
            vals *= numpy.repeat(_length_scale(sizes, scale_k), lengths).astype("f")

        def backprop(dY):
            return []

        return (keys, vals, lengths), backprop

    model = Model("hub_extract", forward)
    # A string (attrs are serialized with the model); Decide resolves it.
    model.attrs["hub_features"] = json.dumps(
        [list(feat.char_ngrams), feat.char_min_len, feat.lexicon, feat.bigrams])
    return model


def _build_linear(extract: Model, exclusive_classes: bool, length: int, nO: int | None) -> Model:
    length = 2 ** (length - 1).bit_length()
    sparse = SparseLinear_v2(nO=nO, length=length)
    layer = resizable(
        sparse, resize_layer=partial(resize_linear_weighted, fill_defaults={"b": -1.0, "W": 0.0})
    )
    model = chain(extract, layer, Logistic())
    model = with_cpu(model, model.ops)
    model.set_ref("output_layer", sparse)
    model.set_ref("hub_extract", extract)
    model.attrs["multi_label"] = not exclusive_classes
    return model


@registry.architectures("hub.TextCatBOW.v1")
def build_hub_bow(
    exclusive_classes: bool = False, length: int = 65536, nO: int | None = None
) -> Model:
    """Linear bag-of-features text classifier over :func:`doc_keys`."""
    return _build_linear(hub_extract(DEFAULT_FEATURIZER), exclusive_classes, length, nO)


@registry.architectures("hub.TextCatBOW.v2")
def build_hub_bow_v2(
    exclusive_classes: bool = False,
    length: int = 262144,
    nO: int | None = None,
    char_ngrams: list[int] = [],  # noqa: B006 - config value, never mutated
    char_min_len: int = 5,
    lexicon: bool | int = False,
    bigrams: bool = True,
    scale_k: float = 6.0,
    scale_by_tokens: bool = False,
) -> Model:
    """v1 plus optional character n-grams of each folded word (German
    compounds, typos) and sentiment-lexicon flags (:func:`lexicon_flags`;
    ``lexicon`` is the lexicon version, ``true`` meaning version 1)."""
    feat = get_featurizer(tuple(char_ngrams), char_min_len, lexicon, bigrams)
    return _build_linear(hub_extract(feat, scale_k, scale_by_tokens), exclusive_classes, length, nO)


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
    default_config={"complaint_threshold": 0.4, "textcat": "textcat_multilabel", "top_k": 3,
                    "complaint_textcat": ""},
)
def make_decide(
    nlp: Language, name: str, complaint_threshold: float, textcat: str, top_k: int,
    complaint_textcat: str,
) -> "Decide":
    return Decide(nlp, name, complaint_threshold, textcat, top_k, complaint_textcat)


class _Rows:
    """Lazy ``matrix[idx]``: supports ``rows[:, col]`` without copying all columns."""

    __slots__ = ("matrix", "idx")

    def __init__(self, matrix: numpy.ndarray, idx: list[int]) -> None:
        self.matrix = matrix
        self.idx = idx

    def __getitem__(self, key: tuple) -> numpy.ndarray:
        _, col = key
        return self.matrix[self.idx, col]


class Decide:
    """Turn textcat scores + rule triggers into intent / complaint / severity.

    Reasons for the model part are the tokens whose *single-feature* score
    for the winning label is highest.  The model is linear, so this is an
    exact decomposition of the logit, obtained with one extra forward pass
    of the sparse layer per batch (cheap) instead of ablation.
    """

    def __init__(
        self, nlp: Language, name: str, complaint_threshold: float, textcat: str, top_k: int,
        complaint_textcat: str = "",
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.complaint_threshold = complaint_threshold
        self.textcat = textcat
        # Optional separate complaint model (its own features); "" = the
        # complaint label lives in ``textcat`` next to the intents.
        self.complaint_textcat = complaint_textcat or textcat
        self._row_cache: dict[str, tuple[tuple, dict[int, numpy.ndarray]]] = {}
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

    def _doc_words(self, docs: list[Doc]) -> list[tuple[list[str], list[int]]]:
        """Per doc: explainable words (one per stem, in order) and their ORTH ids."""
        feat = featurizer_of(self.nlp.get_pipe(self.textcat).model)
        cache = feat.cache
        out = []
        for doc in docs:
            words: list[str] = []
            orths: list[int] = []
            seen: set[int] = set()
            strings = doc.vocab.strings
            # Distinct tokens in order of first occurrence; one word per stem.
            for orth in dict.fromkeys(doc.to_array(ORTH).tolist()):
                f = cache.get(orth, _MISSING)
                if f is _MISSING:
                    f = feat.orth_entry(doc, orth)
                if f is None or not f[2] or f[0] in seen:
                    continue
                seen.add(f[0])
                words.append(strings[orth])
                orths.append(orth)
            out.append((words, orths))
        return out

    def _score_rows(self, pipe: str, doc: Doc, orths: set[int]) -> dict[int, numpy.ndarray]:
        """ORTH id -> the word's logit contribution per label of ``pipe``.

        A word's contribution is the sum of the weights of all its own keys
        (stem, full form, affixes, character n-grams).  It depends only on
        the word and the weights, so it is cached per pipe; the cache is
        dropped when the weights change (fingerprint of the weight array).
        Missing words are scored with one extra forward pass of the sparse
        layer, each word fed as its own one-word "document".
        """
        model = self.nlp.get_pipe(pipe).model
        layer = model.get_ref("output_layer")
        W = layer.get_param("W")
        fingerprint = (id(W), float(W.ravel()[::1009].sum()))
        entry = self._row_cache.get(pipe)
        if entry is None or entry[0] != fingerprint or len(entry[1]) >= _FEATURE_CACHE_MAX:
            entry = self._row_cache[pipe] = (fingerprint, {})
        rows = entry[1]
        missing = [o for o in orths if o not in rows]
        if missing:
            feat = featurizer_of(model)
            keys: list[int] = []
            lens: list[int] = []
            for orth in missing:
                f = feat.cache.get(orth, _MISSING)
                if f is _MISSING:
                    f = feat.orth_entry(doc, orth)
                keys.extend(f[1])  # type: ignore[index]
                lens.append(len(f[1]))  # type: ignore[index]
            arr = numpy.asarray(keys, dtype="uint64")
            ones = numpy.ones((len(arr),), dtype="f")
            scores = layer.predict((arr, ones, numpy.asarray(lens, dtype="int32"))) - layer.get_param("b")
            for orth, row in zip(missing, scores):
                rows[orth] = row
        return rows

    def _token_scores(self, docs: list[Doc], doc_words: list[tuple[list[str], list[int]]],
                      pipe: str) -> list[tuple[list[str], numpy.ndarray]]:
        """Per doc: word texts and their unigram logit contributions (one row per word)."""
        needed = {o for _, orths in doc_words for o in orths}
        if not needed:
            return [(w, numpy.zeros((0, 0), dtype="f")) for w, _ in doc_words]
        rows = self._score_rows(pipe, docs[0], needed)
        # One matrix for the batch; each doc gets a row-index view (fancy
        # indexing happens only for the one column a reason needs).
        order = list(needed)
        index = {o: i for i, o in enumerate(order)}
        matrix = numpy.stack([rows[o] for o in order])
        return [(words, _Rows(matrix, [index[o] for o in orths])) for words, orths in doc_words]

    def _top_words(self, words: list[str], col: numpy.ndarray) -> str:
        if not words:
            return ""
        order = numpy.argsort(-col)[: self.top_k]
        return ", ".join(words[j] for j in order if col[j] > 0)

    def _decide_batch(self, docs: list[Doc]) -> Iterator[Doc]:
        labels = list(self.nlp.get_pipe(self.textcat).labels)
        intent_cols = [labels.index(INTENT_PREFIX + i) for i in INTENTS if INTENT_PREFIX + i in labels]
        doc_words = self._doc_words(docs)
        token_scores = self._token_scores(docs, doc_words, self.textcat)
        if self.complaint_textcat == self.textcat:
            c_scores = token_scores
            c_col = labels.index(COMPLAINT_LABEL) if COMPLAINT_LABEL in labels else None
        else:
            c_labels = list(self.nlp.get_pipe(self.complaint_textcat).labels)
            c_col = c_labels.index(COMPLAINT_LABEL) if COMPLAINT_LABEL in c_labels else None
            c_scores = self._token_scores(docs, doc_words, self.complaint_textcat)
        for doc, (words, scores), (c_words, c_sc) in zip(docs, token_scores, c_scores):
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
            if c_col is not None and len(c_words):
                top_c = self._top_words(c_words, c_sc[:, c_col])
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
            user_data = doc.user_data
            for key in _STASH_KEYS:
                user_data.pop(key, None)
            yield doc

    def to_disk(self, path: Any, exclude: Iterable[str] = ()) -> None:
        pass

    def from_disk(self, path: Any, exclude: Iterable[str] = ()) -> "Decide":
        return self
