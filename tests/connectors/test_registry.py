"""The connector contract: entry-point discovery, the config schema, and the documented example end to end."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from connectors.base import ConfigError, ConfigField, ConnectorBase, InboundMessage, Identity, clean_config
from connectors.registry import ENTRY_POINT_GROUP, ConnectorRegistry, UnknownConnector, default_registry
from hub import connector_admin
from hub.db import unit_of_work
from hub.models import ContactIdentity, Interaction, RawMessage
from web import create_app

DOCS = Path(__file__).resolve().parents[2] / "docs" / "connectors.md"


def example_source() -> str:
    """The minimal connector exactly as docs/connectors.md shows it."""
    section = DOCS.read_text(encoding="utf-8").split("## A minimal connector", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


@pytest.fixture
def example_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The docs example installed as a distribution with a real entry point (a dist-info on sys.path)."""
    (tmp_path / "kh_example_jsonhook.py").write_text(example_source(), encoding="utf-8")
    dist = tmp_path / "kh_example_jsonhook-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: kh-example-jsonhook\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\njsonhook = kh_example_jsonhook:JsonHookConnector\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "kh_example_jsonhook"
    sys.modules.pop("kh_example_jsonhook", None)


def test_builtin_connectors_come_through_the_entry_point_group() -> None:
    registry = ConnectorRegistry()
    assert {"email", "telegram"} <= set(registry.kinds())
    assert registry.load_errors == {}
    assert registry.get("imap").kind == "email", "channels stored as imap mean the e-mail connector"
    assert registry.get("telegram").can_poll() and registry.get("telegram").can_receive_webhooks() and registry.get("telegram").can_send()
    with pytest.raises(UnknownConnector, match="no connector for channel kind 'carrier-pigeon'"):
        registry.get("carrier-pigeon")


def test_a_third_party_package_adds_a_kind_and_a_broken_one_only_reports_its_error(example_plugin, tmp_path) -> None:
    broken = tmp_path / "kh_broken-1.0.dist-info"
    broken.mkdir()
    (broken / "METADATA").write_text("Metadata-Version: 2.1\nName: kh-broken\nVersion: 1.0\n", encoding="utf-8")
    (broken / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\nbroken = kh_no_such_module:Nope\n", encoding="utf-8")
    registry = ConnectorRegistry()
    assert registry.get("jsonhook").label == "JSON webhook"
    assert registry.get("jsonhook").__module__ == example_plugin
    assert registry.load_errors == {"broken": "ModuleNotFoundError: No module named 'kh_no_such_module'"}
    assert "telegram" in registry.kinds()


def test_register_refuses_a_second_class_for_a_kind_and_non_connectors() -> None:
    registry = ConnectorRegistry(group="kontakt_hub.no_such_group")

    class One(ConnectorBase):
        kind, label = "one", "One"

        def test_connection(self) -> str:
            return "ok"

        def normalise(self, raw: bytes) -> InboundMessage:
            return InboundMessage("1", Identity("email", "a@b.example"))

    class Other(One):
        pass

    registry.register(One)
    with pytest.raises(ValueError, match="already registered"):
        registry.register(Other)
    with pytest.raises(TypeError):
        registry.register(object)  # type: ignore[arg-type]
    with registry.registered(type("Two", (One,), {"kind": "two"})):
        assert registry.kinds() == ["one", "two"]
    assert registry.kinds() == ["one"]
    assert not One.can_poll() and not One.can_send() and not One.can_receive_webhooks()


def test_clean_config_coerces_reports_every_bad_field_and_keeps_blank_secrets() -> None:
    schema = (
        ConfigField("host", "Host", required=True),
        ConfigField("port", "Port", type="integer", default=993),
        ConfigField("tls", "TLS", type="boolean", default=True),
        ConfigField("mode", "Mode", type="choice", choices=("a", "b"), default="a"),
        ConfigField("url", "URL", type="url"),
        ConfigField("password", "Password", type="password", required=True, secret=True),
    )
    public, secrets = clean_config(schema, {"host": " mail.example ", "port": "143", "tls": "off", "password": ""}, current_secrets={"password": "kept"})
    assert public == {"host": "mail.example", "port": 143, "tls": False, "mode": "a", "url": None}
    assert secrets == {"password": "kept"}
    with pytest.raises(ConfigError) as caught:
        clean_config(schema, {"port": "x", "mode": "c", "url": "ftp://x", "tls": "maybe"})
    assert caught.value.errors == {
        "host": "required",
        "port": "not a whole number: 'x'",
        "tls": "not a yes/no value: 'maybe'",
        "mode": "must be one of a, b",
        "url": "must start with http:// or https://",
        "password": "required",
    }
    with pytest.raises(ValueError, match="unknown type"):
        ConfigField("x", "X", type="colour")


def test_telegram_form_rules() -> None:
    telegram = default_registry().get("telegram")
    with pytest.raises(ConfigError) as caught:
        telegram.clean_form({"bot_token": "no-colon", "mode": "webhook"})
    assert caught.value.errors == {"bot_token": "a bot token looks like 123456:ABC-DEF...", "webhook_secret": "required for webhook mode"}
    settings, secrets = telegram.clean_form({"bot_token": "1:abc", "mode": "polling"})
    assert settings["mode"] == "polling" and secrets == {"bot_token": "1:abc"}


def test_the_documented_example_works_end_to_end(runtime, example_plugin) -> None:
    plugin = ConnectorRegistry().get("jsonhook")  # found through its entry point, like an installed package
    app = create_app(runtime.settings)
    with default_registry().registered(plugin):
        with unit_of_work(runtime.factory) as session:
            channel_id = connector_admin.add_channel(
                session, default_registry(), __import__("workers.channels").channels.secret_box(runtime),
                kind="jsonhook", name="Shop hook", submitted={"token": "s3cret-token"}, user_id=None,
            )
        client = app.test_client()
        message = {"id": 17, "email": "Kim@Example.org", "name": "Kim Berger", "text": "Bitte um Rückruf."}
        body = json.dumps(message).encode()
        assert client.post(f"/hooks/jsonhook/{channel_id}", data=body, headers={"X-Hook-Token": "wrong"}).status_code == 403
        bad = client.post(f"/hooks/jsonhook/{channel_id}", data=b'{"id": 1}', headers={"X-Hook-Token": "s3cret-token"})
        assert (bad.status_code, bad.get_data(as_text=True)) == (400, "malformed payload: missing email, text\n")
        for _ in range(2):
            assert client.post(f"/hooks/jsonhook/{channel_id}", data=body, headers={"X-Hook-Token": "s3cret-token"}).status_code == 200
    with unit_of_work(runtime.factory) as session:
        (interaction,) = session.scalars(select(Interaction)).all()
        identities = set(session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == interaction.contact_id)))
        kinds = set(session.scalars(select(RawMessage.channel_kind)))
    assert (interaction.channel, interaction.channel_message_id, interaction.text) == ("jsonhook", "17", "Bitte um Rückruf.")
    assert interaction.from_name == "Kim Berger" and identities == {("email", "kim@example.org")}
    assert kinds == {"jsonhook"}


def test_a_raw_of_a_kind_no_connector_reads_is_quarantined_with_the_reason(runtime) -> None:
    from hub.intake import IncomingRaw, store_raw_batch
    from workers.queue import make_queue

    with unit_of_work(runtime.factory) as session:
        result = store_raw_batch(session, runtime.blob_store, None, [IncomingRaw(b'{"x": 1}')], channel_kind="pigeon")
    make_queue(runtime).enqueue_ingest(list(result.pending_raw_ids))
    with unit_of_work(runtime.factory) as session:
        from hub.models import QuarantineEntry

        (entry,) = session.scalars(select(QuarantineEntry)).all()
    assert entry.stage == "normalise" and entry.reason.startswith("no connector for channel kind 'pigeon'")


def test_tags_a_connector_sets_are_stored_with_their_reason(runtime) -> None:
    from connectors.base import InboundTag
    from hub.intake import IncomingRaw, store_raw_batch
    from hub.models import InteractionTag
    from workers.queue import make_queue

    class Tagged(ConnectorBase):
        kind, label = "tagged", "Tagged"

        def test_connection(self) -> str:
            return "ok"

        def normalise(self, raw: bytes) -> InboundMessage:
            return InboundMessage("t-1", Identity("phone", "+4930123456"), text=raw.decode(), tags=(InboundTag("spam", 0.9, "prize link from an unknown number"),))

    with default_registry().registered(Tagged):
        with unit_of_work(runtime.factory) as session:
            result = store_raw_batch(session, runtime.blob_store, None, [IncomingRaw(b"You won! http://x.example")], channel_kind="tagged")
        make_queue(runtime).enqueue_ingest(list(result.pending_raw_ids))
    with unit_of_work(runtime.factory) as session:
        tag = session.scalars(select(InteractionTag).where(InteractionTag.name == "spam")).one()
    assert (tag.tagger, tag.score, tag.reason) == ("tagged", 0.9, "prize link from an unknown number")
