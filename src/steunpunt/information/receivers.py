"""Wagtail publishes pages itself; this hands the event to the service that owns the rule."""

from django.dispatch import receiver
from wagtail.signals import page_published, workflow_approved

from .models import ArticlePage
from .services import supplement_checks_open, validation_complete
from .translation_services import is_translation, translations_source_changed


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    if is_translation(instance):
        return
    supplement_checks_open(article=instance)
    translations_source_changed(article=instance)


@receiver(workflow_approved)
def validation_approved(sender, instance, **kwargs):
    page = instance.content_object
    if issubclass(getattr(page, "specific_class", type(None)), ArticlePage) and not is_translation(page):
        validation_complete(workflow_state=instance)
