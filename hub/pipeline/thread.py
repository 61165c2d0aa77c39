"""Stage ``thread``: which conversation does a message belong to, and why.

Order of evidence: In-Reply-To, then References from nearest to root (so an
orphan reply whose parent we never saw still finds the root), then messages
that arrived earlier and name this one as their parent, then the subject
with a reply prefix from the same contact. A header pointing into a thread
the sender never took part in is not followed: such a message starts a new
thread, and the reason says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from hub.models import Interaction, MessageReference, Thread
from hub.pipeline.context import IngestBatch, MessageContext, NewThread
from hub.pipeline.match import counterpart
from hub.sql import chunked
from hub.thread_rules import looks_like_reply, may_join, subject_key

#: How far back a subject-only match may reach.
SUBJECT_FALLBACK_WINDOW = timedelta(days=90)


@dataclass
class KnownMessage:
    """What threading needs of a message already placed (stored or earlier in the batch)."""

    label: str
    thread_id: int | None
    new_thread: NewThread | None
    participants: str
    thread_contact_id: int | None


class ThreadStage:
    """Assign every message to an existing or a new thread."""

    name = "thread"

    def process(self, batch: IngestBatch) -> None:
        messages = sorted(batch.active(), key=lambda m: (m.occurred_at or m.received_at, m.raw_message_id))
        refs = {ref for m in messages for ref in _refs(m)}
        known = self._stored_messages(batch, refs, sorted({m.channel_kind for m in messages}))
        # Who names an id: messages naming the same missing ancestor belong
        # together (notmuch's "ghost" messages), and a parent arriving after its
        # replies finds them.
        referrers = self._stored_referrers(batch, refs | {m.channel_message_id for m in messages})
        own = batch.services.own_addresses
        union = ThreadUnion()
        for index, message in enumerate(messages):
            self._place(batch, message, index, known, referrers, own, union)
            placed = KnownMessage(
                label=f"message <{message.channel_message_id}> of this batch",
                thread_id=message.thread_id,
                new_thread=message.new_thread,
                participants=" ".join(message.parsed.participants()) if message.parsed else "",
                thread_contact_id=message.contact_id,
            )
            known[message.channel_message_id] = placed
            for ref in _refs(message):
                referrers.setdefault(ref, placed)
        union.apply(messages, batch.thread_merges)

    def _candidates(
        self,
        message: MessageContext,
        known: dict[str, KnownMessage],
        referrers: dict[str, KnownMessage],
    ) -> list[tuple[KnownMessage, str]]:
        """Threads the headers point to, strongest evidence first."""
        labelled = _labelled_refs(message)
        found = [(known[ref], f"{header} <{ref}> = {known[ref].label}") for header, ref in labelled if ref in known]
        found += [
            (referrers[ref], f"{header} <{ref}> (not received) is also named by {referrers[ref].label}")
            for header, ref in labelled
            if ref not in known and ref in referrers
        ]
        child = referrers.get(message.channel_message_id)
        if child is not None:
            found.append((child, f"{child.label} names this message as its parent (it arrived first)"))
        return found

    def _place(
        self,
        batch: IngestBatch,
        message: MessageContext,
        index: int,
        known: dict[str, KnownMessage],
        referrers: dict[str, KnownMessage],
        own: frozenset[str],
        union: ThreadUnion,
    ) -> None:
        parsed = message.parsed
        assert parsed is not None
        sender = parsed.sender.address if parsed.sender else ""
        candidates = self._candidates(message, known, referrers)
        if candidates:
            target, evidence = candidates[0]
            allowed, why = may_join(sender, message.direction, target.participants, message.contact_id, target.thread_contact_id, own)
            if allowed:
                self._join(message, target, f"{evidence}; {why}")
                # A message that names messages of two threads shows they are one
                # conversation (a reply bridging a ghost ancestor and its root).
                for other, other_evidence in candidates[1:]:
                    if union.same(target, other):
                        continue
                    if may_join(sender, message.direction, other.participants, message.contact_id, other.thread_contact_id, own)[0]:
                        union.merge(target, other, f"{evidence} and {other_evidence}")
                return
            message.new_thread = NewThread(subject_key=subject_key(parsed.subject), root_index=index)
            message.decide(self.name, "new thread (not joined)", f"{evidence}, but {why}: not joined to that thread")
            return
        if looks_like_reply(parsed.subject):
            found = self._by_subject(batch, message, known, own)
            if found is not None:
                self._join(message, found, f"no usable reply headers; subject {parsed.subject!r} with reply prefix matches {found.label} of the same contact")
                return
        message.new_thread = NewThread(subject_key=subject_key(parsed.subject), root_index=index)
        message.decide(self.name, "new thread", "starts a conversation (no In-Reply-To/References we know, no earlier reply by subject)")

    def _join(self, message: MessageContext, parent: KnownMessage, reason: str) -> None:
        message.thread_id = parent.thread_id
        message.new_thread = parent.new_thread
        message.decide(self.name, "joined thread", reason)

    def _by_subject(
        self, batch: IngestBatch, message: MessageContext, known: dict[str, KnownMessage], own: frozenset[str]
    ) -> KnownMessage | None:
        assert message.parsed is not None
        key = subject_key(message.parsed.subject)
        if len(key) < 4:
            return None
        if message.contact_id is not None:
            since = (message.occurred_at or message.received_at) - SUBJECT_FALLBACK_WINDOW
            row = batch.session.execute(
                select(Thread.id, Thread.contact_id)
                .where(Thread.subject_key == key, Thread.contact_id == message.contact_id, Thread.last_activity_at >= since)
                .order_by(Thread.last_activity_at.desc())
                .limit(1)
            ).first()
            if row is not None:
                return KnownMessage(f"thread #{row.id}", row.id, None, "", row.contact_id)
        me = counterpart(message, own)
        for other in reversed(list(known.values())):
            if other.new_thread is not None and other.new_thread.subject_key == key and me and me[0] in other.participants.split():
                return other
        return None

    def _stored_messages(self, batch: IngestBatch, refs: set[str], channels: list[str]) -> dict[str, KnownMessage]:
        """Stored messages by their message id, on the channels of the batch (ids are unique per channel)."""
        if channels == ["email"]:
            return _placed_messages(batch, refs, Interaction.channel_message_id, lambda query: query.where(Interaction.channel == "email"))
        return _placed_messages(batch, refs, Interaction.channel_message_id, lambda query: query.where(Interaction.channel.in_(channels)))

    def _stored_referrers(self, batch: IngestBatch, message_ids: set[str]) -> dict[str, KnownMessage]:
        """For each id, the earliest stored message whose headers name it."""
        return _placed_messages(
            batch,
            message_ids,
            MessageReference.referenced_message_id,
            lambda query: query.join(MessageReference, MessageReference.interaction_id == Interaction.id),
        )


class ThreadUnion:
    """Threads found to be one conversation while placing a batch.

    Keys are stored thread ids or the new-thread placeholders of this batch.
    The kept thread is the oldest stored one; placeholders fold into it.
    """

    def __init__(self) -> None:
        self._parent: dict[tuple[str, int], tuple[str, int]] = {}
        self._placeholders: dict[int, NewThread] = {}
        self._reasons: dict[tuple[str, int], str] = {}

    def _key(self, thread_id: int | None, new_thread: NewThread | None) -> tuple[str, int]:
        if thread_id is not None:
            return ("stored", thread_id)
        assert new_thread is not None
        self._placeholders[id(new_thread)] = new_thread
        return ("new", id(new_thread))

    def _find(self, key: tuple[str, int]) -> tuple[str, int]:
        while self._parent.get(key, key) != key:
            key = self._parent[key]
        return key

    def same(self, a: KnownMessage, b: KnownMessage) -> bool:
        """Whether two placed messages are already in one thread."""
        return self._find(self._key(a.thread_id, a.new_thread)) == self._find(self._key(b.thread_id, b.new_thread))

    def merge(self, a: KnownMessage, b: KnownMessage, reason: str) -> None:
        """Record that the threads of ``a`` and ``b`` are one."""
        first, second = self._find(self._key(a.thread_id, a.new_thread)), self._find(self._key(b.thread_id, b.new_thread))
        keep, drop = sorted((first, second), key=lambda k: (k[0] != "stored", k[1] if k[0] == "stored" else 0))
        self._parent[drop] = keep
        self._reasons[drop] = reason

    def apply(self, messages: list[MessageContext], merges: list[tuple[int, int, str]]) -> None:
        """Point every message at its kept thread; list stored threads to merge."""
        if not self._parent:
            return
        for message in messages:
            if message.thread_id is None and message.new_thread is None:
                continue
            kind, value = self._find(self._key(message.thread_id, message.new_thread))
            message.thread_id, message.new_thread = (value, None) if kind == "stored" else (None, self._placeholders[value])
        for drop, reason in self._reasons.items():
            keep = self._find(drop)
            if drop[0] == "stored" and keep[0] == "stored":
                merges.append((drop[1], keep[1], reason))


def _placed_messages(batch: IngestBatch, keys: set[str], key_column, join) -> dict[str, KnownMessage]:  # type: ignore[no-untyped-def]
    """Stored messages (with their thread) found by ``key_column``, earliest first per key."""
    found: dict[str, KnownMessage] = {}
    for part in chunked(sorted(keys), 500):
        query = select(key_column, Interaction.id, Interaction.thread_id, Interaction.participants, Thread.contact_id).select_from(Interaction).join(
            Thread, Thread.id == Interaction.thread_id
        )
        rows = batch.session.execute(join(query).where(key_column.in_(part)).order_by(Interaction.occurred_at, Interaction.id))
        for key, interaction_id, thread_id, participants, contact_id in rows:
            found.setdefault(key, KnownMessage(f"message #{interaction_id} in thread #{thread_id}", thread_id, None, participants, contact_id))
    return found


def _refs(message: MessageContext) -> list[str]:
    return [ref for _, ref in _labelled_refs(message)]


def _labelled_refs(message: MessageContext) -> list[tuple[str, str]]:
    """In-Reply-To first, then References from the nearest ancestor back to the root."""
    parsed = message.parsed
    if parsed is None:
        return []
    seen: dict[str, str] = {}
    for ref in parsed.in_reply_to:
        seen.setdefault(ref, "In-Reply-To")
    for ref in reversed(parsed.references):
        # hub.channel_messages: a chat's messages all name their conversation.
        seen.setdefault(ref, "conversation" if message.inbound is not None and ref.startswith("conversation:") else "References")
    seen.pop(message.channel_message_id, None)
    return [(header, ref) for ref, header in seen.items()]
