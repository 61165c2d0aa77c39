"""The REST API as a channel: ``POST /api/v1/interactions`` payloads read like any other connector's.

The web view stores the request as a JSON envelope through ``hub.intake``
(``channel_kind="api"``) and the pipeline reads it back with :meth:`normalise`,
so an interaction created by an integration is kept raw, matched, tagged and
threaded exactly like a mail or a Telegram message. Envelope::

    {"api_version": 1, "token_id": 3, "request_id": "<Idempotency-Key or a uuid>",
     "interaction": {...the validated request body...}}
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from connectors.base import ConnectorBase, Identity, InboundMessage, PayloadError

ENVELOPE_VERSION = 1


def _clean_text(value: Any) -> str:
    """Text safe for every database: NUL and lone surrogates (valid JSON, refused by PostgreSQL) become U+FFFD."""
    text = str(value or "")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= ch <= "\udfff" for ch in text) else text


def contact_identities(contact: dict[str, Any]) -> list[Identity]:
    """The customer's identities named in a request, e-mail first."""
    found = []
    if contact.get("email"):
        found.append(Identity("email", _clean_text(contact["email"]).strip().lower()))
    if contact.get("phone"):
        found.append(Identity("phone", _clean_text(contact["phone"]).strip()))
    return found


class ApiConnector(ConnectorBase):
    """Reads the envelopes the REST API stores; not added by admins (the API has one built-in channel)."""

    kind = "api"
    label = "REST API"
    folder = "api"
    #: Read by hub.connector_admin: the API channel is created on first use, not from the admin form.
    admin_addable = False

    def test_connection(self) -> str:
        """Nothing to connect to: the API is part of the hub."""
        return "built into the hub: integrations call /api/v1 with a token"

    def normalise(self, raw: bytes) -> InboundMessage:
        """The envelope -> message; the request was validated before it was stored."""
        try:
            envelope = json.loads(raw)
            body = envelope["interaction"]
            request_id = str(envelope["request_id"])
            token_id = int(envelope["token_id"])
            contact = body.get("contact") or {}
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise PayloadError(f"not a REST API envelope: {type(error).__name__}: {error}") from None
        identities = contact_identities(contact)
        if not identities:
            raise PayloadError("the request names no contact e-mail or phone")
        sent_at = None
        if body.get("occurred_at"):
            try:
                sent_at = datetime.fromisoformat(str(body["occurred_at"]).upper())
            except ValueError as error:
                raise PayloadError(f"occurred_at: {error}") from None
        direction = "out" if body.get("direction") == "out" else "in"
        us = Identity("api", f"token-{token_id}")
        name = _clean_text(contact.get("name")).strip()
        return InboundMessage(
            channel_message_id=f"api:{token_id}:{request_id}",
            sender=identities[0] if direction == "in" else us,
            sender_name=name if direction == "in" else "",
            extra_identities=tuple(identities[1:]) if direction == "in" else (),
            recipients=tuple(identities) if direction == "out" else (),
            direction=direction,
            subject=_clean_text(body.get("subject")).strip(),
            text=_clean_text(body.get("text")),
            sent_at=sent_at,
        )
