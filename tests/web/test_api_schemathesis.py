"""Schemathesis against /api/v1 in-process (WSGI), on PostgreSQL: the OpenAPI document is the truth.

Every operation gets positive and negative examples plus Schemathesis's
coverage phase (boundaries, missing/extra fields, wrong types); every
default check must pass: no 5xx, statuses and bodies as documented, valid
requests accepted, invalid ones refused, no access without a token.
Bounded by ``max_examples`` so the whole run stays well under a minute.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from hub.api_tokens import create_token
from hub.db import unit_of_work
from web import create_app
from workers.runtime import Runtime, get_runtime, reset_runtime

pytestmark = pytest.mark.postgres


@pytest.fixture
def api_runtime(pg_settings) -> Iterator[Runtime]:  # type: ignore[no-untyped-def]
    reset_runtime()
    yield get_runtime(pg_settings)
    reset_runtime()


@pytest.fixture
def api_token(api_runtime: Runtime) -> str:
    with unit_of_work(api_runtime.factory) as session:
        return create_token(session, "schemathesis", created_by=None).plain


@pytest.fixture
def api_schema(api_runtime: Runtime, api_token: str):  # type: ignore[no-untyped-def]
    app = create_app(api_runtime.settings)
    client = app.test_client()
    # Something to read: two contacts with a few interactions each.
    for number in range(4):
        response = client.post(
            "/api/v1/interactions",
            json={"contact": {"email": f"customer{number % 2}@example.test", "name": f"Customer {number % 2}"}, "text": f"Message {number}"},
            headers={"Authorization": f"Bearer {api_token}"},
        )
        assert response.status_code == 201, response.get_json()
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


#: Examples per operation and generation mode; 3 operations x 2 modes x 40 stay well under a minute.
MAX_EXAMPLES = 40


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"])
def test_api_conforms_to_its_openapi_document(api_schema, api_token: str, mode: GenerationMode) -> None:  # type: ignore[no-untyped-def]
    # Driven through Hypothesis directly (schemathesis's pytest plugin does not run on pytest 9).
    headers = {"Authorization": f"Bearer {api_token}"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert sorted(op.label for op in operations) == ["GET /contacts/{contact_id}", "GET /interactions", "POST /interactions"]
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
        def run(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(headers=headers)

        run()
