"""Throughput of language detection + intent/complaint tagging, one process.

Usage: ``python benchmarks/nlp_tagging.py [--data-dir ../shared/data/nlp] [--n 20000]``

Measures, on a mix of real messages from the shared dev data:
* spaCy tokenizer only (``nlp.tokenizer.pipe``): the ceiling for any spaCy
  pipeline on this machine, measured in the same run;
* language detection alone;
* the full tagger (language + textcat + rules + decision with reasons)
  through ``Tagger.tag_many`` (``nlp.pipe`` batches), pipeline built once;
and prints messages/s and peak RSS.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nlp.language import detect_language  # noqa: E402
from nlp.tagging import default_tagger  # noqa: E402

FILES = (
    "complaint_dev.jsonl",
    "intent_dev.jsonl",
    "germeval2017_dev.jsonl",
    "sms_spam_dev.jsonl",
    "synthetic_tickets_dev.jsonl",
    "cfpb_dev.jsonl",
)


def load_texts(data_dir: Path, n: int) -> list[str]:
    """Round-robin over the files so the mix of lengths/languages is realistic."""
    per_file = []
    for name in FILES:
        with (data_dir / name).open(encoding="utf-8") as fh:
            per_file.append([json.loads(line)["text"] for line in fh])
    mixed = [t for group in itertools.zip_longest(*per_file) for t in group if t is not None]
    while len(mixed) < n:
        mixed = mixed + mixed
    return mixed[:n]


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f} msg/s ({seconds * 1e6 / n:.1f} µs/msg)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data" / "nlp")
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()

    texts = load_texts(args.data_dir, args.n)
    avg_len = sum(len(t) for t in texts) / len(texts)
    t0 = time.perf_counter()
    tagger = default_tagger()
    tagger.batch_size = args.batch_size
    build = time.perf_counter() - t0
    tagger.tag_many(texts[:200])  # warm caches

    t0 = time.perf_counter()
    for _ in tagger.nlp.tokenizer.pipe(texts, batch_size=args.batch_size):
        pass
    tok = time.perf_counter() - t0

    t0 = time.perf_counter()
    for t in texts:
        detect_language(t)
    lang = time.perf_counter() - t0

    t0 = time.perf_counter()
    results = tagger.tag_many(texts)
    full = time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"messages: {len(texts):,} (avg {avg_len:.0f} chars), model {tagger.model_version}")
    print(f"pipeline build:              {build:.2f} s")
    print(f"spaCy tokenizer only:        {rate(len(texts), tok)}   <- ceiling")
    print(f"language detection only:     {rate(len(texts), lang)}")
    print(f"language + tagging (full):   {rate(len(texts), full)}")
    print(f"complaints tagged: {sum(r.complaint for r in results):,}; "
          f"intents: {len({r.intent for r in results})} distinct")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
