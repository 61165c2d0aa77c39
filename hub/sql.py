"""Small SQL helpers that differ between PostgreSQL and SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, bindparam, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(
    session: Session, table: Table, rows: Sequence[dict[str, Any]], conflict_columns: Sequence[str]
) -> None:
    """Insert rows, silently skipping those that violate the given unique key.

    This is what makes ingest idempotent under retries and concurrent workers:
    the database, not a prior SELECT, decides who was first.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    statement = module.insert(table).on_conflict_do_nothing(index_elements=list(conflict_columns))
    session.execute(statement, list(rows))


def chunked(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    """Split ``items`` into consecutive slices of at most ``size`` (bounded IN lists)."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def bulk_update(session: Session, table: Table, rows: Sequence[dict[str, Any]], key: str, columns: Sequence[str]) -> None:
    """Update many rows by key, each with its own values.

    On PostgreSQL one ``UPDATE … FROM unnest(arrays)`` carries all rows in a
    handful of array parameters: one round trip and a statement that compiles
    in microseconds, instead of a round trip (or thousands of bind
    parameters) per row. SQLite runs in-process and gets a plain executemany.
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        statement = update(table).where(table.c[key] == bindparam("_key")).values({name: bindparam(f"_{name}") for name in columns})
        session.connection().execute(statement, [{f"_{name}": row[name] for name in (key, *columns)} | {"_key": row[key]} for row in rows])
        return
    dialect = session.get_bind().dialect
    names = [key, *columns]
    arrays, casts = {}, []
    for name in names:
        column_type = table.c[name].type
        process = column_type.bind_processor(dialect)
        arrays[f"a_{name}"] = [process(row[name]) if process else row[name] for row in rows]
        casts.append(f"CAST(:a_{name} AS {column_type.compile(dialect)}[])")
    assignments = ", ".join(f"{name} = new_values.{name}" for name in columns)
    session.execute(
        text(
            f"UPDATE {table.name} SET {assignments} FROM unnest({', '.join(casts)}) AS new_values ({', '.join(names)}) "
            f"WHERE {table.name}.{key} = new_values.{key}"
        ),
        arrays,
    )


def append_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert append-only rows (decision log, references, tags) as fast as the backend allows.

    PostgreSQL gets ``COPY … FROM STDIN`` through the session's own connection
    (same transaction), several times faster than multi-row INSERTs for the
    thousands of small rows a batch writes; SQLite gets executemany.
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(table.insert(), list(rows))
        return
    names = list(rows[0])
    driver_connection = session.connection().connection.driver_connection
    processors = [table.c[name].type.bind_processor(session.get_bind().dialect) for name in names]
    with driver_connection.cursor() as cursor:
        with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([proc(row[name]) if proc else row[name] for name, proc in zip(names, processors, strict=True)])
