"""A contact form on the customer's website as a channel: submissions in, nothing to fetch.

The form page and its POST endpoint are the hub's own (``web/webform.py``);
this module defines what a submission may contain (:func:`validate_submission`),
the raw *envelope* one accepted submission is stored as (:func:`build_envelope`),
and how that envelope reads back as a message (:func:`normalise_submission`).

The envelope keeps the submitted fields, the consent text *word for word as
shown* and when it was given, the language of the page, and the
confirmation mail promised to the sender: the raw is the complete record of
what the person agreed to and was told. A honeypot submission is stored too
(every inbound payload is kept) but never reads as a message: its normalise
refuses it, so even a quarantine retry cannot turn it into an interaction.

Ids: each rendering of the form carries a random nonce in its signed token;
a submission's message id is ``"webform:<nonce>"``, so submitting the same
page twice (a double click, a reload) is one interaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from connectors.base import ConfigField, ConnectorBase, Identity, InboundMessage, InboundTag, PayloadError, load_envelope
from nlp.signals import normalise_phone

ENVELOPE_FORMAT = "kontakt-hub/webform-submission/1"
SUBMISSIONS_FOLDER = "submissions"
#: Field limits (characters); the message limit is per channel.
FIELD_LIMITS = {"name": 200, "email": 254, "phone": 40, "subject": 200}
DEFAULT_MAX_MESSAGE_CHARS = 5000
#: Highest message limit an admin may set: fits the form's request size limit in any UTF-8.
MAX_MESSAGE_CHARS_LIMIT = 12000
DEFAULT_SUBMISSIONS_PER_HOUR = 5
#: The honeypot input's name: a plausible field bots fill in and people never see.
HONEYPOT_FIELD = "website"
EMAIL_PATTERN = re.compile(r"^[^@\s<>\"'(),;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$")
NONCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class SubmissionInvalid(ValueError):
    """A submission the form shows again; ``errors`` maps field names to messages (English, keys for translation)."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


@dataclass(frozen=True)
class Submission:
    """A valid submission, cleaned: trimmed text, E.164 phone (or empty)."""

    name: str
    email: str
    phone: str
    subject: str
    message: str


class WebFormConnector(ConnectorBase):
    """A contact form the hub serves at ``/forms/<channel id>``, embeddable in the customer's site."""

    kind = "webform"
    label = "Web contact form"
    folder = SUBMISSIONS_FOLDER
    config_schema = (
        ConfigField("title", "Form title", default="Contact us"),
        ConfigField("intro", "Text above the form", type="textarea", default=""),
        ConfigField("consent_text", "Consent text", type="textarea", required=True,
                    help="Shown beside the checkbox a sender must tick; stored word for word with every submission."),
        ConfigField("allowed_origins", "Websites allowed to embed the form", type="textarea", default="",
                    help="One origin per line, e.g. https://www.example.com. Empty: the form can only be opened directly."),
        ConfigField("confirmation_mailbox", "Send confirmations from", default="",
                    help="Address of one of the hub's mailboxes; empty sends no confirmation mail."),
        ConfigField("submissions_per_hour", "Submissions per hour from one client address", type="integer", default=DEFAULT_SUBMISSIONS_PER_HOUR),
        ConfigField("max_message_chars", "Longest message (characters)", type="integer", default=DEFAULT_MAX_MESSAGE_CHARS),
        ConfigField("default_region", "Region of national phone numbers", default="DE"),
    )

    @classmethod
    def check_config(cls, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> dict[str, str]:
        """Origins are bare ``scheme://host[:port]``; limits positive; the mailbox an address."""
        errors: dict[str, str] = {}
        try:
            parse_origins(str(settings.get("allowed_origins") or ""))
        except ValueError as error:
            errors["allowed_origins"] = str(error)
        for name in ("submissions_per_hour", "max_message_chars"):
            value = settings.get(name)
            if value is not None and int(value) < 1:
                errors[name] = "must be at least 1"
        if int(settings.get("max_message_chars") or 0) > MAX_MESSAGE_CHARS_LIMIT:
            # The form's request body is capped (web/webform.py); a longer limit could never be reached.
            errors["max_message_chars"] = f"at most {MAX_MESSAGE_CHARS_LIMIT}"
        mailbox = str(settings.get("confirmation_mailbox") or "")
        if mailbox and not EMAIL_PATTERN.match(mailbox):
            errors["confirmation_mailbox"] = "not an e-mail address"
        if not str(settings.get("consent_text") or "").strip():
            errors["consent_text"] = "required"
        return errors

    def test_connection(self) -> str:
        """Nothing remote to reach: say where the form is and how it is guarded."""
        origins = parse_origins(str(self.channel.settings.get("allowed_origins") or ""))
        where = ", ".join(origins) if origins else "no other site (direct link only)"
        return f"form served by the hub at /forms/{self.channel.id}; embeddable by {where}"

    def normalise(self, raw: bytes) -> InboundMessage:
        """An envelope -> message; see :func:`normalise_submission`."""
        return normalise_submission(raw)


# -- pure helpers ---------------------------------------------------------------------------------


def parse_origins(text: str) -> tuple[str, ...]:
    """One ``scheme://host[:port]`` per line (blank lines ignored); raises ``ValueError`` naming a bad one."""
    origins = []
    for line in text.splitlines():
        origin = line.strip().rstrip("/")
        if not origin:
            continue
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query or parts.fragment or "@" in parts.netloc:
            raise ValueError(f"not an origin (scheme://host[:port]): {origin!r}")
        origins.append(origin.lower())
    return tuple(dict.fromkeys(origins))


def validate_submission(form: Mapping[str, str], *, max_message_chars: int, region: str) -> Submission:
    """Check every field at once; raise :class:`SubmissionInvalid` listing all problems.

    The consent checkbox is checked here too: without it nothing may be stored.
    """
    values = {name: str(form.get(name) or "").strip() for name in ("name", "email", "phone", "subject", "message")}
    errors: dict[str, str] = {}
    for name, limit in FIELD_LIMITS.items():
        if len(values[name]) > limit:
            errors[name] = f"at most {limit} characters"
    if not values["name"]:
        errors["name"] = "required"
    if not values["email"]:
        errors["email"] = "required"
    elif "email" not in errors and not EMAIL_PATTERN.match(values["email"]):
        errors["email"] = "not an e-mail address"
    phone = ""
    if values["phone"] and "phone" not in errors:
        phone = normalise_phone(values["phone"], region) or ""
        if not phone:
            errors["phone"] = "not a phone number"
    if not values["message"]:
        errors["message"] = "required"
    elif len(values["message"]) > max_message_chars:
        errors["message"] = f"at most {max_message_chars} characters"
    if str(form.get("consent") or "") not in ("1", "on", "yes", "true"):
        errors["consent"] = "required"
    for name in ("name", "subject", "phone", "email"):
        if name not in errors and any(ord(c) < 32 for c in values[name]):
            errors[name] = "contains control characters"
    if errors:
        raise SubmissionInvalid(errors)
    email = values["email"]
    local, _, domain = email.rpartition("@")
    return Submission(values["name"], f"{local}@{domain.lower()}", phone, values["subject"], values["message"].replace("\r\n", "\n"))


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def build_envelope(
    submission: Submission,
    *,
    nonce: str,
    consent_text: str,
    submitted_at: datetime,
    form_title: str,
    lang: str,
    honeypot: bool,
    confirmation: Mapping[str, str] | None = None,
) -> bytes:
    """The raw bytes of one submission (see the module docstring for why each part is there)."""
    if not NONCE_PATTERN.match(nonce):
        raise ValueError("bad nonce")
    envelope: dict[str, Any] = {
        "format": ENVELOPE_FORMAT,
        "nonce": nonce,
        "form_title": form_title,
        "lang": lang,
        "submitted_at": submitted_at.isoformat(),
        "fields": {
            "name": submission.name,
            "email": submission.email,
            "phone": submission.phone,
            "subject": submission.subject,
            "message": submission.message,
        },
        "consent": {"given": True, "text": consent_text, "given_at": submitted_at.isoformat()},
        "honeypot_filled": honeypot,
    }
    if confirmation:
        envelope["confirmation"] = dict(confirmation)
    return canonical_json(envelope)


def read_envelope(raw: bytes) -> dict[str, Any]:
    """The envelope as a dict; :class:`PayloadError` when it is not one."""
    envelope = load_envelope(raw, ENVELOPE_FORMAT, "web form")
    if not isinstance(envelope.get("fields"), dict) or not NONCE_PATTERN.match(str(envelope.get("nonce") or "")):
        raise PayloadError("web form envelope has no fields or no nonce")
    return envelope


def normalise_submission(raw: bytes) -> InboundMessage:
    """A submission as a message from its e-mail identity, the phone as an extra identity, consent as a tag."""
    envelope = read_envelope(raw)
    if envelope.get("honeypot_filled"):
        raise PayloadError("honeypot field was filled in: a bot's submission, kept as spam and never an interaction")
    fields = envelope["fields"]
    email = str(fields.get("email") or "")
    if not EMAIL_PATTERN.match(email):
        raise PayloadError("web form submission has no valid e-mail address")
    phone = str(fields.get("phone") or "")
    consent = envelope.get("consent") or {}
    if not consent.get("given") or not consent.get("text"):
        raise PayloadError("web form submission has no consent record")
    try:
        sent_at = datetime.fromisoformat(str(envelope.get("submitted_at")))
    except ValueError:
        raise PayloadError("web form submission has no valid submission time") from None
    title = str(envelope.get("form_title") or "Web form")
    subject = str(fields.get("subject") or "").strip() or title
    return InboundMessage(
        channel_message_id=f"webform:{envelope['nonce']}",
        # Identities are stored lower-case (hub.contacts); the envelope keeps the address as typed.
        sender=Identity("email", email.lower()),
        sender_name=str(fields.get("name") or ""),
        extra_identities=(Identity("phone", phone),) if phone else (),
        subject=subject,
        text=str(fields.get("message") or ""),
        sent_at=sent_at,
        tags=(InboundTag("consent", 1.0, f"consent given {consent.get('given_at')} via {title!r}: {consent['text']}"),),
    )


__all__: Sequence[str] = [
    "HONEYPOT_FIELD",
    "Submission",
    "SubmissionInvalid",
    "WebFormConnector",
    "build_envelope",
    "normalise_submission",
    "parse_origins",
    "read_envelope",
    "validate_submission",
]
