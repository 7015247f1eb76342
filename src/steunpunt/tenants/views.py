"""Back-office screens for steunpunten: scoped to the acting user, writes through services."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import StaffInviteForm, SupportPointCreateForm
from .models import Membership, SupportPoint
from .policy import Action
from .selectors import support_points_for
from .services import membership_grant, membership_revoke, staff_invite


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return support_points_for(self.request.user, Action.SUPPORT_POINT_EDIT).select_related("site")


class ScopedEditView(generic.EditView):
    def get_queryset(self):
        # Another steunpunt's record answers 404, exactly like one that does not exist.
        return support_points_for(self.request.user, Action.SUPPORT_POINT_EDIT)


class CreateView(generic.CreateView):
    def save_instance(self):
        self.form.for_user = self.request.user
        return self.form.save()


class SupportPointViewSet(ModelViewSet):
    model = SupportPoint
    icon = "site"
    menu_label = _("Support points")
    menu_order = 800
    add_to_admin_menu = True
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    add_view_class = CreateView
    list_display = ["name", "site", "email", "phone"]
    search_fields = ["name"]
    inspect_view_enabled = False
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")], heading=_("Contact details")
        ),
        FieldPanel("brand_colour"),
        InlinePanel("opening_hours", label=_("Opening hours")),
        MultiFieldPanel(
            [
                FieldPanel("first_contact_days"),
                FieldPanel("urgent_first_contact_days"),
                FieldPanel("retention_months"),
                FieldPanel("report_threshold"),
            ],
            heading=_("Questions and privacy"),
        ),
    ]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=None, form_class=SupportPointCreateForm, **kwargs)


def _managed_memberships(user):
    return Membership.objects.filter(
        support_point__in=support_points_for(user, Action.MEMBERSHIP_MANAGE)
    ).select_related("user", "support_point")


class MembershipIndexView(generic.IndexView):
    def get_base_queryset(self):
        return _managed_memberships(self.request.user)


class MembershipCreateView(generic.CreateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs

    def save_instance(self):
        data = self.form.cleaned_data
        return staff_invite(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            support_point=data["support_point"],
            role=data["role"],
            by=self.request.user,
        )


class MembershipEditView(generic.EditView):
    """Changing a role is revoking the old one and granting the new one."""

    def get_queryset(self):
        return _managed_memberships(self.request.user)

    def save_instance(self):
        old = Membership.objects.get(pk=self.object.pk)
        new_role = self.form.cleaned_data["role"]
        if new_role == old.role:
            return old
        membership = membership_grant(
            user=old.user, support_point=old.support_point, role=new_role, by=self.request.user
        )
        membership_revoke(membership=old, by=self.request.user)
        return membership


class MembershipDeleteView(generic.DeleteView):
    def get_queryset(self):
        return _managed_memberships(self.request.user)

    def delete_action(self):
        membership_revoke(membership=self.object, by=self.request.user)


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Staff and roles")
    menu_order = 810
    add_to_admin_menu = True
    index_view_class = MembershipIndexView
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView
    list_display = ["user", "role", "support_point", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "user__last_name"]
    inspect_view_enabled = False
    copy_view_enabled = False
    form_fields = ["role"]

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(panel=None, form_class=StaffInviteForm, **kwargs)
