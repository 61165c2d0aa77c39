"""Website chat: server time of a visitor's POST, ingest rate of chat lines, and reply-to-visitor latency.

One process, the real Flask app driven by test clients (no network), SQLite
in a temporary directory or ``--database-url``. Three figures:

* POST ``/chat/w/<id>/messages`` as with RQ (the ingest request is only
  recorded): validate, keep raw, commit, signal; p50/p95 ms;
* the recorded lines then ingested in batches of 500 (lines per second);
* an agent's reply POST until the visitor's open SSE stream yields it
  (in-process bus; p50/p95 ms over ``--replies`` replies).

Usage: python benchmarks/chat_widget.py [--visitors 50] [--lines 10] [--replies 30] [--database-url URL]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from config import Settings  # noqa: E402
from hub.channels import ensure_channel  # noqa: E402
from hub.db import unit_of_work  # noqa: E402
from hub.ingest import ingest  # noqa: E402
from hub.users import create_or_update_user  # noqa: E402
from web import create_app  # noqa: E402
from workers.runtime import get_runtime  # noqa: E402

ORIGIN = "https://www.shop.example"


class RecordingQueue:
    """Stands in for RQ: remembers what would be ingested."""

    def __init__(self) -> None:
        self.raw_ids: list[int] = []

    def enqueue_ingest(self, raw_ids: list[int]) -> None:
        self.raw_ids.extend(raw_ids)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {ordered[int(len(ordered) * 0.95) - 1] * 1000:.1f} ms (n={len(ordered)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--lines", type=int, default=10)
    parser.add_argument("--replies", type=int, default=30)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(var_dir=Path(tmp) / "var", database_url=args.database_url, redis_url="", secret_key="bench")
        runtime = get_runtime(settings)
        app = create_app(settings)
        queue = RecordingQueue()
        app.extensions["hub.job_queue"] = queue
        with unit_of_work(runtime.factory) as session:
            # A high limit: this measures the server, not the spam guard.
            channel_id = ensure_channel(session, kind="chat", name="Bench chat", config={"settings": {"allowed_origins": ORIGIN, "messages_per_minute": 100_000}, "enabled": True})
            create_or_update_user(session, "bench@example.test", "bench password 1", role="agent", display_name="Bench")
        import web.chat_widget as widget

        widget.LINES_PER_MINUTE_PER_ADDRESS = 10**9
        widget.STARTS_PER_MINUTE = 10**9
        client = app.test_client()
        tokens = [client.post(f"/chat/w/{channel_id}/conversations", json={}, headers={"Origin": ORIGIN}).get_json()["token"] for _ in range(args.visitors)]
        post_times: list[float] = []
        for line in range(args.lines):
            for number, token in enumerate(tokens):
                started = time.perf_counter()
                response = client.post(
                    f"/chat/w/{channel_id}/messages",
                    json={"id": f"bench-{number:05d}-{line:05d}", "text": f"Frage {line} von Besucher {number}", "email": f"visitor{number}@example.org"},
                    headers={"Origin": ORIGIN, "X-Chat-Token": token},
                )
                post_times.append(time.perf_counter() - started)
                assert response.status_code == 201, response.get_data(as_text=True)
        print(f"visitor POST (ingest queued): {_ms(post_times)}")

        started = time.perf_counter()
        ids = sorted(queue.raw_ids)
        for start in range(0, len(ids), 500):
            report = ingest(runtime.factory, runtime.services(), runtime.pipeline, ids[start : start + 500])
            assert report.quarantined == 0, report
        seconds = time.perf_counter() - started
        print(f"ingest of {len(ids)} chat lines: {len(ids) / seconds:.0f} lines/s (includes loading the taggers once)")

        agent = app.test_client()
        login = agent.get("/login").get_data(as_text=True)
        csrf = login.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        agent.post("/login", data={"email": "bench@example.test", "password": "bench password 1", "csrf_token": csrf})
        page = agent.get("/chat").get_data(as_text=True)
        path = page.split('href="/chat/', 1)[1].split('"', 1)[0]
        conversation_id = path.split("/", 1)[1]
        token = next(t for t in tokens if _conversation(app, channel_id, t) == conversation_id)
        csrf = agent.get(f"/chat/{path}").get_data(as_text=True).split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        app.config.update(CHAT_SSE_MAX_SECONDS=60, CHAT_SSE_HEARTBEAT_SECONDS=60)
        latencies: list[float] = []
        for reply in range(args.replies):
            last = client.get(f"/chat/w/{channel_id}/messages?after=0", headers={"Origin": ORIGIN, "X-Chat-Token": token}).get_json()["messages"][-1]["id"]
            ready, received = threading.Event(), threading.Event()

            def listen(after: int = last) -> None:
                response = app.test_client().get(f"/chat/w/{channel_id}/stream?after={after}", headers={"Origin": ORIGIN, "X-Chat-Token": token}, buffered=False)
                for chunk in response.response:
                    ready.set()  # the first chunk ("retry:") comes after the subscription is open
                    if b"event: line" in chunk:
                        received.set()
                        break
                response.close()

            listener = threading.Thread(target=listen)
            listener.start()
            ready.wait(10)
            started = time.perf_counter()
            agent.post(f"/chat/{path}/reply", data={"csrf_token": csrf, "text": f"Antwort {reply}"})
            received.wait(30)
            latencies.append(time.perf_counter() - started)
            listener.join(30)
        print(f"agent reply POST -> line in the visitor's open stream (ingest queued): {_ms(latencies)}")
    return 0


def _conversation(app, channel_id: int, token: str) -> str:  # type: ignore[no-untyped-def]
    from hub.chat import conversation_of_token

    return conversation_of_token(app.config["SECRET_KEY"], channel_id, token)


if __name__ == "__main__":
    raise SystemExit(main())
