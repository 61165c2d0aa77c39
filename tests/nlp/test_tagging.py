"""Tagging: result shape, reasons, severity rules (DE/EN), dev-set floors."""

from __future__ import annotations

import json

import pytest

from nlp.components import severity_from_triggers
from nlp.evaluate import evaluate
from nlp.tagging import TagResult, default_tagger


@pytest.fixture(scope="module")
def tagger():
    return default_tagger()


def test_default_tagger_is_cached(tagger) -> None:
    assert default_tagger() is tagger


def test_tag_result_has_version_and_reasons(tagger) -> None:
    res = tagger.tag("Sie haben mir den Betrag doppelt abgebucht, das ist eine Frechheit!")
    assert isinstance(res, TagResult)
    assert res.model_version and res.model_version == tagger.model_version
    assert res.lang == "de"
    assert res.intent == "billing_payment"
    assert res.complaint is True
    names = [t.name for t in res.tags]
    assert "intent:billing_payment" in names and "complaint" in names
    assert all(t.reason for t in res.tags)
    intent_tag = next(t for t in res.tags if t.name.startswith("intent:"))
    assert "abgebucht" in intent_tag.reason or "Betrag" in intent_tag.reason


def test_tag_many_keeps_order_and_given_langs(tagger) -> None:
    texts = ["Where is my parcel?", "Vielen Dank für die schnelle Hilfe!", "Please call me back."]
    res = tagger.tag_many(texts, langs=["en", "de", "en"])
    assert [r.lang for r in res] == ["en", "de", "en"]
    assert res[0].intent == "order_status"
    assert res[1].intent == "feedback_praise" and not res[1].complaint
    assert res[2].intent == "appointment_callback"


@pytest.mark.parametrize(
    "text, severity, category",
    [
        ("Ich schreibe Ihnen jetzt zum dritten Mal, die Rechnung ist falsch.", "high", "repeat_contact"),
        ("Die Rechnung ist falsch. Andernfalls schalte ich meinen Anwalt ein.", "high", "legal"),
        ("Paket nicht da. Ich habe mich bereits an die Verbraucherzentrale gewandt.", "high", "legal"),
        ("Internet fällt dauernd aus. Das gibt eine 1-Sterne-Bewertung.", "high", "public_escalation"),
        ("Das Internet fällt dauernd aus, ich überlege den Anbieter zu wechseln.", "high", "cancel_threat"),
        ("Die Abrechnung ist schon wieder falsch, das ist eine Frechheit!", "medium", "anger"),
        ("This is the third time I'm writing about my missing refund.", "high", "repeat_contact"),
        ("You charged me twice. If this isn't fixed I will take legal action.", "high", "legal"),
        ("My parcel never arrived, I'm going to post about this on Twitter.", "high", "public_escalation"),
        ("My internet keeps dropping out, this is unacceptable.", "medium", "anger"),
        ("My internet keeps dropping out every evening.", "low", None),
    ],
)
def test_severity_rules(tagger, text: str, severity: str, category: str | None) -> None:
    res = tagger.tag(text)
    assert res.complaint is True
    assert res.severity == severity
    sev_tag = next(t for t in res.tags if t.name.startswith("complaint_severity:"))
    assert sev_tag.name == f"complaint_severity:{severity}"
    if category:
        assert category in sev_tag.reason


def test_severity_rule_is_pure() -> None:
    assert severity_from_triggers([]) == ("low", "no escalation trigger")
    assert severity_from_triggers([("anger", "Frechheit")])[0] == "medium"
    assert severity_from_triggers([("anger", "awful"), ("legal", "lawyer")])[0] == "high"


def test_neutral_requests_are_not_complaints(tagger) -> None:
    for text in [
        "Hiermit kündige ich meinen Vertrag fristgerecht zum 31.12.",
        "Wie kann ich meine Adresse ändern?",
        "Do you ship to Austria?",
        "Thanks a lot, great service!",
    ]:
        res = tagger.tag(text)
        assert not res.complaint, text
        assert res.severity is None


def _rows(path, n: int) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    # Evenly spread sample so both languages/sources are present.
    step = max(1, len(rows) // n)
    return rows[::step][:n]


def test_dev_floor_complaint(shared_data, tagger) -> None:
    """Floors at what the shipped model reaches (below the 0.85 target: see report)."""
    rows = _rows(shared_data / "nlp" / "complaint_dev.jsonl", 2000)
    res = evaluate(rows, tagger)
    # Shipped model on this sample: 0.790 / en 0.869 / de 0.668.
    assert res["complaint"]["f1"] >= 0.78
    assert res["complaint"]["by_lang"]["en"]["f1"] >= 0.86
    assert res["complaint"]["by_lang"]["de"]["f1"] >= 0.65


def test_dev_floor_intent(shared_data, tagger) -> None:
    rows = _rows(shared_data / "nlp" / "intent_dev.jsonl", 2000)
    res = evaluate(rows, tagger)
    # Shipped model on this sample: macro-F1 0.692, accuracy 0.699, German
    # (synthetic IT tickets, 116 rows) 0.240 -- the previous model had 0.191.
    assert res["intent"]["macro_f1"] >= 0.68
    assert res["intent"]["accuracy"] >= 0.68
    assert res["intent"]["by_lang"]["de"]["macro_f1"] >= 0.22
