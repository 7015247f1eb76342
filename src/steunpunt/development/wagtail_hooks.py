"""The "Ontwikkeling" menu of the back office. Its pages register themselves into it with
``@hooks.register("register_development_menu_item")`` (apps development and ambitions)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

development_menu = Menu(
    register_hook_name="register_development_menu_item",
    construct_hook_name="construct_development_menu",
)


@hooks.register("register_admin_menu_item")
def register_development_menu():
    # Shown when one of its items is shown (each item checks the policy itself).
    return SubmenuMenuItem(_("Development"), development_menu, icon_name="tasks", order=140)
