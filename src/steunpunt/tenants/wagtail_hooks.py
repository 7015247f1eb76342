from wagtail import hooks

from .views import MembershipViewSet, SupportPointViewSet


@hooks.register("register_admin_viewset")
def register_support_point_viewset():
    return SupportPointViewSet("support_points")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")
