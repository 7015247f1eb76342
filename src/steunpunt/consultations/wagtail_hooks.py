"""The back office: slots for whoever receives or handles questions; bookings only with case access.

Both lists start from the scoped selectors, so another steunpunt's slot or booking is never listed
and its edit or delete page answers 404. Writes go through the services.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import log
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from steunpunt.tenants.policy import Action, can

from .forms import SlotForm
from .models import Booking, ConsultationSlot
from .selectors import bookings_visible_to, slots_managed_by
from .services import SLOT_FIELDS, Refused, slot_create, slot_delete, slot_update


def _receives_or_handles(user, support_point=None):
    return can(user, Action.CASE_RECEIVE, support_point) or can(user, Action.CASE_HANDLE, support_point)


class SlotPolicy(BasePermissionPolicy):
    """Volunteers, consultants and coordinators manage their own steunpunt's slots."""

    def user_has_permission(self, user, action):
        return action in {"add", "change", "delete", "view"} and _receives_or_handles(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and _receives_or_handles(
            user, instance.support_point_id
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return slots_managed_by(user)


class BookingPolicy(BasePermissionPolicy):
    """Read only; whose bookings a user sees is decided by ``bookings_visible_to``."""

    def user_has_permission(self, user, action):
        return action == "view" and _receives_or_handles(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and bookings_visible_to(user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return bookings_visible_to(user)


class NotFoundWithoutAccess:
    """Whoever may not see these pages gets a 404, as for a case, instead of the admin's redirect."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None


class ScopedFormMixin(NotFoundWithoutAccess):
    def get_queryset(self):
        return slots_managed_by(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class SlotIndexView(NotFoundWithoutAccess, generic.IndexView):
    def get_base_queryset(self):
        return slots_managed_by(self.request.user)


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


class SlotDeleteView(NotFoundWithoutAccess, generic.DeleteView):
    def get_queryset(self):
        return slots_managed_by(self.request.user)

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


class SlotViewSet(ModelViewSet):
    model = ConsultationSlot
    icon = "time"
    menu_label = _("Times")
    url_prefix = "spreekuur/tijden"
    index_view_class = SlotIndexView
    add_view_class = SlotCreateView
    edit_view_class = SlotEditView
    delete_view_class = SlotDeleteView
    list_display = [
        "__str__",
        Column("where", accessor=lambda slot: slot.place or slot.online_url, label=_("Where")),
        BooleanColumn("is_booked", label=_("Booked")),
        "support_point",
    ]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return SlotForm


class BookingIndexView(NotFoundWithoutAccess, generic.IndexView):
    def get_base_queryset(self):
        return bookings_visible_to(self.request.user)


class BookingViewSet(ModelViewSet):
    model = Booking
    icon = "user"
    menu_label = _("Bookings")
    url_prefix = "spreekuur/afspraken"
    index_view_class = BookingIndexView
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
    # Read only: the policy grants "view" and nothing else; people cancel through their own link.
    form_fields = []
    inspect_view_enabled = False
    copy_view_enabled = False


class ConsultationsGroup(ModelViewSetGroup):
    menu_label = _("Consultation hours")
    menu_icon = "time"
    menu_order = 110
    items = [SlotViewSet("consultation_slots"), BookingViewSet("consultation_bookings")]


register_permission_policy(ConsultationSlot, SlotPolicy(ConsultationSlot))
register_permission_policy(Booking, BookingPolicy(Booking))


@hooks.register("register_admin_viewset")
def register_consultations():
    return ConsultationsGroup()
