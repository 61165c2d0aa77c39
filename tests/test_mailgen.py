"""The benchmark mailbox must have the mix the reference measurements were taken with.

If the mix drifts, benchmark numbers stop being comparable, so the proportions
are pinned here (±3 % on 2,000 mails), as are validity and determinism.
"""

from __future__ import annotations

import email
import re
from collections import Counter
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr

import pytest

from benchmarks.mailgen import generate_mails

N = 2000


@pytest.fixture(scope="module")
def raws() -> list[bytes]:
    return list(generate_mails(N, seed=1))


@pytest.fixture(scope="module")
def msgs(raws: list[bytes]) -> list[EmailMessage]:
    return [email.message_from_bytes(raw, policy=policy.default) for raw in raws]  # type: ignore[misc]


def _share(n: int) -> float:
    return n / N


def test_deterministic_per_seed() -> None:
    assert list(generate_mails(300, seed=7)) == list(generate_mails(300, seed=7))
    assert list(generate_mails(50, seed=7)) != list(generate_mails(50, seed=8))
    # a prefix of a longer run is the shorter run
    assert list(generate_mails(100, seed=3)) == list(generate_mails(300, seed=3))[:100]


def test_parses_without_defects(msgs: list[EmailMessage]) -> None:
    for msg in msgs:
        for part in msg.walk():
            assert not part.defects, (msg["Message-ID"], part.get_content_type(), part.defects)
        for name, value in msg.items():
            assert not getattr(value, "defects", ()), (msg["Message-ID"], name, value.defects)


def test_line_endings_consistent(raws: list[bytes]) -> None:
    assert not any(b"\r" in raw for raw in raws)


def test_structure_mix(msgs: list[EmailMessage]) -> None:
    kinds = Counter(msg.get_content_type() for msg in msgs)
    assert abs(_share(kinds["text/plain"]) - 0.60) <= 0.03
    assert abs(_share(kinds["multipart/alternative"]) - 0.30) <= 0.03
    assert abs(_share(kinds["multipart/mixed"]) - 0.10) <= 0.03
    for msg in msgs:
        if msg.get_content_type() == "multipart/alternative":
            assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
        if msg.get_content_type() == "multipart/mixed":
            attachments = list(msg.iter_attachments())
            assert 1 <= len(attachments) <= 2
            for part in attachments:
                size = len(part.get_content())
                assert 2 * 1024 <= size <= 30 * 1024
                assert part.get_filename()
            assert msg.get_body(("plain",)) is not None


def test_replies(msgs: list[EmailMessage]) -> None:
    seen: set[str] = set()
    replies = 0
    for msg in msgs:
        msgid = msg["Message-ID"]
        assert msgid not in seen
        parent = msg["In-Reply-To"]
        if parent:
            replies += 1
            assert parent in seen  # points to an earlier mail
            refs = str(msg["References"]).split()
            assert refs[-1] == parent
            assert all(ref in seen for ref in refs)
            body = msg.get_body(("plain",))
            assert body is not None
            assert re.search(r"^> ", body.get_content(), re.M)
            assert str(msg["Subject"]).startswith(("Re: ", "AW: "))
        seen.add(msgid)
    assert len(seen) == N
    assert abs(_share(replies) - 0.30) <= 0.03


def test_languages(msgs: list[EmailMessage]) -> None:
    de_words = {"und", "nicht", "ich", "Sie", "mir", "bitte", "der", "die"}
    en_words = {"the", "and", "not", "you", "me", "please", "my", "to"}
    langs = Counter()
    for msg in msgs:
        body = msg.get_body(("plain",))
        assert body is not None
        own = body.get_content().split("\n>", 1)[0]
        words = re.findall(r"\w+", own)
        langs["de" if sum(w in de_words for w in words) > sum(w in en_words for w in words) else "en"] += 1
    assert abs(_share(langs["de"]) - 0.5) <= 0.03
    assert abs(_share(langs["en"]) - 0.5) <= 0.03


def test_senders_and_size(raws: list[bytes], msgs: list[EmailMessage]) -> None:
    froms = [parseaddr(str(msg["From"])) for msg in msgs]
    addresses = {addr for _, addr in froms}
    assert 180 <= len(addresses) <= 220
    assert all(name for name, _ in froms)
    mean = sum(map(len, raws)) / N
    assert 3800 <= mean <= 4800, mean
