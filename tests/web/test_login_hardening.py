"""Failed logins are rate-limited per email and per address, without revealing which emails exist."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hub import clock, login_throttle
from tests.web.conftest import PASSWORD, csrf_from
from web import create_app


class FakeClock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def fake_clock(monkeypatch) -> FakeClock:  # type: ignore[no-untyped-def]
    fake = FakeClock()
    monkeypatch.setattr(clock, "utcnow", fake)
    return fake


def _login(client, email: str, password: str):  # type: ignore[no-untyped-def]
    token = csrf_from(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})


def test_email_locked_after_five_failures_even_with_the_right_password(client, fake_clock) -> None:
    for _ in range(login_throttle.MAX_FAILURES_PER_EMAIL):
        assert _login(client, "agent@example.test", "wrong password!").status_code == 401
    locked = _login(client, "Agent@Example.test ", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.get_data(as_text=True)


def test_lock_ends_after_the_window(client, fake_clock) -> None:
    for _ in range(login_throttle.MAX_FAILURES_PER_EMAIL):
        _login(client, "agent@example.test", "wrong password!")
    fake_clock.now += login_throttle.WINDOW - timedelta(seconds=1)
    assert _login(client, "agent@example.test", PASSWORD).status_code == 429
    fake_clock.now += timedelta(seconds=2)
    assert _login(client, "agent@example.test", PASSWORD).status_code == 302


def test_success_resets_the_email_count(client, fake_clock) -> None:
    for _ in range(login_throttle.MAX_FAILURES_PER_EMAIL - 1):
        _login(client, "agent@example.test", "wrong password!")
    assert _login(client, "agent@example.test", PASSWORD).status_code == 302
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/").get_data(as_text=True))})
    for _ in range(login_throttle.MAX_FAILURES_PER_EMAIL - 1):
        assert _login(client, "agent@example.test", "wrong password!").status_code == 401
    assert _login(client, "agent@example.test", PASSWORD).status_code == 302


def test_unknown_and_known_emails_look_the_same(client, fake_clock) -> None:
    known = _login(client, "agent@example.test", "wrong password!")
    unknown = _login(client, "nobody@example.test", "wrong password!")
    assert known.status_code == unknown.status_code == 401
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True)
    for _ in range(login_throttle.MAX_FAILURES_PER_EMAIL - 1):
        _login(client, "agent@example.test", "wrong password!")
        _login(client, "nobody@example.test", "wrong password!")
    known_locked = _login(client, "agent@example.test", "wrong password!")
    unknown_locked = _login(client, "nobody@example.test", "wrong password!")
    assert known_locked.status_code == unknown_locked.status_code == 429
    assert known_locked.get_data(as_text=True) == unknown_locked.get_data(as_text=True)


def test_one_address_guessing_many_emails_is_locked_but_others_are_not(app, fake_clock) -> None:
    attacker = app.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    for number in range(login_throttle.MAX_FAILURES_PER_IP):
        assert _login(attacker, f"guess{number}@example.test", "wrong password!").status_code == 401
    assert _login(attacker, "agent@example.test", PASSWORD).status_code == 429
    colleague = app.test_client()
    colleague.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    assert _login(colleague, "agent@example.test", PASSWORD).status_code == 302


def test_lockout_is_shared_between_processes(runtime, client, fake_clock) -> None:
    """A second app on the same database (another worker process) sees the same failures."""
    for _ in range(login_throttle.MAX_FAILURES_PER_EMAIL):
        _login(client, "agent@example.test", "wrong password!")
    other_process = create_app(runtime.settings).test_client()
    assert _login(other_process, "agent@example.test", PASSWORD).status_code == 429


def test_session_cookie_flags(runtime, client) -> None:
    response = _login(client, "agent@example.test", PASSWORD)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure_app = create_app(runtime.settings.model_copy(update={"cookie_secure": True}))
    secure_response = _login(secure_app.test_client(), "agent@example.test", PASSWORD)
    assert "Secure" in secure_response.headers["Set-Cookie"]


def test_logout_is_post_only(logged_in) -> None:
    assert logged_in.get("/logout").status_code == 405
    assert logged_in.get("/").status_code == 200


def test_behind_a_trusted_proxy_the_limit_counts_the_forwarded_client(app, runtime, fake_clock) -> None:
    """With ``proxy_hops=1`` two clients behind one proxy are limited apart; a spoofed extra hop is ignored."""
    proxied = create_app(runtime.settings.model_copy(update={"proxy_hops": 1}))
    attacker = proxied.test_client()
    attacker.environ_base["REMOTE_ADDR"] = "10.0.0.2"  # the proxy
    # The attacker prepends a fake address; the proxy appends the real one, which is the one trusted.
    attacker.environ_base["HTTP_X_FORWARDED_FOR"] = "198.51.100.7, 203.0.113.9"
    for number in range(login_throttle.MAX_FAILURES_PER_IP):
        assert _login(attacker, f"guess{number}@example.test", "wrong password!").status_code == 401
    assert _login(attacker, "agent@example.test", PASSWORD).status_code == 429
    colleague = proxied.test_client()
    colleague.environ_base["REMOTE_ADDR"] = "10.0.0.2"
    colleague.environ_base["HTTP_X_FORWARDED_FOR"] = "198.51.100.7"
    assert _login(colleague, "agent@example.test", PASSWORD).status_code == 302


def test_without_trusted_proxies_forwarded_headers_are_ignored(app, fake_clock) -> None:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    for number in range(login_throttle.MAX_FAILURES_PER_IP):
        client.environ_base["HTTP_X_FORWARDED_FOR"] = f"198.51.100.{number}"  # rotating a header buys nothing
        assert _login(client, f"guess{number}@example.test", "wrong password!").status_code == 401
    assert _login(client, "agent@example.test", PASSWORD).status_code == 429
