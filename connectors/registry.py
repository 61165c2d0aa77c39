"""Find connector classes by channel kind, through Python entry points.

Every connector, built-in or from a third-party package, is declared in the
entry-point group ``kontakt_hub.connectors`` (``name = "module:Class"``), so
installing a package is all it takes to offer a new channel. Loading is lazy
and per process; a plugin that fails to import is recorded with its error
(the admin page shows it) and does not stop the others.

Tests and embedding code may add a class with :meth:`ConnectorRegistry.register`
(or the :meth:`ConnectorRegistry.registered` context manager), which is the
same path the entry points take.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import EntryPoint, entry_points

from connectors.base import ConnectorBase, ChannelConfig

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "kontakt_hub.connectors"


class UnknownConnector(LookupError):
    """No connector is registered for a channel kind."""


class ConnectorRegistry:
    """Connector classes by kind (and alias), filled from entry points on first use."""

    def __init__(self, group: str = ENTRY_POINT_GROUP) -> None:
        self.group = group
        self._classes: dict[str, type[ConnectorBase]] = {}
        self._aliases: dict[str, str] = {}
        #: Entry point name -> why it could not be loaded.
        self.load_errors: dict[str, str] = {}
        self._loaded = False
        self._lock = threading.Lock()

    def register(self, connector: type[ConnectorBase]) -> type[ConnectorBase]:
        """Add a connector class; usable as a class decorator. A kind can be taken once."""
        if not (isinstance(connector, type) and issubclass(connector, ConnectorBase)):
            raise TypeError(f"{connector!r} is not a ConnectorBase subclass")
        kind = getattr(connector, "kind", "")
        if not kind or not getattr(connector, "label", ""):
            raise TypeError(f"{connector.__name__} must set the class attributes kind and label")
        known = self._classes.get(kind)
        if known is not None and known is not connector:
            raise ValueError(f"connector kind {kind!r} is already registered by {known.__module__}.{known.__name__}")
        self._classes[kind] = connector
        for alias in connector.aliases:
            self._aliases[alias] = kind
        return connector

    def unregister(self, kind: str) -> None:
        """Remove a kind (tests undo their registrations with this)."""
        connector = self._classes.pop(kind, None)
        if connector is not None:
            for alias in connector.aliases:
                self._aliases.pop(alias, None)

    @contextmanager
    def registered(self, connector: type[ConnectorBase]) -> Iterator[type[ConnectorBase]]:
        """Register a class for the duration of a ``with`` block."""
        self.load()
        self.register(connector)
        try:
            yield connector
        finally:
            self.unregister(connector.kind)

    def load(self) -> None:
        """Import every entry point of the group once; later calls do nothing."""
        with self._lock:
            if self._loaded:
                return
            for entry_point in _group_entry_points(self.group):
                self._load_one(entry_point)
            self._loaded = True

    def _load_one(self, entry_point: EntryPoint) -> None:
        try:
            self.register(entry_point.load())
        except Exception as error:  # a broken plugin must not take the hub down
            self.load_errors[entry_point.name] = f"{type(error).__name__}: {error}"
            log.warning("event=connector_load_failed entry_point=%s error=%s", entry_point.name, type(error).__name__)

    def get(self, kind: str) -> type[ConnectorBase]:
        """The class for a channel kind or one of its aliases."""
        self.load()
        kind = self._aliases.get(kind, kind)
        try:
            return self._classes[kind]
        except KeyError:
            known = ", ".join(sorted(self._classes)) or "none"
            raise UnknownConnector(f"no connector for channel kind {kind!r} (installed: {known})") from None

    def canonical_kind(self, kind: str) -> str:
        """The connector kind a ``channels.kind`` value means (``"imap"`` -> ``"email"``)."""
        return self.get(kind).kind

    def kinds(self) -> list[str]:
        """Registered kinds, sorted (what the admin "add channel" menu lists)."""
        self.load()
        return sorted(self._classes)

    def classes(self) -> list[type[ConnectorBase]]:
        """Registered classes ordered by kind."""
        self.load()
        return [self._classes[kind] for kind in sorted(self._classes)]

    def create(self, channel: ChannelConfig) -> ConnectorBase:
        """A connector instance bound to ``channel``."""
        return self.get(channel.kind).from_channel(channel)


def _group_entry_points(group: str) -> list[EntryPoint]:
    # A package installed twice (e.g. editable and a stale egg-info) lists an
    # entry point twice; the first one wins, as with imports.
    seen: dict[str, EntryPoint] = {}
    for entry_point in entry_points(group=group):
        seen.setdefault(entry_point.name, entry_point)
    return list(seen.values())


_default = ConnectorRegistry()


def default_registry() -> ConnectorRegistry:
    """The process-wide registry the hub uses."""
    return _default


def get_connector_class(kind: str) -> type[ConnectorBase]:
    """Shorthand for ``default_registry().get(kind)``."""
    return _default.get(kind)


def create_connector(channel: ChannelConfig) -> ConnectorBase:
    """Shorthand for ``default_registry().create(channel)``."""
    return _default.create(channel)
