"""Tokens integrations use on the REST API (only their SHA-256 is stored)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base


class ApiToken(Base):
    """One integration's credential; the token itself is shown once, at creation."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: Hex SHA-256 of the whole token: what a request is looked up by.
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    #: The token's first characters, so an admin can tell tokens apart in the list.
    token_prefix: Mapped[str] = mapped_column(String(16))
    #: Space-separated scopes (hub.api_tokens.SCOPES).
    scopes: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
