"""Hot-swappable access to the current model version for long-running workers.

Layout of a versions directory (written by :func:`nlp.training.retrain`)::

    versions/
      20240611T101500-ab12cd34ef/     spaCy model dir
      20240612T093000-0f9e8d7c6b/
      current                         text file: name of the current version

Why a marker file: replacing a one-line file with ``os.replace`` is atomic,
so readers see either the old or the new version, never a half state.
Workers call :meth:`ModelRegistry.tagger` per batch; it ``stat``s the marker
at most once every ``check_interval`` seconds (one syscall), and loads the
new model only when the marker changed.  The old tagger stays usable by
whoever still holds it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from nlp.tagging import Tagger, default_model_dir, load_tagger
from nlp.training import CURRENT_MARKER, read_current

__all__ = ["ModelRegistry"]


class ModelRegistry:
    """Return the tagger of the current version; reload when it changes."""

    def __init__(
        self,
        versions_dir: Path | str,
        fallback_dir: Path | str | None = None,
        check_interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.versions_dir = Path(versions_dir)
        self.fallback_dir = Path(fallback_dir) if fallback_dir is not None else default_model_dir()
        self.check_interval = check_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._tagger: Tagger | None = None
        self._stamp: tuple[int, int] | None = None  # (mtime_ns, inode) of the marker
        self._last_check = float("-inf")

    def _marker_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.versions_dir / CURRENT_MARKER)
        except FileNotFoundError:
            return None
        # os.replace gives the marker a new inode, so this changes even when
        # two retrains land within the filesystem's mtime granularity.
        return (st.st_mtime_ns, st.st_ino)

    def _load(self) -> Tagger:
        version = read_current(self.versions_dir)
        if version is not None and (self.versions_dir / version).is_dir():
            return load_tagger(self.versions_dir / version)
        return load_tagger(self.fallback_dir)

    def tagger(self) -> Tagger:
        """The current tagger (cheap; checks the marker at most every interval)."""
        now = self._clock()
        if self._tagger is not None and now - self._last_check < self.check_interval:
            return self._tagger
        with self._lock:
            if self._tagger is not None and now - self._last_check < self.check_interval:
                return self._tagger
            self._last_check = now
            stamp = self._marker_stamp()
            if self._tagger is None or stamp != self._stamp:
                self._tagger = self._load()
                self._stamp = stamp
            return self._tagger

    @property
    def version(self) -> str:
        return self.tagger().model_version
