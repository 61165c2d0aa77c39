"""``Pipeline.warm`` loads the tagger model before an RQ worker forks its work-horses."""

from __future__ import annotations

from pathlib import Path

from hub.pipeline import default_pipeline
from hub.pipeline.tag import TaggerOptions


def test_warm_loads_the_model_once_and_tagging_reuses_it(tmp_path: Path) -> None:
    pipeline = default_pipeline(TaggerOptions(nlp_versions_dir=tmp_path / "versions"), default_region="DE")
    registries = [tagger.registry for tagger in pipeline.stage("tag").taggers if hasattr(tagger, "registry")]  # type: ignore[attr-defined]
    assert registries, "the default pipeline has a model tagger"
    assert all(registry._tagger is None for registry in registries)  # lazy until asked
    pipeline.warm()
    loaded = [registry._tagger for registry in registries]
    assert all(tagger is not None for tagger in loaded)
    assert [registry.tagger() for registry in registries] == loaded  # the same objects: nothing loaded twice
