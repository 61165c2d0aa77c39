"""What stages may use beyond the database session: stores, taggers, events."""

from __future__ import annotations

from dataclasses import dataclass, field

from hub.events import EventPublisher, NullPublisher
from hub.rawstore import FileBlobStore


@dataclass
class PipelineServices:
    """Long-lived helpers built once per process and handed to every batch."""

    blob_store: FileBlobStore
    publisher: EventPublisher = field(default_factory=NullPublisher)
    #: Addresses of our own mailboxes: mail from them is outgoing.
    own_addresses: frozenset[str] = frozenset()
    default_phone_region: str = "DE"
