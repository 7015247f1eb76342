from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Membership, SupportPoint
from .permissions import MembershipPermissionPolicy, SupportPointPermissionPolicy
from .views import MembershipViewSet, SupportPointViewSet

register_permission_policy(SupportPoint, SupportPointPermissionPolicy(SupportPoint))
register_permission_policy(Membership, MembershipPermissionPolicy(Membership))


@hooks.register("register_admin_viewset")
def register_support_point_viewset():
    return SupportPointViewSet("support_points")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")
