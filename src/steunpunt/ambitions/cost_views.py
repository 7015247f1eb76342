"""Back office for costs and pupil numbers: the cost overview per period, hourly rates, other costs,
and the pupils per partnership. Same access rules as :mod:`.admin_views`."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from steunpunt.reports.periods import period_from, presets

from .admin_views import back_to, chosen, context, store
from .costs import cost_summary
from .forms import HourlyRateForm, OtherCostForm, PupilCountForm
from .selectors import (
    hourly_rates_visible_to,
    other_costs_visible_to,
    partnerships_of,
    pupil_counts_visible_to,
)
from .services import (
    hourly_rate_add,
    hourly_rate_delete,
    other_cost_add,
    other_cost_delete,
    pupil_count_delete,
    pupil_count_set,
)

OTHER_COSTS_SHOWN = 200


@require_GET
def cost_overview(request):
    support_points, support_point = chosen(request)
    period, code, error = period_from(request.GET)
    return TemplateResponse(
        request,
        "ambitions/admin/costs.html",
        context(
            _("Costs and benefits"),
            summary=cost_summary(support_point, period),
            support_points=support_points,
            chosen=support_point,
            period=period,
            presets=presets(),
            code=code,
            error=error,
        ),
    )


@require_http_methods(["GET", "POST"])
def rates(request):
    support_points, support_point = chosen(request)
    form = HourlyRateForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and store(form, lambda **data: hourly_rate_add(support_point=support_point, by=request.user, **data))
    ):
        messages.success(request, _("The hourly rate is saved."))
        return redirect(back_to("ambitions_rates", support_point))
    return TemplateResponse(
        request,
        "ambitions/admin/rates.html",
        context(
            _("Hourly rates"),
            form=form,
            rates=hourly_rates_visible_to(request.user)
            .filter(support_point=support_point)
            .order_by("-valid_from"),
            support_points=support_points,
            chosen=support_point,
        ),
        status=400 if form.errors else 200,
    )


@require_POST
def rate_remove(request, pk):
    rate = get_object_or_404(hourly_rates_visible_to(request.user), pk=pk)
    support_point = rate.support_point
    hourly_rate_delete(rate=rate, by=request.user)
    messages.success(request, _("The hourly rate is removed."))
    return redirect(back_to("ambitions_rates", support_point))


@require_http_methods(["GET", "POST"])
def other_costs(request):
    support_points, support_point = chosen(request)
    form = OtherCostForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and store(form, lambda **data: other_cost_add(support_point=support_point, by=request.user, **data))
    ):
        messages.success(request, _("The cost is saved."))
        return redirect(back_to("ambitions_other_costs", support_point))
    return TemplateResponse(
        request,
        "ambitions/admin/other_costs.html",
        context(
            _("Other costs"),
            form=form,
            costs=other_costs_visible_to(request.user).filter(support_point=support_point)[
                :OTHER_COSTS_SHOWN
            ],
            support_points=support_points,
            chosen=support_point,
        ),
        status=400 if form.errors else 200,
    )


@require_POST
def other_cost_remove(request, pk):
    cost = get_object_or_404(other_costs_visible_to(request.user), pk=pk)
    support_point = cost.support_point
    other_cost_delete(cost=cost, by=request.user)
    messages.success(request, _("The cost is removed."))
    return redirect(back_to("ambitions_other_costs", support_point))


@require_http_methods(["GET", "POST"])
def pupils(request):
    support_points, support_point = chosen(request)
    partnerships = partnerships_of(support_point)
    form = PupilCountForm(request.POST or None, partnerships=partnerships)
    if (
        request.method == "POST"
        and form.is_valid()
        and store(form, lambda **data: pupil_count_set(support_point=support_point, by=request.user, **data))
    ):
        messages.success(request, _("The number of pupils is saved."))
        return redirect(back_to("ambitions_pupils", support_point))
    return TemplateResponse(
        request,
        "ambitions/admin/pupils.html",
        context(
            _("Pupil numbers"),
            form=form,
            partnerships=partnerships,
            counts=pupil_counts_visible_to(request.user).filter(partnership__in=partnerships),
            support_points=support_points,
            chosen=support_point,
        ),
        status=400 if form.errors else 200,
    )


@require_POST
def pupil_remove(request, pk):
    count = get_object_or_404(pupil_counts_visible_to(request.user), pk=pk)
    support_point = count.partnership.support_point
    pupil_count_delete(pupil_count=count, by=request.user)
    messages.success(request, _("The number of pupils is removed."))
    return redirect(back_to("ambitions_pupils", support_point))
