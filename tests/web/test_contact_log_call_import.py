"""The admins' call-list upload: preview with per-row errors, import, idempotence, auth and CSRF."""

from __future__ import annotations

import io
import re
from pathlib import Path

from sqlalchemy import func, select

from hub.db import unit_of_work
from hub.models import Interaction, RawMessage
from tests.web.roles import login_as, token_of

FRITZBOX = Path(__file__).resolve().parent.parent / "data" / "fritzbox_anrufliste.csv"


def _upload(client, token: str, data: bytes, mapping: str = "fritzbox"):  # type: ignore[no-untyped-def]
    return client.post(
        "/admin/call-import",
        data={"csrf_token": token, "mapping": mapping, "file": (io.BytesIO(data), "anrufliste.csv")},
        content_type="multipart/form-data",
    )


def _confirm_fields(html: str) -> dict[str, str]:
    form = html.split('action="/admin/call-import/confirm"', 1)[1]
    return dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', form))


def _counts(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return (
            session.scalar(select(func.count()).select_from(RawMessage)) or 0,
            session.scalar(select(func.count()).select_from(Interaction).where(Interaction.channel == "phone")) or 0,
        )


def test_upload_preview_then_import_then_nothing_new(app) -> None:
    admin = login_as(app, "admin-calls@example.test", "admin")
    assert admin.get("/admin/call-import").status_code == 200
    preview = _upload(admin, token_of(admin), FRITZBOX.read_bytes())
    assert preview.status_code == 200
    html = preview.get_data(as_text=True)
    assert "6 call(s), 3 bad row(s)" in html
    assert "no phone number (anonymous caller?)" in html and "internal number" in html
    assert "+491715550123" in html and "new contact" in html
    assert _counts(app) == (0, 0)  # a preview stores no call

    fields = _confirm_fields(html)
    imported = admin.post("/admin/call-import/confirm", data=fields, follow_redirects=True)
    assert "6 call(s) imported, 0 already imported, 3 bad row(s) skipped." in imported.get_data(as_text=True)
    assert _counts(app) == (6, 6)

    again = _upload(admin, token_of(admin), FRITZBOX.read_bytes()).get_data(as_text=True)
    assert again.count("already imported") >= 6
    second = admin.post("/admin/call-import/confirm", data=_confirm_fields(again), follow_redirects=True)
    assert "0 call(s) imported, 6 already imported" in second.get_data(as_text=True)
    assert _counts(app) == (6, 6)


def test_unreadable_uploads_are_refused_with_the_reason(app) -> None:
    admin = login_as(app, "admin-calls2@example.test", "admin")
    wrong_layout = _upload(admin, token_of(admin), b"time,direction,number\n2026-11-20 10:00,in,030 1234567\n")
    assert wrong_layout.status_code == 400 and "header row lacks" in wrong_layout.get_data(as_text=True)
    bad_custom = admin.post("/admin/call-import", data={"csrf_token": token_of(admin), "mapping": "custom", "custom_mapping": "{nope", "file": (io.BytesIO(b"a,b\n"), "x.csv")}, content_type="multipart/form-data")
    assert bad_custom.status_code == 400 and "mapping is not a JSON object" in bad_custom.get_data(as_text=True)
    forged = admin.post("/admin/call-import/confirm", data={"csrf_token": token_of(admin), "file_key": "0" * 64, "mapping": "fritzbox"})
    assert forged.status_code == 400 and "upload it again" in forged.get_data(as_text=True)
    assert _counts(app) == (0, 0)


def test_call_import_is_for_admins_and_needs_csrf(app) -> None:
    agent = login_as(app, "agent-calls@example.test", "agent")
    assert agent.get("/admin/call-import").status_code == 403
    assert _upload(agent, token_of(agent), FRITZBOX.read_bytes()).status_code == 403
    assert agent.post("/admin/call-import/confirm", data={"csrf_token": token_of(agent)}).status_code == 403
    admin = login_as(app, "admin-calls3@example.test", "admin")
    assert _upload(admin, "forged", FRITZBOX.read_bytes()).status_code == 400
    assert admin.post("/admin/call-import/confirm", data={"file_key": "0" * 64}).status_code == 400
    assert _counts(app) == (0, 0)
