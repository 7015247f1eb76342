"""Reads of the self-help content for the public tools."""

from wagtail.models import Page

from .models import DeadlineRule, Event, LetterTemplate, RouteStep


def route_steps(*, level, school_kind, subject):
    """The steps of the wegwijzer for this choice, in their order."""
    return [step for step in RouteStep.objects.all() if step.applies(level, school_kind, subject)]


def deadline_rules():
    """Every deadline rule, grouped by the date it counts from: ``[(event, label, [rules])]``."""
    rules = list(DeadlineRule.objects.all())
    return [
        (event, label, [rule for rule in rules if rule.event == event])
        for event, label in Event.choices
        if any(rule.event == event for rule in rules)
    ]


def letter_templates():
    return LetterTemplate.objects.all()


def live_article_slugs(slugs):
    """Of ``slugs``, those of a live page: a link to /informatie/<slug>/ is only made to an article
    that is there (pages are Wagtail's; the information app is not needed for this)."""
    wanted = {slug for slug in slugs if slug}
    if not wanted:
        return set()
    return set(
        Page.objects.live().public().filter(slug__in=wanted, depth__gt=2).values_list("slug", flat=True)
    )
