"""Wagtail permission policy for steunpunten, answered by the one tenants policy."""

from wagtail.permission_policies.base import BasePermissionPolicy

from .models import SupportPoint
from .policy import Action, can
from .selectors import support_points_for

EDIT_ACTIONS = {"change", "view"}


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
