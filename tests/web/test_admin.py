"""Admin pages: permission and CSRF checks on each route, and an audit entry for every change."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from hub import audit
from hub.db import unit_of_work
from hub.models import AuditEntry, User
from tests.web.conftest import PASSWORD, csrf_from
from tests.web.roles import login_as, token_of

POST_ROUTES = ["/admin/users", "/admin/users/1/role", "/admin/users/1/active"]


def _entries(app) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all())


def _user(app, email: str) -> User:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return session.scalars(select(User).where(User.email == email)).one()


@pytest.fixture
def admin(app):  # type: ignore[no-untyped-def]
    return login_as(app, "admin@example.test", "admin")


@pytest.mark.parametrize("path", ["/admin/audit", "/admin/users"])
def test_admin_pages_need_login_and_permission(app, client, logged_in, path: str) -> None:
    anonymous = app.test_client().get(path)
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    assert logged_in.get(path).status_code == 403  # an agent


@pytest.mark.parametrize("path", POST_ROUTES)
def test_admin_posts_need_csrf_login_and_permission(app, admin, logged_in, path: str) -> None:
    assert admin.post(path, data={"role": "sales", "active": "0"}).status_code == 400  # no CSRF token
    assert admin.post(path, data={"role": "sales", "csrf_token": "forged"}).status_code == 400
    assert logged_in.post(path, data={"csrf_token": token_of(logged_in), "role": "admin"}).status_code == 403
    anonymous = app.test_client()
    assert anonymous.post(path, data={"csrf_token": token_of(anonymous)}).status_code == 302


def test_create_change_role_and_deactivate_are_audited(app, admin) -> None:
    token = token_of(admin)
    created = admin.post(
        "/admin/users",
        data={"csrf_token": token, "email": "New@Example.test", "display_name": "New", "password": "a long password", "role": "agent"},
    )
    assert created.status_code == 302
    new = _user(app, "new@example.test")
    assert new.role == "agent" and new.active
    assert admin.post(f"/admin/users/{new.id}/role", data={"csrf_token": token, "role": "sales"}).status_code == 302
    assert admin.post(f"/admin/users/{new.id}/active", data={"csrf_token": token, "active": "0"}).status_code == 302
    assert _user(app, "new@example.test").role == "sales"
    assert not _user(app, "new@example.test").active
    actions = [(e.action, e.object_id, e.detail) for e in _entries(app) if e.action.startswith("user.")]
    assert actions == [
        ("user.create", str(new.id), {"email": "new@example.test", "role": "agent"}),
        ("user.role", str(new.id), {"old_role": "agent", "new_role": "sales"}),
        ("user.deactivate", str(new.id), {}),
    ]
    assert "a long password" not in json.dumps([e.detail for e in _entries(app)])
    page = admin.get("/admin/users").get_data(as_text=True)
    assert "new@example.test" in page and "deactivated" in page


def test_refused_changes_say_why_and_write_nothing(app, admin) -> None:
    token = token_of(admin)
    me = _user(app, "admin@example.test")
    assert admin.post(f"/admin/users/{me.id}/active", data={"csrf_token": token, "active": "0"}).status_code == 400
    assert admin.post(f"/admin/users/{me.id}/role", data={"csrf_token": token, "role": "agent"}).status_code == 400
    duplicate = admin.post("/admin/users", data={"csrf_token": token, "email": "agent@example.test", "password": "x" * 12, "role": "agent"})
    assert duplicate.status_code == 400 and "already exists" in duplicate.get_data(as_text=True)
    assert admin.post("/admin/users", data={"csrf_token": token, "email": "a@b.test", "password": "short", "role": "agent"}).status_code == 400
    assert admin.post("/admin/users/9999/role", data={"csrf_token": token, "role": "agent"}).status_code == 400
    assert not [e for e in _entries(app) if e.action.startswith("user.")]
    assert _user(app, "admin@example.test").active


def test_logins_and_logouts_are_audited_newest_first(app, client, admin) -> None:
    token = csrf_from(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"email": "nobody@example.test", "password": "wrong password!", "csrf_token": token})
    client.post("/login", data={"email": "agent@example.test", "password": PASSWORD, "csrf_token": token})
    client.post("/logout", data={"csrf_token": token_of(client)})
    entries = _entries(app)
    assert [e.action for e in entries] == ["login.success", "login.failure", "login.success", "logout"]
    failure = entries[1]
    assert failure.user_id is None and failure.detail == {"email": "nobody@example.test"} and failure.ip == "127.0.0.1"
    page = admin.get("/admin/audit").get_data(as_text=True)
    assert page.index("logout") < page.index("login.failure")


def test_audit_log_is_paginated(app, admin) -> None:
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        for number in range(60):
            audit.record(session, None, f"test.event{number:02d}")
    first = admin.get("/admin/audit").get_data(as_text=True)
    assert "test.event59" in first and "test.event05" not in first and "?page=2" in first
    second = admin.get("/admin/audit?page=2").get_data(as_text=True)
    assert "test.event05" in second and "test.event59" not in second


def test_audit_detail_refuses_secrets_and_bodies(app) -> None:
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        for key in ("password", "body", "Token"):
            with pytest.raises(ValueError):
                audit.record(session, None, "x", **{key: "secret"})


def test_new_user_can_log_in_and_deactivated_cannot(app, admin) -> None:
    token = token_of(admin)
    admin.post("/admin/users", data={"csrf_token": token, "email": "sam@example.test", "password": PASSWORD, "role": "sales"})
    sam = app.test_client()
    login_token = csrf_from(sam.get("/login").get_data(as_text=True))
    assert sam.post("/login", data={"email": "sam@example.test", "password": PASSWORD, "csrf_token": login_token}).status_code == 302
    admin.post(f"/admin/users/{_user(app, 'sam@example.test').id}/active", data={"csrf_token": token, "active": "0"})
    assert sam.get("/").status_code == 302
    sam_again = app.test_client()
    login_token = csrf_from(sam_again.get("/login").get_data(as_text=True))
    assert sam_again.post("/login", data={"email": "sam@example.test", "password": PASSWORD, "csrf_token": login_token}).status_code == 401


def test_admin_pages_are_linked_for_admins_only(app, logged_in, admin) -> None:
    admin_links = ('href="/admin/channels"', 'href="/admin/users"', 'href="/admin/audit"')
    page = admin.get("/inbox").get_data(as_text=True)
    assert all(link in page for link in admin_links)
    page = logged_in.get("/inbox").get_data(as_text=True)  # an agent
    assert not any(link in page for link in admin_links)
