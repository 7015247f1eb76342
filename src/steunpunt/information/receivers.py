"""Wagtail publishes pages itself; this hands the event to the service that owns the rule."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ArticlePage
from .services import supplement_checks_open


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    supplement_checks_open(article=instance)
