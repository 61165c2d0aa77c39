"""Work-state changes and tag corrections announce ``inbox.changed``, published only after the commit (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from hub.events import LocalPublisher, announce, bind_publisher
from hub.inbox_work import add_note, assign, mark_spam, set_priority, set_status, snooze, work_state
from hub.models import Interaction
from hub.tag_correction import TagCorrection, correct_tags
from hub.users import create_or_update_user
from tests.helpers import import_mails

MAIL = (
    b"From: Anna Weber <anna.weber@example.org>\r\nTo: service@shop.example\r\nSubject: Lieferung\r\n"
    b"Message-ID: <ev1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nWo bleibt meine Lieferung?\r\n"
)
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def message_id(runtime) -> int:  # type: ignore[no-untyped-def]
    import_mails(runtime, [MAIL])
    with runtime.factory() as session:
        return session.scalars(select(Interaction.id)).one()


class Recorder:
    """A publisher that also checks, at publish time, that the change is readable from another session."""

    def __init__(self, runtime) -> None:  # type: ignore[no-untyped-def]
        self.runtime = runtime
        self.events: list[dict[str, Any]] = []
        self.states: list[str] = []

    def publish(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        with self.runtime.factory() as other:
            self.states.append(work_state(other, event["interaction_id"]).status)


def test_changes_publish_after_commit_with_their_kind_and_author(runtime, message_id: int) -> None:
    recorder = Recorder(runtime)
    with runtime.factory() as session:
        user = create_or_update_user(session, "zwei@example.test", "pw-pw-pw-pw-pw", role="agent", display_name="Zwei")
        session.commit()
        bind_publisher(session, recorder)
        set_status(session, message_id, "pending", by=user, now=NOW)
        assert recorder.events == [], "nothing before the commit"
        session.commit()
        assert recorder.states == ["pending"], "the listener can already read the change"
        assign(session, message_id, user, by=user, now=NOW)
        snooze(session, message_id, NOW + timedelta(hours=1), by=user, now=NOW)
        set_priority(session, message_id, "high", by=user, now=NOW)
        mark_spam(session, message_id, True, by=user, now=NOW)
        add_note(session, message_id, "Kundin angerufen", author_id=user, now=NOW)
        session.commit()
    assert [(e["type"], e["change"], e["by"], e["interaction_id"]) for e in recorder.events] == [
        ("inbox.changed", change, user, message_id) for change in ("status", "assign", "snooze", "priority", "spam", "note")
    ]


def test_a_rolled_back_change_publishes_nothing(runtime, message_id: int) -> None:
    recorder = Recorder(runtime)
    with runtime.factory() as session:
        bind_publisher(session, recorder)
        set_status(session, message_id, "closed", now=NOW)
        session.rollback()
        session.commit()
        announce(session, {"type": "inbox.changed", "interaction_id": message_id, "change": "test", "by": None})
        session.commit()
    assert [e["change"] for e in recorder.events] == ["test"]


def test_a_publisher_failure_does_not_undo_the_commit(runtime, message_id: int) -> None:
    class Broken:
        def publish(self, event: dict[str, Any]) -> None:
            raise ConnectionError("redis down")

    with runtime.factory() as session:
        bind_publisher(session, lambda: Broken())
        set_status(session, message_id, "closed", now=NOW)
        session.commit()
    with runtime.factory() as session:
        assert work_state(session, message_id).status == "closed"


def test_tag_correction_is_announced(runtime, message_id: int, tmp_path) -> None:  # type: ignore[no-untyped-def]
    publisher = LocalPublisher()
    seen: list[dict[str, Any]] = []
    publisher.subscribe(seen.append)
    with runtime.factory() as session:
        user = create_or_update_user(session, "drei@example.test", "pw-pw-pw-pw-pw", role="agent")
        bind_publisher(session, publisher)
        correct_tags(
            session, message_id, TagCorrection("order_status", True, "high"), user_id=user, user_name="Agent",
            feedback_path=tmp_path / "feedback.jsonl",
        )
        assert seen == []
        session.commit()
    assert seen == [{"type": "inbox.changed", "interaction_id": message_id, "change": "tags", "by": user}]
