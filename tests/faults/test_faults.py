"""Fault injection with exact counts: nothing lost, nothing twice.

Every test ends with: raw messages = interactions + quarantined (the
generated mails are all distinct), no Message-ID stored twice, nothing left
pending.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from hub.importing import import_path
from hub.mail_sources import SourceMail
from tests.helpers import duplicate_message_ids, stats
from tests.processes import hub_env, kill_group, run_hub, start_hub, wait_until
from workers.queue import make_queue
from workers.runtime import Runtime

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379", "--save", "",
    "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log",
]


def _mails(count: int, seed: int = 0) -> list[SourceMail]:
    return [
        SourceMail(
            (
                f"From: Kunde {i % 97} <kunde{i % 97}@example.org>\r\nTo: service@shop.example\r\n"
                f"Subject: {'AW: ' if i % 3 else ''}Vorgang {i // 3}\r\nMessage-ID: <fault-{seed}-{i}@example.org>\r\n"
                + (f"In-Reply-To: <fault-{seed}-{i - 1}@example.org>\r\n" if i % 3 else "")
                + f"Date: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nHallo, das ist Nachricht {i}. Meine Rechnung ist falsch.\r\n"
            ).encode(),
            f"fault:{i}",
        )
        for i in range(count)
    ]


def _assert_exact(runtime: Runtime, expected: int) -> dict[str, int]:
    counts = stats(runtime)
    print(f"\n{counts}")
    assert counts["raw_messages"] == expected
    assert counts.get("raw_pending", 0) == 0
    assert counts["interactions"] + counts["quarantined"] == expected
    assert duplicate_message_ids(runtime) == 0
    return counts


def _drain(env: dict[str, str]) -> None:
    """What a running system does: workers empty the queue, then the sweeper re-enqueues orphans."""
    run_hub(["worker", "--burst"], env)
    run_hub(["run", "--once"], env)
    run_hub(["worker", "--burst"], env)


def test_sigkill_worker_mid_batch_twenty_times(rq_runtime, tmp_path: Path) -> None:
    """Kill the worker (and its work-horse) with SIGKILL at random points, 20 times.

    Work is topped up before each round so every kill lands while batches
    are being processed; at the end the sweeper and one worker drain it.
    """
    rq_runtime.settings.ingest_batch_size = 100
    queue = make_queue(rq_runtime)
    env = hub_env(rq_runtime.settings, HUB_INGEST_BATCH_SIZE="100")
    rng = random.Random(20261123)
    imported, kills_mid_work = 0, 0
    for round_number in range(20):
        if imported - stats(rq_runtime)["interactions"] < 2000:
            mails = _mails(2500, seed=100 + round_number)
            import_path(rq_runtime.factory, rq_runtime.blob_store, None, queue.enqueue_ingest, mails=mails)  # type: ignore[arg-type]
            imported += len(mails)
        worker = start_hub(["worker"], env, tmp_path / "worker.log")
        time.sleep(rng.uniform(1.0, 3.0))
        kill_group(worker)
        kills_mid_work += stats(rq_runtime)["interactions"] < imported
    print(f"\n20 SIGKILLs, {kills_mid_work} with work still running, {imported} mails")
    assert kills_mid_work == 20
    _drain(env)
    counts = _assert_exact(rq_runtime, imported)
    assert counts["quarantined"] == 0


def test_redis_restart_loses_no_message(rq_runtime, tmp_path: Path) -> None:
    count = 600
    import_path(rq_runtime.factory, rq_runtime.blob_store, None, make_queue(rq_runtime).enqueue_ingest, mails=_mails(count, seed=1))  # type: ignore[arg-type]
    subprocess.run(["redis-cli", "-p", "6379", "shutdown", "nosave"], check=False, capture_output=True)
    wait_until(lambda: subprocess.run(["redis-cli", "-p", "6379", "ping"], capture_output=True).returncode != 0, 10, "redis down")
    subprocess.run(REDIS_START, check=True)
    wait_until(lambda: subprocess.run(["redis-cli", "-p", "6379", "ping"], capture_output=True, text=True).stdout.strip() == "PONG", 10, "redis up")
    env = hub_env(rq_runtime.settings)
    _drain(env)
    _assert_exact(rq_runtime, count)


def test_postgres_connection_loss_during_ingest(rq_runtime, tmp_path: Path) -> None:
    rq_runtime.settings.ingest_batch_size = 100
    count = 2000
    import_path(rq_runtime.factory, rq_runtime.blob_store, None, make_queue(rq_runtime).enqueue_ingest, mails=_mails(count, seed=2))  # type: ignore[arg-type]
    label = f"kontakt-hub-fault-{os.getpid()}"  # only this test's worker, not other test runs on the machine
    env = hub_env(rq_runtime.settings, HUB_INGEST_BATCH_SIZE="100", HUB_DB_APPLICATION_NAME=label)
    worker = start_hub(["worker"], env, tmp_path / "worker.log")
    admin = create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test", isolation_level="AUTOCOMMIT")
    terminated = 0
    try:
        for _ in range(8):
            time.sleep(0.7)
            with admin.connect() as connection:
                terminated += connection.execute(
                    text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :label"),
                    {"label": label},
                ).scalar_one()
    finally:
        kill_group(worker)
        admin.dispose()
    print(f"\nterminated {terminated} hub connections")
    assert terminated > 0
    _drain(env)
    counts = _assert_exact(rq_runtime, count)
    assert counts["quarantined"] == 0
