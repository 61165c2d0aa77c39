"""IDLE latency: time from APPEND to interaction, with ``hub run`` (IDLE) and one RQ worker.

200 generated mails are APPENDed at random intervals (50-500 ms) while the hub
runs; a poller records when each Message-ID first appears in PostgreSQL.
Target: p95 <= 2 s. Needs the private Dovecot, PostgreSQL and Redis.
Usage: python benchmarks/idle_latency.py [--mails 200]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from imapclient import IMAPClient  # noqa: E402
from redis import Redis  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from benchmarks.ingest import IMAP_HOST, IMAP_PASSWORD, IMAP_PORT, REDIS_URL, fresh_schema  # noqa: E402
from benchmarks.mailgen import generate_mails  # noqa: E402

MESSAGE_ID = re.compile(rb"^Message-ID:\s*<([^>]+)>", re.MULTILINE | re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=200)
    args = parser.parse_args()
    subprocess.run(["bash", str(REPO / "scripts" / "dovecot.sh"), "start"], check=True)
    user = f"idle-{uuid.uuid4().hex[:8]}"
    url = fresh_schema("hub_bench_idle")
    Redis.from_url(REDIS_URL).flushdb()
    mailbox = {"name": "idle", "host": IMAP_HOST, "port": IMAP_PORT, "username": user, "password": IMAP_PASSWORD,
               "use_ssl": False, "folders": ["INBOX"], "address": "service@shop.example"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
    env.update(HUB_DATABASE_URL=url, HUB_REDIS_URL=REDIS_URL, HUB_VAR_DIR=str(REPO / "var" / "bench" / "idle"),
               HUB_MAILBOXES=json.dumps([mailbox]), HUB_INGEST_BATCH_SIZE="100", PYTHONPATH=str(REPO))
    hub = [sys.executable, "-m", "workers.cli"]
    client = IMAPClient(IMAP_HOST, port=IMAP_PORT, ssl=False)
    client.login(user, IMAP_PASSWORD)  # creates the account's INBOX before the runner starts
    subprocess.run(hub + ["stats"], env=env, check=True, capture_output=True)
    procs = [subprocess.Popen(hub + [cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) for cmd in ("worker", "run")]
    time.sleep(6)
    mails = list(generate_mails(args.mails, seed=7))
    appended: dict[str, float] = {}
    seen: dict[str, float] = {}
    done = threading.Event()

    def poll() -> None:
        engine = create_engine(url)
        while not done.is_set():
            with engine.connect() as connection:
                now = time.perf_counter()
                for (mid,) in connection.execute(text("SELECT channel_message_id FROM interactions")):
                    seen.setdefault(mid, now)
            time.sleep(0.05)
        engine.dispose()

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    rng = random.Random(11)
    try:
        for raw in mails:
            mid = MESSAGE_ID.search(raw).group(1).decode()  # type: ignore[union-attr]
            appended[mid] = time.perf_counter()
            client.append("INBOX", raw)
            time.sleep(rng.uniform(0.05, 0.5))
        deadline = time.perf_counter() + 60
        while len(set(appended) & set(seen)) < len(appended) and time.perf_counter() < deadline:
            time.sleep(0.1)
    finally:
        done.set()
        poller.join()
        client.logout()
        for proc in procs:
            os.killpg(proc.pid, 15)
            proc.wait()
    latencies = sorted(seen[mid] - appended[mid] for mid in appended if mid in seen)
    missing = len(appended) - len(latencies)
    quantiles = statistics.quantiles(latencies, n=100)
    print(f"{len(latencies)}/{len(appended)} mails arrived ({missing} missing)")
    print(f"APPEND -> interaction: p50 {quantiles[49]:.2f} s, p95 {quantiles[94]:.2f} s, max {latencies[-1]:.2f} s (target p95 <= 2 s)")


if __name__ == "__main__":
    main()
