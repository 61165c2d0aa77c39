"""Contacts nobody's software saw: phone calls, faxes, letters, visits, logged by an agent.

The raw payload is the JSON the agent submitted plus who logged it and when
(an *envelope*, canonical JSON). The contact is known — the agent logs from
the contact's page — so the envelope names it with an identity of kind
``hub_contact`` (the contact's id), which ``hub.contact_log`` makes sure the
contact has: the pipeline matches it like any other identity.

One connector per kind, so the timeline shows "phone", "fax", "letter" or
"visit" as the channel. The phone connector also reads call-log rows
imported from a phone system (``connectors.call_log_csv``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, ClassVar

from connectors.base import ConnectorBase, Identity, InboundMessage, PayloadError, load_envelope

ENVELOPE_FORMAT = "kontakt-hub/logged-contact/1"
#: Identity kind naming a contact directly by id (the agent chose the contact).
CONTACT_KIND = "hub_contact"
#: Identity kind of the agent who had the conversation (sender of outgoing contacts).
USER_KIND = "hub_user"
#: Kind -> label in the timeline and the form.
LOGGED_KINDS: dict[str, str] = {"phone": "Phone call", "fax": "Fax", "letter": "Letter", "visit": "In person"}
MAX_SUMMARY_CHARS = 10_000


class LoggedContactConnector(ConnectorBase):
    """Shared behaviour of the hand-logged kinds; nothing to configure or connect to."""

    kind: ClassVar[str]
    label: ClassVar[str]
    folder = "logged"

    def test_connection(self) -> str:
        """Nothing remote: agents log these from a contact's page."""
        return f"{self.label}: logged by agents from the contact page; nothing to connect to"

    def normalise(self, raw: bytes) -> InboundMessage:
        """A logged-contact envelope -> message; see :func:`normalise_logged`."""
        message = normalise_logged(raw)
        if read_logged(raw)["kind"] != self.kind:
            raise PayloadError(f"a logged {read_logged(raw)['kind']} is not a {self.kind} payload")
        return message


class PhoneConnector(LoggedContactConnector):
    """Phone calls: logged by hand, or rows of a phone system's call list."""

    kind = "phone"
    label = "Phone calls"

    def normalise(self, raw: bytes) -> InboundMessage:
        """Either envelope format: a hand-logged call or an imported call-log row."""
        from connectors.call_log_csv import ROW_FORMAT, normalise_call_row

        if _format_of(raw) == ROW_FORMAT:
            return normalise_call_row(raw)
        return super().normalise(raw)


class FaxConnector(LoggedContactConnector):
    """Faxes sent or received, logged by hand."""

    kind = "fax"
    label = "Fax"


class LetterConnector(LoggedContactConnector):
    """Letters sent or received, logged by hand."""

    kind = "letter"
    label = "Letters"


class VisitConnector(LoggedContactConnector):
    """Meetings in person, logged by hand."""

    kind = "visit"
    label = "In person"


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _format_of(raw: bytes) -> str | None:
    try:
        value = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return value.get("format") if isinstance(value, dict) else None


def read_logged(raw: bytes) -> dict[str, Any]:
    """The envelope as a dict, checked; raises :class:`PayloadError` saying what is wrong."""
    envelope = load_envelope(raw, ENVELOPE_FORMAT, "logged-contact")
    if envelope.get("kind") not in LOGGED_KINDS:
        raise PayloadError(f"unknown logged contact kind {envelope.get('kind')!r}")
    if envelope.get("direction") not in ("in", "out"):
        raise PayloadError("direction is neither 'in' nor 'out'")
    if not isinstance(envelope.get("contact_id"), int) or not isinstance(envelope.get("log_id"), str) or not envelope["log_id"]:
        raise PayloadError("logged contact has no contact_id or log_id")
    try:
        datetime.fromisoformat(str(envelope.get("occurred_at")))
        if envelope.get("follow_up_on"):
            date.fromisoformat(str(envelope["follow_up_on"]))
    except ValueError:
        raise PayloadError("occurred_at or follow_up_on is not an ISO date") from None
    if not isinstance(envelope.get("logged_by"), dict):
        raise PayloadError("logged contact does not say who logged it")
    return envelope


def subject_of(kind: str, direction: str, duration_seconds: int | None, follow_up_on: str | None) -> str:
    """What the timeline shows for a logged contact: kind, direction, length, follow-up date."""
    parts = [f"{LOGGED_KINDS[kind]} ({'incoming' if direction == 'in' else 'outgoing'})"]
    if duration_seconds:
        parts.append(format_duration(duration_seconds))
    if follow_up_on:
        parts.append(f"follow-up {follow_up_on}")
    return " · ".join(parts)


def format_duration(seconds: int) -> str:
    """``1 h 05 min``, ``12 min 30 s``, ``45 s``."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min" + (f" {secs} s" if secs else "")
    return f"{secs} s"


def normalise_logged(raw: bytes) -> InboundMessage:
    """The message of a hand-logged contact, belonging to the contact it was logged on."""
    envelope = read_logged(raw)
    contact = Identity(CONTACT_KIND, str(envelope["contact_id"]))
    agent = envelope["logged_by"]
    duration = envelope.get("duration_seconds")
    common = {
        "channel_message_id": f"logged/{envelope['log_id']}",
        "subject": subject_of(envelope["kind"], envelope["direction"], duration if isinstance(duration, int) else None, envelope.get("follow_up_on")),
        "text": str(envelope.get("summary") or ""),
        "sent_at": datetime.fromisoformat(envelope["occurred_at"]),
    }
    if envelope["direction"] == "out":
        return InboundMessage(
            sender=Identity(USER_KIND, str(agent.get("id"))),
            sender_name=str(agent.get("name") or ""),
            direction="out",
            recipients=(contact,),
            **common,
        )
    return InboundMessage(sender=contact, sender_name=str(envelope.get("contact_name") or ""), direction="in", **common)


__all__: Sequence[str] = [
    "CONTACT_KIND",
    "ENVELOPE_FORMAT",
    "FaxConnector",
    "LOGGED_KINDS",
    "LetterConnector",
    "PhoneConnector",
    "VisitConnector",
    "normalise_logged",
    "read_logged",
]
