"""Stage ``tag``: a registry of taggers, each adding scored, explained tags.

A tagger sees the whole batch (so model-backed taggers can use ``nlp.pipe``)
and returns one list of tags per message. Taggers are registered by name;
the stage runs the ones it is built with, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from hub.pipeline.context import IngestBatch, MessageContext, TagValue


class Tagger(Protocol):
    """Something that tags messages."""

    name: str

    def tag(self, messages: Sequence[MessageContext]) -> list[list[TagValue]]:
        """One list of tags per message, in the same order."""


TAGGER_FACTORIES: dict[str, Callable[[], Tagger]] = {}


def register_tagger(name: str) -> Callable[[Callable[[], Tagger]], Callable[[], Tagger]]:
    """Class/function decorator adding a tagger factory to the registry."""

    def register(factory: Callable[[], Tagger]) -> Callable[[], Tagger]:
        TAGGER_FACTORIES[name] = factory
        return factory

    return register


def build_taggers(names: Sequence[str]) -> list[Tagger]:
    """Instantiate the named taggers (once per process)."""
    unknown = [name for name in names if name not in TAGGER_FACTORIES]
    if unknown:
        raise KeyError(f"unknown taggers {unknown}; registered: {sorted(TAGGER_FACTORIES)}")
    return [TAGGER_FACTORIES[name]() for name in names]


def message_text(message: MessageContext) -> str:
    """The text a tagger reads: subject and body."""
    parsed = message.parsed
    if parsed is None:
        return ""
    return f"{parsed.subject}\n{parsed.text}"


@register_tagger("language")
class LanguageTagger:
    """Tags the language (de/en/other) with the detector's confidence."""

    name = "language"

    def tag(self, messages: Sequence[MessageContext]) -> list[list[TagValue]]:
        from nlp.language import detect_language

        results = []
        for message in messages:
            lang, confidence = detect_language(message_text(message)[:4000])
            results.append([TagValue(f"lang:{lang}", confidence, "language detector on subject and body", self.name)])
        return results


class TagStage:
    """Runs the configured taggers over the batch."""

    name = "tag"

    def __init__(self, taggers: Sequence[Tagger]) -> None:
        self.taggers = list(taggers)

    def process(self, batch: IngestBatch) -> None:
        messages = batch.active()
        for tagger in self.taggers:
            for message, tags in zip(messages, tagger.tag(messages), strict=True):
                message.tags.extend(tags)
                for tag in tags:
                    if tag.name.startswith("lang:"):
                        message.lang = tag.name.removeprefix("lang:")
                    message.decide(self.name, tag.name, f"{tag.reason} (score {tag.score:.2f}, {tagger.name})")
