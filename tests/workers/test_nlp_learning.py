"""Agents' corrections become a new model version that a running pipeline picks up."""

from __future__ import annotations

from sqlalchemy import select

from hub.db import unit_of_work
from hub.models import InteractionTag
from nlp.training import append_feedback
from tests.helpers import import_mails
from workers import jobs


def _mail(i: int) -> bytes:
    return (
        f"From: kunde{i}@example.org\r\nSubject: Zählerstand\r\nMessage-ID: <learn-{i}@example.org>\r\n\r\n"
        "Hallo, anbei mein Zählerstand vom Stromzähler: 12345 kWh.\r\n"
    ).encode()


def _versions(runtime) -> set[str]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return set(session.scalars(select(InteractionTag.model_version).where(InteractionTag.tagger == "crm")))


def test_feedback_retrain_and_pickup_without_restart(runtime) -> None:
    import_mails(runtime, [_mail(1)])
    [shipped] = _versions(runtime)
    feedback = runtime.settings.nlp_feedback_file()
    feedback.parent.mkdir(parents=True, exist_ok=True)
    append_feedback(feedback, "Anbei mein Zählerstand, bitte Abschlag anpassen", "account_data_change", False, lang="de")
    first = jobs.nlp_retrain_job()
    assert first["status"] == "trained" and first["version"] != shipped
    assert jobs.nlp_retrain_job() == {"status": "unchanged", "version": first["version"]}, "running the job twice trains once"
    crm = runtime.pipeline.stage("tag").taggers[-1]
    crm.registry._last_check = float("-inf")  # the registry checks every few seconds; do not wait in a test
    import_mails(runtime, [_mail(2)])
    assert _versions(runtime) == {shipped, first["version"]}
