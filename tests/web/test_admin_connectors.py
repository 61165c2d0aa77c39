"""Admin channel pages: add, edit, test, switch, delete; secrets sealed and never shown or logged."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import select

from connectors.base import ConfigField, ConnectorBase, ConnectorError, PayloadError
from connectors.registry import default_registry
from hub import channel_health
from hub.channel_config import enabled_channels
from hub.connector_admin import connector_config
from hub.db import unit_of_work
from hub.models import AuditEntry, Channel, Interaction
from hub.secrets import SecretBox, load_box
from tests.web.roles import login_as, token_of

BOT_TOKEN = "777:Very-Secret-Bot-Token-xyz"
NEW_TOKEN = "888:Another-Secret-Token-abc"


class FakeChatConnector(ConnectorBase):
    """A connector whose connection test echoes its token on failure, as a careless library might."""

    kind = "fake_chat"
    label = "Fake chat"
    config_schema = (
        ConfigField("base_url", "Service URL", type="url", required=True),
        ConfigField("bot_token", "Bot token", type="password", required=True, secret=True),
        ConfigField("poll_seconds", "Poll every", type="integer", default=30),
        ConfigField("use_webhook", "Webhook mode", type="boolean", default=False),
    )

    def test_connection(self) -> str:
        token = self.channel.secrets.get("bot_token", "")
        if self.channel.settings["base_url"].endswith("/down"):
            raise ConnectorError(f"401 Unauthorized from {self.channel.settings['base_url']}/bot{token}/getMe")
        if self.channel.settings["base_url"].endswith("/bug"):
            raise KeyError(token)
        return f"bot answered; token of {len(token)} characters ending in {token[-3:]}"

    def normalise(self, raw: bytes):  # type: ignore[no-untyped-def]
        raise PayloadError("not used here")


@pytest.fixture
def fake_connector() -> Iterator[type[FakeChatConnector]]:
    with default_registry().registered(FakeChatConnector) as connector:
        yield connector


@pytest.fixture
def admin(app, fake_connector):  # type: ignore[no-untyped-def]
    return login_as(app, "admin@example.test", "admin")


def _form(**overrides: str) -> dict[str, str]:
    return {"kind": "fake_chat", "name": "Support bot", "base_url": "http://127.0.0.1:9/ok", "bot_token": BOT_TOKEN, "poll_seconds": "15"} | overrides


def _create(client, **overrides: str) -> int:  # type: ignore[no-untyped-def]
    response = client.post("/admin/channels", data=_form(csrf_token=token_of(client), **overrides))
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(re.search(r"/admin/channels/(\d+)$", response.headers["Location"]).group(1))


def _channel(app, channel_id: int) -> Channel:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return session.get(Channel, channel_id)


def test_add_channel_from_the_schema_form_seals_the_secret_and_never_shows_it(app, admin, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    listing = admin.get("/admin/channels").get_data(as_text=True)
    assert '<option value="fake_chat">Fake chat</option>' in listing and 'value="api"' not in listing  # the API channel is built in
    form = admin.get("/admin/channels/new?kind=fake_chat").get_data(as_text=True)
    assert 'name="base_url"' in form and 'type="password" name="bot_token"' in form and 'type="number" name="poll_seconds"' in form
    # A ticked box sends "1" then the hidden "0" (the first wins); an unticked one only the "0".
    assert '<input type="checkbox" name="use_webhook" value="1"><input type="hidden" name="use_webhook" value="0">' in form
    channel_id = _create(admin)
    ticked = _create(admin, name="Ticked", use_webhook=["1", "0"])  # type: ignore[arg-type]
    assert _channel(app, ticked).config["settings"]["use_webhook"] is True

    stored = _channel(app, channel_id)
    assert stored.kind == "fake_chat" and stored.config["enabled"] is True
    assert stored.config["settings"] == {"base_url": "http://127.0.0.1:9/ok", "poll_seconds": 15, "use_webhook": False}
    sealed = stored.config["secrets"]["bot_token"]
    assert sealed.startswith("fernet:") and BOT_TOKEN not in repr(stored.config)
    edit = admin.get(f"/admin/channels/{channel_id}").get_data(as_text=True)
    assert BOT_TOKEN not in edit and "saved — leave empty to keep" in edit
    # The connector gets the opened secret: its test sees the real token.
    tested = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)
    assert "Connection works:" in tested and f"token of {len(BOT_TOKEN)} characters ending in xyz" in tested
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.object_type == "channel").order_by(AuditEntry.id)).all()
        box = load_box("", app.extensions["hub.settings"].secrets_key_file())
        configs = [connector_config(channel, box) for channel in enabled_channels(session, ("fake_chat",))]
    assert [e.action for e in entries] == ["channel.create", "channel.create", "channel.test"]
    assert entries[0].detail["secrets_set"] == ["bot_token"] and BOT_TOKEN not in repr([e.detail for e in entries])
    assert configs[0].secrets == {"bot_token": BOT_TOKEN}  # what `hub run` hands the connector
    assert BOT_TOKEN not in caplog.text


def test_empty_secret_field_keeps_the_saved_secret_and_a_new_one_replaces_it(app, admin) -> None:
    channel_id = _create(admin)
    saved = admin.post(f"/admin/channels/{channel_id}", data=_form(csrf_token=token_of(admin), bot_token="", name="Support bot 2", poll_seconds="60"))
    assert saved.status_code == 302
    channel = _channel(app, channel_id)
    assert channel.name == "Support bot 2" and channel.config["settings"]["poll_seconds"] == 60
    tested = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)
    assert "ending in xyz" in tested
    admin.post(f"/admin/channels/{channel_id}", data=_form(csrf_token=token_of(admin), bot_token=NEW_TOKEN))
    tested = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)
    assert "ending in abc" in tested and NEW_TOKEN not in tested
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        update = session.scalars(select(AuditEntry).where(AuditEntry.action == "channel.update").order_by(AuditEntry.id)).all()
    assert update[0].detail["secrets_changed"] == [] and "poll_seconds" in update[0].detail["changed"]
    assert update[1].detail["secrets_changed"] == ["bot_token"]


def test_failed_connection_test_shows_the_reason_with_secrets_redacted(app, admin, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    channel_id = _create(admin, base_url="http://127.0.0.1:9/down")
    page = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)
    assert "Connection failed:" in page and "401 Unauthorized from http://127.0.0.1:9/down/bot[redacted]/getMe" in page
    assert BOT_TOKEN not in page and BOT_TOKEN not in caplog.text
    admin.post(f"/admin/channels/{channel_id}", data=_form(csrf_token=token_of(admin), base_url="http://127.0.0.1:9/bug", bot_token=""))
    page = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)
    assert "Connection failed: KeyError" in page and BOT_TOKEN not in page  # a plugin's bug is a failed test, not a 500


def test_invalid_form_is_refused_with_every_field_marked_and_nothing_stored(app, admin) -> None:
    response = admin.post("/admin/channels", data=_form(csrf_token=token_of(admin), base_url="ftp://x", bot_token="", poll_seconds="soon"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "must start with http:// or https://" in page and "not a whole number" in page and "required" in page
    _create(admin)
    duplicate = admin.post("/admin/channels", data=_form(csrf_token=token_of(admin)))
    assert duplicate.status_code == 400 and "exists already" in duplicate.get_data(as_text=True)
    assert BOT_TOKEN not in duplicate.get_data(as_text=True)  # a refused form does not echo the secret back
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        assert session.scalars(select(Channel).where(Channel.kind == "fake_chat")).all().__len__() == 1
    assert admin.get("/admin/channels/new?kind=nope").status_code == 404


def test_switch_off_and_on_is_what_hub_run_sees(app, admin) -> None:
    channel_id = _create(admin)
    factory = app.extensions["hub.session_factory"]
    admin.post(f"/admin/channels/{channel_id}/enabled", data={"csrf_token": token_of(admin), "enabled": "0"})
    with unit_of_work(factory) as session:
        assert enabled_channels(session, ("fake_chat",)) == []
    assert "Switch on" in admin.get("/admin/channels").get_data(as_text=True)
    admin.post(f"/admin/channels/{channel_id}/enabled", data={"csrf_token": token_of(admin), "enabled": "1"})
    with unit_of_work(factory) as session:
        assert [c.id for c in enabled_channels(session, ("fake_chat",))] == [channel_id]
        actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-2:] == ["channel.disable", "channel.enable"]


def test_delete_keeps_the_messages_frees_the_name_and_wipes_the_secrets(app, admin) -> None:
    from hub.clock import utcnow

    channel_id = _create(admin)
    factory = app.extensions["hub.session_factory"]
    with unit_of_work(factory) as session:
        now = utcnow()
        session.add(Interaction(channel="fake_chat", channel_id=channel_id, channel_message_id="m1", direction="in", received_at=now, occurred_at=now))
    edit = admin.get(f"/admin/channels/{channel_id}").get_data(as_text=True)
    assert "Messages already received stay in the hub" in edit
    unconfirmed = admin.post(f"/admin/channels/{channel_id}/delete", data={"csrf_token": token_of(admin)})
    assert unconfirmed.status_code == 302 and _channel(app, channel_id).config.get("deleted_at") is None
    admin.post(f"/admin/channels/{channel_id}/delete", data={"csrf_token": token_of(admin), "confirm": "1"})
    gone = _channel(app, channel_id)
    assert gone.config["deleted_at"] and gone.config["secrets"] == {} and gone.config["enabled"] is False
    assert "Support bot" not in admin.get("/admin/channels").get_data(as_text=True)
    assert admin.get(f"/admin/channels/{channel_id}").status_code == 404
    with unit_of_work(factory) as session:
        assert session.scalars(select(Interaction.channel_id).where(Interaction.channel_message_id == "m1")).one() == channel_id
        assert enabled_channels(session, ("fake_chat",)) == []
    _create(admin)  # the name can be used again


def test_wrong_secrets_key_is_a_readable_error_and_the_page_still_works(app, admin) -> None:
    channel_id = _create(admin)
    app.extensions["hub.secret_box"] = SecretBox([Fernet.generate_key().decode()])  # as if HUB_SECRETS_KEY changed
    page = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)})
    assert page.status_code == 200 and "cannot be decrypted with the configured key" in page.get_data(as_text=True)
    assert admin.get("/admin/channels").status_code == 200
    # Re-entering the secret under the new key repairs the channel.
    admin.post(f"/admin/channels/{channel_id}", data=_form(csrf_token=token_of(admin)))
    assert "Connection works:" in admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)


def test_malformed_configured_key_refuses_to_store_secrets_with_a_clear_message(app, admin) -> None:
    settings = app.extensions["hub.settings"]
    app.extensions["hub.settings"] = settings.model_copy(update={"secrets_key": SecretStr("not-a-fernet-key")})
    app.extensions.pop("hub.secret_box", None)
    try:
        response = admin.post("/admin/channels", data=_form(csrf_token=token_of(admin)))
    finally:
        app.extensions["hub.settings"] = settings
    assert response.status_code == 503 and "not a valid Fernet key" in response.get_data(as_text=True)
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        assert session.scalars(select(Channel).where(Channel.kind == "fake_chat")).all() == []


def test_health_line_shows_success_error_lag_today_and_backoff(app, admin) -> None:
    channel_id = _create(admin)
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        channel_health.record_success(session, channel_id, messages=4, lag_seconds=12)
        channel_health.record_failure(session, channel_id, "getUpdates: 502 Bad Gateway")
    page = admin.get("/admin/channels").get_data(as_text=True)
    row = page[page.index(f'id="channel-{channel_id}"') :]
    assert "messages today 4" in row and "lag 12 s" in row and "502 Bad Gateway" in row and "backing off until" in row
    # Saving the channel (the admin fixed something) ends the backoff: the poller tries at once.
    admin.post(f"/admin/channels/{channel_id}", data=_form(csrf_token=token_of(admin), bot_token=""))
    assert "backing off" not in admin.get("/admin/channels").get_data(as_text=True)


def test_environment_mailboxes_are_listed_read_only(app, admin) -> None:
    from hub.channels import ensure_channel

    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        channel_id = ensure_channel(session, kind="imap", name="info@", address="info@example.test", config={"host": "imap.example.test", "port": 993})
    page = admin.get("/admin/channels").get_data(as_text=True)
    assert "configured by HUB_MAILBOXES" in page and "E-mail (IMAP)" in page
    refused = admin.post(f"/admin/channels/{channel_id}", data={"csrf_token": token_of(admin), "name": "x", "host": "h", "username": "u", "password": "p"})
    assert refused.status_code == 400 and "HUB_MAILBOXES" in refused.get_data(as_text=True)


@pytest.mark.imap
def test_email_channel_added_in_the_ui_tests_against_real_dovecot(app, admin, imap_account) -> None:
    data = {
        "csrf_token": token_of(admin), "kind": "email", "name": "Dovecot box", "host": imap_account.host, "port": str(imap_account.port),
        "username": imap_account.username, "password": imap_account.password, "folders": "INBOX", "address": "box@example.test",
        "use_ssl": "0",  # the box unticked: only the form's hidden "0" is sent (the private Dovecot speaks plain IMAP)
    }
    response = admin.post("/admin/channels", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    channel_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert _channel(app, channel_id).address == "box@example.test"
    works = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)
    assert "Connection works:" in works and "logged in to" in works
    admin.post(f"/admin/channels/{channel_id}", data=data | {"csrf_token": token_of(admin), "password": "wrong-password-42"})
    fails = admin.post(f"/admin/channels/{channel_id}/test", data={"csrf_token": token_of(admin)}).get_data(as_text=True)
    assert "Connection failed: IMAP connection failed" in fails and "wrong-password-42" not in fails


ROUTES = [
    ("GET", "/admin/channels"),
    ("GET", "/admin/channels/new?kind=fake_chat"),
    ("POST", "/admin/channels"),
    ("GET", "/admin/channels/{id}"),
    ("POST", "/admin/channels/{id}"),
    ("POST", "/admin/channels/{id}/test"),
    ("POST", "/admin/channels/{id}/enabled"),
    ("POST", "/admin/channels/{id}/delete"),
    ("GET", "/admin/api-tokens"),
    ("POST", "/admin/api-tokens"),
    ("POST", "/admin/api-tokens/1/revoke"),
]


@pytest.mark.parametrize("role", ["agent", "sales", "complaint_manager"])
def test_only_admins_reach_the_channel_pages(app, admin, role: str) -> None:
    channel_id = _create(admin)
    client = login_as(app, f"{role}@example.test", role)
    for method, url in ROUTES:
        response = client.open(url.format(id=channel_id), method=method, data={"csrf_token": token_of(client), **_form(), "confirm": "1", "name": "t"})
        assert response.status_code == 403, (method, url)
    assert _channel(app, channel_id).config.get("deleted_at") is None


def test_every_change_needs_the_csrf_token(app, admin) -> None:
    channel_id = _create(admin)
    admin.post("/admin/api-tokens", data={"csrf_token": token_of(admin), "name": "shop"})
    for method, url in ROUTES:
        if method == "POST":
            response = admin.post(url.format(id=channel_id), data={**_form(name="x"), "confirm": "1", "enabled": "0"})
            assert response.status_code == 400, url
    channel = _channel(app, channel_id)
    assert channel.name == "Support bot" and channel.config["enabled"] is True and not channel.config.get("deleted_at")


def test_rest_api_channel_is_listed_as_built_in_with_its_health(app, admin) -> None:
    from hub.api_tokens import create_token

    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        plain = create_token(session, "shop", created_by=None).plain
    posted = app.test_client().post("/api/v1/interactions", json={"contact": {"email": "a@example.test"}, "text": "hi"}, headers={"Authorization": f"Bearer {plain}"})
    assert posted.status_code == 201
    page = admin.get("/admin/channels", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert "<h1>Kanäle</h1>" in page and "REST API" in page and "eingebaut" in page and "Nachrichten heute 1" in page
