"""Coordinators keep the questions (each save is a new version) and see the response rate and own words."""

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import support_points_for

from .forms import QuestionFormSet
from .models import Audience, Invitation, QuestionKind, Response
from .services import current_questionnaire, questionnaire_save


def _support_points(user):
    support_points = support_points_for(user, Action.EVALUATION_MANAGE)
    if not support_points.exists():
        raise Http404
    return support_points


@require_GET
def overview(request):
    rows = []
    for support_point in _support_points(request.user):
        rates = (
            Invitation.objects.filter(support_point=support_point)
            .values("period")
            .annotate(sent=Count("pk"), answered=Count("pk", filter=Q(answered=True)))
            .order_by("-period")[:12]
        )
        questionnaires = {audience: current_questionnaire(support_point, audience) for audience in Audience}
        texts = []
        for response in Response.objects.filter(support_point=support_point).select_related("questionnaire")[
            :200
        ]:
            for question in response.questionnaire.questions:
                value = response.answers.get(question["key"])
                if question["kind"] == QuestionKind.TEXT and value:
                    texts.append({"period": response.period, "question": question["text"], "text": value})
        rows.append(
            {
                "support_point": support_point,
                "rates": rates,
                "questionnaires": questionnaires,
                "texts": texts[:50],
            }
        )
    return TemplateResponse(
        request,
        "evaluations/admin/overview.html",
        {"page_title": _("Evaluations"), "header_icon": "comment", "rows": rows},
    )


@require_http_methods(["GET", "POST"])
def edit(request, support_point_id, audience):
    support_point = _support_points(request.user).filter(pk=support_point_id).first()
    if support_point is None or audience not in Audience.values:
        raise Http404
    current = current_questionnaire(support_point, audience)
    initial = [{"text": q["text"], "kind": q["kind"], "key": q["key"]} for q in current.questions]
    formset = QuestionFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        questions = [form.cleaned_data for form in formset if form.cleaned_data.get("text", "").strip()]
        if questions:
            questionnaire_save(
                support_point=support_point, audience=audience, questions=questions, by=request.user
            )
            return redirect("evaluations_overview")
        formset._non_form_errors = formset.error_class([_("Keep at least one question.")])
    return TemplateResponse(
        request,
        "evaluations/admin/edit.html",
        {
            "page_title": _("Questions for %(audience)s") % {"audience": Audience(audience).label.lower()},
            "header_icon": "comment",
            "formset": formset,
            "support_point": support_point,
            "current": current,
        },
        status=400 if request.method == "POST" else 200,
    )
