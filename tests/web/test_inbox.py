"""Inbox over HTTP: login and CSRF on every route, filters and search, actions, live events."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.inbox_work import notes_of, work_state
from hub.models import Interaction
from tests.helpers import import_mails
from tests.web.conftest import csrf_from

MAILS = [
    b"From: Anna Weber <anna.weber@example.org>\r\nTo: service@shop.example\r\nSubject: Rechnung 4711 doppelt\r\n"
    b"Message-ID: <w1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nIhre Rechnungen sind doppelt gebucht.\r\n",
    b"From: John Miller <john@example.com>\r\nTo: service@shop.example\r\nSubject: Please cancel my order\r\n"
    b"Message-ID: <w2@example.com>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n\r\nI want to cancel order 99.\r\n",
]
POSTS = ["assign", "status", "snooze", "spam", "note"]


def _ids(runtime) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return {i.channel_message_id: i.id for i in session.scalars(select(Interaction))}


@pytest.mark.parametrize("path", ["/inbox", "/inbox/events"])
def test_pages_need_login(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("action", POSTS)
def test_posts_need_login_and_csrf(client, logged_in, runtime, action: str) -> None:
    import_mails(runtime, MAILS[:1])
    path = f"/inbox/{_ids(runtime)['w1@example.org']}/{action}"
    assert logged_in.post(path, data={"status": "closed"}).status_code == 400, "missing CSRF token"
    logged_in.post("/logout", data={"csrf_token": csrf_from(logged_in.get("/inbox").get_data(as_text=True))})
    anonymous = logged_in.post(path, data={})
    assert anonymous.status_code in (302, 400)
    if anonymous.status_code == 302:
        assert "/login" in anonymous.headers["Location"]


def test_list_filters_search_and_actions(runtime, logged_in) -> None:
    import_mails(runtime, MAILS)
    ids = _ids(runtime)
    page = logged_in.get("/inbox").get_data(as_text=True)
    assert page.index("Please cancel my order") < page.index("Rechnung 4711 doppelt"), "newest first"
    assert 'src="/static/inbox.js"' in page and "<script>" not in page
    token = csrf_from(page)
    searched = logged_in.get("/inbox?q=Rechnungen").get_data(as_text=True)
    assert "Rechnung 4711" in searched and "cancel my order" not in searched
    assert "cancel my order" in logged_in.get("/inbox?q=cancelled").get_data(as_text=True)
    assert "Rechnung 4711" in logged_in.get("/inbox?q=weber").get_data(as_text=True)

    first = ids["w1@example.org"]
    response = logged_in.post(f"/inbox/{first}/assign", data={"csrf_token": token, "assignee": "me", "next": "/inbox?view=mine"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/inbox?view=mine")
    assert "Rechnung 4711" in logged_in.get("/inbox?view=mine").get_data(as_text=True)
    assert "Rechnung 4711" not in logged_in.get("/inbox?view=unassigned").get_data(as_text=True)
    evil = logged_in.post(f"/inbox/{first}/status", data={"csrf_token": token, "status": "pending", "next": "https://evil.example/"})
    assert evil.headers["Location"].endswith("/inbox")
    assert "Rechnung 4711" in logged_in.get("/inbox?status=pending").get_data(as_text=True)
    logged_in.post(f"/inbox/{first}/note", data={"csrf_token": token, "body": "Rückruf morgen"})
    logged_in.post(f"/inbox/{first}/snooze", data={"csrf_token": token, "for": "1h"})
    assert "Rechnung 4711" not in logged_in.get("/inbox?status=pending").get_data(as_text=True)
    second = ids["w2@example.com"]
    logged_in.post(f"/inbox/{second}/spam", data={"csrf_token": token})
    assert "cancel my order" not in logged_in.get("/inbox?status=any").get_data(as_text=True)
    assert logged_in.post("/inbox/999999/status", data={"csrf_token": token, "status": "closed"}).status_code == 404
    with unit_of_work(runtime.factory) as session:
        assert work_state(session, first).status == "pending" and work_state(session, first).snoozed_until is not None
        assert [n.body for n in notes_of(session, first)] == ["Rückruf morgen"]
        assert work_state(session, second).spam


def test_keyset_paging_link(runtime, logged_in) -> None:
    mails = [
        f"From: K{n} <k{n}@example.org>\r\nTo: service@shop.example\r\nSubject: Nummer {n}\r\nMessage-ID: <p{n}@example.org>\r\n"
        f"Date: Mon, 02 Nov 2026 09:{n:02d}:00 +0100\r\n\r\nText {n}\r\n".encode()
        for n in range(55)
    ]
    import_mails(runtime, mails)
    page = logged_in.get("/inbox").get_data(as_text=True)
    assert "Nummer 54" in page and "Nummer 4<" not in page
    more = page.split('class="inbox-more" href="')[1].split('"')[0].replace("&amp;", "&")
    older = logged_in.get(more).get_data(as_text=True)
    assert "Nummer 4<" in older and "Nummer 54" not in older


def test_events_stream_delivers_an_ingested_mail(app, runtime, logged_in) -> None:
    app.config.update(INBOX_SSE_MAX_SECONDS=5, INBOX_SSE_HEARTBEAT_SECONDS=0.2)
    response = logged_in.get("/inbox/events", buffered=False)
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    chunks = iter(response.response)
    assert next(chunks).startswith(b"retry:")
    import_mails(runtime, MAILS[:1])
    received = b""
    for chunk in chunks:
        received += chunk
        if b"interaction.created" in received:
            break
    response.close()
    assert b"event: interaction.created" in received
    assert f'"interaction_id": {_ids(runtime)["w1@example.org"]}'.encode() in received
