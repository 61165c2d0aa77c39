"""The authored training-data generator: shapes and labels of what it writes."""

from __future__ import annotations

from nlp.components import INTENTS
from nlp.training_data import generate


def test_generate_is_deterministic_and_labelled() -> None:
    rows = generate.generate()
    assert rows == generate.generate()
    assert len({r["text"] for r in rows}) == len(rows)  # de-duplicated
    for r in rows:
        assert r["lang"] in ("de", "en")
        assert r["crm_intent"] is None or r["crm_intent"] in INTENTS
        assert r["complaint"] in (True, False, None)
        assert r["text"].strip()


def test_ticket_rows_are_subject_and_body_without_complaint_label() -> None:
    import random

    rows = generate._ticket_rows(random.Random(1), set(), uses=2)
    assert {r["lang"] for r in rows} == {"de", "en"}
    assert {r["crm_intent"] for r in rows} == {"technical_problem", "product_question", "billing_payment",
                                               "refund_return", "other"}
    # A ticket queue says nothing about the writer's mood: complaint stays missing.
    assert all(r["complaint"] is None and r["source"] == "authored_ticket" for r in rows)
    with_subject = [r for r in rows if "\n" in r["text"]]
    assert len(with_subject) > len(rows) // 2
    assert not any("{" in r["text"] for r in rows)  # every slot filled


def test_social_posts_teach_complaint_only() -> None:
    import random

    rows = generate._social_rows(random.Random(1), set())
    assert rows and all(r["crm_intent"] is None and r["lang"] == "de" for r in rows)
    assert {r["complaint"] for r in rows} == {True, False}
