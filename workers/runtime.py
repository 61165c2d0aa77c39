"""What a process builds once: engine, stores, pipeline, queue.

Jobs and commands call :func:`get_runtime`; it is built on first use and
kept for the life of the process, so spaCy pipelines and connection pools
are never rebuilt per job. A forked RQ work-horse inherits it and only
drops the parent's database connections.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config import Settings, load_settings
from hub.channels import own_addresses
from hub.db import make_engine, make_session_factory, unit_of_work, upgrade_database
from hub.events import EventPublisher, LocalPublisher, RedisPublisher
from hub.pipeline import Pipeline, TaggerOptions, default_pipeline
from hub.pipeline.services import PipelineServices
from hub.rawstore import FileBlobStore

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Process-wide singletons of one hub process."""

    settings: Settings
    engine: Engine
    factory: sessionmaker[Session]
    blob_store: FileBlobStore
    publisher: EventPublisher
    pid: int = field(default_factory=os.getpid)
    _pipeline: Pipeline | None = None
    _services: PipelineServices | None = None

    @property
    def pipeline(self) -> Pipeline:
        """The ingest pipeline, built on first use (taggers load models)."""
        if self._pipeline is None:
            self._pipeline = default_pipeline(
                TaggerOptions(nlp_versions_dir=self.settings.nlp_versions_dir()), default_region=self.settings.default_phone_region
            )
        return self._pipeline

    def services(self) -> PipelineServices:
        """Pipeline services; own addresses are re-read so new mailboxes count at once."""
        with unit_of_work(self.factory) as session:
            addresses = own_addresses(session)
        if self._services is None or self._services.own_addresses != addresses:
            self._services = PipelineServices(
                blob_store=self.blob_store,
                publisher=self.publisher,
                own_addresses=addresses,
                default_phone_region=self.settings.default_phone_region,
            )
        return self._services

    def redis(self):  # type: ignore[no-untyped-def]
        """A Redis client for the configured URL (RQ mode only)."""
        from redis import Redis

        return Redis.from_url(self.settings.redis_url)


_RUNTIME: Runtime | None = None
#: Threads of one web worker may ask for the runtime at the same moment: building it twice would
#: run two Alembic upgrades at once, which is not thread-safe (``KeyError: 'script'``).
_RUNTIME_LOCK = threading.RLock()


def _new_lock_in_child() -> None:
    # A fork while another thread held the lock would leave the child's copy locked forever.
    global _RUNTIME_LOCK
    _RUNTIME_LOCK = threading.RLock()


os.register_at_fork(after_in_child=_new_lock_in_child)


def get_runtime(settings: Settings | None = None) -> Runtime:
    """The process's runtime, built on first call (settings from the environment); thread-safe."""
    global _RUNTIME
    with _RUNTIME_LOCK:
        if settings is not None and (_RUNTIME is None or _RUNTIME.settings != settings):
            _RUNTIME = build_runtime(settings)
        elif _RUNTIME is None:
            _RUNTIME = build_runtime(load_settings())
        elif _RUNTIME.pid != os.getpid():
            # Forked: the parent's pooled connections must not be used here.
            _RUNTIME.engine.dispose(close=False)
            _RUNTIME.pid = os.getpid()
        return _RUNTIME


def build_runtime(settings: Settings) -> Runtime:
    """Build engine, migrate the schema, open the raw store."""
    engine = make_engine(settings.resolved_database_url(), settings.db_application_name)
    upgrade_database(engine)
    publisher: EventPublisher
    if settings.redis_url:
        from redis import Redis

        publisher = RedisPublisher(Redis.from_url(settings.redis_url))
    else:
        publisher = LocalPublisher()
    return Runtime(
        settings=settings,
        engine=engine,
        factory=make_session_factory(engine),
        blob_store=FileBlobStore(settings.resolved_raw_store_dir()),
        publisher=publisher,
    )


def reset_runtime() -> None:
    """Forget the process runtime (tests switch databases)."""
    global _RUNTIME
    if _RUNTIME is not None:
        _RUNTIME.engine.dispose()
    _RUNTIME = None
