"""IMAP connector (imapclient): read-only folder access, fetch by UID, IDLE.

It only reads: folders are selected read-only and bodies fetched with
``BODY.PEEK[]`` so no ``\\Seen`` flag is set. Deleting happens only through
:meth:`ImapFolderReader.delete`, which sync calls only for mailboxes
configured to delete, after the raw bytes are committed.
"""

from __future__ import annotations

import logging
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from imapclient import IMAPClient

from connectors.base import (
    ConfigField,
    ConnectorBase,
    ConnectorError,
    Identity,
    InboundAttachment,
    InboundMessage,
    PayloadError,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailboxConfig:
    """One IMAP mailbox the hub watches."""

    name: str
    host: str
    username: str
    password: str = field(repr=False)
    port: int = 993
    use_ssl: bool = True
    folders: tuple[str, ...] = ("INBOX", "Sent")
    #: Our own address in this mailbox: mail from it is outgoing.
    address: str | None = None
    delete_after_commit: bool = False
    timeout: float = 60.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MailboxConfig:
        """Build from settings JSON (``HUB_MAILBOXES``)."""
        values = dict(data)
        if "folders" in values:
            values["folders"] = tuple(values["folders"])
        return cls(**values)


class ImapFolderReader:
    """A logged-in IMAP connection implementing :class:`hub.mail_sync.FolderReader`."""

    kind = "email"

    def __init__(self, config: MailboxConfig) -> None:
        self.config = config
        self.client = connect(config)
        self._folder: str | None = None
        self._writable = False

    def close(self) -> None:
        """Log out, ignoring a connection that is already gone."""
        try:
            self.client.logout()
        except (OSError, EOFError, IMAPClient.Error):
            pass

    def __enter__(self) -> ImapFolderReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def existing_folders(self, wanted: Sequence[str]) -> list[str]:
        """The configured folders that exist on the server (Sent may not)."""
        names = {name for _flags, _sep, name in self.client.list_folders()}
        return [folder for folder in wanted if folder in names]

    def open_folder(self, folder: str) -> int:
        info = self.client.select_folder(folder, readonly=True)
        self._folder, self._writable = folder, False
        return int(info[b"UIDVALIDITY"])

    def uids_after(self, last_uid: int) -> list[int]:
        # "N:*" always includes the highest UID even when it is below N
        # (RFC 3501 6.4.8), so filter explicitly.
        return sorted(uid for uid in self.client.search(["UID", f"{last_uid + 1}:*"]) if uid > last_uid)

    def fetch(self, uids: Sequence[int]) -> dict[int, bytes]:
        if not uids:
            return {}
        response = self.client.fetch(list(uids), [b"BODY.PEEK[]"])
        return {uid: bytes(data[b"BODY[]"]) for uid, data in response.items() if b"BODY[]" in data}

    def delete(self, uids: Sequence[int]) -> None:
        if not self._writable and self._folder is not None:
            self.client.select_folder(self._folder, readonly=False)
            self._writable = True
        self.client.delete_messages(list(uids))
        self.client.uid_expunge(list(uids)) if self.client.has_capability("UIDPLUS") else self.client.expunge()

    def supports_idle(self) -> bool:
        """Whether the server advertises IDLE (RFC 2177)."""
        return bool(self.client.has_capability("IDLE"))

    def wait_for_change(self, seconds: float) -> bool:
        """IDLE on the selected folder up to ``seconds``; True if the server reported news.

        The caller renews IDLE well before the 29-minute limit of RFC 2177 by
        passing a shorter ``seconds`` and calling again.
        """
        self.client.idle()
        try:
            responses = self.client.idle_check(timeout=seconds)
        finally:
            self.client.idle_done()
        return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)

    def test_connection(self) -> str:
        """Say what the server offers; raises on failure."""
        folders = self.existing_folders(self.config.folders)
        return f"logged in to {self.config.host}:{self.config.port}; folders {folders}; IDLE={'yes' if self.supports_idle() else 'no'}"


def connect(config: MailboxConfig) -> IMAPClient:
    """Open and log in a connection."""
    context = ssl.create_default_context() if config.use_ssl else None
    client = IMAPClient(config.host, port=config.port, ssl=config.use_ssl, ssl_context=context, timeout=config.timeout)
    try:
        client.login(config.username, config.password)
    except Exception:
        client.shutdown()
        raise
    return client


class Backoff:
    """Exponential backoff with a cap, reset after success."""

    def __init__(self, first: float = 0.5, cap: float = 60.0) -> None:
        self.first, self.cap, self.current = first, cap, first

    def wait(self, sleep=time.sleep) -> float:  # type: ignore[no-untyped-def]
        """Sleep the current delay and double it for next time."""
        delay = self.current
        sleep(delay)
        self.current = min(self.cap, self.current * 2)
        return delay

    def reset(self) -> None:
        """Back to the first delay after a success."""
        self.current = self.first


class EmailConnector(ConnectorBase):
    """E-mail under the common connector contract (entry point ``email``).

    Mail keeps its own sync machinery (``hub.mail_sync``: one cursor per IMAP
    folder, IDLE) and its own fast path in the pipeline; this class is what
    the registry and the admin form see: the configuration schema, the
    connection test and a channel-neutral reading of one mail.
    """

    kind = "email"
    label = "E-mail (IMAP)"
    aliases = ("imap",)
    config_schema = (
        ConfigField("host", "IMAP server", required=True, help="Host name of the IMAP server."),
        ConfigField("port", "Port", type="integer", default=993),
        ConfigField("use_ssl", "Use TLS (IMAPS)", type="boolean", default=True),
        ConfigField("username", "User name", required=True),
        ConfigField("password", "Password", type="password", required=True, secret=True),
        ConfigField("folders", "Folders", default="INBOX, Sent", help="Comma-separated folder names to watch."),
        ConfigField("address", "Our address", help="Mail from this address is outgoing history."),
        ConfigField("delete_after_commit", "Delete from the server after storing", type="boolean", default=False),
    )

    def mailbox_config(self) -> MailboxConfig:
        """The :class:`MailboxConfig` this channel describes."""
        settings = self.channel.settings
        folders = settings.get("folders") or ("INBOX", "Sent")
        if isinstance(folders, str):
            folders = [name.strip() for name in folders.split(",") if name.strip()]
        return MailboxConfig(
            name=self.channel.name,
            host=str(settings["host"]),
            username=str(settings["username"]),
            password=self.channel.secrets.get("password", ""),
            port=int(settings.get("port") or 993),
            use_ssl=bool(settings.get("use_ssl", True)),
            folders=tuple(folders),
            address=settings.get("address") or self.channel.address,
            delete_after_commit=bool(settings.get("delete_after_commit", False)),
        )

    def test_connection(self) -> str:
        """Log in and list the folders; raises :class:`ConnectorError` with the server's answer."""
        try:
            with ImapFolderReader(self.mailbox_config()) as reader:
                return reader.test_connection()
        except (OSError, EOFError, IMAPClient.Error, KeyError) as error:
            raise ConnectorError(f"IMAP connection failed: {type(error).__name__}: {error}") from error

    def normalise(self, raw: bytes) -> InboundMessage:
        """A mail as a channel-neutral message (the pipeline itself uses the faster mail path)."""
        from hub.parsing import MailParseError, parse_mail_with_repair

        try:
            parsed = parse_mail_with_repair(raw)
        except MailParseError as error:
            raise PayloadError(str(error)) from error
        sender = parsed.sender.address if parsed.sender else ""
        return InboundMessage(
            channel_message_id=parsed.message_id or "",
            sender=Identity("email", sender),
            sender_name=parsed.sender.name if parsed.sender else "",
            subject=parsed.subject,
            text=parsed.text,
            html=parsed.html,
            sent_at=parsed.date,
            in_reply_to=parsed.in_reply_to[0] if parsed.in_reply_to else None,
            attachments=tuple(InboundAttachment(a.filename, a.content_type, a.data) for a in parsed.attachments),
        )
