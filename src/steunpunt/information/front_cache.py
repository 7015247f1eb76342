"""What the front cache purges when information changes (registered with :mod:`steunpunt.core.front_cache`
in ``apps.py``): a national article on every steunpunt's site, a regional supplement on its own."""

from steunpunt.core import front_cache

from .audiences import URL_SEGMENTS, Audience


def article_urls(article, roots):
    """The addresses that show ``article`` on each site of ``roots``: its versions and the lists of it."""
    paths = [f"/informatie/{article.slug}/"]
    # Every version, also one the new revision dropped.
    paths += [f"/informatie/{article.slug}/{URL_SEGMENTS[a]}/" for a in (Audience.YOUTH, Audience.CHILDREN)]
    paths += ["/informatie/", "/"]
    paths += [f"/informatie/?thema={slug}" for slug in article.themes.values_list("slug", flat=True)]
    return [root + path for root in roots for path in paths]


def article_page_urls(article):
    return article_urls(article, front_cache.support_point_roots())


def supplement_changed(sender, instance, **kwargs):
    """A regional supplement shows on its article's pages on its own steunpunt's site only."""
    if not front_cache.enabled():
        return
    from steunpunt.tenants.models import SupportPoint

    from .models import ArticlePage

    # (When the article itself is being deleted, its unpublishing purges it.)
    article = ArticlePage.objects.filter(pk=instance.article_id).first()
    if article is not None:
        support_point = SupportPoint.objects.filter(pk=instance.support_point_id).select_related("site")
        front_cache.purge(article_urls(article, front_cache.support_point_roots(support_point)))


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    from .models import ArticlePage, RegionalSupplement

    front_cache.register_page_urls(ArticlePage, article_page_urls)
    post_save.connect(
        supplement_changed, sender=RegionalSupplement, dispatch_uid="front-cache-supplement-save"
    )
    post_delete.connect(
        supplement_changed, sender=RegionalSupplement, dispatch_uid="front-cache-supplement-delete"
    )
