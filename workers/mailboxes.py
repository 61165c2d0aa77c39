"""Running the IMAP connector: one-shot sync and the long-lived IDLE loop."""

from __future__ import annotations

import json
import logging
import threading
import time
from datetime import timedelta

from connectors.imap import Backoff, ImapFolderReader, MailboxConfig
from hub.channels import ensure_channel
from hub.clock import utcnow
from hub.db import unit_of_work
from hub.ingest import stale_pending_raw_ids
from hub.mail_sync import sync_folder
from workers.queue import JobQueue, make_queue
from workers.channel_reply_sweeper import ChannelReplySweeper
from workers.reply_sweeper import ReplySweeper
from workers.runtime import Runtime

log = logging.getLogger(__name__)


def configured_mailboxes(runtime: Runtime) -> list[MailboxConfig]:
    """Mailboxes from ``HUB_MAILBOXES`` (a JSON list)."""
    if not runtime.settings.mailboxes.strip():
        return []
    return [MailboxConfig.from_dict(item) for item in json.loads(runtime.settings.mailboxes)]


def register_mailbox(runtime: Runtime, config: MailboxConfig) -> int:
    """Make sure the mailbox has a channel row (secrets are not stored there)."""
    public = {"host": config.host, "port": config.port, "username": config.username, "folders": list(config.folders)}
    with unit_of_work(runtime.factory) as session:
        return ensure_channel(session, kind="imap", name=config.name, address=config.address, config=public)


def sync_mailbox_once(runtime: Runtime, mailbox_name: str) -> dict[str, int]:
    """Sync every configured folder of one mailbox once."""
    config = next(m for m in configured_mailboxes(runtime) if m.name == mailbox_name)
    return sync_config_once(runtime, config)


def sync_config_once(runtime: Runtime, config: MailboxConfig, folders: list[str] | None = None) -> dict[str, int]:
    """Sync the given (or all existing configured) folders of a mailbox."""
    channel_id = register_mailbox(runtime, config)
    queue = make_queue(runtime)
    totals = {"fetched": 0, "new_raw_messages": 0, "enqueued": 0}
    with ImapFolderReader(config) as reader:
        for folder in folders or reader.existing_folders(config.folders):
            report = sync_folder(
                runtime.factory,
                runtime.blob_store,
                reader,
                channel_id,
                folder,
                queue.enqueue_ingest,
                batch_size=runtime.settings.imap_fetch_batch,
                delete_after_commit=config.delete_after_commit,
            )
            totals["fetched"] += report.fetched
            totals["new_raw_messages"] += report.new_raw_messages
            totals["enqueued"] += report.enqueued
    return totals


class FolderWatcher(threading.Thread):
    """Keeps one folder in sync: sync, then IDLE (or sleep) until news, repeat.

    Each folder has its own connection because IDLE watches only the selected
    folder. Errors reconnect with exponential backoff; other folders and
    mailboxes are unaffected.
    """

    def __init__(self, runtime: Runtime, config: MailboxConfig, folder: str, stop: threading.Event) -> None:
        super().__init__(name=f"imap-{config.name}-{folder}", daemon=True)
        self.runtime, self.config, self.folder, self.stop_event = runtime, config, folder, stop
        self.backoff = Backoff()
        self.last_error: str | None = None
        self.last_success: float | None = None

    def run(self) -> None:
        channel_id = register_mailbox(self.runtime, self.config)
        queue = make_queue(self.runtime)
        while not self.stop_event.is_set():
            try:
                with ImapFolderReader(self.config) as reader:
                    self._watch(reader, channel_id, queue)
            except Exception as error:  # IMAP or database trouble: back off, never die
                self.last_error = f"{type(error).__name__}: {error}"
                log.warning("event=imap_error mailbox=%s folder=%s error=%s", self.config.name, self.folder, self.last_error)
                self.backoff.wait(sleep=self.stop_event.wait)

    def _watch(self, reader: ImapFolderReader, channel_id: int, queue) -> None:  # type: ignore[no-untyped-def]
        settings = self.runtime.settings
        idle = reader.supports_idle()
        while not self.stop_event.is_set():
            sync_folder(self.runtime.factory, self.runtime.blob_store, reader, channel_id, self.folder, queue.enqueue_ingest,
                        batch_size=settings.imap_fetch_batch, delete_after_commit=self.config.delete_after_commit)
            self.backoff.reset()
            self.last_success = time.time()
            if idle:
                renew_at = time.monotonic() + settings.imap_idle_renew_seconds
                while not self.stop_event.is_set() and time.monotonic() < renew_at:
                    if reader.wait_for_change(min(settings.imap_poll_seconds, 5.0)):
                        break
            else:
                self.stop_event.wait(settings.imap_poll_seconds)


class PendingSweeper(threading.Thread):
    """Re-enqueues raw messages whose ingest request was lost (crash, Redis restart)."""

    def __init__(self, runtime: Runtime, stop: threading.Event, every_seconds: float = 30.0, grace_seconds: float = 60.0) -> None:
        super().__init__(name="pending-sweeper", daemon=True)
        self.runtime, self.stop_event = runtime, stop
        self.every, self.grace = every_seconds, grace_seconds

    def run(self) -> None:
        queue = make_queue(self.runtime)
        while not self.stop_event.wait(self.every):
            try:
                sweep_once(self.runtime, queue, self.grace)
            except Exception:  # the sweeper must survive a database outage
                log.exception("event=sweep_failed")


def sweep_once(runtime: Runtime, queue: JobQueue, grace_seconds: float) -> int:
    """One sweep: enqueue stale pending raw messages; returns how many.

    Only while no job is waiting: with a backlog, pending messages are simply
    queued, and re-enqueueing them every sweep would only multiply the work.
    """
    if queue.waiting():
        return 0
    with unit_of_work(runtime.factory) as session:
        ids = stale_pending_raw_ids(session, utcnow() - timedelta(seconds=grace_seconds))
    if ids:
        log.info("event=sweep_enqueued count=%d", len(ids))
        queue.enqueue_ingest(ids)
    return len(ids)


def run_forever(runtime: Runtime, stop: threading.Event) -> None:
    """``hub run``: a watcher per mailbox folder and the sweepers (raw messages, mail and channel replies), until ``stop``."""
    sweepers: list[threading.Thread] = [PendingSweeper(runtime, stop), ReplySweeper(runtime, stop), ChannelReplySweeper(runtime, stop)]
    threads: list[threading.Thread] = list(sweepers)
    for config in configured_mailboxes(runtime):
        with ImapFolderReader(config) as reader:
            folders = reader.existing_folders(config.folders)
        threads.extend(FolderWatcher(runtime, config, folder, stop) for folder in folders)
    for thread in threads:
        thread.start()
    log.info("event=run_started watchers=%d", len(threads) - len(sweepers))
    while not stop.wait(1.0):
        pass
    for thread in threads:
        thread.join(timeout=10)
