"""Chat fan-out across web processes through Redis: a reply posted to one app reaches a stream held by another."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, select

from hub.channels import ensure_channel
from hub.chat_bus import RedisChatBus
from hub.db import unit_of_work
from hub.models import RawMessage
from hub.rate_limit import RedisRateLimiter
from tests.web.roles import login_as, token_of
from web import create_app

pytestmark = pytest.mark.redis
ORIGIN = "https://www.shop.example"


def test_redis_bus_reaches_other_instances_and_agents_pattern(redis_url: str) -> None:
    sender, receiver = RedisChatBus(redis_url), RedisChatBus(redis_url)
    visitor_stream = receiver.subscribe(4, "conversation-aaaaaaaaaaaa")
    other_stream = receiver.subscribe(4, "conversation-bbbbbbbbbbbb")
    agents = receiver.subscribe()
    try:
        for stream in (visitor_stream, other_stream, agents):
            assert stream.get(timeout=0.2) is None  # subscribed, nothing yet
        sender.publish(4, "conversation-aaaaaaaaaaaa", {"type": "chat.line", "line_id": 9})
        assert visitor_stream.get(timeout=5) == {"type": "chat.line", "line_id": 9}
        assert agents.get(timeout=5) == {"type": "chat.line", "line_id": 9}
        assert other_stream.get(timeout=0.3) is None  # another conversation hears nothing
    finally:
        for stream in (visitor_stream, other_stream, agents):
            stream.close()


def test_redis_rate_limit_is_shared_between_processes(redis_url: str) -> None:
    from redis import Redis

    first, second = RedisRateLimiter(Redis.from_url(redis_url)), RedisRateLimiter(Redis.from_url(redis_url))
    hits = [limiter.hit("chat-line:1:x", 3, 60, now=1000.0) for limiter in (first, second, first, second)]
    assert hits == [True, True, True, False]
    assert first.hit("chat-line:1:x", 3, 60, now=1060.0)  # the next window starts afresh


@pytest.mark.timeout(120)
def test_reply_posted_to_one_worker_reaches_the_stream_on_another(runtime, redis_url: str) -> None:
    settings = runtime.settings.model_copy(update={"redis_url": redis_url, "secret_key": "shared-secret-of-all-workers"})
    worker_a, worker_b = create_app(settings), create_app(settings)
    for app in (worker_a, worker_b):
        # Stream and heartbeat far longer than the test's timeout: only the Redis signal can deliver the line in time.
        app.config.update(TESTING=True, CHAT_SSE_MAX_SECONDS=600, CHAT_SSE_HEARTBEAT_SECONDS=600)
    with unit_of_work(worker_a.extensions["hub.session_factory"]) as session:
        channel_id = ensure_channel(session, kind="chat", name="Shop chat", config={"settings": {"allowed_origins": ORIGIN}, "enabled": True})
    visitor = worker_a.test_client()
    headers = {"Origin": ORIGIN}
    headers["X-Chat-Token"] = visitor.post(f"/chat/w/{channel_id}/conversations", json={}, headers=headers).get_json()["token"]
    first = visitor.post(f"/chat/w/{channel_id}/messages", json={"id": "fanout-line-01", "text": "Hallo?"}, headers=headers)
    assert first.status_code == 201

    result: dict[str, str] = {}

    def listen() -> None:
        response = worker_a.test_client().get(f"/chat/w/{channel_id}/stream?after={first.get_json()['id']}", headers=headers, buffered=False)
        body = ""
        for chunk in response.response:
            body += chunk.decode()
            if "event: line" in body and body.endswith("\n\n"):
                break
        response.close()
        result["body"] = body

    listener = threading.Thread(target=listen)
    listener.start()
    with unit_of_work(worker_b.extensions["hub.session_factory"]) as session:
        assert session.scalar(select(func.count()).select_from(RawMessage)) == 1
    conversation = visitor.get(f"/chat/w/{channel_id}/messages", headers=headers).get_json()["messages"][0]
    assert conversation["text"] == "Hallo?"
    agent = login_as(worker_b, "fanout-agent@example.test", "agent")
    listing = agent.get("/chat").get_data(as_text=True)
    path = listing.split('href="/chat/', 1)[1].split('"', 1)[0]
    assert agent.post(f"/chat/{path}/reply", data={"csrf_token": token_of(agent), "text": "Ja, hier!"}).status_code == 303
    listener.join()
    events = [json.loads(block.split("data: ", 1)[1]) for block in result["body"].split("\n\n") if block.startswith("id: ")]
    assert [(e["direction"], e["text"]) for e in events] == [("out", "Ja, hier!")]
