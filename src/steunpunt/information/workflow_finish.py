"""What happens when a workflow completes (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Imported while Wagtail's models load: nothing from the ORM at module level.
"""


def workflow_finish(workflow_state, user=None):
    """Publish what the workflow approved; for a national article, through the validation service, for
    a translation of one, through the translation service (its reviewer approved).

    National articles and their translations cannot be published by hand
    (models.articles.ThroughValidationOnly), so the completed chain itself is the permission: the
    service publishes the revision that was checked.
    """
    from wagtail.models import Page
    from wagtail.workflows import publish_workflow_state

    from .models import ArticlePage
    from .services import validation_publish
    from .translation_services import is_translation, translation_publish

    is_page = workflow_state.base_content_type.model_class() is Page
    article = ArticlePage.objects.filter(pk=workflow_state.object_id).first() if is_page else None
    if article is not None and is_translation(article):
        translation_publish(workflow_state=workflow_state, user=user)
    elif article is not None:
        validation_publish(workflow_state=workflow_state, user=user)
    else:
        publish_workflow_state(workflow_state, user=user)
