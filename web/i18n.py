"""German and English UI with Flask-Babel: locale choice, the ``/me/locale`` switch, compiled catalogs.

The ``.mo`` files are committed next to their ``.po`` sources; if one is
missing or older than its source (a fresh checkout that dropped it, an edited
``.po``), it is compiled when the app starts, so ``pip install -e .`` plus a
test run always has working translations without a separate build step.
"""

from __future__ import annotations

import logging
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Blueprint, Flask, abort, g, redirect, request, url_for
from flask_babel import Babel, get_locale

from hub.user_admin import LOCALES, UserChangeRefused, set_locale
from web.auth import client_ip
from web.security import db, login_required

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
log = logging.getLogger(__name__)

blueprint = Blueprint("i18n", __name__)


def init_app(app: Flask) -> None:
    """Compile stale catalogs, install Babel with the per-user locale and expose ``current_locale``."""
    compile_catalogs(TRANSLATIONS_DIR)
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "en")
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS_DIR))
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals["current_locale"] = lambda: str(get_locale() or "en")
    app.jinja_env.globals["ui_locales"] = LOCALES


def select_locale() -> str:
    """The user's saved choice, else the browser's preference among the translated languages, else English."""
    user = g.get("user")
    if user is not None and user.locale in LOCALES:
        return user.locale
    return request.accept_languages.best_match(LOCALES) or "en"


def compile_catalogs(directory: Path) -> None:
    """Write ``messages.mo`` for every ``messages.po`` that has none or an older one."""
    for po_path in directory.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        try:
            with po_path.open("rb") as source:
                catalog = read_po(source)
            with mo_path.open("wb") as target:
                write_mo(target, catalog)
        except OSError as error:  # a read-only install: the committed .mo is used as it is
            log.warning("translation_compile_failed path=%s error=%s", po_path, error)


@blueprint.route("/me/locale", methods=["POST"])
@login_required
def change_locale():  # type: ignore[no-untyped-def]
    """Save the UI language of the logged-in user (``locale`` = de, en, or empty to follow the browser)."""
    chosen = request.form.get("locale", "") or None
    try:
        set_locale(db(), g.user.id, chosen, ip=client_ip())
    except UserChangeRefused:
        abort(400, description="unknown locale")
    db().commit()
    return redirect(_same_site(request.form.get("next")))


def _same_site(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("timeline.contacts")
