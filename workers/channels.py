"""Running connector channels in ``hub run``: a polling thread per channel, and reply sending.

Each polling channel (e.g. a Telegram bot in polling mode) gets its own
thread, so a long poll or a failing service holds up nobody else, and mail
sync runs beside them untouched. A failure is recorded on the channel's
health row (``hub.channel_health``), which also holds its backoff: the
thread waits until then, and an admin fixing the configuration clears it.
A supervisor looks for channels switched on, added or removed every
:data:`DISCOVER_SECONDS`.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from sqlalchemy.orm import Session

from connectors.base import ConnectorBase
from connectors.registry import UnknownConnector, default_registry
from hub import channel_health
from hub.channel_config import enabled_channels, is_enabled, to_channel_config
from hub.channel_intake import PollReport, poll_once
from hub.clock import utcnow
from hub.connector_admin import connector_config
from hub.db import unit_of_work
from hub.models import Channel, ChannelHealth
from hub.secrets import SecretBox, load_box
from workers.queue import make_queue
from workers.runtime import Runtime

log = logging.getLogger(__name__)

#: How often the supervisor looks for new or switched-on polling channels.
DISCOVER_SECONDS = 30.0
#: Pause after an empty poll, for connectors whose poll returns at once (no long polling).
IDLE_SECONDS = 1.0
#: Longest single wait, so ``stop`` is noticed and an admin's reset takes effect soon.
MAX_WAIT_SECONDS = 5.0


def secret_box(runtime: Runtime) -> SecretBox:
    """The box that opens channel secrets for this process."""
    settings = runtime.settings
    return load_box(settings.secrets_key.get_secret_value(), settings.secrets_key_file())


def build_connector(session: Session, channel_id: int, box: SecretBox) -> ConnectorBase:
    """The channel's connector with its secrets opened (raises when the channel or its connector is gone)."""
    channel = session.get(Channel, channel_id)
    if channel is None:
        raise LookupError(f"no channel #{channel_id}")
    return default_registry().create(connector_config(channel, box))


def polling_channel_ids(session: Session) -> list[int]:
    """Enabled channels whose connector wants to be polled."""
    registry = default_registry()
    kinds = tuple({kind for cls in registry.classes() if cls.can_poll() for kind in (cls.kind, *cls.aliases)})
    found = []
    for channel in enabled_channels(session, kinds):
        cls = registry.get(channel.kind)
        if cls.kind == "email":
            continue  # mailboxes have their own IDLE watchers (workers.mailboxes)
        if cls.from_channel(to_channel_config(channel)).wants_polling():
            found.append(channel.id)
    return found


def poll_channel(runtime: Runtime, channel_id: int, box: SecretBox) -> PollReport | None:
    """One poll of one channel, recorded on its health row; None when it is not to be polled now."""
    with unit_of_work(runtime.factory) as session:
        channel = session.get(Channel, channel_id)
        if channel is None or not is_enabled(channel) or not channel_health.may_poll(session, channel_id):
            return None
        connector = build_connector(session, channel_id, box)
    secrets = list(connector.channel.secrets.values())
    try:
        with connector:
            if not connector.wants_polling():
                return None
            report = poll_once(runtime.factory, runtime.blob_store, connector, make_queue(runtime).enqueue_ingest)
    except Exception as error:
        with unit_of_work(runtime.factory) as session:
            until = channel_health.record_failure(session, channel_id, f"{type(error).__name__}: {error}", secrets=secrets)
        log.warning("event=channel_poll_failed channel_id=%d kind=%s error=%s backoff_until=%s", channel_id, connector.kind, type(error).__name__, until.isoformat())
        raise
    with unit_of_work(runtime.factory) as session:
        channel_health.record_success(session, channel_id, messages=report.new_raw_messages)
    return report


class ChannelPoller(threading.Thread):
    """Polls one channel until it is switched off, removed, or ``stop`` is set."""

    def __init__(self, runtime: Runtime, channel_id: int, stop: threading.Event, box: SecretBox) -> None:
        super().__init__(name=f"channel-poller-{channel_id}", daemon=True)
        self.runtime, self.channel_id, self.stop_event, self.box = runtime, channel_id, stop, box

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                report = poll_channel(self.runtime, self.channel_id, self.box)
            except (LookupError, UnknownConnector):
                log.info("event=channel_poller_stopped channel_id=%d reason=gone", self.channel_id)
                return
            except Exception:  # recorded with its backoff in poll_channel: wait it out, never die
                self.stop_event.wait(min(MAX_WAIT_SECONDS, self._backoff_left()))
                continue
            if report is None:
                if not self._still_wanted():
                    log.info("event=channel_poller_stopped channel_id=%d reason=disabled", self.channel_id)
                    return
                self.stop_event.wait(min(MAX_WAIT_SECONDS, max(IDLE_SECONDS, self._backoff_left())))
            elif report.fetched == 0:
                self.stop_event.wait(IDLE_SECONDS)

    def _backoff_left(self) -> float:
        with unit_of_work(self.runtime.factory) as session:
            health = session.get(ChannelHealth, self.channel_id)
            until: datetime | None = health.backoff_until if health is not None else None
        return max(0.0, (until - utcnow()).total_seconds()) if until else IDLE_SECONDS

    def _still_wanted(self) -> bool:
        with unit_of_work(self.runtime.factory) as session:
            return self.channel_id in polling_channel_ids(session)


class ChannelPollers(threading.Thread):
    """Starts a :class:`ChannelPoller` for every polling channel, now and as channels are added."""

    def __init__(self, runtime: Runtime, stop: threading.Event, every_seconds: float = DISCOVER_SECONDS) -> None:
        super().__init__(name="channel-pollers", daemon=True)
        self.runtime, self.stop_event, self.every = runtime, stop, every_seconds
        self.pollers: dict[int, ChannelPoller] = {}

    def run(self) -> None:
        box: SecretBox | None = None
        while True:
            try:
                box = box or secret_box(self.runtime)
                self.discover(box)
            except Exception:  # the supervisor must survive a database outage or a missing key
                log.exception("event=channel_discovery_failed")
            if self.stop_event.wait(self.every):
                break
        for poller in self.pollers.values():
            poller.join(timeout=10)

    def discover(self, box: SecretBox) -> list[int]:
        """Start pollers for channels that have none running; returns the ids started."""
        with unit_of_work(self.runtime.factory) as session:
            wanted = polling_channel_ids(session)
        started = []
        for channel_id in wanted:
            running = self.pollers.get(channel_id)
            if running is None or not running.is_alive():
                self.pollers[channel_id] = ChannelPoller(self.runtime, channel_id, self.stop_event, box)
                self.pollers[channel_id].start()
                started.append(channel_id)
        if started:
            log.info("event=channel_pollers_started channel_ids=%s", ",".join(map(str, started)))
        return started


def enqueue_channel_reply(runtime: Runtime, reply_id: int) -> None:
    """Send a queued channel reply: now in-process (failure stays on the row), or on RQ with retries."""
    from workers import jobs

    if runtime.settings.jobs_in_process:
        try:
            jobs.send_channel_reply_job(reply_id)
        except Exception as error:  # noqa: BLE001 -- recorded on the reply; the agent retries
            log.warning("event=channel_reply_failed_in_process reply_id=%d error_class=%s", reply_id, type(error).__name__)
        return
    from rq import Queue, Retry

    Queue(runtime.settings.queue_name, connection=runtime.redis()).enqueue(
        jobs.send_channel_reply_job,
        reply_id,
        job_id=channel_reply_job_id(reply_id),  # one known id: the sweeper asks whether the job still exists
        retry=Retry(max=5, interval=[10, 30, 120, 600, 1800]),
        job_timeout=300,
        result_ttl=3600,
        failure_ttl=7 * 24 * 3600,
    )


def channel_reply_job_id(reply_id: int) -> str:
    """The RQ job id of a channel reply's send job."""
    return f"send-channel-reply-{reply_id}"


def channel_reply_in_flight(runtime: Runtime, reply_id: int) -> bool:
    """Whether a send job for this reply is waiting, running or scheduled for a retry (never, in-process)."""
    if runtime.settings.jobs_in_process:
        return False  # the job ran inside enqueue: nothing is ever left waiting
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        status = Job.fetch(channel_reply_job_id(reply_id), connection=runtime.redis()).get_status()
    except NoSuchJobError:
        return False
    return status in ("queued", "started", "deferred", "scheduled")


def poll_channels_once(runtime: Runtime) -> dict[int, str]:
    """``hub run --once``: poll every polling channel once; channel id -> what happened."""
    box = secret_box(runtime)
    with unit_of_work(runtime.factory) as session:
        channel_ids = polling_channel_ids(session)
    results: dict[int, str] = {}
    for channel_id in channel_ids:
        try:
            report = poll_channel(runtime, channel_id, box)
        except Exception as error:  # noqa: BLE001 -- reported per channel; the others still run
            results[channel_id] = f"failed: {type(error).__name__}"
            continue
        results[channel_id] = "backing off" if report is None else f"fetched {report.fetched}, new {report.new_raw_messages}"
    return results
