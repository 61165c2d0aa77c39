"""Small helpers shared by tests (no fixtures here)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import func, select

from hub.db import unit_of_work
from hub.importing import ImportReport, import_path
from hub.mail_sources import SourceMail
from hub.models import Interaction
from hub.stats import hub_stats
from workers.queue import InProcessQueue
from workers.runtime import Runtime


def import_mails(runtime: Runtime, mails: Iterable[bytes | SourceMail], folder: str = "") -> ImportReport:
    """Import raw mails through intake and in-process ingest, like ``hub import``."""
    items = [m if isinstance(m, SourceMail) else SourceMail(m, f"test:{i}", folder) for i, m in enumerate(mails)]
    queue = InProcessQueue(runtime.settings.ingest_batch_size)
    return import_path(runtime.factory, runtime.blob_store, Path("."), queue.enqueue_ingest, mails=items)


def stats(runtime: Runtime) -> dict[str, int]:
    """``hub stats`` of the runtime's hub."""
    with unit_of_work(runtime.factory) as session:
        return hub_stats(session)


def interactions_by_message_id(runtime: Runtime) -> dict[str, Interaction]:
    """All interactions keyed by Message-ID."""
    with unit_of_work(runtime.factory) as session:
        return {i.channel_message_id: i for i in session.scalars(select(Interaction))}


def duplicate_message_ids(runtime: Runtime) -> int:
    """How many Message-IDs are stored more than once (must be 0)."""
    with unit_of_work(runtime.factory) as session:
        grouped = (
            select(Interaction.channel_message_id)
            .group_by(Interaction.channel, Interaction.channel_message_id)
            .having(func.count() > 1)
            .subquery()
        )
        return session.scalar(select(func.count()).select_from(grouped)) or 0
