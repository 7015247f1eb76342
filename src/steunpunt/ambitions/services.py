"""Every write of ambitions, criteria, pupil numbers and costs; each atomic, each checked here.

The checks raise :class:`~django.core.exceptions.ValidationError` with Dutch messages per field, so
that a form can show them beside the field; a refused write stores nothing.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .formatting import number, school_year_label
from .kinds import Direction, Kind, Parameter, Unit, spec
from .models import MAX_PUPILS, Ambition, Criterion, HourlyRate, OtherCost, PupilCount

MAX_HOURLY_RATE = Decimal(1000)
MAX_OTHER_COST = Decimal(10_000_000)
FIRST_DATE = datetime.date(2000, 1, 1)


def latest_date():
    """The latest date a cost or rate may have: the end of next year."""
    return datetime.date(timezone.localdate().year + 1, 12, 31)


def school_years():
    """The school years a pupil number may be entered for: ten back and the next one, newest first."""
    current = timezone.localdate()
    start = current.year if current.month >= 8 else current.year - 1
    return list(range(start + 1, start - 11, -1))


def criterion_errors(*, kind, parameter, target, direction):
    """Return ``{field: Dutch message}`` for a criterion's values; empty when all is well."""
    errors = {}
    if kind not in Kind.values:
        errors["kind"] = _("Choose what is measured from the list.")
    if direction not in Direction.values:
        errors["direction"] = _("Choose “at least” or “at most”.")
    if errors.get("kind"):
        return errors
    kind_spec = spec(kind)
    if kind_spec.parameter is None:
        if parameter is not None:
            errors["parameter"] = _("This criterion has no number of working days or weeks: leave it empty.")
    elif parameter is None:
        errors["parameter"] = (
            _("Fill in the number of working days.")
            if kind_spec.parameter == Parameter.WORKING_DAYS
            else _("Fill in the number of weeks.")
        )
    elif not kind_spec.parameter_min <= parameter <= kind_spec.parameter_max:
        errors["parameter"] = (
            _("Choose a number of working days from %(min)s to %(max)s.")
            if kind_spec.parameter == Parameter.WORKING_DAYS
            else _("Choose a number of weeks from %(min)s to %(max)s.")
        ) % {"min": kind_spec.parameter_min, "max": kind_spec.parameter_max}
    if target is None:
        errors["target"] = _("Fill in a target.")
    elif not kind_spec.target_min <= target <= kind_spec.target_max:
        errors["target"] = (
            _("A percentage lies from 0 to 100.")
            if kind_spec.unit == Unit.PERCENT
            else _("For this criterion the target lies from %(min)s to %(max)s.")
            % {"min": number(kind_spec.target_min), "max": number(kind_spec.target_max)}
        )
    elif target != round(target, kind_spec.decimals):
        errors["target"] = (
            _("Use a whole number for this target.")
            if kind_spec.decimals == 0
            else ngettext(
                "Use at most %(n)s digit after the comma for this target.",
                "Use at most %(n)s digits after the comma for this target.",
                kind_spec.decimals,
            )
            % {"n": kind_spec.decimals}
        )
    return errors


def _check(errors):
    if errors:
        raise ValidationError(errors)


def _text(value, field, limit, required=True):
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("Fill this in.")})
    if len(value) > limit:
        raise ValidationError({field: _("Please keep it shorter: at most %(n)s characters.") % {"n": limit}})
    return value


@transaction.atomic
def ambition_create(*, support_point, text, explanation="", by):
    return Ambition.objects.create(
        support_point=support_point,
        text=_text(text, "text", 300),
        explanation=_text(explanation, "explanation", 2000, required=False),
        created_by=by,
    )


@transaction.atomic
def ambition_update(*, ambition, text, explanation="", by):
    ambition.text = _text(text, "text", 300)
    ambition.explanation = _text(explanation, "explanation", 2000, required=False)
    ambition.save(update_fields=["text", "explanation", "updated_at"])
    return ambition


@transaction.atomic
def ambition_delete(*, ambition, by):
    """Remove the ambition and its criteria."""
    ambition.delete()


@transaction.atomic
def criterion_create(*, ambition, kind, parameter, target, direction, active=True, by):
    _check(criterion_errors(kind=kind, parameter=parameter, target=target, direction=direction))
    return Criterion.objects.create(
        ambition=ambition, kind=kind, parameter=parameter, target=target, direction=direction, active=active
    )


@transaction.atomic
def criterion_update(*, criterion, kind, parameter, target, direction, active, by):
    _check(criterion_errors(kind=kind, parameter=parameter, target=target, direction=direction))
    criterion.kind, criterion.parameter, criterion.target = kind, parameter, target
    criterion.direction, criterion.active = direction, active
    criterion.save()
    return criterion


@transaction.atomic
def criterion_delete(*, criterion, by):
    criterion.delete()


@transaction.atomic
def pupil_count_set(*, support_point, partnership, school_year, pupils, by):
    """Store (or replace) the pupil number of ``partnership`` for ``school_year``; the partnership must
    belong to ``support_point``."""
    errors = {}
    if partnership.support_point_id != support_point.pk:
        errors["partnership"] = _("Choose a partnership of this steunpunt.")
    if school_year not in school_years():
        errors["school_year"] = _("Choose a school year from the list.")
    if not isinstance(pupils, int) or not 1 <= pupils <= MAX_PUPILS:
        errors["pupils"] = _("Fill in a number of pupils from 1 to %(max)s.") % {"max": number(MAX_PUPILS)}
    _check(errors)
    count, _created = PupilCount.objects.update_or_create(
        partnership=partnership, school_year=school_year, defaults={"pupils": pupils, "updated_by": by}
    )
    return count


@transaction.atomic
def pupil_count_delete(*, pupil_count, by):
    pupil_count.delete()


def check_date(value, field):
    """Return ``value`` if it is a date from 2000 to the end of next year; else raise for ``field``."""
    if not isinstance(value, datetime.date) or not FIRST_DATE <= value <= latest_date():
        raise ValidationError(
            {
                field: _("Choose a date from 1 January 2000 to 31 December %(year)s.")
                % {"year": latest_date().year}
            }
        )
    return value


def check_amount(value, field, maximum):
    """Return ``value`` if it is a Decimal amount of whole cents from € 0,01 to ``maximum``; else raise."""
    if not isinstance(value, Decimal) or not Decimal("0.01") <= value <= maximum:
        raise ValidationError(
            {field: _("Fill in an amount from € 0,01 to € %(max)s.") % {"max": number(maximum)}}
        )
    if value != round(value, 2):
        raise ValidationError({field: _("Use at most 2 digits after the comma: whole cents.")})
    return value


@transaction.atomic
def hourly_rate_add(*, support_point, valid_from, amount, by):
    """Add a rate valid from ``valid_from`` until the next one; one rate per date."""
    check_date(valid_from, "valid_from")
    check_amount(amount, "amount", MAX_HOURLY_RATE)
    if HourlyRate.objects.filter(support_point=support_point, valid_from=valid_from).exists():
        raise ValidationError(
            {"valid_from": _("There is already a rate from this date. Remove it first if it is wrong.")}
        )
    try:
        with transaction.atomic():
            return HourlyRate.objects.create(
                support_point=support_point, valid_from=valid_from, amount=amount, created_by=by
            )
    except IntegrityError:
        # Someone else added one for the same date at the same moment.
        raise ValidationError(
            {"valid_from": _("There is already a rate from this date. Remove it first if it is wrong.")}
        ) from None


@transaction.atomic
def hourly_rate_delete(*, rate, by):
    rate.delete()


@transaction.atomic
def other_cost_add(*, support_point, on, description, amount, by):
    return OtherCost.objects.create(
        support_point=support_point,
        on=check_date(on, "on"),
        description=_text(description, "description", 200),
        amount=check_amount(amount, "amount", MAX_OTHER_COST),
        created_by=by,
    )


@transaction.atomic
def other_cost_delete(*, cost, by):
    cost.delete()


def school_year_choices():
    return [(year, school_year_label(year)) for year in school_years()]
