"""Helpers for web tests that need users of several roles."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from hub.db import unit_of_work
from hub.users import create_or_update_user
from tests.web.conftest import PASSWORD, csrf_from

#: Reachable without login but verified on every request by other means; endpoint -> how (and which test proves it).
PUBLIC_VERIFIED_ENDPOINTS = {
    "chat_widget.start": "allowed Origin + rate limit (tests/web/test_chat.py)",
    "chat_widget.post_line": "allowed Origin + signed conversation token (tests/web/test_chat.py)",
    "chat_widget.lines": "allowed Origin + signed conversation token (tests/web/test_chat.py)",
    "chat_widget.stream": "allowed Origin + signed conversation token (tests/web/test_chat.py)",
    "webhooks.receive": "the connector's verify_webhook, e.g. Telegram's secret header compared in constant time; CSRF-exempt for that reason (tests/connectors/test_telegram_webhook.py)",
    "webform.show": "the public contact form page; renders a signed per-form token, nothing stored (tests/web/test_webform.py)",
    "webform.submit": "signed per-form token (HMAC, bound to the form, expiring, its nonce single-use) + honeypot + per-address rate limit; CSRF-exempt for that reason (tests/web/test_webform.py)",
    "api.openapi_document": "the OpenAPI document: describes the API, holds no data (tests/web/test_api.py)",
    "api.create_interaction": "Authorization: Bearer API token with scope interactions:write, 401/403 otherwise; CSRF-exempt because no cookie is read (tests/web/test_api.py)",
    "api.list_interactions": "API token with scope interactions:read (tests/web/test_api.py)",
    "api.get_contact": "API token with scope contacts:read (tests/web/test_api.py)",
    "metrics.metrics": "HUB_METRICS_TOKEN as a bearer token or an admin session, 401 otherwise (tests/web/test_metrics.py)",
}


def add_user(app: Flask, email: str, role: str) -> int:
    """Create (or reset) a user of ``role`` on the app's database; returns the id."""
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return create_or_update_user(session, email, PASSWORD, role=role, display_name=role)


def login_as(app: Flask, email: str, role: str, **client_kwargs: object) -> FlaskClient:
    """A fresh client logged in as a new user of ``role``."""
    add_user(app, email, role)
    client = app.test_client(**client_kwargs)
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def token_of(client: FlaskClient) -> str:
    """The CSRF token of the client's session (read from a page it can see)."""
    return csrf_from(client.get("/login" if not _logged_in(client) else "/admin/users").get_data(as_text=True))


def _logged_in(client: FlaskClient) -> bool:
    with client.session_transaction() as session:
        return "user_id" in session
