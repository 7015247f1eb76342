"""The back office for questions: inbox, a case page with its actions, new questions, workload.

Every view reads through :mod:`.selectors` (another steunpunt's case or a role without case
access answers 404) and writes through :mod:`.services`.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from steunpunt.core.languages import language_choices
from steunpunt.privacy.export import requester_export_json, requester_export_pdf
from steunpunt.privacy.models import AuditAction
from steunpunt.privacy.services import audit
from steunpunt.schools.selectors import contact_grants, schools_of_contact
from steunpunt.socialmap.models import Organisation
from steunpunt.tenants.access import record_reads
from steunpunt.tenants.policy import CASE_ACTIONS, Action, support_point_ids_for
from steunpunt.tenants.selectors import chosen_support_point

from .attachments import AttachmentRefused
from .forms import (
    AssignForm,
    ContactForm,
    ReferralForm,
    ReferralOutcomeForm,
    ReminderForm,
    ReplyForm,
    SchoolReferralForm,
    StaffCaseForm,
    TransitionForm,
)
from .inbox_rows import InboxRows
from .models import Attachment, Case, CaseStatus, Channel, Referral, Reminder, RequesterKind
from .retention import requester_cases, requester_erase
from .selectors import (
    FULL,
    INTERPRETER,
    assignable_for,
    can_assign,
    case_for,
    case_timeline,
    cases_listed_for,
    cases_readable_by,
    inbox_cases,
    may_enter_questions,
    person_labels,
    school_referral_dates,
    support_points_receiving,
    waiting_since,
    with_waiting,
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
    school_referral_submit,
)
from .states import allowed_next

PAGE_SIZE = 50


def _require_case_role(user):
    """Raise Http404 for anyone without a case role at any steunpunt (board, editors, …)."""
    if not any(support_point_ids_for(user, action) for action in CASE_ACTIONS):
        raise Http404


class CountedPaginator(Paginator):
    """A paginator that counts ``counted`` (the same rows, without what only the shown page needs:
    the last-message times, the consultant, the themes) instead of counting its list."""

    def __init__(self, object_list, per_page, *, counted, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.counted = counted

    @cached_property
    def count(self):
        return self.counted.order_by().count()

    def page(self, number):
        """The page's rows in two steps: the keys of the page from ``counted`` (in its order; on
        PostgreSQL from the inbox's covering index alone, without reading the thousands of rows it
        sorts), then the whole rows of those keys from the list, in that order."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.counted.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=keys).order_by()}
        # A row that left the list between the two reads (closed meanwhile) is left out.
        return self._get_page([rows[key] for key in keys if key in rows], number, self)


def _choice_labels():
    """The labels of the inbox's coded columns, ``{field: {value: label}}``, in the active language:
    translated once for the page instead of once per row (``get_…_display()`` translates every
    choice of its field on each call)."""
    return {
        "requester_kind": {value: str(label) for value, label in RequesterKind.choices},
        "channel": {value: str(label) for value, label in Channel.choices},
        "status": {value: str(label) for value, label in CaseStatus.choices},
        "language": {value: str(label) for value, label in language_choices()},
    }


INBOX_FILTERS = {"mijn": "mine", "urgent": "urgent", "te_laat": "overdue"}
# The inbox's language filter: one language, or "tolk" for every question that needs an interpreter.
LANGUAGE_FILTERS = {*(code for code, _label in language_choices()), INTERPRETER}


@require_GET
def inbox(request):
    """Open questions for triage: first contact overdue first, then urgent, then the longest waiting;
    filters for status, mine, urgent and overdue; search in the readable ones."""
    user = request.user
    _require_case_role(user)
    status = request.GET.get("status", "open")
    query = " ".join(request.GET.get("q", "")[:100].split())
    filters = {name: bool(request.GET.get(key)) for key, name in INBOX_FILTERS.items()}
    language = request.GET.get("taal", "")
    if language not in LANGUAGE_FILTERS:
        language = ""
    listed = inbox_cases(user, status=status, query=query, language=language, **filters)
    # The themes as a list on each case (``theme_list``): no related manager per row to reach them.
    cases = with_waiting(
        listed.select_related("assigned_to", "support_point").prefetch_related(
            Prefetch("themes", to_attr="theme_list")
        )
    )
    page = CountedPaginator(cases, PAGE_SIZE, counted=listed).get_page(request.GET.get("pagina"))
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
    labels = {}
    for support_point_id in {case.support_point_id for case in page}:
        labels.update(
            person_labels(
                support_point_id, [c.assigned_to for c in page if c.support_point_id == support_point_id]
            )
        )
    now = timezone.now()
    choices = _choice_labels()
    interpreter = _("interpreter")
    can_see_workload = bool(support_point_ids_for(user, Action.CASE_ASSIGN))
    table = InboxRows(now=now, may_assign=can_see_workload)

    def shown(field, value):
        return choices[field].get(value, value)

    rows = []
    for case in page:
        # As Case.language_summary writes it ("Arabisch · tolk").
        spoken = shown("language", case.language)
        row = {
            "case": case,
            "readable": case.pk in readable_ids,
            "waiting_since": waiting_since(case),
            "overdue": bool(case.late),
            "consultant": labels.get(case.assigned_to_id, ""),
            "requester_kind": shown("requester_kind", case.requester_kind),
            "channel": shown("channel", case.channel),
            "language": f"{spoken} · {interpreter}" if case.interpreter_needed else spoken,
            "status": shown("status", case.status),
        }
        row["cells"] = table.cells(row)
        rows.append(row)
    # The preview shows the question (personal data): one audit record per case shown, in one statement.
    record_reads(user, Case, [row["case"] for row in rows if row["readable"]], detail="inbox preview")
    kept = {key: "1" for key in INBOX_FILTERS if request.GET.get(key)}
    kept.update(
        {"status": status, **({"q": query} if query else {}), **({"taal": language} if language else {})}
    )
    return TemplateResponse(
        request,
        "support/admin/inbox.html",
        {
            "page_title": _("Questions"),
            "header_icon": "mail",
            "cases": page,
            "rows": rows,
            "status": status,
            "statuses": list(choices["status"].items()),
            "query": query,
            "filters": {key: bool(request.GET.get(key)) for key in INBOX_FILTERS},
            "language": language,
            "languages": list(choices["language"].items()),
            "kept_query": urlencode(kept),
            "can_create": may_enter_questions(user),
            "can_see_workload": can_see_workload,
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


def _organisations(case):
    return Organisation.objects.filter(Q(support_point__isnull=True) | Q(support_point=case.support_point_id))


def _detail(request, case, access, status=200, **forms):
    """The case page: the question and the latest message on top, one timeline, the actions beside it.

    Always rendered on the case's own address (``support_case``): a form with errors comes back here
    with status 400, so a reload asks for the page again instead of landing on an action's address."""
    user = request.user
    full = access == FULL
    # The page shows the question and the requester's details: read, also when a form comes back.
    _audit(case, user, AuditAction.READ, "case page" if full else "intake")
    timeline = case_timeline(case, access)
    people = {getattr(entry["object"], "by", None) for entry in timeline}
    people |= {getattr(entry["object"], "author", None) for entry in timeline}
    show_assign = can_assign(user, case)
    consultants = list(assignable_for(user, case)) if show_assign else []
    # One look-up for every person on the page, by name and role.
    labels = person_labels(case.support_point_id, [*people, *consultants, case.assigned_to])
    messages_only = [entry["object"] for entry in timeline if entry["kind"] == "message"]
    context = {
        "page_title": case.reference,
        "header_icon": "mail",
        "case": case,
        "full": full,
        "timeline": timeline,
        "labels": labels,
        "latest_message": messages_only[-1] if messages_only else None,
        "consultant_label": labels.get(case.assigned_to_id, ""),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "next_statuses": [(s, CaseStatus(s).label) for s in allowed_next(case.status)],
        "transition_form": forms.get("transition_form") or TransitionForm(),
        "can_assign": show_assign,
        "error": forms.get("error"),
        "open_action": forms.get("open_action", ""),
    }
    if show_assign:
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            initial={"consultant": case.assigned_to},
            consultants=assignable_for(user, case),
            labels=labels,
            listed=consultants,
        )
    if full:
        context.update(
            referrals=[entry["object"] for entry in timeline if entry["kind"] == "referral"],
            support_given=case.support_given.all(),
            themes=case.themes.all(),
            contact_form=forms.get("contact_form")
            or ContactForm(initial={"on": timezone.localdate(), "channel": "phone"}),
            referral_form=forms.get("referral_form")
            or ReferralForm(organisations=_organisations(case), auto_id="referral_%s"),
            reminder_form=forms.get("reminder_form") or ReminderForm(auto_id="reminder_%s"),
            referral_outcome_form=ReferralOutcomeForm(),
            minutes=sum(entry["object"].minutes for entry in timeline if entry["kind"] == "contact"),
            bookings=case.consultation_bookings.select_related("slot"),
        )
    return TemplateResponse(request, "support/admin/case.html", context, status=status)


def _message(request, case, access):
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, case, access, status=400, reply_form=form, open_action="message")
    try:
        message_from_staff(
            case=case, body=form.cleaned_data["body"], files=form.cleaned_data["files"], by=request.user
        )
    except AttachmentRefused as refusal:
        form.add_error("files", str(refusal))
        return _detail(request, case, access, status=400, reply_form=form, open_action="message")
    return redirect("support_case", pk=case.pk)


def _status(request, case, access):
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
            return _detail(
                request,
                case,
                access,
                status=400,
                transition_form=form,
                error=str(refusal),
                open_action="status",
            )
        return redirect("support_case", pk=case.pk)
    return _detail(request, case, access, status=400, transition_form=form, open_action="status")


def _contact(request, case, access):
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _detail(request, case, access, status=400, contact_form=form, open_action="contact")
    contact_add(case=case, by=request.user, **form.cleaned_data)
    return redirect("support_case", pk=case.pk)


def _referral(request, case, access):
    form = ReferralForm(request.POST, organisations=_organisations(case), auto_id="referral_%s")
    if form.is_valid():
        try:
            referral_add(case=case, by=request.user, **form.cleaned_data)
        except TransitionNotAllowed as refusal:
            form.add_error("consent", str(refusal))
        else:
            return redirect("support_case", pk=case.pk)
    return _detail(request, case, access, status=400, referral_form=form, open_action="referral")


def _reminder(request, case, access):
    form = ReminderForm(request.POST, auto_id="reminder_%s")
    if not form.is_valid():
        return _detail(request, case, access, status=400, reminder_form=form, open_action="reminder")
    reminder_add(case=case, by=request.user, **form.cleaned_data)
    return redirect("support_case", pk=case.pk)


# The actions of the case page; each form posts to the case's own address with its ``action``.
ACTIONS = {
    "message": (_message, False),
    "status": (_status, True),
    "contact": (_contact, True),
    "referral": (_referral, True),
    "reminder": (_reminder, True),
}


def _act(request, pk, name):
    handler, full_only = ACTIONS[name]
    case, access = case_for(request.user, pk)
    if full_only and access != FULL:
        raise Http404
    return handler(request, case, access)


@require_http_methods(["GET", "POST"])
def case_detail(request, pk):
    if request.method == "POST":
        name = request.POST.get("action", "")
        if name not in ACTIONS:
            case, access = case_for(request.user, pk)
            return _detail(
                request,
                case,
                access,
                status=400,
                error=_("This action does not exist. Choose one on the page."),
            )
        return _act(request, pk, name)
    case, access = case_for(request.user, pk)
    return _detail(request, case, access)


def _action_view(name):
    """The older address of one action (``…/bericht/`` etc.): a POST works as on the case page, a GET
    (a reload, a bookmark) goes to the case page instead of answering 405."""

    @require_http_methods(["GET", "POST"])
    def view(request, pk):
        if request.method == "GET":
            case_for(request.user, pk)
            return redirect("support_case", pk=pk)
        return _act(request, pk, name)

    view.__name__ = f"case_{name}"
    return view


case_message = _action_view("message")
case_status = _action_view("status")
case_contact = _action_view("contact")
case_referral = _action_view("referral")
case_reminder = _action_view("reminder")


@require_GET
def case_attachment(request, pk, attachment_pk):
    """A file sent with a message, for whoever may read the case (``case_for``: 404 for anyone else);
    every download is written to the audit log."""
    case, _access = case_for(request.user, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, message__case=case)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    _audit(case, request.user, AuditAction.READ, f"attachment {attachment.pk}")
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def case_assign_view(request, pk):
    """Assign a question. Coordinators see only its number, dates and themes here, not its contents."""
    case = get_object_or_404(cases_listed_for(request.user).select_related("support_point"), pk=pk)
    if not can_assign(request.user, case):
        raise Http404
    consultants = assignable_for(request.user, case)
    form = AssignForm(
        request.POST or None,
        consultants=consultants,
        labels=person_labels(case.support_point_id, [*consultants, case.assigned_to]),
    )
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
            "consultant_label": person_labels(case.support_point_id, [case.assigned_to]).get(
                case.assigned_to_id, ""
            ),
            "readable": cases_readable_by(request.user).filter(pk=case.pk).exists(),
        },
        status=400 if form.errors else 200,
    )


def _case_post(request, pk, *, full_only=False):
    case, access = case_for(request.user, pk)
    if full_only and access != FULL:
        raise Http404
    return case, access


@require_POST
def case_referral_outcome(request, pk, referral_pk):
    case, _access = _case_post(request, pk, full_only=True)
    referral = get_object_or_404(Referral, pk=referral_pk, case=case)
    form = ReferralOutcomeForm(request.POST)
    if form.is_valid():
        referral_outcome_set(referral=referral, outcome=form.cleaned_data["outcome"], by=request.user)
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
        "language": case.language,
        "interpreter_needed": case.interpreter_needed,
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


@require_http_methods(["GET", "POST"])
def school_referral(request, pk):
    """A school contact person refers a family to the steunpunt (warm referral). Afterwards the school
    sees that the referral arrived and when, nothing of the case."""
    school = get_object_or_404(schools_of_contact(request.user, Action.SCHOOL_REFER), pk=pk)
    grant = contact_grants(request.user, school, Action.SCHOOL_REFER).select_related("support_point").first()
    if grant is None:
        raise Http404
    form = SchoolReferralForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        school_referral_submit(
            school=school,
            support_point=grant.support_point,
            by=request.user,
            data=form.cleaned_data,
            consent_statement=str(form.fields["consent"].label),
        )
        messages.success(
            request,
            _(
                "The referral has arrived at %(name)s. "
                "The steunpunt contacts the parent; you will not hear more."
            )
            % {"name": grant.support_point.name},
        )
        return redirect("support_school_referral", pk=school.pk)
    return TemplateResponse(
        request,
        "support/admin/school_referral.html",
        {
            "page_title": _("Refer a family: %(name)s") % {"name": school.name},
            "header_icon": "mail",
            "form": form,
            "school": school,
            "support_point": grant.support_point,
            "arrived": school_referral_dates(request.user, school),
        },
        status=400 if form.errors else 200,
    )
