"""The public ways in: the question forms, 'bel mij terug' and the private page ("mijn vraag")."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from steunpunt.core.address import Address, addressed, speaking
from steunpunt.core.public_forms import protected
from steunpunt.core.site_languages import here
from steunpunt.evaluations.models import Invitation
from steunpunt.privacy.models import AuditAction
from steunpunt.schools.selectors import schools_for_support_point

from .attachments import AttachmentRefused
from .forms import QUESTION_MAX, CallbackForm, QuestionForm, ReplyForm, YouthQuestionForm
from .models import AnswerBy, Attachment, Case, CaseSchoolType, CaseStatus, Channel, RequesterKind
from .services import TransitionNotAllowed, _audit, case_submit, message_from_requester, private_link


def _support_point(request):
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    return support_point


def _render_form(request, template, form, status=200):
    response = TemplateResponse(
        request,
        template,
        {
            "form": form,
            "schools": form.schools.values_list("name", flat=True)[:2000] if hasattr(form, "schools") else [],
        },
        status=status,
    )
    return addressed(response, getattr(form, "address", Address.FORMAL))


def _handle(request, form, template, store):
    """The flow of every public form: show errors (a refusal of ``protected`` among them, text kept),
    or store and go on."""
    if request.method != "POST":
        return _render_form(request, template, form)
    if not form.is_valid():
        return _render_form(request, template, form, status=400)
    case = store(form)
    return redirect(here(f"/mijn-vraag/{case.access_token}/?verstuurd=1"))


def _question_view(request, form_class, template, channel, requester_kind=None):
    support_point = _support_point(request)
    # A search without a result links here with its text (?vraag=…): it is filled in, nothing is
    # stored until the person sends the form.
    initial = {"question": request.GET.get("vraag", "")[:QUESTION_MAX]} if request.method == "GET" else None
    form = form_class(
        request.POST if request.method == "POST" else None,
        initial=initial,
        schools=schools_for_support_point(support_point),
    )

    def store(form):
        data = dict(form.cleaned_data)
        data["school"] = form.matched_school()
        if requester_kind is not None:
            data["requester_kind"] = requester_kind(data)
        return case_submit(
            support_point=support_point, channel=channel, data=data, themes=data.get("themes") or ()
        )

    return _handle(request, form, template, store)


def _youth_kind(data):
    return RequesterKind.CHILD if data.get("age_group") == "4_12" else RequesterKind.YOUNG_PERSON


@require_http_methods(["GET", "POST"])
@protected
def question(request):
    return _question_view(request, QuestionForm, "support/question.html", Channel.WEB)


@require_http_methods(["GET", "POST"])
@protected
def youth_question(request):
    return _question_view(
        request, YouthQuestionForm, "support/youth_question.html", Channel.WEB_YOUTH, _youth_kind
    )


@require_http_methods(["GET", "POST"])
@protected
def callback(request):
    support_point = _support_point(request)
    form = CallbackForm(request.POST if request.method == "POST" else None)

    def store(form):
        data = form.cleaned_data
        return case_submit(
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
                "language": data["language"],
                "interpreter_needed": data["interpreter_needed"],
            },
        )

    return _handle(request, form, "support/callback.html", store)


def _private_case(request, token):
    """The case whose private link holds ``token`` at the request's steunpunt; 404 for any other."""
    support_point = _support_point(request)
    case = (
        Case.objects.select_related("support_point")
        .filter(access_token=token, support_point=support_point, anonymised_at__isnull=True)
        .first()
    )
    if case is None:
        raise Http404
    return case


@require_GET
def my_question_attachment(request, token, pk):
    """A file of a message on the private page: for whoever has the link (the key), audited."""
    case = _private_case(request, token)
    attachment = get_object_or_404(Attachment, pk=pk, message__case=case)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    _audit(case, None, AuditAction.READ, f"attachment {attachment.pk} (private page)")
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@require_http_methods(["GET", "POST"])
def my_question(request, token):
    """The requester's private page: status, messages with their files, referrals and a reply form
    (with files). The link is the key; the page speaks to the requester ("u" or "je", core.address)."""
    case = _private_case(request, token)
    with speaking(case.address):
        response = _my_question(request, case, token)
    if response.status_code != 302:
        # The address holds the key to the question: never cached, never sent on to other sites
        # ("same-origin", not "no-referrer": the browser must still send its Origin with the reply form).
        response["Cache-Control"] = "no-store"
        response["Referrer-Policy"] = "same-origin"
    return response


def _my_question(request, case, token):
    form = ReplyForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    status, error = 200, None
    if request.method == "POST":
        if form.is_valid():
            try:
                message_from_requester(
                    case=case, body=form.cleaned_data["body"], files=form.cleaned_data["files"]
                )
            except (TransitionNotAllowed, AttachmentRefused) as refusal:
                error, status = str(refusal), 400
            else:
                return redirect(here(f"/mijn-vraag/{token}/?bericht=1#berichten"))
        else:
            status = 400
    response = TemplateResponse(
        request,
        "support/my_question.html",
        {
            "case": case,
            "messages_list": case.messages.prefetch_related("attachments"),
            "referrals": case.referrals.select_related("organisation"),
            "form": form,
            "error": error,
            "closed": case.status == CaseStatus.CLOSED,
            "evaluation_open": bool(case.evaluation_token)
            and Invitation.objects.filter(token=case.evaluation_token, answered=False).exists(),
            "just_sent": request.GET.get("verstuurd") == "1",
            "reply_sent": request.GET.get("bericht") == "1",
            "link": private_link(case),
        },
        status=status,
    )
    return response.render()


def privacy_statement(request):
    """The privacy statement; parents and other adults read "u"."""
    return _privacy(request, Address.FORMAL)


def privacy_statement_youth(request):
    """The same statement for young people, with "je"; the young people's form links here."""
    return _privacy(request, Address.INFORMAL)


def _privacy(request, address):
    support_point = _support_point(request)
    response = TemplateResponse(request, "support/privacy.html", {"support_point": support_point})
    return addressed(response, address)
