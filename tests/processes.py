"""Running ``hub`` commands as real processes for multi-process and fault tests."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from config import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
HUB = [sys.executable, "-m", "workers.cli"]


def hub_env(settings: Settings, mailboxes: list[dict] | None = None, **extra: str) -> dict[str, str]:
    """Environment that points a ``hub`` process at the test's hub."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("HUB_")}
    env.update(
        HUB_VAR_DIR=str(settings.var_dir),
        HUB_DATABASE_URL=settings.resolved_database_url(),
        HUB_REDIS_URL=settings.redis_url,
        HUB_IMAP_POLL_SECONDS="2",
        PYTHONPATH=str(REPO_ROOT),
    )
    if mailboxes is not None:
        env["HUB_MAILBOXES"] = json.dumps(mailboxes)
    env.update(extra)
    return env


def start_hub(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start ``hub ARGS`` in its own process group (so a kill takes its children too)."""
    handle = log.open("ab")
    return subprocess.Popen(HUB + args, env=env, cwd=REPO_ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)


def run_hub(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``hub ARGS`` to completion; raises with its output if it fails."""
    result = subprocess.run(HUB + args, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(f"hub {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def kill_group(process: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
    """Signal the process and everything it forked, then reap it."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ask politely (SIGTERM), then insist."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        kill_group(process)
    except ProcessLookupError:
        pass


def wait_until(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.2) -> float:
    """Poll ``condition``; returns the seconds it took, fails after ``timeout``."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
