"""The whole NLP of one message, one process: clean + signals + language + tags.

Usage: ``python benchmarks/nlp.py [--n 12000] [--model DIR]``

``--model`` tags with another model directory than the shipped one, so an
old and a new model can be measured back to back on the same machine load.

Over >=10,000 real messages from ../shared/data/nlp (round-robin over the
sources), pipelines built once, batches through ``nlp.pipe``. Prints the
rate of each part and of the whole chain, the spaCy rule tokenizer alone
(the ceiling named in the issue) and our regex tokenizer alone, and peak RSS.
Target: whole chain >= 2,000 messages/s on one core, RSS <= 400 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from benchmarks.nlp_tagging import load_texts, rate  # noqa: E402
from nlp.cleaning import clean_body  # noqa: E402
from nlp.language import detect_language  # noqa: E402
from nlp.signals import SignalExtractor  # noqa: E402
from nlp.tagging import default_tagger, load_tagger  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data" / "nlp")
    parser.add_argument("--n", type=int, default=12_000)
    parser.add_argument("--model", type=Path, default=None, help="model directory (default: the shipped one)")
    args = parser.parse_args()
    texts = load_texts(args.data_dir, args.n)
    tagger = load_tagger(args.model) if args.model else default_tagger()
    extractor = SignalExtractor()
    tagger.tag_many(texts[:200])
    extractor.extract_many([{"from_name": "A B", "from_address": "a@b.de", "body": t} for t in texts[:200]])
    spacy_tokenizer = spacy.blank("de").tokenizer
    timings: dict[str, float] = {}

    def timed(name: str, work) -> object:  # type: ignore[no-untyped-def]
        started = time.process_time()
        result = work()
        timings[name] = time.process_time() - started
        return result

    timed("spaCy rule tokenizer only (ceiling)", lambda: [spacy_tokenizer(t) for t in texts])
    timed("regex tokenizer only (ours)", lambda: list(tagger.nlp.tokenizer.pipe(texts)))
    cleaned = timed("clean", lambda: [clean_body(t) for t in texts])
    timed(
        "signals",
        lambda: extractor.extract_many(
            [{"from_name": "Kundin Beispiel", "from_address": "kundin@example.org", "body": c.reply, "signature": c.signature} for c in cleaned]  # type: ignore[attr-defined]
        ),
    )
    langs = timed("language", lambda: [detect_language(c.reply)[0] for c in cleaned])  # type: ignore[attr-defined]
    timed("tags (intent, complaint, severity, reasons)", lambda: tagger.tag_many([c.reply for c in cleaned], langs))  # type: ignore[attr-defined, arg-type]
    chain = sum(seconds for name, seconds in timings.items() if "tokenizer" not in name)
    print(f"model: {tagger.model_version}")
    print(f"messages: {len(texts):,} (mean {sum(map(len, texts)) / len(texts):.0f} chars), CPU time of one process")
    for name, seconds in timings.items():
        print(f"  {name:<45} {rate(len(texts), seconds)}")
    print(f"  {'whole chain: clean + signals + language + tags':<45} {rate(len(texts), chain)}   (target >= 2,000 msg/s per core)")
    print(f"  whole chain vs spaCy tokenizer alone: {timings['spaCy rule tokenizer only (ceiling)'] / chain:.0%}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (target <= 400 MB)")


if __name__ == "__main__":
    main()
