"""A pipeline is an ordered list of named stages (the Mailman handler idea).

Each stage processes a whole batch (one query for many messages), so the
database is asked once per stage, not once per message. When a stage raises,
the pipeline re-runs it one message at a time inside savepoints to find the
message responsible; only that one is quarantined, the others go on.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Sequence
from typing import Protocol

from hub.pipeline.context import IngestBatch, MessageContext

log = logging.getLogger(__name__)


class Stage(Protocol):
    """One named step of ingest."""

    name: str

    def process(self, batch: IngestBatch) -> None:
        """Handle the batch's active messages, recording decisions on each."""


class Pipeline:
    """Runs stages in order over a batch, isolating failures per message."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        names = [stage.name for stage in stages]
        if len(set(names)) != len(names):
            raise ValueError(f"stage names must be unique: {names}")
        self.stages = list(stages)

    @property
    def stage_names(self) -> list[str]:
        """The names, in order: what an admin sees of the pipeline."""
        return [stage.name for stage in self.stages]

    def stage(self, name: str) -> Stage:
        """The stage called ``name`` (tests run one stage alone)."""
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def warm(self) -> None:
        """Load what stages load lazily (tagger models) now.

        An RQ worker calls this before it forks a work-horse per job: loaded
        once in the parent, the models are inherited by every job instead of
        being read from disk again by each one (80-350 ms per job).
        """
        for stage in self.stages:
            warm = getattr(stage, "warm", None)
            if warm is not None:
                warm()

    def run(self, batch: IngestBatch) -> None:
        """Run every stage over the batch."""
        for stage in self.stages:
            if not batch.active():
                return
            started = time.perf_counter()
            self._run_stage(stage, batch)
            batch.stage_seconds[stage.name] = time.perf_counter() - started

    def _run_stage(self, stage: Stage, batch: IngestBatch) -> None:
        # Stages set ids on the contexts as they write; a rolled-back savepoint
        # must take those with it, or the retry would point at rows that are gone.
        before = [(message, message.snapshot()) for message in batch.messages]
        events_before = len(batch.events)
        savepoint = batch.session.begin_nested()
        try:
            stage.process(batch)
            savepoint.commit()
            return
        except Exception:
            savepoint.rollback()
            for message, state in before:
                message.restore(state)
            del batch.events[events_before:]
            log.warning("event=stage_batch_failed stage=%s size=%d", stage.name, len(batch.active()))
        for message in batch.active():
            self._run_single(stage, batch, message)

    def _run_single(self, stage: Stage, batch: IngestBatch, message: MessageContext) -> None:
        single = IngestBatch(session=batch.session, services=batch.services, messages=[message])
        state = message.snapshot()
        savepoint = batch.session.begin_nested()
        try:
            stage.process(single)
            savepoint.commit()
        except Exception as error:
            savepoint.rollback()
            message.restore(state)
            where = traceback.extract_tb(error.__traceback__)[-1]
            message.fail(
                stage.name,
                f"{type(error).__name__}: {error} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
            )
            log.warning(
                "event=message_quarantined stage=%s raw_message_id=%d error=%s",
                stage.name,
                message.raw_message_id,
                type(error).__name__,
            )
        batch.events.extend(single.events)
