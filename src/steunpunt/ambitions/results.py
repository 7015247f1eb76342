"""A criterion's result for a period, in numbers and in Dutch words: the value shown, the target,
met or not, the trend and its small chart. Computed by :mod:`.measures`."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .formatting import number, short_label
from .kinds import Direction, Unit, spec, title

MET, NOT_MET, NO_DATA = "met", "not_met", "no_data"


@dataclass(frozen=True)
class Measurement:
    """A measured value (``None``: nothing to measure) with what it was computed from.

    ``numerator`` and ``denominator`` are the counts behind a share (for a median or an average:
    ``numerator`` is the number of values); ``basis`` says them in words; ``note`` explains a missing
    value or a limit of the measurement.
    """

    value: Decimal | None
    numerator: int | None = None
    denominator: int | None = None
    note: str = ""
    basis: str = ""


def judge(value, target, direction):
    """:data:`MET`, :data:`NOT_MET` or :data:`NO_DATA` for a shown ``value`` against ``target``."""
    if value is None:
        return NO_DATA
    if Direction(direction) == Direction.AT_LEAST:
        return MET if value >= target else NOT_MET
    return MET if value <= target else NOT_MET


def shown_value(kind, value):
    """``value`` in the kind's unit, Dutch: “66,7%”, “4,5 dagen”, “4,2 van 5”, “3,25 per 1.000
    leerlingen”; ``None`` stays ``None``."""
    if value is None:
        return None
    kind_spec = spec(kind)
    text = number(value, kind_spec.decimals)
    if kind_spec.unit == Unit.PERCENT:
        return f"{text}%"
    if kind_spec.unit == Unit.DAYS:
        return _("%(value)s days") % {"value": text}
    if kind_spec.unit == Unit.SCORE:
        return _("%(value)s of 5") % {"value": text}
    return _("%(value)s per 1,000 pupils") % {"value": text}


def shown_target(criterion):
    target = shown_value(criterion.kind, criterion.target)
    if criterion.direction == Direction.AT_LEAST:
        return _("at least %(target)s") % {"target": target}
    return _("at most %(target)s") % {"target": target}


@dataclass(frozen=True)
class TrendPoint:
    period: object
    measurement: Measurement
    status: str

    @property
    def label(self):
        return short_label(self.period)

    @property
    def shown(self):
        return self.measurement.value


@dataclass
class CriterionResult:
    """One criterion for one period: its measurement, whether the target is met, and the trend
    (``trend``: the four periods before and this one, oldest first)."""

    criterion: object
    period: object
    measurement: Measurement
    status: str
    trend: list = field(default_factory=list)

    @property
    def title(self):
        return title(self.criterion.kind, self.criterion.parameter)

    @property
    def met(self):
        """``True``, ``False``, or ``None`` when there is nothing to judge."""
        return None if self.status == NO_DATA else self.status == MET

    @property
    def value_shown(self):
        return shown_value(self.criterion.kind, self.measurement.value)

    @property
    def target_shown(self):
        return shown_target(self.criterion)

    @property
    def status_label(self):
        return {MET: _("Met"), NOT_MET: _("Not met"), NO_DATA: _("No data")}[self.status]

    @property
    def definition(self):
        return spec(self.criterion.kind).definition

    @property
    def change(self):
        """“better”, “worse”, “same” compared with the period before, or “” when either has no value."""
        if len(self.trend) < 2:
            return ""
        before, now = self.trend[-2].measurement.value, self.trend[-1].measurement.value
        if before is None or now is None:
            return ""
        if now == before:
            return "same"
        higher_is_better = self.criterion.direction == Direction.AT_LEAST
        return "better" if (now > before) == higher_is_better else "worse"

    @property
    def change_label(self):
        return {
            "better": _("Better than the period before"),
            "worse": _("Worse than the period before"),
            "same": _("The same as the period before"),
        }.get(self.change, "")

    @property
    def trend_rows(self):
        return [(point.label, shown_value(self.criterion.kind, point.shown)) for point in self.trend]

    @property
    def sparkline(self):
        """Points of a small line chart (120 × 36) of the trend, and the target's height; ``None``
        with fewer than two values. The chart is decoration: :attr:`trend_rows` is its table."""
        values = [point.measurement.value for point in self.trend]
        known = [value for value in values if value is not None]
        if len(known) < 2:
            return None
        low, high = min([*known, self.criterion.target]), max([*known, self.criterion.target])
        span = (high - low) or Decimal(1)
        step = Decimal(110) / (len(values) - 1)

        def y(value):
            return float(Decimal(32) - (Decimal(value) - low) * Decimal(28) / span)

        points = [
            {"x": float(5 + index * step), "y": y(value)}
            for index, value in enumerate(values)
            if value is not None
        ]
        return {
            "line": " ".join(f"{point['x']:.1f},{point['y']:.1f}" for point in points),
            "points": points,
            "target_y": y(self.criterion.target),
        }
