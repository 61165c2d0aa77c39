"""Web benchmark (inbox issue): server time of the inbox, message, timeline and search pages at scale.

Seeds its own PostgreSQL schema with 100,000 contacts and 1,000,000
interactions (``benchmarks/web_seed.py``), then drives the real Flask app
in-process with a logged-in test client and times each ``client.get``:
server time (routing, SQL, templates), without a network or a browser.

Routes and targets (p95): inbox first page, a filtered page (complaints /
unassigned), a deep keyset page, the message page and the contact timeline
<= 50 ms; search (``/inbox?q=``) <= 100 ms. For each route the SQL time of
every request is recorded too, and for a route that misses its target the
slowest statements of its slowest request are shown with EXPLAIN ANALYZE.

The schema measured is the one the migrations make (the app migrates on
start, so ``--reuse`` of a kept schema also applies migrations written since).
``--only WORD`` measures only the routes whose name contains WORD, to check one
fix without timing everything again.

Usage: python benchmarks/web.py [--quick] [--keep] [--reuse] [--requests 200] [--only search]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from flask.testing import FlaskClient
from sqlalchemy import Engine, create_engine, event, text

from benchmarks.web_seed import SeedReport, SeedSize, seed
from config import Settings
from hub.db import make_engine, make_session_factory, unit_of_work, upgrade_database
from hub.inbox import encode_cursor
from hub.users import create_or_update_user
from web import create_app

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCHEMA = "hub_bench_web"
LOGIN_EMAIL, LOGIN_PASSWORD = "bench@shop.example", "bench password 1"
PAGE_TARGET_MS, SEARCH_TARGET_MS = 50.0, 100.0
WARMUP_REQUESTS = 20
MIN_REQUESTS = 20

#: What agents type: common German and English words, two-word queries, a product, contact-name fragments.
SEARCH_QUERIES = (
    "Rechnung", "Lieferung", "Rücksendung Erstattung", "doppelt abgebucht", "Kündigung bestätigen", "Waschmaschine",
    "invoice", "refund", "parcel delivered", "cancel contract", "damaged", "password",
    "Kowalski", "Öztürk", "Thompson", "Schmidt", "Sabine Krause", "O'Brien",
)


@dataclass
class RouteResult:
    """Timings of one route, in milliseconds."""

    name: str
    target_ms: float
    server_ms: list[float] = field(default_factory=list)
    sql_ms: list[float] = field(default_factory=list)
    slowest_url: str = ""

    def percentile(self, values: list[float], p: int) -> float:
        """Nearest-rank-interpolated percentile (``statistics.quantiles``, inclusive)."""
        return statistics.quantiles(values, n=100, method="inclusive")[p - 1]

    @property
    def p95(self) -> float:
        return self.percentile(self.server_ms, 95)

    @property
    def passed(self) -> bool:
        return self.p95 <= self.target_ms


class SqlTimer:
    """Collects every statement the app's engine runs, with its time, while ``recording``."""

    def __init__(self, engine: Engine) -> None:
        self.statements: list[tuple[str, object, float]] = []
        self.recording = False
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        conn.info["bench_started"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if self.recording:
            self.statements.append((statement, parameters, time.perf_counter() - conn.info.pop("bench_started")))

    def take(self) -> list[tuple[str, object, float]]:
        """The statements since the last call."""
        taken, self.statements = self.statements, []
        return taken


# --------------------------------------------------------------------------
# setup
# --------------------------------------------------------------------------


def schema_url(schema: str) -> str:
    """A URL whose connections use only ``schema`` (the app, Alembic and psycopg alike)."""
    return f"{PG_SERVER}?options=-csearch_path%3D{schema}"


def fresh_schema(schema: str) -> str:
    """Drop and recreate the benchmark's own schema: every run starts from nothing."""
    if not re.fullmatch(r"hub_bench_\w+", schema):
        raise ValueError("the benchmark only touches schemas named hub_bench_*")
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    return schema_url(schema)


def drop_schema(schema: str) -> None:
    """Remove the benchmark's schema (1-2 GB at full size)."""
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    admin.dispose()


def psycopg_dsn(schema: str) -> str:
    """The same database for plain psycopg (COPY), confined to the schema."""
    return f"host=127.0.0.1 port=5432 dbname=test user=postgres options=-csearch_path={schema}"


def prepare(schema: str, size: SeedSize, reuse: bool) -> SeedReport | None:
    """Migrate and seed a fresh schema (or keep a seeded one with ``--reuse``); returns the seed report."""
    if reuse:
        return None
    url = fresh_schema(schema)
    engine = make_engine(url, "hub-bench-web")
    upgrade_database(engine)
    engine.dispose()
    report = seed(psycopg_dsn(schema), size)
    engine = make_engine(url, "hub-bench-web")
    with unit_of_work(make_session_factory(engine)) as session:
        create_or_update_user(session, LOGIN_EMAIL, LOGIN_PASSWORD, role="agent", display_name="Bench Agent")
    engine.dispose()
    return report


def logged_in_client(app) -> FlaskClient:  # type: ignore[no-untyped-def]
    """A test client with a session cookie, logged in through the real login form."""
    client = app.test_client()
    form = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    response = client.post("/login", data={"email": LOGIN_EMAIL, "password": LOGIN_PASSWORD, "csrf_token": token})
    if response.status_code != 302:
        raise RuntimeError(f"login failed with {response.status_code}")
    return client


# --------------------------------------------------------------------------
# request mixes
# --------------------------------------------------------------------------


def request_mixes(engine: Engine, rng: random.Random, count: int) -> dict[str, tuple[float, list[str]]]:
    """Per route: its target and ``count`` URLs, drawn from the seeded data."""
    with engine.connect() as connection:
        max_id = connection.execute(text("SELECT max(id) FROM interactions")).scalar_one()
        inbound = connection.execute(text("SELECT count(*) FROM interactions WHERE direction = 'in'")).scalar_one()
        max_contact = connection.execute(text("SELECT max(id) FROM contacts")).scalar_one()
        busiest = [row[0] for row in connection.execute(text(
            "SELECT contact_id FROM interactions GROUP BY contact_id ORDER BY count(*) DESC LIMIT 20"))]
        # Deep keyset positions: real (occurred_at, id) pairs 2-80 % down the inbound list.
        deep = []
        for _ in range(20):
            offset = int(inbound * rng.uniform(0.02, 0.8))
            at, ident = connection.execute(text(
                "SELECT occurred_at, id FROM interactions WHERE direction = 'in' ORDER BY occurred_at DESC, id DESC OFFSET :o LIMIT 1"
            ), {"o": offset}).one()
            deep.append(encode_cursor(at, ident))

    def cycle(make: Callable[[int], str]) -> list[str]:
        return [make(i) for i in range(count)]

    return {
        "inbox first page": (PAGE_TARGET_MS, cycle(lambda i: "/inbox")),
        "inbox filtered (complaints / unassigned)": (
            PAGE_TARGET_MS, cycle(lambda i: "/inbox?view=complaints" if i % 2 else "/inbox?view=unassigned")),
        "inbox deep keyset page": (
            PAGE_TARGET_MS, cycle(lambda i: f"/inbox?status={'open' if i % 2 else 'any'}&after={rng.choice(deep)}")),
        "message page": (PAGE_TARGET_MS, cycle(lambda i: f"/interactions/{rng.randrange(1, max_id + 1)}")),
        "contact timeline": (PAGE_TARGET_MS, cycle(
            lambda i: f"/contacts/{rng.choice(busiest) if i % 5 == 0 else rng.randrange(1, max_contact + 1)}")),
        "search": (SEARCH_TARGET_MS, cycle(lambda i: f"/inbox?q={quote(SEARCH_QUERIES[i % len(SEARCH_QUERIES)])}")),
    }


def measure(client: FlaskClient, timer: SqlTimer, name: str, target_ms: float, urls: list[str], budget_s: float) -> RouteResult:
    """Warm up on a few URLs, then time every request (server time and its SQL time).

    A route that takes seconds per request stops after ``budget_s`` (with at
    least 20 requests): 200 samples of a clear miss cost the shared machine
    minutes and say no more than 20.
    """
    warm_until = time.perf_counter() + budget_s / 4
    for url in urls[:WARMUP_REQUESTS]:
        client.get(url)
        if time.perf_counter() > warm_until:
            break
    result = RouteResult(name, target_ms)
    slowest = 0.0
    timer.take()
    timer.recording = True
    stop_at = time.perf_counter() + budget_s
    for number, url in enumerate(urls):
        if number >= MIN_REQUESTS and time.perf_counter() > stop_at:
            break
        started = time.perf_counter()
        response = client.get(url)
        took = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        result.server_ms.append(took)
        result.sql_ms.append(sum(seconds for _, _, seconds in timer.take()) * 1000)
        if took > slowest:
            slowest, result.slowest_url = took, url
    timer.recording = False
    return result


def explain_slowest(client: FlaskClient, timer: SqlTimer, engine: Engine, url: str, top: int = 2) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest statements of one request."""
    timer.take()
    timer.recording = True
    client.get(url)
    timer.recording = False
    taken = timer.take()
    queries = [index for index, (statement, _, _) in enumerate(taken) if statement.lstrip().upper().startswith(("SELECT", "WITH"))]
    slowest = sorted(queries, key=lambda index: taken[index][2], reverse=True)[:top]
    parts = [f"  {url}: {len(slowest)} slowest statements"]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for index in slowest:
            statement, parameters, seconds = taken[index]
            # The planner settings the request had in force for this statement (hub.page_queries).
            for earlier, earlier_parameters, _ in taken[:index]:
                if earlier.startswith("SET LOCAL"):
                    cursor.execute(earlier, earlier_parameters)
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
            plan = "\n".join("      " + row[0] for row in cursor.fetchall())
            parts.append(f"    -- {seconds * 1000:.1f} ms: {' '.join(statement.split())[:300]}\n    -- parameters: {parameters}\n{plan}")
        raw.rollback()
    finally:
        raw.close()
    return "\n".join(parts)


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------


def print_seed(report: SeedReport | None, size: SeedSize) -> None:
    """Rows and timings of the seed."""
    if report is None:
        print("seed: reused the kept schema")
        return
    total = report.copy_seconds + report.index_seconds + report.analyze_seconds
    print(f"seed ({size.contacts:,} contacts, {size.interactions:,} interactions): {total:.0f} s = "
          f"COPY {report.copy_seconds:.0f} s + indexes {report.index_seconds:.0f} s + VACUUM ANALYZE {report.analyze_seconds:.0f} s")
    print("  rows: " + ", ".join(f"{table} {count:,}" for table, count in report.rows.items()))


def print_results(results: list[RouteResult]) -> None:
    """One line per route: p50/p95/p99/max of server time, p95 of SQL time, target and verdict."""
    print(f"\n{'route':42} {'n':>4} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7} {'SQL p95':>8}  target")
    for r in results:
        pct = [r.percentile(r.server_ms, p) for p in (50, 95, 99)]
        verdict = "ok" if r.passed else "MISSED"
        print(f"{r.name:42} {len(r.server_ms):>4} {pct[0]:>6.1f} {pct[1]:>6.1f}  {pct[2]:>6.1f} {max(r.server_ms):>6.1f} "
              f"{r.percentile(r.sql_ms, 95):>7.1f}   p95 <= {r.target_ms:.0f} ms {verdict}")
    print("(milliseconds, server time in-process: routing + SQL + templates)")


def main() -> None:
    """Seed, measure, explain what missed, clean up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 contacts and 100,000 interactions")
    parser.add_argument("--keep", action="store_true", help="keep the schema after the run")
    parser.add_argument("--reuse", action="store_true", help="measure a schema kept by an earlier --keep run")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per route")
    parser.add_argument("--only", default="", help="measure only routes whose name contains this")
    parser.add_argument("--route-seconds", type=float, default=120.0, help="time budget of one route (stops a clear miss early)")
    parser.add_argument("--schema", default=SCHEMA)
    args = parser.parse_args()
    size = SeedSize.quick() if args.quick else SeedSize()
    rng = random.Random(7)

    report = prepare(args.schema, size, args.reuse)
    print_seed(report, size)
    with tempfile.TemporaryDirectory(prefix="hub-bench-web-") as var_dir:
        app = create_app(Settings(var_dir=Path(var_dir), database_url=schema_url(args.schema), secret_key="bench-web",
                                  db_application_name="hub-bench-web"))
        engine: Engine = app.extensions["hub.session_factory"].kw["bind"]
        timer = SqlTimer(engine)
        client = logged_in_client(app)
        results = [measure(client, timer, name, target, urls, args.route_seconds)
                   for name, (target, urls) in request_mixes(engine, rng, args.requests).items() if args.only in name]
        print_results(results)
        for result in results:
            if not result.passed:
                print(f"\nEXPLAIN ANALYZE, {result.name} (missed p95 <= {result.target_ms:.0f} ms):")
                print(explain_slowest(client, timer, engine, result.slowest_url))
        engine.dispose()
    if args.keep:
        print(f"\nschema {args.schema} kept (--reuse to measure it again)")
    else:
        drop_schema(args.schema)


if __name__ == "__main__":
    main()
