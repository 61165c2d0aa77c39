"""Intent and complaint tagging of customer messages (public API).

The pipeline is loaded once per process (``default_tagger`` caches it; the
``ModelRegistry`` swaps it when a newer version is trained) and used in
batches through ``nlp.pipe``.  Every result says which model version made it
and why (reason strings on each tag).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlp import components  # noqa: F401  (registers factories before spacy.load)
from nlp.language import detect_language

__all__ = ["Tag", "TagResult", "Tagger", "load_tagger", "default_tagger", "default_model_dir"]

# Only the head of very long texts is tagged: the request is stated early,
# and this bounds the cost of pasted mail threads or documents.
MAX_CHARS = 4000


@dataclass(frozen=True)
class Tag:
    """One tag with its confidence and a human-readable reason."""

    name: str  # "lang:de", "intent:billing_payment", "complaint", "complaint_severity:high"
    score: float
    reason: str


@dataclass(frozen=True)
class TagResult:
    lang: str
    intent: str
    intent_score: float
    complaint: bool
    complaint_score: float
    severity: str | None
    tags: tuple[Tag, ...]
    model_version: str


class Tagger:
    """A loaded pipeline plus its version; cheap to call, expensive to build."""

    def __init__(self, nlp: Language, model_version: str, batch_size: int = 256) -> None:
        self.nlp = nlp
        self.model_version = model_version
        self.batch_size = batch_size

    def tag_many(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> list[TagResult]:
        """Tag a batch; ``langs`` (if known, e.g. from the connector) skips detection."""
        if langs is not None and len(langs) != len(texts):
            raise ValueError("langs must have the same length as texts")
        if langs is None:
            detected = [detect_language(t or "") for t in texts]
        else:
            detected = [(lang, 1.0) if lang else detect_language(t or "") for t, lang in zip(texts, langs)]
        clipped = [(t or "")[:MAX_CHARS] for t in texts]
        results = []
        given = langs is not None
        for doc, (lang, lconf) in zip(self.nlp.pipe(clipped, batch_size=self.batch_size), detected):
            doc._.hub_lang = lang
            results.append(self._result(doc, lang, lconf, given))
        return results

    def tag(self, text: str, lang: str | None = None) -> TagResult:
        return self.tag_many([text], None if lang is None else [lang])[0]

    def _result(self, doc: Doc, lang: str, lang_conf: float, given: bool) -> TagResult:
        tags = [
            Tag(f"lang:{lang}", float(lang_conf),
                "given by caller" if given and lang_conf == 1.0 else "function words / character cues"),
            Tag(f"intent:{doc._.hub_intent}", round(doc._.hub_intent_score, 4), doc._.hub_intent_reason),
        ]
        if doc._.hub_complaint:
            tags.append(Tag("complaint", doc._.hub_complaint_score, doc._.hub_complaint_reason))
            tags.append(Tag(f"complaint_severity:{doc._.hub_severity}", doc._.hub_complaint_score,
                            doc._.hub_severity_reason))
        return TagResult(
            lang=lang,
            intent=doc._.hub_intent,
            intent_score=round(doc._.hub_intent_score, 4),
            complaint=bool(doc._.hub_complaint),
            complaint_score=doc._.hub_complaint_score,
            severity=doc._.hub_severity,
            tags=tuple(tags),
            model_version=self.model_version,
        )


def load_tagger(model_dir: Path | str) -> Tagger:
    """Load a trained model directory (see :func:`nlp.training.train`)."""
    nlp = spacy.load(Path(model_dir))
    version = str(nlp.meta.get("hub", {}).get("version") or nlp.meta.get("version", "unknown"))
    return Tagger(nlp, version)


def default_model_dir() -> Path:
    """The model shipped inside the package."""
    return Path(__file__).resolve().parent / "models" / "default"


@functools.cache
def default_tagger() -> Tagger:
    """Process-wide tagger on the shipped model, built on first use."""
    return load_tagger(default_model_dir())
