"""Interactions created through the REST API: stored raw like every channel, idempotent per key.

The request becomes a JSON envelope (:mod:`connectors.api`) stored through
:func:`hub.intake.store_raw_batch` on the built-in ``api`` channel; the
caller commits, enqueues ingest, and reads the outcome with :func:`outcome_of`.

Idempotency: a request with an ``Idempotency-Key`` is a raw source whose
position is derived from (token, key), so a retried POST finds the first one
instead of storing a second. The source remembers a fingerprint of the
request; the same key with a *different* body is refused (409), because
silently answering with the first interaction would hide the client's bug.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.channels import ensure_channel
from hub.intake import IncomingRaw, store_raw_batch
from hub.models import QuarantineEntry, RawMessage, RawSource
from hub.models.raw import RAW_DUPLICATE, RAW_INGESTED, RAW_QUARANTINED
from hub.rawstore import FileBlobStore

API_KIND = "api"
API_CHANNEL_NAME = "REST API"
API_FOLDER = "api"


class IdempotencyConflict(ValueError):
    """The key was used before with a different request."""


@dataclass(frozen=True)
class Submitted:
    """What storing a request did: the raw id, and whether this key had been seen before."""

    raw_message_id: int
    replayed: bool
    pending: bool


def api_channel_id(session: Session) -> int:
    """The built-in API channel (created on first use)."""
    return ensure_channel(session, kind=API_KIND, name=API_CHANNEL_NAME)


def fingerprint(body: Mapping[str, Any]) -> str:
    """A stable digest of a request body (key order and spacing do not matter)."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def _position(token_id: int, key: str) -> int:
    # 60 bits of the hash: fits BIGINT on every backend, collisions need ~2^30 keys per channel.
    return int(hashlib.sha256(f"{token_id}\n{key}".encode()).hexdigest()[:15], 16)


def _source_ref(token_id: int, key: str, body_digest: str) -> str:
    return f"token={token_id} fingerprint={body_digest} key={key}"


def submit(
    session: Session, store: FileBlobStore, *, token_id: int, body: Mapping[str, Any], idempotency_key: str | None
) -> Submitted:
    """Store one request raw (no commit); a replay of a key returns the first request's raw id."""
    channel_id = api_channel_id(session)
    digest = fingerprint(body)
    position = 0
    if idempotency_key:
        position = _position(token_id, idempotency_key)
        earlier = _earlier(session, channel_id, position)
        if earlier is not None:
            return _replay(session, earlier, token_id, idempotency_key, digest)
    request_id = idempotency_key or uuid.uuid4().hex
    envelope = {"api_version": 1, "token_id": token_id, "request_id": request_id, "interaction": dict(body)}
    data = json.dumps(envelope, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    result = store_raw_batch(
        session,
        store,
        channel_id,
        [IncomingRaw(data=data, folder=API_FOLDER, uid=position, source_ref=_source_ref(token_id, request_id, digest))],
        channel_kind=API_KIND,
    )
    if idempotency_key:
        # A concurrent request with the same key may have won the unique source row: answer as its replay.
        earlier = _earlier(session, channel_id, position)
        if earlier is not None and earlier.source_ref != _source_ref(token_id, request_id, digest):
            return _replay(session, earlier, token_id, idempotency_key, digest)
    raw_id = session.scalar(select(RawMessage.id).where(RawMessage.sha256 == hashlib.sha256(data).hexdigest()))
    assert raw_id is not None
    return Submitted(raw_message_id=raw_id, replayed=False, pending=raw_id in result.pending_raw_ids)


def _earlier(session: Session, channel_id: int, position: int) -> RawSource | None:
    return session.scalars(
        select(RawSource).where(RawSource.channel_id == channel_id, RawSource.folder == API_FOLDER, RawSource.uidvalidity == 0, RawSource.uid == position)
    ).one_or_none()


def _replay(session: Session, earlier: RawSource, token_id: int, key: str, digest: str) -> Submitted:
    if earlier.source_ref != _source_ref(token_id, key, digest):
        raise IdempotencyConflict("this Idempotency-Key was already used with a different request body")
    status = session.scalar(select(RawMessage.status).where(RawMessage.id == earlier.raw_message_id))
    return Submitted(raw_message_id=earlier.raw_message_id, replayed=True, pending=status not in (RAW_INGESTED, RAW_DUPLICATE, RAW_QUARANTINED))


@dataclass(frozen=True)
class Outcome:
    """What became of a stored request: ``ingested`` (with the interaction), ``pending`` or ``quarantined`` (with why)."""

    status: str
    raw_message_id: int
    interaction_id: int | None
    reason: str | None


def outcome_of(session: Session, raw_message_id: int) -> Outcome:
    """The raw message's state now."""
    row = session.execute(select(RawMessage.status, RawMessage.interaction_id).where(RawMessage.id == raw_message_id)).one()
    status, interaction_id = row
    if status in (RAW_INGESTED, RAW_DUPLICATE) and interaction_id is not None:
        return Outcome("ingested", raw_message_id, interaction_id, None)
    if status == RAW_QUARANTINED:
        reason = session.scalar(select(QuarantineEntry.reason).where(QuarantineEntry.raw_message_id == raw_message_id))
        return Outcome("quarantined", raw_message_id, None, reason or "quarantined")
    return Outcome("pending", raw_message_id, None, None)


__all__ = ["API_KIND", "IdempotencyConflict", "Outcome", "Submitted", "api_channel_id", "fingerprint", "outcome_of", "submit"]
