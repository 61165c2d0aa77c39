"""Identity-signal extraction (``nlp.signals``): unit tests per signal kind in
German and English, plus runs over real third-party mails (zammad, talon)."""

from __future__ import annotations

import email
import html
import re
from email import policy
from pathlib import Path

import phonenumbers
import pytest

from nlp.signals import (
    SIGNAL_KINDS,
    SOURCES,
    Signal,
    SignalExtractor,
    Signals,
    build_pipeline,
    email_base,
    is_free_mail_domain,
    is_role_address,
    normalise_email,
    normalise_phone,
    parse_display_name,
    parse_person_name,
)

E164 = re.compile(r"^\+[1-9]\d{6,14}$")


@pytest.fixture(scope="module")
def ex() -> SignalExtractor:
    return SignalExtractor(default_region="DE")


@pytest.fixture(scope="module")
def ex_gb() -> SignalExtractor:
    return SignalExtractor(default_region="GB")


def kinds(signals: Signals, kind: str) -> set[tuple[str, str]]:
    return {(s.value, s.source) for s in signals.of_kind(kind)}


# --------------------------------------------------------------------------
# normalisers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Anna.Weber@Example.COM", "anna.weber@example.com"),
        ("  <anna+shop@web.de>  ", "anna+shop@web.de"),
        ("mailto:Info@Müller-Bau.de", "info@xn--mller-bau-q9a.de"),
        ("x@xn--mller-bau-q9a.de", "x@xn--mller-bau-q9a.de"),
        ("john.o'neil@example.co.uk", "john.o'neil@example.co.uk"),
        ("not-an-address", None),
        ("a@b", None),
        ("two@@signs.de", None),
        ("dot.@example.com", None),
        ("", None),
    ],
)
def test_normalise_email(raw: str, expected: str | None) -> None:
    assert normalise_email(raw) == expected


def test_normalise_email_is_idempotent_and_keeps_plus() -> None:
    addr = normalise_email("Anna+CRM@Example.de")
    assert addr == "anna+crm@example.de"
    assert normalise_email(addr) == addr
    assert email_base(addr) == "anna@example.de"


@pytest.mark.parametrize(
    "domain",
    ["gmail.com", "googlemail.com", "web.de", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "t-online.de",
     "outlook.com", "hotmail.de", "hotmail.co.uk", "live.com", "live.de", "yahoo.com", "yahoo.co.uk",
     "icloud.com", "me.com", "aol.com", "freenet.de", "posteo.de", "mailbox.org", "arcor.de",
     "protonmail.com", "proton.me", "1und1.de", "GMAIL.COM", "anna@web.de"],
)
def test_free_mail_domains(domain: str) -> None:
    assert is_free_mail_domain(domain)


@pytest.mark.parametrize("domain", ["muster-handel.de", "live.example-events.com", "gmxhosting.de", "example.com"])
def test_company_domains_are_not_free_mail(domain: str) -> None:
    assert not is_free_mail_domain(domain)


@pytest.mark.parametrize(
    ("addr", "role"),
    [("info@muster.de", True), ("buchhaltung@muster.de", True), ("noreply-4711@shop.de", True),
     ("Support+ticket@acme.com", True), ("sales@acme.com", True), ("anna.weber@muster.de", False),
     ("info.weber@muster.de", False)],
)
def test_role_addresses(addr: str, role: bool) -> None:
    assert is_role_address(addr) is role


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("030 1234567", "DE", "+49301234567"),
        ("+49 (0)30 1234567", "DE", "+49301234567"),
        ("0049 171 2345678", "DE", "+491712345678"),
        ("0171/2345678", "DE", "+491712345678"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("+1 415-867-5309", "DE", "+14158675309"),
        ("12345", "DE", None),
        ("+49 001 7601 462", "DE", None),
        ("hello", "DE", None),
    ],
)
def test_normalise_phone(raw: str, region: str, expected: str | None) -> None:
    assert normalise_phone(raw, region) == expected


# --------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("display", "person", "company"),
    [
        ("Weber, Anna", "Anna Weber", None),
        ("Anna Weber (Privat)", "Anna Weber", None),
        ('"Dr. med. Anna Weber"', "Anna Weber", None),
        ("ANNA WEBER", "Anna Weber", None),
        ("WEBER, Anna", "Anna Weber", None),
        ("anna weber", "Anna Weber", None),
        ("Prof. Dr. Hans-Peter Müller-Lüdenscheidt", "Hans-Peter Müller-Lüdenscheidt", None),
        ("Ursula von der Leyen", "Ursula von der Leyen", None),
        ("O'Brien, Patrick", "Patrick O'Brien", None),
        ("John E. Doe, Ph.D.", "John E. Doe", None),
        ("Mr. John Smith", "John Smith", None),
        ("Günther John | Example GmbH", "Günther John", "Example GmbH"),
        ("Anna Weber - Muster Handel GmbH & Co. KG", "Anna Weber", "Muster Handel GmbH & Co. KG"),
        ("Muster GmbH", None, "Muster GmbH"),
        ("Acme Widgets Ltd", None, "Acme Widgets Ltd"),
        ("anna.weber@web.de", None, None),
        ("Kundenservice", None, None),
        ("Familie Müller", None, None),
        ("Team Muster", None, None),
        ("IT Support", None, None),
        ("Anna", None, None),
        ("", None, None),
    ],
)
def test_parse_display_name(display: str, person: str | None, company: str | None) -> None:
    assert parse_display_name(display) == (person, company)


@pytest.mark.parametrize("text", ["aus Oberalteich sendet Herrn Smith", "Yangzhou ABC Lighting Equipment", "A. W.", "Tel 030 123"])
def test_prose_is_not_a_name(text: str) -> None:
    assert parse_person_name(text) is None


@pytest.mark.parametrize(
    ("body", "lang", "name"),
    [
        ("Hallo,\n\nanbei die Unterlagen.\n\nMit freundlichen Grüßen\nAnna Weber", "de", "Anna Weber"),
        ("Hallo,\n\nanbei die Unterlagen.\n\nViele Grüße,\n\nDr. Anna Weber\nEinkauf", "de", "Anna Weber"),
        ("Hallo,\n\nanbei.\n\nViele Grüße\nAnna\n\n--\nAnna Weber\nTel. 030 1234567", "de", "Anna Weber"),
        ("Hallo,\n\nanbei.\n\nLG, Jörg Schäfer", "de", "Jörg Schäfer"),
        ("Hi,\n\nsee attached.\n\nBest regards,\nJohn Smith\nAcme Ltd", "en", "John Smith"),
        ("Hi,\n\nsee attached.\n\nCheers,\nMARY O'BRIEN", "en", "Mary O'Brien"),
        ("Hi,\n\nsee attached.\n\nKind regards\n\nSmith, John", "en", "John Smith"),
    ],
)
def test_signoff_name(ex: SignalExtractor, body: str, lang: str, name: str) -> None:
    s = ex.extract(from_name=None, from_address="x@example.org", body=body, lang=lang)
    assert name in s.names("signature")


@pytest.mark.parametrize(
    "body",
    [
        "Hallo,\n\ndas ist der Best price ever.\nAnna Weber kommt morgen.",
        "Hallo,\n\nViele Grüße aus Berlin an alle\nund bis bald",
        "Hi,\n\nCheers,\nthe team at Acme",
        "Hallo,\n\nViele Grüße\nAnna",  # a first name alone is not enough
    ],
)
def test_no_signoff_name(ex: SignalExtractor, body: str) -> None:
    assert ex.extract(from_name=None, from_address=None, body=body).names() == ()


def test_signature_first_line_is_a_name(ex: SignalExtractor) -> None:
    s = ex.extract(from_name=None, from_address=None, body="Thanks!", signature="Gina Miller\ngina@example.com", lang="en")
    assert s.names("signature") == ("Gina Miller",)


def test_colleague_in_footer_is_not_the_author(ex: SignalExtractor) -> None:
    ex2 = SignalExtractor(known_names=["Max Mustermann"])
    sig = "Anna Weber\nMuster GmbH\nGeschäftsführer: Max Mustermann"
    s = ex2.extract(from_name=None, from_address=None, body="Hallo", signature=sig)
    assert s.names("signature") == ("Anna Weber",)


# --------------------------------------------------------------------------
# phones
# --------------------------------------------------------------------------


def test_phones_de_signature(ex: SignalExtractor) -> None:
    sig = (
        "Anna Weber\nMuster Handel GmbH\nTel.: +49 (0)30 1234567 | Fax: +49 30 1234568\n"
        "Mobil: 0151/23456789\nIBAN DE89 3704 0044 0532 0130 00\nAmtsgericht Berlin HRB 12345\n"
        "USt-IdNr. DE123456789"
    )
    s = ex.extract(from_name="Anna Weber", from_address="anna@muster-handel.de", body="Hallo", signature=sig)
    assert kinds(s, "phone") == {("+49301234567", "signature"), ("+4915123456789", "signature")}
    assert s.of_kind("phone")[0].evidence.startswith("Tel.:")


def test_phones_body_need_a_label_or_prefix(ex: SignalExtractor) -> None:
    body = (
        "Hallo,\n\nam 12.03.2024 habe ich 3 Pakete bestellt (Art.-Nr. 0301234567).\n"
        "Sie erreichen mich unter 0171 2345678, mein Büro unter +49 89 1234567.\n"
    )
    s = ex.extract(from_name=None, from_address=None, body=body)
    assert kinds(s, "phone") == {("+491712345678", "body"), ("+49891234567", "body")}


def test_phones_en(ex_gb: SignalExtractor) -> None:
    sig = "John Smith\nAcme Ltd\nPhone: 020 7946 0958\nMobile: +44 7911 123456\nFax: 020 7946 0959"
    s = ex_gb.extract(from_name="John Smith", from_address="john@acme.co.uk", body="Hi", signature=sig, lang="en")
    assert kinds(s, "phone") == {("+442079460958", "signature"), ("+447911123456", "signature")}


def test_invalid_phone_is_dropped(ex: SignalExtractor) -> None:
    s = ex.extract(from_name=None, from_address=None, body="x", signature="Tel.: +49 001 7601 462")
    assert s.phones() == ()


# --------------------------------------------------------------------------
# business numbers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Meine Kundennummer ist 4711-0815.", "customer_number", "4711-0815"),
        ("Kunden-Nr.: KD-48213", "customer_number", "KD-48213"),
        ("Kd.-Nr. 123456", "customer_number", "123456"),
        ("My customer number is C12345.", "customer_number", "C12345"),
        ("Customer no. 778899", "customer_number", "778899"),
        ("Bestellnummer 2023-4711", "order_number", "2023-4711"),
        ("regarding Order #55123", "order_number", "55123"),
        ("Vertragsnummer: V-2023-1234", "contract_number", "V-2023-1234"),
        ("contract number CT123456", "contract_number", "CT123456"),
        ("Rechnungsnr.: RE 2024/0815", "invoice_number", "RE2024/0815"),
        ("see invoice #INV-2024-001", "invoice_number", "INV-2024-001"),
    ],
)
def test_business_numbers(ex: SignalExtractor, text: str, kind: str, value: str) -> None:
    s = ex.extract(from_name=None, from_address=None, body=f"Hallo,\n\n{text}\n")
    assert [(x.kind, x.value) for x in s.numbers()] == [(kind, value)]


def test_numbers_are_not_phones(ex: SignalExtractor) -> None:
    s = ex.extract(from_name=None, from_address=None, body="Kundennummer: 0301234567 (Hotline: Tel. 030 9876543)")
    assert [x.value for x in s.numbers("customer_number")] == ["0301234567"]
    assert s.phones() == ("+49309876543",)


def test_custom_number_patterns() -> None:
    ex = SignalExtractor(number_patterns=[("customer_number", r"\bMitglied\s+(M\d{4,})")])
    s = ex.extract(from_name=None, from_address=None, body="Mitglied M12345, Kundennummer 999999")
    assert [(x.kind, x.value) for x in s.numbers()] == [("customer_number", "M12345")]


def test_pattern_without_group_is_rejected() -> None:
    with pytest.raises(ValueError):
        SignalExtractor(number_patterns=[("customer_number", r"Kunde \d+")])


# --------------------------------------------------------------------------
# companies, domains, messengers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "company"),
    [
        ("Muster Handel GmbH & Co. KG", "Muster Handel GmbH & Co. KG"),
        ("Bäckerei Schmidt UG (haftungsbeschränkt)", "Bäckerei Schmidt UG (haftungsbeschränkt)"),
        ("Blumen Meier e.K.", "Blumen Meier e.K."),
        ("Alpen Solar AG, Sitz München", "Alpen Solar AG"),
        ("Persönlich haftende Gesellschafterin: Example Service AG", "Example Service AG"),
        ("Acme Widgets Ltd", "Acme Widgets Ltd"),
        ("Northwind Traders, Inc.", None),
        ("Bluebird Analytics LLC", "Bluebird Analytics LLC"),
        ("Kranich Software SE", "Kranich Software SE"),
    ],
)
def test_legal_form_companies(ex: SignalExtractor, line: str, company: str | None) -> None:
    s = ex.extract(from_name=None, from_address=None, body="Hallo", signature=f"Anna Weber\n{line}\nwww.example.org")
    assert s.companies("signature") == ((company,) if company else ())


def test_known_company_phrase(ex: SignalExtractor) -> None:
    ex2 = SignalExtractor(known_companies=["Nordlicht Logistik"])
    s = ex2.extract(from_name=None, from_address=None, body="Hallo", signature="Anna Weber\nNORDLICHT LOGISTIK\nHamburg")
    assert s.companies("signature") == ("NORDLICHT LOGISTIK",)


def test_sender_domain(ex: SignalExtractor) -> None:
    s = ex.extract(from_name=None, from_address="anna@Muster-Handel.de", body="x")
    assert kinds(s, "domain") == {("muster-handel.de", "from_header")}
    s = ex.extract(from_name=None, from_address="anna@gmx.de", body="x",
                   signature="Anna\nwww.muster-handel.de\nhttps://www.linkedin.com/in/anna")
    assert kinds(s, "domain") == {("muster-handel.de", "signature")}


def test_messenger_ids(ex: SignalExtractor) -> None:
    sig = "Anna Weber\nTelegram: @anna_weber\nWhatsApp: 0160 9876543\nhttps://wa.me/4915112345678"
    s = ex.extract(from_name=None, from_address=None, body="Hallo", signature=sig)
    assert set(s.messenger_ids()) == {"telegram:anna_weber", "whatsapp:+491609876543", "whatsapp:+4915112345678"}
    assert "+491609876543" in s.phones()
    s = ex.extract(from_name=None, from_address=None, body="Schreib mir an @anna_weber oder an info@x.de")
    assert s.messenger_ids() == ()


def test_emails_in_body_and_signature(ex: SignalExtractor) -> None:
    s = ex.extract(from_name=None, from_address="Anna <ANNA@web.de>", body="bitte an Max.Muster@Firma.de",
                   signature="anna.weber@muster.de")
    assert kinds(s, "email") == {("anna@web.de", "from_header"), ("max.muster@firma.de", "body"),
                                 ("anna.weber@muster.de", "signature")}
    assert s.sender_email == "anna@web.de"


# --------------------------------------------------------------------------
# pipeline mechanics
# --------------------------------------------------------------------------


def test_doc_extension_and_components(ex: SignalExtractor) -> None:
    kwargs = dict(from_name="Weber, Anna", from_address="anna@muster.de", body="Hallo\n\nViele Grüße\nAnna Weber")
    doc = ex.extract_doc(**kwargs)
    assert isinstance(doc._.hub_signals, Signals)
    assert doc._.hub_signals == ex.extract(**kwargs)
    nlp = ex.pipeline("de")
    assert nlp.pipe_names == ["hub_closings", "hub_legal_forms", "hub_known_names", "hub_signal_collector"]
    assert ex.pipeline("de") is nlp  # built once, reused
    assert ex.pipeline("fr") is nlp  # other languages fall back to German
    assert ex.pipeline("en") is not nlp


def test_extract_many_matches_extract(ex: SignalExtractor) -> None:
    items = [
        dict(from_name="Weber, Anna", from_address="anna@muster.de", body="Hallo\n\nViele Grüße\nAnna Weber", lang="de"),
        dict(from_name="John Smith", from_address="john@acme.com", body="Hi\n\nCheers,\nJohn Smith", lang="en"),
        dict(from_name=None, from_address=None, body="", signature="Tel. 030 1234567"),
    ]
    assert ex.extract_many(items) == [ex.extract(**it) for it in items]


def test_set_known_rebuilds_phrase_patterns() -> None:
    ex2 = SignalExtractor()
    body = "Hallo,\n\nHerr Jens Kowalski hat mir Ihre Adresse gegeben."
    assert ex2.extract(from_name=None, from_address=None, body=body).names("body") == ()
    ex2.set_known(["Jens Kowalski"])
    assert ex2.extract(from_name=None, from_address=None, body=body).names("body") == ("Jens Kowalski",)
    assert build_pipeline("en", ["A B"]).get_pipe("hub_known_names") is not None


def test_signal_shape(ex: SignalExtractor) -> None:
    s = ex.extract(from_name="Anna Weber", from_address="anna@muster.de", body="Kundennummer 12345",
                   signature="Anna Weber\nTel. 030 1234567")
    assert all(isinstance(x, Signal) and x.kind in SIGNAL_KINDS and x.source in SOURCES and x.evidence for x in s)
    with pytest.raises(AttributeError):
        s.items[0].value = "x"  # type: ignore[misc]


# --------------------------------------------------------------------------
# real mails (third-party fixtures)
# --------------------------------------------------------------------------


def _mail_text(msg: email.message.EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        return ""
    if part.get_content_type() == "text/html":
        text = re.sub(r"(?is)<(script|style).*?</\1>", "", text)
        text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</li>", "\n", text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


def _sender(msg: email.message.EmailMessage) -> tuple[str | None, str | None]:
    try:
        header = msg["From"]
        addrs = header.addresses if header is not None else ()
    except (IndexError, ValueError, AttributeError):
        return None, None
    return (addrs[0].display_name, addrs[0].addr_spec) if addrs else (None, None)


def _check_invariants(signals: Signals) -> None:
    for s in signals:
        assert s.kind in SIGNAL_KINDS and s.source in SOURCES and s.evidence
        if s.kind == "phone":
            assert E164.match(s.value), s
            assert phonenumbers.is_valid_number(phonenumbers.parse(s.value)), s
        elif s.kind == "email":
            assert normalise_email(s.value) == s.value and s.value == s.value.lower(), s
        elif s.kind == "domain":
            assert not is_free_mail_domain(s.value), s
        elif s.kind == "person_name":
            assert 2 <= len(s.value.split()) <= 5 and not any(c.isdigit() for c in s.value), s
        elif s.kind == "messenger_id":
            assert s.value.split(":", 1)[0] in ("telegram", "whatsapp"), s


def test_zammad_mails(shared_data: Path, ex: SignalExtractor) -> None:
    boxes = sorted((shared_data / "email" / "zammad").glob("*.box"))
    assert boxes, "no zammad mails found"
    by_name: dict[str, Signals] = {}
    items = []
    for box in boxes:
        msg = email.message_from_bytes(box.read_bytes(), policy=policy.default)
        name, addr = _sender(msg)
        items.append(dict(from_name=name, from_address=addr, body=_mail_text(msg)))
    results = ex.extract_many(items)
    for box, signals in zip(boxes, results):
        _check_invariants(signals)
        by_name[box.name] = signals
    m3 = by_name.get("mail003.box")
    if m3 is not None:  # "Günther John | Example GmbH" <k.guenther@example.com>
        assert "Günther John" in m3.names("display_name")
        assert "Example GmbH" in m3.companies("display_name")
    m1 = by_name.get("mail001.box")
    if m1 is not None:  # German HTML mail, closing + name + long legal footer
        assert "John Smith" in m1.names("signature")
        assert "Example Service AG" in " ".join(m1.companies())
    m7 = by_name.get("mail007.box")
    if m7 is not None:  # "P: +49 (0) 30 60 98 54 18-0" is a phone, "F: ..." is a fax
        assert "+4930609854180" in m7.phones()
        assert "+4930609854188" not in m7.phones()


def _talon_cases(root: Path) -> list[tuple[str, str, str, str]]:
    out = []
    for sig_file in sorted(root.glob("*_signature")):
        stem = sig_file.name.removesuffix("_signature")
        body_file = root / f"{stem}_body"
        sender_file = root / f"{stem}_sender"
        if not body_file.exists():
            continue
        strip = lambda t: re.sub(r"(?m)^#sig#", "", t)  # noqa: E731
        body = strip(body_file.read_text(encoding="utf-8"))
        signature = strip(sig_file.read_text(encoding="utf-8")).strip("\n")
        sender = sender_file.read_text(encoding="utf-8").strip() if sender_file.exists() else ""
        out.append((stem, body, signature, sender))
    return out


def test_talon_signature_fixtures(shared_data: Path) -> None:
    root = shared_data / "email" / "mailgun-talon" / "signature" / "emails" / "stripped"
    cases = _talon_cases(root)
    assert cases, "no talon signature fixtures"
    ex = SignalExtractor(default_region="US")
    seen = {}
    for stem, body, signature, sender in cases:
        reply = body[: body.rfind(signature)] if signature and signature in body else body
        from_addr = sender if "@" in sender else None
        from_name = sender if sender and "@" not in sender else None
        s = ex.extract(from_name=from_name, from_address=from_addr, body=reply, signature=signature, lang="en")
        _check_invariants(s)
        for sig in s.of_kind("person_name", "signature") + s.of_kind("phone", "signature") + s.of_kind("email", "signature"):
            # everything attributed to the signature must come from the signature the fixture names
            assert sig.evidence.splitlines()[-1].strip() in signature, (stem, sig)
        # and nothing from the signature may leak in as "body"
        for sig in s.of_kind("email", "body") + s.of_kind("phone", "body"):
            assert sig.evidence not in signature, (stem, sig)
        seen[stem] = s
    if "long" in seen:  # "Gina Xxxxxxxxx\ngina@example.com\n(555) 346-9947"
        assert seen["long"].names("signature") == ("Gina Xxxxxxxxx",)
        assert seen["long"].emails("signature") == ("gina@example.com",)
        assert seen["long"].phones() == ()  # 555 numbers are fictional: not valid
    if "jeff" in seen:
        assert "Stavros Xxxxxx" in seen["jeff"].names()
    if "johndoeexamplecom" in seen:
        assert seen["johndoeexamplecom"].names("signature") == ("John E. Doe",)
        assert seen["johndoeexamplecom"].emails("signature") == ("john@example.com",)


def test_talon_bodies_without_split_signature(shared_data: Path, ex: SignalExtractor) -> None:
    """Whole bodies, no signature given: the extractor must still keep its invariants."""
    root = shared_data / "email" / "mailgun-talon" / "signature" / "emails"
    for path in sorted(root.rglob("*_body")):
        text = re.sub(r"(?m)^#\w+#", "", path.read_text(encoding="utf-8"))
        _check_invariants(ex.extract(from_name=None, from_address=None, body=text, lang="en"))
