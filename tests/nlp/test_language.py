"""Language detection: hand-picked cases and the shared dev data."""

from __future__ import annotations

import json

import pytest

from nlp.language import detect_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Hallo, wo bleibt meine Bestellung? Ich warte schon seit zwei Wochen.", "de"),
        ("Sehr geehrte Damen und Herren, hiermit kündige ich meinen Vertrag.", "de"),
        ("Rechnung falsch berechnet", "de"),
        ("paket nicht angekommen", "de"),
        ("Hi, where is my order? I've been waiting for two weeks.", "en"),
        ("Please cancel my subscription at the end of the month.", "en"),
        ("app keeps crashing", "en"),
        ("Bonjour, je voudrais annuler ma commande s'il vous plaît.", "other"),
        ("Hola, quiero cancelar mi pedido, gracias.", "other"),
        ("Goedendag, ik wil mijn abonnement opzeggen.", "other"),
    ],
)
def test_detect_language_cases(text: str, lang: str) -> None:
    got, conf = detect_language(text)
    assert got == lang
    assert 0.0 < conf <= 1.0


def test_no_evidence_is_other_with_zero_confidence() -> None:
    assert detect_language("") == ("other", 0.0)
    assert detect_language("12345 !!!") == ("other", 0.0)


def _rows(path, n: int) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


@pytest.mark.parametrize(
    "name, lang, floor",
    [
        ("germeval2017_dev.jsonl", "de", 0.97),  # tweets with hashtags/URLs
        ("sms_spam_dev.jsonl", "en", 0.95),  # very informal SMS English
        ("banking77_train.jsonl", "en", 0.99),
        ("cfpb_dev.jsonl", "en", 0.99),
    ],
)
def test_detect_language_on_shared_data(shared_data, name: str, lang: str, floor: float) -> None:
    rows = _rows(shared_data / "nlp" / name, 2000)
    hits = sum(1 for r in rows if detect_language(r["text"])[0] == lang)
    assert hits / len(rows) >= floor
