from .cases import Case, CaseSupport, Contact, Message, Referral, Reminder, StatusChange
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
