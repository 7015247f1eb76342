"""The back office: slots for whoever receives or handles questions; bookings only with case access.

Both screens are declarations on the access layer (``tenants/access.py``): another steunpunt's slot
or booking is never listed and each of its pages answers 404. Writes go through the services.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.log_actions import log

from steunpunt.tenants.access import ScopedModelViewSet
from steunpunt.tenants.policy import Action

from .forms import SlotForm
from .models import Booking, ConsultationSlot
from .selectors import bookings_visible_to, with_booked_flag
from .services import SLOT_FIELDS, Refused, slot_create, slot_delete, slot_update


class SlotIndexView(generic.IndexView):
    def get_base_queryset(self):
        return with_booked_flag(super().get_base_queryset())


class ScopedFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class SlotCreateView(ScopedFormMixin, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        slots = slot_create(
            support_point=data["support_point"],
            data={name: data[name] for name in SLOT_FIELDS},
            by=self.request.user,
            repeat_weeks=data["repeat_weeks"],
        )
        for slot in slots:
            log(instance=slot, action="wagtail.create", user=self.request.user)
        return slots[0]


class SlotEditView(ScopedFormMixin, generic.EditView):
    def save_instance(self):
        slot = slot_update(
            slot=self.object, data={name: self.form.cleaned_data[name] for name in SLOT_FIELDS}
        )
        log(instance=slot, action="wagtail.edit", user=self.request.user)
        return slot

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except Refused as refusal:
            self.produced_error_message = str(refusal)
            return self.form_invalid(form)


class SlotDeleteView(generic.DeleteView):
    def delete_action(self):
        with transaction.atomic():
            log(instance=self.object, action="wagtail.delete", user=self.request.user)
            slot_delete(slot=self.object)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except Refused as refusal:
            messages.error(self.request, str(refusal))
            return redirect(self.index_url_name)


RECEIVES_OR_HANDLES = (Action.CASE_RECEIVE, Action.CASE_HANDLE)


class SlotViewSet(ScopedModelViewSet):
    """Volunteers, consultants and coordinators manage their own steunpunt's slots."""

    model = ConsultationSlot
    actions = dict.fromkeys(("view", "add", "change", "delete"), RECEIVES_OR_HANDLES)
    index_view_class = SlotIndexView
    icon = "time"
    menu_label = _("Times")
    url_prefix = "spreekuur/tijden"
    add_view_class = SlotCreateView
    edit_view_class = SlotEditView
    delete_view_class = SlotDeleteView
    list_display = [
        "__str__",
        Column("where", accessor=lambda slot: slot.place or slot.online_url, label=_("Where")),
        BooleanColumn("is_booked", label=_("Booked")),
        "support_point",
    ]

    def get_form_class(self, for_update=False):
        return SlotForm


class BookingViewSet(ScopedModelViewSet):
    """Read only; whose bookings a user sees is decided by ``bookings_visible_to`` (case access)."""

    model = Booking
    steunpunt_field = "slot__support_point"
    actions = {"view": RECEIVES_OR_HANDLES}
    selector = bookings_visible_to
    icon = "user"
    menu_label = _("Bookings")
    url_prefix = "spreekuur/afspraken"
    list_display = [
        "slot",
        "name",
        "email",
        "phone",
        "requester_kind",
        "status",
        Column("case", accessor="case.reference", label=_("Question")),
        Column("support_point", accessor="slot.support_point", label=_("Steunpunt")),
    ]
    list_filter = ["status"]
    # Read only: the declaration grants "view" and nothing else; people cancel through their own link.
    form_fields = []


class ConsultationsGroup(ModelViewSetGroup):
    menu_label = _("Consultation hours")
    menu_icon = "time"
    menu_order = 110
    items = [SlotViewSet("consultation_slots"), BookingViewSet("consultation_bookings")]


@hooks.register("register_admin_viewset")
def register_consultations():
    return ConsultationsGroup()


@hooks.register("register_admin_urls")
def register_booking_manage_url():
    from django.urls import path

    from .admin_views import booking_manage

    return [path("spreekuur/afspraak/<int:pk>/", booking_manage, name="consultation_booking_manage")]
