"""Admins import a phone system's call list: upload, preview with per-row errors, then import.

The uploaded file is kept in the content-addressed store at preview time;
the confirm form names it by hash, so the import reads exactly the bytes
that were previewed (and nothing has to be uploaded twice).
"""

from __future__ import annotations

import re

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from connectors.call_log_csv import PRESETS, CallLogError, CallLogMapping, load_mapping, parse_call_log
from hub.call_import import import_calls, preview
from web.chat_support import blob_store, enqueue_ingest, session_factory, settings
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("call_import", __name__)


def _mapping(name: str, custom: str) -> CallLogMapping:
    if name == "custom":
        return CallLogMapping.from_json(custom)
    if name not in PRESETS:
        raise CallLogError(f"unknown mapping {name!r}")
    return load_mapping(name)


def _page(error: str = "", status: int = 200, **context):  # type: ignore[no-untyped-def]
    return render_template("call_import.html", presets=sorted(PRESETS), error=error, **context), status


def _parse(data: bytes, mapping: CallLogMapping):  # type: ignore[no-untyped-def]
    current = settings()
    return parse_call_log(data, mapping, default_region=current.default_phone_region, timezone=current.local_timezone)


@blueprint.route("/admin/call-import", methods=["GET"])
@permission_required("admin.connectors")
def form():  # type: ignore[no-untyped-def]
    """The upload form."""
    return _page(mapping="fritzbox", custom="")


@blueprint.route("/admin/call-import", methods=["POST"])
@permission_required("admin.connectors")
def preview_upload():  # type: ignore[no-untyped-def]
    """Read the upload and show every row: the call and its contact, or why it cannot be imported."""
    name, custom = request.form.get("mapping", "fritzbox"), request.form.get("custom_mapping", "")
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _page(_("Choose a CSV file."), 400, mapping=name, custom=custom)
    data = upload.read()
    try:
        parsed = _parse(data, _mapping(name, custom))
    except CallLogError as error:
        return _page(str(error), 400, mapping=name, custom=custom)
    rows = preview(db(), parsed)
    db().rollback()  # a preview changes nothing (not even the import channel row)
    key = blob_store().put(data)
    return _page(mapping=name, custom=custom, rows=rows, parsed=parsed, file_key=key, filename=upload.filename[:200])


@blueprint.route("/admin/call-import/confirm", methods=["POST"])
@permission_required("admin.connectors")
def confirm():  # type: ignore[no-untyped-def]
    """Import the previewed file's good rows; bad rows are skipped, rows imported before add nothing."""
    key, name, custom = request.form.get("file_key", ""), request.form.get("mapping", ""), request.form.get("custom_mapping", "")
    if not re.fullmatch(r"[0-9a-f]{64}", key) or not blob_store().exists(key):
        return _page(_("The previewed file is gone: upload it again."), 400, mapping=name or "fritzbox", custom=custom)
    try:
        parsed = _parse(blob_store().get(key), _mapping(name, custom))
    except CallLogError as error:
        return _page(str(error), 400, mapping=name, custom=custom)
    report = import_calls(session_factory(), blob_store(), parsed, enqueue_ingest, source_name=request.form.get("filename", "upload.csv"))
    flash(_("%(imported)d call(s) imported, %(known)d already imported, %(bad)d bad row(s) skipped.",
            imported=report.imported, known=report.already_imported, bad=len(report.bad_rows)))
    return redirect(url_for("call_import.form"), 303)
