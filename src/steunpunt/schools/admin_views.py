"""Back office for schools as partners: the school contact person's own school (profile proposals, the
evaluation of the steunpunt), the editors' approval of proposals and the granting of the role. Every
lookup goes through the access layer (``selectors``); writes through ``services``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from steunpunt.tenants.policy import Action
from steunpunt.tenants.selectors import chosen_support_point, support_points_for

from .forms import DecisionForm, ProfileProposalForm, SchoolContactForm, SchoolEvaluationForm
from .models import ProposalStatus
from .selectors import (
    contact_grants,
    contacts_visible_to,
    grantable_schools,
    own_proposals,
    proposals_visible_to,
    schools_of_contact,
)
from .services import (
    ProposalError,
    evaluation_given,
    profile_decide,
    profile_propose,
    school_contact_grant,
    school_contact_revoke,
    school_evaluation_give,
)


def _posted(request, part="POST"):
    """The submitted data of a POST (also an empty one, which must show its errors), else ``None``."""
    return getattr(request, part) if request.method == "POST" else None


def _context(title, **extra):
    return {"page_title": title, "header_icon": "home", **extra}


def _my_school(request, pk, action):
    """The school ``pk`` if the user is its contact person with ``action``, and the grant; else 404."""
    school = get_object_or_404(schools_of_contact(request.user, action), pk=pk)
    grant = contact_grants(request.user, school, action).select_related("support_point").first()
    if grant is None:
        raise Http404
    return school, grant


@require_GET
def my_schools(request):
    """A school contact person's start: their school(s), the public profile, proposals and what to do."""
    schools = list(
        schools_of_contact(request.user, Action.SCHOOL_PROFILE_PROPOSE).prefetch_related("specialisms")
    )
    if not schools:
        raise Http404
    for school in schools:
        school.my_proposals = list(own_proposals(request.user, school)[:5])
        grant = contact_grants(request.user, school, Action.SCHOOL_EVALUATE).first()
        school.evaluated = grant is not None and evaluation_given(school, grant.support_point)
    return TemplateResponse(request, "schools/admin/mine.html", _context(_("My school"), schools=schools))


@require_http_methods(["GET", "POST"])
def propose_profile(request, pk):
    school, grant = _my_school(request, pk, Action.SCHOOL_PROFILE_PROPOSE)
    initial = {
        "specialisms": list(school.specialisms.all()),
        "support_profile_url": school.support_profile_url,
        "support_coordinator": school.support_coordinator,
        "parent_contact": school.parent_contact,
    }
    form = ProfileProposalForm(_posted(request), _posted(request, "FILES"), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        profile_propose(grant=grant, data=data, specialisms=data["specialisms"], by=request.user)
        messages.success(
            request,
            _(
                "Thank you. The steunpunt checks your proposal; "
                "the school's page changes once it is approved."
            ),
        )
        return redirect("schools_mine")
    return TemplateResponse(
        request,
        "schools/admin/propose.html",
        _context(
            _("Change the support profile of %(name)s") % {"name": school.name}, form=form, school=school
        ),
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def evaluate(request, pk):
    school, grant = _my_school(request, pk, Action.SCHOOL_EVALUATE)
    done = evaluation_given(school, grant.support_point)
    form = SchoolEvaluationForm(_posted(request))
    if request.method == "POST" and not done and form.is_valid():
        data = form.cleaned_data
        try:
            school_evaluation_give(
                grant=grant, reachable=data["reachable"], useful=data["useful"], remark=data["remark"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(
                request, _("Thank you for your opinion. It is shown without your school's name.")
            )
            return redirect("schools_mine")
    return TemplateResponse(
        request,
        "schools/admin/evaluate.html",
        _context(
            _("Your opinion of %(name)s") % {"name": grant.support_point.name},
            form=form,
            school=school,
            done=done,
            support_point=grant.support_point,
        ),
        status=400 if form.errors else 200,
    )


@require_GET
def proposals(request):
    """Editors: the proposals of school contact persons, waiting ones first."""
    if not support_points_for(request.user, Action.CONTENT_EDIT).exists():
        raise Http404
    listed = proposals_visible_to(request.user).select_related("school", "support_point", "proposed_by")
    status = request.GET.get("status", ProposalStatus.PROPOSED)
    if status in ProposalStatus.values:
        listed = listed.filter(status=status)
    return TemplateResponse(
        request,
        "schools/admin/proposals.html",
        _context(
            _("Proposed school profiles"),
            proposals=listed[:200],
            statuses=ProposalStatus.choices,
            status=status,
        ),
    )


@require_http_methods(["GET", "POST"])
def proposal_detail(request, pk):
    proposal = get_object_or_404(
        proposals_visible_to(request.user).select_related("school", "proposed_by", "decided_by"), pk=pk
    )
    form = DecisionForm(_posted(request))
    if request.method == "POST" and proposal.status == ProposalStatus.PROPOSED and form.is_valid():
        try:
            profile_decide(
                proposal=proposal,
                to=form.cleaned_data["decision"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ProposalError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, _("The decision is saved."))
            return redirect("schools_proposal", pk=proposal.pk)
    school = proposal.school
    return TemplateResponse(
        request,
        "schools/admin/proposal.html",
        _context(
            _("Proposal for %(name)s") % {"name": school.name},
            proposal=proposal,
            school=school,
            current_specialisms=list(school.specialisms.all()),
            proposed_specialisms=list(proposal.specialisms.all()),
            form=form,
        ),
        status=400 if form.errors else 200,
    )


@require_GET
def contacts(request):
    """Coordinators and administrators: who is school contact person of which school."""
    if not support_points_for(request.user, Action.MEMBERSHIP_MANAGE).exists():
        raise Http404
    listed = contacts_visible_to(request.user).select_related("school", "user", "support_point")
    return TemplateResponse(
        request, "schools/admin/contacts.html", _context(_("School contact persons"), contacts=listed)
    )


@require_http_methods(["GET", "POST"])
def contact_add(request):
    support_points = support_points_for(request.user, Action.MEMBERSHIP_MANAGE)
    support_point = chosen_support_point(support_points, request.POST.get("support_point"))
    if support_point is None:
        raise Http404
    form = SchoolContactForm(_posted(request), schools=grantable_schools(support_point))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            school_contact_grant(
                school=data["school"],
                support_point=support_point,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("school", error.messages[0])
        else:
            messages.success(request, _("The school contact person has been added."))
            return redirect("schools_contacts")
    return TemplateResponse(
        request,
        "schools/admin/contact_form.html",
        _context(
            _("New school contact person"), form=form, support_points=support_points, chosen=support_point
        ),
        status=400 if form.errors else 200,
    )


@require_POST
def contact_revoke(request, pk):
    contact = get_object_or_404(contacts_visible_to(request.user), pk=pk)
    school_contact_revoke(contact=contact, by=request.user)
    messages.success(request, _("The school contact person no longer acts for this school."))
    return redirect("schools_contacts")
