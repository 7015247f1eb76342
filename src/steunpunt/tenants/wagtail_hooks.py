from wagtail import hooks

from .views import MembershipViewSet, SupportPointViewSet


@hooks.register("register_admin_viewset")
def register_support_point_viewset():
    return SupportPointViewSet("support_points")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")


# Wagtail's own help links (its English editor guide, "what's new") are not for a steunpunt's staff.
WAGTAIL_HELP_ITEMS = {"editor-guide"}


@hooks.register("construct_help_menu")
def hide_wagtail_help_items(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in WAGTAIL_HELP_ITEMS and not item.name.startswith("whats-new")
    ]
