"""Creating a company from the companies page: validation, audit, permissions and CSRF (both databases)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.models import AuditEntry, Company
from hub import clock
from tests.web.roles import login_as, token_of


@pytest.fixture
def existing(runtime) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        company = Company(name="Nordlicht Energie", domain="nordlicht.example", created_at=clock.utcnow())
        session.add(company)
        session.flush()
        return company.id


def _companies(runtime) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return [(c.name, c.domain) for c in session.scalars(select(Company).order_by(Company.id))]


def test_create_company_normalises_audits_and_opens_it(runtime, logged_in, existing: int) -> None:
    token = token_of(logged_in)
    response = logged_in.post("/companies", data={"csrf_token": token, "name": "  Weber   GmbH ", "domain": "https://WWW.Weber-GmbH.example/kontakt"})

    assert response.status_code == 303
    with unit_of_work(runtime.factory) as session:
        company = session.scalars(select(Company).where(Company.name == "Weber GmbH")).one()
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "company.create")).all()
        assert company.domain == "weber-gmbh.example"
        assert entry.object_id == str(company.id) and entry.user_id is not None
    assert response.headers["Location"].endswith(f"/companies/{company.id}")
    page = logged_in.get(response.headers["Location"]).get_data(as_text=True)
    assert "Company created." in page and "weber-gmbh.example" in page
    assert "Weber GmbH" in logged_in.get("/companies").get_data(as_text=True)


@pytest.mark.parametrize(
    ("name", "domain", "reason"),
    [
        ("Privat", "gmail.com", "gmail.com is a free-mail domain and names no company"),
        ("Privat", "WEB.DE", "web.de is a free-mail domain and names no company"),
        ("Kopie", "nordlicht.example", "nordlicht.example already belongs to the company Nordlicht Energie"),
        ("Kaputt", "kein domain", "not a domain"),
        ("   ", "leer.example", "the name must not be empty"),
    ],
)
def test_refused_company_is_explained_and_keeps_the_input(runtime, logged_in, existing: int, name: str, domain: str, reason: str) -> None:
    token = token_of(logged_in)
    response = logged_in.post("/companies", data={"csrf_token": token, "name": name, "domain": domain})

    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert reason in html.replace("&#39;", "'")
    assert f'value="{domain}"' in html
    assert _companies(runtime) == [("Nordlicht Energie", "nordlicht.example")]
    with unit_of_work(runtime.factory) as session:
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "company.create")).all() == []


def test_create_needs_login_csrf_and_the_edit_permission(app, client, runtime, existing: int) -> None:
    form = {"name": "Weber GmbH", "domain": "weber-gmbh.example"}
    anonymous = client.post("/companies", data=form | {"csrf_token": token_of(client)})
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    admin = login_as(app, "admin@example.test", "admin")
    assert admin.post("/companies", data=form).status_code == 400
    assert admin.post("/companies", data=form | {"csrf_token": "wrong"}).status_code == 400
    sales = login_as(app, "sales@example.test", "sales")
    assert sales.post("/companies", data=form | {"csrf_token": token_of(sales)}).status_code == 403
    assert "company-create" not in sales.get("/companies").get_data(as_text=True)
    assert _companies(runtime) == [("Nordlicht Energie", "nordlicht.example")]
