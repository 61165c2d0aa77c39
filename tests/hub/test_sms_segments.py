"""SMS segment counting (GSM 03.38 / 3GPP TS 23.038), as the SMS composer shows it."""

from __future__ import annotations

import pytest

from hub.sms_segments import count_sms


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", "GSM-7", 0, 0),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("Grüße aus Köln, Straße 5", "GSM-7", 24, 1),  # ä ö ü ß are in the default alphabet
        ("€" * 80, "GSM-7", 160, 1),  # extension characters take two septets
        ("€" * 81, "GSM-7", 162, 2),
        ("a" * 152 + "€", "GSM-7", 154, 1),
        ("a" * 152 + "€" + "a" * 152, "GSM-7", 306, 3),  # 2 by division; the escape pair is never split across parts
        ("ç" * 70, "UCS-2", 70, 1),  # lower-case ç is not GSM (only Ç is)
        ("ç" * 71, "UCS-2", 71, 2),
        ("Danke 🙂", "UCS-2", 8, 1),  # an emoji is a surrogate pair: two UTF-16 units
        ("a" * 66 + "🙂", "UCS-2", 68, 1),
        ("a" * 66 + "🙂" + "a" * 65, "UCS-2", 133, 2),
        ("a" * 66 + "🙂" + "a" * 66, "UCS-2", 134, 3),  # 2 by division; the pair does not fit in part one's last unit
    ],
)
def test_counts(text: str, encoding: str, units: int, segments: int) -> None:
    counted = count_sms(text)
    assert (counted.encoding, counted.units, counted.segments) == (encoding, units, segments)
    assert counted.per_segment == ({"GSM-7": 160, "UCS-2": 70}[encoding] if segments <= 1 else {"GSM-7": 153, "UCS-2": 67}[encoding])
