from django.contrib.auth.backends import ModelBackend

from .policy import Action, can


class RoleBackend(ModelBackend):
    """Django's model backend plus back-office access derived from steunpunt roles."""

    def has_perm(self, user_obj, perm, obj=None):
        if (
            perm == "wagtailadmin.access_admin"
            and user_obj.is_active
            and can(user_obj, Action.ACCESS_BACK_OFFICE)
        ):
            return True
        return super().has_perm(user_obj, perm, obj)
