"""REST API tokens: created by an admin or ``hub api-token create``, shown once, stored as SHA-256.

Tokens are 256 random bits, so a plain SHA-256 is enough to make a stolen
table useless (a slow password hash protects *guessable* secrets; nobody can
guess 2^256), and it lets a request be looked up by an indexed equality
instead of trying every row. The visible prefix (``khub_`` + 6 characters)
only helps an admin tell tokens apart.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hub import audit
from hub.clock import utcnow
from hub.models import ApiToken

TOKEN_PREFIX = "khub_"
#: What a token may do; a token gets all of them unless the admin narrows it.
SCOPES = ("interactions:read", "interactions:write", "contacts:read")
#: ``last_used_at`` is written at most this often, so a busy integration does not turn every GET into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenRefused(ValueError):
    """A token cannot be created as asked (empty name, unknown scope)."""


@dataclass(frozen=True)
class CreatedToken:
    """A new token: ``plain`` is shown once and never stored."""

    id: int
    name: str
    plain: str
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class TokenIdentity:
    """Who is calling the API: the token's id, name and scopes."""

    id: int
    name: str
    scopes: frozenset[str]

    def allows(self, scope: str) -> bool:
        """Whether the token carries ``scope``."""
        return scope in self.scopes


def token_sha256(plain: str) -> str:
    """What is stored for a token."""
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


def parse_scopes(text: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Scopes from a space/comma-separated string or a list; empty means all; unknown ones are refused."""
    if text is None:
        return SCOPES
    items = text.replace(",", " ").split() if isinstance(text, str) else [item.strip() for item in text if item.strip()]
    if not items:
        return SCOPES
    unknown = sorted(set(items) - set(SCOPES))
    if unknown:
        raise TokenRefused(f"unknown scope(s) {', '.join(unknown)} (known: {', '.join(SCOPES)})")
    return tuple(scope for scope in SCOPES if scope in items)


def create_token(
    session: Session, name: str, *, created_by: int | None, scopes: tuple[str, ...] = SCOPES, ip: str = ""
) -> CreatedToken:
    """Create a token (audited in the caller's unit of work); the plain value is only in the result."""
    name = name.strip()
    if not name or len(name) > 200:
        raise TokenRefused("a token needs a name of 1 to 200 characters (what integration uses it)")
    scopes = parse_scopes(list(scopes))
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        name=name,
        token_sha256=token_sha256(plain),
        token_prefix=plain[: len(TOKEN_PREFIX) + 6],
        scopes=" ".join(scopes),
        created_by_id=created_by,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    audit.record(session, created_by, "api_token.create", "api_token", row.id, ip=ip, name=name, scopes=list(scopes))
    return CreatedToken(id=row.id, name=name, plain=plain, scopes=scopes)


def authenticate(session: Session, presented: str, *, now: datetime | None = None) -> TokenIdentity | None:
    """The identity of a valid, unrevoked token, else None; notes when it was last used."""
    if not presented.startswith(TOKEN_PREFIX) or len(presented) > 200:
        return None
    row = session.scalars(select(ApiToken).where(ApiToken.token_sha256 == token_sha256(presented))).one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    now = now or utcnow()
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_RESOLUTION:
        session.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
    return TokenIdentity(id=row.id, name=row.name, scopes=frozenset(row.scopes.split()))


def revoke_token(session: Session, token_id: int, *, revoked_by: int | None, ip: str = "") -> bool:
    """Revoke a token at once (audited); False when there is no such active token."""
    row = session.get(ApiToken, token_id)
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = utcnow()
    audit.record(session, revoked_by, "api_token.revoke", "api_token", token_id, ip=ip, name=row.name)
    return True


def list_tokens(session: Session) -> list[ApiToken]:
    """Every token, newest first (revoked ones too, so the list explains what stopped working)."""
    return list(session.scalars(select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


__all__ = [
    "SCOPES",
    "CreatedToken",
    "TokenIdentity",
    "TokenRefused",
    "authenticate",
    "create_token",
    "list_tokens",
    "parse_scopes",
    "revoke_token",
    "token_sha256",
]
