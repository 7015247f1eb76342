"""The annual report: the plan, the ambitions' criteria and their values, the self-assessment (the
three-legged stool) and the board report's headline figures, for any period (usually a year).

Like the board report it is read by the coordinator and the board of the steunpunt, so it holds only
what they may both see: headline figures through small-cell suppression, criteria whose value rests
on fewer cases than the threshold shown as "too few", the plan's steps without owners or notes,
the self-assessment's statuses without evidence, and costs only in total.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from steunpunt.development.models import Cycle, CycleStep, SelfAssessment
from steunpunt.development.stool import stool as draw_stool

from .build import build_report


@dataclass
class CriterionLine:
    title: str
    ambition: str
    target: str
    value: str
    status: str
    basis: str


@dataclass
class AnnualReport:
    support_point: object
    period: object
    board: object  # the board report (headline and durations are shown)
    stool: object  # development.stool.Stool or None
    cycles: list  # [(cycle, [step rows])]
    criteria: list[CriterionLine]
    costs: object  # ambitions.costs.CostSummary
    costs_shown: bool  # as many questions as the threshold, or more


def _stool_at(support_point, period):
    """The stool of the newest self-assessment before the end of ``period``, beside the one before it."""
    snapshots = list(
        SelfAssessment.objects.filter(support_point=support_point, assessed_on__lt=period.end)
        .prefetch_related("blocks")
        .order_by("-assessed_on", "-pk")[:2]
    )
    if not snapshots:
        return None
    return draw_stool(snapshots[0], snapshots[1] if len(snapshots) > 1 else None)


def _cycles_in(support_point, period):
    """The rounds of the plan that ran during ``period``, with their steps (no owners, no notes)."""
    cycles = (
        Cycle.objects.filter(support_point=support_point, started_on__lt=period.end)
        .exclude(closed_on__lt=period.start)
        .order_by("number")
    )
    found = []
    for cycle in cycles:
        steps = [
            {
                "number": step.number,
                "title": step.step.title,
                "phase": step.step.phase.label,
                "status": step.get_status_display(),
                "due_on": step.due_on,
                "completed_on": step.completed_on,
            }
            for step in CycleStep.objects.filter(cycle=cycle).order_by("number")
        ]
        found.append((cycle, steps))
    return found


def _criterion_line(result, threshold):
    measurement = result.measurement
    cases = measurement.denominator if measurement.denominator is not None else measurement.numerator
    too_few = measurement.value is not None and cases is not None and cases < threshold
    return CriterionLine(
        title=str(result.title),
        ambition=result.criterion.ambition.text,
        target=str(result.target_shown),
        # Nothing measured in the period (no questions at all): a dash, never Python's "None".
        value=_("too few to show")
        if too_few
        else ("–" if result.value_shown is None else str(result.value_shown)),
        status="–" if too_few else str(result.status_label),
        basis="" if too_few else str(measurement.basis),
    )


# The ambitions' criteria and costs are counted with this app's aggregates, so ambitions stands on
# reports and registers its two sections here (ambitions/apps.py) instead of being imported.
SECTIONS = {}


def register_section(name, build):
    """Register ``build(support_point, period)`` for the annual report's section ``name``
    (``"criteria"``: criterion results; ``"costs"``: a cost summary)."""
    SECTIONS[name] = build


def build_annual_report(support_point, period):
    threshold = support_point.report_threshold
    costs = SECTIONS["costs"](support_point, period)
    criteria_results = SECTIONS["criteria"]
    return AnnualReport(
        support_point=support_point,
        period=period,
        board=build_report(support_point, period),
        stool=_stool_at(support_point, period),
        cycles=_cycles_in(support_point, period),
        criteria=[_criterion_line(result, threshold) for result in criteria_results(support_point, period)],
        costs=costs,
        costs_shown=costs.total.questions >= threshold,
    )
