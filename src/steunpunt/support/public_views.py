"""The public ways in: the question forms, 'bel mij terug' and the private page ("mijn vraag")."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from steunpunt.schools.selectors import schools_for_support_point

from .forms import CallbackForm, QuestionForm, ReplyForm, YouthQuestionForm
from .models import AnswerBy, Case, CaseSchoolType, CaseStatus, Channel, RequesterKind
from .services import TransitionNotAllowed, case_submit, message_from_requester, private_link

RATE_LIMITED = 429
LIMIT_MESSAGE = gettext_lazy(
    "We received many messages from your internet connection. Wait an hour and try again, or call us."
)


def _support_point(request):
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    return support_point


def _too_many(request):
    """Return ``True`` if this address sent more public forms than the limit allows."""
    return is_ratelimited(
        request, group="public-forms", key="ip", rate=settings.PUBLIC_FORM_RATE, method="POST", increment=True
    )


def _render_form(request, template, form, status=200, **extra):
    return TemplateResponse(
        request,
        template,
        {
            "form": form,
            "schools": form.schools.values_list("name", flat=True)[:2000] if hasattr(form, "schools") else [],
            **extra,
        },
        status=status,
    )


def _question_view(request, form_class, template, channel, requester_kind=None):
    support_point = _support_point(request)
    schools = schools_for_support_point(support_point)
    form = form_class(request.POST if request.method == "POST" else None, schools=schools)
    if request.method != "POST":
        return _render_form(request, template, form)
    if _too_many(request):
        form.is_valid()
        return _render_form(
            request,
            template,
            form,
            status=RATE_LIMITED,
            limit_message=LIMIT_MESSAGE,
        )
    if not form.is_valid():
        return _render_form(request, template, form, status=400)
    data = dict(form.cleaned_data)
    data["school"] = form.matched_school()
    if requester_kind is not None:
        data["requester_kind"] = requester_kind(data)
    case = case_submit(
        support_point=support_point, channel=channel, data=data, themes=data.get("themes") or ()
    )
    return redirect(f"/mijn-vraag/{case.access_token}/?verstuurd=1")


def _youth_kind(data):
    return RequesterKind.CHILD if data.get("age_group") == "4_12" else RequesterKind.YOUNG_PERSON


@require_http_methods(["GET", "POST"])
def question(request):
    return _question_view(request, QuestionForm, "support/question.html", Channel.WEB)


@require_http_methods(["GET", "POST"])
def youth_question(request):
    return _question_view(
        request, YouthQuestionForm, "support/youth_question.html", Channel.WEB_YOUTH, _youth_kind
    )


@require_http_methods(["GET", "POST"])
def callback(request):
    support_point = _support_point(request)
    form = CallbackForm(request.POST if request.method == "POST" else None)
    template = "support/callback.html"
    if request.method != "POST":
        return TemplateResponse(request, template, {"form": form})
    if _too_many(request):
        form.is_valid()
        return TemplateResponse(
            request,
            template,
            {
                "form": form,
                "limit_message": LIMIT_MESSAGE,
            },
            status=RATE_LIMITED,
        )
    if not form.is_valid():
        return TemplateResponse(request, template, {"form": form}, status=400)
    data = form.cleaned_data
    case = case_submit(
        support_point=support_point,
        channel=Channel.CALLBACK,
        data={
            "requester_kind": RequesterKind.PARENT,
            "question": data["question"] or _("Call-back request"),
            "requester_name": data["requester_name"],
            "requester_phone": data["requester_phone"],
            "answer_by": AnswerBy.PHONE,
            "callback_times": form.callback_times(),
            "school_type": CaseSchoolType.UNKNOWN,
        },
    )
    return redirect(f"/mijn-vraag/{case.access_token}/?verstuurd=1")


@require_http_methods(["GET", "POST"])
def my_question(request, token):
    """The requester's private page: status, messages and a reply form. The link is the key."""
    support_point = _support_point(request)
    case = (
        Case.objects.select_related("support_point")
        .filter(access_token=token, support_point=support_point, anonymised_at__isnull=True)
        .first()
    )
    if case is None:
        raise Http404
    form = ReplyForm(request.POST if request.method == "POST" else None)
    status, error = 200, None
    if request.method == "POST":
        if form.is_valid():
            try:
                message_from_requester(case=case, body=form.cleaned_data["body"])
            except TransitionNotAllowed as refusal:
                error, status = str(refusal), 400
            else:
                return redirect(f"/mijn-vraag/{token}/?bericht=1#berichten")
        else:
            status = 400
    response = TemplateResponse(
        request,
        "support/my_question.html",
        {
            "case": case,
            "messages_list": case.messages.all(),
            "form": form,
            "error": error,
            "closed": case.status == CaseStatus.CLOSED,
            "just_sent": request.GET.get("verstuurd") == "1",
            "reply_sent": request.GET.get("bericht") == "1",
            "link": private_link(case),
        },
        status=status,
    )
    # The address holds the key to the question: never cached, never sent on to other sites.
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def privacy_statement(request):
    _support_point(request)
    return TemplateResponse(request, "support/privacy.html", {})
