"""Non-mail messages in the pipeline: a connector's :class:`InboundMessage` in mail's shape.

Later stages were written for mail and read ``MessageContext.parsed``. A
message from another channel is given the same shape here, so tagging,
threading and storing need no second code path:

* the sender's "address" is an identity token ``"<kind>:<value>"`` (e.g.
  ``telegram:42``): it is what ``interactions.from_address`` and
  ``participants`` show, and it can never collide with an e-mail address;
* the message id is the channel's own id, the parent it answers becomes
  In-Reply-To, and the channel's conversation becomes a References entry
  :func:`conversation_ref`: every message of one chat names the same
  "ghost" ancestor, which is how the thread stage already groups mail whose
  root never arrived.
"""

from __future__ import annotations

from connectors.base import Identity, InboundMessage
from hub.parsing import Address, ParsedAttachment, ParsedMail


def identity_token(identity: Identity) -> str:
    """``kind:value``: the identity as an address-like token."""
    return f"{identity.kind}:{identity.value}"


def conversation_ref(channel_kind: str, conversation_id: str) -> str:
    """The reference every message of one conversation names."""
    return f"conversation:{channel_kind}:{conversation_id}"


def as_parsed_mail(message: InboundMessage, channel_kind: str) -> ParsedMail:
    """The mail-shaped view of a channel message (``parser`` says which connector read it)."""
    recipients = tuple(Address("", identity_token(identity)) for identity in message.recipients)
    return ParsedMail(
        message_id=message.channel_message_id,
        in_reply_to=(message.in_reply_to,) if message.in_reply_to else (),
        references=(conversation_ref(channel_kind, message.conversation_id),) if message.conversation_id else (),
        subject=message.subject,
        sender=Address(message.sender_name, identity_token(message.sender)),
        to=recipients,
        cc=(),
        date=message.sent_at,
        text=message.text,
        html=message.html,
        attachments=tuple(ParsedAttachment(a.filename, a.content_type, a.data) for a in message.attachments),
        parser=f"connector:{channel_kind}",
    )
