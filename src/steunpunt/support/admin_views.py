"""The back office for questions: inbox, a case page with its actions, new questions, workload.

Every view reads through :mod:`.selectors` (another steunpunt's case or a role without case
access answers 404) and writes through :mod:`.services`.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from steunpunt.privacy.export import requester_export_json, requester_export_pdf
from steunpunt.privacy.models import AuditAction
from steunpunt.privacy.services import audit
from steunpunt.socialmap.models import Organisation
from steunpunt.tenants.policy import CASE_ACTIONS, Action, support_point_ids_for
from steunpunt.tenants.selectors import chosen_support_point

from .forms import (
    AssignForm,
    ContactForm,
    ReferralForm,
    ReferralOutcomeForm,
    ReminderForm,
    ReplyForm,
    StaffCaseForm,
    TransitionForm,
)
from .models import CaseStatus, Referral, Reminder
from .retention import requester_cases, requester_erase
from .selectors import (
    FULL,
    assignable_for,
    can_assign,
    case_for,
    cases_listed_for,
    cases_readable_by,
    support_points_receiving,
    workload_for,
)
from .services import (
    CaseConflict,
    TransitionNotAllowed,
    _audit,
    case_assign,
    case_submit,
    case_transition,
    case_update,
    contact_add,
    message_from_staff,
    referral_add,
    referral_outcome_set,
    reminder_add,
    reminder_done,
)
from .states import OPEN_STATUSES, allowed_next

PAGE_SIZE = 50


def _require_case_role(user):
    """Raise Http404 for anyone without a case role at any steunpunt (board, editors, …)."""
    if not any(support_point_ids_for(user, action) for action in CASE_ACTIONS):
        raise Http404


@require_GET
def inbox(request):
    """New and open questions; filters for status, mine, urgent and overdue; search in readable ones."""
    user = request.user
    _require_case_role(user)
    cases = cases_listed_for(user).select_related("assigned_to", "support_point").prefetch_related("themes")
    status = request.GET.get("status", "open")
    if status == "open":
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif status in CaseStatus.values:
        cases = cases.filter(status=status)
    if request.GET.get("mijn"):
        cases = cases.filter(assigned_to=user)
    if request.GET.get("urgent"):
        cases = cases.filter(urgent=True)
    if request.GET.get("te_laat"):
        cases = cases.filter(
            first_contact_at__isnull=True, first_contact_due__lt=timezone.now(), status__in=OPEN_STATUSES
        )
    query = " ".join(request.GET.get("q", "")[:100].split())
    if query:
        readable = cases_readable_by(user)
        cases = cases.filter(
            pk__in=readable.filter(
                Q(reference__iexact=query)
                | Q(question__icontains=query)
                | Q(requester_name__icontains=query)
                | Q(requester_email__iexact=query)
                | Q(requester_phone=query)
            ).values("pk")
        )
    page = Paginator(cases.order_by("-urgent", "created_at"), PAGE_SIZE).get_page(request.GET.get("pagina"))
    readable_ids = set(
        cases_readable_by(user).filter(pk__in=[c.pk for c in page]).values_list("pk", flat=True)
    )
    if query:
        for support_point_id in {case.support_point_id for case in page}:
            audit(
                actor=user,
                action=AuditAction.SEARCH,
                obj=page[0],
                support_point_id=support_point_id,
                on_behalf_of="inbox search",
                detail=f"{len(page)} results",
            )
    return TemplateResponse(
        request,
        "support/admin/inbox.html",
        {
            "page_title": _("Questions"),
            "header_icon": "mail",
            "cases": page,
            "readable_ids": readable_ids,
            "status": status,
            "statuses": CaseStatus.choices,
            "query": query,
            "now": timezone.now(),
            "can_create": support_points_receiving(user).exists(),
            "can_see_workload": bool(support_point_ids_for(user, Action.CASE_ASSIGN)),
        },
    )


@require_http_methods(["GET", "POST"])
def case_create(request):
    """Staff enter a question that came in by phone, e-mail or at the desk."""
    support_points = support_points_receiving(request.user)
    if not support_points.exists():
        raise Http404
    form = StaffCaseForm(request.POST or None)
    chosen = chosen_support_point(
        support_points, request.POST.get("support_point") or request.GET.get("steunpunt")
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        case = case_submit(
            support_point=chosen,
            channel=data["channel"],
            data=data,
            themes=data["themes"],
            support_kinds=data["support_kinds"],
            by=request.user,
        )
        return redirect("support_case", pk=case.pk)
    return TemplateResponse(
        request,
        "support/admin/case_form.html",
        {
            "page_title": _("New question"),
            "header_icon": "mail",
            "form": form,
            "support_points": support_points,
            "chosen": chosen,
        },
        status=400 if form.errors else 200,
    )


def _detail(request, case, access, status=200, **forms):
    user = request.user
    full = access == FULL
    context = {
        "page_title": case.reference,
        "header_icon": "mail",
        "case": case,
        "full": full,
        "messages_list": case.messages.select_related("author"),
        "status_changes": case.status_changes.select_related("by"),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "next_statuses": [(s, CaseStatus(s).label) for s in allowed_next(case.status)],
        "transition_form": forms.get("transition_form") or TransitionForm(),
        "can_assign": can_assign(user, case),
        "error": forms.get("error"),
    }
    if context["can_assign"]:
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            initial={"consultant": case.assigned_to}, consultants=assignable_for(user, case)
        )
    if full:
        organisations = Organisation.objects.filter(
            Q(support_point__isnull=True) | Q(support_point=case.support_point_id)
        )
        context.update(
            contacts=case.contacts.select_related("by"),
            referrals=case.referrals.select_related("organisation"),
            reminders=case.reminders.all(),
            support_given=case.support_given.all(),
            themes=case.themes.all(),
            contact_form=forms.get("contact_form")
            or ContactForm(initial={"on": timezone.localdate(), "channel": "phone"}),
            referral_form=forms.get("referral_form") or ReferralForm(organisations=organisations),
            reminder_form=forms.get("reminder_form") or ReminderForm(),
            referral_outcome_form=ReferralOutcomeForm(),
            minutes=sum(contact.minutes for contact in case.contacts.all()),
        )
    return TemplateResponse(request, "support/admin/case.html", context, status=status)


@require_GET
def case_detail(request, pk):
    case, access = case_for(request.user, pk)
    _audit(case, request.user, AuditAction.READ, "case page" if access == FULL else "intake")
    return _detail(request, case, access)


def _case_post(request, pk, *, full_only=False):
    case, access = case_for(request.user, pk)
    if full_only and access != FULL:
        raise Http404
    return case, access


@require_POST
def case_message(request, pk):
    case, access = _case_post(request, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _detail(request, case, access, status=400, reply_form=form)
    message_from_staff(case=case, body=form.cleaned_data["body"], by=request.user)
    return redirect("support_case", pk=case.pk)


@require_POST
def case_status(request, pk):
    case, access = _case_post(request, pk, full_only=True)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            case_transition(
                case=case,
                to=form.cleaned_data["to"],
                by=request.user,
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except TransitionNotAllowed as refusal:
            return _detail(request, case, access, status=400, transition_form=form, error=str(refusal))
        return redirect("support_case", pk=case.pk)
    return _detail(request, case, access, status=400, transition_form=form)


@require_http_methods(["GET", "POST"])
def case_assign_view(request, pk):
    """Assign a question. Coordinators see only its number, dates and themes here, not its contents."""
    case = get_object_or_404(cases_listed_for(request.user).select_related("support_point"), pk=pk)
    if not can_assign(request.user, case):
        raise Http404
    form = AssignForm(request.POST or None, consultants=assignable_for(request.user, case))
    if request.method == "POST" and form.is_valid():
        case_assign(case=case, consultant=form.cleaned_data["consultant"], by=request.user)
        # After handing a case to someone else a coordinator may no longer read it.
        if cases_readable_by(request.user).filter(pk=case.pk).exists():
            return redirect("support_case", pk=case.pk)
        return redirect("support_inbox")
    return TemplateResponse(
        request,
        "support/admin/assign.html",
        {
            "page_title": _("Assign question %(reference)s") % {"reference": case.reference},
            "header_icon": "user",
            "case": case,
            "form": form,
            "readable": cases_readable_by(request.user).filter(pk=case.pk).exists(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def case_contact(request, pk):
    case, access = _case_post(request, pk, full_only=True)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _detail(request, case, access, status=400, contact_form=form)
    contact_add(case=case, by=request.user, **form.cleaned_data)
    return redirect("support_case", pk=case.pk)


@require_POST
def case_referral(request, pk):
    case, access = _case_post(request, pk, full_only=True)
    organisations = Organisation.objects.filter(
        Q(support_point__isnull=True) | Q(support_point=case.support_point_id)
    )
    form = ReferralForm(request.POST, organisations=organisations)
    if form.is_valid():
        try:
            referral_add(case=case, by=request.user, **form.cleaned_data)
        except TransitionNotAllowed as refusal:
            form.add_error("consent", str(refusal))
        else:
            return redirect("support_case", pk=case.pk)
    return _detail(request, case, access, status=400, referral_form=form)


@require_POST
def case_referral_outcome(request, pk, referral_pk):
    case, _access = _case_post(request, pk, full_only=True)
    referral = get_object_or_404(Referral, pk=referral_pk, case=case)
    form = ReferralOutcomeForm(request.POST)
    if form.is_valid():
        referral_outcome_set(referral=referral, outcome=form.cleaned_data["outcome"], by=request.user)
    return redirect("support_case", pk=case.pk)


@require_POST
def case_reminder(request, pk):
    case, access = _case_post(request, pk, full_only=True)
    form = ReminderForm(request.POST)
    if not form.is_valid():
        return _detail(request, case, access, status=400, reminder_form=form)
    reminder_add(case=case, by=request.user, **form.cleaned_data)
    return redirect("support_case", pk=case.pk)


@require_POST
def case_reminder_done(request, pk, reminder_pk):
    case, _access = _case_post(request, pk, full_only=True)
    reminder_done(reminder=get_object_or_404(Reminder, pk=reminder_pk, case=case), by=request.user)
    return redirect("support_case", pk=case.pk)


def _initial(case):
    return {
        "requester_kind": case.requester_kind,
        "question": case.question,
        "themes": list(case.themes.all()),
        "urgent": case.urgent,
        "age_group": case.age_group,
        "school_type": case.school_type,
        "school_name": case.school_name,
        "support_kinds": list(case.support_given.values_list("kind", flat=True)),
        "requester_name": case.requester_name,
        "requester_email": case.requester_email,
        "requester_phone": case.requester_phone,
        "answer_by": case.answer_by,
        "callback_times": case.callback_times,
        "evaluation_consent": case.evaluation_consent,
        "version": case.version,
    }


@require_http_methods(["GET", "POST"])
def case_edit(request, pk):
    """Correct the intake; if someone saved in between, show both versions and let the user merge."""
    case, access = case_for(request.user, pk)
    if access != FULL:
        raise Http404
    conflict = None
    if request.method == "POST":
        form = StaffCaseForm(request.POST, editing=True)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                case_update(
                    case=case,
                    data=data,
                    themes=data["themes"],
                    support_kinds=data["support_kinds"],
                    expected_version=data.get("version") or 0,
                    by=request.user,
                )
            except CaseConflict as clash:
                conflict = _initial(clash.current)
                # The form keeps what this user typed; the next save is based on the saved version.
                mutable = request.POST.copy()
                mutable["version"] = clash.current.version
                form = StaffCaseForm(mutable, editing=True)
                form.is_valid()
            else:
                return redirect("support_case", pk=case.pk)
    else:
        _audit(case, request.user, AuditAction.READ, "edit form")
        form = StaffCaseForm(initial=_initial(case), editing=True)
    return TemplateResponse(
        request,
        "support/admin/case_edit.html",
        {
            "page_title": _("Change question %(reference)s") % {"reference": case.reference},
            "header_icon": "edit",
            "case": case,
            "form": form,
            "conflict": conflict,
            "conflict_rows": _conflict_rows(form, conflict) if conflict else [],
        },
        status=409 if conflict else (400 if form.errors else 200),
    )


def _conflict_rows(form, saved):
    rows = []
    for name, value in saved.items():
        if name == "version" or name not in form.fields:
            continue
        mine = form.cleaned_data.get(name) if form.is_bound and hasattr(form, "cleaned_data") else None
        if name in ("themes",):
            value, mine = ", ".join(map(str, value)), ", ".join(map(str, mine or []))
        if str(mine if mine is not None else "") != str(value if value is not None else ""):
            rows.append({"label": form.fields[name].label, "saved": value, "mine": mine})
    return rows


@require_GET
def workload(request):
    """Open and urgent questions per consultant, for coordinators; no contents."""
    if not support_point_ids_for(request.user, Action.CASE_ASSIGN):
        raise Http404
    return TemplateResponse(
        request,
        "support/admin/workload.html",
        {"page_title": _("Workload"), "header_icon": "group", "rows": workload_for(request.user)},
    )


def _full_case(request, pk):
    case, access = case_for(request.user, pk)
    if access != FULL:
        raise Http404
    return case


@require_GET
def requester_data(request, pk):
    """Export or erase everything about this question's requester (AVG: inzage and vergetelheid)."""
    case = _full_case(request, pk)
    cases = list(requester_cases(case, user=request.user))
    for item in cases:
        _audit(item, request.user, AuditAction.READ, "requester data page")
    return TemplateResponse(
        request,
        "support/admin/requester_data.html",
        {
            "page_title": _("Data of the requester of %(reference)s") % {"reference": case.reference},
            "header_icon": "user",
            "case": case,
            "cases": cases,
        },
    )


@require_GET
def requester_data_download(request, pk, kind):
    if kind not in ("json", "pdf"):
        raise Http404
    case = _full_case(request, pk)
    cases = requester_cases(case, user=request.user)
    if kind == "json":
        response = HttpResponse(
            requester_export_json(case, cases, by=request.user),
            content_type="application/json; charset=utf-8",
        )
    else:
        response = HttpResponse(
            requester_export_pdf(case, cases, by=request.user),
            content_type="application/pdf",
        )
    response["Content-Disposition"] = f'attachment; filename="gegevens-{case.reference}.{kind}"'
    return response


@require_POST
def requester_data_erase(request, pk):
    case = _full_case(request, pk)
    if request.POST.get("confirm") != "yes":
        return TemplateResponse(
            request,
            "support/admin/requester_data.html",
            {
                "page_title": _("Data of the requester of %(reference)s") % {"reference": case.reference},
                "header_icon": "user",
                "case": case,
                "cases": requester_cases(case, user=request.user),
                "error": _("Tick the box to confirm that the requester asked for this."),
            },
            status=400,
        )
    count = requester_erase(case=case, by=request.user)
    messages.success(
        request,
        ngettext(
            "The personal data of %(count)s question has been erased.",
            "The personal data of %(count)s questions has been erased.",
            count,
        )
        % {"count": count},
    )
    return redirect("support_inbox")
