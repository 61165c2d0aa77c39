"""REST API /api/v1: token auth, interactions through the raw + pipeline path, idempotency, reads, errors."""

from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from hub import api_tokens
from hub.db import unit_of_work
from hub.models import ApiToken, AuditEntry, ContactIdentity, Interaction, RawMessage
from tests.web.roles import login_as, token_of

ANNA = {"contact": {"email": "Anna.Weber@Example.com", "name": "Anna Weber"}, "subject": "Bestellung 4711", "text": "Wo bleibt meine Bestellung 4711?"}


def _token(app, *scopes: str) -> str:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return api_tokens.create_token(session, "shop", created_by=None, scopes=scopes or api_tokens.SCOPES).plain


def _auth(token: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **headers}


@pytest.fixture
def token(app) -> str:  # type: ignore[no-untyped-def]
    return _token(app)


def _count(app, model) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_post_creates_an_interaction_through_the_raw_store_and_pipeline(app, client, runtime, token) -> None:
    response = client.post("/api/v1/interactions", json=ANNA, headers=_auth(token))
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    interaction = body["interaction"]
    assert body["status"] == "ingested" and body["reason"] is None
    assert interaction["channel"] == "api" and interaction["direction"] == "in" and interaction["subject"] == "Bestellung 4711"
    assert interaction["text"] == "Wo bleibt meine Bestellung 4711?" and "lang:de" in interaction["tags"]
    with unit_of_work(runtime.factory) as session:
        raw = session.get(RawMessage, body["raw_message_id"])
        identities = session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == interaction["contact_id"])).all()
    assert raw.channel_kind == "api" and raw.interaction_id == interaction["id"]
    kept = json.loads(runtime.blob_store.get(raw.sha256))  # the request is kept raw, re-ingestable later
    assert kept["interaction"]["text"] == ANNA["text"] and kept["token_id"] >= 1
    assert identities == [("email", "anna.weber@example.com")]
    # The next message from the same address lands on the same contact.
    again = client.post("/api/v1/interactions", json={"contact": {"email": "anna.weber@example.com"}, "text": "Danke!"}, headers=_auth(token))
    assert again.get_json()["interaction"]["contact_id"] == interaction["contact_id"]


def test_outgoing_interaction_by_phone_goes_to_the_recipient(app, client, token) -> None:
    response = client.post("/api/v1/interactions", json={"direction": "out", "contact": {"phone": "+4930123456"}, "text": "Rückruf erledigt", "occurred_at": "2026-11-20T09:15:00+01:00"}, headers=_auth(token))
    interaction = response.get_json()["interaction"]
    assert response.status_code == 201 and interaction["direction"] == "out"
    assert interaction["occurred_at"] == "2026-11-20T08:15:00Z"
    contact = client.get(f"/api/v1/contacts/{interaction['contact_id']}", headers=_auth(token)).get_json()
    assert {"kind": "phone", "value": "+4930123456"} in contact["identities"]


def test_retried_post_with_the_same_idempotency_key_is_one_interaction(app, client, token) -> None:
    first = client.post("/api/v1/interactions", json=ANNA, headers=_auth(token, **{"Idempotency-Key": "order-4711-msg-1"}))
    # Same body with other key order and spacing: still the same request.
    retry = client.post(
        "/api/v1/interactions", data=json.dumps(dict(reversed(list(ANNA.items())))), content_type="application/json",
        headers=_auth(token, **{"Idempotency-Key": "order-4711-msg-1"}),
    )
    assert first.status_code == 201 and retry.status_code == 200
    assert retry.get_json()["interaction"]["id"] == first.get_json()["interaction"]["id"]
    assert _count(app, Interaction) == 1 and _count(app, RawMessage) == 1
    conflict = client.post("/api/v1/interactions", json={**ANNA, "text": "changed"}, headers=_auth(token, **{"Idempotency-Key": "order-4711-msg-1"}))
    assert conflict.status_code == 409 and "different request body" in conflict.get_json()["error"]["message"]
    # Without a key, two equal posts are two interactions (the client did not say they are one).
    client.post("/api/v1/interactions", json=ANNA, headers=_auth(token))
    client.post("/api/v1/interactions", json=ANNA, headers=_auth(token))
    assert _count(app, Interaction) == 3
    # Keys are per token: another integration's key "order-4711-msg-1" is its own request.
    other = client.post("/api/v1/interactions", json=ANNA, headers=_auth(_token(app), **{"Idempotency-Key": "order-4711-msg-1"}))
    assert other.status_code == 201 and _count(app, Interaction) == 4


def test_bad_requests_get_clear_json_errors_and_store_nothing(app, client, token) -> None:
    cases = [
        ({"data": "{not json", "content_type": "application/json"}, 400, "not valid JSON"),
        ({"data": "text=hi", "content_type": "application/x-www-form-urlencoded"}, 415, "application/json"),
        ({"json": [1, 2]}, 422, "JSON object"),
        ({"json": {"contact": {"email": "a@b.example"}}}, 422, "not valid"),
        ({"json": {"contact": {"name": "No Address"}, "text": "x"}}, 422, "not valid"),
        ({"json": {**ANNA, "priority": "high"}}, 422, "not valid"),
        ({"json": {**ANNA, "occurred_at": "yesterday"}}, 422, "not valid"),
        ({"json": {**ANNA, "contact": {"phone": "030 123456"}}}, 422, "not valid"),
    ]
    for kwargs, status, message in cases:
        response = client.post("/api/v1/interactions", headers=_auth(token), **kwargs)
        assert response.status_code == status, (kwargs, response.get_json())
        assert response.is_json and message in response.get_json()["error"]["message"]
    fields = client.post("/api/v1/interactions", json={"contact": {"name": "x"}, "priority": 1}, headers=_auth(token)).get_json()["error"]["fields"]
    assert fields == {"contact": "needs an email or a phone", "priority": "unknown field", "text": "required"}
    bad_key = client.post("/api/v1/interactions", json=ANNA, headers=_auth(token, **{"Idempotency-Key": "has spaces"}))
    assert bad_key.status_code == 400
    assert _count(app, RawMessage) == 0 and _count(app, Interaction) == 0


def test_token_auth_scopes_and_revocation(app, client) -> None:
    read_only = _token(app, "interactions:read")
    assert client.get("/api/v1/interactions").status_code == 401
    missing = client.post("/api/v1/interactions", json=ANNA)
    assert missing.status_code == 401 and missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/api/v1/interactions", headers=_auth("khub_not-a-real-token")).status_code == 401
    assert client.get("/api/v1/interactions", headers={"Authorization": f"Basic {read_only}"}).status_code == 401
    assert client.get("/api/v1/interactions", headers=_auth(read_only)).status_code == 200
    forbidden = client.post("/api/v1/interactions", json=ANNA, headers=_auth(read_only))
    assert forbidden.status_code == 403 and "interactions:write" in forbidden.get_json()["error"]["message"]
    assert client.get("/api/v1/contacts/1", headers=_auth(read_only)).status_code == 403
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        token_id = session.scalars(select(ApiToken.id)).one()
        stored = session.get(ApiToken, token_id)
        assert stored.token_sha256 == api_tokens.token_sha256(read_only) and read_only not in repr(stored.__dict__)
        assert stored.last_used_at is not None
        api_tokens.revoke_token(session, token_id, revoked_by=None)
    assert client.get("/api/v1/interactions", headers=_auth(read_only)).status_code == 401


def test_session_cookie_is_not_api_auth_and_no_csrf_token_is_needed(app, token) -> None:
    """A logged-in browser cannot be made to post to the API (no token), and token clients need no CSRF token."""
    admin = login_as(app, "admin@example.test", "admin")
    assert admin.post("/api/v1/interactions", json=ANNA, headers={"X-CSRF-Token": token_of(admin)}).status_code == 401
    assert admin.post("/api/v1/interactions", json=ANNA, headers=_auth(token)).status_code == 201


def test_contact_with_identities_and_paginated_timeline(app, client, token) -> None:
    for number in range(5):
        client.post("/api/v1/interactions", json={**ANNA, "text": f"Nachricht {number}", "occurred_at": f"2026-11-0{number + 1}T10:00:00Z"}, headers=_auth(token))
    contact_id = client.get("/api/v1/interactions?limit=1", headers=_auth(token)).get_json()["items"][0]["contact_id"]
    first = client.get(f"/api/v1/contacts/{contact_id}?limit=2", headers=_auth(token)).get_json()
    assert first["display_name"] == "Anna Weber" and first["identities"] == [{"kind": "email", "value": "anna.weber@example.com"}]
    texts = [item["text"] for item in first["timeline"]["items"]]
    cursor = first["timeline"]["next_cursor"]
    while cursor:
        page = client.get(f"/api/v1/contacts/{contact_id}?limit=2&cursor={cursor}", headers=_auth(token)).get_json()["timeline"]
        texts += [item["text"] for item in page["items"]]
        cursor = page["next_cursor"]
    assert texts == [f"Nachricht {n}" for n in (4, 3, 2, 1, 0)]  # newest first, each once
    missing = client.get("/api/v1/contacts/999999", headers=_auth(token))
    assert missing.status_code == 404 and missing.get_json()["error"]["message"] == "no contact #999999"


def test_list_interactions_filters_and_cursor(app, client, token) -> None:
    client.post("/api/v1/interactions", json={**ANNA, "occurred_at": "2026-10-01T10:00:00Z"}, headers=_auth(token))
    client.post("/api/v1/interactions", json={"direction": "out", "contact": {"phone": "+4930123456"}, "text": "Rückruf", "occurred_at": "2026-10-02T10:00:00Z"}, headers=_auth(token))
    client.post("/api/v1/interactions", json={**ANNA, "text": "Noch da?", "occurred_at": "2026-10-03T10:00:00Z"}, headers=_auth(token))

    def texts(query: str) -> list[str]:
        response = client.get(f"/api/v1/interactions?{query}", headers=_auth(token))
        assert response.status_code == 200, response.get_json()
        return [item["text"] for item in response.get_json()["items"]]

    assert texts("") == ["Noch da?", "Rückruf", ANNA["text"]]
    assert texts("direction=out") == ["Rückruf"]
    assert texts("channel=api&direction=in") == ["Noch da?", ANNA["text"]]
    assert texts("since=2026-10-02T00:00:00Z&until=2026-10-03T00:00:00Z") == ["Rückruf"]
    anna = client.get("/api/v1/interactions?direction=in&limit=1", headers=_auth(token)).get_json()["items"][0]["contact_id"]
    assert texts(f"contact_id={anna}") == ["Noch da?", ANNA["text"]]
    page = client.get("/api/v1/interactions?limit=2", headers=_auth(token)).get_json()
    assert len(page["items"]) == 2 and texts(f"limit=2&cursor={page['next_cursor']}") == [ANNA["text"]]
    assert texts("channel=email") == []
    for query in ("limit=0", "limit=x", "direction=sideways", "since=2026-10-02", "cursor=abc", "contactid=1"):
        response = client.get(f"/api/v1/interactions?{query}", headers=_auth(token))
        assert response.status_code == 400 and response.get_json()["error"]["fields"], query


def test_openapi_document_is_served_and_lists_every_api_route(app, client) -> None:
    response = client.get("/api/v1/openapi.json")
    document = response.get_json()
    assert response.status_code == 200 and document["openapi"].startswith("3.")
    documented = {(method.upper(), "/api/v1" + path) for path, item in document["paths"].items() for method in item}
    routes = {
        (method, rule.rule.replace("<int(signed=True):contact_id>", "{contact_id}"))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.openapi_document"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert documented == routes


def test_api_errors_for_unknown_paths_and_methods_are_json(client, token) -> None:
    assert client.get("/api/v1/nothing", headers=_auth(token)).get_json()["error"]["status"] == 404
    response = client.delete("/api/v1/interactions", headers=_auth(token))
    assert response.status_code == 405 and "POST" in response.headers["Allow"] and response.is_json
    assert "text/html" in client.get("/no/such/page").content_type  # the rest of the app keeps its HTML pages


def test_token_never_reaches_the_logs_or_the_audit_log(app, client, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    admin = login_as(app, "admin@example.test", "admin")
    page = admin.post("/admin/api-tokens", data={"csrf_token": token_of(admin), "name": "Shop", "scopes": ["interactions:write"]}).get_data(as_text=True)
    plain = page.split('<code class="token">')[1].split("</code>")[0]
    assert plain.startswith("khub_") and "copy it now, it is not shown again" in page
    assert plain not in admin.get("/admin/api-tokens").get_data(as_text=True)
    assert client.post("/api/v1/interactions", json=ANNA, headers=_auth(plain)).status_code == 201
    assert client.get("/api/v1/interactions", headers=_auth(plain)).status_code == 403  # only the scope asked for
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        details = [entry.detail for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == "api_token.create"))]
    assert details == [{"name": "Shop", "scopes": ["interactions:write"]}]
    assert plain not in caplog.text and plain not in json.dumps(details)
    assert admin.post("/admin/api-tokens", data={"csrf_token": token_of(admin), "name": ""}).status_code == 400


def test_cli_creates_a_token_shown_once(app, runtime) -> None:
    from workers.cli import main

    result = CliRunner().invoke(main, ["api-token", "create", "ERP export", "--scope", "contacts:read"])
    assert result.exit_code == 0, result.output
    plain = result.stdout.strip().splitlines()[-1]
    client = app.test_client()
    assert client.get("/api/v1/contacts/1", headers=_auth(plain)).status_code == 404  # authenticated, no such contact
    assert client.get("/api/v1/interactions", headers=_auth(plain)).status_code == 403
    refused = CliRunner().invoke(main, ["api-token", "create", "x", "--scope", "everything"])
    assert refused.exit_code != 0 and "unknown scope" in refused.output


@pytest.mark.redis
@pytest.mark.postgres
def test_with_workers_the_post_answers_202_and_a_retry_later_finds_the_interaction(rq_runtime) -> None:
    from redis import Redis
    from rq import Queue, SimpleWorker

    from web import create_app

    app = create_app(rq_runtime.settings)
    token = _token(app)
    client = app.test_client()
    headers = _auth(token, **{"Idempotency-Key": "crm-export-42"})
    accepted = client.post("/api/v1/interactions", json=ANNA, headers=headers)
    assert accepted.status_code == 202 and accepted.get_json()["status"] == "pending" and accepted.get_json()["interaction"] is None
    assert client.post("/api/v1/interactions", json=ANNA, headers=headers).get_json()["status"] == "pending"  # a retry enqueues nothing new
    redis = Redis.from_url(rq_runtime.settings.redis_url)
    queue = Queue(rq_runtime.settings.queue_name, connection=redis)
    assert queue.count == 1
    SimpleWorker([queue], connection=redis).work(burst=True)
    done = client.post("/api/v1/interactions", json=ANNA, headers=headers)
    assert done.status_code == 200 and done.get_json()["status"] == "ingested"
    assert done.get_json()["interaction"]["raw_message_id"] == accepted.get_json()["raw_message_id"]
    assert _count(app, Interaction) == 1
