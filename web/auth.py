"""Login and logout, with failed logins rate-limited and every outcome audited."""

from __future__ import annotations

from flask import (
    Blueprint,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _

from hub import audit, clock, login_throttle
from hub.users import authenticate
from web.security import db

blueprint = Blueprint("auth", __name__)


@blueprint.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    """Show the form; on POST check the password and start a fresh session."""
    if request.method == "POST":
        return _attempt_login(request.form.get("email", ""), request.form.get("password", ""))
    if g.get("user") is not None:
        return redirect(url_for("timeline.contacts"))
    return render_template("login.html")


def _attempt_login(email: str, password: str):  # type: ignore[no-untyped-def]
    """One login attempt: refused unchecked while locked, else counted and audited either way."""
    session_, now, ip = db(), clock.utcnow(), client_ip()
    attempt = login_throttle.begin_attempt(session_, email, ip, now)
    session_.commit()  # visible to concurrent attempts before any of them checks the lock
    if login_throttle.is_locked(session_, email, ip, now, excluding=attempt.id):
        login_throttle.withdraw_attempt(session_, attempt)
        session_.commit()
        flash(_("Too many failed logins. Please wait 15 minutes and try again."))
        return render_template("login.html"), 429
    user = authenticate(session_, email, password)
    login_throttle.finish_attempt(attempt, succeeded=user is not None)
    normalised = login_throttle.normalise_email(email)
    if user is None:
        audit.record(session_, None, "login.failure", "user", None, ip=ip, at=now, email=normalised)
        session_.commit()
        flash(_("Unknown email or wrong password."))
        return render_template("login.html"), 401
    audit.record(session_, user.id, "login.success", "user", user.id, ip=ip, at=now)
    session_.commit()
    session.clear()  # a new session id on login: no session fixation
    session["user_id"] = user.id
    return redirect(_safe_next(request.args.get("next")))


@blueprint.route("/logout", methods=["POST"])
def logout():  # type: ignore[no-untyped-def]
    """End the session."""
    user = g.get("user")
    if user is not None:
        audit.record(db(), user.id, "logout", "user", user.id, ip=client_ip())
        db().commit()
    session.clear()
    return redirect(url_for("auth.login"))


def client_ip() -> str:
    """The client address as the WSGI server saw it (put ProxyFix in front when behind a proxy)."""
    return (request.remote_addr or "")[:45]


def _safe_next(target: str | None) -> str:
    """Only same-site paths: never redirect a fresh login to another host."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("timeline.contacts")
