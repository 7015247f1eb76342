"""The fixed lists of a case. Stored values are English constants, labels Dutch via gettext."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING = "waiting", _("Waiting for a reply")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


class Channel(models.TextChoices):
    WEB = "web", _("Question form")
    WEB_YOUTH = "web_youth", _("Question form for young people")
    CALLBACK = "callback", _("Call-back request")
    CONSULTATION = "consultation", _("Consultation hour")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    WALK_IN = "walk_in", _("Walk-in")
    SCHOOL = "school", _("Via school")  # a warm referral by a school contact person


# Channels staff use when they enter a question that came in another way.
STAFF_CHANNELS = [Channel.PHONE, Channel.EMAIL, Channel.WALK_IN, Channel.CONSULTATION]


class RequesterKind(models.TextChoices):
    PARENT = "parent", _("Parent or carer")
    CHILD = "child", _("Child")
    YOUNG_PERSON = "young_person", _("Young person")
    PROFESSIONAL = "professional", _("Professional")
    OTHER = "other", _("Someone else")


class AgeGroup(models.TextChoices):
    UNDER_4 = "under_4", _("Younger than 4")
    AGE_4_12 = "4_12", _("4 to 12 years")
    AGE_12_18 = "12_18", _("12 to 18 years")
    AGE_18_PLUS = "18_plus", _("18 years or older")
    UNKNOWN = "unknown", _("Not known")


class CaseSchoolType(models.TextChoices):
    PRIMARY = "primary", _("Primary school")
    SBO = "sbo", _("Special primary school (SBO)")
    SO = "so", _("Special school (SO)")
    SECONDARY = "secondary", _("Secondary school")
    VSO = "vso", _("Special secondary school (VSO)")
    PRO = "pro", _("Practical education")
    MBO = "mbo", _("MBO")
    NONE = "none", _("No school at the moment")
    UNKNOWN = "unknown", _("Not known")


class AnswerBy(models.TextChoices):
    EMAIL = "email", _("By e-mail")
    PHONE = "phone", _("By phone")
    LINK = "link", _("Only on my private page")


class SupportKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    ADVICE = "advice", _("Advice")
    ACCOMPANIMENT = "accompaniment", _("Going along to a meeting at school")
    MEDIATION = "mediation", _("Mediation")
    REFERRAL = "referral", _("Referral")


class Outcome(models.TextChoices):
    SOLVED = "solved", _("Solved")
    PARTLY = "partly", _("Partly solved")
    NOT_SOLVED = "not_solved", _("Not solved")
    REFERRED = "referred", _("Referred elsewhere")
    NO_CONTACT = "no_contact", _("No contact possible")
    WITHDRAWN = "withdrawn", _("Question withdrawn")


class ReferralOutcome(models.TextChoices):
    UNKNOWN = "unknown", _("Not known yet")
    ARRIVED = "arrived", _("Arrived there")
    NOT_ARRIVED = "not_arrived", _("Did not arrive there")
