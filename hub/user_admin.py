"""Changes to accounts made in the web UI, each written to the audit log in the same transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub import audit
from hub.models import User
from hub.models.users import ROLES
from hub.users import create_or_update_user

#: UI languages with a translation; "en" is the source language of the templates.
LOCALES = ("de", "en")


class UserChangeRefused(ValueError):
    """A change that would break the hub (an unknown role, an admin locking themself out, ...)."""


def list_users(session: Session) -> list[User]:
    """Every account, active first, then by email."""
    return list(session.scalars(select(User).order_by(User.active.desc(), User.email)).all())


def add_user(session: Session, actor_id: int, email: str, password: str, role: str, display_name: str, ip: str = "") -> int:
    """Create a new login; refuses an existing email (resetting a password is a different act)."""
    if session.scalar(select(User.id).where(User.email == email.strip().lower())) is not None:
        raise UserChangeRefused("a user with this email already exists")
    try:
        user_id = create_or_update_user(session, email, password, role=role, display_name=display_name)
    except ValueError as invalid:
        raise UserChangeRefused(str(invalid)) from invalid
    audit.record(session, actor_id, "user.create", "user", user_id, ip=ip, email=email.strip().lower(), role=role)
    return user_id


def change_role(session: Session, actor_id: int, user_id: int, role: str, ip: str = "") -> None:
    """Give a user another role; an admin cannot demote themself (the hub could be left without one)."""
    if role not in ROLES:
        raise UserChangeRefused(f"unknown role {role!r}")
    user = _user(session, user_id)
    if user.id == actor_id and role != user.role:
        raise UserChangeRefused("you cannot change your own role")
    old_role, user.role = user.role, role
    audit.record(session, actor_id, "user.role", "user", user.id, ip=ip, old_role=old_role, new_role=role)


def set_active(session: Session, actor_id: int, user_id: int, active: bool, ip: str = "") -> None:
    """Deactivate (or reactivate) a login; the row stays so the audit log and replies keep their author."""
    user = _user(session, user_id)
    if user.id == actor_id and not active:
        raise UserChangeRefused("you cannot deactivate yourself")
    user.active = active
    audit.record(session, actor_id, "user.activate" if active else "user.deactivate", "user", user.id, ip=ip)


def set_locale(session: Session, user_id: int, locale: str | None, ip: str = "") -> None:
    """The user's UI language; None goes back to following the browser."""
    if locale is not None and locale not in LOCALES:
        raise UserChangeRefused(f"unknown locale {locale!r}")
    user = _user(session, user_id)
    user.locale = locale
    audit.record(session, user_id, "user.locale", "user", user_id, ip=ip, locale=locale)


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise UserChangeRefused("no such user")
    return user
