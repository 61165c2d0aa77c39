"""Telegram bots (python-telegram-bot): long polling or webhook in, ``sendMessage`` out.

The raw payload of one update is an *envelope*: the update's JSON plus the
bytes of every photo or document it carries, downloaded through ``getFile``
at receive time (Bot API file links expire; the envelope must still read in
ten years). The envelope is canonical JSON, so the same update always gives
the same bytes and a second delivery dedupes by content hash as well as by
its ``update_id`` (the raw source position).

Ids: a Telegram message id is unique per chat, and a user has one chat per
bot, so a message is ``"<bot id>/<chat id>/<message id>"`` and a chat (the
conversation every message of it is threaded into) ``"<bot id>/<chat id>"``.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
import json
import logging
import warnings
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import phonenumbers
from telegram import Bot, ReplyParameters
from telegram.error import TelegramError
from telegram.request import HTTPXRequest

from connectors.base import (
    load_envelope,
    ConfigField,
    ConnectorBase,
    ConnectorError,
    Identity,
    InboundAttachment,
    InboundMessage,
    OutgoingReply,
    PayloadError,
    PollResult,
    RawPayload,
    SentReceipt,
    WebhookRejected,
)

log = logging.getLogger(__name__)

ENVELOPE_FORMAT = "kontakt-hub/telegram-update/1"
#: The header Telegram sends with every webhook request when ``setWebhook`` got a ``secret_token``.
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Raw sources of this connector: one cursor (the last committed ``update_id``) per channel.
UPDATES_FOLDER = "updates"
#: Copies of the messages the hub sent. Telegram message ids repeat across chats, so these raws
#: have no position of their own (intake derives one from the content hash).
SENT_FOLDER = "sent"
#: Update types the hub asks for: everything else carries no customer message.
ALLOWED_UPDATES = ("message", "edited_message")
DEFAULT_API_URL = "https://api.telegram.org"
#: The Bot API's own download limit for ``getFile``.
BOT_API_FILE_LIMIT_MB = 20

T = TypeVar("T")


class TelegramConnector(ConnectorBase):
    """One Telegram bot: the hub's side of every chat customers open with it."""

    kind = "telegram"
    label = "Telegram bot"
    folder = UPDATES_FOLDER
    #: sendMessage's limit.
    max_reply_chars = 4096
    config_schema = (
        ConfigField("bot_token", "Bot token", type="password", required=True, secret=True, help="From @BotFather, e.g. 123456:ABC-DEF..."),
        ConfigField("mode", "Receive by", type="choice", choices=("polling", "webhook"), default="polling",
                    help="Polling needs no public URL; a webhook needs the hub reachable over HTTPS."),
        ConfigField("webhook_secret", "Webhook secret", type="password", secret=True,
                    help="Sent by Telegram in every webhook request (1-256 of A-Z a-z 0-9 _ -). Required for webhook mode."),
        ConfigField("api_url", "Bot API server", type="url", default=DEFAULT_API_URL, help="Change only for a self-hosted Bot API server."),
        ConfigField("poll_timeout", "Long-poll seconds", type="integer", default=25),
        ConfigField("max_file_mb", "Largest file to download (MB)", type="integer", default=BOT_API_FILE_LIMIT_MB),
    )

    @classmethod
    def check_config(cls, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> dict[str, str]:
        """A token shaped like ``<bot id>:<secret>``; a webhook secret in webhook mode."""
        errors: dict[str, str] = {}
        token = secrets.get("bot_token", "")
        if token and not _bot_id_of(token):
            errors["bot_token"] = "a bot token looks like 123456:ABC-DEF..."
        secret = secrets.get("webhook_secret", "")
        if settings.get("mode") == "webhook" and not secret:
            errors["webhook_secret"] = "required for webhook mode"
        if secret and not (len(secret) <= 256 and all(c.isascii() and (c.isalnum() or c in "_-") for c in secret)):
            errors["webhook_secret"] = "1-256 characters of A-Z, a-z, 0-9, _ and -"
        return errors

    def wants_polling(self) -> bool:
        """Telegram delivers either by getUpdates or by webhook, never both (getUpdates fails while a webhook is set)."""
        return (self.channel.settings.get("mode") or "polling") == "polling"

    # -- connection -----------------------------------------------------------------------------

    @property
    def token(self) -> str:
        token = self.channel.secrets.get("bot_token", "")
        if not token:
            raise ConnectorError(f"channel {self.channel.name!r} has no bot token")
        return token

    @property
    def bot_id(self) -> str:
        """The numeric id in front of the token: stable for the bot's life."""
        return _bot_id_of(self.token)

    def _bot(self) -> Bot:
        api_url = str(self.channel.settings.get("api_url") or DEFAULT_API_URL).rstrip("/")
        timeout = float(self.channel.settings.get("poll_timeout") or 25)
        return Bot(
            self.token,
            base_url=f"{api_url}/bot",
            base_file_url=f"{api_url}/file/bot",
            request=HTTPXRequest(connect_timeout=10.0, read_timeout=30.0),
            # Long polling holds the connection open for up to ``timeout`` seconds.
            get_updates_request=HTTPXRequest(connect_timeout=10.0, read_timeout=timeout + 10.0),
        )

    def _run(self, work: Callable[[Bot], Awaitable[T]]) -> T:
        """Run one piece of Bot API work on a fresh event loop (the hub is synchronous)."""

        async def session() -> T:
            async with self._bot() as bot:
                return await work(bot)

        try:
            return asyncio.run(session())
        except TelegramError as error:
            # The library's messages never include the token; ours must not either.
            raise ConnectorError(f"Telegram Bot API: {type(error).__name__}: {error}") from error

    def test_connection(self) -> str:
        """``getMe``: proves the token and the server."""
        me = self._run(lambda bot: bot.get_me())
        mode = self.channel.settings.get("mode") or "polling"
        return f"bot @{me.username} (id {me.id}) reachable; receiving by {mode}"

    def set_webhook(self, url: str) -> str:
        """Point Telegram at ``url`` with this channel's secret (webhook mode)."""
        secret = self.channel.secrets.get("webhook_secret", "")
        if not secret:
            raise ConnectorError("webhook mode needs a webhook secret")
        self._run(lambda bot: bot.set_webhook(url, secret_token=secret, allowed_updates=list(ALLOWED_UPDATES)))
        return f"webhook set to {url}"

    # -- receiving ----------------------------------------------------------------------------

    def poll(self, cursor: int) -> PollResult:
        """``getUpdates`` after the last committed ``update_id``, with files downloaded.

        Passing ``offset = cursor + 1`` is what confirms earlier updates to
        Telegram, and the cursor only moves after the payloads are committed:
        a crash in between fetches the same updates again, which dedupe.
        """
        timeout = int(self.channel.settings.get("poll_timeout") or 25)

        async def work(bot: Bot) -> list[RawPayload]:
            api_kwargs: dict[str, Any] = {"timeout": timeout, "allowed_updates": json.dumps(list(ALLOWED_UPDATES))}
            if cursor:
                api_kwargs["offset"] = cursor + 1
            with warnings.catch_warnings():
                # The typed get_updates would rebuild the JSON from objects; the hub keeps Telegram's own.
                warnings.simplefilter("ignore")
                updates = await bot.do_api_request("getUpdates", api_kwargs=api_kwargs, read_timeout=timeout + 10.0)
            if not isinstance(updates, list):
                raise ConnectorError(f"getUpdates answered {type(updates).__name__}, not a list")
            return [await self._payload(bot, update, strict=False) for update in updates]

        payloads = self._run(work)
        next_cursor = max([cursor, *(payload.position for payload in payloads)])
        return PollResult(tuple(payloads), next_cursor)

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> None:
        """The secret header must equal the configured secret (constant-time compare)."""
        expected = self.channel.secrets.get("webhook_secret", "")
        given = _header(headers, SECRET_HEADER)
        if not expected:
            raise WebhookRejected("this channel has no webhook secret configured")
        if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
            raise WebhookRejected("wrong or missing secret token")

    def parse_webhook(self, headers: Mapping[str, str], body: bytes) -> list[RawPayload]:
        """One update per request; files are fetched now so the payload is complete."""
        update = parse_update(body)
        if not file_refs(update):
            # Nothing to download: no Bot, no event loop, no getMe round trip to Telegram, no TLS contexts.
            return [self._envelope(update, [], [])]
        return [self._run(lambda bot: self._payload(bot, update))]

    def webhook_position(self, body: bytes) -> int:
        """The ``update_id`` of a webhook body, to skip a known delivery before downloading anything."""
        return int(parse_update(body)["update_id"])

    async def _payload(self, bot: Bot, update: Any, *, strict: bool = True) -> RawPayload:
        """The envelope of one update, its files downloaded.

        A webhook refuses a malformed update (``strict``: 400, nothing kept).
        Polling keeps it: refusing would stall the channel on that update
        forever, so it is stored as it came and ingest quarantines it with the
        reason. Only an update without a usable ``update_id`` cannot be kept.
        """
        try:
            check_update(update)
            refs = file_refs(update)
        except PayloadError:
            if strict or not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
                raise
            refs = []
        files, failures = [], []
        limit = int(self.channel.settings.get("max_file_mb") or BOT_API_FILE_LIMIT_MB) * 1024 * 1024
        for ref in refs:
            if ref["file_size"] and ref["file_size"] > limit:
                failures.append({"file_unique_id": ref["file_unique_id"], "reason": f"{ref['file_size']} bytes is over the {limit} byte limit"})
                continue
            try:
                telegram_file = await bot.get_file(ref["file_id"])
                data = bytes(await telegram_file.download_as_bytearray())
            except TelegramError as error:
                # The message is kept without the file, and the envelope says why.
                failures.append({"file_unique_id": ref["file_unique_id"], "reason": f"{type(error).__name__}: {error}"})
                log.warning("event=telegram_file_failed channel_id=%s update_id=%s error=%s", self.channel.id, update["update_id"], type(error).__name__)
                continue
            files.append({"file_unique_id": ref["file_unique_id"], "data": base64.b64encode(data).decode("ascii")})
        return self._envelope(update, files, failures)

    def _envelope(self, update: Any, files: list[dict[str, Any]], failures: list[dict[str, Any]]) -> RawPayload:
        envelope = {"format": ENVELOPE_FORMAT, "bot_id": self.bot_id, "update": update, "files": files, "file_failures": failures}
        update_id = int(update["update_id"])
        return RawPayload(data=canonical_json(envelope), position=update_id, folder=UPDATES_FOLDER, source_ref=f"telegram update {update_id}")

    # -- normalising ----------------------------------------------------------------------------

    def normalise(self, raw: bytes) -> InboundMessage:
        """An envelope -> message; see :func:`normalise_envelope`."""
        return normalise_envelope(raw)

    # -- sending ------------------------------------------------------------------------------

    def send_reply(self, reply: OutgoingReply) -> SentReceipt:
        """``sendMessage`` into the chat, as a Telegram reply to the message answered when known."""
        bot_id, chat_id = _split_conversation(reply.conversation_id) if reply.conversation_id else (self.bot_id, reply.recipient.value)
        if bot_id != self.bot_id:
            raise ConnectorError(f"conversation {reply.conversation_id} belongs to bot {bot_id}, not to this channel's bot {self.bot_id}")
        parameters = None
        parent = (reply.in_reply_to or "").split("#", 1)[0].split("/")
        if len(parent) == 3 and parent[0] == bot_id and parent[1] == chat_id and parent[2].isdigit():
            parameters = ReplyParameters(message_id=int(parent[2]), allow_sending_without_reply=True)
        sent = self._run(lambda bot: bot.send_message(chat_id=int(chat_id), text=reply.text, reply_parameters=parameters))
        return SentReceipt(
            channel_message_id=message_key(self.bot_id, sent.chat.id, sent.message_id),
            detail=f"telegram message {sent.message_id}",
            sent_copy=self.sent_copy(sent.to_dict(), parameters.message_id if parameters else None),
        )

    def sent_copy(self, message: dict[str, Any], reply_to: int | None) -> RawPayload:
        """Our sent message as an envelope (update id 0, folder ``sent``), so it is kept and ingested like the rest."""
        message = dict(message)
        if reply_to is not None and "reply_to_message" not in message:
            message["reply_to_message"] = {"message_id": reply_to, "chat": message["chat"], "date": message["date"]}
        envelope = {"format": ENVELOPE_FORMAT, "bot_id": self.bot_id, "update": {"update_id": 0, "message": message}, "files": [], "file_failures": []}
        return RawPayload(data=canonical_json(envelope), position=0, folder=SENT_FOLDER, source_ref=f"telegram sent message {message['message_id']}")


# -- pure helpers (no network): usable without a channel --------------------------------------------


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def parse_update(body: bytes) -> dict[str, Any]:
    """A webhook body as an update dict; raises :class:`PayloadError` saying what is wrong."""
    try:
        update = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise PayloadError(f"body is not JSON: {error}") from None
    check_update(update)
    return update


def check_update(update: Any) -> None:
    """The minimum an update must have for the hub to keep it: an object with an integer ``update_id``."""
    if not isinstance(update, dict):
        raise PayloadError(f"an update is a JSON object, got {type(update).__name__}")
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool) or update_id < 0:
        raise PayloadError("update has no integer update_id")
    message = update.get("message") or update.get("edited_message")
    if message is not None:
        if not isinstance(message, dict):
            raise PayloadError(f"update {update_id}: message is not an object")
        for key in ("message_id", "date"):
            if not isinstance(message.get(key), int):
                raise PayloadError(f"update {update_id}: message has no integer {key}")
        chat = message.get("chat")
        if not isinstance(chat, dict) or not isinstance(chat.get("id"), int):
            raise PayloadError(f"update {update_id}: message has no chat id")


def file_refs(update: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The files an update's message carries: the largest photo size, a document, audio, video, voice."""
    message = update.get("message") or update.get("edited_message") or {}
    refs: list[dict[str, Any]] = []
    photo = message.get("photo")
    if isinstance(photo, list) and photo:
        biggest = max(photo, key=lambda size: (size.get("width", 0) * size.get("height", 0), size.get("file_size") or 0))
        refs.append(_ref(biggest, f"photo_{biggest.get('file_unique_id', 'file')}.jpg", "image/jpeg"))
    for key, default_type in (("document", "application/octet-stream"), ("audio", "audio/mpeg"), ("video", "video/mp4"), ("voice", "audio/ogg")):
        item = message.get(key)
        if isinstance(item, dict) and item.get("file_id"):
            name = item.get("file_name") or f"{key}_{item.get('file_unique_id', 'file')}"
            refs.append(_ref(item, name, item.get("mime_type") or default_type))
    return refs


def _ref(item: Mapping[str, Any], filename: str, content_type: str) -> dict[str, Any]:
    return {
        "file_id": str(item.get("file_id", "")),
        "file_unique_id": str(item.get("file_unique_id") or item.get("file_id", "")),
        "file_size": int(item.get("file_size") or 0),
        "filename": filename,
        "content_type": content_type,
    }


def message_key(bot_id: str | int, chat_id: str | int, message_id: str | int) -> str:
    """The hub's id of one Telegram message."""
    return f"{bot_id}/{chat_id}/{message_id}"


def conversation_key(bot_id: str | int, chat_id: str | int) -> str:
    """The hub's id of one chat with one bot."""
    return f"{bot_id}/{chat_id}"


def normalise_envelope(raw: bytes) -> InboundMessage:
    """An envelope's message as an :class:`InboundMessage`, attachments from the envelope's bytes."""
    envelope = load_envelope(raw, ENVELOPE_FORMAT, "telegram")
    bot_id, update = str(envelope.get("bot_id", "")), envelope.get("update")
    if not bot_id.isdigit():
        raise PayloadError("telegram envelope has no bot id")
    check_update(update)
    edited = "message" not in update and "edited_message" in update
    message = update.get("edited_message") if edited else update.get("message")
    if not isinstance(message, dict):
        kinds = sorted(key for key in update if key != "update_id")
        raise PayloadError(f"telegram update {update['update_id']} carries no message (it is a {', '.join(kinds) or 'empty'} update)")
    sender = message.get("from")
    if not isinstance(sender, dict) or not isinstance(sender.get("id"), int):
        raise PayloadError(f"telegram update {update['update_id']}: message has no sender")
    chat_id = message["chat"]["id"]
    key = message_key(bot_id, chat_id, message["message_id"])
    identities = []
    if sender.get("username"):
        # The form nlp.signals gives a handle found in a mail signature ("Telegram: @anna_w"), so both meet.
        identities.append(Identity("messenger_id", f"telegram:{str(sender['username']).lower()}"))
    text = message.get("text") or message.get("caption") or ""
    shared = message.get("contact")
    if isinstance(shared, dict) and shared.get("phone_number"):
        phone = _e164(str(shared["phone_number"]))
        if phone and shared.get("user_id") == sender["id"]:
            identities.append(Identity("phone", phone))
        text = text or f"Shared a phone number: {phone or shared['phone_number']}"
    parent = message.get("reply_to_message")
    outgoing = bool(sender.get("is_bot")) and str(sender["id"]) == bot_id
    files = {item["file_unique_id"]: item["data"] for item in envelope.get("files", []) if isinstance(item, dict)}
    attachments = tuple(
        InboundAttachment(ref["filename"], ref["content_type"], base64.b64decode(files[ref["file_unique_id"]]))
        for ref in file_refs(update)
        if ref["file_unique_id"] in files
    )
    missing = [failure for failure in envelope.get("file_failures", []) if isinstance(failure, dict)]
    if missing:
        text = (text + "\n\n" if text else "") + "\n".join(f"[file not downloaded: {failure.get('reason', '')}]" for failure in missing)
    when = message.get("edit_date") if edited and isinstance(message.get("edit_date"), int) else message["date"]
    return InboundMessage(
        channel_message_id=f"{key}#edit{when}" if edited else key,
        sender=Identity("telegram", str(sender["id"])),
        sender_name=" ".join(part for part in (sender.get("first_name"), sender.get("last_name")) if part) or str(sender.get("username") or sender["id"]),
        extra_identities=tuple(identities),
        direction="out" if outgoing else "in",
        recipients=(Identity("telegram", str(chat_id)),) if outgoing and message["chat"].get("type") == "private" else (),
        text=text,
        sent_at=datetime.fromtimestamp(when, UTC),
        conversation_id=conversation_key(bot_id, chat_id),
        in_reply_to=message_key(bot_id, chat_id, parent["message_id"]) if isinstance(parent, dict) and isinstance(parent.get("message_id"), int) else None,
        attachments=attachments,
        edit_of=key if edited else None,
    )


def _e164(number: str) -> str | None:
    # Telegram sends numbers without "+" (e.g. "4915112345678"); they are international.
    try:
        parsed = phonenumbers.parse(number if number.startswith("+") else f"+{number}", None)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) if phonenumbers.is_possible_number(parsed) else None


def _bot_id_of(token: str) -> str:
    bot_id, _, rest = token.partition(":")
    return bot_id if bot_id.isdigit() and rest else ""


def _split_conversation(conversation_id: str) -> tuple[str, str]:
    bot_id, _, chat_id = conversation_id.partition("/")
    if not bot_id or not chat_id:
        raise ConnectorError(f"not a telegram conversation id: {conversation_id!r}")
    return bot_id, chat_id


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, whatever the mapping's case handling."""
    value = headers.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


__all__: Sequence[str] = ["TelegramConnector", "normalise_envelope", "parse_update", "SECRET_HEADER", "UPDATES_FOLDER"]
