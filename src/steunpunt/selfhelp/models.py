"""The content of the self-help tools (/zelf-doen/): national, kept and validated by the national editors.

Nothing here is about a parent or a young person: the tools compute, fill in and keep notes in the
reader's browser. What the server holds is the route of the wegwijzer, the deadline rules and the
letter templates, each with its status: a text that is not validated yet shows "Concept – nog niet
gevalideerd" to every reader, and a legal source nobody checked shows "nog niet gecontroleerd".
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft – not yet validated")
    VALIDATED = "validated", _("Validated")


class Level(models.TextChoices):
    PO = "po", _("Primary education")
    VO = "vo", _("Secondary education")


class SchoolKind(models.TextChoices):
    PUBLIC = "openbaar", _("Public school")
    PRIVATE = "bijzonder", _("Private school (bijzondere school)")


class Subject(models.TextChoices):
    ADMISSION = "toelating", _("Admission to a school")
    OPP = "opp", _("The development perspective (OPP)")
    TLV = "tlv", _("The admissibility statement (TLV)")
    SUSPENSION = "schorsing", _("Suspension or removal")
    AT_HOME = "thuiszitten", _("At home without school")


class SourceURLField(models.URLField):
    """A web address; typed without a scheme it is read as https (Django 6's default, already now)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class Validated(models.Model):
    """What every piece of self-help content has: its status and its legal source."""

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Readers see 'Draft – not yet validated' until a national editor validates the text."),
    )
    source = models.CharField(
        _("legal source"),
        max_length=300,
        blank=True,
        help_text=_("The article of law or the body that says so, e.g. 'WPO art. 40'."),
    )
    source_url = SourceURLField(_("source address"), max_length=500, blank=True)
    source_checked = models.BooleanField(
        _("source checked"),
        default=False,
        help_text=_("Readers see 'not yet checked' beside the source until someone read it in the law."),
    )
    article_slug = models.SlugField(
        _("article"),
        max_length=100,
        blank=True,
        help_text=_("The short name of the national article that explains this, e.g. 'thuiszitten'."),
    )

    class Meta:
        abstract = True

    @property
    def is_draft(self):
        return self.status != Status.VALIDATED


def _codes(value, choices):
    codes = [code.strip() for code in value.split(",") if code.strip()]
    unknown = [code for code in codes if code not in choices.values]
    if unknown:
        raise ValidationError(
            _("Unknown codes: %(codes)s. Use: %(allowed)s."),
            params={"codes": ", ".join(unknown), "allowed": ", ".join(choices.values)},
        )
    return codes


class RouteStep(Validated):
    """One step of the wegwijzer "ik ben het niet eens met school", shown where it applies."""

    order = models.PositiveIntegerField(_("order"), default=100)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what to do"))
    deadline = models.CharField(_("deadline"), max_length=300, blank=True)
    levels = models.CharField(
        _("school levels"),
        max_length=20,
        default="po,vo",
        help_text=_("Comma-separated: po, vo."),
    )
    school_kinds = models.CharField(
        _("school kinds"),
        max_length=40,
        default="openbaar,bijzonder",
        help_text=_("Comma-separated: openbaar, bijzonder."),
    )
    subjects = models.CharField(
        _("subjects"),
        max_length=100,
        help_text=_("Comma-separated: toelating, opp, tlv, schorsing, thuiszitten."),
    )

    class Meta:
        verbose_name = _("route step")
        verbose_name_plural = _("route steps (wegwijzer)")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        for field, choices in (("levels", Level), ("school_kinds", SchoolKind), ("subjects", Subject)):
            try:
                if not _codes(getattr(self, field), choices):
                    errors[field] = _("Name at least one.")
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    def applies(self, level, school_kind, subject):
        return (
            level in _split(self.levels)
            and school_kind in _split(self.school_kinds)
            and subject in _split(self.subjects)
        )


def _split(value):
    return {code.strip() for code in value.split(",") if code.strip()}


class Event(models.TextChoices):
    APPLICATION = "aanmelding", _("Date of the written application")
    DECISION = "besluit", _("Date of the decision letter")
    TLV_DECISION = "tlv-besluit", _("Date of the decision on the TLV")
    AT_HOME = "thuis", _("First day at home without school")
    SUSPENSION = "schorsing", _("First day of the suspension")


class Unit(models.TextChoices):
    DAYS = "days", _("days")
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("months")
    SCHOOL_DAYS = "school_days", _("school days (Monday to Friday)")


class DeadlineRule(Validated):
    """A legal deadline, counted in the reader's browser from a date the reader enters there."""

    order = models.PositiveIntegerField(_("order"), default=100)
    event = models.CharField(_("counted from"), max_length=20, choices=Event.choices)
    title = models.CharField(_("title"), max_length=200)
    explanation = models.TextField(_("explanation"))
    amount = models.PositiveSmallIntegerField(_("amount"))
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["event", "order", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.amount is not None and not 1 <= self.amount <= 366:
            raise ValidationError({"amount": _("Give a number from 1 to 366.")})


PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,80})\]")


class LetterTemplate(Validated):
    """A letter the reader fills in and downloads or prints in the browser; the text stays there.

    Every ``[label]`` in the text becomes a field with that label; the same label twice is one field.
    """

    order = models.PositiveIntegerField(_("order"), default=100)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("when to use this letter"))
    body = models.TextField(
        _("letter"),
        help_text=_("Write [label] where the reader fills something in, e.g. [name of your child]."),
    )

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def fields(self):
        """The labels of the fields, in the order they first occur."""
        return list(dict.fromkeys(match.strip() for match in PLACEHOLDER.findall(self.body)))

    def clean(self):
        super().clean()
        if self.body and not self.fields():
            raise ValidationError(
                {"body": _("Put at least one [label] in the letter for the reader to fill in.")}
            )
