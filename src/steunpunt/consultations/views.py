"""The public pages: free times, booking one, and the booker's own page (the link is the key)."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods

from steunpunt.core.address import for_requester_kind as address_for_requester_kind
from steunpunt.core.address import speaking
from steunpunt.core.public_forms import protected
from steunpunt.core.site_languages import here

from .forms import BookingForm
from .models import Booking
from .selectors import booking_for_token, booking_refusal, free_slots_by_day, slots_of
from .services import Refused, booking_calendar, booking_cancel, booking_link, slot_book


def _support_point(request):
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    return support_point


def _private(response):
    """The address holds the key to the booking: never cached, never sent on to other sites."""
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@require_GET
def slot_list(request):
    days = free_slots_by_day(_support_point(request))
    return TemplateResponse(request, "consultations/slot_list.html", {"days": days})


@require_http_methods(["GET", "POST"])
@protected
def slot_detail(request, pk):
    """One time with the booking form. A past or booked time, or bad input, answers 400 in Dutch."""
    slot = get_object_or_404(slots_of(_support_point(request)), pk=pk)
    form = BookingForm(request.POST if request.method == "POST" else None)
    refusal, status = booking_refusal(slot), 200
    if request.method == "POST":
        if not form.is_valid() or refusal is not None:
            status = 400
        else:
            try:
                booking = slot_book(slot=slot, data=form.cleaned_data)
            except Refused as error:
                refusal, status = str(error), 400
            else:
                return redirect(here(f"/spreekuur/afspraak/{booking.token}/?geboekt=1"))
    context = {
        "slot": slot,
        "form": form,
        "refusal": refusal,
    }
    return TemplateResponse(request, "consultations/slot_detail.html", context, status=status)


def _booking(request, token):
    booking = booking_for_token(_support_point(request), token)
    if booking is None:
        raise Http404
    return booking


@require_http_methods(["GET", "POST"])
def booking_detail(request, token):
    """The booker's page: the appointment, the calendar file, and a cancel button. Cancelling takes two
    steps without JavaScript: the button (POST) asks "are you sure?", the confirmation (POST with
    ``confirm=yes``) cancels, mails the person and goes back to this page (redirect after POST)."""
    booking = _booking(request, token)
    # A young person who booked is spoken to with "je" (core.address), here and in the mail.
    with speaking(address_for_requester_kind(booking.requester_kind)):
        error, status, confirming = None, 200, False
        if request.method == "POST":
            if request.POST.get("confirm") != "yes":
                confirming = booking.status == Booking.Status.BOOKED and not booking.slot.is_past
            else:
                try:
                    booking_cancel(booking=booking)
                except Refused as refusal:
                    error, status = str(refusal), 400
                else:
                    return redirect(here(f"/spreekuur/afspraak/{token}/?afgezegd=1"))
        context = {
            "booking": booking,
            "slot": booking.slot,
            "link": booking_link(booking),
            "just_booked": request.GET.get("geboekt") == "1",
            "just_cancelled": request.GET.get("afgezegd") == "1",
            "confirming": confirming,
            "error": error,
        }
        response = TemplateResponse(request, "consultations/booking.html", context, status=status).render()
    return _private(response)


@require_GET
def booking_ics(request, token):
    booking = _booking(request, token)
    if booking.status == Booking.Status.CANCELLED:
        raise Http404
    calendar = booking_calendar(booking, link=booking_link(booking))
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="spreekuur.ics"'
    return _private(response)
