"""The hub's tables, split by concept; import from here."""

from hub.models.base import Base
from hub.models.channels import Channel, FolderCursor
from hub.models.contacts import Company, Contact, ContactIdentity
from hub.models.decisions import PipelineDecision
from hub.models.interactions import Attachment, Interaction, InteractionTag, MessageReference, Thread
from hub.models.outbound import OutboundMessage
from hub.models.quarantine import QuarantineEntry
from hub.models.raw import RawMessage, RawSource
from hub.models.remote_content import RemoteContentAllowance
from hub.models.suggestions import ContactSuggestion
from hub.models.users import User

__all__ = [
    "Attachment",
    "Base",
    "Channel",
    "Company",
    "Contact",
    "ContactIdentity",
    "ContactSuggestion",
    "FolderCursor",
    "Interaction",
    "InteractionTag",
    "MessageReference",
    "OutboundMessage",
    "PipelineDecision",
    "QuarantineEntry",
    "RawMessage",
    "RawSource",
    "RemoteContentAllowance",
    "Thread",
    "User",
]
