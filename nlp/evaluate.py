"""Evaluate a Tagger on labelled rows (the shared dev sets or our own data).

Only rows that carry a value count: complaint metrics over rows with
``complaint`` true/false, intent metrics over rows with a ``crm_intent``.
Intent macro-F1 averages over the labels that occur in the gold data (a
label the data set cannot contain, e.g. ``feedback_praise`` in banking data,
would otherwise add a meaningless 0); predictions of such labels still count
as errors through the gold labels' recall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from nlp.tagging import Tagger

BATCH = 512


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def complaint_metrics(pairs: list[tuple[bool, bool]]) -> dict:
    """pairs of (gold, predicted) -> precision/recall/F1 of the complaint class."""
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    out = _prf(tp, fp, fn)
    out["accuracy"] = round(sum(1 for g, p in pairs if g == p) / len(pairs), 4) if pairs else 0.0
    out["n"] = len(pairs)
    return out


def intent_metrics(pairs: list[tuple[str, str]]) -> dict:
    """pairs of (gold, predicted) -> macro-F1 over gold labels, accuracy, per label."""
    gold_labels = sorted({g for g, _ in pairs})
    all_labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for g, p in pairs:
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    per_label = {label: _prf(tp[label], fp[label], fn[label]) for label in all_labels}
    macro = sum(per_label[label]["f1"] for label in gold_labels) / len(gold_labels) if gold_labels else 0.0
    acc = sum(tp.values()) / len(pairs) if pairs else 0.0
    return {"macro_f1": round(macro, 4), "accuracy": round(acc, 4), "per_label": per_label, "n": len(pairs)}


def evaluate(rows: Iterable[dict], tagger: Tagger) -> dict:
    """Tag ``rows`` (dicts with text, lang, crm_intent, complaint) and score them."""
    rows = [r for r in rows if r.get("complaint") is not None or r.get("crm_intent") is not None]
    results = []
    for i in range(0, len(rows), BATCH):
        chunk = rows[i : i + BATCH]
        # Detect the language ourselves, as in production (connectors do not
        # know it); gold lang is used only to group the metrics.
        results.extend(tagger.tag_many([r["text"] for r in chunk]))

    c_pairs: dict[str, list[tuple[bool, bool]]] = {}
    i_pairs: dict[str, list[tuple[str, str]]] = {}
    for row, res in zip(rows, results):
        lang = row.get("lang") or res.lang
        if isinstance(row.get("complaint"), bool):
            c_pairs.setdefault(lang, []).append((row["complaint"], res.complaint))
        if row.get("crm_intent"):
            i_pairs.setdefault(lang, []).append((row["crm_intent"], res.intent))

    all_c = [p for v in c_pairs.values() for p in v]
    all_i = [p for v in i_pairs.values() for p in v]
    complaint = complaint_metrics(all_c)
    complaint["by_lang"] = {lang: complaint_metrics(v) for lang, v in sorted(c_pairs.items())}
    intent = intent_metrics(all_i)
    intent["by_lang"] = {lang: intent_metrics(v) for lang, v in sorted(i_pairs.items())}
    return {
        "complaint": complaint,
        "intent": intent,
        "n": len(rows),
        "model_version": tagger.model_version,
    }
