"""Contacts and companies pages: permissions, CSRF, search, edits with normalisation, merge and undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.models import AuditEntry, Company, Contact, ContactIdentity, ContactMerge
from hub import clock
from tests.helpers import import_mails
from tests.web.roles import login_as, token_of

MAILS = [
    b"From: Julia Wagner <julia.wagner@outlook.de>\r\nTo: service@shop.example\r\nSubject: Tarifwechsel\r\n"
    b"Message-ID: <c1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nHallo\r\n",
    b"From: Julia Wagner <juliawagner.privat@gmail.com>\r\nTo: service@shop.example\r\nSubject: Neue Adresse\r\n"
    b"Message-ID: <c2@example.org>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n\r\nHallo again\r\n",
]


@pytest.fixture
def hub_data(runtime):  # type: ignore[no-untyped-def]
    """Two Julia Wagner contacts and one company; returns (outlook contact, gmail contact, company) ids."""
    import_mails(runtime, MAILS)
    with unit_of_work(runtime.factory) as session:
        company = Company(name="Nordlicht Energie", domain="nordlicht.example", created_at=clock.utcnow())
        session.add(company)
        session.flush()
        ids = [session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == v)).one() for v in ("julia.wagner@outlook.de", "juliawagner.privat@gmail.com")]
        session.get(Contact, ids[0]).company_id = company.id
        return ids[0], ids[1], company.id


def _posts(outlook: int, gmail: int, company: int, merge_id: int = 1) -> list[tuple[str, dict[str, str]]]:
    return [
        (f"/contacts/{outlook}", {"display_name": "Julia W.", "company_id": ""}),
        (f"/contacts/{outlook}/merge", {"other_contact_id": str(gmail)}),
        (f"/merges/{merge_id}/undo", {}),
        (f"/companies/{company}", {"name": "Nordlicht", "domain": "nordlicht.example"}),
    ]


def test_anonymous_visitors_go_to_login(client, hub_data) -> None:
    outlook, gmail, company = hub_data
    for path in ("/contacts", "/companies", f"/companies/{company}"):
        assert "/login" in client.get(path).headers["Location"]
    token = token_of(client)
    for path, form in _posts(outlook, gmail, company):
        response = client.post(path, data={**form, "csrf_token": token})
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


def test_every_post_needs_csrf(app, hub_data) -> None:
    outlook, gmail, company = hub_data
    admin = login_as(app, "admin@example.test", "admin")
    for path, form in _posts(outlook, gmail, company):
        assert admin.post(path, data=form).status_code == 400, path
        assert admin.post(path, data={**form, "csrf_token": "wrong"}).status_code == 400, path


def test_roles_without_permission_get_403(app, logged_in, hub_data) -> None:
    outlook, gmail, company = hub_data
    token = token_of(logged_in)
    # An agent edits contacts but cannot merge or undo a merge.
    assert logged_in.post(f"/contacts/{outlook}/merge", data={"other_contact_id": str(gmail), "csrf_token": token}).status_code == 403
    assert logged_in.post("/merges/1/undo", data={"csrf_token": token}).status_code == 403
    sales = login_as(app, "sales@example.test", "sales")
    sales_token = token_of(sales)
    assert sales.get("/contacts").status_code == 200 and sales.get(f"/companies/{company}").status_code == 200
    for path, form in _posts(outlook, gmail, company):
        assert sales.post(path, data={**form, "csrf_token": sales_token}).status_code == 403, path
    page = sales.get(f"/contacts/{outlook}").get_data(as_text=True)
    assert "contact-edit" not in page and 'class="merge"' not in page


def test_search_by_name_email_and_phone(runtime, logged_in, hub_data) -> None:
    outlook, gmail, _ = hub_data
    with unit_of_work(runtime.factory) as session:
        session.add(ContactIdentity(contact_id=gmail, kind="phone", value="+4930123456"))
    assert "Julia Wagner" in logged_in.get("/contacts?q=wagn").get_data(as_text=True)
    by_email = logged_in.get("/contacts?q=OUTLOOK.de").get_data(as_text=True)
    assert f"/contacts/{outlook}" in by_email and f"/contacts/{gmail}\"" not in by_email
    by_phone = logged_in.get("/contacts?q=030 123456").get_data(as_text=True)
    assert f"/contacts/{gmail}\"" in by_phone and f"/contacts/{outlook}\"" not in by_phone
    assert "No contact found" in logged_in.get("/contacts?q=xylophon").get_data(as_text=True)
    assert logged_in.get("/contacts?page=2").status_code == 200


def test_edit_contact_normalises_identities_and_is_audited(runtime, logged_in, hub_data) -> None:
    outlook, _, company = hub_data
    token = token_of(logged_in)
    with unit_of_work(runtime.factory) as session:
        old_id = session.scalars(select(ContactIdentity.id).where(ContactIdentity.contact_id == outlook)).one()
    form = {"csrf_token": token, "display_name": "  Julia   Wagner-Berg ", "company_id": str(company)}
    assert logged_in.post(f"/contacts/{outlook}", data={**form, "add_kind": "email", "add_value": " Julia.W@Example.ORG "}).status_code == 303
    assert logged_in.post(f"/contacts/{outlook}", data={**form, "add_kind": "phone", "add_value": "030 1234567"}).status_code == 303
    logged_in.post(f"/contacts/{outlook}", data={**form, "remove_identity": str(old_id)})
    refused = logged_in.post(f"/contacts/{outlook}", data={**form, "add_kind": "phone", "add_value": "12"}, follow_redirects=True)
    assert "Not changed" in refused.get_data(as_text=True)
    with unit_of_work(runtime.factory) as session:
        contact = session.get(Contact, outlook)
        assert contact.display_name == "Julia Wagner-Berg" and contact.company_id == company
        values = set(session.scalars(select(ContactIdentity.value).where(ContactIdentity.contact_id == outlook)))
        assert values == {"julia.w@example.org", "+49301234567"}
        assert "contact.edit" in session.scalars(select(AuditEntry.action)).all()


def test_company_pages_and_free_mail_domain_refused(runtime, logged_in, hub_data) -> None:
    outlook, _, company = hub_data
    listing = logged_in.get("/companies").get_data(as_text=True)
    assert "Nordlicht Energie" in listing and "nordlicht.example" in listing
    page = logged_in.get(f"/companies/{company}").get_data(as_text=True)
    assert "Julia Wagner" in page and "Tarifwechsel" in page, "its contacts and their latest message"
    assert logged_in.get("/companies/999999").status_code == 404
    token = token_of(logged_in)
    refused = logged_in.post(f"/companies/{company}", data={"csrf_token": token, "name": "Nordlicht", "domain": "GMX.de"}, follow_redirects=True)
    assert "free-mail" in refused.get_data(as_text=True)
    assert logged_in.post(f"/companies/{company}", data={"csrf_token": token, "name": " Nordlicht  AG ", "domain": "WWW.Nordlicht.Example"}).status_code == 303
    with unit_of_work(runtime.factory) as session:
        saved = session.get(Company, company)
        assert (saved.name, saved.domain) == ("Nordlicht AG", "nordlicht.example")
        assert "company.edit" in session.scalars(select(AuditEntry.action)).all()


def test_admin_merges_and_undoes(runtime, app, hub_data) -> None:
    outlook, gmail, _ = hub_data
    admin = login_as(app, "admin@example.test", "admin")
    token = token_of(admin)
    assert f'value="{gmail}"' in admin.get(f"/contacts/{outlook}").get_data(as_text=True), "the namesake is offered"
    assert admin.post(f"/contacts/{outlook}/merge", data={"csrf_token": token, "other_contact_id": str(outlook)}, follow_redirects=True).status_code == 200
    assert admin.post(f"/contacts/{outlook}/merge", data={"csrf_token": token, "other_contact_number": str(gmail)}).status_code == 303
    page = admin.get(f"/contacts/{outlook}").get_data(as_text=True)
    assert "Neue Adresse" in page and "Tarifwechsel" in page
    assert f"/contacts/{gmail}\"" not in admin.get("/contacts").get_data(as_text=True), "merged contacts are hidden"
    with unit_of_work(runtime.factory) as session:
        merge = session.scalars(select(ContactMerge)).one()
    moved_on = admin.get(f"/contacts/{gmail}")
    assert moved_on.status_code == 302 and moved_on.headers["Location"].endswith(f"/contacts/{outlook}")
    assert f"Julia Wagner (#{gmail}) was merged into Julia Wagner, shown here." in admin.get(moved_on.headers["Location"]).get_data(as_text=True)
    assert admin.post(f"/merges/{merge.id}/undo", data={"csrf_token": token}).status_code == 303
    assert "Not changed" in admin.post(f"/merges/{merge.id}/undo", data={"csrf_token": token}, follow_redirects=True).get_data(as_text=True)
    assert admin.post("/merges/999999/undo", data={"csrf_token": token}).status_code == 404
    assert "Neue Adresse" not in admin.get(f"/contacts/{outlook}").get_data(as_text=True)
    with unit_of_work(runtime.factory) as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "contact")).all()
    assert sorted(actions) == ["contact.merge", "contact.unmerge"]
