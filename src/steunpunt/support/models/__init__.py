from .cases import Attachment, Case, CaseSupport, Contact, Message, Referral, Reminder, StatusChange
from .choices import (
    AgeGroup,
    AnswerBy,
    CaseSchoolType,
    CaseStatus,
    Channel,
    Outcome,
    ReferralOutcome,
    RequesterKind,
    SupportKind,
)

__all__ = [
    "AgeGroup",
    "AnswerBy",
    "Attachment",
    "Case",
    "CaseSchoolType",
    "CaseStatus",
    "CaseSupport",
    "Channel",
    "Contact",
    "Message",
    "Outcome",
    "Referral",
    "ReferralOutcome",
    "Reminder",
    "RequesterKind",
    "StatusChange",
    "SupportKind",
]
