"""Loading the starter national set from ``starter/*.json``: every text marked as a draft."""

import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from .audiences import Audience
from .models import ArticlePage, ArticleSource, GlossaryTerm, RelatedArticle, SearchSynonym, Theme
from .services import library_ensure

STARTER_DIR = Path(__file__).resolve().parent / "starter"


def _stream(blocks):
    converted = []
    for block in blocks:
        if block["type"] == "list":
            converted.append(("list", [str(item) for item in block["items"]]))
        elif block["type"] in ("heading", "paragraph"):
            converted.append((block["type"], block["text"]))
    return converted


def _read(name):
    return json.loads((STARTER_DIR / name).read_text(encoding="utf-8"))


def starter_themes():
    """Return the starter themes (``starter/themes.json``)."""
    return _read("themes.json")


def starter_articles():
    """Return the starter articles, one file each in ``starter/articles/``, in their ``order``.

    One file per article lets editors and reviewers change one article without touching the rest.
    """
    files = sorted((STARTER_DIR / "articles").glob("*.json"))
    articles = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    return sorted(articles, key=lambda article: (article.get("order", 1000), article["slug"]))


@transaction.atomic
def load_starter_articles():
    """Create the themes and articles that do not exist yet; return how many articles were made.

    Existing articles are left alone, so an editor's work is never overwritten.
    """
    for theme in starter_themes():
        Theme.objects.get_or_create(
            slug=theme["slug"], defaults={"name": theme["name"], "description": theme.get("description", "")}
        )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    library = library_ensure()
    created = {}
    for spec in starter_articles():
        if ArticlePage.objects.dutch().filter(slug=spec["slug"]).exists():
            continue
        versions = spec["versions"]
        parents = versions[Audience.PARENTS]
        youth = versions.get(Audience.YOUTH) or {}
        children = versions.get(Audience.CHILDREN) or {}
        article = ArticlePage(
            title=parents["title"],
            slug=spec["slug"],
            summary=parents.get("summary", ""),
            body=_stream(parents["body"]),
            youth_title=youth.get("title", ""),
            youth_summary=youth.get("summary", ""),
            youth_body=_stream(youth.get("body", [])),
            children_title=children.get("title", ""),
            children_summary=children.get("summary", ""),
            children_body=_stream(children.get("body", [])),
            starter_text=True,
            check_again_before=timezone.localdate() + timezone.timedelta(days=90),
        )
        article.themes = [themes[slug] for slug in spec.get("themes", []) if slug in themes]
        article.sources = [
            ArticleSource(
                title=source["title"][:300],
                url=source.get("url", "")[:500],
                kind=source.get("kind", "official"),
            )
            for source in spec.get("sources", [])
        ]
        library.add_child(instance=article)
        article.save_revision().publish()
        created[spec["slug"]] = (article, spec.get("related", []))
    for article, related in created.values():
        targets = ArticlePage.objects.dutch().filter(slug__in=related)
        RelatedArticle.objects.bulk_create(
            RelatedArticle(page=article, article=target, sort_order=index)
            for index, target in enumerate(targets)
        )
    return len(created)


@transaction.atomic
def load_starter_glossary():
    """Create the glossary terms that do not exist yet; return how many were made."""
    created = 0
    for spec in _read("glossary.json"):
        _term, made = GlossaryTerm.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "term": spec["term"],
                "explanation": spec["explanation"],
                "explanation_youth": spec.get("explanation_youth", ""),
                "explanation_children": spec.get("explanation_children", ""),
                "also": "\n".join(spec.get("also", [])),
            },
        )
        created += made
    return created


@transaction.atomic
def load_starter_synonyms():
    """Create the search synonyms whose word does not exist yet; return how many were made."""
    created = 0
    for spec in _read("synonyms.json"):
        _synonym, made = SearchSynonym.objects.get_or_create(
            term=spec["term"].strip().lower(), defaults={"means": "\n".join(spec["means"])}
        )
        created += made
    return created
