"""Fill a bench database with published national articles, fast but valid.

    .venv/bin/python bench/generate_articles.py --articles 50000 [--database-url URL]

Does nothing when the database already holds that many live articles. Otherwise:

1. the first ``--api-articles`` (200) new articles go through Wagtail's own API, as the test
   factories do (``library.add_child(instance=article)``, ``save_revision().publish()``); the
   background worker (``db_worker --batch``) then indexes them, as in production;
2. the rest are written in bulk, 1,000 a transaction, with what ``add_child`` and ``publish``
   would have written: treebeard ``path``/``depth``/``numchild``, ``url_path``, ``content_type``,
   ``locale``, ``live``, publication dates, one published revision each (``Revision.content``
   from ``serializable_data()``, so the admin can open and edit them), themes, sources and
   related articles; then the search index entries through the search backend's own
   ``add_items`` (the code ``update_index`` runs), and the library's ``numchild``; at the end the
   site search's own index (``information.search_index.rebuild``, as ``rebuild_search_index``).

Not written for bulk articles: log entries ("published by") and Wagtail's reference index
(admin "usage" counts). Neither is read by a public page.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
from dutch_text import DutchText

BATCH = 1000


def _spec(text, rng):
    """The field values of one article (youth and children versions now and then)."""
    title = text.title(3, 7)
    spec = {
        "title": title,
        "summary": " ".join(text.sentence() for _ in range(rng.randint(1, 2))),
        "body": text.body(),
    }
    if rng.random() < 0.4:
        spec |= {
            "youth_title": text.title(2, 5),
            "youth_summary": text.sentence(),
            "youth_body": text.body(sections=(1, 3)),
        }
    if rng.random() < 0.15:
        spec |= {
            "children_title": text.title(2, 4),
            "children_summary": text.sentence(),
            "children_body": text.body(sections=(1, 2)),
        }
    return spec


def _slug(title, number):
    from django.utils.text import slugify

    return f"{slugify(title)[:60].strip('-')}-{number}"


def _relations(rng, themes, article_ids):
    """Themes (1–2), sources (0–2) and related articles (0–3), as lists of plain values."""
    sources = [
        (f"Bron {rng.randint(1, 9999)}: wet of regeling", f"https://wetten.example/{rng.randint(1, 10**6)}")
        for _ in range(rng.randint(0, 2))
    ]
    related = rng.sample(article_ids, k=min(len(article_ids), rng.randint(0, 3)))
    return rng.sample(themes, k=rng.randint(1, 2)), sources, related


def _api_articles(library, count, next_number, text, rng, themes):
    """Create ``count`` articles one by one through Wagtail, like the test factories."""
    from steunpunt.information.models import ArticlePage, ArticleSource, RelatedArticle

    article_ids = list(ArticlePage.objects.values_list("pk", flat=True))
    for number in range(next_number, next_number + count):
        spec = _spec(text, rng)
        article = ArticlePage(slug=_slug(spec["title"], number), **spec)
        chosen, sources, related = _relations(rng, themes, article_ids)
        article.themes = chosen
        article.sources = [ArticleSource(title=t, url=u) for t, u in sources]
        article.related_links = [RelatedArticle(article_id=pk) for pk in related]
        library.add_child(instance=article)
        article.save_revision().publish()
        article_ids.append(article.pk)


def _bulk_batch(library, numbers, first_position, text, rng, themes, article_ids, content_types):
    """Write one batch of articles in bulk; returns the new ArticlePage objects (with pks)."""
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Page, Revision

    from steunpunt.information.models import ArticlePage, ArticleSource, RelatedArticle

    page_type, article_type = content_types
    now = timezone.now()
    articles, relations = [], []
    for offset, number in enumerate(numbers):
        spec = _spec(text, rng)
        slug = _slug(spec["title"], number)
        published = now - timedelta(days=rng.randint(1, 730), seconds=rng.randint(0, 86399))
        article = ArticlePage(
            slug=slug,
            draft_title=spec["title"],
            path=Page._get_path(library.path, library.depth + 1, first_position + offset),
            depth=library.depth + 1,
            numchild=0,
            url_path=f"{library.url_path}{slug}/",
            locale_id=library.locale_id,
            content_type=article_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            last_checked_at=published.date(),
            check_again_before=(published + timedelta(days=365)).date(),
            starter_text=False,
            **spec,
        )
        articles.append(article)
        relations.append(_relations(rng, themes, article_ids))

    # The page rows (wagtailcore_page), then the article rows that point at them.
    Page.objects.bulk_create(articles)
    for article in articles:
        article.page_ptr_id = article.id
    ArticlePage._base_manager._insert(articles, fields=ArticlePage._meta.local_concrete_fields)

    themes_through = ArticlePage.themes.through
    themes_through.objects.bulk_create(
        themes_through(articlepage_id=a.pk, theme_id=t.pk)
        for a, (chosen, _s, _r) in zip(articles, relations, strict=True)
        for t in chosen
    )
    ArticleSource.objects.bulk_create(
        ArticleSource(page_id=a.pk, sort_order=i, title=title, url=url)
        for a, (_t, sources, _r) in zip(articles, relations, strict=True)
        for i, (title, url) in enumerate(sources)
    )
    RelatedArticle.objects.bulk_create(
        RelatedArticle(page_id=a.pk, article_id=pk, sort_order=i)
        for a, (_t, _s, related) in zip(articles, relations, strict=True)
        for i, pk in enumerate(related)
    )

    # One published revision per article, with the content the admin would have saved.
    revisions = []
    for article, (chosen, sources, related) in zip(articles, relations, strict=True):
        article.themes = chosen
        article.sources = [ArticleSource(page_id=article.pk, title=t, url=u) for t, u in sources]
        article.related_links = [RelatedArticle(page_id=article.pk, article_id=pk) for pk in related]
        revisions.append(
            Revision(
                content_type=article_type,
                base_content_type=page_type,
                object_id=str(article.pk),
                created_at=article.last_published_at,
                object_str=article.title,
                content=article.serializable_data(),
            )
        )
    Revision.objects.bulk_create(revisions)
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE wagtailcore_page SET latest_revision_id = %s, live_revision_id = %s WHERE id = %s",
            [(r.pk, r.pk, a.pk) for a, r in zip(articles, revisions, strict=True)],
        )
    article_ids += [a.pk for a in articles]
    return articles


def generate(target, api_articles=200, seed=1):
    """Bring the number of live articles up to ``target``; print what was done and how long it took."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import Max
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from steunpunt.information.models import ArticlePage, InformationLibraryPage, Theme
    from steunpunt.information.services import library_ensure

    existing = ArticlePage.objects.live().count()
    if existing >= target:
        print(f"  {existing} live articles already: nothing to generate.", flush=True)
        return
    library = library_ensure()
    rng = random.Random(f"{seed}-{existing}")  # noqa: S311  (test data, not security)
    text = DutchText(rng)
    themes = list(Theme.objects.all())
    started = time.monotonic()
    number = existing
    missing = target - existing

    api_count = min(api_articles, missing)
    if api_count:
        _api_articles(library, api_count, number, text, rng, themes)
        number += api_count
        print(
            f"  {api_count} articles through Wagtail's API in {time.monotonic() - started:.0f} s", flush=True
        )
        step = time.monotonic()
        common.manage(
            "db_worker", "--batch", "--no-startup-delay", "-v", "0", db_url=os.environ["DATABASE_URL"]
        )
        print(
            f"  background tasks (search index, references) done in {time.monotonic() - step:.0f} s",
            flush=True,
        )

    step = time.monotonic()
    content_types = (ContentType.objects.get_for_model(Page), ContentType.objects.get_for_model(ArticlePage))
    article_ids = list(ArticlePage.objects.values_list("pk", flat=True))
    backend = get_search_backend()
    index = backend.get_index_for_model(ArticlePage)
    while number < target:
        count = min(BATCH, target - number)
        with transaction.atomic():
            library = InformationLibraryPage.objects.select_for_update().get(pk=library.pk)
            last_path = Page.objects.filter(path__startswith=library.path, depth=library.depth + 1).aggregate(
                last=Max("path")
            )["last"]
            first_position = Page._str2int(last_path[-Page.steplen :]) + 1 if last_path else 1
            articles = _bulk_batch(
                library,
                range(number, number + count),
                first_position,
                text,
                rng,
                themes,
                article_ids,
                content_types,
            )
            index.add_items(ArticlePage, articles)
            Page.objects.filter(pk=library.pk).update(numchild=library.get_children().count())
        number += count
        if number % 10_000 < BATCH or number == target:
            rate = (number - existing - api_count) / (time.monotonic() - step)
            print(f"  {number} articles ({rate:.0f} a second in bulk)", flush=True)
    # The site search's own index (information.search_index): built once for all bulk articles;
    # the articles made through Wagtail's API were indexed when they were published.
    from steunpunt.information.search_index import rebuild

    step = time.monotonic()
    rebuild()
    print(f"  site search index built in {time.monotonic() - step:.0f} s", flush=True)
    print(
        f"  generated {target - existing} articles in {time.monotonic() - started:.0f} s; "
        f"{ArticlePage.objects.live().count()} live articles now",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="live articles wanted in all")
    parser.add_argument("--api-articles", type=int, default=200, help="how many go through Wagtail's API")
    parser.add_argument("--database-url", default=common.database_url())
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    common.setup_django(args.database_url)
    generate(args.articles, api_articles=args.api_articles, seed=args.seed)


if __name__ == "__main__":
    main()
