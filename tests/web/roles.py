"""Helpers for web tests that need users of several roles."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from hub.db import unit_of_work
from hub.users import create_or_update_user
from tests.web.conftest import PASSWORD, csrf_from


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
