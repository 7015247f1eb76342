"""The public self-help tools (/zelf-doen/): no account, nothing about the reader reaches the server.

The wegwijzer is a walk of links (GET with the school level, the kind of school and the subject:
choices, never personal data). The deadlines are counted, the letters filled in and the notes of the
conversation help kept in the reader's browser by static scripts; the pages only carry the content,
the deadline rules as JSON (``json_script``), never a form that posts.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from steunpunt.core.site_languages import here

from . import selectors
from .models import Level, SchoolKind, Status, Subject, Unit

PARAMETERS = (("niveau", Level), ("school", SchoolKind), ("onderwerp", Subject))


def _support_point(request):
    support_point = getattr(request, "support_point", None)
    if support_point is None:
        raise Http404
    return support_point


def _with_articles(items):
    slugs = selectors.live_article_slugs(item.article_slug for item in items)
    for item in items:
        item.article_url = here(f"/informatie/{item.article_slug}/") if item.article_slug in slugs else ""
    return items


@require_GET
def index(request):
    _support_point(request)
    return TemplateResponse(request, "selfhelp/index.html", {})


def _choice_url(chosen, name, value):
    query = [(key, chosen[key]) for key, _choices in PARAMETERS if key in chosen and key != name]
    query.append((name, value))
    return "?" + "&".join(f"{key}={val}" for key, val in query)


@require_GET
def route(request):
    """The wegwijzer: one question per page until the route can be shown; an unknown value is asked again."""
    _support_point(request)
    chosen, unknown = {}, False
    for name, choices in PARAMETERS:
        value = request.GET.get(name, "")
        if value in choices.values:
            chosen[name] = value
        elif value:
            unknown = True
    question = next(((name, choices) for name, choices in PARAMETERS if name not in chosen), None)
    context = {"unknown": unknown, "summary": []}
    for name, choices in PARAMETERS:
        if name in chosen:
            keep = "&".join(f"{key}={value}" for key, value in chosen.items() if key != name)
            context["summary"].append({"label": choices(chosen[name]).label, "change": f"?{keep}"})
    if question is not None:
        name, choices = question
        context["question"] = name
        context["options"] = [
            {"label": label, "url": _choice_url(chosen, name, value)} for value, label in choices.choices
        ]
    else:
        steps = _with_articles(
            selectors.route_steps(
                level=chosen["niveau"], school_kind=chosen["school"], subject=chosen["onderwerp"]
            )
        )
        context["steps"] = steps
        context["any_draft"] = any(step.is_draft for step in steps)
    return TemplateResponse(request, "selfhelp/route.html", context, status=400 if unknown else 200)


@require_GET
def deadlines(request):
    _support_point(request)
    groups = selectors.deadline_rules()
    rules = _with_articles([rule for _event, _label, event_rules in groups for rule in event_rules])
    data = [
        {
            "event": rule.event,
            "title": rule.title,
            "explanation": rule.explanation,
            "amount": rule.amount,
            "unit": rule.unit,
            "source": rule.source,
            "sourceUrl": rule.source_url,
            "sourceChecked": rule.source_checked,
            "draft": rule.is_draft,
            "articleUrl": rule.article_url,
        }
        for rule in rules
    ]
    return TemplateResponse(
        request,
        "selfhelp/deadlines.html",
        {
            "groups": groups,
            "rules_data": data,
            "units": dict(Unit.choices),
            "any_draft": any(r["draft"] for r in data),
        },
    )


@require_GET
def letters(request):
    _support_point(request)
    return TemplateResponse(request, "selfhelp/letters.html", {"letters": selectors.letter_templates()})


@require_GET
def letter(request, slug):
    _support_point(request)
    template = get_object_or_404(selectors.letter_templates(), slug=slug)
    _with_articles([template])
    return TemplateResponse(
        request,
        "selfhelp/letter.html",
        {"letter": template, "fields": template.fields(), "validated": template.status == Status.VALIDATED},
    )


@require_GET
def conversation(request):
    _support_point(request)
    return TemplateResponse(request, "selfhelp/conversation.html", {})
