from wagtail.admin.ui.components import Component

from steunpunt.tenants.policy import CASE_ACTIONS, support_point_ids_for

from .selectors import dashboard_for


class CaseWorkPanel(Component):
    """Dashboard for case workers: new and overdue questions, their own open ones, reminders due today."""

    name = "case_work"
    template_name = "support/admin/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.show = any(support_point_ids_for(request.user, action) for action in CASE_ACTIONS)
        self.figures = dashboard_for(request.user) if self.show else {}

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(self.figures)
        return context

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.show else ""
