"""In-process pipeline rate for mail and for Telegram payloads, and per-stage times.

Measures what the connector contract changed in ingest: mail keeps its fast
path (compare this script's mail figure on two checkouts), and how fast
Telegram envelopes go through the same stages. One process, SQLite in a
temporary directory (or ``--database-url``), jobs in-process, batches of 500.

Usage: python benchmarks/pipeline_channels.py [--mails 3000] [--telegram 3000] [--database-url URL]
(Run from another checkout with PYTHONPATH=<that checkout> to compare.)
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# First, ahead of this script's own folder (benchmarks/nlp.py would shadow the nlp package) and of an
# installed checkout, so running it from another checkout measures that checkout.
sys.path.insert(0, str(REPO))

from benchmarks.mailgen import generate_mails  # noqa: E402
from config import Settings  # noqa: E402
from hub.db import unit_of_work  # noqa: E402
from hub.ingest import ingest  # noqa: E402
from hub.intake import IncomingRaw, store_raw_batch  # noqa: E402
from workers.runtime import get_runtime  # noqa: E402

_STAGES = re.compile(r"stage_ms=(\S+)")


class StageLog(logging.Handler):
    """Adds up the per-stage milliseconds of the ingest log lines."""

    def __init__(self) -> None:
        super().__init__()
        self.totals: dict[str, float] = defaultdict(float)

    def emit(self, record: logging.LogRecord) -> None:
        match = _STAGES.search(record.getMessage())
        if match:
            for part in match.group(1).split(","):
                name, _, ms = part.partition(":")
                self.totals[name] += float(ms)


def telegram_envelopes(count: int) -> list[IncomingRaw]:
    """Text updates from 200 users, as the Telegram connector stores them."""
    from connectors.telegram import ENVELOPE_FORMAT, UPDATES_FOLDER, canonical_json

    items = []
    for n in range(count):
        user = 1000 + n % 200
        message = {"message_id": n + 1, "date": 1763900000 + n, "chat": {"id": user, "type": "private"},
                   "from": {"id": user, "is_bot": False, "first_name": f"Kunde{user}", "username": f"kunde_{user}"},
                   "text": f"Hallo, meine Bestellung {4000 + n} ist noch nicht da. Können Sie nachsehen?"}
        envelope = {"format": ENVELOPE_FORMAT, "bot_id": "7000001", "update": {"update_id": n + 1, "message": message}, "files": [], "file_failures": []}
        items.append(IncomingRaw(canonical_json(envelope), folder=UPDATES_FOLDER, uid=n + 1))
    return items


def run(items: list[IncomingRaw], kind: str, runtime, channel_id: int | None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        kwargs = {"channel_kind": kind} if kind != "email" else {}
        ids = list(store_raw_batch(session, runtime.blob_store, channel_id, items, **kwargs).pending_raw_ids)
    handler = StageLog()
    logging.getLogger("hub.ingest").addHandler(handler)
    started = time.perf_counter()
    done = 0
    for start in range(0, len(ids), 500):
        done += ingest(runtime.factory, runtime.services(), runtime.pipeline, ids[start : start + 500]).ingested
    took = time.perf_counter() - started
    logging.getLogger("hub.ingest").removeHandler(handler)
    return {"kind": kind, "messages": len(ids), "ingested": done, "seconds": round(took, 2), "per_second": round(len(ids) / took, 1),
            "stage_ms_per_message": {k: round(v / max(1, len(ids)), 3) for k, v in handler.totals.items()}}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=3000)
    parser.add_argument("--telegram", type=int, default=3000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    logging.getLogger("hub.ingest").setLevel(logging.INFO)
    with tempfile.TemporaryDirectory() as tmp:
        runtime = get_runtime(Settings(var_dir=Path(tmp), database_url=args.database_url, redis_url=""))
        runtime.pipeline  # build the taggers before timing  # noqa: B018
        results = [run(list(IncomingRaw(raw) for raw in generate_mails(args.mails)), "email", runtime, None)]
        if args.telegram:
            from hub.channels import ensure_channel

            with unit_of_work(runtime.factory) as session:
                channel_id = ensure_channel(session, kind="telegram", name="bench telegram")
            results.append(run(telegram_envelopes(args.telegram), "telegram", runtime, channel_id))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
