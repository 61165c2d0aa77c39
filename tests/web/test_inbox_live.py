"""Other agents' changes reach every open inbox stream as ``inbox.changed``, after the commit, never for a refused change."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.models import Interaction
from hub.users import create_or_update_user
from tests.helpers import import_mails
from tests.web.conftest import PASSWORD, csrf_from

MAIL = (
    b"From: Anna Weber <anna.weber@example.org>\r\nTo: service@shop.example\r\nSubject: Rechnung doppelt\r\n"
    b"Message-ID: <live1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nZwei Rechnungen erhalten.\r\n"
)


@pytest.fixture
def second_agent(app, runtime):  # type: ignore[no-untyped-def]
    """Agent B, logged in on a client of their own."""
    with unit_of_work(runtime.factory) as session:
        create_or_update_user(session, "agent-b@example.test", PASSWORD, role="agent", display_name="Agent B")
    client = app.test_client()
    token = csrf_from(client.get("/login").get_data(as_text=True))
    assert client.post("/login", data={"email": "agent-b@example.test", "password": PASSWORD, "csrf_token": token}).status_code == 302
    return client


def _read_until(chunks, marker: bytes, limit: int = 200) -> bytes:  # type: ignore[no-untyped-def]
    received = b""
    for _ in range(limit):
        chunk = next(chunks, None)
        if chunk is None:
            break
        received += chunk
        if marker in received:
            break
    return received


@pytest.mark.parametrize(
    ("action", "form", "change"),
    [
        ("assign", {"assignee": "me"}, "assign"),
        ("status", {"status": "pending"}, "status"),
        ("snooze", {"for": "1h"}, "snooze"),
        ("spam", {"spam": "1"}, "spam"),
        ("note", {"body": "Rückruf vereinbart"}, "note"),
    ],
)
def test_another_agents_change_reaches_my_stream(app, runtime, logged_in, second_agent, action: str, form: dict, change: str) -> None:
    app.config.update(INBOX_SSE_MAX_SECONDS=5, INBOX_SSE_HEARTBEAT_SECONDS=0.2)
    import_mails(runtime, [MAIL])
    with unit_of_work(runtime.factory) as session:
        message_id = session.scalars(select(Interaction.id)).one()
    stream = second_agent.get("/inbox/events", buffered=False)
    chunks = iter(stream.response)
    assert next(chunks).startswith(b"retry:")
    token = csrf_from(logged_in.get("/inbox").get_data(as_text=True))

    refused = logged_in.post(f"/inbox/{message_id}/status", data={"status": "bogus", "csrf_token": token})
    done = logged_in.post(f"/inbox/{message_id}/{action}", data=form | {"csrf_token": token})
    received = _read_until(chunks, b"inbox.changed")
    following = next(chunks)
    stream.close()

    assert refused.status_code == 302 and done.status_code == 302
    assert b"event: inbox.changed\n" in received
    assert f'"interaction_id": {message_id}, "change": "{change}"'.encode() in received
    assert received.count(b"event: ") == 1 and following == b": heartbeat\n\n", "the refused status change announced nothing"
