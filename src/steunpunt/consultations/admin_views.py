"""Staff cancel or move a booking: one page per booking, reached from the question and the bookings list.

Who may see a booking may manage it: the booking is looked up in the access layer's scope of the
bookings screen (``tenants/access.py``, declared on ``BookingViewSet``), so another steunpunt's
booking, or one outside the role, answers 404. Writes go through the services, which mail the person.
"""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from steunpunt.tenants.access import record_reads

from .forms import BookingCancelForm, BookingMoveForm
from .models import Booking
from .selectors import bookings_visible_to, free_slots_for_move
from .services import Refused, booking_cancel, booking_move


def bookings_managed_by(user):
    """The bookings ``user`` may see, and so cancel or move (whoever receives the steunpunt's questions,
    or handles the booking's case): the bookings screen's own selector."""
    return bookings_visible_to(user)


@require_http_methods(["GET", "POST"])
def booking_manage(request, pk):
    booking = get_object_or_404(
        bookings_managed_by(request.user).select_related("slot__support_point", "case"), pk=pk
    )
    move_form = BookingMoveForm(slots=free_slots_for_move(booking))
    cancel_form = BookingCancelForm()
    status, error = 200, None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "move":
                move_form = BookingMoveForm(request.POST, slots=free_slots_for_move(booking))
                if move_form.is_valid():
                    booking_move(booking=booking, slot=move_form.cleaned_data["slot"], by=request.user)
                    return redirect(
                        reverse("consultation_booking_manage", args=[booking.pk]) + "?gedaan=verplaatst"
                    )
            elif action == "cancel":
                cancel_form = BookingCancelForm(request.POST)
                if cancel_form.is_valid():
                    booking_cancel(booking=booking, by=request.user)
                    return redirect(
                        reverse("consultation_booking_manage", args=[booking.pk]) + "?gedaan=afgezegd"
                    )
            else:
                error = _("Choose whether you want to move or cancel the appointment.")
        except Refused as refusal:
            error = str(refusal)
        status = 400
    # The page shows the booker's name and contact details: read, whatever the answer.
    record_reads(
        request.user, Booking, [booking], steunpunt_field="slot__support_point", detail="manage page"
    )
    return TemplateResponse(
        request,
        "consultations/admin/booking_manage.html",
        {
            "page_title": _("Appointment at the consultation hour"),
            "header_icon": "time",
            "booking": booking,
            "move_form": move_form,
            "cancel_form": cancel_form,
            "error": error,
            "done": {
                "verplaatst": _("The appointment has been moved. The person got an e-mail."),
                "afgezegd": _("The appointment has been cancelled. The person got an e-mail."),
            }.get(request.GET.get("gedaan", "")),
            "can_change": booking.status == Booking.Status.BOOKED and not booking.slot.is_past,
        },
        status=status,
    )
