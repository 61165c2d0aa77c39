"""Stage ``tag``: a registry of taggers, each adding scored, explained tags.

A tagger sees the whole batch (so model-backed taggers can use ``nlp.pipe``)
and returns one list of tags per message. Taggers are registered by name;
the stage runs the ones it is built with, in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hub.pipeline.context import IngestBatch, MessageContext, TagValue


@dataclass(frozen=True)
class TaggerOptions:
    """What taggers may be configured with."""

    #: Where retrained model versions live (``hub nlp retrain`` writes there).
    nlp_versions_dir: Path


#: Customers say what they want at the start; tagging the head bounds the cost of long pastes.
TAGGED_CHARS = 1500


class Tagger(Protocol):
    """Something that tags messages."""

    name: str

    def tag(self, messages: Sequence[MessageContext]) -> list[list[TagValue]]:
        """One list of tags per message, in the same order."""


TaggerFactory = Callable[[TaggerOptions], Tagger]
TAGGER_FACTORIES: dict[str, TaggerFactory] = {}


def register_tagger(name: str) -> Callable[[TaggerFactory], TaggerFactory]:
    """Class/function decorator adding a tagger factory to the registry."""

    def register(factory: TaggerFactory) -> TaggerFactory:
        TAGGER_FACTORIES[name] = factory
        return factory

    return register


def build_taggers(names: Sequence[str], options: TaggerOptions) -> list[Tagger]:
    """Instantiate the named taggers (once per process)."""
    unknown = [name for name in names if name not in TAGGER_FACTORIES]
    if unknown:
        raise KeyError(f"unknown taggers {unknown}; registered: {sorted(TAGGER_FACTORIES)}")
    return [TAGGER_FACTORIES[name](options) for name in names]


def message_text(message: MessageContext) -> str:
    """The text a tagger reads: the subject and what the sender wrote this time.

    Quoted history and signatures are left out: a complaint quoted from last
    week, or a legal footer, is not what this message is about.
    """
    parsed = message.parsed
    if parsed is None:
        return ""
    reply = message.annotations.get("reply_text")
    return f"{parsed.subject}\n{parsed.text if reply is None else reply}"[:TAGGED_CHARS]


@register_tagger("language")
class LanguageTagger:
    """Tags the language (de/en/other) with the detector's confidence."""

    name = "language"

    def __init__(self, options: TaggerOptions) -> None:
        del options

    def tag(self, messages: Sequence[MessageContext]) -> list[list[TagValue]]:
        from nlp.language import detect_language

        results = []
        for message in messages:
            lang, confidence = detect_language(message_text(message))
            results.append([TagValue(f"lang:{lang}", confidence, "language detector on subject and reply text", self.name)])
        return results


@register_tagger("crm")
class CrmTagger:
    """Intent, complaint and severity from the trained model plus rule triggers.

    The model comes from a registry that notices a retrained version, so
    long-running workers pick it up without a restart.
    """

    name = "crm"

    def __init__(self, options: TaggerOptions) -> None:
        from nlp.model_registry import ModelRegistry

        self.registry = ModelRegistry(options.nlp_versions_dir)

    def warm(self) -> None:
        """Load the current model now rather than on the first message."""
        self.registry.tagger()

    def tag(self, messages: Sequence[MessageContext]) -> list[list[TagValue]]:
        tagger = self.registry.tagger()
        langs = [message.lang or "other" for message in messages]
        results = tagger.tag_many([message_text(m) for m in messages], langs if all(m.lang for m in messages) else None)
        return [
            [
                TagValue(tag.name, tag.score, tag.reason, self.name, result.model_version)
                for tag in result.tags
                if not tag.name.startswith("lang:")
            ]
            for result in results
        ]


class TagStage:
    """Runs the configured taggers over the batch."""

    name = "tag"

    def __init__(self, taggers: Sequence[Tagger]) -> None:
        self.taggers = list(taggers)

    def warm(self) -> None:
        """Load every tagger's model (see :meth:`Pipeline.warm`)."""
        for tagger in self.taggers:
            warm = getattr(tagger, "warm", None)
            if warm is not None:
                warm()

    def process(self, batch: IngestBatch) -> None:
        messages = batch.active()
        for tagger in self.taggers:
            for message, tags in zip(messages, tagger.tag(messages), strict=True):
                message.tags.extend(tags)
                for tag in tags:
                    if tag.name.startswith("lang:"):
                        message.lang = tag.name.removeprefix("lang:")
                    message.decide(self.name, tag.name, f"{tag.reason} (score {tag.score:.2f}, {tagger.name})")
