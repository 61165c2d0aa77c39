"""Users: creating logins and checking passwords."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from hub.clock import utcnow
from hub.models import User
from hub.models.users import ROLES

#: Compared against when the user does not exist, so timing does not reveal which emails exist.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")


def create_or_update_user(session: Session, email: str, password: str, role: str = "agent", display_name: str = "") -> int:
    """Create the user, or reset their password and role; returns the id."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {ROLES}")
    if len(password) < 10:
        raise ValueError("a password needs at least 10 characters")
    email = email.strip().lower()
    user = session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(email=email, created_at=utcnow(), password_hash="")
        session.add(user)
    user.password_hash = generate_password_hash(password, method="scrypt")
    user.role = role
    user.display_name = display_name or user.display_name or email
    user.active = True
    session.flush()
    return user.id


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active:
        check_password_hash(_DUMMY_HASH, password)
        return None
    return user if check_password_hash(user.password_hash, password) else None
