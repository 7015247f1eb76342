"""Back office for signals: list, record, follow up, publish. Scoped to the user's steunpunten."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from steunpunt.tenants.policy import Action, can, support_point_ids_for
from steunpunt.tenants.selectors import chosen_support_point, support_points_for

from .forms import ConcernForm, PublishForm, TransitionForm
from .models import ConcernStatus
from .selectors import concerns_visible_to
from .services import (
    ConcernError,
    concern_create,
    concern_publish,
    concern_transition,
    concern_update,
    linkable_cases,
)
from .states import allowed_next


def _context(title, **extra):
    return {"page_title": title, "header_icon": "warning", **extra}


@require_GET
def concern_list(request):
    if not support_point_ids_for(request.user, Action.CONCERN_MANAGE):
        raise Http404
    concerns = concerns_visible_to(request.user).select_related("support_point").prefetch_related("themes")
    status = request.GET.get("status", "")
    if status in ConcernStatus.values:
        concerns = concerns.filter(status=status)
    return TemplateResponse(
        request,
        "concerns/admin/list.html",
        _context(_("Signals"), concerns=concerns, statuses=ConcernStatus.choices, status=status),
    )


@require_http_methods(["GET", "POST"])
def concern_add(request):
    support_points = support_points_for(request.user, Action.CONCERN_MANAGE)
    support_point = chosen_support_point(support_points, request.POST.get("support_point"))
    if support_point is None:
        raise Http404
    form = ConcernForm(request.POST or None, linkable=linkable_cases(support_point, request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        concern = concern_create(
            support_point=support_point,
            title=data["title"],
            description=data["description"],
            severity=data["severity"],
            themes=data["themes"],
            cases=data["references"],
            by=request.user,
        )
        return redirect("concerns_detail", pk=concern.pk)
    return TemplateResponse(
        request,
        "concerns/admin/form.html",
        _context(_("New signal"), form=form, support_points=support_points, chosen=support_point),
        status=400 if form.errors else 200,
    )


def _concern(request, pk):
    return get_object_or_404(concerns_visible_to(request.user).select_related("support_point"), pk=pk)


@require_http_methods(["GET", "POST"])
def concern_edit(request, pk):
    concern = _concern(request, pk)
    initial = {
        "title": concern.title,
        "description": concern.description,
        "severity": concern.severity,
        "themes": list(concern.themes.all()),
        "references": " ".join(concern.cases.values_list("reference", flat=True)),
    }
    form = ConcernForm(request.POST or None, initial=initial, linkable=linkable_cases(concern, request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Links to questions this user may not read stay as they were.
        hidden = concern.cases.exclude(pk__in=linkable_cases(concern, request.user).values("pk"))
        concern_update(
            concern=concern,
            title=data["title"],
            description=data["description"],
            severity=data["severity"],
            themes=data["themes"],
            cases=[*data["references"], *hidden],
            by=request.user,
        )
        return redirect("concerns_detail", pk=concern.pk)
    return TemplateResponse(
        request,
        "concerns/admin/form.html",
        _context(_("Change signal"), form=form, concern=concern),
        status=400 if form.errors else 200,
    )


def _detail(request, concern, status=200, **forms):
    return TemplateResponse(
        request,
        "concerns/admin/detail.html",
        _context(
            concern.title,
            concern=concern,
            cases=linkable_cases(concern, request.user).filter(concerns=concern),
            next_statuses=[(s, ConcernStatus(s).label) for s in allowed_next(concern.status)],
            transition_form=forms.get("transition_form")
            or TransitionForm(initial={"on": timezone.localdate()}),
            can_publish=can(request.user, Action.CONCERN_PUBLISH, concern.support_point_id),
            publish_form=forms.get("publish_form")
            or PublishForm(
                initial={
                    "published": concern.published,
                    "heard": concern.public_heard,
                    "changed": concern.public_changed,
                }
            ),
            error=forms.get("error"),
            history=concern.status_changes.select_related("by"),
        ),
        status=status,
    )


@require_GET
def concern_detail(request, pk):
    return _detail(request, _concern(request, pk))


@require_POST
def concern_status(request, pk):
    concern = _concern(request, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            concern_transition(
                concern=concern,
                to=form.cleaned_data["to"],
                on=form.cleaned_data["on"],
                text=form.cleaned_data["text"],
                by=request.user,
            )
        except ConcernError as refusal:
            return _detail(request, concern, status=400, transition_form=form, error=str(refusal))
        return redirect("concerns_detail", pk=concern.pk)
    return _detail(request, concern, status=400, transition_form=form)


@require_POST
def concern_publish_view(request, pk):
    concern = _concern(request, pk)
    if not can(request.user, Action.CONCERN_PUBLISH, concern.support_point_id):
        raise Http404
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            concern_publish(concern=concern, by=request.user, **form.cleaned_data)
        except ConcernError as refusal:
            return _detail(request, concern, status=400, publish_form=form, error=str(refusal))
        return redirect("concerns_detail", pk=concern.pk)
    return _detail(request, concern, status=400, publish_form=form)
