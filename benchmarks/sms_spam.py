"""Precision and recall of the SMS spam rules (nlp.sms_spam) on the shared UCI SMS Spam dev split.

Nothing is trained on the file: the rules are fixed, this only measures them.

    .venv/bin/python -m benchmarks.sms_spam [--data ../shared/data/nlp/sms_spam_dev.jsonl] [--show 5]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from nlp.sms_spam import spam_verdict

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "nlp" / "sms_spam_dev.jsonl"


def evaluate(path: Path, show: int = 0) -> dict[str, float]:
    """Counts, precision, recall and F1 of the ``spam`` flag against the file's labels."""
    counts: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    wrong: list[tuple[str, str, tuple[str, ...]]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            verdict = spam_verdict(row["text"])
            truth = row["label"] == "spam"
            key = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[(verdict.is_spam, truth)]
            counts[key] += 1
            fired.update(verdict.rules)
            if key in ("fp", "fn") and len(wrong) < show * 2:
                wrong.append((key, row["text"][:100], verdict.rules))
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    for key, text, rules in wrong:
        print(f"{key}: {text!r} {rules}")
    print("rules fired:", dict(fired.most_common()))
    return {**{k: float(v) for k, v in counts.items()}, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print this many false positives/negatives")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.data, args.show)))


if __name__ == "__main__":
    main()
