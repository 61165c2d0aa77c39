"""E-mail channels an admin added in the UI, for ``hub run`` beside the ``HUB_MAILBOXES`` ones.

Mailboxes from the environment register themselves by name on each run
(``workers.mailboxes.register_mailbox``, which rewrites the channel's config
from the environment). A UI channel must not go through that: its row holds
the form's settings and the sealed password. So these are addressed by
channel id, their secrets opened with the process's box, and every sync is
reported on the channel's health row (success with the count, or the error
with its backoff), which the admin page and ``/metrics`` show.
"""

from __future__ import annotations

import logging
import threading

from connectors.imap import EmailConnector, ImapFolderReader, MailboxConfig
from connectors.registry import default_registry
from hub import channel_health
from hub.channel_config import enabled_channels
from hub.connector_admin import connector_config, is_connector_layout
from hub.db import unit_of_work
from hub.mail_sync import sync_folder
from hub.secrets import SecretBox, SecretsUnavailable
from workers.queue import make_queue
from workers.runtime import Runtime

log = logging.getLogger(__name__)


def admin_mailboxes(runtime: Runtime, box: SecretBox) -> list[tuple[int, MailboxConfig]]:
    """Enabled UI e-mail channels as ``(channel id, MailboxConfig)``; a channel whose secrets cannot be opened is reported and skipped."""
    kinds = (EmailConnector.kind, *EmailConnector.aliases)
    found: list[tuple[int, MailboxConfig]] = []
    with unit_of_work(runtime.factory) as session:
        for channel in enabled_channels(session, kinds):
            if not is_connector_layout(channel):
                continue  # HUB_MAILBOXES: workers.mailboxes runs it
            try:
                connector = default_registry().create(connector_config(channel, box))
                assert isinstance(connector, EmailConnector)
                found.append((channel.id, connector.mailbox_config()))
            except (SecretsUnavailable, KeyError, ValueError) as error:
                channel_health.record_failure(session, channel.id, f"{type(error).__name__}: {error}")
                log.warning("event=mailbox_config_failed channel_id=%d error_class=%s", channel.id, type(error).__name__)
    return found


def sync_admin_mailbox_once(runtime: Runtime, channel_id: int, config: MailboxConfig) -> dict[str, int]:
    """Sync every configured folder of a UI mailbox once, recording success or failure on its health row."""
    if not _may_poll(runtime, channel_id):
        return {"skipped": 1}
    queue = make_queue(runtime)
    totals = {"fetched": 0, "new_raw_messages": 0, "enqueued": 0}
    try:
        with ImapFolderReader(config) as reader:
            for folder in reader.existing_folders(config.folders):
                report = sync_folder(
                    runtime.factory, runtime.blob_store, reader, channel_id, folder, queue.enqueue_ingest,
                    batch_size=runtime.settings.imap_fetch_batch, delete_after_commit=config.delete_after_commit,
                )
                for key in totals:
                    totals[key] += getattr(report, key)
    except Exception as error:  # noqa: BLE001 -- IMAP or network trouble: recorded, backed off, never fatal
        with unit_of_work(runtime.factory) as session:
            channel_health.record_failure(session, channel_id, f"{type(error).__name__}: {error}", secrets=[config.password])
        log.warning("event=mailbox_sync_failed channel_id=%d error_class=%s", channel_id, type(error).__name__)
        return {**totals, "failed": 1}
    with unit_of_work(runtime.factory) as session:
        channel_health.record_success(session, channel_id, messages=totals["new_raw_messages"])
    return totals


def _may_poll(runtime: Runtime, channel_id: int) -> bool:
    with unit_of_work(runtime.factory) as session:
        return channel_health.may_poll(session, channel_id)


class AdminMailboxes(threading.Thread):
    """``hub run``: polls every enabled UI mailbox, each in its own thread, looking for new ones each round.

    Polling (every ``imap_poll_seconds``) rather than IDLE keeps this apart
    from ``workers.mailboxes``; a broken mailbox waits out its health backoff
    in its own thread, so the others keep their pace.
    """

    def __init__(self, runtime: Runtime, stop: threading.Event) -> None:
        super().__init__(name="admin-mailboxes", daemon=True)
        self.runtime, self.stop_event = runtime, stop
        self.pollers: dict[int, threading.Thread] = {}

    def run(self) -> None:
        from workers.channels import secret_box

        while not self.stop_event.is_set():
            try:
                for channel_id, config in admin_mailboxes(self.runtime, secret_box(self.runtime)):
                    poller = self.pollers.get(channel_id)
                    if poller is None or not poller.is_alive():
                        poller = threading.Thread(target=self._poll, args=(channel_id, config), name=f"imap-channel-{channel_id}", daemon=True)
                        self.pollers[channel_id] = poller
                        poller.start()
            except Exception as error:  # noqa: BLE001 -- database or key trouble: try again next round
                log.warning("event=admin_mailboxes_discovery_failed error_class=%s", type(error).__name__)
            self.stop_event.wait(self.runtime.settings.imap_poll_seconds)

    def _poll(self, channel_id: int, config: MailboxConfig) -> None:
        """One mailbox until it is switched off, changed or deleted (then the next round starts it afresh)."""
        while not self.stop_event.is_set():
            if not _still_configured(self.runtime, channel_id, config):
                return
            sync_admin_mailbox_once(self.runtime, channel_id, config)
            self.stop_event.wait(self.runtime.settings.imap_poll_seconds)


def _still_configured(runtime: Runtime, channel_id: int, config: MailboxConfig) -> bool:
    from workers.channels import secret_box

    try:
        return dict(admin_mailboxes(runtime, secret_box(runtime))).get(channel_id) == config
    except Exception:  # noqa: BLE001 -- unsure: stop; the supervisor restarts it when it can read the channel again
        return False
