"""Dutch numbers and money: € 1.234,56, 66,7%, and reading what a person typed.

Money is always :class:`~decimal.Decimal`, rounded half up to whole cents only when shown.
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from steunpunt.reports.periods import Period

CENT = Decimal("0.01")
# 1234 · 1234,5 · 1234.56 · 1.234,56 · 1.234 (a dot before three digits groups thousands).
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^\d+([,.]\d+)?$")


def rounded(value, decimals):
    """``value`` rounded half up to ``decimals`` places, or ``None``."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value, decimals=0):
    """``value`` in Dutch notation with at most ``decimals`` places: ``1.234,5``; ``100`` not ``100,0``."""
    value = rounded(value, decimals)
    if value == value.to_integral_value():
        decimals = 0
    return number_format(value, decimal_pos=decimals, force_grouping=True)


def euro(amount):
    """``amount`` as Dutch money: ``€ 1.234,56`` (``€ -12,00`` when negative)."""
    amount = rounded(amount, 2)
    return f"€ {number_format(amount, decimal_pos=2, force_grouping=True)}"


def parse_decimal(text, *, max_decimals):
    """Read a number as a Dutch person types it; raise a Dutch :class:`ValidationError` otherwise.

    A comma is the decimal sign; a dot is one too (``45.50``), unless it groups thousands (``1.250``
    or ``1.250,00``). A euro sign and spaces are ignored. Negative numbers are refused.
    """
    cleaned = re.sub(r"[\s€]", "", str(text or ""))
    if not cleaned:
        raise ValidationError(_("Fill in a number."), code="required")
    if cleaned.startswith("-"):
        raise ValidationError(_("Fill in a number of 0 or more, without a minus sign."), code="negative")
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "")
    elif not _PLAIN.match(cleaned):
        raise ValidationError(_("Fill in a number, such as 1250 or 45,50."), code="invalid")
    whole, _sep, fraction = cleaned.replace(",", ".").partition(".")
    if len(fraction) > max_decimals:
        if max_decimals == 0:
            raise ValidationError(_("Fill in a whole number, without decimals."), code="decimals")
        raise ValidationError(
            _("Use at most %(n)s digits after the comma.") % {"n": max_decimals}, code="decimals"
        )
    if len(whole) > 12:
        raise ValidationError(_("This number is far too large."), code="too_large")
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise ValidationError(_("Fill in a number, such as 1250 or 45,50."), code="invalid") from None


def short_label(period):
    """A short name for a period: “K1 2026”, “H2 2025”, “2025”, “jan 2026” or two dates."""
    start, end = period.start, period.end
    months = (end.year - start.year) * 12 + end.month - start.month if start.day == end.day == 1 else 0
    if months == 12 and start.month == 1:
        return str(start.year)
    if months == 6 and start.month in (1, 7):
        return _("H%(half)s %(year)s") % {"half": 1 if start.month == 1 else 2, "year": start.year}
    if months == 3 and start.month in (1, 4, 7, 10):
        return _("Q%(quarter)s %(year)s") % {"quarter": (start.month + 2) // 3, "year": start.year}
    if months == 1:
        return date_format(start, "M Y")
    last = end - datetime.timedelta(days=1)
    return f"{date_format(start, 'j-n-Y')} – {date_format(last, 'j-n-Y')}"


def previous_periods(period, count=4):
    """The ``count`` periods of the same kind before ``period``, oldest first."""
    found = []
    current = period
    for _index in range(count):
        current = current.previous()
        found.append(current)
    return list(reversed(found))


def school_year_of(day):
    """The school year (1 August to 31 July) that ``day`` falls in, as the year it starts."""
    return day.year if day.month >= 8 else day.year - 1


def school_year_label(start_year):
    return f"{start_year}-{start_year + 1}"


def last_day(period: Period):
    return period.end - datetime.timedelta(days=1)
