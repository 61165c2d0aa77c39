"""The demo mailbox is the hub's show-case data: it must be valid, varied and stable.

Stable because demos, screenshots and other tests rely on the same bytes;
valid because every importer of the hub meets it first.
"""

from __future__ import annotations

import email
import mailbox
import re
import zlib
from collections import Counter
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

import pytest

from hub.demo import DemoMail, build_demo_mailbox, write_mbox
from hub.demo.scenarios import COMPANY_DOMAIN, REFERENCE_DATE


@pytest.fixture(scope="module")
def mails() -> list[DemoMail]:
    return build_demo_mailbox()


@pytest.fixture(scope="module")
def parsed(mails: list[DemoMail]) -> list[EmailMessage]:
    return [email.message_from_bytes(m.raw, policy=policy.default) for m in mails]  # type: ignore[misc]


def _text(msg: EmailMessage) -> str:
    body = msg.get_body(("plain",))
    assert body is not None
    return body.get_content()


def _own_text(msg: EmailMessage) -> str:
    """The mail's own words, without quoted history."""
    text = _text(msg)
    cut = re.search(r"^(>|Am .* schrieb|On .* wrote:|-----|_{20,}|Gesendet: )", text, re.M)
    return text[: cut.start()] if cut else text


def test_deterministic() -> None:
    assert build_demo_mailbox() == build_demo_mailbox()


def test_size_and_folders(mails: list[DemoMail]) -> None:
    assert len(mails) >= 240
    folders = Counter(m.folder for m in mails)
    assert set(folders) == {"INBOX", "Sent"}
    assert folders["Sent"] >= 80


def test_parses_without_defects(parsed: list[EmailMessage]) -> None:
    for msg in parsed:
        for part in msg.walk():
            assert not part.defects, (msg["Subject"], part.get_content_type(), part.defects)
        for name, value in msg.items():
            assert not getattr(value, "defects", ()), (msg["Subject"], name, value.defects)
        for name in ("From", "To", "Subject", "Date", "Message-ID"):
            assert msg[name], (name, msg["Subject"])


def test_message_ids_unique_and_replies_resolve(parsed: list[EmailMessage]) -> None:
    ids = [msg["Message-ID"] for msg in parsed]
    assert len(ids) == len(set(ids))
    known = set(ids)
    replies = [msg for msg in parsed if msg["In-Reply-To"]]
    assert len(replies) > len(parsed) // 2
    for msg in replies:
        assert msg["In-Reply-To"] in known
        refs = str(msg["References"]).split()
        assert refs[-1] == msg["In-Reply-To"]
        assert all(ref in known for ref in refs)


def test_threads_go_back_and_forth(parsed: list[EmailMessage]) -> None:
    roots = Counter(str(msg["References"]).split()[0] if msg["References"] else msg["Message-ID"]
                    for msg in parsed)
    sizes = sorted(roots.values(), reverse=True)
    assert sum(1 for n in sizes if n >= 3) >= 30
    assert sizes[0] >= 6


def test_both_languages(parsed: list[EmailMessage]) -> None:
    de_words = {"und", "nicht", "bitte", "ich", "Sie", "ist", "wir", "das"}
    en_words = {"the", "and", "please", "you", "is", "we", "thanks", "to"}
    langs = Counter()
    for msg in parsed:
        words = re.findall(r"\w+", _own_text(msg))
        de = sum(w in de_words for w in words)
        en = sum(w in en_words for w in words)
        langs["de" if de > en else "en"] += 1
    assert langs["de"] >= 0.5 * len(parsed)
    assert langs["en"] >= 0.15 * len(parsed)


def test_html_and_attachments(parsed: list[EmailMessage]) -> None:
    html = [m for m in parsed if any(p.get_content_type() == "text/html" for p in m.walk())]
    assert len(html) >= 20
    for msg in html:
        assert msg.get_body(("plain",)) is not None  # always a text alternative
    kinds = Counter()
    for msg in parsed:
        for part in msg.iter_attachments():
            data = part.get_content()
            kinds[part.get_content_type()] += 1
            assert part.get_filename()
            if part.get_content_type() == "application/pdf":
                assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
                xref = int(data.rsplit(b"startxref", 1)[1].split()[0])
                assert data[xref:xref + 4] == b"xref"
            elif part.get_content_type() == "image/png":
                assert data.startswith(b"\x89PNG\r\n\x1a\n")
                idat = data.index(b"IDAT")
                length = int.from_bytes(data[idat - 4:idat], "big")
                assert zlib.decompress(data[idat + 4: idat + 4 + length])
    assert kinds["application/pdf"] >= 10
    assert kinds["image/png"] >= 3
    assert kinds["text/csv"] >= 3


def test_senders_and_folders(mails: list[DemoMail], parsed: list[EmailMessage]) -> None:
    senders = {parseaddr(str(msg["From"]))[1].lower() for msg in parsed}
    customers = {s for s in senders if not s.endswith("@" + COMPANY_DOMAIN)}
    assert len(senders) >= 10
    assert len(customers) >= 30
    assert len({s.split("@")[1] for s in customers}) >= 12  # free-mail and company domains
    for mail, msg in zip(mails, parsed):
        addr = parseaddr(str(msg["From"]))[1]
        if mail.folder == "Sent":
            assert addr.endswith("@" + COMPANY_DOMAIN)
        else:
            assert not addr.endswith("@" + COMPANY_DOMAIN)


def test_realistic_features(parsed: list[EmailMessage]) -> None:
    texts = [_text(m) for m in parsed]
    joined = "\n".join(texts)
    assert re.search(r"^Am .* schrieb .*:$", joined, re.M)
    assert re.search(r"^On .* wrote:$", joined, re.M)
    assert "-----Ursprüngliche Nachricht-----" in joined and "\nGesendet: " in joined
    assert re.search(r"KD-\d{6}", joined)
    assert "zum dritten Mal" in joined
    # one customer writes from two addresses
    by_name: dict[str, set[str]] = {}
    for msg in parsed:
        name, addr = parseaddr(str(msg["From"]))
        by_name.setdefault(name, set()).add(addr)
    assert any(len(addrs) > 1 for name, addrs in by_name.items() if "Nordlicht" not in name)
    assert any(m["Auto-Submitted"] for m in parsed)


def test_dates_in_the_six_months_before_reference(parsed: list[EmailMessage]) -> None:
    dates = [parsedate_to_datetime(str(m["Date"])) for m in parsed]
    assert all(d.tzinfo is not None for d in dates)
    assert max(dates) < REFERENCE_DATE
    assert min(dates) > REFERENCE_DATE - timedelta(days=190)
    assert max(dates) - min(dates) > timedelta(days=150)


def test_write_mbox(tmp_path: Path, mails: list[DemoMail]) -> None:
    total = write_mbox(tmp_path / "all.mbox")
    inbox = write_mbox(tmp_path / "inbox.mbox", "INBOX")
    sent = write_mbox(tmp_path / "sent.mbox", "Sent")
    assert total == len(mails) == inbox + sent
    first = (tmp_path / "all.mbox").read_bytes()
    write_mbox(tmp_path / "all.mbox")
    assert (tmp_path / "all.mbox").read_bytes() == first
    box = mailbox.mbox(str(tmp_path / "sent.mbox"))
    try:
        assert len(box) == sent
        ids = {msg["Message-ID"] for msg in box}
        assert len(ids) == sent
    finally:
        box.close()
