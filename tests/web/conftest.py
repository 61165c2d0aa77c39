"""Web fixtures: an app on the test hub and logged-in clients."""

from __future__ import annotations

import re

import pytest

from hub.db import unit_of_work
from hub.users import create_or_update_user
from web import create_app

PASSWORD = "correct horse battery"


@pytest.fixture
def app(runtime):  # type: ignore[no-untyped-def]
    application = create_app(runtime.settings)
    application.config["TESTING"] = True
    with unit_of_work(runtime.factory) as session:
        create_or_update_user(session, "agent@example.test", PASSWORD, role="agent", display_name="Agent A")
    return application


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


def csrf_from(html: str) -> str:
    """The CSRF token a page rendered into its form."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


@pytest.fixture
def logged_in(client):  # type: ignore[no-untyped-def]
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"email": "agent@example.test", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    return client
