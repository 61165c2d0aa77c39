"""Every route is protected, and each role gets exactly what the matrix in hub.permissions says."""

from __future__ import annotations

import pytest

from hub.models.users import ROLES
from hub.permissions import PERMISSIONS, ROLE_PERMISSIONS, has_permission
from tests.web.roles import PUBLIC_VERIFIED_ENDPOINTS, login_as, token_of
from web.permissions import permission_required

#: Reachable without login: the login form, logout (harmless when anonymous), monitoring, static files,
#: and the public endpoints that verify callers otherwise (tests/web/roles.py says how).
PUBLIC_ENDPOINTS = {"auth.login", "auth.logout", "timeline.health", "static"} | set(PUBLIC_VERIFIED_ENDPOINTS)
#: Open to every logged-in user whatever the role: choosing one's own UI language.
LOGIN_ONLY_ENDPOINTS = {"i18n.change_locale"}


def _rules(app):  # type: ignore[no-untyped-def]
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint not in PUBLIC_ENDPOINTS]


def _url(rule) -> str:  # type: ignore[no-untyped-def]
    return rule.build({name: 1 for name in rule.arguments}, append_unknown=False)[1]


def test_every_non_public_route_sends_anonymous_visitors_to_login(app, client) -> None:
    token = token_of(client)
    checked = 0
    for rule in _rules(app):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(_url(rule), method=method, data={"csrf_token": token})
            assert response.status_code == 302, (method, rule.rule, response.status_code)
            assert "/login" in response.headers["Location"], (method, rule.rule)
            checked += 1
    assert checked >= 12


def test_every_non_public_route_declares_a_permission(app) -> None:
    for rule in _rules(app):
        if rule.endpoint in LOGIN_ONLY_ENDPOINTS:
            continue
        view = app.view_functions[rule.endpoint]
        assert getattr(view, "required_permission", None) in PERMISSIONS, f"{rule.rule} ({rule.endpoint}) has no permission_required"


def test_matrix_covers_every_role_and_admin_has_everything() -> None:
    assert set(ROLE_PERMISSIONS) == set(ROLES)
    assert ROLE_PERMISSIONS["admin"] == PERMISSIONS
    assert ROLE_PERMISSIONS["complaint_manager"] == ROLE_PERMISSIONS["agent"] | {"complaint.manage"}
    assert not {p for p in ROLE_PERMISSIONS["sales"] if p.startswith("admin.")}
    assert has_permission("sales", "deal.view") and not has_permission("sales", "message.reply")
    assert not has_permission("nobody", "message.view")  # unknown role: nothing
    with pytest.raises(ValueError):
        has_permission("admin", "message.veiw")
    with pytest.raises(ValueError):
        permission_required("no.such.permission")


#: (role, an allowed GET, a forbidden GET); /interactions/1/reply is 404 when allowed (no such message) and 403 when not.
ROLE_CASES = [
    ("agent", "/", "/admin/audit"),
    ("sales", "/", "/interactions/1/reply"),
    ("complaint_manager", "/interactions/1/reply", "/admin/users"),
]


@pytest.mark.parametrize(("role", "allowed", "forbidden"), ROLE_CASES)
def test_role_gets_allowed_page_and_403_on_forbidden_one(app, role: str, allowed: str, forbidden: str) -> None:
    client = login_as(app, f"{role}@example.test", role)
    assert client.get(allowed).status_code in (200, 404)  # past the permission check
    response = client.get(forbidden)
    assert response.status_code == 403
    assert "Not allowed" in response.get_data(as_text=True)


def test_sales_cannot_post_a_reply_or_allow_remote_images(app) -> None:
    client = login_as(app, "sales@example.test", "sales")
    token = token_of(client)
    assert client.post("/interactions/1/reply", data={"csrf_token": token, "body": "hi"}).status_code == 403
    assert client.post("/interactions/1/remote-images", data={"csrf_token": token, "scope": "message"}).status_code == 403


def test_admin_reaches_every_page(app) -> None:
    """Admins have every permission, so nothing is forbidden to them: each GET is past the check."""
    client = login_as(app, "admin@example.test", "admin")
    for rule in _rules(app):
        if "GET" in rule.methods:
            assert client.get(_url(rule)).status_code in (200, 404), rule.rule


def test_deactivated_user_loses_access_at_once(app) -> None:
    from hub.db import unit_of_work
    from hub.models import User

    client = login_as(app, "gone@example.test", "agent")
    assert client.get("/").status_code == 200
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        session.query(User).filter_by(email="gone@example.test").one().active = False
    assert client.get("/").status_code == 302
