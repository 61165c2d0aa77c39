"""How many SMS a text costs: GSM-7 when every character fits, else UCS-2.

Agents see the count while they type an SMS reply (the composer's script
mirrors this in ``web/static/channel_reply.js``), because a reply one
umlaut-free character too long, or with one emoji, is billed as two or three
messages. The rules are GSM 03.38 / 3GPP TS 23.038: 160 septets in a single
message, 153 per part of a concatenated one (the header takes the rest); an
extension character (``€``, ``[``...) takes two septets and is never split
across parts. UCS-2 holds 70 UTF-16 units, 67 per part, and a surrogate pair
(most emoji) is never split either.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The GSM 03.38 default alphabet: one septet each.
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: The extension table: an escape septet plus one, so two each.
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class SmsCount:
    """What a text costs as SMS."""

    encoding: str  # "GSM-7" or "UCS-2"
    #: Septets (GSM-7) or UTF-16 units (UCS-2).
    units: int
    segments: int
    #: Units one message holds at this length: the single-message limit, or the per-part one once split.
    per_segment: int


def _gsm_units(char: str) -> int | None:
    if char in GSM_BASIC:
        return 1
    if char in GSM_EXTENDED:
        return 2
    return None


def count_sms(text: str) -> SmsCount:
    """Encoding, length in units and number of SMS of ``text`` (an empty text costs no SMS)."""
    gsm = [_gsm_units(char) for char in text]
    if all(units is not None for units in gsm):
        sizes, encoding, single, part = [u for u in gsm if u is not None], "GSM-7", GSM_SINGLE, GSM_PART
    else:
        sizes, encoding, single, part = [2 if ord(char) > 0xFFFF else 1 for char in text], "UCS-2", UCS2_SINGLE, UCS2_PART
    total = sum(sizes)
    if total == 0:
        return SmsCount(encoding, 0, 0, single)
    if total <= single:
        return SmsCount(encoding, total, 1, single)
    segments, room = 1, part
    for size in sizes:  # greedy, never splitting a character's units across two parts
        if size > room:
            segments, room = segments + 1, part
        room -= size
    return SmsCount(encoding, total, segments, part)
