"""The hub's tables, split by concept; import from here."""

from hub.models.api_tokens import ApiToken
from hub.models.base import Base
from hub.models.channel_health import ChannelHealth
from hub.models.channel_replies import ChannelReply
from hub.models.channels import Channel, FolderCursor
from hub.models.contacts import Company, Contact, ContactIdentity
from hub.models.decisions import PipelineDecision
from hub.models.follow_ups import FollowUp
from hub.models.inbox import InboxItem, InboxNote
from hub.models.interactions import Attachment, Interaction, InteractionTag, MessageReference, Thread
from hub.models.merges import ContactMerge, ContactMergeMove, ContactMergeSharedIdentity
from hub.models.outbound import OutboundMessage
from hub.models.quarantine import QuarantineEntry
from hub.models.raw import RawMessage, RawSource
from hub.models.remote_content import RemoteContentAllowance
from hub.models.security_log import AuditEntry, LoginAttempt
from hub.models.suggestions import ContactSuggestion
from hub.models.users import User

__all__ = [
    "ApiToken",
    "ChannelHealth",
    "ChannelReply",
    "Attachment",
    "AuditEntry",
    "Base",
    "Channel",
    "Company",
    "Contact",
    "ContactIdentity",
    "ContactMerge",
    "ContactMergeMove",
    "ContactMergeSharedIdentity",
    "ContactSuggestion",
    "FolderCursor",
    "FollowUp",
    "InboxItem",
    "InboxNote",
    "Interaction",
    "InteractionTag",
    "LoginAttempt",
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
