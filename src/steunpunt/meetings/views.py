from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from steunpunt.core.public_forms import protected
from steunpunt.core.site_languages import here

from .forms import RegistrationForm
from .models import Meeting, Registration
from .services import ics_for, registration_cancel, registration_create, status_message


def _meetings(request):
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    return Meeting.objects.filter(support_point=support_point).select_related("support_point")


@require_GET
def meeting_list(request):
    meetings = _meetings(request).filter(ends_at__gte=timezone.now())
    return TemplateResponse(request, "meetings/list.html", {"meetings": meetings})


@require_http_methods(["GET", "POST"])
@protected
def meeting_detail(request, pk):
    meeting = get_object_or_404(_meetings(request), pk=pk)
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if meeting.ends_at < timezone.now():
            raise Http404
        if form.is_valid():
            registration = registration_create(
                meeting=meeting,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
            )
            request.session["meeting_message"] = status_message(registration)
            return redirect(here(f"/bijeenkomsten/{meeting.pk}/#aanmelden"))
        status = 400
    taken = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
    context = {
        "meeting": meeting,
        "form": form,
        "places_left": max(0, meeting.capacity - taken),
        "message": request.session.pop("meeting_message", None) if hasattr(request, "session") else None,
    }
    return TemplateResponse(request, "meetings/detail.html", context, status=status)


@require_GET
def meeting_ics(request, pk):
    meeting = get_object_or_404(_meetings(request), pk=pk)
    response = HttpResponse(ics_for(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{meeting.pk}.ics"'
    return response


@require_http_methods(["GET", "POST"])
def registration_cancel_view(request, token):
    registration = get_object_or_404(Registration.objects.select_related("meeting"), token=token)
    if registration.meeting.support_point_id != getattr(getattr(request, "support_point", None), "pk", None):
        raise Http404
    done = registration.status == Registration.Status.CANCELLED
    if request.method == "POST" and not done:
        registration_cancel(registration=registration)
        done = True
    return TemplateResponse(request, "meetings/cancel.html", {"registration": registration, "done": done})
