"""Back office for ambitions and their criteria: the measured values per period, and the forms.

Only coordinators (``Action.DEVELOPMENT_MANAGE``) reach these pages; everyone else, and every object of
another steunpunt, gets 404. A coordinator of more than one steunpunt picks one.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from steunpunt.reports.periods import period_from, presets
from steunpunt.tenants.selectors import chosen_support_point

from .formatting import number
from .forms import AmbitionForm, CriterionForm
from .kinds import SPECS, Kind, spec
from .measures import ambition_results
from .selectors import ambitions_visible_to, criteria_visible_to, development_support_points
from .services import (
    ambition_create,
    ambition_delete,
    ambition_update,
    criterion_create,
    criterion_delete,
    criterion_update,
)


def context(title, **extra):
    return {"page_title": title, "header_icon": "tasks", **extra}


def chosen(request, field="steunpunt"):
    """The user's steunpunten and the one chosen by ``field`` (query or form), else the first; 404 for
    users who manage none."""
    support_points = development_support_points(request.user)
    support_point = chosen_support_point(support_points, request.POST.get(field) or request.GET.get(field))
    if support_point is None:
        raise Http404
    return support_points, support_point


def back_to(name, support_point, anchor=""):
    return f"{reverse(name)}?steunpunt={support_point.pk}{anchor}"


def definitions():
    return [(str(kind.label), spec(kind).definition) for kind in Kind if kind in SPECS]


@require_GET
def ambition_list(request):
    support_points, support_point = chosen(request)
    period, code, error = period_from(request.GET)
    ambitions = (
        ambitions_visible_to(request.user).filter(support_point=support_point).prefetch_related("criteria")
    )
    return TemplateResponse(
        request,
        "ambitions/admin/list.html",
        context(
            _("Ambitions"),
            results=ambition_results(ambitions, support_point, period),
            support_points=support_points,
            chosen=support_point,
            period=period,
            presets=presets(),
            code=code,
            error=error,
        ),
    )


@require_http_methods(["GET", "POST"])
def ambition_add(request):
    support_points, support_point = chosen(
        request, "support_point" if request.method == "POST" else "steunpunt"
    )
    form = AmbitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ambition = ambition_create(support_point=support_point, by=request.user, **form.cleaned_data)
        messages.success(request, _("The ambition is saved. Now add how you measure it."))
        return redirect("ambitions_criterion_add", pk=ambition.pk)
    return TemplateResponse(
        request,
        "ambitions/admin/form.html",
        context(_("New ambition"), form=form, support_points=support_points, chosen=support_point),
        status=400 if form.errors else 200,
    )


def _ambition(request, pk):
    return get_object_or_404(ambitions_visible_to(request.user), pk=pk)


@require_http_methods(["GET", "POST"])
def ambition_edit(request, pk):
    ambition = _ambition(request, pk)
    form = AmbitionForm(
        request.POST or None, initial={"text": ambition.text, "explanation": ambition.explanation}
    )
    if request.method == "POST" and form.is_valid():
        ambition_update(ambition=ambition, by=request.user, **form.cleaned_data)
        messages.success(request, _("The ambition is saved."))
        return redirect(back_to("ambitions_list", ambition.support_point, f"#ambitie-{ambition.pk}"))
    return TemplateResponse(
        request,
        "ambitions/admin/form.html",
        context(_("Change ambition"), form=form, ambition=ambition),
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def ambition_remove(request, pk):
    ambition = _ambition(request, pk)
    if request.method == "POST":
        support_point = ambition.support_point
        ambition_delete(ambition=ambition, by=request.user)
        messages.success(request, _("The ambition and its criteria are removed."))
        return redirect(back_to("ambitions_list", support_point))
    return TemplateResponse(
        request,
        "ambitions/admin/confirm_delete.html",
        context(
            _("Remove ambition"),
            what=ambition.text,
            warning=_("Its criteria are removed too. The measured data stay."),
            cancel=back_to("ambitions_list", ambition.support_point),
        ),
    )


def _criterion_form_page(request, form, title, ambition, criterion=None):
    return TemplateResponse(
        request,
        "ambitions/admin/criterion_form.html",
        context(title, form=form, ambition=ambition, criterion=criterion, definitions=definitions()),
        status=400 if form.errors else 200,
    )


def store(form, save):
    """Run ``save`` with the form's data; a refusal of the service becomes the form's errors."""
    try:
        save(**form.cleaned_data)
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return False
    return True


@require_http_methods(["GET", "POST"])
def criterion_add(request, pk):
    ambition = _ambition(request, pk)
    form = CriterionForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and store(form, lambda **data: criterion_create(ambition=ambition, by=request.user, **data))
    ):
        messages.success(request, _("The criterion is saved."))
        return redirect(back_to("ambitions_list", ambition.support_point, f"#ambitie-{ambition.pk}"))
    return _criterion_form_page(request, form, _("New criterion"), ambition)


def _criterion(request, pk):
    return get_object_or_404(criteria_visible_to(request.user), pk=pk)


@require_http_methods(["GET", "POST"])
def criterion_edit(request, pk):
    criterion = _criterion(request, pk)
    initial = {
        "kind": criterion.kind,
        "parameter": criterion.parameter,
        "direction": criterion.direction,
        "target": number(criterion.target, spec(criterion.kind).decimals),
        "active": criterion.active,
    }
    form = CriterionForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and store(form, lambda **data: criterion_update(criterion=criterion, by=request.user, **data))
    ):
        messages.success(request, _("The criterion is saved."))
        ambition = criterion.ambition
        return redirect(back_to("ambitions_list", ambition.support_point, f"#ambitie-{ambition.pk}"))
    return _criterion_form_page(request, form, _("Change criterion"), criterion.ambition, criterion)


@require_http_methods(["GET", "POST"])
def criterion_remove(request, pk):
    criterion = _criterion(request, pk)
    ambition = criterion.ambition
    if request.method == "POST":
        criterion_delete(criterion=criterion, by=request.user)
        messages.success(request, _("The criterion is removed."))
        return redirect(back_to("ambitions_list", ambition.support_point, f"#ambitie-{ambition.pk}"))
    return TemplateResponse(
        request,
        "ambitions/admin/confirm_delete.html",
        context(
            _("Remove criterion"),
            what=f"{criterion.title} ({ambition.text})",
            warning="",
            cancel=back_to("ambitions_list", ambition.support_point),
        ),
    )
