"""Report periods: quarters, half years, years, or any range of dates, and the period before."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Period:
    start: datetime.date  # first day
    end: datetime.date  # first day after

    @property
    def label(self):
        last = self.end - datetime.timedelta(days=1)
        return f"{date_format(self.start, 'j F Y')} – {date_format(last, 'j F Y')}"

    def previous(self):
        """The period of the same kind just before: the previous quarter, half year, year or range."""
        months = _months_between(self.start, self.end)
        if months and self.start.day == 1:
            return Period(_add_months(self.start, -months), self.start)
        return Period(self.start - (self.end - self.start), self.start)

    def bounds(self):
        """The period as aware datetimes in the local time zone, for filtering timestamps."""
        zone = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone),
            datetime.datetime.combine(self.end, datetime.time.min, tzinfo=zone),
        )


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _months_between(start, end):
    if start.day != 1 or end.day != 1:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month


def presets(today=None):
    """Quarters, half years and years of this year and last, newest first: ``[(code, label, Period)]``."""
    today = today or timezone.localdate()
    options = []
    for year in (today.year, today.year - 1):
        for quarter in (4, 3, 2, 1):
            start = datetime.date(year, 3 * quarter - 2, 1)
            if start <= today:
                options.append(
                    (
                        f"{year}-K{quarter}",
                        _("Quarter %(q)s %(y)s") % {"q": quarter, "y": year},
                        Period(start, _add_months(start, 3)),
                    )
                )
        for half in (2, 1):
            start = datetime.date(year, 6 * half - 5, 1)
            if start <= today:
                options.append(
                    (
                        f"{year}-H{half}",
                        _("Half year %(h)s %(y)s") % {"h": half, "y": year},
                        Period(start, _add_months(start, 6)),
                    )
                )
        options.append(
            (
                str(year),
                _("Year %(y)s") % {"y": year},
                Period(datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)),
            )
        )
    return options


def period_from(params, today=None):
    """Return ``(Period, code, error)`` from the ``periode`` or ``van``/``tot`` (inclusive) parameters.

    Bad input falls back to the current quarter with a Dutch explanation in ``error``.
    """
    options = presets(today)
    code = params.get("periode", "")
    for option_code, _label, period in options:
        if option_code == code:
            return period, code, None
    if params.get("van") or params.get("tot"):
        try:
            start = datetime.date.fromisoformat(params.get("van", ""))
            last = datetime.date.fromisoformat(params.get("tot", ""))
        except ValueError:
            return (
                options[0][2],
                options[0][0],
                _("Enter both dates, for example 2026-01-31."),
            )
        if last < start or (last - start).days > 3 * 366:
            return (
                options[0][2],
                options[0][0],
                _("Choose a start before the end, at most three years apart."),
            )
        return Period(start, last + datetime.timedelta(days=1)), "", None
    return options[0][2], options[0][0], None
