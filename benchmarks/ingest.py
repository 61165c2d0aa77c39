"""Ingest benchmark: IMAP (Dovecot) -> raw store -> RQ workers -> PostgreSQL.

In one run, on the same generated mailbox:
  1. raw fetch rate: imapclient alone, UID FETCH BODY.PEEK[] in batches of 500, nothing stored
     (the physical ceiling of IMAP ingest on this machine);
  2. end-to-end rate with 1 and with 2 RQ workers: from the start of the sync until every mail
     is an interaction in PostgreSQL (sync = fetch + raw store + enqueue, in its own process);
  3. peak RSS of the worker processes (worker and forked work-horses).

Needs the private Dovecot (scripts/dovecot.sh start), PostgreSQL and Redis.
Usage: python benchmarks/ingest.py [--mails 10000] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from imapclient import IMAPClient  # noqa: E402
from redis import Redis  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from benchmarks.mailgen import generate_mails  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/2"
IMAP_HOST, IMAP_PORT, IMAP_PASSWORD = "127.0.0.1", 10143, "test"


def append_all(user: str, mails: list[bytes]) -> float:
    client = IMAPClient(IMAP_HOST, port=IMAP_PORT, ssl=False)
    client.login(user, IMAP_PASSWORD)
    started = time.perf_counter()
    for raw in mails:
        client.append("INBOX", raw)
    took = time.perf_counter() - started
    client.logout()
    return took


def raw_fetch_rate(user: str) -> tuple[float, int]:
    client = IMAPClient(IMAP_HOST, port=IMAP_PORT, ssl=False)
    client.login(user, IMAP_PASSWORD)
    started = time.perf_counter()
    client.select_folder("INBOX", readonly=True)
    uids = client.search(["ALL"])
    fetched = 0
    for start in range(0, len(uids), 500):
        response = client.fetch(uids[start : start + 500], [b"BODY.PEEK[]"])
        fetched += sum(1 for data in response.values() if b"BODY[]" in data)
    took = time.perf_counter() - started
    client.logout()
    return fetched / took, fetched


def fresh_schema(name: str) -> str:
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {name}"))
    admin.dispose()
    return f"{PG_SERVER}?options=-csearch_path%3D{name}"


def interactions(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM interactions")).scalar_one()
        quarantined = connection.execute(text("SELECT count(*) FROM raw_messages WHERE status = 'quarantined'")).scalar_one()
    engine.dispose()
    return count + quarantined


def group_rss_kb(pgids: list[int]) -> int:
    """Largest resident set of any single process in the given process groups."""
    peak = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            if int(fields[2]) not in pgids:
                continue
            with open(f"/proc/{entry}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        peak = max(peak, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return peak


def end_to_end(user: str, count: int, workers: int, var_dir: Path) -> dict[str, float]:
    schema = f"hub_bench_{workers}w"
    url = fresh_schema(schema)
    Redis.from_url(REDIS_URL).flushdb()
    mailbox = {"name": "bench", "host": IMAP_HOST, "port": IMAP_PORT, "username": user, "password": IMAP_PASSWORD,
               "use_ssl": False, "folders": ["INBOX"], "address": "service@shop.example"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
    env.update(HUB_DATABASE_URL=url, HUB_REDIS_URL=REDIS_URL, HUB_VAR_DIR=str(var_dir / schema),
               HUB_MAILBOXES=json.dumps([mailbox]), PYTHONPATH=str(REPO))
    hub = [sys.executable, "-m", "workers.cli"]
    subprocess.run(hub + ["stats"], env=env, check=True, capture_output=True)  # migrate before timing
    procs = [subprocess.Popen(hub + ["worker"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) for _ in range(workers)]
    time.sleep(4)  # workers load their models before the clock starts
    peak_kb = 0
    started = time.perf_counter()
    sync = subprocess.Popen(hub + ["run", "--once"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    sync_done = None
    try:
        while True:
            peak_kb = max(peak_kb, group_rss_kb([p.pid for p in procs]))
            if sync_done is None and sync.poll() is not None:
                sync_done = time.perf_counter() - started
            if interactions(url) >= count:
                break
            if time.perf_counter() - started > 900:
                raise RuntimeError("end-to-end run did not finish in 15 minutes")
            time.sleep(0.1)
        took = time.perf_counter() - started
    finally:
        for proc in procs + [sync]:
            try:
                os.killpg(proc.pid, 15)
            except ProcessLookupError:
                pass
            proc.wait()
    return {"workers": workers, "seconds": took, "rate": count / took, "sync_seconds": sync_done or took, "peak_worker_rss_mb": peak_kb / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    subprocess.run(["bash", str(REPO / "scripts" / "dovecot.sh"), "start"], check=True)
    user = f"bench-{uuid.uuid4().hex[:8]}"
    mails = list(generate_mails(args.mails, seed=42))
    print(f"mailbox: {len(mails)} generated mails, {sum(map(len, mails)) / len(mails) / 1024:.1f} KB mean, user {user}")
    print(f"APPEND: {len(mails) / append_all(user, mails):,.0f} mails/s (setup, not a target)")
    raw_rate, fetched = raw_fetch_rate(user)
    print(f"raw IMAP fetch (imapclient, batches of 500, nothing stored): {raw_rate:,.0f} mails/s ({fetched} mails)")
    var_dir = REPO / "var" / "bench"
    for workers in [int(w) for w in args.workers.split(",")]:
        result = end_to_end(user, len(mails), workers, var_dir)
        print(
            f"end to end, {workers} RQ worker(s): {result['rate']:,.0f} mails/s ({result['seconds']:.1f} s; sync alone {result['sync_seconds']:.1f} s), "
            f"{result['rate'] / raw_rate:.0%} of raw fetch, peak worker RSS {result['peak_worker_rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
