"""Admin pages: the audit log and user management (every change CSRF-checked and audited)."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from hub import audit
from hub.models.users import ROLES
from hub.user_admin import (
    UserChangeRefused,
    add_user,
    change_role,
    list_users,
    set_active,
)
from web.auth import client_ip
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("admin", __name__, url_prefix="/admin")


@blueprint.route("/audit")
@permission_required("audit.view")
def audit_log():  # type: ignore[no-untyped-def]
    """The audit log, newest first, 50 a page."""
    page = max(1, request.args.get("page", 1, type=int) or 1)
    return render_template("admin_audit.html", log=audit.recent(db(), page=page))


@blueprint.route("/users", methods=["GET"])
@permission_required("admin.users")
def users():  # type: ignore[no-untyped-def]
    """Every login with its role and state, and a form for a new one."""
    return render_template("admin_users.html", users=list_users(db()), roles=ROLES)


@blueprint.route("/users", methods=["POST"])
@permission_required("admin.users")
def create_user():  # type: ignore[no-untyped-def]
    """Create a login from the form."""
    form = request.form
    return _apply(
        lambda: add_user(
            db(), g.user.id, form.get("email", ""), form.get("password", ""), form.get("role", ""), form.get("display_name", ""), ip=client_ip()
        ),
        _("User created."),
    )


@blueprint.route("/users/<int:user_id>/role", methods=["POST"])
@permission_required("admin.users")
def set_role(user_id: int):  # type: ignore[no-untyped-def]
    """Give a user another role."""
    return _apply(lambda: change_role(db(), g.user.id, user_id, request.form.get("role", ""), ip=client_ip()), _("Role changed."))


@blueprint.route("/users/<int:user_id>/active", methods=["POST"])
@permission_required("admin.users")
def set_user_active(user_id: int):  # type: ignore[no-untyped-def]
    """Deactivate (``active=0``) or reactivate (``active=1``) a login."""
    active = request.form.get("active") == "1"
    return _apply(lambda: set_active(db(), g.user.id, user_id, active, ip=client_ip()), _("User updated."))


def _apply(change, done_message: str):  # type: ignore[no-untyped-def]
    """Run one account change: commit with its audit entry, or roll back and say why (400)."""
    try:
        change()
    except UserChangeRefused as refused:
        db().rollback()
        flash(_("Not changed: %(reason)s", reason=str(refused)))
        return render_template("admin_users.html", users=list_users(db()), roles=ROLES), 400
    db().commit()
    flash(done_message)
    return redirect(url_for("admin.users"))
