"""Webhook throughput: signed SMS and Telegram webhooks under gunicorn, then RQ ingest into the timeline.

One run, on its own PostgreSQL schema and var directory:
  1. gunicorn (``web.wsgi:make_app()``, 2 gthread workers) on a loopback port, ``hub worker``
     processes for ingest, and a loopback fake of the Telegram Bot API (the connector calls it);
  2. reference: the same requests, byte for byte, to a route that does not exist (404 through
     the whole Flask stack): the ceiling of this server on this machine;
  3. webhooks: half Twilio-signed SMS, half Telegram updates with the secret header, distinct
     message ids, senders repeating; sent by a load generator in a second process (asyncio,
     HTTP/1.1 keep-alive, ``--concurrency`` connections, optionally paced at ``--rate``),
     bounded by ``--requests`` and ``--seconds``;
  4. while it runs, this process polls PostgreSQL for the interactions, to time each accepted
     request's 2xx -> its interaction in the timeline.

Targets (issue 6): >= 300 accepted requests/s with p95 <= 50 ms, and 2xx -> timeline p95 <= 1 s.
Needs PostgreSQL and Redis. Usage:
  python benchmarks/webhooks.py [--requests 5000] [--concurrency 8] [--rate 0] [--rq-workers 2] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import multiprocessing
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cryptography.fernet import Fernet  # noqa: E402
from redis import Redis  # noqa: E402
from rq import Queue  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/15"  # not 1-14: test processes flush those
SCHEMA = "hub_bench_webhooks"
OUR_NUMBER = "+4930901820"
ACCOUNT_SID = "AC" + "0" * 32
#: What the provider was told; behind a proxy the hub never sees this host, so it signs against the setting.
PUBLIC_URL = "https://hub.example.com/hooks/sms/bench"
WEBHOOK_SECRET = "bench-hook-secret_0123456789"
REFERENCE_PATH = "/bench-reference-404"
TEXTS = (
    "Hallo, wann kommt meine Bestellung {n}? Ich warte seit einer Woche.",
    "Die Rechnung {n} ist doppelt abgebucht worden, bitte korrigieren.",
    "Hi, my order {n} arrived damaged. I want a refund.",
    "Danke für die schnelle Hilfe mit Auftrag {n}!",
    "Can you change the delivery address of order {n}?",
    "Das Gerät aus Bestellung {n} funktioniert nicht mehr. Ich bin sehr unzufrieden.",
)


# -- requests --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hook:
    """One prepared request: the bytes on the wire and the interaction id it must become."""

    kind: str
    wire: bytes
    channel_message_id: str


def _wire(port: int, path: str, content_type: str, body: bytes, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def twilio_signature(auth_token: str, url: str, params: dict[str, str]) -> str:
    """What Twilio puts in ``X-Twilio-Signature`` (written out here, not taken from the code under test)."""
    signed = url + "".join(name + value for name, value in sorted(params.items()))
    return base64.b64encode(hmac.new(auth_token.encode(), signed.encode(), hashlib.sha1).digest()).decode("ascii")


def build_hooks(count: int, *, port: int, sms_channel: int, telegram_channel: int, auth_token: str, bot_id: int, seed: int, tag: str, id_base: int = 0) -> list[Hook]:
    """``count`` requests, alternating SMS and Telegram; about one sender per eight messages, so contacts repeat."""
    rng = random.Random(seed)
    senders = max(2, count // 8)
    phones = [f"+4915{rng.randrange(10**8, 10**9)}" for _ in range(senders)]
    users = [7_100_000 + id_base + i for i in range(senders)]
    next_message_id: dict[int, int] = {}
    hooks = []
    for index in range(count):
        words = rng.choice(TEXTS).format(n=rng.randrange(10_000, 99_999))
        if index % 2 == 0:
            sid = "SM" + hashlib.md5(f"{tag}-{index}".encode()).hexdigest()
            params = {
                "ToCountry": "DE", "SmsMessageSid": sid, "NumMedia": "0", "SmsSid": sid, "SmsStatus": "received", "Body": words,
                "To": OUR_NUMBER, "NumSegments": "1", "MessageSid": sid, "AccountSid": ACCOUNT_SID, "From": rng.choice(phones),
                "ApiVersion": "2010-04-01",
            }
            body = urlencode(params).encode()
            headers = {"X-Twilio-Signature": twilio_signature(auth_token, PUBLIC_URL, params)}
            hooks.append(Hook("sms", _wire(port, f"/hooks/sms/{sms_channel}", "application/x-www-form-urlencoded", body, headers), f"twilio:{sid}"))
        else:
            user = rng.choice(users)
            message_id = next_message_id[user] = next_message_id.get(user, 0) + 1
            sender = {"id": user, "is_bot": False, "first_name": f"Kunde{user % 1000}", "username": f"kunde_{user}"}
            update = {
                "update_id": 600_000_000 + id_base + index,
                "message": {"message_id": message_id, "date": int(time.time()), "chat": {"id": user, "type": "private", "first_name": sender["first_name"]},
                            "from": sender, "text": words},
            }
            body = json.dumps(update).encode()
            headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
            hooks.append(Hook("telegram", _wire(port, f"/hooks/telegram/{telegram_channel}", "application/json", body, headers), f"{bot_id}/{user}/{message_id}"))
    return hooks


# -- the load generator (second process) ---------------------------------------------------------------


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """(status, server closes) of one HTTP/1.1 response, its body read and dropped."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed before a response")
    status = int(status_line.split(b" ", 2)[1])
    length, close, chunked = None, False, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "connection" and value == "close":
            close = True
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
    if chunked:
        while (size := int((await reader.readline()).split(b";")[0], 16)) > 0:
            await reader.readexactly(size + 2)
        await reader.readline()
    elif length is not None:
        await reader.readexactly(length)
    else:
        await reader.read()
        close = True
    return status, close


async def _drive(port: int, wires: list[bytes], concurrency: int, rate: float, seconds: float) -> list[tuple[int, int, float, float]]:
    """(index, status, sent, answered) per request; status 0 for a connection error."""
    results: list[tuple[int, int, float, float]] = []
    indexes = iter(range(len(wires)))
    started = time.monotonic()
    deadline = started + seconds

    async def connection() -> None:
        reader = writer = None
        for index in indexes:
            if rate:
                await asyncio.sleep(max(0.0, started + index / rate - time.monotonic()))
            if time.monotonic() > deadline:
                return
            sent = time.monotonic()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write(wires[index])
                status, close = await _read_response(reader)  # type: ignore[arg-type]
            except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError):
                status, close = 0, True
            results.append((index, status, sent, time.monotonic()))
            if close and writer is not None:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return results


def _load_process(port: int, wires: list[bytes], concurrency: int, rate: float, seconds: float, pipe: Any) -> None:
    pipe.send(asyncio.run(_drive(port, wires, concurrency, rate, seconds)))
    pipe.close()


def run_load(port: int, wires: list[bytes], concurrency: int, rate: float, seconds: float) -> tuple[list[tuple[int, int, float, float]], float]:
    """Send ``wires`` from a second process; returns its per-request results and the wall time."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_load_process, args=(port, wires, concurrency, rate, seconds, theirs), daemon=True)
    started = time.monotonic()
    process.start()
    results = ours.recv()
    took = time.monotonic() - started
    process.join()
    if results:
        took = max(answered for *_, answered in results) - min(sent for _, _, sent, _ in results)
    return results, took


# -- the fake Telegram Bot API (a third process) --------------------------------------------------------


def _fake_telegram_process(pipe: Any) -> None:
    from tests.support.fake_telegram import FakeTelegram

    fake = FakeTelegram().start()
    pipe.send(fake.url)
    pipe.recv()  # until told to stop
    fake.stop()


# -- orchestration ---------------------------------------------------------------------------------


def fresh_schema(name: str) -> str:
    """An empty schema of its own on the shared test server; the URL that uses it."""
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {name}"))
    admin.dispose()
    return f"{PG_SERVER}?options=-csearch_path%3D{name}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def add_channels(url: str, secrets_key: str, telegram_api: str) -> tuple[int, int, str, int]:
    """(sms channel, telegram channel, auth token, bot id), added through the admin service (secrets sealed)."""
    from connectors.registry import default_registry
    from hub.connector_admin import add_channel
    from hub.db import make_engine, make_session_factory, unit_of_work, upgrade_database
    from hub.secrets import SecretBox
    from tests.support.fake_telegram import BOT_ID, TOKEN

    engine = make_engine(url, "bench-webhooks-setup")
    upgrade_database(engine)
    box, auth_token = SecretBox([secrets_key]), uuid.uuid4().hex
    with unit_of_work(make_session_factory(engine)) as session:
        sms = add_channel(session, default_registry(), box, kind="sms", name="Bench SMS", user_id=None, submitted={
            "mode": "twilio", "phone_number": OUR_NUMBER, "public_url": PUBLIC_URL, "account_sid": ACCOUNT_SID,
            "auth_token": auth_token, "api_url": "http://127.0.0.1:9", "default_region": "DE",
        })
        telegram = add_channel(session, default_registry(), box, kind="telegram", name="Bench Telegram", user_id=None, submitted={
            "bot_token": TOKEN, "mode": "webhook", "webhook_secret": WEBHOOK_SECRET, "api_url": telegram_api, "poll_timeout": "0",
        })
    engine.dispose()
    return sms, telegram, auth_token, BOT_ID


class ArrivalPoller(threading.Thread):
    """Notes when each interaction first shows up in PostgreSQL (every ``interval`` seconds)."""

    def __init__(self, url: str, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.url, self.interval = url, interval
        self.seen: dict[str, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        engine = create_engine(self.url)
        last_id = 0
        # Ids come from a sequence but transactions commit out of order: an id skipped below the
        # highest one seen is asked for again until it shows up (or stays a rolled-back gap).
        gaps: set[int] = set()
        while not self.stop.is_set():
            with engine.connect() as connection:
                rows = connection.execute(
                    text("SELECT id, channel_message_id FROM interactions WHERE id > :last OR id = ANY(:gaps)"),
                    {"last": last_id, "gaps": sorted(gaps)},
                ).all()
            now = time.monotonic()
            for row_id, message_id in rows:
                self.seen.setdefault(message_id, now)
                gaps.discard(row_id)
            new_ids = sorted(row_id for row_id, _ in rows if row_id > last_id)
            if new_ids:
                gaps.update(set(range(last_id + 1, new_ids[-1])) - set(new_ids))
                last_id = new_ids[-1]
            self.stop.wait(self.interval)
        engine.dispose()


def start_processes(env: dict[str, str], port: int, web_workers: int, threads: int, rq_workers: int, log_dir: Path) -> list[subprocess.Popen[bytes]]:
    """RQ workers and gunicorn, each in its own process group (stopped together at the end)."""
    hub = [sys.executable, "-m", "workers.cli"]
    procs = [
        subprocess.Popen(hub + ["worker"], env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=open(log_dir / f"worker{i}.log", "wb"), start_new_session=True)
        for i in range(rq_workers)
    ]
    gunicorn = [
        sys.executable, "-m", "gunicorn", "--workers", str(web_workers), "--worker-class", "gthread", "--threads", str(threads),
        "--bind", f"127.0.0.1:{port}", "--error-logfile", str(log_dir / "gunicorn.log"), "web.wsgi:make_app()",
    ]
    procs.append(subprocess.Popen(gunicorn, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=open(log_dir / "web.log", "wb"), start_new_session=True))
    return procs


def wait_for_server(port: int, procs: list[subprocess.Popen[bytes]], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if procs[-1].poll() is not None:
            raise RuntimeError("gunicorn exited; see its log in the var directory")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(f"GET {REFERENCE_PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                if connection.recv(12).startswith(b"HTTP/1.1"):
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {timeout:.0f} s")


def stop_processes(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


@dataclass
class Figures:
    """What one load phase measured."""

    sent: int
    ok: int
    non_2xx: dict[int, int]
    seconds: float
    latencies_ms: list[float]

    @property
    def ok_per_second(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


def figures(results: list[tuple[int, int, float, float]], took: float) -> Figures:
    """Counts and latencies of one phase; status 0 stands for a connection error."""
    non_2xx: dict[int, int] = {}
    for _, status, _, _ in results:
        if not 200 <= status < 300:
            non_2xx[status] = non_2xx.get(status, 0) + 1
    ok = sum(1 for _, status, _, _ in results if 200 <= status < 300)
    return Figures(len(results), ok, non_2xx, took, [(answered - sent) * 1000 for _, _, sent, answered in results])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000, help="webhook requests (half SMS, half Telegram)")
    parser.add_argument("--concurrency", type=int, default=8, help="connections the load generator keeps open")
    parser.add_argument("--rate", type=float, default=0.0, help="pace requests at this many per second (0: as fast as answered)")
    parser.add_argument("--seconds", type=float, default=120.0, help="stop sending after this long, whatever is left")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="gthread threads per gunicorn worker")
    parser.add_argument("--rq-workers", type=int, default=2)
    parser.add_argument("--arrival-timeout", type=float, default=60.0, help="how long to wait for the last interactions")
    parser.add_argument("--quick", action="store_true", help="tiny counts: a smoke run of the whole set-up")
    args = parser.parse_args()
    if args.quick:
        args.requests, args.seconds, args.arrival_timeout = 40, 30.0, 120.0
    if args.requests < 2 or args.concurrency < 1:
        parser.error("--requests must be at least 2 and --concurrency at least 1")

    url = fresh_schema(SCHEMA)
    var_dir = REPO / "var" / "bench" / "webhooks"
    shutil.rmtree(var_dir, ignore_errors=True)
    var_dir.mkdir(parents=True)
    secrets_key = Fernet.generate_key().decode("ascii")
    queue_name = f"bench-webhooks-{os.getpid()}"  # its own queue: other runs on the same Redis are left alone
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
    env.update(HUB_DATABASE_URL=url, HUB_REDIS_URL=REDIS_URL, HUB_VAR_DIR=str(var_dir), HUB_QUEUE_NAME=queue_name,
               HUB_SECRETS_KEY=secrets_key, PYTHONPATH=str(REPO))

    context = multiprocessing.get_context("spawn")
    fake_pipe, fake_end = context.Pipe()
    fake = context.Process(target=_fake_telegram_process, args=(fake_end,), daemon=True)
    fake.start()
    telegram_api = fake_pipe.recv()
    sms_channel, telegram_channel, auth_token, bot_id = add_channels(url, secrets_key, telegram_api)
    port = free_port()
    procs = start_processes(env, port, args.web_workers, args.threads, args.rq_workers, var_dir)
    poller = ArrivalPoller(url)
    try:
        wait_for_server(port, procs)
        time.sleep(3)  # RQ workers load their models before the clock starts
        build = dict(port=port, sms_channel=sms_channel, telegram_channel=telegram_channel, auth_token=auth_token, bot_id=bot_id)
        warmup = build_hooks(4 * args.web_workers * args.threads, seed=1, tag="warmup", **build)
        hooks = build_hooks(args.requests, seed=2, tag="run", id_base=1_000_000, **build)
        reference_wires = [hook.wire.replace(hook.wire.split(b" ", 2)[1], REFERENCE_PATH.encode(), 1) for hook in hooks]
        # Warm-up: each worker builds its runtime (engine, queue) on its first webhook.
        warm_results, _ = run_load(port, [hook.wire for hook in warmup], args.concurrency, 0.0, 60.0)
        if not all(200 <= status < 300 for _, status, _, _ in warm_results):
            raise RuntimeError(f"warm-up webhooks were refused: {sorted({status for _, status, _, _ in warm_results})}; see {var_dir}/gunicorn.log")
        reference = figures(*run_load(port, reference_wires, args.concurrency, args.rate, args.seconds))
        poller.start()
        results, took = run_load(port, [hook.wire for hook in hooks], args.concurrency, args.rate, args.seconds)
        webhooks = figures(results, took)
        answered = {hooks[index].channel_message_id: at for index, status, _, at in results if 200 <= status < 300}
        deadline = time.monotonic() + args.arrival_timeout
        while time.monotonic() < deadline and not answered.keys() <= poller.seen.keys():
            time.sleep(0.1)
    finally:
        poller.stop.set()
        stop_processes(procs)
        Queue(queue_name, connection=Redis.from_url(REDIS_URL)).delete(delete_jobs=True)  # what no worker took
        fake_pipe.send("stop")
        fake.join(timeout=10)
    arrivals = [max(0.0, poller.seen[key] - at) * 1000 for key, at in answered.items() if key in poller.seen]
    missing = len(answered) - len(arrivals)
    with create_engine(url).connect() as connection:
        quarantined = connection.execute(text("SELECT count(*) FROM raw_messages WHERE status = 'quarantined'")).scalar_one()

    by_kind = {kind: [webhooks.latencies_ms[i] for i, (index, *_rest) in enumerate(results) if hooks[index].kind == kind] for kind in ("sms", "telegram")}
    print(f"webhooks benchmark: {args.requests} requests (half SMS/Twilio, half Telegram), concurrency {args.concurrency}, "
          f"rate {'unpaced' if not args.rate else f'{args.rate:.0f}/s'}, gunicorn {args.web_workers} gthread workers x {args.threads} threads, "
          f"{args.rq_workers} RQ worker(s), {os.cpu_count()} CPUs")
    print(f"{'phase':<28} {'sent':>6} {'2xx':>6} {'non-2xx':>14} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name, phase, latencies in (
        ("reference (404 route)", reference, reference.latencies_ms),
        ("webhooks, all", webhooks, webhooks.latencies_ms),
        ("  of which SMS", None, by_kind["sms"]),
        ("  of which Telegram", None, by_kind["telegram"]),
    ):
        counts = (f"{phase.sent:>6} {phase.ok:>6} {json.dumps(phase.non_2xx) if phase.non_2xx else '0':>14} "
                  f"{phase.sent / phase.seconds if phase is reference else phase.ok_per_second:>8.0f}") if phase else f"{len(latencies):>6} {'':>6} {'':>14} {'':>8}"
        print(f"{name:<28} {counts} {_quantile(latencies, 0.5):>8.1f} {_quantile(latencies, 0.95):>8.1f} {_quantile(latencies, 0.99):>8.1f}")
    reference_rate = reference.sent / reference.seconds if reference.seconds else 0.0
    print(f"accepted webhooks/s vs reference req/s: {webhooks.ok_per_second:.0f} / {reference_rate:.0f} = {webhooks.ok_per_second / reference_rate:.0%}" if reference_rate else "")
    print(f"2xx -> interaction in the timeline: p50 {_quantile(arrivals, 0.5):.0f} ms, p95 {_quantile(arrivals, 0.95):.0f} ms, "
          f"max {max(arrivals, default=float('nan')):.0f} ms; {len(arrivals)}/{len(answered)} arrived, {missing} not within "
          f"{args.arrival_timeout:.0f} s after the load; {quarantined} raw(s) quarantined (poll every 20 ms)")
    met = webhooks.ok_per_second >= 300 and _quantile(webhooks.latencies_ms, 0.95) <= 50 and _quantile(arrivals, 0.95) <= 1000 and not missing
    print(f"targets (>= 300 accepted/s, p95 <= 50 ms, 2xx -> timeline p95 <= 1 s, none missing): {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
