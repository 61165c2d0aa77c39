"""Build ``train.jsonl`` from the authored fragments (deterministic).

Why a generator: hand-writing thousands of whole messages is slow and
repetitive, but the *parts* of a customer message (greeting, context,
the actual request, an escalation, a sign-off) combine freely.  Every core
sentence is authored; the generator varies register (formal letter, web
form, chat/SMS), adds context and escalations, and injects realistic noise
(typos, missing umlauts, lower-case chat) so the model does not learn the
template.

Labels:
* ``crm_intent`` comes from the core sentence's block.
* ``complaint`` is true when the core sentence is a complaint (``!``) or an
  escalation fragment was added.
* ``severity`` mirrors the escalation that was added (high for legal,
  cancellation threat, repeated contact, public escalation; medium for
  emotion/urgency; low for a plain complaint).  It is documentation for the
  rule components, which compute severity themselves.
* Support tickets (``fragments_tickets``, subject + body) carry an intent
  but no complaint label; German public posts (``fragments_social*``) carry
  a complaint label but no intent.  A missing label is not trained on.

Every section (language x intent block, posts, narratives, tickets) draws
from its own seeded RNG stream, so editing one block leaves the rows of all
other blocks unchanged and an experiment measures only its own change.

Run: ``python -m nlp.training_data.generate`` (writes next to this file).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from types import ModuleType

from nlp.training_data import (
    fragments_banking_en,
    fragments_de,
    fragments_en,
    fragments_extra,
    fragments_more_de,
    fragments_more_en,
    fragments_social_de,
    fragments_social_more_de,
    fragments_tickets,
)

SEED = 20240611
OUT = Path(__file__).resolve().parent / "train.jsonl"
# Minimum examples per (language, intent); ~5,000 rows overall train in ~30 s.
PER_INTENT = {"other": 260, "feedback_praise": 110, "appointment_callback": 120}
DEFAULT_PER_INTENT = 170
# With many authored core lines the fixed count would drop most of them:
# every core line is used about this many times (in different registers).
USES_PER_CORE = 2.2
# Social posts: each authored post in about this many surface forms.
USES_PER_POST = 3
# Support tickets: each authored core line in about this many mails.
USES_PER_TICKET = 6
# Public posts are there to teach the complaint output; their intent is
# unknown rather than "other" (as "other" they made every long German text
# look like "other").
SOCIAL_INTENT: str | None = None

_UMLAUT_FOLD = [str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}),
                str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})]


def _parse_core(block: str) -> list[tuple[str, bool]]:
    """Lines of a CORE block -> (sentence, is_complaint)."""
    out: list[tuple[str, bool]] = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        out.append((line[1:], True) if line.startswith("!") else (line, False))
    return out


def _fill(text: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(slots[m.group(1)]), text)


def _typo(word: str, rng: random.Random) -> str:
    """One realistic keyboard slip: swap, drop or double a letter."""
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.75:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _noisify(text: str, lang: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(rng.choice([1, 1, 2])):
        j = rng.randrange(len(words))
        words[j] = _typo(words[j], rng)
    text = " ".join(words)
    if lang == "de" and rng.random() < 0.3:
        text = text.translate(rng.choice(_UMLAUT_FOLD))
    return text


def _chatify(text: str, rng: random.Random) -> str:
    if rng.random() < 0.6:
        text = text.lower()
    if rng.random() < 0.5:
        text = text.rstrip(".")
    return text


def _escalation(
    intent: str, complaint: bool, frag: ModuleType, rng: random.Random
) -> tuple[str, str | None]:
    """Pick an escalation fragment -> (text, severity) or ("", None)."""
    if intent == "feedback_praise":
        return "", None
    r = rng.random()
    if complaint:
        if r < 0.30:
            return rng.choice(frag.ESCALATION["medium"]), "medium"
        if r < 0.62:
            kinds = ["high_legal", "high_repeat", "high_public"]
            if intent != "cancellation":
                kinds.append("high_cancel")
            return rng.choice(frag.ESCALATION[rng.choice(kinds)]), "high"
        return "", "low"
    # A neutral request turns into a complaint when the customer adds that
    # they are chasing it again or are angry.
    if r < 0.06:
        return rng.choice(frag.ESCALATION["high_repeat"]), "high"
    if r < 0.09:
        return rng.choice(frag.ESCALATION["medium"]), "medium"
    return "", None


def _compose(
    lang: str, intent: str, core: list[tuple[str, bool]], idx: int, frag: ModuleType, rng: random.Random
) -> dict:
    sentence, complaint = core[idx % len(core)]
    sentence = _fill(sentence, frag.SLOTS, rng)
    esc, severity = _escalation(intent, complaint, frag, rng)
    if esc:
        complaint = True
    if complaint and severity is None:
        severity = "low"

    r = rng.random()
    register = "bare" if r < 0.3 else "chat" if r < 0.55 else "neutral" if r < 0.8 else "formal"
    body = sentence
    if register in ("formal", "neutral") and rng.random() < 0.3:
        # A second sentence of the same intent and polarity: longer mails.
        same = [s for s, c in core if c == complaint and s != sentence]
        if same:
            body += " " + _fill(rng.choice(same), frag.SLOTS, rng)
    if esc:
        body += " " + esc
    if register == "bare":
        text = body
        if rng.random() < 0.25:
            text = _noisify(text, lang, rng)
    elif register == "chat":
        opener = rng.choice(frag.OPENERS["chat"])
        closer = rng.choice(frag.CLOSERS["chat"])
        text = _chatify(" ".join(p for p in (opener, body, closer) if p), rng)
        if rng.random() < 0.5:
            text = _noisify(text, lang, rng)
    else:
        opener = rng.choice(frag.OPENERS[register])
        context = _fill(rng.choice(frag.CONTEXT), frag.SLOTS, rng) if rng.random() < 0.6 else ""
        closer = _fill(rng.choice(frag.CLOSERS[register]), frag.SLOTS, rng)
        sep = "\n\n" if register == "formal" else " "
        text = sep.join(p for p in (opener, " ".join(p for p in (context, body) if p), closer) if p)
        if rng.random() < 0.1:
            text = _noisify(text, lang, rng)
    return {
        "text": text,
        "lang": lang,
        "crm_intent": intent,
        "complaint": complaint,
        "severity": severity if complaint else None,
        "source": "authored",
    }


def _social_rows(rng: random.Random, seen: set[str]) -> list[dict]:
    """German public posts about a service: complaint or not, intent other."""
    posts = (_parse_core(fragments_social_de.POSTS_DE) + _parse_core(fragments_social_more_de.POSTS_DE)
             + _parse_core(fragments_social_more_de.POSTS_DE_3) + _parse_core(fragments_social_more_de.POSTS_DE_4))
    slots = fragments_social_de.SLOTS_SOCIAL
    rows: list[dict] = []
    for sentence, complaint in posts:
        for k in range(USES_PER_POST):
            text = _fill(sentence, slots, rng)
            if k:
                text = _fill(rng.choice(fragments_social_de.PREFIXES), slots, rng) + text
                suffixes = (fragments_social_de.SUFFIXES_NEG if complaint
                            else fragments_social_de.SUFFIXES_POS)
                text += _fill(rng.choice(fragments_social_de.SUFFIXES + suffixes), slots, rng)
                if rng.random() < 0.35:
                    text = _noisify(text, "de", rng)
                if rng.random() < 0.25:
                    text = text.lower()
            text = text.strip()
            if text in seen:
                continue
            seen.add(text)
            rows.append({"text": text, "lang": "de", "crm_intent": SOCIAL_INTENT, "complaint": complaint,
                         "severity": "low" if complaint else None, "source": "authored_social"})
    return rows


def _narrative_rows(rng: random.Random, seen: set[str]) -> list[dict]:
    """Long formal English complaints (intent|text lines), two surface forms each."""
    rows: list[dict] = []
    for line in fragments_more_en.NARRATIVES_EN.strip().splitlines():
        intent, text = line.split("|", 1)
        for variant in (text, rng.choice(fragments_en.OPENERS["formal"]) + " " + text):
            if variant in seen:
                continue
            seen.add(variant)
            rows.append({"text": variant, "lang": "en", "crm_intent": intent, "complaint": True,
                         "severity": "low", "source": "authored_narrative"})
    return rows


def _ticket_rows(rng: random.Random, seen: set[str], uses: int = USES_PER_TICKET) -> list[dict]:
    """Help-desk tickets: optional subject, greeting, intro, core, details, ask, sign-off.

    As a ticketing system exports them: subject and body joined by a line
    break.  ``complaint`` stays missing (a queue says nothing about it).
    """
    rows: list[dict] = []
    base = rng.getrandbits(64)  # one sub-stream per language x intent, as in generate()
    for lang, t in sorted(fragments_tickets.TICKETS.items()):
        slots = t["slots"]
        for intent, cores in t["core"].items():
            rng = random.Random(f"{base}:{lang}:{intent}")
            for core in cores:
                for _ in range(uses):
                    parts = [rng.choice(t["greetings"])]
                    if rng.random() < 0.6:
                        parts.append(rng.choice(t["intros"]))
                    parts.append(core)
                    if rng.random() < 0.5:
                        parts.append(rng.choice(t["details"][intent]))
                    if intent == "technical_problem" and rng.random() < 0.5:
                        parts.append(rng.choice(t["tried"]))
                    if rng.random() < 0.7:
                        parts.append(rng.choice(t["asks"][intent]))
                    parts.append(rng.choice(t["closings"]))
                    body = _fill(" ".join(p for p in parts if p), slots, rng)
                    if rng.random() < 0.15:
                        body = _noisify(body, lang, rng)
                    r = rng.random()
                    if r < 0.85:
                        subject = _fill(rng.choice(t["subjects"][intent]), slots, rng)
                        text = subject + "\n" + body
                    else:
                        text = body
                    if text in seen:
                        continue
                    seen.add(text)
                    rows.append({"text": text, "lang": lang, "crm_intent": intent, "complaint": None,
                                 "severity": None, "source": "authored_ticket"})
    return rows


def _stream(seed: int, *section: str) -> random.Random:
    """An RNG of its own per section (language x intent, posts, tickets).

    With one shared RNG, adding a line to one block re-drew every row after
    it (registers, typos, slots of all later blocks), so any data change
    moved the dev figures by +-0.01 for reasons that had nothing to do with
    the change.  String seeds are hashed deterministically by ``random``.
    """
    return random.Random(":".join((str(seed), *section)))


def generate(seed: int = SEED) -> list[dict]:
    """All examples, deterministic for a given seed, de-duplicated by text."""
    rows: list[dict] = []
    seen: set[str] = set()
    extra = {
        "de": (fragments_extra.CORE_DE, fragments_more_de.CORE_DE),
        "en": (fragments_extra.CORE_EN, fragments_more_en.CORE_EN, fragments_banking_en.CORE_EN,
               fragments_banking_en.MORE_EN),
    }
    for lang, frag in (("de", fragments_de), ("en", fragments_en)):
        for intent, block in frag.CORE.items():
            rng = _stream(seed, lang, intent)
            core = _parse_core(block)
            for more in extra[lang]:
                core += _parse_core(more.get(intent, ""))
            rng.shuffle(core)
            n = max(PER_INTENT.get(intent, DEFAULT_PER_INTENT), int(len(core) * USES_PER_CORE))
            attempts = 0
            made = 0
            while made < n and attempts < n * 5:
                row = _compose(lang, intent, core, attempts, frag, rng)
                attempts += 1
                if row["text"] in seen:
                    continue
                seen.add(row["text"])
                rows.append(row)
                made += 1
    rows.extend(_social_rows(_stream(seed, "social"), seen))
    rows.extend(_narrative_rows(_stream(seed, "narratives"), seen))
    rows.extend(_ticket_rows(_stream(seed, "tickets"), seen))
    _stream(seed, "order").shuffle(rows)
    return rows


def main() -> None:
    rows = generate()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} examples to {OUT}")


if __name__ == "__main__":
    main()
