"""The eight steps as a living plan: rounds, their steps, editing a step, starting a new round."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..choices import Phase, StepStatus
from ..forms import StepForm
from ..selectors import cycles_visible_to, step_owners, steps_visible_to
from ..services import DevelopmentError, cycle_start, step_update
from ..states import allowed_next
from ..steps import LAST_STEP
from .common import chosen, page, redirect_for


def _phases(cycle):
    steps = list(cycle.steps.select_related("owner")) if cycle else []
    return [(phase, [s for s in steps if s.step.phase == phase]) for phase in Phase]


def _plan_page(request, support_points, support_point, cycle, *, error=None, status=200):
    cycles = list(cycles_visible_to(request.user).filter(support_point=support_point))
    can_start_new = False
    if cycle is not None and cycle.is_open:
        last = cycle.steps.filter(number=LAST_STEP).first()
        can_start_new = last is not None and last.status == StepStatus.COMPLETED
    return page(
        request,
        "development/admin/plan.html",
        _("Plan in eight steps"),
        status=status,
        support_points=support_points,
        support_point=support_point,
        cycle=cycle,
        cycles=cycles,
        phases=_phases(cycle),
        can_start_new=can_start_new,
        error=error,
    )


@require_GET
def plan(request):
    """The open round of the chosen steunpunt; ``?ronde=<number>`` shows an earlier round, read-only."""
    support_points, support_point = chosen(request)
    cycles = cycles_visible_to(request.user).filter(support_point=support_point)
    wanted = request.GET.get("ronde", "")
    cycle = cycles.filter(number=int(wanted)).first() if wanted.isdigit() and len(wanted) < 6 else None
    if cycle is None:
        cycle = cycles.filter(closed_on__isnull=True).first() or cycles.first()
    return _plan_page(request, support_points, support_point, cycle)


@require_POST
def cycle_new(request):
    support_points, support_point = chosen(request)
    try:
        cycle = cycle_start(support_point=support_point, by=request.user)
    except DevelopmentError as refusal:
        current = cycles_visible_to(request.user).filter(support_point=support_point, closed_on__isnull=True)
        return _plan_page(
            request, support_points, support_point, current.first(), error=str(refusal), status=400
        )
    messages.success(request, _("Round %(number)s of the plan has started.") % {"number": cycle.number})
    return redirect_for("development_plan", support_point)


@require_http_methods(["GET", "POST"])
def step_edit(request, pk):
    step = get_object_or_404(steps_visible_to(request.user).select_related("cycle__support_point"), pk=pk)
    if not step.cycle.is_open:
        # Earlier rounds are read-only: they have no edit page.
        raise Http404
    support_point = step.cycle.support_point
    allowed = [StepStatus(step.status), *allowed_next(step.status)]
    initial = {
        "status": step.status,
        "owner": step.owner_id,
        "owner_name": step.owner_name,
        "starts_on": step.starts_on,
        "due_on": step.due_on,
        "notes": step.notes,
    }
    form = StepForm(request.POST or None, initial=initial, owners=step_owners(support_point), allowed=allowed)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            step_update(step=step, by=request.user, **form.cleaned_data)
        except DevelopmentError as refusal:
            error = str(refusal)
        else:
            messages.success(request, _("Thank you. Step %(number)s is saved.") % {"number": step.number})
            return redirect_for("development_plan", support_point)
    return page(
        request,
        "development/admin/step.html",
        _("Step %(number)s: %(title)s") % {"number": step.number, "title": step.step.title},
        status=400 if (error or form.errors) else 200,
        support_point=support_point,
        step=step,
        form=form,
        all_forms=[form],
        error=error,
    )
