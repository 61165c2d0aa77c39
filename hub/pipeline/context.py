"""The values a pipeline run passes from stage to stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from hub.parsing import ParsedMail

if TYPE_CHECKING:
    from connectors.base import InboundMessage
    from hub.pipeline.services import PipelineServices


@dataclass(frozen=True)
class Decision:
    """Why one stage decided what it did for one message."""

    stage: str
    decision: str
    reason: str


@dataclass(frozen=True)
class TagValue:
    """A tag a tagger attached, with its score and reason."""

    name: str
    score: float
    reason: str
    tagger: str
    model_version: str = ""


@dataclass(frozen=True)
class NewContact:
    """A contact the store stage must create (the match stage found none)."""

    display_name: str
    identities: tuple[tuple[str, str], ...]
    #: (name, domain) of the sender's company; never a free-mail domain.
    company: tuple[str, str] | None = None


@dataclass(frozen=True)
class NewThread:
    """A thread the store stage must create; messages of one batch may share it."""

    subject_key: str
    root_index: int


@dataclass
class MessageContext:
    """One message travelling through the pipeline."""

    raw_message_id: int
    raw_sha256: str
    raw: bytes
    channel_id: int | None
    folder: str
    received_at: datetime
    reprocess: bool = False
    #: The raw's channel kind: ``"email"`` takes the mail path, any other kind its connector's ``normalise``.
    channel_kind: str = "email"
    parsed: ParsedMail | None = None
    #: What a non-mail connector read from the raw payload (``parsed`` is then derived from it).
    inbound: InboundMessage | None = None
    channel_message_id: str = ""
    direction: str = "in"
    occurred_at: datetime | None = None
    contact_id: int | None = None
    new_contact: NewContact | None = None
    thread_id: int | None = None
    new_thread: NewThread | None = None
    lang: str | None = None
    tags: list[TagValue] = field(default_factory=list)
    annotations: dict[str, Any] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    failure: Decision | None = None
    interaction_id: int | None = None
    duplicate_of: int | None = None

    def decide(self, stage: str, decision: str, reason: str) -> None:
        """Record a stage's decision with its reason."""
        self.decisions.append(Decision(stage, decision, reason))

    def fail(self, stage: str, reason: str) -> None:
        """Stop this message here; ingest quarantines it with the reason."""
        self.failure = Decision(stage, "quarantined", reason)

    def snapshot(self) -> dict[str, Any]:
        """The mutable state, so a stage rolled back to a savepoint can be undone here too."""
        state = dict(self.__dict__)
        for name in ("tags", "decisions"):
            state[name] = list(state[name])
        state["annotations"] = dict(state["annotations"])
        return state

    def restore(self, state: dict[str, Any]) -> None:
        """Return to a :meth:`snapshot`."""
        self.__dict__.update(state)

    @property
    def active(self) -> bool:
        """Still travelling: not failed and not found to be a duplicate."""
        return self.failure is None and self.duplicate_of is None


@dataclass
class IngestBatch:
    """The messages of one ingest job and what the stages share."""

    session: Session
    services: PipelineServices
    messages: list[MessageContext]
    #: Events to publish once the batch is committed (never before).
    events: list[dict[str, Any]] = field(default_factory=list)
    #: Wall time each stage took on this batch, for the ingest log line.
    stage_seconds: dict[str, float] = field(default_factory=dict)
    #: Stored threads found to be one conversation: (merged away, kept, reason).
    thread_merges: list[tuple[int, int, str]] = field(default_factory=list)

    def active(self) -> list[MessageContext]:
        """Messages no stage has stopped."""
        return [message for message in self.messages if message.active]
