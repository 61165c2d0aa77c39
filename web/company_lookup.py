"""The company chooser of the contact form: a lookup route and the chooser's data for the template.

Without JavaScript the chooser is a plain GET form that reloads the contact
page with ``company_q`` and offers the matches in the form's <select>;
``static/company_chooser.js`` asks :func:`lookup` instead and refills the
<select> in place. Either way the edit form posts ``company_id`` exactly as
before, so saving a contact does not change.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request

from hub.company_lookup import MAX_QUERY_CHARS, company_choice, find_companies
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("company_lookup", __name__)


@blueprint.app_template_global("company_chooser")
def chooser(company_id: int | None) -> dict[str, Any]:
    """The current company and, when the agent searched (``company_q``), the matches."""
    query = request.args.get("company_q", "")[:MAX_QUERY_CHARS].strip()
    return {
        "current": company_choice(db(), company_id),
        "query": query,
        "matches": find_companies(db(), query) if query else [],
    }


@blueprint.route("/companies/lookup")
@permission_required("contact.edit")
def lookup():  # type: ignore[no-untyped-def]
    """JSON matches for ``q``: ``{"companies": [{"id", "name", "domain"}]}`` (empty for an empty query)."""
    found = find_companies(db(), request.args.get("q", ""))
    return jsonify(companies=[{"id": c.company_id, "name": c.name, "domain": c.domain or ""} for c in found])
