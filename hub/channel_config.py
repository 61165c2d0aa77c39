"""Connector channels: how their settings and secrets live in ``channels.config``.

Layout of ``channels.config`` for a channel added through a connector form
(``hub.connector_admin`` writes it)::

    {"settings": {...public values...}, "secrets": {...sealed values...}, "enabled": true}

Mailboxes configured by ``HUB_MAILBOXES`` keep their older flat layout
(public values only; the password stays in the environment);
:func:`to_channel_config` reads both. Secrets are sealed at rest
(``hub.secrets``): code that needs them opened goes through
``hub.connector_admin.connector_config`` with the process's secret box.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from connectors.base import ChannelConfig
from hub.models import Channel

SETTINGS_KEY = "settings"
SECRETS_KEY = "secrets"
ENABLED_KEY = "enabled"
#: Set when an admin deleted the channel (the row stays for its messages).
DELETED_KEY = "deleted_at"


def to_channel_config(channel: Channel) -> ChannelConfig:
    """The channel as a plain value *without its secrets*: enough to ``normalise`` stored payloads."""
    stored = channel.config or {}
    settings = stored.get(SETTINGS_KEY) or {} if SETTINGS_KEY in stored else {k: v for k, v in stored.items() if k != ENABLED_KEY}
    return ChannelConfig(id=channel.id, kind=channel.kind, name=channel.name, settings=dict(settings), secrets={}, address=channel.address)


def is_enabled(channel: Channel) -> bool:
    """Switched on and not deleted (mailboxes from the environment always are)."""
    stored = channel.config or {}
    return bool(stored.get(ENABLED_KEY, True)) and not stored.get(DELETED_KEY)


def enabled_channels(session: Session, kinds: tuple[str, ...]) -> list[Channel]:
    """Enabled channel rows of the given ``channels.kind`` values, by id."""
    rows = session.scalars(select(Channel).where(Channel.kind.in_(kinds)).order_by(Channel.id))
    return [channel for channel in rows if is_enabled(channel)]


__all__ = ["DELETED_KEY", "ENABLED_KEY", "SECRETS_KEY", "SETTINGS_KEY", "enabled_channels", "is_enabled", "to_channel_config"]
