"""German and English UI: the browser's language by default, the user's choice once saved."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from tests.web.conftest import csrf_from
from tests.web.roles import token_of
from web.i18n import TRANSLATIONS_DIR, compile_catalogs

GERMAN = {"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def test_login_page_follows_the_browser(client) -> None:
    german = client.get("/login", headers=GERMAN).get_data(as_text=True)
    english = client.get("/login", headers=ENGLISH).get_data(as_text=True)
    assert '<html lang="de">' in german and "<h1>Anmelden</h1>" in german and "Passwort" in german
    assert '<html lang="en">' in english and "<h1>Log in</h1>" in english and "Password" in english
    assert "<h1>Log in</h1>" in client.get("/login", headers={"Accept-Language": "fr"}).get_data(as_text=True)


def test_failed_login_message_is_translated(client) -> None:
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", headers=GERMAN, data={"email": "x@example.test", "password": "wrong password!", "csrf_token": token})
    assert "Unbekannte E-Mail-Adresse oder falsches Passwort." in response.get_data(as_text=True)


def test_saved_locale_beats_the_browser(logged_in) -> None:
    assert "<h1>Contacts</h1>" in logged_in.get("/", headers=ENGLISH).get_data(as_text=True)
    response = logged_in.post("/me/locale", data={"csrf_token": token_of(logged_in), "locale": "de", "next": "/?page=1"})
    assert response.status_code == 302 and response.headers["Location"] == "/?page=1"
    page = logged_in.get("/", headers=ENGLISH).get_data(as_text=True)
    assert "<h1>Kontakte</h1>" in page and "Abmelden" in page and "<code>hub demo</code>" in page
    logged_in.post("/me/locale", data={"csrf_token": token_of(logged_in), "locale": ""})  # back to the browser's choice
    assert "<h1>Contacts</h1>" in logged_in.get("/", headers=ENGLISH).get_data(as_text=True)


def test_locale_change_needs_csrf_login_and_a_known_locale(app, logged_in) -> None:
    assert logged_in.post("/me/locale", data={"locale": "de"}).status_code == 400
    assert logged_in.post("/me/locale", data={"csrf_token": token_of(logged_in), "locale": "xx"}).status_code == 400
    assert logged_in.post("/me/locale", data={"csrf_token": token_of(logged_in), "locale": "de", "next": "//evil.test/"}).headers["Location"] == "/"
    anonymous = app.test_client()
    assert anonymous.post("/me/locale", data={"csrf_token": token_of(anonymous), "locale": "de"}).status_code == 302


def test_forbidden_page_in_both_languages(logged_in) -> None:
    assert "Nicht erlaubt" in logged_in.get("/admin/audit", headers=GERMAN).get_data(as_text=True)
    assert "Not allowed" in logged_in.get("/admin/audit", headers=ENGLISH).get_data(as_text=True)


def test_every_german_message_is_translated() -> None:
    with (TRANSLATIONS_DIR / "de" / "LC_MESSAGES" / "messages.po").open("rb") as source:
        catalog = read_po(source)
    untranslated = [message.id for message in catalog if message.id and not all(message.string if isinstance(message.string, tuple) else [message.string])]
    assert untranslated == []
    assert not [message.id for message in catalog if message.id and message.fuzzy]


def test_missing_mo_is_compiled(tmp_path: Path) -> None:
    shutil.copytree(TRANSLATIONS_DIR / "de", tmp_path / "de")
    (tmp_path / "de" / "LC_MESSAGES" / "messages.mo").unlink()
    compile_catalogs(tmp_path)
    assert (tmp_path / "de" / "LC_MESSAGES" / "messages.mo").stat().st_size > 1000
