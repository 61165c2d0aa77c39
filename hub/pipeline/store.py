"""Stage ``store``: write contacts, threads and interactions, idempotently.

Everything is keyed: an interaction by (channel, channel message id), tags
by (interaction, name), attachments by (interaction, position). Running the
same batch twice, or two workers racing on the same message, leaves one
interaction; the loser of a race sees the winner's row and records that.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.models import (
    Attachment,
    InboxItem,
    Company,
    Contact,
    ContactSuggestion,
    ContactIdentity,
    Interaction,
    InteractionTag,
    MessageReference,
    Thread,
)
from hub.models.suggestions import SUGGESTION_OPEN

#: The tag a connector's spam check sets (see connectors/sms.py).
SPAM_TAG = "spam"
from hub.pipeline.context import IngestBatch, MessageContext, NewContact
from hub.sql import append_rows, bulk_update, chunked, insert_ignore

#: The channel of mail interactions; other channels store their connector's kind.
CHANNEL = "email"


class StoreStage:
    """Persist the batch; sets ``interaction_id`` or ``duplicate_of`` on each message."""

    name = "store"

    def process(self, batch: IngestBatch) -> None:
        session = batch.session
        active = batch.active()
        edits = [m for m in active if m.inbound is not None and m.inbound.edit_of]
        if edits:
            active = [m for m in active if m.inbound is None or not m.inbound.edit_of]
        fresh = self._split_known(session, active)
        self._merge_threads(session, batch)
        inserted = self._store_new(batch, fresh)
        self._rewrite_reprocessed(batch, active, inserted)
        if edits:
            # After the inserts and rewrites: an edit may follow its original within one batch,
            # and reprocessing both must end with the edited text.
            unknown = self._apply_edits(batch, edits)
            stored_as_original = self._store_new(batch, self._split_known(session, unknown))
            self._rewrite_reprocessed(batch, unknown, stored_as_original)
            inserted += stored_as_original
        for message in inserted:
            message.annotations["created"] = True
        self._resolve_batch_twins(batch.messages)

    def _rewrite_reprocessed(self, batch: IngestBatch, messages: list[MessageContext], inserted: list[MessageContext]) -> None:
        for message in messages:
            if message.active and message.reprocess and message.interaction_id is not None and message not in inserted:
                self._rewrite(batch, message)

    def _store_new(self, batch: IngestBatch, fresh: list[MessageContext]) -> list[MessageContext]:
        """Contacts, threads, interactions and their children for messages not stored yet."""
        session = batch.session
        self._create_contacts(session, fresh)
        self._create_threads(session, fresh)
        inserted = self._insert_interactions(session, fresh)
        self._write_children(batch, inserted)
        self._touch_threads(session, inserted)
        return inserted

    # -- edits (chat channels) -------------------------------------------------------------------

    def _apply_edits(self, batch: IngestBatch, edits: list[MessageContext]) -> list[MessageContext]:
        """Update the interactions that edits change; return edits of messages never received.

        An edit never becomes a second message. When its original is unknown
        (lost, or from before the channel was connected), the edited text is
        stored *as* the original, under the original's id, so the original
        arriving later is recognised as a duplicate.
        """
        session = batch.session
        edits = sorted(edits, key=lambda m: (m.occurred_at or m.received_at, m.raw_message_id))
        stored = _interactions_by_message_id(session, [(m.channel_kind, m.inbound.edit_of) for m in edits])  # type: ignore[union-attr]
        unknown: list[MessageContext] = []
        for message in edits:
            original = message.inbound.edit_of  # type: ignore[union-attr]
            found = stored.get((message.channel_kind, original))
            if found is None or found[1] == message.raw_message_id:
                if found is None:
                    message.decide(self.name, "edit of an unknown message", f"{original} was not received before: the edited text is stored as that message")
                message.channel_message_id = original  # type: ignore[assignment]
                unknown.append(message)
                continue
            interaction_id, original_raw_id = found
            parsed = message.parsed
            assert parsed is not None
            session.execute(
                update(Interaction)
                .where(Interaction.id == interaction_id)
                .values(text=parsed.text, reply_text=message.annotations.get("reply_text"), html=parsed.html, lang=message.lang)
            )
            session.execute(delete(InteractionTag).where(InteractionTag.interaction_id == interaction_id))
            append_rows(session, InteractionTag.__table__, [_tag_row(interaction_id, t) for t in _unique_tags(message)])
            message.interaction_id = interaction_id
            message.annotations["edited"] = True
            message.annotations["created"] = True
            when = (message.occurred_at or message.received_at).isoformat()
            before = f"raw message #{original_raw_id}" if original_raw_id else "the earlier raw message"
            message.decide(self.name, "edited", f"{original} was edited at {when}: interaction #{interaction_id} now shows the new text and tags (the text before is kept in {before})")
        return unknown

    # -- duplicates ----------------------------------------------------------------------------

    def _split_known(self, session: Session, messages: list[MessageContext]) -> list[MessageContext]:
        """Mark messages already stored; return those that need a new row."""
        existing = _interactions_by_message_id(session, [_key(m) for m in messages])
        fresh: list[MessageContext] = []
        first_in_batch: dict[tuple[str, str], MessageContext] = {}
        for message in messages:
            found = existing.get(_key(message))
            if found is not None:
                self._known(message, *found)
            elif _key(message) in first_in_batch:
                message.duplicate_of = -1  # resolved once the first copy has its id
                message.annotations["duplicate_of_message"] = first_in_batch[_key(message)]
            else:
                first_in_batch[_key(message)] = message
                fresh.append(message)
        return fresh

    def _known(self, message: MessageContext, interaction_id: int, raw_message_id: int | None) -> None:
        if raw_message_id == message.raw_message_id:
            message.interaction_id = interaction_id
            message.decide(self.name, "already stored", f"interaction #{interaction_id} was made from this raw message before")
        else:
            message.duplicate_of = interaction_id
            message.decide(
                self.name,
                "duplicate",
                f"Message-ID <{message.channel_message_id}> is already interaction #{interaction_id} (other raw bytes): kept raw, not stored twice",
            )

    def _resolve_batch_twins(self, messages: list[MessageContext]) -> None:
        for message in messages:
            twin = message.annotations.pop("duplicate_of_message", None)
            if twin is not None:
                message.duplicate_of = twin.interaction_id
                message.decide(self.name, "duplicate", f"same Message-ID as interaction #{twin.interaction_id} in this batch: not stored twice")

    # -- contacts and threads --------------------------------------------------------------------

    def _merge_threads(self, session: Session, batch: IngestBatch) -> None:
        """Fold stored threads the thread stage found to be one conversation."""
        for drop, keep, reason in batch.thread_merges:
            session.execute(update(Interaction).where(Interaction.thread_id == drop).values(thread_id=keep))
            session.execute(delete(Thread).where(Thread.id == drop))
            for message in batch.active():
                if message.thread_id == keep:
                    message.decide(self.name, "merged threads", f"thread #{drop} merged into #{keep}: {reason}")

    def _create_contacts(self, session: Session, messages: list[MessageContext]) -> None:
        wanted: dict[tuple[str, str], NewContact] = {}
        for message in messages:
            if message.contact_id is None and message.new_contact is not None:
                wanted.setdefault(message.new_contact.identities[0], message.new_contact)
        if not wanted:
            return
        _lock_identities(session, sorted(wanted))
        resolved = _contacts_by_identity(session, list(wanted))
        now = utcnow()
        companies = _company_ids(session, [c.company for c in wanted.values() if c.company], now)
        created: dict[tuple[str, str], Contact] = {}
        for key, new_contact in wanted.items():
            if key in resolved:
                continue
            company_id = companies.get(new_contact.company[1]) if new_contact.company else None
            contact = Contact(display_name=new_contact.display_name[:300], company_id=company_id, created_at=now)
            contact.identities = [ContactIdentity(kind=k, value=v) for k, v in new_contact.identities]
            created[key] = contact
        session.add_all(created.values())
        session.flush()
        resolved.update({key: contact.id for key, contact in created.items()})
        for message in messages:
            if message.contact_id is None and message.new_contact is not None:
                key = message.new_contact.identities[0]
                message.contact_id = resolved[key]
                how = "created" if key in created else "already created by another worker"
                message.decide(self.name, "contact", f"contact #{message.contact_id} {how} for {key[0]} {key[1]}; messages of one batch from the same sender share it")
                message.new_contact = None

    def _create_threads(self, session: Session, messages: list[MessageContext]) -> None:
        roots: dict[int, dict] = {}  # type: ignore[type-arg]
        now = utcnow()
        for message in messages:
            new_thread = message.new_thread
            if new_thread is None or id(new_thread) in roots:
                continue
            when = message.occurred_at or message.received_at
            roots[id(new_thread)] = {"subject_key": new_thread.subject_key, "contact_id": message.contact_id, "created_at": now, "last_activity_at": when}
        if not roots:
            return
        statement = insert(Thread).returning(Thread.id, sort_by_parameter_order=True)
        ids = dict(zip(roots, session.scalars(statement, list(roots.values())), strict=True))
        for message in messages:
            if message.new_thread is not None:
                message.thread_id = ids[id(message.new_thread)]
                message.new_thread = None

    # -- interactions ------------------------------------------------------------------------------

    def _insert_interactions(self, session: Session, messages: list[MessageContext]) -> list[MessageContext]:
        insert_ignore(session, Interaction.__table__, [_interaction_row(m) for m in messages], ["channel", "channel_message_id"])
        stored = _interactions_by_message_id(session, [_key(m) for m in messages])
        inserted: list[MessageContext] = []
        for message in messages:
            interaction_id, raw_message_id = stored[_key(message)]
            if raw_message_id == message.raw_message_id:
                message.interaction_id = interaction_id
                message.decide(self.name, "stored", f"interaction #{interaction_id}")
                inserted.append(message)
            else:
                self._known(message, interaction_id, raw_message_id)
        return inserted

    def _write_children(self, batch: IngestBatch, messages: Sequence[MessageContext]) -> None:
        session = batch.session
        references = [
            {"interaction_id": m.interaction_id, "referenced_message_id": ref[:500]}
            for m in messages
            for ref in dict.fromkeys(m.parsed.in_reply_to + m.parsed.references)  # type: ignore[union-attr]
        ]
        append_rows(session, MessageReference.__table__, references)
        # Tags are unique per interaction by construction (_unique_tags), and the
        # rows of a rebuilt interaction were deleted first: plain appends suffice.
        append_rows(session, InteractionTag.__table__, [_tag_row(m.interaction_id, t) for m in messages for t in _unique_tags(m)])
        self._file_spam(session, messages)
        self._write_attachments(batch, messages)
        self._write_match_results(session, messages)

    def _file_spam(self, session: Session, messages: Sequence[MessageContext]) -> None:
        """A message its connector flagged as spam (e.g. an SMS) starts out as spam in the inbox: hidden and closed.

        Only a missing work state is created, so a reprocess never overrides
        an agent who has since marked the message as not spam.
        """
        flagged = [m for m in messages if any(tag.name == SPAM_TAG for tag in m.tags)]
        if not flagged:
            return
        now = utcnow()
        rows = [{"interaction_id": m.interaction_id, "status": "closed", "spam": True, "priority": "normal", "updated_at": now} for m in flagged]
        insert_ignore(session, InboxItem.__table__, rows, ["interaction_id"])
        for m in flagged:
            m.decide(self.name, "filed as spam", "the connector's spam check flagged it: hidden from the inbox and closed")

    def _write_match_results(self, session: Session, messages: Sequence[MessageContext]) -> None:
        """Suggestions for agents, and addresses a decisive match taught us."""
        now = utcnow()
        suggestions = [
            {
                "interaction_id": m.interaction_id,
                "contact_id": c.contact_id,
                "score": c.score,
                "reason": "; ".join(c.reasons),
                "status": SUGGESTION_OPEN,
                "created_at": now,
            }
            for m in messages
            for c in m.annotations.get("suggestions", ())
            if c.contact_id != m.contact_id
        ]
        insert_ignore(session, ContactSuggestion.__table__, suggestions, ["interaction_id", "contact_id"])
        identities = [
            {"contact_id": m.contact_id, "kind": kind, "value": value}
            for m in messages
            if m.contact_id is not None
            for kind, value in m.annotations.get("new_identities", ())
        ]
        insert_ignore(session, ContactIdentity.__table__, identities, ["kind", "value", "contact_id"])

    def _write_attachments(self, batch: IngestBatch, messages: Sequence[MessageContext]) -> None:
        pairs = [(m, position, a) for m in messages for position, a in enumerate(m.parsed.attachments)]  # type: ignore[union-attr]
        if not pairs:
            return
        keys = batch.services.blob_store.put_many([a.data for _, _, a in pairs])
        rows = [
            {
                "interaction_id": m.interaction_id,
                "position": position,
                "sha256": key,
                "filename": a.filename[:500],
                "content_type": a.content_type[:200],
                "size": len(a.data),
            }
            for (m, position, a), key in zip(pairs, keys, strict=True)
        ]
        insert_ignore(batch.session, Attachment.__table__, rows, ["interaction_id", "position"])

    def _touch_threads(self, session: Session, messages: Sequence[MessageContext]) -> None:
        latest: dict[int, datetime] = {}
        for message in messages:
            when = message.occurred_at or message.received_at
            if message.thread_id is not None and (message.thread_id not in latest or when > latest[message.thread_id]):
                latest[message.thread_id] = when
        if latest:
            # Only threads whose activity moves forward: a backfilled old reply must not make a thread look fresh.
            rows_now = session.execute(select(Thread.id, Thread.last_activity_at).where(Thread.id.in_(list(latest))))
            current = {thread_id: when for thread_id, when in rows_now}
            rows = [{"id": k, "last_activity_at": v} for k, v in latest.items() if current.get(k) is None or v > current[k]]
            bulk_update(session, Thread.__table__, rows, "id", ["last_activity_at"])

    def _rewrite(self, batch: IngestBatch, message: MessageContext) -> None:
        """Reprocess: replace what the stages derive, keep the interaction's id."""
        session = batch.session
        row = _interaction_row(message)
        for key in ("channel", "channel_message_id", "raw_message_id", "received_at"):
            row.pop(key)
        session.execute(update(Interaction).where(Interaction.id == message.interaction_id).values(**row))
        for model in (MessageReference, InteractionTag, Attachment):
            session.execute(delete(model).where(model.interaction_id == message.interaction_id))
        self._write_children(batch, [message])
        message.annotations["created"] = True
        message.decide(self.name, "reprocessed", f"interaction #{message.interaction_id} rebuilt from its raw message")


def _key(message: MessageContext) -> tuple[str, str]:
    """An interaction's identity: message ids are unique per channel."""
    return (message.channel_kind, message.channel_message_id)


def _interactions_by_message_id(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int | None]]:
    """(interaction id, raw message id) per (channel, channel message id), one query per channel and 500 ids."""
    found: dict[tuple[str, str], tuple[int, int | None]] = {}
    for channel in sorted({channel for channel, _ in keys}):
        message_ids = sorted({mid for c, mid in keys if c == channel})
        for part in chunked(message_ids, 500):
            rows = session.execute(
                select(Interaction.channel_message_id, Interaction.id, Interaction.raw_message_id).where(
                    Interaction.channel == channel, Interaction.channel_message_id.in_(part)
                )
            )
            found.update({(channel, mid): (iid, rid) for mid, iid, rid in rows})
    return found


def _contacts_by_identity(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for kind in {kind for kind, _ in keys}:
        values = [value for k, value in keys if k == kind]
        for part in chunked(values, 500):
            rows = session.execute(
                select(ContactIdentity.value, func.min(ContactIdentity.contact_id))
                .where(ContactIdentity.kind == kind, ContactIdentity.value.in_(part))
                .group_by(ContactIdentity.value)
            )
            found.update({(kind, value): contact_id for value, contact_id in rows})
    return found


def _company_ids(session: Session, companies: list[tuple[str, str]], now: datetime) -> dict[str, int]:
    """Company id per domain, creating companies the first time a domain writes."""
    if not companies:
        return {}
    names = {domain: name for name, domain in companies}
    insert_ignore(
        session,
        Company.__table__,
        [{"name": name[:300], "domain": domain, "created_at": now} for domain, name in sorted(names.items())],
        ["domain"],
    )
    rows = session.execute(select(Company.domain, Company.id).where(Company.domain.in_(sorted(names))))
    return {domain: company_id for domain, company_id in rows}


def _lock_identities(session: Session, keys: list[tuple[str, str]]) -> None:
    """Serialise contact creation per identity across concurrent workers.

    PostgreSQL: transaction-scoped advisory locks, taken in sorted order so two
    workers cannot deadlock. SQLite serialises writers already.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    lock_keys = sorted({int.from_bytes(hashlib.sha256(f"{kind}:{value}".encode()).digest()[:8], "big", signed=True) for kind, value in keys})
    session.execute(text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k"), {"keys": lock_keys})


def _interaction_row(message: MessageContext) -> dict:
    parsed = message.parsed
    assert parsed is not None
    return {
        "channel": message.channel_kind,
        "channel_id": message.channel_id,
        "channel_message_id": message.channel_message_id[:500],
        "raw_message_id": message.raw_message_id,
        "direction": message.direction,
        "contact_id": message.contact_id,
        "thread_id": message.thread_id,
        "subject": parsed.subject,
        "from_address": parsed.sender.address[:320] if parsed.sender else "",
        "from_name": parsed.sender.name[:300] if parsed.sender else "",
        "participants": " ".join(parsed.participants()),
        "text": parsed.text,
        "reply_text": message.annotations.get("reply_text"),
        "html": parsed.html,
        "in_reply_to": parsed.in_reply_to[0][:500] if parsed.in_reply_to else None,
        "sent_at": parsed.date,
        "received_at": message.received_at,
        "occurred_at": message.occurred_at or message.received_at,
        "lang": message.lang,
    }


def _unique_tags(message: MessageContext):  # type: ignore[no-untyped-def]
    return {tag.name: tag for tag in message.tags}.values()


def _tag_row(interaction_id: int | None, tag) -> dict:  # type: ignore[no-untyped-def]
    return {
        "interaction_id": interaction_id,
        "name": tag.name[:100],
        "score": float(tag.score),
        "reason": tag.reason,
        "tagger": tag.tagger,
        "model_version": tag.model_version,
    }
