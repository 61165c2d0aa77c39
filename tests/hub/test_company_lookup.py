"""The company lookup behind the contact form's chooser, on both databases."""

from __future__ import annotations

from hub import clock
from hub.company_lookup import LOOKUP_LIMIT, company_choice, find_companies
from hub.db import unit_of_work
from hub.models import Company


def _companies(runtime, names_and_domains: list[tuple[str, str | None]]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        rows = [Company(name=name, domain=domain, created_at=clock.utcnow()) for name, domain in names_and_domains]
        session.add_all(rows)
        session.flush()
        return {row.name: row.id for row in rows}


def test_finds_by_name_or_domain_prefix_matches_first(runtime) -> None:
    ids = _companies(runtime, [
        ("Blue Harbor Logistik GmbH", "blueharbor.example"),
        ("Nordlicht Energie", "nordlicht.example"),
        ("Energie Nord AG", None),
        ("Hansa 100% Handel", "hansa.example"),
        ("Hansa_Nord KG", None),
        ("Hansa Nord GmbH", None),
    ])
    with unit_of_work(runtime.factory) as session:
        # Case-insensitive substring; a name starting with the query comes first, then by name.
        assert [c.name for c in find_companies(session, "ENERGIE")] == ["Energie Nord AG", "Nordlicht Energie"]
        assert [c.name for c in find_companies(session, "nord")] == ["Nordlicht Energie", "Energie Nord AG", "Hansa Nord GmbH", "Hansa_Nord KG"]
        # The domain counts as well, and the choice carries it.
        (harbor,) = find_companies(session, "blueharbor.ex")
        assert (harbor.company_id, harbor.domain) == (ids["Blue Harbor Logistik GmbH"], "blueharbor.example")
        # LIKE wildcards typed by the agent are literal characters, not "match anything".
        assert [c.name for c in find_companies(session, "100%")] == ["Hansa 100% Handel"]
        assert [c.name for c in find_companies(session, "a_n")] == ["Hansa_Nord KG"]
        assert [c.name for c in find_companies(session, "%")] == ["Hansa 100% Handel"]
        # No query, no list: the chooser never offers the whole table.
        assert find_companies(session, "") == [] and find_companies(session, "   ") == []
        assert find_companies(session, "no such firm") == []


def test_limit_and_current_company(runtime) -> None:
    ids = _companies(runtime, [(f"Atlas {n:02d} GmbH", f"atlas{n}.example") for n in range(LOOKUP_LIMIT + 5)])
    with unit_of_work(runtime.factory) as session:
        found = find_companies(session, "atlas")
        assert len(found) == LOOKUP_LIMIT and found[0].name == "Atlas 00 GmbH"
        assert len(find_companies(session, "atlas", limit=3)) == 3
        current = company_choice(session, ids["Atlas 07 GmbH"])
        assert current is not None and (current.name, current.domain) == ("Atlas 07 GmbH", "atlas7.example")
        assert company_choice(session, None) is None
        assert company_choice(session, max(ids.values()) + 1000) is None
