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


def test_split_layout_has_separate_complaint_model(tmp_path, tiny_data) -> None:
    out = tmp_path / "model"
    split = {"features": {"char_ngrams": [4], "lexicon": True}, "complaint_features": {"lexicon": True},
             "balance_complaint": True}
    train(out, [tiny_data], n_iter=3, length=1024, **split)
    tagger = load_tagger(out)
    assert "textcat_complaint" in tagger.nlp.pipe_names
    assert tagger.nlp.get_pipe("textcat_complaint").labels == ("complaint",)
    assert "complaint" not in tagger.nlp.get_pipe("textcat_multilabel").labels
    res = tagger.tag("You charged me twice, unacceptable!")
    assert res.intent and res.model_version
    m1 = (out / "textcat_complaint" / "model").read_bytes()
    train(tmp_path / "again", [tiny_data], n_iter=3, length=1024, **split)
    assert (tmp_path / "again" / "textcat_complaint" / "model").read_bytes() == m1


def test_v1_layout_still_trains_and_loads(tmp_path, tiny_data) -> None:
    out = tmp_path / "v1"
    train(out, [tiny_data], n_iter=3, length=1024, features=None, complaint_features=None,
          balance_complaint=False)
    tagger = load_tagger(out)
    assert tagger.nlp.pipe_names[:1] == ["textcat_multilabel"]
    assert "complaint" in tagger.nlp.get_pipe("textcat_multilabel").labels
    assert tagger.tag("Where is my parcel?").model_version


def test_lexicon_flags() -> None:
    from nlp.components import LEX_NEG, LEX_NEGATOR, LEX_POS, fold, lexicon_flags

    assert lexicon_flags(fold("Verspätung")) & LEX_NEG
    assert lexicon_flags(fold("Zugausfall")) & LEX_NEG  # compound ending in a lexicon word
    assert lexicon_flags(fold("unacceptable")) & LEX_NEG
    assert lexicon_flags(fold("Danke")) & LEX_POS
    assert lexicon_flags(fold("helpful")) & LEX_POS
    assert lexicon_flags(fold("nicht")) & LEX_NEGATOR
    assert lexicon_flags(fold("didn't")) & LEX_NEGATOR
    assert lexicon_flags(fold("Rechnung")) == 0


def test_lexicon_version_2_extends_version_1() -> None:
    from nlp.components import LEX_NEG, LEX_POS, fold, get_featurizer, lexicon_flags

    # Version 1 is frozen (models trained with it keep their features)...
    assert not lexicon_flags(fold("unpünktlich"), 1) & LEX_NEG
    assert not lexicon_flags(fold("überteuert"), 1) & LEX_NEG
    # ...version 2 adds German public-post and service words.
    assert lexicon_flags(fold("unpünktlich"), 2) & LEX_NEG
    assert lexicon_flags(fold("überteuert"), 2) & LEX_NEG
    assert lexicon_flags(fold("Schienenersatzverkehr"), 2) & LEX_NEG
    assert lexicon_flags(fold("erholsam"), 2) & LEX_POS
    # Everything version 1 knew, version 2 knows the same way.
    for word in ("Verspätung", "Zugausfall", "unacceptable", "Danke", "helpful", "nicht", "Rechnung"):
        assert lexicon_flags(fold(word), 2) & lexicon_flags(fold(word), 1) == lexicon_flags(fold(word), 1)
    # Billing words must not turn negative through the compound-suffix rule.
    assert lexicon_flags(fold("Mehrwertsteuer"), 2) == 0
    assert lexicon_flags(fold("Stressfrei"), 2) == 0
    # Old configs say ``lexicon = true``: that is version 1.
    assert get_featurizer(lexicon=True).lexicon_version == 1
    with pytest.raises(ValueError):
        get_featurizer(lexicon=7)


def test_lexicon_2_model_trains_and_explains(tmp_path, tiny_data) -> None:
    out = tmp_path / "lex2"
    train(out, [tiny_data], n_iter=3, length=1024, features={"lexicon": 2})
    tagger = load_tagger(out)
    cfg = tagger.nlp.get_pipe("textcat_multilabel").cfg
    assert tagger.nlp.config["components"]["textcat_multilabel"]["model"]["lexicon"] == 2, cfg
    res = tagger.tag("Sie haben doppelt abgebucht, Frechheit!")
    assert all(tag.reason for tag in res.tags)
