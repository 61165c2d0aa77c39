"""WSGI entry point for a production server: ``gunicorn 'web.wsgi:make_app()'``.

A factory, not a module-level ``app``: importing this module does nothing,
and each server worker builds its own app (engine, connection pool) after
the fork, so no database connection is shared between processes.
"""

from __future__ import annotations

from flask import Flask

from config import load_settings
from web import create_app
from workers.queue import make_queue
from workers.runtime import get_runtime


def make_app() -> Flask:
    """The web app with settings read from the ``HUB_*`` environment (the only place that reads it).

    The process runtime and the job queue are built here, before the worker
    serves: built lazily by the first requests instead, two threads of a
    threaded worker race to build the runtime (Alembic's upgrade is not
    thread-safe: ``KeyError: 'script'``), and every request that enqueues
    builds a queue with a new Redis connection.
    """
    settings = load_settings()
    app = create_app(settings)
    app.extensions.setdefault("hub.job_queue", make_queue(get_runtime(settings)))
    return app
