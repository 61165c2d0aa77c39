"""Contact-match scoring (``hub.matching``): rules, near-misses, the
labelled evaluation set with its precision/recall floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from hub.matching import (
    ContactCandidate,
    KnownIdentity,
    MatchDecision,
    name_relation,
    score_candidates,
)
from nlp.signals import Signal, SignalExtractor, Signals

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "contact_matching_eval.jsonl"

#: Floors reached on the authored eval set (see benchmarks/contact_matching.py).
PRECISION_FLOOR = 1.0  # not a single wrong auto-match
RECALL_FLOOR = 0.99


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def ex() -> SignalExtractor:
    return SignalExtractor(default_region="DE")


def contact(cid: int, name: str, *ids: tuple[str, str], company: str | None = None,
            domains: tuple[str, ...] = ()) -> ContactCandidate:
    return ContactCandidate(cid, name, tuple(KnownIdentity(k, v) for k, v in ids), company, domains)


ANNA = contact(1, "Anna Weber", ("email", "anna.weber@muster-handel.de"), ("phone", "+49301234567"),
               ("customer_number", "KD-48213"), company="Muster Handel GmbH", domains=("muster-handel.de",))
PETER = contact(2, "Peter Schulz", ("email", "p.schulz@gmx.de"), ("phone", "+491712345678"))


def decide(ex: SignalExtractor, candidates, **msg) -> MatchDecision:  # noqa: ANN001
    msg.setdefault("body", "Hallo,\n\nanbei die Unterlagen.")
    msg.setdefault("from_name", None)
    return score_candidates(ex.extract(**msg), candidates)


# --------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "known", "relation"),
    [
        ("Anna Weber", "Anna Weber", "full"),
        ("Weber, Anna", "Anna Weber", "full"),
        ("ANNA WEBER", "Dr. Anna Weber", "full"),
        ("Anna Mueller", "Anna Müller", "full"),
        ("Anna Muller", "Anna Müller", "full"),
        ("Jörg Groß", "Joerg Gross", "full"),
        ("Hans Peter Müller", "Hans-Peter Müller", "full"),
        ("Anna Maria Weber", "Anna Weber", "full"),
        ("Anna Schmidt-Weber", "Anna Weber", "full"),
        ("A. Weber", "Anna Weber", "initial"),
        ("Peter Weber", "Anna Weber", "same_surname"),
        ("Jana Schmidt", "Jan Schmidt", "same_surname"),
        ("Hans-Jürgen Müller", "Hans-Peter Müller", "same_surname"),
        ("Anna Schulz", "Anna Weber", "other"),
        ("Anna", "Anna Weber", "partial"),
    ],
)
def test_name_relation(written: str, known: str, relation: str) -> None:
    assert name_relation(written, known) == relation


# --------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------


def test_exact_email_matches(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_name="Weber, Anna", from_address="Anna.Weber@Muster-Handel.de")
    assert (d.outcome, d.contact_id) == ("matched", 1)
    assert "sender address anna.weber@muster-handel.de = email of Anna Weber" in d.reason
    assert d.candidates[0].contact_id == 1


def test_plus_address_matches(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_address="p.schulz+shop@gmx.de")
    assert (d.outcome, d.contact_id) == ("matched", 2)
    assert "+tag" in d.reason


def test_signature_phone_plus_name_from_new_address(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_name="Anna Weber", from_address="anna.w@gmail.com",
               signature="Anna Weber\nTel.: 030 1234567")
    assert (d.outcome, d.contact_id) == ("matched", 1)
    assert 'phone +49301234567 in signature = phone of Anna Weber' in d.reason
    assert 'display name "Anna Weber" matches' in d.reason


def test_customer_number_plus_name(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_name="WEBER, ANNA", from_address="a.weber@web.de",
               body="Hallo,\n\nmeine Kundennummer ist 48213.")
    assert (d.outcome, d.contact_id) == ("matched", 1)
    assert "customer number 48213 in body = customer number of Anna Weber" in d.reason


def test_two_identifiers_without_a_name(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_address="post77@web.de", body="Kd.-Nr. KD-48213",
               signature="Tel. 030 1234567")
    assert (d.outcome, d.contact_id) == ("matched", 1)


@pytest.mark.parametrize(
    ("msg", "why"),
    [
        (dict(from_name="Anna Weber", from_address="anna.w@gmail.com"), "name only"),
        (dict(from_name=None, from_address="post@web.de", signature="Tel. 030 1234567"), "phone only"),
        (dict(from_name=None, from_address="post@web.de", body="Kundennummer KD-48213"), "customer number only"),
        (dict(from_name="Max Kramer", from_address="max.kramer@muster-handel.de"), "same company domain"),
        (dict(from_name="A. Weber", from_address="aweber@gmx.de"), "initial only"),
    ],
)
def test_single_weak_clue_is_only_suggested(ex: SignalExtractor, msg: dict, why: str) -> None:
    d = decide(ex, [ANNA, PETER], **msg)
    assert d.outcome == "suggested", why
    assert d.contact_id is None
    assert d.candidates and d.candidates[0].contact_id == 1


def test_customer_number_quoted_by_someone_else(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_name="Lisa Weber", from_address="lisa.weber@web.de",
               body="Hallo,\n\nich schreibe für meine Mutter, Kundennummer KD-48213.",
               signature="Lisa Weber")
    assert d.outcome == "suggested"
    assert "same surname" in d.reason


def test_homonyms_are_not_matched_by_name(ex: SignalExtractor) -> None:
    anna2 = contact(3, "Anna Weber", ("email", "anna.weber@t-online.de"), ("phone", "+4989123456"))
    d = decide(ex, [ANNA, anna2, PETER], from_name="Anna Weber", from_address="weber.anna@gmail.com")
    assert d.outcome == "suggested"
    assert {c.contact_id for c in d.candidates} >= {1, 3}
    assert "ambiguous" in d.reason
    # ... but a signature phone decides between them
    d = decide(ex, [ANNA, anna2, PETER], from_name="Anna Weber", from_address="weber.anna@gmail.com",
               signature="Anna Weber\nTel. 089 123456")
    assert (d.outcome, d.contact_id) == ("matched", 3)


def test_shared_family_address(ex: SignalExtractor) -> None:
    anna = contact(10, "Anna Müller", ("email", "familie.mueller@web.de"), ("email", "anna.m@gmx.de"))
    peter = contact(11, "Peter Müller", ("email", "familie.mueller@web.de"))
    both = [anna, peter, PETER]
    d = decide(ex, both, from_name="Familie Müller", from_address="familie.mueller@web.de")
    assert d.outcome == "suggested"
    assert {c.contact_id for c in d.candidates} >= {10, 11}
    assert "shared with" in d.reason
    d = decide(ex, both, from_name="Peter Mueller", from_address="familie.mueller@web.de")
    assert (d.outcome, d.contact_id) == ("matched", 11)
    d = decide(ex, both, from_name="Familie Müller", from_address="familie.mueller@web.de",
               body="Hallo,\n\nanbei.\n\nViele Grüße\nAnna Müller")
    assert (d.outcome, d.contact_id) == ("matched", 10)
    d = decide(ex, both, from_name="Lena Müller", from_address="familie.mueller@web.de")
    assert d.outcome != "matched"


def test_known_address_used_by_relative(ex: SignalExtractor) -> None:
    anna = contact(10, "Anna Müller", ("email", "mueller.privat@web.de"))
    d = decide(ex, [anna], from_name="Peter Müller", from_address="mueller.privat@web.de")
    assert d.outcome == "suggested"
    assert "another person with the same surname" in d.reason


def test_role_addresses(ex: SignalExtractor) -> None:
    owner = contact(20, "Hans Schmidt", ("email", "info@baeckerei-schmidt.de"), company="Bäckerei Schmidt e.K.",
                    domains=("baeckerei-schmidt.de",))
    clerk = contact(21, "Eva Roth", ("email", "eva.roth@baeckerei-schmidt.de"), company="Bäckerei Schmidt e.K.",
                    domains=("baeckerei-schmidt.de",))
    d = decide(ex, [owner, clerk], from_name="Bäckerei Schmidt", from_address="info@baeckerei-schmidt.de")
    assert d.outcome == "suggested"
    assert "role mailbox" in d.reason
    d = decide(ex, [owner, clerk], from_name="Hans Schmidt", from_address="info@baeckerei-schmidt.de")
    assert (d.outcome, d.contact_id) == ("matched", 20)
    d = decide(ex, [owner, clerk], from_name="Kundenservice", from_address="service@baeckerei-schmidt.de")
    assert d.outcome == "suggested"
    assert "sender domain baeckerei-schmidt.de" in d.reason


def test_free_mail_never_implies_company(ex: SignalExtractor) -> None:
    odd = contact(30, "Jan Roth", ("email", "jan.roth@gmail.com"), company="Roth Consulting", domains=("gmail.com",))
    d = decide(ex, [odd, PETER], from_name="Eva Klein", from_address="eva.klein@gmail.com")
    assert d.outcome == "new_contact"
    assert d.candidates == ()


def test_conflict_is_never_auto_merged(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_address="anna.weber@muster-handel.de",
               body="Hallo,\n\nanbei.\n\nViele Grüße\nPeter Schulz\nMobil: 0171 2345678")
    assert d.outcome == "suggested"
    assert d.reason.startswith("conflict")
    assert {c.contact_id for c in d.candidates} >= {1, 2}


def test_switchboard_phone_with_other_name(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_name="Max Kramer", from_address="m.kramer@muster-handel.de",
               signature="Max Kramer\nMuster Handel GmbH\nTel. 030 1234567")
    assert d.outcome == "suggested"
    assert 'differs from "Anna Weber"' in d.reason


def test_unknown_sender_is_new_contact(ex: SignalExtractor) -> None:
    d = decide(ex, [ANNA, PETER], from_name="Eva Klein", from_address="eva@klein-design.de")
    assert d == MatchDecision("new_contact", None, 0.0, "no known identity, name or company domain matches", ())
    assert score_candidates(Signals(), []).outcome == "new_contact"


def test_thresholds_are_parameters() -> None:
    signals = Signals((Signal("person_name", "Anna Weber", "display_name", "Anna Weber"),))
    assert score_candidates(signals, [ANNA]).outcome == "suggested"
    assert score_candidates(signals, [ANNA], match_threshold=0.5).outcome == "matched"
    assert score_candidates(signals, [ANNA], suggest_threshold=0.9).outcome == "new_contact"


def test_known_identities_are_normalised_leniently(ex: SignalExtractor) -> None:
    c = contact(40, "Anna Weber", ("email", " Anna.Weber@Example.ORG "), ("messenger_id", "telegram:@Anna_W"))
    d = decide(ex, [c], from_address="anna.weber@example.org")
    assert d.outcome == "matched"
    d = decide(ex, [c], from_name="Anna Weber", from_address="aw@gmx.de", signature="Anna Weber\nTelegram: @anna_w")
    assert (d.outcome, d.contact_id) == ("matched", 40)


def test_decision_is_pure_and_deterministic(ex: SignalExtractor) -> None:
    signals = ex.extract(from_name="Anna Weber", from_address="anna.w@gmail.com", body="x",
                         signature="Tel. 030 1234567")
    assert score_candidates(signals, [ANNA, PETER]) == score_candidates(signals, [PETER, ANNA])


# --------------------------------------------------------------------------
# labelled evaluation set
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("contact_matching_bench", ROOT / "benchmarks" / "contact_matching.py")


def test_eval_set_shape() -> None:
    cases = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(cases) >= 300
    assert {c["lang"] for c in cases} == {"de", "en"}
    assert len({c["id"] for c in cases}) == len(cases)
    outcomes = {c["expected"]["outcome"] for c in cases}
    assert outcomes == {"matched", "suggested", "new_contact"}
    for c in cases:
        ids = {x["contact_id"] for x in c["contacts"]}
        assert c["expected"]["contact_id"] in ids if c["expected"]["outcome"] == "matched" else c["expected"]["contact_id"] is None
    near_misses = sum(c["expected"]["outcome"] != "matched" for c in cases)
    assert near_misses >= 150


def test_eval_set_is_reproducible() -> None:
    gen = _load("make_contact_matching_eval", ROOT / "tests" / "data" / "make_contact_matching_eval.py")
    regenerated = [json.dumps({"id": c.pop("id"), **c}, ensure_ascii=False) for c in gen.generate()]
    assert regenerated == [line for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_eval_precision_recall(bench: ModuleType) -> None:
    m = bench.evaluate(bench.load_cases(EVAL))
    detail = "\n".join(f"{c['id']}: {d.outcome} {d.contact_id} – {d.reason}" for c, d in m.wrong_matches + m.missed)
    assert m.precision >= PRECISION_FLOOR, detail
    assert m.recall >= RECALL_FLOOR, detail
