"""People who use the hub (agents, sales, complaint managers, admins)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base

ROLES = ("agent", "sales", "complaint_manager", "admin")


class User(Base):
    """A login; the password is stored only as a salted scrypt hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(500))
    role: Mapped[str] = mapped_column(String(32), default="agent")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    #: UI language ("de", "en"); None follows the browser's Accept-Language.
    locale: Mapped[str | None] = mapped_column(String(8))
