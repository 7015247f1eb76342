"""Stored values of the app: English constants with Dutch labels (no model imports, so that the
catalogue modules can use them without a cycle)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BlockStatus(models.TextChoices):
    """How far a building block is (the guideline's three states of a bouwsteen)."""

    NOT_YET = "not_yet", _("Not yet")
    DEVELOPING = "developing", _("Being developed")
    IN_ORDER = "in_order", _("In order")


class StepStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", _("Completed")


class Phase(models.TextChoices):
    PREPARATION = "preparation", _("Preparation phase")
    EXECUTION = "execution", _("Execution phase")


class MemberKind(models.TextChoices):
    PARTNER = "partner", _("Partner organisation")
    PARENT_INITIATIVE = "parent_initiative", _("Parent initiative")
    YOUTH_INITIATIVE = "youth_initiative", _("Youth initiative")
    WORKING_GROUP = "working_group", _("Working group member")
    SOUNDING_BOARD = "sounding_board", _("Sounding board member")
