"""The search's own index follows publishing: a published article's terms are in it with their
number of articles, an unpublished or deleted article's are not, and a rebuild gives the same."""

import pytest
from django.core.management import call_command

from steunpunt.information import analysis
from steunpunt.information.models import SearchPosting, SearchTerm

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def _articles_with(word):
    term = SearchTerm.objects.filter(term=analysis.stem(word)).first()
    return term.articles if term else 0


def _snapshot():
    return (
        sorted(SearchPosting.objects.values_list("term", "article_id", "weight")),
        sorted(SearchTerm.objects.filter(articles__gt=0).values_list("term", "articles")),
    )


def test_publishing_unpublishing_and_deleting_keep_the_index_current(platform):
    """Terms come with publishing and go with unpublishing and deleting; the counts follow."""
    first = ArticlePageFactory(title="Leerlingenvervoer", body=[("paragraph", "De taxi naar school.")])
    second = ArticlePageFactory(title="Vervoer en taxi", body=[("paragraph", "Met de taxi.")])
    assert _articles_with("taxi") == 2
    assert SearchPosting.objects.filter(article=first).exists()
    first.unpublish()
    assert _articles_with("taxi") == 1
    assert not SearchPosting.objects.filter(article=first).exists()
    first.save_revision().publish()
    assert _articles_with("taxi") == 2
    second.delete()
    assert _articles_with("taxi") == 1 and _articles_with("vervoer") == 0
    assert not SearchPosting.objects.filter(article_id=second.pk).exists()


def test_a_rebuild_gives_the_same_index(platform):
    """rebuild_search_index writes what publishing wrote, weights included."""
    ArticlePageFactory(title="Thuiszitten", summary="Niet naar school.", body=[("paragraph", "Thuis.")])
    ArticlePageFactory(title="Extra ondersteuning", body=[("paragraph", "Een arrangement op school.")])
    before = _snapshot()
    SearchPosting.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _snapshot() == before
