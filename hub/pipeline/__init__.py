"""The ingest pipeline: named stages run in order over a batch of raw messages."""

from __future__ import annotations

from collections.abc import Sequence

from hub.pipeline.base import Pipeline, Stage
from hub.pipeline.match import MatchStage
from hub.pipeline.normalise import NormaliseStage
from hub.pipeline.notify import NotifyStage
from hub.pipeline.store import StoreStage
from hub.pipeline.tag import TaggerOptions, TagStage, build_taggers
from hub.pipeline.thread import ThreadStage

#: Taggers the default pipeline runs, in order.
DEFAULT_TAGGERS = ("language", "crm")


def default_pipeline(options: TaggerOptions, tagger_names: Sequence[str] = DEFAULT_TAGGERS, default_region: str = "DE") -> Pipeline:
    """normalise -> match -> tag -> thread -> store -> notify."""
    return Pipeline(
        [
            NormaliseStage(),
            MatchStage(default_region),
            TagStage(build_taggers(tagger_names, options)),
            ThreadStage(),
            StoreStage(),
            NotifyStage(),
        ]
    )


__all__ = ["Pipeline", "Stage", "TaggerOptions", "default_pipeline"]
