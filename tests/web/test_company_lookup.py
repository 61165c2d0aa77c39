"""The company chooser of the contact form: lookup route permissions, the no-JS search, saving a choice."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from hub import clock
from hub.db import unit_of_work
from hub.models import Company, Contact, ContactIdentity
from tests.helpers import import_mails
from tests.web.roles import login_as, token_of

MAIL = (
    b"From: Julia Wagner <julia.wagner@outlook.de>\r\nTo: service@shop.example\r\nSubject: Tarifwechsel\r\n"
    b"Message-ID: <cl1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nHallo\r\n"
)
#: More companies than the chooser shows at once, so "not the whole table" is visible.
FILLER = 30


@pytest.fixture
def contact_with_company(runtime) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(contact id, its company "Nordlicht Energie", another company "Alpen Rhein Logistik GmbH")."""
    import_mails(runtime, [MAIL])
    with unit_of_work(runtime.factory) as session:
        mine = Company(name="Nordlicht Energie", domain="nordlicht.example", created_at=clock.utcnow())
        other = Company(name="Alpen Rhein Logistik GmbH", domain="alpenrhein.example", created_at=clock.utcnow())
        session.add_all([mine, other, *(Company(name=f"Filler {n:02d} AG", created_at=clock.utcnow()) for n in range(FILLER))])
        session.flush()
        contact_id = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == "julia.wagner@outlook.de")).one()
        session.get(Contact, contact_id).company_id = mine.id
        return contact_id, mine.id, other.id


def _options(page: str) -> list[str]:
    select_html = re.search(r'<select name="company_id"[^>]*>(.*?)</select>', page, re.S)
    assert select_html, "the contact form has no company choice"
    return re.findall(r'<option value="(\d*)"', select_html.group(1))


def test_lookup_needs_login_and_contact_edit(app, client, contact_with_company) -> None:
    assert "/login" in client.get("/companies/lookup?q=nord").headers["Location"]
    sales = login_as(app, "sales@example.test", "sales")
    assert sales.get("/companies/lookup?q=nord").status_code == 403
    agent = login_as(app, "agent2@example.test", "agent")
    response = agent.get("/companies/lookup?q=NORD")
    assert response.status_code == 200 and response.is_json
    assert response.get_json() == {"companies": [{"id": contact_with_company[1], "name": "Nordlicht Energie", "domain": "nordlicht.example"}]}
    assert agent.get("/companies/lookup").get_json() == {"companies": []}
    assert agent.get("/companies/lookup?q=" + "x" * 5000).get_json() == {"companies": []}


def test_contact_form_offers_current_company_not_the_whole_table(logged_in, contact_with_company) -> None:
    contact_id, mine, other = contact_with_company
    page = logged_in.get(f"/contacts/{contact_id}").get_data(as_text=True)
    assert _options(page) == ["", str(mine)]
    assert re.search(rf'<option value="{mine}" selected>Nordlicht Energie</option>', page)
    assert "Filler" not in page and "Alpen Rhein" not in page
    # The search field works without JavaScript: a GET form back to this page; the script only enhances it.
    assert f'<form id="company-find" method="get" action="/contacts/{contact_id}"' in page
    assert 'name="company_q" form="company-find"' in page
    assert 'src="/static/company_chooser.js"' in page and "/companies/lookup" in page


def test_plain_form_search_then_save_moves_the_contact(runtime, logged_in, contact_with_company) -> None:
    contact_id, mine, other = contact_with_company
    page = logged_in.get(f"/contacts/{contact_id}?company_q=rhein").get_data(as_text=True)
    assert _options(page) == ["", str(mine), str(other)], "current company kept, the match added"
    assert '<details class="contact-edit" open>' in page and 'value="rhein"' in page
    assert "Alpen Rhein Logistik GmbH (alpenrhein.example)" in page and "Filler" not in page
    response = logged_in.post(f"/contacts/{contact_id}", data={"display_name": "Julia Wagner", "company_id": str(other), "csrf_token": token_of(logged_in)})
    assert response.status_code == 303
    with unit_of_work(runtime.factory) as session:
        assert session.get(Contact, contact_id).company_id == other
    after = logged_in.get(f"/contacts/{contact_id}").get_data(as_text=True)
    assert _options(after) == ["", str(other)]


def test_sales_sees_no_chooser(app, contact_with_company) -> None:
    sales = login_as(app, "sales@example.test", "sales")
    page = sales.get(f"/contacts/{contact_with_company[0]}?company_q=rhein").get_data(as_text=True)
    assert "company-chooser" not in page and "Alpen Rhein" not in page
