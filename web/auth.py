"""Login and logout."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for

from hub.users import authenticate
from web.security import db

blueprint = Blueprint("auth", __name__)


@blueprint.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    """Show the form; on POST check the password and start a fresh session."""
    if request.method == "POST":
        user = authenticate(db(), request.form.get("email", ""), request.form.get("password", ""))
        if user is not None:
            session.clear()  # a new session id on login: no session fixation
            session["user_id"] = user.id
            return redirect(_safe_next(request.args.get("next")))
        flash("Unknown email or wrong password.")
        return render_template("login.html"), 401
    if g.get("user") is not None:
        return redirect(url_for("timeline.contacts"))
    return render_template("login.html")


@blueprint.route("/logout", methods=["POST"])
def logout():  # type: ignore[no-untyped-def]
    """End the session."""
    session.clear()
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    """Only same-site paths: never redirect a fresh login to another host."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("timeline.contacts")
