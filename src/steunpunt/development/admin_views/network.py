"""The network (partners, initiatives, working-group and sounding-board members) and the working
group's meetings. Contact details are personal data: each page that shows them writes an audit
record, in the same request."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ..choices import MemberKind
from ..forms import MeetingForm, MemberForm
from ..selectors import meetings_visible_to, network_visible_to
from ..services import (
    MEMBER_FIELDS,
    DevelopmentError,
    meeting_create,
    meeting_update,
    member_create,
    member_remove,
    member_update,
    network_shown,
)
from .common import chosen, long_date, page, redirect_for


@require_GET
def network(request):
    support_points, support_point = chosen(request)
    members = list(network_visible_to(request.user).filter(support_point=support_point))
    network_shown(members=members, by=request.user, where="network list")
    groups = [(kind, [m for m in members if m.kind == kind]) for kind in MemberKind]
    return page(
        request,
        "development/admin/network.html",
        _("Network of %(name)s") % {"name": support_point.name},
        support_points=support_points,
        support_point=support_point,
        groups=[(kind, rows) for kind, rows in groups if rows],
        count=len(members),
    )


def _member_form_page(request, form, title, support_point, *, member=None, error=None, support_points=()):
    return page(
        request,
        "development/admin/member_form.html",
        title,
        status=400 if (error or form.errors) else 200,
        support_point=support_point,
        support_points=support_points,
        form=form,
        all_forms=[form],
        member=member,
        error=error,
    )


@require_http_methods(["GET", "POST"])
def member_add(request):
    support_points, support_point = chosen(request)
    form = MemberForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            member_create(support_point=support_point, data=form.cleaned_data, by=request.user)
        except DevelopmentError as refusal:
            error = str(refusal)
        else:
            messages.success(request, _("Thank you. %(name)s is added to the network.") % form.cleaned_data)
            return redirect_for("development_network", support_point)
    return _member_form_page(
        request, form, _("Add to the network"), support_point, error=error, support_points=support_points
    )


def _member(request, pk):
    return get_object_or_404(network_visible_to(request.user).select_related("support_point"), pk=pk)


@require_http_methods(["GET", "POST"])
def member_edit(request, pk):
    member = _member(request, pk)
    form = MemberForm(request.POST or None, initial={name: getattr(member, name) for name in MEMBER_FIELDS})
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            member_update(member=member, data=form.cleaned_data, by=request.user)
        except DevelopmentError as refusal:
            error = str(refusal)
        else:
            messages.success(request, _("Thank you. The changes are saved."))
            return redirect_for("development_network", member.support_point)
    if request.method == "GET":
        # The form shows the stored contact details.
        network_shown(members=[member], by=request.user, where="edit form")
    return _member_form_page(
        request,
        form,
        _("Change %(name)s") % {"name": member.name},
        member.support_point,
        member=member,
        error=error,
    )


@require_http_methods(["GET", "POST"])
def member_delete(request, pk):
    member = _member(request, pk)
    support_point = member.support_point
    if request.method == "POST":
        name = member.name
        member_remove(member=member, by=request.user)
        messages.success(request, _("%(name)s is removed from the network.") % {"name": name})
        return redirect_for("development_network", support_point)
    return page(
        request,
        "development/admin/member_remove.html",
        _("Remove %(name)s") % {"name": member.name},
        support_point=support_point,
        member=member,
    )


# Working-group meetings.


@require_GET
def meetings(request):
    support_points, support_point = chosen(request)
    rows = meetings_visible_to(request.user).filter(support_point=support_point).prefetch_related("attendees")
    return page(
        request,
        "development/admin/meetings.html",
        _("Working group of %(name)s") % {"name": support_point.name},
        support_points=support_points,
        support_point=support_point,
        meetings=rows,
    )


def _meeting_form_page(request, form, title, support_point, *, meeting=None, error=None, support_points=()):
    return page(
        request,
        "development/admin/meeting_form.html",
        title,
        status=400 if (error or form.errors) else 200,
        support_point=support_point,
        support_points=support_points,
        form=form,
        all_forms=[form],
        meeting=meeting,
        error=error,
    )


def _members_of(request, support_point):
    return network_visible_to(request.user).filter(support_point=support_point)


@require_http_methods(["GET", "POST"])
def meeting_add(request):
    support_points, support_point = chosen(request)
    form = MeetingForm(
        request.POST or None,
        initial={"held_on": timezone.localdate()},
        members=_members_of(request, support_point),
    )
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_create(support_point=support_point, by=request.user, **form.cleaned_data)
        except DevelopmentError as refusal:
            error = str(refusal)
        else:
            messages.success(request, _("Thank you. The meeting is saved."))
            return redirect_for("development_meeting", support_point, meeting.pk)
    return _meeting_form_page(
        request, form, _("Record a meeting"), support_point, error=error, support_points=support_points
    )


def _meeting(request, pk):
    return get_object_or_404(meetings_visible_to(request.user).select_related("support_point"), pk=pk)


@require_GET
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    return page(
        request,
        "development/admin/meeting.html",
        _("Working group meeting of %(date)s") % {"date": long_date(meeting.held_on)},
        support_point=meeting.support_point,
        meeting=meeting,
        attendees=meeting.attendees.all(),
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = _meeting(request, pk)
    initial = {
        "held_on": meeting.held_on,
        "attendees": list(meeting.attendees.all()),
        "notes": meeting.notes,
        "decisions": meeting.decisions,
    }
    form = MeetingForm(
        request.POST or None, initial=initial, members=_members_of(request, meeting.support_point)
    )
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
        except DevelopmentError as refusal:
            error = str(refusal)
        else:
            messages.success(request, _("Thank you. The changes are saved."))
            return redirect_for("development_meeting", meeting.support_point, meeting.pk)
    return _meeting_form_page(
        request, form, _("Change the meeting"), meeting.support_point, meeting=meeting, error=error
    )
