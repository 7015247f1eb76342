"""Wagtail publishes pages itself; this hands the event to the service that owns the rule."""

from django.dispatch import receiver
from wagtail.signals import page_published, workflow_approved

from .models import ArticlePage
from .services import supplement_checks_open, validation_complete


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    supplement_checks_open(article=instance)


@receiver(workflow_approved)
def validation_approved(sender, instance, **kwargs):
    if issubclass(getattr(instance.content_object, "specific_class", type(None)), ArticlePage):
        validation_complete(workflow_state=instance)
