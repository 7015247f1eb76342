"""The starter national set: loaded as drafts, never claimed as validated, safe to load again."""

import pytest
from django.core.management import call_command

from steunpunt.information.models import ArticlePage, GlossaryTerm
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db


def test_starter_content_loads_as_unvalidated_drafts_and_only_once(client, platform, capsys):
    SupportPointFactory(hostname="noord.localhost")
    call_command("load_starter_content")
    count, terms = ArticlePage.objects.live().count(), GlossaryTerm.objects.count()
    assert count >= 6 and terms >= 10
    assert all(article.starter_text and article.sources.exists() for article in ArticlePage.objects.all())
    assert sum(bool(a.youth_title) for a in ArticlePage.objects.all()) >= 4
    call_command("load_starter_content")
    assert (ArticlePage.objects.count(), GlossaryTerm.objects.count()) == (count, terms)
    html = client.get("/informatie/thuiszitten/", HTTP_HOST="noord.localhost").content.decode()
    assert "Concept – nog niet gevalideerd" in html and "Laatst gecontroleerd" not in html
    assert 'href="/begrippen/leerplichtambtenaar/"' in html
