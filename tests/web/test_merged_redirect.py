"""A merged contact's page leads on to the surviving contact with a notice (both databases)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.merging import merge_contacts, undo_merge
from hub.models import ContactIdentity
from tests.helpers import import_mails
from tests.web.roles import login_as

MAILS = [
    f"From: {name} <{address}>\r\nTo: service@shop.example\r\nSubject: Frage {n}\r\nMessage-ID: <mr{n}@example.org>\r\n"
    f"Date: Mon, 02 Nov 2026 0{n}:00:00 +0100\r\n\r\nHallo\r\n".encode()
    for n, (name, address) in enumerate(
        [("Julia Wagner", "julia.wagner@outlook.de"), ("J. Wagner", "jw@firma.example"), ("Julia W.", "julia@privat.example")], start=1
    )
]


@pytest.fixture
def contacts(runtime) -> list[int]:  # type: ignore[no-untyped-def]
    import_mails(runtime, MAILS)
    with unit_of_work(runtime.factory) as session:
        return [
            session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == address)).one()
            for address in ("julia.wagner@outlook.de", "jw@firma.example", "julia@privat.example")
        ]


def test_merged_contact_redirects_along_the_chain_with_a_notice(runtime, app, contacts: list[int]) -> None:
    first, second, third = contacts
    with unit_of_work(runtime.factory) as session:
        merge_contacts(session, None, second, first)  # first lives on in second
        later = merge_contacts(session, None, third, second)  # and second in third
    agent = login_as(app, "agent-m@example.test", "agent")

    response = agent.get(f"/contacts/{first}")

    assert response.status_code == 302 and response.headers["Location"].endswith(f"/contacts/{third}")
    page = agent.get(response.headers["Location"]).get_data(as_text=True)
    assert f"Julia Wagner (#{first}) was merged into Julia W., shown here." in page
    assert agent.get(f"/contacts/{third}").status_code == 200, "the surviving contact is shown as is"
    with unit_of_work(runtime.factory) as session:
        undo_merge(session, None, later.merge_id)
    assert agent.get(f"/contacts/{first}").headers["Location"].endswith(f"/contacts/{second}"), "after an undo the chain is shorter"
    assert agent.get(f"/contacts/{second}").status_code == 200


def test_no_redirect_for_visitors_who_may_not_see_contacts(client, contacts: list[int], runtime) -> None:
    first, second, _ = contacts
    with unit_of_work(runtime.factory) as session:
        merge_contacts(session, None, second, first)
    response = client.get(f"/contacts/{first}")
    assert response.status_code == 302 and "/login" in response.headers["Location"], "anonymous visitors learn no survivor"
    assert client.get("/contacts/999999").status_code == 302
