"""Admin services for connector channels: add, edit, test, switch on/off, delete, list with health.

Every change is audited in the caller's unit of work. Secrets are sealed
(:mod:`hub.secrets`) before they reach ``channels.config`` and are never put
in an audit entry, an error message or a return value meant for a page:
pages get :class:`ChannelRow`, which only says *which* secrets are set.

Deleting keeps the channel's messages: interactions and raw copies point at
the channel row, so the row stays (renamed, switched off, secrets wiped)
and disappears from the list; the timeline still says where a message came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from connectors.base import ChannelConfig, ConfigError, ConnectorBase, ConnectorError
from connectors.registry import ConnectorRegistry, UnknownConnector
from hub import audit, channel_health
from hub.channel_config import DELETED_KEY, ENABLED_KEY, SECRETS_KEY, SETTINGS_KEY, is_enabled
from hub.channel_health import HealthLine
from hub.clock import utcnow
from hub.models import Channel
from hub.secrets import SecretBox, SecretsUnavailable, open_secrets, seal_secrets

NAME_MAX = 200


class ChannelChangeRefused(ValueError):
    """A change was refused; ``field_errors`` marks form fields, the message says why."""

    def __init__(self, message: str, field_errors: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.field_errors = dict(field_errors or {})


@dataclass(frozen=True)
class ChannelRow:
    """One channel as the admin list shows it: no secret values, only their names."""

    id: int
    kind: str
    name: str
    label: str
    enabled: bool
    #: Who configures it: ``"admin"`` (these pages), ``"environment"`` (``HUB_MAILBOXES``: shown,
    #: edited there) or ``"built-in"`` (e.g. the REST API channel, created on first use).
    managed_by: str
    settings: Mapping[str, Any]
    secrets_set: tuple[str, ...]
    health: HealthLine
    #: Why the connector is missing (a plugin uninstalled), else "".
    problem: str = ""
    capabilities: tuple[str, ...] = field(default=())


def _stored(channel: Channel) -> dict[str, Any]:
    return dict(channel.config or {})


def is_connector_layout(channel: Channel) -> bool:
    """Whether the channel was added through a connector form (``settings``/``secrets`` layout)."""
    return SETTINGS_KEY in _stored(channel)


def is_deleted(channel: Channel) -> bool:
    """Whether an admin deleted the channel."""
    return bool(_stored(channel).get(DELETED_KEY))


def list_channels(session: Session, registry: ConnectorRegistry) -> list[ChannelRow]:
    """Every channel not deleted, with its health line, by name."""
    channels = [c for c in session.scalars(select(Channel).order_by(Channel.name)) if not is_deleted(c)]
    health = channel_health.health_of_channels(session, [c.id for c in channels])
    rows = []
    for channel in channels:
        stored = _stored(channel)
        layout = is_connector_layout(channel)
        problem, label, capabilities, managed_by = "", channel.kind, (), "admin" if layout else "environment"
        try:
            connector = registry.get(channel.kind)
            label = connector.label
            capabilities = _capabilities(connector)
            if not layout and not getattr(connector, "admin_addable", True):
                managed_by = "built-in"
        except UnknownConnector as error:
            problem = str(error)
        rows.append(
            ChannelRow(
                id=channel.id,
                kind=channel.kind,
                name=channel.name,
                label=label,
                enabled=is_enabled(channel),
                managed_by=managed_by,
                settings=dict(stored.get(SETTINGS_KEY) or {}) if layout else {k: v for k, v in stored.items() if k != ENABLED_KEY},
                secrets_set=tuple(sorted(stored.get(SECRETS_KEY) or {})) if layout else (),
                health=health[channel.id],
                problem=problem,
                capabilities=capabilities,
            )
        )
    return rows


def _capabilities(connector: type[ConnectorBase]) -> tuple[str, ...]:
    found = []
    if connector.can_poll():
        found.append("poll")
    if connector.can_receive_webhooks():
        found.append("webhook")
    if connector.can_send():
        found.append("send")
    return tuple(found)


def addable_kinds(registry: ConnectorRegistry) -> list[type[ConnectorBase]]:
    """Connector classes an admin can add (connectors may opt out with ``admin_addable = False``)."""
    return [cls for cls in registry.classes() if getattr(cls, "admin_addable", True)]


def get_channel(session: Session, channel_id: int) -> Channel:
    """A channel that exists and is not deleted; raises :class:`LookupError`."""
    channel = session.get(Channel, channel_id)
    if channel is None or is_deleted(channel):
        raise LookupError(f"no channel #{channel_id}")
    return channel


def _clean_name(session: Session, name: str, own_id: int | None) -> str:
    name = " ".join(name.split())
    if not name or len(name) > NAME_MAX:
        raise ChannelChangeRefused("the channel needs a name", {"name": f"1 to {NAME_MAX} characters"})
    other = session.scalars(select(Channel).where(Channel.name == name)).one_or_none()
    if other is not None and other.id != own_id:
        raise ChannelChangeRefused(f"a channel called {name!r} exists already", {"name": "taken"})
    return name


def _clean(connector: type[ConnectorBase], submitted: Mapping[str, Any], current_secrets: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    try:
        # Sealed current secrets stand in for "unchanged": nothing needs decrypting to edit a channel.
        return connector.clean_form(submitted, current_secrets=current_secrets)
    except ConfigError as error:
        raise ChannelChangeRefused("some settings are not valid", error.errors) from None


def add_channel(
    session: Session,
    registry: ConnectorRegistry,
    box: SecretBox,
    *,
    kind: str,
    name: str,
    submitted: Mapping[str, Any],
    user_id: int | None,
    ip: str = "",
) -> int:
    """Create a channel from the connector's form; switched on; audited (setting names only)."""
    try:
        connector = registry.get(kind)
    except UnknownConnector as error:
        raise ChannelChangeRefused(str(error), {"kind": "unknown"}) from None
    if not getattr(connector, "admin_addable", True):
        raise ChannelChangeRefused(f"{connector.label} channels are not added here", {"kind": "not addable"})
    name = _clean_name(session, name, None)
    settings, secrets = _clean(connector, submitted, {})
    channel = Channel(
        kind=connector.kind,
        name=name,
        address=_address(settings),
        config={SETTINGS_KEY: settings, SECRETS_KEY: seal_secrets(box, secrets), ENABLED_KEY: True},
        created_at=utcnow(),
    )
    session.add(channel)
    session.flush()
    audit.record(session, user_id, "channel.create", "channel", channel.id, ip=ip, kind=connector.kind, name=name, settings=sorted(settings), secrets_set=sorted(secrets))
    return channel.id


def update_channel(
    session: Session,
    registry: ConnectorRegistry,
    box: SecretBox,
    channel_id: int,
    *,
    name: str,
    submitted: Mapping[str, Any],
    user_id: int | None,
    ip: str = "",
) -> None:
    """Save an edited form; empty secret fields keep the stored secret. Clears the backoff (the admin may have fixed it)."""
    channel = get_channel(session, channel_id)
    if not is_connector_layout(channel):
        raise ChannelChangeRefused("this mailbox is configured by HUB_MAILBOXES: change it there")
    connector = registry.get(channel.kind)
    stored = _stored(channel)
    name = _clean_name(session, name, channel.id)
    settings, secrets = _clean(connector, submitted, dict(stored.get(SECRETS_KEY) or {}))
    changed_secrets = sorted(k for k, v in secrets.items() if (stored.get(SECRETS_KEY) or {}).get(k) != v)
    changed_settings = sorted(k for k in set(settings) | set(stored.get(SETTINGS_KEY) or {}) if settings.get(k) != (stored.get(SETTINGS_KEY) or {}).get(k))
    channel.name = name
    channel.address = _address(settings)
    channel.config = {**stored, SETTINGS_KEY: settings, SECRETS_KEY: seal_secrets(box, secrets)}
    channel_health.reset(session, channel.id)
    audit.record(session, user_id, "channel.update", "channel", channel.id, ip=ip, name=name, changed=changed_settings, secrets_changed=changed_secrets)


def set_enabled(session: Session, channel_id: int, enabled: bool, *, user_id: int | None, ip: str = "") -> None:
    """Switch a channel on or off (``hub run`` picks it up on its next round)."""
    channel = get_channel(session, channel_id)
    channel.config = {**_stored(channel), ENABLED_KEY: enabled}
    if enabled:
        channel_health.reset(session, channel.id)
    audit.record(session, user_id, "channel.enable" if enabled else "channel.disable", "channel", channel.id, ip=ip, name=channel.name)


def delete_channel(session: Session, channel_id: int, *, user_id: int | None, ip: str = "") -> None:
    """Delete a channel from the hub's configuration; its messages stay (see the module docstring)."""
    channel = get_channel(session, channel_id)
    old_name = channel.name
    now = utcnow()
    # The name is unique: free it for a new channel, keep the old one readable.
    channel.name = f"{old_name} (deleted {now:%Y-%m-%d %H:%M} #{channel.id})"[:NAME_MAX]
    channel.config = {
        **{k: v for k, v in _stored(channel).items() if k != SECRETS_KEY},
        SECRETS_KEY: {},
        ENABLED_KEY: False,
        DELETED_KEY: now.isoformat(),
    }
    audit.record(session, user_id, "channel.delete", "channel", channel.id, ip=ip, name=old_name)


def connector_config(channel: Channel, box: SecretBox | None) -> ChannelConfig:
    """The channel as a connector sees it, secrets opened (raises :class:`SecretsUnavailable` on a wrong key)."""
    stored = _stored(channel)
    if SETTINGS_KEY in stored:
        settings, secrets = stored.get(SETTINGS_KEY) or {}, open_secrets(box, stored.get(SECRETS_KEY) or {})
    else:
        settings, secrets = {k: v for k, v in stored.items() if k != ENABLED_KEY}, {}
    return ChannelConfig(id=channel.id, kind=channel.kind, name=channel.name, settings=dict(settings), secrets=secrets, address=channel.address)


@dataclass(frozen=True)
class ConnectionTest:
    """What "test connection" found: ``ok`` and a message to show (secrets redacted)."""

    ok: bool
    message: str


def test_connection(session: Session, registry: ConnectorRegistry, box: SecretBox, channel_id: int, *, user_id: int | None, ip: str = "") -> ConnectionTest:
    """Run the connector's ``test_connection`` and say what happened; audited with the outcome."""
    channel = get_channel(session, channel_id)
    secrets: Mapping[str, str] = {}
    try:
        config = connector_config(channel, box)
        secrets = config.secrets
        with registry.create(config) as connector:
            result = ConnectionTest(True, connector.test_connection())
    except (ConnectorError, SecretsUnavailable, UnknownConnector) as error:
        result = ConnectionTest(False, str(error))
    except Exception as error:  # noqa: BLE001 -- a plugin's bug must show as a failed test, not a 500
        result = ConnectionTest(False, f"{type(error).__name__}: {error}")
    result = ConnectionTest(result.ok, channel_health.redact(result.message, secrets.values())[:2000])
    audit.record(session, user_id, "channel.test", "channel", channel.id, ip=ip, name=channel.name, ok=result.ok)
    return result


def form_values(channel: Channel) -> dict[str, Any]:
    """Current public settings for the edit form (secrets are never part of it)."""
    return dict(_stored(channel).get(SETTINGS_KEY) or {})


def _address(settings: Mapping[str, Any]) -> str | None:
    value = settings.get("address")
    return str(value).strip().lower() or None if value else None


__all__ = [
    "ChannelChangeRefused",
    "ChannelRow",
    "ConnectionTest",
    "add_channel",
    "addable_kinds",
    "connector_config",
    "delete_channel",
    "form_values",
    "get_channel",
    "list_channels",
    "set_enabled",
    "test_connection",
    "update_channel",
]
