"""Fast language identification for customer messages: ``de`` / ``en`` / ``other``.

Why our own detector instead of a package: it runs on *every* message, must
not download anything, and only has to separate German from English from the
rest.  A function-word vote plus a few character cues does that in a few
microseconds per message, in pure Python, with tables that are plain module
constants (no I/O at import time).

How it works:

1. Lower-case the text, split into word tokens (letters only).
2. Every token that is a function word / frequent chat word of a language
   votes for that language.  Function words are the most reliable short-text
   signal (they make up ~40 % of running text and rarely cross languages).
3. Words that are not function words are scored with a small table of
   language-typical character trigrams (``sch``, ``ung``, ``the``, ``ing``);
   this rescues messages like "Rechnung falsch berechnet" that contain no
   stopword.  Umlauts/ß vote for German; accents typical of Romance, Slavic
   or Turkish orthography vote for ``other``.
4. The best language wins; confidence is its share of all votes, damped for
   messages with very little evidence.
"""

from __future__ import annotations

import re

__all__ = ["detect_language", "LANGS"]

LANGS: tuple[str, ...] = ("de", "en", "other")

# Function words and very frequent chat words.  Words that are ambiguous
# between German and English ("in", "was", "so", "hand", "also", "man",
# "will", "die" in English) are left out on purpose so they cannot tip the
# balance.
_STOPWORDS: dict[str, frozenset[str]] = {
    "de": frozenset(
        """
        der den dem des das ein eine einen einem einer eines und oder aber
        ist sind war waren bin bist hat habe haben hatte hatten wird werden
        wurde wurden nicht kein keine keinen keinem ich du er sie wir ihr
        mich mir dich dir uns euch ihnen ihre ihren ihrem ihrer mein meine
        meinen meinem meiner dein deine sein seine unser unsere zu zum zur
        mit von vom auf aus bei nach für fuer über ueber unter durch gegen
        ohne um bis seit wie wo wann warum wieso weshalb welche welcher
        welches dass daß weil wenn ob noch schon auch nur sehr bitte danke
        hallo moin servus tschüss tschuess grüße gruesse gruß gruss mfg lg vg
        jetzt heute gestern morgen immer wieder leider doch mal gibt geht
        kann können koennen könnte koennte muss müssen muessen soll sollte
        möchte moechte würde wuerde hier dort nichts etwas alles diese dieser
        dieses diesen kein sich es ja nein nix nicht's gerne gern vielen dank
        sehr geehrte geehrter damen herren liebe lieber freundlichen
        """.split()
    ),
    "en": frozenset(
        """
        the a an and or but is are was were be been being have has had do
        does did not no yes i you he she we they me my mine your yours our
        us them their his her its it this that these those of to for with
        from at by on about into over after before can could would should
        shall may might must what when where why how which who whom there
        here just still already again please thanks thank hi hello hey dear
        regards sincerely cheers yet very really some any all my i'm im
        don't dont can't cant won't doesn't didn't isn't wasn't i've ive
        get got getting want need like know if then than because as
        yup yep yeah nope u ur thx pls plz gonna wanna bye see new help
        report
        """.split()
    ),
    # A handful of other European languages, so that e.g. French or Spanish
    # text is recognised as "other" instead of being forced into de/en.
    "fr": frozenset(
        "le la les un une des du et est sont je tu il elle nous vous ils ne pas "
        "que qui pour avec sur dans ce cette mais ou au aux merci bonjour mon ma mes "
        "votre vos très tres".split()
    ),
    "es": frozenset(
        "el los las un una unos y es son yo tu él ella nosotros usted no que por "
        "para con en pero como gracias hola mi mis su sus muy está esta del al".split()
    ),
    "it": frozenset(
        "il lo gli un una e è sono io tu lui lei noi voi non che per con ma come "
        "grazie ciao mio mia suo sua molto della del questo questa".split()
    ),
    "nl": frozenset(
        "de het een en is zijn ik jij je hij zij wij niet dat voor met op maar "
        "van naar dank bedankt hallo mijn uw zeer ook nog geen wat hoe waarom".split()
    ),
    "pt": frozenset(
        "o os as um uma e é são eu você ele ela nós não que por para com em mas "
        "como obrigado obrigada olá meu minha seu sua muito da do".split()
    ),
    "tr": frozenset(
        "ve bir bu şu ben sen o biz siz onlar değil ne için ile ama gibi teşekkür "
        "merhaba benim senin çok da de mi mı".split()
    ),
    "pl": frozenset(
        "i w na z nie to jest są ja ty on ona my wy że do dla ale jak dziękuję "
        "cześć mój moja bardzo się czy".split()
    ),
}

# Distinctive character trigrams (word-internal, with "_" marking word
# boundaries).  Weights are rough log-odds chosen by hand; they only matter
# for messages without function words.
_TRIGRAMS: dict[str, dict[str, float]] = {
    "de": {
        "sch": 1.0, "ung": 1.2, "ich": 0.8, "che": 0.6, "ein": 0.7, "cht": 1.0,
        "gen": 0.4, "eit": 0.8, "kei": 0.6, "nge": 0.5, "_ge": 0.7, "ver": 0.6,
        "_ve": 0.4, "ür_": 1.0, "ä": 0.0, "keit": 0.0, "_zu": 0.5, "tz_": 0.6,
        "_be": 0.3, "ieb": 0.6, "ier": 0.4, "hlt": 0.8, "lle": 0.3, "rech": 0.0,
        "ech": 0.4, "ück": 1.2, "_ka": 0.2, "gel": 0.3, "aus": 0.4, "uf_": 0.5,
        "ige": 0.5, "lich": 0.0, "ten": 0.3, "zei": 0.8, "eh_": 0.6, "ei_": 0.4,
        "_st": 0.3, "rt_": 0.3, "ckt": 0.8, "ieh": 0.6, "_au": 0.5, "en_": 0.4,
        "ef_": 0.3, "wa": 0.0, "sz": 0.0, "tzt": 1.0, "ihn": 0.8, "eue": 0.6,
    },
    "en": {
        "the": 1.2, "_th": 1.0, "ing": 1.2, "ng_": 0.6, "ion": 0.4, "ed_": 0.8,
        "_wh": 1.0, "ly_": 0.8, "ou_": 0.6, "you": 1.0, "ay_": 0.6, "ght": 0.8,
        "_ca": 0.2, "ck_": 0.3, "ss_": 0.3, "ill": 0.3, "ve_": 0.5, "_my": 0.8,
        "_yo": 0.8, "ea": 0.0, "oul": 0.8, "ow_": 0.6, "er_": 0.2, "_wa": 0.4,
        "y_": 0.0, "ys_": 0.6, "ty_": 0.6, "ful": 0.6, "ry_": 0.6, "wor": 0.4,
        "_sh": 0.4, "ive": 0.3, "oes": 0.8, "nt_": 0.3, "tion": 0.0, "_ho": 0.3,
        "ere": 0.3, "rou": 0.4, "_qu": 0.4, "_ju": 0.4, "ay": 0.0, "aw": 0.0,
        "ck": 0.0, "es_": 0.2, "ts_": 0.4, "_re": 0.1, "oun": 0.4, "hy_": 0.6,
    },
}
# Drop placeholder entries (length != 3) so the tables stay honest.
_TRIGRAMS = {
    lang: {k: v for k, v in table.items() if len(k) == 3 and v > 0}
    for lang, table in _TRIGRAMS.items()
}

_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_GERMAN_CHARS = frozenset("äöüß")
# Letters that German and English (almost) never use.
_OTHER_CHARS = frozenset("àâçèéêëîïôùûÿœñáíóúãõąćęłńśźżğışşčřžåøæ")

# Only look at the first part of very long texts: it is enough evidence and
# keeps the cost bounded for pasted documents.
_MAX_CHARS = 600
_STOPWORD_WEIGHT = 1.0
_MAX_TRIGRAM_WORDS = 40
_CHAR_WEIGHT = 0.5


def _word_tokens(text: str) -> list[str]:
    return _WORD_RE.findall(text[:_MAX_CHARS].lower())


def _trigram_votes(word: str, scores: dict[str, float]) -> None:
    padded = f"_{word}_"
    for i in range(len(padded) - 2):
        tri = padded[i : i + 3]
        for lang, table in _TRIGRAMS.items():
            w = table.get(tri)
            if w:
                scores[lang] += w * 0.25


def detect_language(text: str) -> tuple[str, float]:
    """Return ``(lang, confidence)`` with lang in ``de``/``en``/``other``.

    Confidence is in [0, 1].  Texts without any linguistic evidence (empty,
    numbers, emoji) return ``("other", 0.0)`` so callers can tell "unknown"
    from "confidently foreign".
    """
    if not text:
        return ("other", 0.0)
    words = _word_tokens(text)
    if not words:
        return ("other", 0.0)

    scores: dict[str, float] = {lang: 0.0 for lang in _STOPWORDS}
    content: list[str] = []
    for word in words:
        hit = False
        for lang, stops in _STOPWORDS.items():
            if word in stops:
                scores[lang] += _STOPWORD_WEIGHT
                hit = True
        if not hit and len(word) > 2:
            content.append(word)
    # Character cues on the whole (lower-cased, clipped) text at C speed.
    head = text[:_MAX_CHARS].lower()
    scores["de"] += _CHAR_WEIGHT * sum(head.count(ch) for ch in _GERMAN_CHARS)
    scores["fr"] += _CHAR_WEIGHT * 0.5 * sum(head.count(ch) for ch in _OTHER_CHARS if ch in head)
    # Trigrams cost ~5 µs per word: only consult them when function words
    # did not already give a clear answer (short or telegraphic messages).
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 4.0 or ranked[0] - ranked[1] < 2.0:
        for word in content[:_MAX_TRIGRAM_WORDS]:
            _trigram_votes(word, scores)

    de, en = scores["de"], scores["en"]
    other = max(v for k, v in scores.items() if k not in ("de", "en"))
    total = de + en + other
    if total <= 0.0:
        return ("other", 0.0)
    best_lang, best = max((("de", de), ("en", en), ("other", other)), key=lambda p: p[1])
    # Share of the votes, damped when there is little evidence at all (a
    # single "ok" should not come back with confidence 1.0).
    evidence = min(1.0, total / 3.0)
    confidence = (best / total) * (0.5 + 0.5 * evidence)
    return (best_lang, round(confidence, 3))
