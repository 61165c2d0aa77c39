"""Is an SMS spam? A small set of named rules, each adding weight and saying why.

No model: an SMS channel may see a handful of messages a day, and an agent
must be able to read why one was flagged ("asks to text a keyword to a
short code; states a premium rate"). The rules describe what premium-rate
and prize spam does (keyword-to-short-code calls to action, per-message
prices, prize claims, opt-out boilerplate, links), in English and German,
and were written from that knowledge, not fitted to a data set;
``benchmarks/sms_spam.py`` measures them on the UCI SMS Spam dev split.

Customers write to a business about orders and offers, so the rules that
could hit a real customer (a phone number, a link, an amount, "Angebot",
capitals) never flag a message on their own, however many of them meet:
flagging needs :data:`THRESHOLD` weight *and* one of the :data:`STRONG`
rules, the ones that describe what spam asks of the reader.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

#: Total weight from which a message is flagged.
THRESHOLD = 3.0
#: Rules a customer's own message hardly ever meets; at least one must fire.
STRONG = frozenset({"short_code_call_to_action", "premium_rate", "prize_claim", "opt_out"})


@dataclass(frozen=True)
class Rule:
    """One kind of evidence: a pattern, its weight, and the reason an agent reads."""

    name: str
    pattern: re.Pattern[str]
    weight: float
    reason: str


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


RULES: tuple[Rule, ...] = (
    Rule("short_code_call_to_action",
         _rx(r"\b(?:text|txt|send|sms|reply|call|ring|dial|simse?|schick(?:e|en)?|sende(?:n)?|antworte(?:n)?)\b[^.!?\n]{0,30}?\b(?:to|on|an)\s+\d{4,6}\b"),
         2.5, "asks to text or call a short code"),
    Rule("premium_rate",
         _rx(r"\b\d{2,3}p\b|\b\d+p\s*/\s*(?:min|msg|txt|wk)|\bper\s+(?:min|minute|msg|message|txt|week|wk)\b|/\s*(?:min|msg|minute)\b"
             r"|\bstd\.?\s*txt\s*rate|\bcost[s]?\s+\d|\b\d+(?:[.,]\d+)?\s*(?:€|eur|euro|cent)\s*/\s*(?:min|sms)\b|\bpro\s+(?:min|minute|sms)\b"),
         2.0, "states a premium rate"),
    Rule("prize_claim",
         _rx(r"\b(?:you\s+(?:have\s+)?(?:won|been\s+selected)|winner|prize|award(?:ed)?|claim(?:\s+(?:your|now|code))?|guaranteed|selected\s+to\s+receive"
             r"|gewonnen|gewinner|gewinnspiel|preis\s+abholen|ausgew[äa]hlt)\b"),
         2.0, "announces a prize or asks to claim one"),
    Rule("money_amount",
         _rx(r"[£$€]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:£|\$|€|euro?s?|pounds?|dollars?)\b|\bcash\b|\bbargeld\b"),
         1.0, "names an amount of money"),
    Rule("free_offer",
         _rx(r"\bfree(?:\s*(?:entry|msg|message|txt|text|ringtone|call|gift|camera|phone|video|sms|membership|tone))?\b|\bgratis\b|\bkostenlos\b|\bumsonst\b"),
         1.0, "offers something free"),
    Rule("opt_out",
         _rx(r"\b(?:reply|send|text|txt)\s+stop\b|\bstop\s*(?:to|2)\s+(?:end|cancel|opt|unsub)|\bunsubscribe\b|\bopt[\s-]?out\b|\bto\s+(?:stop|end|cancel)\b"
             r"|\babmelden\b|\babbestellen\b"),
         1.5, "has opt-out instructions like bulk messages"),
    Rule("promotion_words",
         _rx(r"\b(?:ringtones?|voucher|bonus|offer|subscription|subscriber|mobile\s+(?:update|upgrade)|camera\s+phone|latest\s+(?:colour|color|nokia|motorola)"
             r"|t\s*&\s*cs?|18\+|over\s*18|(?:ur|your)\s+mob(?:ile)?|chat\s+(?:with|to)\s+(?:sexy|local|singles)|dating|rabatt|gutschein|angebot)\b"),
         1.0, "uses promotion words"),
    Rule("urgency",
         _rx(r"\b(?:urgent|act\s+now|limited\s+time|expires?|final\s+(?:notice|attempt|chance)|last\s+chance|immediately|dringend|sofort|letzte\s+chance)\b"),
         1.0, "pushes to act at once"),
    Rule("link", _rx(r"https?://|\bwww\.|\b[\w-]+\.(?:com|net|co\.uk|biz|info|ly)\b"), 1.0, "contains a web link"),
    Rule("long_number", _rx(r"\b0[89]\d{2}[\s-]?\d{3,}|\b\d{10,}\b"), 1.0, "contains a premium or long phone number"),
)


@dataclass(frozen=True)
class SpamVerdict:
    """Whether a message looks like spam, how strongly (0..1) and which rules said so."""

    is_spam: bool
    score: float
    weight: float
    rules: tuple[str, ...]
    reasons: tuple[str, ...]


def spam_verdict(text: str) -> SpamVerdict:
    """Apply every rule once; flag at :data:`THRESHOLD` total weight with a :data:`STRONG` rule among them."""
    weight, names, reasons = 0.0, [], []
    for rule in RULES:
        match = rule.pattern.search(text or "")
        if match:
            weight += rule.weight
            names.append(rule.name)
            reasons.append(f"{rule.reason} ({match.group(0).strip()[:40]!r})")
    if _shouting(text or ""):
        weight += 0.5
        names.append("capitals")
        reasons.append("written mostly in capitals")
    # A smooth 0..1 score for sorting; the flag itself is the threshold.
    score = 1.0 - math.exp(-weight / THRESHOLD)
    flagged = weight >= THRESHOLD and not STRONG.isdisjoint(names)
    return SpamVerdict(flagged, round(score, 3), weight, tuple(names), tuple(reasons))


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) >= 0.5
