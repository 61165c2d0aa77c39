"""Admin pages for channels (connectors) and REST API tokens: admin-only, CSRF-checked, audited.

Forms are rendered from each connector's ``config_schema``. Secret fields are
never filled in: a saved secret shows as "saved — leave empty to keep", and an
empty field keeps it (``connectors.base.clean_config``).
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from connectors.registry import UnknownConnector, default_registry
from hub import api_tokens, channel_health, connector_admin
from hub.channel_config import SECRETS_KEY
from hub.clock import utcnow
from hub.connector_admin import ChannelChangeRefused
from hub.secrets import SecretBox, SecretsUnavailable, load_box
from web.auth import client_ip
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("admin_connectors", __name__, url_prefix="/admin")


def secret_box() -> SecretBox:
    """The app's secret box, built on first use (raises :class:`SecretsUnavailable` with a readable reason)."""
    box = current_app.extensions.get("hub.secret_box")
    if box is None:
        settings = current_app.extensions["hub.settings"]
        box = load_box(settings.secrets_key.get_secret_value(), settings.secrets_key_file())
        current_app.extensions["hub.secret_box"] = box
    return box


def registry():  # type: ignore[no-untyped-def]
    """The connector registry (tests may put their own in ``app.extensions``)."""
    return current_app.extensions.get("hub.connector_registry") or default_registry()


@blueprint.route("/channels", methods=["GET"])
@permission_required("admin.connectors")
def channels():  # type: ignore[no-untyped-def]
    """Every channel with its health line, and the kinds that can be added."""
    return _list_page()


def _list_page(status: int = 200):  # type: ignore[no-untyped-def]
    reg = registry()
    return (
        render_template(
            "admin_channels.html",
            channels=connector_admin.list_channels(db(), reg),
            kinds=connector_admin.addable_kinds(reg),
            load_errors=reg.load_errors,
            now=utcnow(),
        ),
        status,
    )


@blueprint.route("/channels/new", methods=["GET"])
@permission_required("admin.connectors")
def new_channel():  # type: ignore[no-untyped-def]
    """The empty form of one connector kind (``?kind=``)."""
    connector = _connector_or_404(request.args.get("kind", ""))
    return render_template("admin_channel_form.html", connector=connector, channel=None, values={}, secrets_set=(), errors={}, name="")


@blueprint.route("/channels", methods=["POST"])
@permission_required("admin.connectors")
def create_channel():  # type: ignore[no-untyped-def]
    """Create a channel from the submitted form."""
    kind = request.form.get("kind", "")
    connector = _connector_or_404(kind)
    try:
        channel_id = connector_admin.add_channel(
            db(), registry(), secret_box(), kind=kind, name=request.form.get("name", ""), submitted=request.form, user_id=g.user.id, ip=client_ip()
        )
    except ChannelChangeRefused as refused:
        db().rollback()
        return _form_again(connector, None, refused, secrets_set=())
    except SecretsUnavailable as error:
        db().rollback()
        return _secrets_problem(error)
    db().commit()
    flash(_("Channel created. Use “Test connection” to check it."))
    return redirect(url_for("admin_connectors.edit_channel", channel_id=channel_id))


@blueprint.route("/channels/<int:channel_id>", methods=["GET"])
@permission_required("admin.connectors")
def edit_channel(channel_id: int):  # type: ignore[no-untyped-def]
    """The edit form of a channel (secrets never filled in)."""
    channel = _channel_or_404(channel_id)
    connector = _connector_or_404(channel.kind)
    return _edit_page(channel, connector)


def _edit_page(channel, connector, *, test=None, errors=None, values=None, name=None, status: int = 200):  # type: ignore[no-untyped-def]
    return (
        render_template(
            "admin_channel_form.html",
            connector=connector,
            channel=channel,
            values=connector_admin.form_values(channel) if values is None else values,
            secrets_set=tuple(sorted((channel.config or {}).get(SECRETS_KEY) or {})),
            errors=errors or {},
            name=channel.name if name is None else name,
            test=test,
            editable=connector_admin.is_connector_layout(channel),
            health=channel_health.health_of_channels(db(), [channel.id])[channel.id],
            now=utcnow(),
        ),
        status,
    )


@blueprint.route("/channels/<int:channel_id>", methods=["POST"])
@permission_required("admin.connectors")
def update_channel(channel_id: int):  # type: ignore[no-untyped-def]
    """Save an edited channel."""
    channel = _channel_or_404(channel_id)
    connector = _connector_or_404(channel.kind)
    try:
        connector_admin.update_channel(
            db(), registry(), secret_box(), channel_id, name=request.form.get("name", ""), submitted=request.form, user_id=g.user.id, ip=client_ip()
        )
    except ChannelChangeRefused as refused:
        db().rollback()
        return _form_again(connector, channel, refused, secrets_set=tuple(sorted((channel.config or {}).get(SECRETS_KEY) or {})))
    except SecretsUnavailable as error:
        db().rollback()
        return _secrets_problem(error)
    db().commit()
    flash(_("Channel saved."))
    return redirect(url_for("admin_connectors.edit_channel", channel_id=channel_id))


@blueprint.route("/channels/<int:channel_id>/test", methods=["POST"])
@permission_required("admin.connectors")
def test_channel(channel_id: int):  # type: ignore[no-untyped-def]
    """Run the connector's connection test and show its answer on the edit page."""
    channel = _channel_or_404(channel_id)
    connector = _connector_or_404(channel.kind)
    try:
        box = secret_box()
    except SecretsUnavailable as error:
        result = connector_admin.ConnectionTest(False, str(error))
    else:
        result = connector_admin.test_connection(db(), registry(), box, channel_id, user_id=g.user.id, ip=client_ip())
        db().commit()
    return _edit_page(channel, connector, test=result)


@blueprint.route("/channels/<int:channel_id>/enabled", methods=["POST"])
@permission_required("admin.connectors")
def set_channel_enabled(channel_id: int):  # type: ignore[no-untyped-def]
    """Switch a channel on (``enabled=1``) or off (``enabled=0``)."""
    _channel_or_404(channel_id)
    enabled = request.form.get("enabled") == "1"
    connector_admin.set_enabled(db(), channel_id, enabled, user_id=g.user.id, ip=client_ip())
    db().commit()
    flash(_("Channel switched on.") if enabled else _("Channel switched off."))
    return redirect(url_for("admin_connectors.channels"))


@blueprint.route("/channels/<int:channel_id>/delete", methods=["POST"])
@permission_required("admin.connectors")
def delete_channel(channel_id: int):  # type: ignore[no-untyped-def]
    """Delete a channel; its messages stay in the hub."""
    channel = _channel_or_404(channel_id)
    if request.form.get("confirm") != "1":
        flash(_("Tick the box to confirm deleting the channel."))
        return redirect(url_for("admin_connectors.edit_channel", channel_id=channel.id))
    connector_admin.delete_channel(db(), channel_id, user_id=g.user.id, ip=client_ip())
    db().commit()
    flash(_("Channel deleted. Its messages stay in the hub."))
    return redirect(url_for("admin_connectors.channels"))


# -- API tokens -------------------------------------------------------------------------------------


@blueprint.route("/api-tokens", methods=["GET"])
@permission_required("admin.connectors")
def tokens():  # type: ignore[no-untyped-def]
    """Tokens of integrations (never the tokens themselves) and a form for a new one."""
    return render_template("admin_api_tokens.html", tokens=api_tokens.list_tokens(db()), scopes=api_tokens.SCOPES, created=None)


@blueprint.route("/api-tokens", methods=["POST"])
@permission_required("admin.connectors")
def create_token():  # type: ignore[no-untyped-def]
    """Create a token and show it once, on this response only (no redirect, no flash: nothing keeps it)."""
    try:
        created = api_tokens.create_token(
            db(), request.form.get("name", ""), created_by=g.user.id, scopes=tuple(request.form.getlist("scopes")) or api_tokens.SCOPES, ip=client_ip()
        )
    except api_tokens.TokenRefused as refused:
        db().rollback()
        flash(_("Not created: %(reason)s", reason=str(refused)))
        return render_template("admin_api_tokens.html", tokens=api_tokens.list_tokens(db()), scopes=api_tokens.SCOPES, created=None), 400
    db().commit()
    return render_template("admin_api_tokens.html", tokens=api_tokens.list_tokens(db()), scopes=api_tokens.SCOPES, created=created)


@blueprint.route("/api-tokens/<int:token_id>/revoke", methods=["POST"])
@permission_required("admin.connectors")
def revoke_token(token_id: int):  # type: ignore[no-untyped-def]
    """Revoke a token at once."""
    if not api_tokens.revoke_token(db(), token_id, revoked_by=g.user.id, ip=client_ip()):
        abort(404)
    db().commit()
    flash(_("Token revoked."))
    return redirect(url_for("admin_connectors.tokens"))


# -- helpers ----------------------------------------------------------------------------------------


def _connector_or_404(kind: str):  # type: ignore[no-untyped-def]
    try:
        return registry().get(kind)
    except UnknownConnector:
        abort(404)


def _channel_or_404(channel_id: int):  # type: ignore[no-untyped-def]
    try:
        return connector_admin.get_channel(db(), channel_id)
    except LookupError:
        abort(404)


def _form_again(connector, channel, refused: ChannelChangeRefused, *, secrets_set):  # type: ignore[no-untyped-def]
    """The form with what was typed (secret fields left empty) and every error marked: 400."""
    values = {key: value for key, value in request.form.items() if key not in {f.name for f in connector.config_schema if f.secret}}
    flash(_("Not saved: %(reason)s", reason=str(refused)))
    if channel is None:
        page = render_template(
            "admin_channel_form.html", connector=connector, channel=None, values=values, secrets_set=secrets_set, errors=refused.field_errors, name=request.form.get("name", "")
        )
        return page, 400
    return _edit_page(channel, connector, errors=refused.field_errors, values=values, name=request.form.get("name", ""), status=400)


def _secrets_problem(error: SecretsUnavailable):  # type: ignore[no-untyped-def]
    flash(_("Secrets cannot be stored: %(reason)s", reason=str(error)))
    return _list_page(status=503)
