"""SMS: a Twilio-compatible webhook and REST API, or a generic gateway signing with HMAC-SHA256.

Two ways in, chosen by the channel's ``mode``:

* ``twilio``: the provider POSTs ``application/x-www-form-urlencoded``
  parameters and signs them as Twilio documents: HMAC-SHA1, keyed with the
  auth token, over the webhook URL followed by every parameter name and
  value sorted by name, base64-encoded in ``X-Twilio-Signature``. The URL is
  the *public* one the provider was given (``public_url``), never the
  request's own host: behind a reverse proxy the hub sees another URL than
  the one that was signed. MMS media (``MediaUrl0..N``) are downloaded at
  receive time and embedded in the raw envelope. Replies go out through the
  ``/2010-04-01/Accounts/{sid}/Messages.json`` REST call at ``api_url``.
* ``gateway``: a JSON body ``{"id", "from", "to", "text", "sent_at"?}``
  signed with HMAC-SHA256 over the exact body bytes, hex in ``X-Signature``
  (``sha256=`` prefix optional). Receiving only.

The raw payload is an envelope (canonical JSON): the request body exactly as
received plus the media bytes, so the same delivery always gives the same
bytes and the raw reads without the provider years later. Its position is
derived from the provider's message id, so a second delivery of one message
is one raw source and one interaction.

Numbers are E.164 (``nlp.signals.normalise_phone``, national numbers read
in the channel's ``default_region``); a sender that is no phone number (an
alphanumeric sender id, a short code) becomes an ``sms_sender`` identity.
Every message gets a spam verdict from :mod:`nlp.sms_spam` with its reasons.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import httpx

from connectors.base import (
    load_envelope,
    ConfigField,
    ConnectorBase,
    ConnectorError,
    Identity,
    InboundAttachment,
    InboundMessage,
    InboundTag,
    OutgoingReply,
    PayloadError,
    RawPayload,
    SentReceipt,
    WebhookAnswer,
    WebhookRejected,
)
from nlp.signals import normalise_phone
from nlp.sms_spam import spam_verdict

log = logging.getLogger(__name__)

ENVELOPE_FORMAT = "kontakt-hub/sms-webhook/1"
#: Raw sources of this connector; the position is derived from the provider's message id.
MESSAGES_FOLDER = "messages"
#: Raw sources of our own sent replies (kept like mail's Sent folder).
SENT_FOLDER = "sent"
SIGNATURE_HEADER = "X-Twilio-Signature"
GATEWAY_SIGNATURE_HEADER = "X-Signature"
DEFAULT_API_URL = "https://api.twilio.com"
#: What Twilio expects back: an empty TwiML document (no auto-reply).
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
#: Twilio accepts at most 10 media per MMS and 5 MB per message.
MAX_MEDIA = 10
DEFAULT_MAX_MEDIA_MB = 5
#: A provider's message id: Twilio's ``SM``/``MM`` + 32 hex, or a gateway's own; never free text.
_MESSAGE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,99}$")
_MEDIA_KEY = re.compile(r"^Media(?:Url|ContentType)(\d+)$")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_EXTENSIONS = {
    "image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp", "image/heic": ".heic",
    "audio/mpeg": ".mp3", "audio/ogg": ".ogg", "audio/amr": ".amr", "video/mp4": ".mp4", "video/3gpp": ".3gp",
    "text/vcard": ".vcf", "text/x-vcard": ".vcf", "application/pdf": ".pdf", "text/plain": ".txt",
}


class SmsConnector(ConnectorBase):
    """One SMS number, reached through a Twilio-compatible provider or a signing gateway."""

    kind = "sms"
    label = "SMS (Twilio-compatible or signed gateway)"
    folder = MESSAGES_FOLDER
    #: Twilio's limit for one (concatenated) message.
    max_reply_chars = 1600
    config_schema = (
        ConfigField("mode", "Provider", type="choice", choices=("twilio", "gateway"), default="twilio",
                    help="Twilio-compatible (signed form posts, replies by REST) or a gateway posting signed JSON (receive only)."),
        ConfigField("phone_number", "Our number", required=True, help="In international form, e.g. +4930123456789."),
        ConfigField("public_url", "Public webhook URL", type="url",
                    help="Exactly the URL the provider calls (https://hub.example.com/hooks/sms/<channel id>). "
                         "Twilio signs this URL; behind a proxy the hub cannot see it, so it is taken from here."),
        ConfigField("account_sid", "Account SID", help="Twilio mode: the account the number belongs to (AC...)."),
        ConfigField("auth_token", "Auth token", type="password", secret=True, help="Twilio mode: signs webhooks and authorises replies."),
        ConfigField("api_url", "REST API base URL", type="url", default=DEFAULT_API_URL, help="Change for a Twilio-compatible provider."),
        ConfigField("gateway_secret", "Gateway signing secret", type="password", secret=True, help="Gateway mode: the HMAC-SHA256 key."),
        ConfigField("default_region", "Region of national numbers", default="DE", help="ISO country code used for numbers written without +."),
        ConfigField("max_media_mb", "Largest MMS to download (MB)", type="integer", default=DEFAULT_MAX_MEDIA_MB),
    )

    @classmethod
    def check_config(cls, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> dict[str, str]:
        """Our number in E.164; per mode the values verification and sending need."""
        errors: dict[str, str] = {}
        region = str(settings.get("default_region") or "DE").upper()
        if not re.fullmatch(r"[A-Z]{2}", region):
            errors["default_region"] = "a two-letter country code such as DE"
        elif not normalise_phone(str(settings.get("phone_number") or ""), region):
            errors["phone_number"] = "not a valid phone number"
        if settings.get("mode", "twilio") == "twilio":
            for name in ("public_url", "account_sid"):
                if not settings.get(name):
                    errors[name] = "required in Twilio mode"
            if not secrets.get("auth_token"):
                errors["auth_token"] = "required in Twilio mode"
        elif not secrets.get("gateway_secret"):
            errors["gateway_secret"] = "required in gateway mode"
        return errors

    # -- settings -----------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return str(self.channel.settings.get("mode") or "twilio")

    @property
    def region(self) -> str:
        return str(self.channel.settings.get("default_region") or "DE").upper()

    @property
    def our_number(self) -> str:
        number = str(self.channel.settings.get("phone_number") or self.channel.address or "")
        return normalise_phone(number, self.region) or number

    @property
    def api_url(self) -> str:
        return str(self.channel.settings.get("api_url") or DEFAULT_API_URL).rstrip("/")

    def _secret(self, name: str) -> str:
        value = self.channel.secrets.get(name, "")
        if not value:
            raise WebhookRejected(f"this channel has no {name} configured")
        return value

    # -- receiving ----------------------------------------------------------------------------

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> None:
        """Check the provider's signature in constant time; raise :class:`WebhookRejected` otherwise."""
        if self.mode == "gateway":
            given = (_header(headers, GATEWAY_SIGNATURE_HEADER) or "").strip()
            given = given.removeprefix("sha256=")
            expected = gateway_signature(self._secret("gateway_secret"), body)
            if not given or not hmac.compare_digest(given.lower().encode(), expected.encode()):
                raise WebhookRejected("wrong or missing X-Signature")
            return
        token = self._secret("auth_token")
        url = str(self.channel.settings.get("public_url") or "")
        if not url:
            raise WebhookRejected("this channel has no public webhook URL configured")
        given = (_header(headers, SIGNATURE_HEADER) or "").strip()
        try:
            params = _form_pairs(body)
        except PayloadError:
            raise WebhookRejected("body cannot be verified: not a form post") from None
        if not given or not any(
            hmac.compare_digest(given.encode(), twilio_signature(token, candidate, params).encode()) for candidate in _url_variants(url)
        ):
            raise WebhookRejected("wrong or missing X-Twilio-Signature")

    def webhook_position(self, body: bytes) -> int:
        """The raw source position of a delivery, to skip a known one before downloading media."""
        return _position(*self._delivery_id(body))

    def _delivery_id(self, body: bytes) -> tuple[str, str]:
        if self.mode == "gateway":
            return "gateway", str(parse_gateway_body(body)["id"])
        return "twilio", parse_twilio_body(body)["MessageSid"]

    def parse_webhook(self, headers: Mapping[str, str], body: bytes) -> list[RawPayload]:
        """One message per request, with its media fetched now; :class:`PayloadError` says what is malformed."""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise PayloadError("body is not UTF-8") from None
        media: list[dict[str, Any]] = []
        failures: list[dict[str, Any]] = []
        if self.mode == "gateway":
            message_id = str(parse_gateway_body(body)["id"])
        else:
            params = parse_twilio_body(body)
            message_id = params["MessageSid"]
            media, failures = self._download_media(media_refs(params))
        envelope = {
            "format": ENVELOPE_FORMAT,
            "provider": self.mode,
            "channel_number": self.our_number,
            "region": self.region,
            "body": text,
            "media": media,
            "media_failures": failures,
        }
        return [
            RawPayload(
                data=canonical_json(envelope),
                position=_position(self.mode, message_id),
                folder=MESSAGES_FOLDER,
                source_ref=f"{self.mode} {message_id}",
            )
        ]

    def webhook_answer(self, payloads: Sequence[RawPayload]) -> WebhookAnswer:
        """Empty TwiML for Twilio (no automatic reply); a small JSON for a gateway."""
        if self.mode == "gateway":
            return WebhookAnswer(body='{"ok":true}', content_type="application/json")
        return WebhookAnswer(body=EMPTY_TWIML, content_type="text/xml; charset=utf-8")

    def _download_media(self, refs: list[dict[str, str]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Fetch each MMS file; a failed one is kept as a reason, the message is kept either way.

        Twilio does not redeliver an SMS webhook that failed, so refusing the
        whole message because one picture could not be fetched would lose it.
        """
        if not refs:
            return [], []  # a plain SMS: building an HTTP client (and its TLS context) costs ~45 ms of CPU
        limit = int(self.channel.settings.get("max_media_mb") or DEFAULT_MAX_MEDIA_MB) * 1024 * 1024
        media: list[dict[str, Any]] = []
        failures: list[dict[str, Any]] = []
        used = 0
        with httpx.Client(timeout=httpx.Timeout(20.0, connect=10.0), follow_redirects=True, max_redirects=3) as client:
            for ref in refs:
                try:
                    data, content_type = self._fetch(client, ref["url"], limit - used)
                except ConnectorError as error:
                    failures.append({"index": ref["index"], "reason": str(error)})
                    log.warning("event=sms_media_failed channel_id=%s index=%s error=%s", self.channel.id, ref["index"], type(error).__name__)
                    continue
                used += len(data)
                media.append({
                    "index": ref["index"],
                    "content_type": ref["content_type"] or content_type,
                    "data": base64.b64encode(data).decode("ascii"),
                })
        return media, failures

    def _fetch(self, client: httpx.Client, url: str, room: int) -> tuple[bytes, str]:
        # Credentials go only to the provider's own API host; a redirect to a CDN gets none.
        auth = self._auth() if _origin(url) == _origin(self.api_url) else None
        try:
            with client.stream("GET", url, auth=auth) as response:
                if response.status_code != 200:
                    raise ConnectorError(f"media download answered HTTP {response.status_code}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > room:
                        raise ConnectorError(f"media larger than the {room} bytes left of the limit")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
                return b"".join(chunks), content_type
        except httpx.HTTPError as error:
            raise ConnectorError(f"media download failed: {type(error).__name__}") from None

    def _auth(self) -> tuple[str, str] | None:
        sid, token = str(self.channel.settings.get("account_sid") or ""), self.channel.secrets.get("auth_token", "")
        return (sid, token) if sid and token else None

    # -- normalising ----------------------------------------------------------------------------

    def normalise(self, raw: bytes) -> InboundMessage:
        """An envelope -> message; see :func:`normalise_envelope`."""
        return normalise_envelope(raw)

    # -- sending ------------------------------------------------------------------------------

    def test_connection(self) -> str:
        """Twilio mode: fetch the account; gateway mode has nothing to call."""
        if self.mode == "gateway":
            return "gateway mode: nothing to connect to; every request is checked against the signing secret"
        auth = self._auth()
        if auth is None:
            raise ConnectorError("Twilio mode needs the account SID and the auth token")
        try:
            response = httpx.get(f"{self.api_url}/2010-04-01/Accounts/{auth[0]}.json", auth=auth, timeout=15.0)
        except httpx.HTTPError as error:
            raise ConnectorError(f"{self.api_url} not reachable: {type(error).__name__}") from None
        if response.status_code != 200:
            raise ConnectorError(f"account check answered HTTP {response.status_code}: {_api_error(response)}")
        name = (response.json() or {}).get("friendly_name") or auth[0]
        return f"account {name} reachable at {self.api_url}; sending from {self.our_number}"

    def send_reply(self, reply: OutgoingReply) -> SentReceipt:
        """One ``POST .../Messages.json``; the job around it makes sure it is called once per reply."""
        if self.mode == "gateway":
            raise ConnectorError("this SMS channel receives through a gateway and cannot send; use Twilio mode to reply")
        auth = self._auth()
        if auth is None:
            raise ConnectorError("Twilio mode needs the account SID and the auth token to send")
        to = normalise_phone(reply.recipient.value, self.region) if reply.recipient.kind == "phone" else None
        if to is None:
            raise ConnectorError(f"cannot send an SMS to {reply.recipient.kind} {reply.recipient.value!r}")
        if not reply.text.strip():
            raise ConnectorError("the reply is empty")
        try:
            response = httpx.post(
                f"{self.api_url}/2010-04-01/Accounts/{auth[0]}/Messages.json",
                data={"From": self.our_number, "To": to, "Body": reply.text},
                auth=auth,
                timeout=30.0,
            )
        except httpx.HTTPError as error:
            raise ConnectorError(f"SMS API not reachable: {type(error).__name__}") from None
        if response.status_code not in (200, 201):
            raise ConnectorError(f"SMS API refused the message: HTTP {response.status_code}: {_api_error(response)}")
        try:
            answer = response.json()
            sid = str(answer["sid"])
        except (ValueError, KeyError, TypeError):
            raise ConnectorError("SMS API accepted the message but gave no sid") from None
        if not _MESSAGE_ID.match(sid):
            raise ConnectorError("SMS API accepted the message but its sid is not a message id")
        sent = {"sid": sid, "from": self.our_number, "to": to, "body": reply.text,
                "date_created": str(answer.get("date_created") or ""), "in_reply_to": reply.in_reply_to or ""}
        envelope = {"format": ENVELOPE_FORMAT, "provider": "twilio-sent", "channel_number": self.our_number, "region": self.region, "sent": sent}
        return SentReceipt(
            channel_message_id=f"twilio:{sid}",
            detail=f"sms {sid} {answer.get('status', '')}".strip(),
            # Kept and ingested like mail's Sent copy, so the reply joins the conversation's thread.
            sent_copy=RawPayload(data=canonical_json(envelope), position=0, folder=SENT_FOLDER, source_ref=f"twilio sent {sid}"),
        )


# -- pure helpers (no network) ----------------------------------------------------------------------


def twilio_signature(auth_token: str, url: str, params: Sequence[tuple[str, str]]) -> str:
    """``X-Twilio-Signature`` of a form post: base64 HMAC-SHA1 over the URL plus sorted name+value pairs.

    Pairs are sorted by name, then by value (repeated names), as Twilio's own
    helper libraries do.
    """
    signed = url + "".join(name + value for name, value in sorted(params))
    digest = hmac.new(auth_token.encode("utf-8"), signed.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def gateway_signature(secret: str, body: bytes) -> str:
    """Hex HMAC-SHA256 of the exact body bytes."""
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def parse_twilio_body(body: bytes) -> dict[str, str]:
    """A Twilio form post as a dict; raises :class:`PayloadError` naming what is missing or wrong."""
    pairs = _form_pairs(body)
    names = [name for name, _ in pairs]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise PayloadError(f"parameter given more than once: {', '.join(repeated)}")
    params = dict(pairs)
    sid = params.get("MessageSid") or params.get("SmsSid") or ""
    if not sid:
        raise PayloadError("MessageSid is missing")
    if not _MESSAGE_ID.match(sid):
        raise PayloadError("MessageSid is not a message id")
    params["MessageSid"] = sid
    for name in ("From", "To"):
        if not params.get(name, "").strip():
            raise PayloadError(f"{name} is missing")
    count = params.get("NumMedia", "0") or "0"
    if not count.isdigit() or int(count) > MAX_MEDIA:
        raise PayloadError(f"NumMedia must be a number from 0 to {MAX_MEDIA}")
    for ref in media_refs(params):
        if urlsplit(ref["url"]).scheme not in ("http", "https"):
            raise PayloadError(f"MediaUrl{ref['index']} is not an http(s) URL")
    if not params.get("Body", "").strip() and not int(count):
        raise PayloadError("message has neither Body nor media")
    return params


def media_refs(params: Mapping[str, str]) -> list[dict[str, str]]:
    """``MediaUrl{i}``/``MediaContentType{i}`` for ``i < NumMedia``; a URL that is announced but missing is an error."""
    count = int(params.get("NumMedia", "0") or "0")
    refs = []
    for index in range(count):
        url = params.get(f"MediaUrl{index}", "").strip()
        if not url:
            raise PayloadError(f"NumMedia is {count} but MediaUrl{index} is missing")
        refs.append({"index": str(index), "url": url, "content_type": params.get(f"MediaContentType{index}", "").strip()})
    return refs


def parse_gateway_body(body: bytes) -> dict[str, Any]:
    """A gateway's JSON message; raises :class:`PayloadError` naming what is missing or wrong."""
    try:
        message = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise PayloadError(f"body is not JSON: {error}") from None
    if not isinstance(message, dict):
        raise PayloadError(f"body must be a JSON object, got {type(message).__name__}")
    message_id = message.get("id")
    if not isinstance(message_id, (str, int)) or isinstance(message_id, bool) or not _MESSAGE_ID.match(str(message_id)):
        raise PayloadError("id is missing or not a message id")
    for name in ("from", "to"):
        if not isinstance(message.get(name), str) or not message[name].strip():
            raise PayloadError(f"{name} is missing")
    if not isinstance(message.get("text"), str) or not message["text"].strip():
        raise PayloadError("text is missing")
    if "sent_at" in message and _iso_time(message["sent_at"]) is None:
        raise PayloadError("sent_at is not an ISO 8601 time with a zone")
    return message


def normalise_envelope(raw: bytes) -> InboundMessage:
    """An SMS envelope's message as an :class:`InboundMessage`, with its spam verdict as a tag."""
    envelope = load_envelope(raw, ENVELOPE_FORMAT, "sms")
    region, body = str(envelope.get("region") or "DE"), str(envelope.get("body") or "").encode("utf-8")
    if envelope.get("provider") == "twilio-sent":
        return _normalise_sent(envelope, region)
    if envelope.get("provider") == "gateway":
        message = parse_gateway_body(body)
        message_id, sender, recipient, text = f"gateway:{message['id']}", message["from"], message["to"], message["text"]
        sent_at = _iso_time(message.get("sent_at"))
        attachments: tuple[InboundAttachment, ...] = ()
    elif envelope.get("provider") == "twilio":
        params = parse_twilio_body(body)
        message_id, sender, recipient, text = f"twilio:{params['MessageSid']}", params["From"], params["To"], params.get("Body", "")
        sent_at = None  # Twilio's webhook carries no time: the pipeline uses the time it was received
        attachments = tuple(_attachment(item) for item in envelope.get("media", []) if isinstance(item, dict))
    else:
        raise PayloadError(f"unknown sms provider {envelope.get('provider')!r}")
    failures = [item for item in envelope.get("media_failures", []) if isinstance(item, dict)]
    if failures:
        text = (text + "\n\n" if text else "") + "\n".join(f"[MMS file {f.get('index')} not downloaded: {f.get('reason', '')}]" for f in failures)
    identity = sender_identity(sender, region)
    ours = normalise_phone(recipient, region) or recipient.strip()
    verdict = spam_verdict(text)
    tags = (InboundTag("spam", verdict.score, "; ".join(verdict.reasons)),) if verdict.is_spam else ()
    return InboundMessage(
        channel_message_id=message_id,
        sender=identity,
        sender_name=identity.value,
        direction="in",
        text=text,
        sent_at=sent_at,
        conversation_id=f"{ours}|{identity.value}",
        attachments=attachments,
        tags=tags,
    )


def _normalise_sent(envelope: Mapping[str, Any], region: str) -> InboundMessage:
    """Our own reply, as sent: outgoing, to the customer's number, in the same conversation."""
    sent = envelope.get("sent")
    if not isinstance(sent, dict) or not _MESSAGE_ID.match(str(sent.get("sid") or "")):
        raise PayloadError("sent sms envelope has no sid")
    ours = normalise_phone(str(sent.get("from") or ""), region) or str(sent.get("from") or "")
    customer = sender_identity(str(sent.get("to") or ""), region)
    try:
        sent_at: datetime | None = parsedate_to_datetime(str(sent.get("date_created") or ""))
    except (TypeError, ValueError):
        sent_at = None  # the provider gave no time: the time it was stored stands in
    return InboundMessage(
        channel_message_id=f"twilio:{sent['sid']}",
        sender=Identity("phone", ours),
        direction="out",
        recipients=(customer,),
        text=str(sent.get("body") or ""),
        sent_at=sent_at,
        conversation_id=f"{ours}|{customer.value}",
        in_reply_to=str(sent.get("in_reply_to") or "") or None,
    )


def sender_identity(sender: str, region: str) -> Identity:
    """E.164 phone identity; an alphanumeric sender id or short code becomes ``sms_sender``."""
    phone = normalise_phone(sender, region)
    if phone:
        return Identity("phone", phone)
    return Identity("sms_sender", sender.strip().lower()[:320])


def _attachment(item: Mapping[str, Any]) -> InboundAttachment:
    content_type = str(item.get("content_type") or "application/octet-stream")
    try:
        data = base64.b64decode(str(item.get("data") or ""), validate=True)
    except ValueError:
        raise PayloadError(f"MMS file {item.get('index')} is not base64") from None
    name = f"mms-{item.get('index', 0)}{_EXTENSIONS.get(content_type, '.bin')}"
    return InboundAttachment(name, content_type, data)


def _form_pairs(body: bytes) -> list[tuple[str, str]]:
    try:
        return parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body), max_num_fields=200)
    except (UnicodeDecodeError, ValueError) as error:
        raise PayloadError(f"body is not a form post: {error}") from None


def _url_variants(url: str) -> list[str]:
    """The configured URL, and the same with its default port added or removed (Twilio signs either)."""
    parts = urlsplit(url)
    default = _DEFAULT_PORTS.get(parts.scheme)
    host = parts.hostname or ""
    if parts.port is None and default:
        other = parts._replace(netloc=f"{_userinfo(parts)}{host}:{default}")
    elif parts.port == default:
        other = parts._replace(netloc=f"{_userinfo(parts)}{host}")
    else:
        return [url]
    return [url, urlunsplit(other)]


def _userinfo(parts: Any) -> str:
    return parts.netloc.rpartition("@")[0] + "@" if "@" in parts.netloc else ""


def _position(provider: str, message_id: str) -> int:
    """A positive 60-bit number per provider message id (the raw source ``uid``)."""
    return int(hashlib.sha256(f"{provider}:{message_id}".encode()).hexdigest()[:15], 16) or 1


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or _DEFAULT_PORTS.get(parts.scheme)


def _iso_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _api_error(response: httpx.Response) -> str:
    """The provider's own error text (code + message), never the request's credentials."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        return f"{body.get('code', '')} {body.get('message', '')}".strip()[:300]
    return str(body)[:200]


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


__all__: Sequence[str] = [
    "SmsConnector",
    "gateway_signature",
    "normalise_envelope",
    "parse_gateway_body",
    "parse_twilio_body",
    "twilio_signature",
]
