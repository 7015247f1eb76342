from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from steunpunt.tenants.policy import Action, can
from steunpunt.tenants.selectors import support_points_for

from .models import Meeting, Registration


def _meetings_of(user):
    return Meeting.objects.filter(support_point__in=support_points_for(user, Action.MEETING_MANAGE))


def _registrations_of(user):
    return Registration.objects.filter(meeting__in=_meetings_of(user)).select_related("meeting")


class MeetingPolicy(BasePermissionPolicy):
    """Volunteers, editors and coordinators organise their own steunpunt's meetings."""

    actions = {"add", "change", "delete", "view"}

    def user_has_permission(self, user, action):
        return action in self.actions and can(user, Action.MEETING_MANAGE)

    def user_has_permission_for_instance(self, user, action, instance):
        support_point_id = getattr(instance, "support_point_id", None) or instance.meeting.support_point_id
        return action in self.actions and can(user, Action.MEETING_MANAGE, support_point_id)

    def instances_user_has_any_permission_for(self, user, actions):
        return _meetings_of(user) if self.model is Meeting else _registrations_of(user)


class RegistrationPolicy(MeetingPolicy):
    actions = {"view"}


class MeetingForm(forms.ModelForm):
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = [
            "support_point",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "capacity",
        ]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_point"].queryset = support_points_for(for_user, Action.MEETING_MANAGE)


class ScopedFormMixin:
    def get_queryset(self):
        return _meetings_of(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class MeetingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return _meetings_of(self.request.user).select_related("support_point")


class MeetingCreateView(ScopedFormMixin, generic.CreateView):
    pass


class MeetingEditView(ScopedFormMixin, generic.EditView):
    pass


class MeetingDeleteView(generic.DeleteView):
    def get_queryset(self):
        return _meetings_of(self.request.user)


class MeetingViewSet(ModelViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Meetings")
    index_view_class = MeetingIndexView
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    delete_view_class = MeetingDeleteView
    list_display = ["title", "starts_at", "capacity", "support_point"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return MeetingForm


class RegistrationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return _registrations_of(self.request.user)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "user"
    menu_label = _("Registrations")
    index_view_class = RegistrationIndexView
    list_display = ["name", "email", "status", "meeting", "registered_at"]
    list_filter = ["status", "meeting"]
    form_fields = ["status"]
    inspect_view_enabled = False
    copy_view_enabled = False


class MeetingsGroup(ModelViewSetGroup):
    menu_label = _("Meetings")
    menu_icon = "date"
    menu_order = 320
    items = [MeetingViewSet("meetings"), RegistrationViewSet("registrations")]


register_permission_policy(Meeting, MeetingPolicy(Meeting))
register_permission_policy(Registration, RegistrationPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_meetings():
    return MeetingsGroup()
