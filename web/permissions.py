"""``permission_required`` for views and ``can()`` for templates, both reading :mod:`hub.permissions`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, g, redirect, render_template, request, url_for

from hub.permissions import PERMISSIONS, has_permission


def permission_required(permission: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Anonymous visitors go to the login page; a logged-in user without ``permission`` gets 403.

    The permission is checked when the decorator is applied, so a typo fails at
    import rather than locking everyone out at run time. The wrapped view keeps
    ``required_permission`` so tests can check every route declares one.
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = g.get("user")
            if user is None:
                return redirect(url_for("auth.login", next=request.full_path))
            if not has_permission(user.role, permission):
                return render_template("forbidden.html", permission=permission), 403
            return view(*args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorate


def can(permission: str) -> bool:
    """True if the current user has ``permission`` (for hiding links and buttons in templates)."""
    user = g.get("user")
    return user is not None and has_permission(user.role, permission)


def init_app(app: Flask) -> None:
    """Make ``can`` available in every template."""
    app.jinja_env.globals["can"] = can
