"""The full composer against a real SMTP server (aiosmtpd): edited subject, Cc, Bcc, reply all, attachments.

Checks what reaches the server byte for byte: headers, the SMTP envelope
(Bcc only there), the attachments, and that threading headers are those of
a plain reply; then what the agent sees: the refused input kept with its
reason, the files listed on the reply and on the sent copy in the timeline.
"""

from __future__ import annotations

import io
import os

import pytest
from sqlalchemy import select

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.models import Attachment, Interaction, OutboundMessage
from hub.models.outbound import OutboundAttachment
from tests.helpers import import_mails
from tests.web.conftest import csrf_from
from tests.web.test_reply import SmtpSink, composer_fields, pg_settings, settings, smtp_sink  # noqa: F401 -- fixtures

MAILBOX = "service@shop.example"
OTHER_MAILBOX = "billing@shop.example"
CUSTOMER_MAIL = (
    b"From: Anna Weber <anna.weber@example.org>\r\nTo: Service <service@shop.example>, Jan Weber <jan.weber@example.org>\r\n"
    b"Cc: billing@shop.example, Buchhaltung <buchhaltung@weber-gmbh.example>\r\nSubject: AW: Rechnung 815\r\n"
    b"Message-ID: <r1@example.org>\r\nIn-Reply-To: <r0@shop.example>\r\nReferences: <r0@shop.example>\r\n"
    b"Date: Mon, 02 Nov 2026 09:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Bitte schicken Sie die Rechnung noch einmal, an uns alle.\r\n"
)
PDF_BYTES = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
CSV_BYTES = "Artikel;Menge\nSchraube;12\n".encode()


def _customer_mail(runtime) -> Interaction:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        ensure_channel(session, kind="imap", name="service", address=MAILBOX)
        ensure_channel(session, kind="imap", name="billing", address=OTHER_MAILBOX)
    import_mails(runtime, [CUSTOMER_MAIL])
    with unit_of_work(runtime.factory) as session:
        return session.scalars(select(Interaction).where(Interaction.channel_message_id == "r1@example.org")).one()


def _outbound(runtime) -> list[OutboundMessage]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return list(session.scalars(select(OutboundMessage).order_by(OutboundMessage.id)))


def _files(*files: tuple[bytes, str]) -> list[tuple[io.BytesIO, str]]:
    return [(io.BytesIO(data), name) for data, name in files]


def test_composer_prefills_and_reply_all_adds_the_others_without_our_mailboxes(runtime, logged_in) -> None:
    original = _customer_mail(runtime)

    plain = composer_fields(logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True))
    everyone = composer_fields(logged_in.get(f"/interactions/{original.id}/reply?all=1").get_data(as_text=True))

    assert plain["to"] == "anna.weber@example.org" and plain["cc"] == "" and plain["bcc"] == ""
    assert plain["subject"] == "Re: Rechnung 815" and plain["reply_all"] == "0"
    assert everyone["to"] == "anna.weber@example.org" and everyone["reply_all"] == "1"
    assert everyone["cc"] == "jan.weber@example.org, buchhaltung@weber-gmbh.example", "our own mailboxes are never Cc'd"
    assert 'href="/interactions/%d/reply?all=1"' % original.id in logged_in.get(f"/interactions/{original.id}").get_data(as_text=True)


def test_reply_with_cc_bcc_subject_and_files_reaches_the_server_exactly(runtime, logged_in, smtp_sink: SmtpSink) -> None:
    original = _customer_mail(runtime)
    fields = composer_fields(logged_in.get(f"/interactions/{original.id}/reply?all=1").get_data(as_text=True))
    data = fields | {
        "subject": "Ihre Rechnung 815 (korrigiert)",
        "bcc": "Archiv <archiv@shop-intern.example>",
        "body": "Guten Tag,\n\nanbei die Rechnung.\n",
        "attachments": _files((PDF_BYTES, "Scans/Rechnung März.pdf"), (CSV_BYTES, "../../etc/posten.csv")),
    }

    page = logged_in.post(f"/interactions/{original.id}/reply", data=data, content_type="multipart/form-data", follow_redirects=True)

    assert page.status_code == 200 and "Reply sent." in page.get_data(as_text=True)
    [envelope] = smtp_sink.envelopes
    [sent] = smtp_sink.messages()
    assert sorted(envelope.rcpt_tos) == sorted(
        ["anna.weber@example.org", "jan.weber@example.org", "buchhaltung@weber-gmbh.example", "archiv@shop-intern.example"]
    )
    assert b"archiv@" not in envelope.original_content and b"Bcc" not in envelope.original_content, "Bcc only in the envelope"
    assert sent["To"] == "anna.weber@example.org"
    assert sent["Cc"] == "jan.weber@example.org, buchhaltung@weber-gmbh.example"
    assert sent["Subject"] == "Ihre Rechnung 815 (korrigiert)"
    assert sent["In-Reply-To"] == "<r1@example.org>" and sent["References"] == "<r0@shop.example> <r1@example.org>"
    assert sent.get_content_type() == "multipart/mixed"
    assert "anbei die Rechnung." in sent.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    parts = list(sent.iter_attachments())
    assert [(p.get_filename(), p.get_content_type()) for p in parts] == [
        ("Rechnung März.pdf", "application/pdf"), ("posten.csv", "text/csv")
    ]
    assert parts[0].get_payload(decode=True) == PDF_BYTES and parts[1].get_payload(decode=True) == CSV_BYTES

    [outbound] = _outbound(runtime)
    assert outbound.status == "sent" and outbound.bcc_addresses == ["archiv@shop-intern.example"]
    with unit_of_work(runtime.factory) as session:
        stored = session.scalars(select(OutboundAttachment).order_by(OutboundAttachment.position)).all()
        assert [(a.filename, a.size) for a in stored] == [("Rechnung März.pdf", len(PDF_BYTES)), ("posten.csv", len(CSV_BYTES))]
        copy_files = session.scalars(select(Attachment).where(Attachment.interaction_id == outbound.sent_interaction_id)).all()
        assert sorted(a.filename for a in copy_files) == ["Rechnung März.pdf", "posten.csv"]
    message_page = logged_in.get(f"/interactions/{original.id}").get_data(as_text=True)
    assert "Rechnung März.pdf" in message_page and "archiv@shop-intern.example" in message_page
    sent_copy = logged_in.get(f"/interactions/{outbound.sent_interaction_id}").get_data(as_text=True)
    assert "Rechnung März.pdf" in sent_copy and "posten.csv" in sent_copy
    assert "archiv@shop-intern.example" in sent_copy, "the agent still sees who got a blind copy"
    timeline = logged_in.get(f"/contacts/{original.contact_id}").get_data(as_text=True)
    assert '<p class="entry-files"><small>Attachments: Rechnung März.pdf, posten.csv</small></p>' in timeline


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("to", "anna.weber@example", "To: &#34;anna.weber@example&#34; is not a valid e-mail address"),
        ("cc", "jan@example.org, kaputt@, auch kaputt", "Cc: &#34;kaputt@&#34;, &#34;auch kaputt&#34; are not valid e-mail addresses"),
        ("bcc", "<ohne-domain>", "Bcc: &#34;&lt;ohne-domain&gt;&#34; is not a valid e-mail address"),
        ("to", "", "To: at least one recipient is needed"),
        ("subject", "   ", "Subject: the subject is empty"),
    ],
)
def test_bad_input_is_refused_with_its_reason_and_keeps_what_was_typed(
    runtime, logged_in, smtp_sink: SmtpSink, field: str, value: str, reason: str
) -> None:
    original = _customer_mail(runtime)
    fields = composer_fields(logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True))
    typed = "Ein langer Text, den niemand zweimal schreiben will."

    response = logged_in.post(f"/interactions/{original.id}/reply", data=fields | {field: value, "body": typed})

    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert reason in html
    assert typed in html and composer_fields(html)[field] == value
    assert _outbound(runtime) == [] and smtp_sink.envelopes == []


def test_attachment_limits(runtime, app, logged_in, smtp_sink: SmtpSink) -> None:
    runtime.settings.reply_attachments_max_bytes = 50_000
    original = _customer_mail(runtime)
    fields = composer_fields(logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True))

    over = logged_in.post(
        f"/interactions/{original.id}/reply", content_type="multipart/form-data",
        data=fields | {"attachments": _files((os.urandom(30_000), "a.bin"), (os.urandom(30_000), "b.bin"))},
    )
    far_over = logged_in.post(
        f"/interactions/{original.id}/reply", content_type="multipart/form-data",
        data=fields | {"attachments": _files((os.urandom(1_200_000), "huge.bin"))},
    )
    empty = logged_in.post(
        f"/interactions/{original.id}/reply", content_type="multipart/form-data",
        data=fields | {"attachments": _files((b"", "leer.txt"))},
    )

    assert over.status_code == 422
    assert "Attachments: 60 kB in total, more than the limit of 50 kB" in over.get_data(as_text=True)
    assert "Please choose the files again." in over.get_data(as_text=True)
    assert far_over.status_code == 413 and "larger than the limit" in far_over.get_data(as_text=True)
    assert empty.status_code == 422 and "&#34;leer.txt&#34; is empty" in empty.get_data(as_text=True)
    anonymous = app.test_client().post(
        f"/interactions/{original.id}/reply", content_type="multipart/form-data",
        data={"attachments": _files((os.urandom(1_200_000), "huge.bin"))},
    )
    assert anonymous.status_code == 413 and "anna.weber" not in anonymous.get_data(as_text=True), "no composer for strangers"
    assert _outbound(runtime) == [] and smtp_sink.envelopes == []


def test_files_are_stored_before_sending_and_survive_a_failed_attempt(runtime, logged_in, smtp_sink: SmtpSink) -> None:
    original = _customer_mail(runtime)
    smtp_sink.stop()
    fields = composer_fields(logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True))
    page = logged_in.post(
        f"/interactions/{original.id}/reply", content_type="multipart/form-data", follow_redirects=True,
        data=fields | {"attachments": _files((PDF_BYTES, "rechnung.pdf"))},
    ).get_data(as_text=True)
    [outbound] = _outbound(runtime)
    assert outbound.status == "failed"
    with unit_of_work(runtime.factory) as session:
        [stored] = session.scalars(select(OutboundAttachment)).all()
    assert runtime.blob_store.get(stored.sha256) == PDF_BYTES
    smtp_sink.start()

    logged_in.post(f"/outbound/{outbound.id}/retry", data={"csrf_token": csrf_from(page)})

    [sent] = smtp_sink.messages()
    [part] = list(sent.iter_attachments())
    assert part.get_filename() == "rechnung.pdf" and part.get_payload(decode=True) == PDF_BYTES


def test_composer_post_with_files_needs_csrf(runtime, logged_in, smtp_sink: SmtpSink) -> None:
    original = _customer_mail(runtime)
    fields = composer_fields(logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True))
    del fields["csrf_token"]
    response = logged_in.post(
        f"/interactions/{original.id}/reply", content_type="multipart/form-data",
        data=fields | {"attachments": _files((PDF_BYTES, "rechnung.pdf"))},
    )
    assert response.status_code == 400
    assert _outbound(runtime) == [] and smtp_sink.envelopes == []
    with unit_of_work(runtime.factory) as session:
        assert session.scalars(select(OutboundAttachment)).all() == []


def test_a_file_larger_than_the_app_wide_form_limit_fits_within_the_reply_limit(runtime, app, logged_in, smtp_sink: SmtpSink) -> None:
    big = os.urandom(3_000_000)
    assert app.config["MAX_CONTENT_LENGTH"] < len(big) < runtime.settings.reply_attachments_max_bytes
    original = _customer_mail(runtime)
    fields = composer_fields(logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True))

    page = logged_in.post(
        f"/interactions/{original.id}/reply", content_type="multipart/form-data", follow_redirects=True,
        data=fields | {"attachments": _files((big, "messprotokoll.bin"))},
    )

    assert page.status_code == 200 and "Reply sent." in page.get_data(as_text=True)
    [part] = list(smtp_sink.messages()[0].iter_attachments())
    assert part.get_payload(decode=True) == big
    assert logged_in.post("/inbox/1/note", data={"body": "x" * 10, "csrf_token": fields["csrf_token"], "pad": "y" * 2_100_000}).status_code == 413, (
        "other routes keep the app-wide limit"
    )
