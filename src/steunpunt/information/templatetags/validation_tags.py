"""The validation record (expert sources, reading-panel answers) in Wagtail's workflow history."""

from django import template

register = template.Library()


@register.inclusion_tag("information/admin/validation_record.html")
def validation_record_for(workflow_state):
    """Show what the expert recorded and the panel answered during one run of the validation chain."""
    from wagtail.models import Page

    from ..models import ArticlePage
    from ..selectors import validation_record

    is_page = workflow_state.base_content_type.model_class() is Page
    if not (is_page and ArticlePage.objects.filter(pk=workflow_state.object_id).exists()):
        return {"show": False}
    revision_ids = list(workflow_state.task_states.values_list("revision_id", flat=True))
    return {"show": True, **validation_record(workflow_state.object_id, revision_ids)}
