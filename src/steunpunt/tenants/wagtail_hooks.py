from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import SupportPoint
from .permissions import SupportPointPermissionPolicy
from .views import SupportPointViewSet

register_permission_policy(SupportPoint, SupportPointPermissionPolicy(SupportPoint))


@hooks.register("register_admin_viewset")
def register_support_point_viewset():
    return SupportPointViewSet("support_points")
