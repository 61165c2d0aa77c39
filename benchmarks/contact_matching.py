"""Contact-matching benchmark: precision/recall on the labelled eval set and
throughput of signal extraction + scoring.

    .venv/bin/python benchmarks/contact_matching.py [--eval PATH] [--repeat N] [--errors]

Precision = of the auto-"matched" decisions, the fraction with the right
contact.  Recall = of the cases whose expected outcome is a match, the
fraction auto-matched to the right contact.  Cases expected "suggested" or
"new_contact" only require that nothing is auto-matched.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hub.matching import ContactCandidate, KnownIdentity, MatchDecision, score_candidates  # noqa: E402
from nlp.signals import SignalExtractor  # noqa: E402

DEFAULT_EVAL = ROOT / "tests" / "data" / "contact_matching_eval.jsonl"


def load_cases(path: Path = DEFAULT_EVAL) -> list[dict]:
    """Cases from a JSONL file (one JSON object per line)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def candidates_of(case: dict) -> list[ContactCandidate]:
    """The case's known contacts as matcher candidates."""
    return [
        ContactCandidate(
            contact_id=c["contact_id"],
            display_name=c["display_name"],
            identities=tuple(KnownIdentity(i["kind"], i["value"]) for i in c["identities"]),
            company_name=c.get("company_name"),
            company_domains=tuple(c.get("company_domains") or ()),
        )
        for c in case["contacts"]
    ]


class Runner:
    """Extractors per phone region (built once) and the decision per case."""

    def __init__(self) -> None:
        self._extractors: dict[str, SignalExtractor] = {}

    def extractor(self, region: str) -> SignalExtractor:
        ex = self._extractors.get(region)
        if ex is None:
            ex = self._extractors[region] = SignalExtractor(default_region=region)
        return ex

    def decide(self, case: dict) -> MatchDecision:
        msg = case["message"]
        signals = self.extractor(case.get("region", "DE")).extract(
            from_name=msg.get("from_name"), from_address=msg.get("from_address"), body=msg.get("body", ""),
            signature=msg.get("signature", ""), lang=case.get("lang", "de"),
        )
        return score_candidates(signals, candidates_of(case))


@dataclass
class Metrics:
    """Counts and rates of one evaluation run."""

    n: int
    expected_match: int
    auto_matched: int
    correct_matches: int
    wrong_matches: list[tuple[dict, MatchDecision]]
    missed: list[tuple[dict, MatchDecision]]
    outcomes: Counter
    per_category: dict[str, Counter]

    @property
    def precision(self) -> float:
        return self.correct_matches / self.auto_matched if self.auto_matched else 1.0

    @property
    def recall(self) -> float:
        return self.correct_matches / self.expected_match if self.expected_match else 1.0


def evaluate(cases: Sequence[dict], runner: Runner | None = None) -> Metrics:
    """Run every case and count (wrong matches count against precision)."""
    runner = runner or Runner()
    expected_match = auto = correct = 0
    wrong: list[tuple[dict, MatchDecision]] = []
    missed: list[tuple[dict, MatchDecision]] = []
    outcomes: Counter = Counter()
    per_cat: dict[str, Counter] = defaultdict(Counter)
    for case in cases:
        d = runner.decide(case)
        exp = case["expected"]
        outcomes[(exp["outcome"], d.outcome)] += 1
        cat = per_cat[case["category"]]
        cat["n"] += 1
        want_match = exp["outcome"] == "matched"
        expected_match += want_match
        if d.outcome == "matched":
            auto += 1
            if want_match and d.contact_id == exp["contact_id"]:
                correct += 1
                cat["ok"] += 1
            else:
                wrong.append((case, d))
                cat["wrong_match"] += 1
        elif want_match:
            missed.append((case, d))
            cat["missed"] += 1
        else:
            cat["ok"] += 1
    return Metrics(len(cases), expected_match, auto, correct, wrong, missed, outcomes, dict(per_cat))


_FILLER = (
    "Wie besprochen schicke ich Ihnen hier die Unterlagen für das Projekt. Bitte prüfen Sie die Angaben "
    "zu Menge, Liefertermin und Preis, insbesondere Position 3 (Art.-Nr. 100234, 20 Stück à 12,50 €). "
    "Falls etwas fehlt, melden Sie sich gern. We also need the updated quote by Friday, 14 March.\n"
)


def throughput(cases: Sequence[dict], repeat: int = 3) -> dict[str, float]:
    """Messages per CPU-second (one core), pipelines warm: extraction alone,
    scoring alone (candidates prepared), both together, and extraction on
    ~2 KB bodies (the eval bodies are short)."""
    runner = Runner()
    msgs = [(runner.extractor(c.get("region", "DE")), c["message"], c.get("lang", "de")) for c in cases]
    cands = [candidates_of(c) for c in cases]

    def extract(ex: SignalExtractor, m: dict, lang: str, pad: str = ""):  # noqa: ANN202
        return ex.extract(from_name=m.get("from_name"), from_address=m.get("from_address"),
                          body=pad + m.get("body", ""), signature=m.get("signature", ""), lang=lang)

    def rate(fn) -> float:  # noqa: ANN001
        # CPU time of this process: "per core", and robust when other jobs share the machine
        fn()
        t0 = time.process_time()
        for _ in range(repeat):
            fn()
        return repeat * len(cases) / (time.process_time() - t0)

    signals = [extract(*m) for m in msgs]
    long_pad = _FILLER * 6
    return {
        "extract": rate(lambda: [extract(*m) for m in msgs]),
        "score": rate(lambda: [score_candidates(s, c) for s, c in zip(signals, cands)]),
        "extract+score": rate(lambda: [score_candidates(extract(*m), c) for m, c in zip(msgs, cands)]),
        "extract (2 KB bodies)": rate(lambda: [extract(*m, pad=long_pad) for m in msgs]),
    }


def _describe(items: Iterable[tuple[dict, MatchDecision]]) -> str:
    out = []
    for case, d in items:
        out.append(f"  {case['id']}: expected {case['expected']} got {d.outcome} {d.contact_id} ({d.score})\n"
                   f"    reason: {d.reason}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--errors", action="store_true", help="list wrong and missed matches")
    args = ap.parse_args(argv)
    cases = load_cases(args.eval)
    m = evaluate(cases)
    print(f"cases: {m.n}  expected matches: {m.expected_match}  auto-matched: {m.auto_matched}  "
          f"correct: {m.correct_matches}  wrong: {len(m.wrong_matches)}  missed: {len(m.missed)}")
    print(f"precision: {m.precision:.4f}")
    print(f"recall:    {m.recall:.4f}")
    print("outcomes (expected -> decided):")
    for (exp, got), n in sorted(m.outcomes.items()):
        print(f"  {exp:>11} -> {got:<11} {n}")
    print("per category (n / ok / wrong_match / missed):")
    for cat, c in sorted(m.per_category.items()):
        print(f"  {cat:<45} {c['n']:>3} {c['ok']:>3} {c['wrong_match']:>3} {c['missed']:>3}")
    if args.errors:
        if m.wrong_matches:
            print("wrong matches:\n" + _describe(m.wrong_matches))
        if m.missed:
            print("missed matches:\n" + _describe(m.missed))
    for name, rate in throughput(cases, args.repeat).items():
        print(f"throughput {name:<22} {rate:>9,.0f} messages/s  ({1e6 / rate:,.0f} µs/message)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
