"""The web app: ``create_app(settings)`` builds it; nothing happens at import time."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import Settings
from hub.db import make_engine, make_session_factory, upgrade_database


def create_app(settings: Settings) -> Flask:
    """Build the Flask app for one hub (its database, its secret key)."""
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.secret_key or _persistent_secret(settings.var_dir),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="hub_session",
        SESSION_COOKIE_SECURE=settings.cookie_secure,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
    )
    engine = make_engine(settings.resolved_database_url(), settings.db_application_name)
    upgrade_database(engine)
    app.extensions["hub.session_factory"] = make_session_factory(engine)
    app.extensions["hub.settings"] = settings
    if settings.proxy_hops:
        # Behind a reverse proxy the socket peer is the proxy: trust exactly as
        # many X-Forwarded-* hops as configured, so the login limit per client
        # address and the audit log see the client, and nobody can spoof it.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=settings.proxy_hops, x_proto=settings.proxy_hops, x_host=settings.proxy_hops
        )

    from web import auth, message_view, security, timeline
    from web import reply
    from web import inbox
    from web import admin, i18n, permissions
    from web import contacts
    from web import context

    security.init_app(app)
    permissions.init_app(app)
    i18n.init_app(app)
    app.register_blueprint(i18n.blueprint)
    app.register_blueprint(admin.blueprint)
    app.register_blueprint(auth.blueprint)
    app.register_blueprint(timeline.blueprint)
    app.register_blueprint(reply.blueprint)
    app.register_blueprint(message_view.blueprint)
    app.register_blueprint(inbox.blueprint)
    app.register_blueprint(contacts.blueprint)
    app.register_blueprint(context.blueprint)
    from web import call_import, chat, chat_widget, contact_log  # website chat, hand-logged contacts, call-log import
    app.register_blueprint(call_import.blueprint)
    app.register_blueprint(chat.blueprint)
    app.register_blueprint(chat_widget.blueprint)
    app.register_blueprint(contact_log.blueprint)
    from web import webhooks  # POST /hooks/<kind>/<channel id>: public, verified by the connector
    app.register_blueprint(webhooks.blueprint)
    from web import webform  # GET/POST /forms/<channel id>: the public contact form, verified by its signed token
    app.register_blueprint(webform.blueprint)
    from web import admin_connectors, api, metrics  # channel admin + API tokens, /api/v1, /metrics
    app.register_blueprint(admin_connectors.blueprint)
    api.init_app(app)
    app.register_blueprint(metrics.blueprint)
    return app


def _persistent_secret(var_dir: Path) -> str:
    """A random key kept in ``var_dir`` so sessions survive restarts of the embedded hub."""
    path = Path(var_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()
