"""Wagtail permission policy for steunpunten, answered by the one tenants policy."""

from wagtail.permission_policies.base import BasePermissionPolicy

from .models import SupportPoint
from .policy import Action, can
from .selectors import support_points_for

EDIT_ACTIONS = {"change", "view"}
INSTANCE_ACTIONS = {"change", "view", "delete"}


class SupportPointPermissionPolicy(BasePermissionPolicy):
    """Superusers add steunpunten; coordinators and administrators edit their own."""

    def user_has_permission(self, user, action):
        if action == "add":
            return can(user, Action.PLATFORM_MANAGE)
        if action in EDIT_ACTIONS:
            return can(user, Action.PLATFORM_MANAGE) or can(user, Action.SUPPORT_POINT_EDIT)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if action in EDIT_ACTIONS:
            return can(user, Action.PLATFORM_MANAGE) or can(user, Action.SUPPORT_POINT_EDIT, instance)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        if EDIT_ACTIONS & set(actions):
            return support_points_for(user, Action.SUPPORT_POINT_EDIT)
        return SupportPoint.objects.none()

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Ask the tenants policy per user instead.")


class MembershipPermissionPolicy(BasePermissionPolicy):
    """Coordinators and administrators grant and revoke roles at their own steunpunt."""

    def user_has_permission(self, user, action):
        return action in {"add", "view", "change", "delete"} and can(user, Action.MEMBERSHIP_MANAGE)

    def user_has_permission_for_instance(self, user, action, instance):
        return action in INSTANCE_ACTIONS and can(user, Action.MEMBERSHIP_MANAGE, instance.support_point_id)

    def instances_user_has_any_permission_for(self, user, actions):
        from .models import Membership

        if INSTANCE_ACTIONS & set(actions):
            return Membership.objects.filter(
                support_point__in=support_points_for(user, Action.MEMBERSHIP_MANAGE)
            )
        return Membership.objects.none()

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Ask the tenants policy per user instead.")
