"""Training, feedback -> retrain -> registry hot swap (tiny data, seconds)."""

from __future__ import annotations

import json

import pytest

from nlp.model_registry import ModelRegistry
from nlp.tagging import load_tagger
from nlp.training import append_feedback, read_current, retrain, train

TINY = [
    ("Wo bleibt mein Paket?", "de", "order_status", False),
    ("Where is my parcel?", "en", "order_status", False),
    ("Sie haben doppelt abgebucht, Frechheit!", "de", "billing_payment", True),
    ("You charged me twice, unacceptable!", "en", "billing_payment", True),
    ("Ich möchte kündigen.", "de", "cancellation", False),
    ("Please cancel my contract.", "en", "cancellation", False),
    ("Danke, super Service!", "de", "feedback_praise", False),
    ("Thanks, great service!", "en", "feedback_praise", False),
]


@pytest.fixture()
def tiny_data(tmp_path):
    path = tmp_path / "tiny.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for text, lang, intent, complaint in TINY:
            fh.write(json.dumps({"text": text, "lang": lang, "crm_intent": intent,
                                 "complaint": complaint}) + "\n")
    return path


def test_train_writes_versioned_model(tmp_path, tiny_data) -> None:
    out = tmp_path / "model"
    version = train(out, [tiny_data], n_iter=5, length=1024)
    tagger = load_tagger(out)
    assert tagger.model_version == version
    meta = json.loads((out / "meta.json").read_text())
    assert meta["hub"]["version"] == version
    assert meta["hub"]["n_examples"] == len(TINY)
    assert tagger.tag("Where is my parcel?").model_version == version


def test_training_is_deterministic(tmp_path, tiny_data) -> None:
    v1 = train(tmp_path / "a", [tiny_data], n_iter=3, length=1024)
    v2 = train(tmp_path / "b", [tiny_data], n_iter=3, length=1024)
    assert v1.split("-", 1)[1] == v2.split("-", 1)[1]  # same data hash
    m1 = (tmp_path / "a" / "textcat_multilabel" / "model").read_bytes()
    m2 = (tmp_path / "b" / "textcat_multilabel" / "model").read_bytes()
    assert m1 == m2


def test_feedback_validation(tmp_path) -> None:
    with pytest.raises(ValueError):
        append_feedback(tmp_path / "fb.jsonl", "x", "no_such_intent", False)
    with pytest.raises(ValueError):
        append_feedback(tmp_path / "fb.jsonl", "x", "other", False, severity="high")


def test_feedback_retrain_registry_picks_up(tmp_path, tiny_data) -> None:
    versions = tmp_path / "versions"
    feedback = tmp_path / "feedback.jsonl"
    now = [0.0]
    v1 = retrain(versions, feedback, [tiny_data], n_iter=3, length=1024)
    registry = ModelRegistry(versions, check_interval=5.0, clock=lambda: now[0])
    assert registry.tagger().model_version == v1

    row = append_feedback(feedback, "Der Techniker kam nicht, zum dritten Mal!", "appointment_callback",
                          True, "high")
    assert row["source"] == "feedback" and row["lang"] == "de"
    v2 = retrain(versions, feedback, [tiny_data], n_iter=3, length=1024)
    assert v2 != v1 and read_current(versions) == v2
    meta = json.loads((versions / v2 / "meta.json").read_text())
    assert meta["hub"]["n_feedback"] == 1

    # Within the check interval the worker keeps its model (no stat at all)...
    now[0] = 1.0
    assert registry.tagger().model_version == v1
    # ...after it, the new marker is noticed without a restart.
    now[0] = 6.0
    assert registry.tagger().model_version == v2
    assert registry.tagger().tag("hallo").model_version == v2
