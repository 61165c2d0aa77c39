"""Threading on real reply chains and on the cases that fool other helpdesks."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.mail_sources import iter_source
from hub.models import Interaction, PipelineDecision
from hub.parsing import MailParseError, parse_mail_with_repair
from tests.helpers import import_mails, interactions_by_message_id


def _expected_components(raws: list[bytes]) -> dict[str, str]:
    """Message-ID -> component root, linking every id to the ids its headers name (JWZ/notmuch view)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    ids = []
    for raw in raws:
        try:
            mail = parse_mail_with_repair(raw)
        except MailParseError:  # a licence file in the corpus folder; ingest quarantines it
            continue
        if not mail.message_id:
            continue
        ids.append(mail.message_id)
        for ref in mail.in_reply_to + mail.references:
            parent[find(ref)] = find(mail.message_id)
    return {mid: find(mid) for mid in ids}


def _pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for mid, group in groups.items():
        members[group].append(mid)
    return {(a, b) for group in members.values() for a in group for b in group if a < b}


@pytest.mark.parametrize("order", ["sorted", "shuffled"])
def test_notmuch_reply_chains_thread_like_notmuch(runtime, shared_data: Path, order: str) -> None:
    raws = [m.data for m in iter_source(shared_data / "email" / "notmuch-corpora")]
    if order == "shuffled":
        random.Random(7).shuffle(raws)
        runtime.settings.ingest_batch_size = 17  # parents often arrive in a later batch than their replies
    import_mails(runtime, raws)
    expected = _pairs(_expected_components(raws))
    stored = interactions_by_message_id(runtime)
    got = _pairs({mid: str(i.thread_id) for mid, i in stored.items()})
    missing, extra = expected - got, got - expected
    recall = 1 - len(missing) / len(expected)
    print(f"\nnotmuch corpora ({order}): {len(stored)} messages, {len(expected)} same-thread pairs expected, recall {recall:.1%}, {len(extra)} wrong pairs")
    print("missing pairs:", sorted(missing)[:6])
    assert not extra, f"messages threaded together that are not related: {sorted(extra)[:5]}"
    assert recall == 1.0


def _mail(mid: str, sender: str, to: str, subject: str, body: str = "Hallo", in_reply_to: str = "", references: str = "", date: str = "Mon, 02 Nov 2026 09:00:00 +0100") -> bytes:
    headers = [f"From: {sender}", f"To: {to}", f"Subject: {subject}", f"Message-ID: <{mid}>", f"Date: {date}"]
    if in_reply_to:
        headers.append(f"In-Reply-To: <{in_reply_to}>")
    if references:
        headers.append(f"References: {references}")
    return ("\r\n".join(headers) + f"\r\n\r\n{body}\r\n").encode()


@pytest.fixture
def shop(runtime):  # type: ignore[no-untyped-def]
    """A hub whose mailbox is service@shop.example."""
    with unit_of_work(runtime.factory) as session:
        ensure_channel(session, kind="imap", name="service", address="service@shop.example")
    return runtime


def _decision(runtime, mid: str, stage: str) -> str:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        rows = session.execute(
            select(PipelineDecision.decision, PipelineDecision.reason)
            .join(Interaction, Interaction.id == PipelineDecision.interaction_id)
            .where(Interaction.channel_message_id == mid, PipelineDecision.stage == stage)
        ).all()
    return " | ".join(f"{d}: {r}" for d, r in rows)


def test_forged_in_reply_to_from_another_sender_starts_a_new_thread(shop) -> None:
    import_mails(shop, [_mail("a1@example.org", "Anna Weber <anna@example.org>", "service@shop.example", "Rechnung 2026-113")])
    import_mails(shop, [_mail("s1@shop.example", "service@shop.example", "anna@example.org", "Re: Rechnung 2026-113", in_reply_to="a1@example.org")], )
    import_mails(shop, [_mail("x1@evil.example", "Mallory <mallory@evil.example>", "service@shop.example", "Re: Rechnung 2026-113", in_reply_to="s1@shop.example", references="<a1@example.org> <s1@shop.example>")])
    stored = interactions_by_message_id(shop)
    assert stored["s1@shop.example"].thread_id == stored["a1@example.org"].thread_id
    assert stored["x1@evil.example"].thread_id != stored["a1@example.org"].thread_id
    reason = _decision(shop, "x1@evil.example", "thread")
    assert "not joined" in reason and "mallory@evil.example" in reason


def test_reply_from_customer_and_from_a_colleague_join(shop) -> None:
    import_mails(shop, [_mail("b1@firma.example", "Bernd <bernd@firma.example>", "service@shop.example", "Lieferung")])
    import_mails(shop, [_mail("s2@shop.example", "service@shop.example", "bernd@firma.example", "Re: Lieferung", in_reply_to="b1@firma.example")])
    import_mails(shop, [_mail("b2@firma.example", "Bernd <bernd@firma.example>", "service@shop.example", "Re: Lieferung", in_reply_to="s2@shop.example")])
    import_mails(shop, [_mail("c1@firma.example", "Carla <carla@firma.example>", "service@shop.example", "Re: Lieferung", in_reply_to="s2@shop.example")])
    import_mails(shop, [_mail("g1@gmail.com", "Gina <gina@gmail.com>", "service@shop.example", "Re: Lieferung", in_reply_to="c1@firma.example")])
    stored = interactions_by_message_id(shop)
    root = stored["b1@firma.example"].thread_id
    assert stored["b2@firma.example"].thread_id == root
    assert stored["c1@firma.example"].thread_id == root, _decision(shop, "c1@firma.example", "thread")
    assert stored["g1@gmail.com"].thread_id != root, "a free-mail domain is nobody's company"


def test_orphan_reply_finds_the_root_through_references(shop) -> None:
    """Our own reply never reached the mailbox; the customer's answer names it and the root."""
    import_mails(shop, [_mail("r1@example.org", "anna@example.org", "service@shop.example", "Kündigung")])
    import_mails(shop, [_mail("r3@example.org", "anna@example.org", "service@shop.example", "AW: Kündigung", in_reply_to="missing@shop.example", references="<r1@example.org> <missing@shop.example>")])
    stored = interactions_by_message_id(shop)
    assert stored["r3@example.org"].thread_id == stored["r1@example.org"].thread_id
    assert "References <r1@example.org>" in _decision(shop, "r3@example.org", "thread")


def test_subject_fallback_for_clients_without_reply_headers(shop) -> None:
    import_mails(shop, [_mail("f1@example.org", "anna@example.org", "service@shop.example", "Zählerstand Mai")])
    import_mails(shop, [_mail("f2@example.org", "anna@example.org", "service@shop.example", "AW: Zählerstand Mai", date="Tue, 03 Nov 2026 09:00:00 +0100")])
    import_mails(shop, [_mail("f3@example.org", "other@example.net", "service@shop.example", "AW: Zählerstand Mai", date="Tue, 03 Nov 2026 10:00:00 +0100")])
    stored = interactions_by_message_id(shop)
    assert stored["f2@example.org"].thread_id == stored["f1@example.org"].thread_id
    assert "subject" in _decision(shop, "f2@example.org", "thread")
    assert stored["f3@example.org"].thread_id != stored["f1@example.org"].thread_id, "same subject, other contact"


def test_late_parent_joins_its_replies(shop) -> None:
    import_mails(shop, [_mail("l2@example.org", "service@shop.example", "anna@example.org", "Re: Termin", in_reply_to="l1@example.org")])
    import_mails(shop, [_mail("l1@example.org", "anna@example.org", "service@shop.example", "Termin")])
    stored = interactions_by_message_id(shop)
    assert stored["l1@example.org"].thread_id == stored["l2@example.org"].thread_id
    assert "names this message as its parent" in _decision(shop, "l1@example.org", "thread")
