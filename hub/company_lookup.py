"""Choosing a company for a contact by typing part of its name or domain.

The contact form used to render every company into a <select>: at 5,000
companies that was most of the contact page's time (benchmarks/web.py) and
no agent scrolls such a list. Instead the form offers the current company
and the few that match what the agent typed; :func:`find_companies` is the
lookup behind both the plain form and the search-as-you-type script.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from hub.models import Company

#: Matches offered at once: enough to pick from, small enough to render in no time.
LOOKUP_LIMIT = 8
#: Longest query taken: a company name, not a document.
MAX_QUERY_CHARS = 100


@dataclass(frozen=True)
class CompanyChoice:
    """One company as the chooser offers it."""

    company_id: int
    name: str
    domain: str | None


def find_companies(session: Session, query: str, limit: int = LOOKUP_LIMIT) -> list[CompanyChoice]:
    """Companies whose name or domain contains ``query`` (case-insensitive), names starting with it first.

    An empty query finds nothing: the chooser lists matches, never the whole table.
    """
    needle = query.strip()[:MAX_QUERY_CHARS].lower()
    if not needle:
        return []
    pattern = "%" + _escape_like(needle) + "%"
    name = func.lower(Company.name)
    starts = case((name.like(_escape_like(needle) + "%", escape="\\"), 0), else_=1)
    rows = session.execute(
        select(Company.id, Company.name, Company.domain)
        .where(or_(name.like(pattern, escape="\\"), func.lower(func.coalesce(Company.domain, "")).like(pattern, escape="\\")))
        .order_by(starts, name, Company.id)
        .limit(max(1, limit))
    )
    return [CompanyChoice(cid, cname, domain) for cid, cname, domain in rows]


def company_choice(session: Session, company_id: int | None) -> CompanyChoice | None:
    """The company the contact belongs to now, as the chooser shows it (None for none or a dangling id)."""
    if company_id is None:
        return None
    company = session.get(Company, company_id)
    return CompanyChoice(company.id, company.name, company.domain) if company else None


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
