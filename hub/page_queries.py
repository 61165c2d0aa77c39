"""Planner settings for the queries behind a page: one page of rows, fetched while a person waits.

PostgreSQL plans a "walk an index newest first, stop after 51 rows" query
with the cost of the whole table behind it, and then two things can happen
that help a report but not a page: it starts parallel workers (on the
benchmark's two cores their start-up alone was ~40 ms of a 10 ms walk), or
it compiles the plan with JIT (150 ms for a query that runs in 50). Both are
switched off and random page reads are priced for cached data, for the
statements inside only: the session's defaults come back after them, so
nothing else in the transaction is affected. SQLite has none of these.

:func:`index_walk` goes one step further for a query whose rows are known to
be few (a bounded window of the inbox): it takes bitmap scans away, so the
planner walks the window in index order instead of collecting every match of
a search word from the full-text index, a choice it makes when it
underestimates how common a pair of words is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

#: Settings for page queries: no parallel workers, no JIT compilation, and index probes priced as
#: what they are for the hot rows a page reads (cached, not a disk seek: the default 4 made the
#: planner hash all 580,000 work-state rows rather than probe 5,000 of them by key).
_PAGE_SETTINGS = ("max_parallel_workers_per_gather", "0"), ("jit", "off"), ("random_page_cost", "1.1")


@contextmanager
def page_query(session: Session) -> Iterator[None]:
    """Run the statements inside with serial, uncompiled plans (PostgreSQL; a no-op elsewhere)."""
    with _settings(session, _PAGE_SETTINGS):
        yield


@contextmanager
def index_walk(session: Session) -> Iterator[None]:
    """Run the statements inside without bitmap scans (PostgreSQL; a no-op elsewhere)."""
    with _settings(session, (("enable_bitmapscan", "off"),)):
        yield


@contextmanager
def _settings(session: Session, settings: tuple[tuple[str, str], ...]) -> Iterator[None]:
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    for name, value in settings:
        session.execute(text(f"SET LOCAL {name} = {value}"))
    # No finally: after an error the transaction is aborted (a SET would fail and hide the error)
    # and its rollback drops SET LOCAL anyway.
    yield
    for name, _ in settings:
        session.execute(text(f"SET LOCAL {name} TO DEFAULT"))
