"""The website chat over HTTP: visitor lines become interactions, agents' replies reach the visitor's stream."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, select

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.models import ContactIdentity, Interaction, RawMessage, RawSource
from tests.web.roles import login_as, token_of

ORIGIN = "https://www.shop.example"
OTHER_ORIGIN = "https://evil.example"


@pytest.fixture
def chat_app(app):  # type: ignore[no-untyped-def]
    app.config.update(CHAT_SSE_MAX_SECONDS=3, CHAT_SSE_HEARTBEAT_SECONDS=0.2)
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        app.chat_channel_id = ensure_channel(
            session, kind="chat", name="Shop chat",
            config={"settings": {"allowed_origins": f"{ORIGIN}\nhttp://127.0.0.1:9", "greeting": "Hallo!", "max_message_chars": 500, "messages_per_minute": 5}, "enabled": True},
        )
    return app


def _start(client, channel_id: int, origin: str = ORIGIN):  # type: ignore[no-untyped-def]
    return client.post(f"/chat/w/{channel_id}/conversations", json={}, headers={"Origin": origin})


def _post(client, channel_id: int, token: str, body: dict, origin: str = ORIGIN):  # type: ignore[no-untyped-def]
    return client.post(f"/chat/w/{channel_id}/messages", json=body, headers={"Origin": origin, "X-Chat-Token": token})


def _sse_lines(text: str) -> list[dict]:  # type: ignore[type-arg]
    events = []
    for block in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line and not line.startswith(":"))
        if fields.get("event") == "line":
            events.append(json.loads(fields["data"]))
    return events


def _counts(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        raws = session.scalar(select(func.count()).select_from(RawMessage).where(RawMessage.channel_kind == "chat")) or 0
        interactions = session.scalar(select(func.count()).select_from(Interaction).where(Interaction.channel == "chat")) or 0
    return raws, interactions


def test_conversation_end_to_end(chat_app) -> None:
    visitor = chat_app.test_client()
    started = _start(visitor, chat_app.chat_channel_id)
    assert started.status_code == 201
    assert started.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "Set-Cookie" not in started.headers  # cookie-less: the token is the whole session
    token = started.get_json()["token"]
    assert started.get_json()["greeting"] == "Hallo!"

    posted = _post(visitor, chat_app.chat_channel_id, token, {"id": "visitor-line-0001", "text": "Wo bleibt meine Bestellung 4711?", "name": "Erika Muster", "email": "Erika@Example.org"})
    assert posted.status_code == 201, posted.get_data(as_text=True)

    with unit_of_work(chat_app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction).where(Interaction.channel == "chat")).one()
        assert interaction.direction == "in" and "Bestellung 4711" in interaction.text
        contact_id = interaction.contact_id
        assert contact_id is not None
        identities = set(session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == contact_id)))
        assert ("email", "erika@example.org") in identities
        thread_id = interaction.thread_id

    agent = login_as(chat_app, "chat-agent@example.test", "agent")
    timeline = agent.get(f"/contacts/{contact_id}").get_data(as_text=True)
    assert "Bestellung 4711" in timeline

    listing = agent.get("/chat").get_data(as_text=True)
    assert "Erika Muster &lt;erika@example.org&gt;" in listing
    conversation_url = listing.split('href="/chat/', 1)[1].split('"', 1)[0]
    page = agent.get(f"/chat/{conversation_url}")
    assert page.status_code == 200 and "Bestellung 4711" in page.get_data(as_text=True)

    # The visitor's stream is open (in another thread) when the agent answers: the reply arrives live.
    result: dict[str, str] = {}

    def listen() -> None:
        response = visitor.get(f"/chat/w/{chat_app.chat_channel_id}/stream?after={posted.get_json()['id']}", headers={"Origin": ORIGIN, "X-Chat-Token": token})
        result["status"] = str(response.status_code)
        result["body"] = response.get_data(as_text=True)

    listener = threading.Thread(target=listen)
    listener.start()
    replied = agent.post(f"/chat/{conversation_url}/reply", data={"csrf_token": token_of(agent), "text": "Sie ist unterwegs!", "message_id": "agent-line-0001"})
    assert replied.status_code == 303
    listener.join(timeout=20)
    assert result["status"] == "200"
    lines = _sse_lines(result["body"])
    assert [(line["direction"], line["text"]) for line in lines] == [("out", "Sie ist unterwegs!")]

    with unit_of_work(chat_app.extensions["hub.session_factory"]) as session:
        reply = session.scalars(select(Interaction).where(Interaction.channel == "chat", Interaction.direction == "out")).one()
        assert reply.contact_id == contact_id and reply.thread_id == thread_id  # one thread per conversation

    # From the chat message in the timeline, agents get to the conversation to answer it.
    opened = agent.get(f"/chat/for-interaction/{reply.id}")
    assert opened.status_code == 303 and opened.headers["Location"].endswith(f"/chat/{conversation_url}")

    # The long-poll fallback sees both lines in order.
    polled = visitor.get(f"/chat/w/{chat_app.chat_channel_id}/messages?after=0", headers={"Origin": ORIGIN, "X-Chat-Token": token}).get_json()
    assert [m["text"] for m in polled["messages"]] == ["Wo bleibt meine Bestellung 4711?", "Sie ist unterwegs!"]


def test_visitor_without_email_gets_a_contact_of_the_conversation(chat_app) -> None:
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    assert _post(visitor, chat_app.chat_channel_id, token, {"id": "anon-line-0001", "text": "Haben Sie offen?"}).status_code == 201
    assert _post(visitor, chat_app.chat_channel_id, token, {"id": "anon-line-0002", "text": "Bis wann?"}).status_code == 201
    with unit_of_work(chat_app.extensions["hub.session_factory"]) as session:
        rows = session.execute(select(Interaction.contact_id, Interaction.thread_id).where(Interaction.channel == "chat")).all()
        kinds = set(session.scalars(select(ContactIdentity.kind).where(ContactIdentity.contact_id == rows[0][0])))
    assert len(rows) == 2 and len(set(rows)) == 1  # same contact, same thread
    assert kinds == {"chat_visitor"}


def test_duplicate_post_is_one_interaction(chat_app) -> None:
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    body = {"id": "retried-line-01", "text": "Einmal bitte"}
    first = _post(visitor, chat_app.chat_channel_id, token, body)
    second = _post(visitor, chat_app.chat_channel_id, token, body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.get_json() == {"id": first.get_json()["id"], "duplicate": True}
    assert _counts(chat_app) == (1, 1)


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"id": "short", "text": "hi"}, 400, "id must be"),
        ({"id": "valid-line-001", "text": "   "}, 400, "text is empty"),
        ({"id": "valid-line-001", "text": "x" * 501}, 413, "longer than 500"),
        ({"id": "valid-line-001", "text": "hi", "email": "not-an-address"}, 400, "email"),
        ({"id": "valid-line-001", "text": ["a", "list"]}, 400, "text is empty"),
    ],
)
def test_malformed_line_is_refused_with_a_reason_and_nothing_stored(chat_app, body, status: int, message: str) -> None:
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    response = _post(visitor, chat_app.chat_channel_id, token, body)
    assert response.status_code == status
    assert message in response.get_json()["error"]
    assert _counts(chat_app) == (0, 0)


def test_non_json_and_oversized_bodies_are_refused(chat_app) -> None:
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    url = f"/chat/w/{chat_app.chat_channel_id}/messages"
    headers = {"Origin": ORIGIN, "X-Chat-Token": token}
    not_json = visitor.post(url, data="{broken", headers=headers, content_type="application/json")
    assert not_json.status_code == 400 and "JSON object" in not_json.get_json()["error"]
    form = visitor.post(url, data={"id": "valid-line-001", "text": "hi"}, headers=headers)
    assert form.status_code == 400 and "application/json" in form.get_json()["error"]
    huge = visitor.post(url, data=json.dumps({"id": "valid-line-001", "text": "x" * 40_000}), headers=headers, content_type="application/json")
    assert huge.status_code == 413
    assert _counts(chat_app) == (0, 0)


def test_foreign_or_missing_origin_is_rejected_without_cors_headers(chat_app) -> None:
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    refused = _start(visitor, chat_app.chat_channel_id, origin=OTHER_ORIGIN)
    assert refused.status_code == 403 and "not allowed" in refused.get_json()["error"]
    assert "Access-Control-Allow-Origin" not in refused.headers
    line = _post(visitor, chat_app.chat_channel_id, token, {"id": "evil-line-0001", "text": "hi"}, origin=OTHER_ORIGIN)
    assert line.status_code == 403
    no_origin = visitor.post(f"/chat/w/{chat_app.chat_channel_id}/messages", json={"id": "evil-line-0002", "text": "hi"}, headers={"X-Chat-Token": token})
    assert no_origin.status_code == 403 and "Origin" in no_origin.get_json()["error"]
    # Preflight: answered with CORS headers for the allowed origin only.
    allowed = visitor.options(f"/chat/w/{chat_app.chat_channel_id}/messages", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
    assert allowed.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "X-Chat-Token" in allowed.headers["Access-Control-Allow-Headers"]
    foreign = visitor.options(f"/chat/w/{chat_app.chat_channel_id}/messages", headers={"Origin": OTHER_ORIGIN, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in foreign.headers
    assert _counts(chat_app) == (0, 0)


def test_tampered_or_foreign_tokens_are_rejected(chat_app) -> None:
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    payload, _, signature = token.rpartition(".")
    tampered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + "." + signature
    assert _post(visitor, chat_app.chat_channel_id, tampered, {"id": "tamper-line-01", "text": "hi"}).status_code == 403
    assert _post(visitor, chat_app.chat_channel_id, token + "x", {"id": "tamper-line-02", "text": "hi"}).status_code == 403
    missing = visitor.post(f"/chat/w/{chat_app.chat_channel_id}/messages", json={"id": "tamper-line-03", "text": "hi"}, headers={"Origin": ORIGIN})
    assert missing.status_code == 401
    # A genuine token of another chat channel does not open a conversation on this one.
    with unit_of_work(chat_app.extensions["hub.session_factory"]) as session:
        other_id = ensure_channel(session, kind="chat", name="Other chat", config={"settings": {"allowed_origins": ORIGIN}, "enabled": True})
    other_token = _start(visitor, other_id).get_json()["token"]
    wrong = _post(visitor, chat_app.chat_channel_id, other_token, {"id": "tamper-line-04", "text": "hi"})
    assert wrong.status_code == 403 and "another chat" in wrong.get_json()["error"]
    stream = visitor.get(f"/chat/w/{chat_app.chat_channel_id}/stream", headers={"Origin": ORIGIN, "X-Chat-Token": tampered})
    assert stream.status_code == 403
    assert _counts(chat_app) == (0, 0)


def test_lines_are_rate_limited_per_conversation(chat_app, monkeypatch) -> None:
    import web.chat_widget

    monkeypatch.setattr(web.chat_widget, "_now", lambda: 1_800_000_030.0)  # mid-window: the burst cannot straddle an edge
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    statuses = [_post(visitor, chat_app.chat_channel_id, token, {"id": f"burst-line-{n:04d}", "text": f"Nachricht {n}"}).status_code for n in range(6)]
    assert statuses == [201] * 5 + [429]
    assert _counts(chat_app) == (5, 5)


def test_unknown_or_disabled_channel_is_404(chat_app) -> None:
    visitor = chat_app.test_client()
    assert _start(visitor, 9999).status_code == 404
    with unit_of_work(chat_app.extensions["hub.session_factory"]) as session:
        off = ensure_channel(session, kind="chat", name="Off chat", config={"settings": {"allowed_origins": ORIGIN}, "enabled": False})
        mail = ensure_channel(session, kind="imap", name="Some mailbox")
    assert _start(visitor, off).status_code == 404
    assert _start(visitor, mail).status_code == 404


def test_agent_pages_need_login_permission_and_csrf(chat_app) -> None:
    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    _post(visitor, chat_app.chat_channel_id, token, {"id": "perm-line-0001", "text": "Hallo"})
    with unit_of_work(chat_app.extensions["hub.session_factory"]) as session:
        folder = session.scalars(select(RawSource.folder).where(RawSource.channel_id == chat_app.chat_channel_id)).one()
    url = f"/chat/{chat_app.chat_channel_id}/{folder.removeprefix('conversation:')}"
    anonymous = chat_app.test_client()
    assert anonymous.get(url).status_code == 302
    sales = login_as(chat_app, "sales-chat@example.test", "sales")
    assert sales.get(url).status_code == 200  # sales read chats ...
    assert sales.post(f"{url}/reply", data={"csrf_token": token_of(sales), "text": "hi"}).status_code == 403  # ... but do not answer
    agent = login_as(chat_app, "agent-chat@example.test", "agent")
    assert agent.post(f"{url}/reply", data={"text": "no token"}).status_code == 400
    assert agent.post(f"{url}/reply", data={"csrf_token": "wrong", "text": "no token"}).status_code == 400
    assert agent.get(f"/chat/{chat_app.chat_channel_id}/unknownconversation00").status_code == 404
    assert _counts(chat_app) == (1, 1)


def test_every_public_widget_endpoint_verifies_origin_and_token(chat_app) -> None:
    """The widget's routes are public (tests/web/roles.py): each refuses a foreign origin and a missing token."""
    from tests.web.roles import PUBLIC_VERIFIED_ENDPOINTS

    visitor = chat_app.test_client()
    token = _start(visitor, chat_app.chat_channel_id).get_json()["token"]
    rules = [rule for rule in chat_app.url_map.iter_rules() if rule.endpoint.startswith("chat_widget.")]
    assert {rule.endpoint for rule in rules} == {e for e in PUBLIC_VERIFIED_ENDPOINTS if e.startswith("chat_widget.")}
    for rule in rules:
        url = rule.build({"channel_id": chat_app.chat_channel_id})[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            foreign = visitor.open(url, method=method, json={}, headers={"Origin": OTHER_ORIGIN, "X-Chat-Token": token})
            assert foreign.status_code == 403, (method, url)
            if rule.endpoint != "chat_widget.start":
                tokenless = visitor.open(url, method=method, json={}, headers={"Origin": ORIGIN})
                assert tokenless.status_code == 401, (method, url)
    assert _counts(chat_app) == (0, 0)


def test_admin_adds_a_chat_channel_through_the_connector_form(app) -> None:
    admin = login_as(app, "admin-chat@example.test", "admin")
    form = admin.get("/admin/channels/new?kind=chat")
    assert form.status_code == 200 and "allowed_origins" in form.get_data(as_text=True)
    refused = admin.post("/admin/channels", data={"csrf_token": token_of(admin), "kind": "chat", "name": "Bad chat", "allowed_origins": "shop.example/path"})
    assert refused.status_code in (200, 400) and "is not an origin" in refused.get_data(as_text=True)
    created = admin.post("/admin/channels", data={"csrf_token": token_of(admin), "kind": "chat", "name": "Web chat", "allowed_origins": ORIGIN, "messages_per_minute": "20", "max_message_chars": "4000"})
    assert created.status_code == 302, created.get_data(as_text=True)
    channel_id = int(created.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    assert _start(app.test_client(), channel_id).status_code == 201
    assert _start(app.test_client(), channel_id, origin=OTHER_ORIGIN).status_code == 403
