"""``benchmarks/webhooks.py --quick`` runs the whole set-up (gunicorn, RQ workers, load process) and prints its table.

No figure is asserted (the machine is shared): only that every request was
answered 2xx and every accepted message reached the timeline.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.timeout(600)
def test_quick_run_prints_its_table_and_every_message_arrives() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "webhooks.py"), "--quick"], cwd=REPO, capture_output=True, text=True, timeout=540
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert re.search(r"^reference \(404 route\)\s+40\s+0\s+\{\"404\": 40\}", out, re.MULTILINE), out
    assert re.search(r"^webhooks, all\s+40\s+40\s+0\s", out, re.MULTILINE), out
    assert re.search(r"^  of which SMS\s+20\s", out, re.MULTILINE) and re.search(r"^  of which Telegram\s+20\s", out, re.MULTILINE), out
    assert "40/40 arrived, 0 not within" in out, out
    assert "0 raw(s) quarantined" in out, out
