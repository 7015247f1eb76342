"""Reads per article and audience, counted without cookies, addresses or identifiers; shown to editors."""

import re

import pytest
from django.urls import reverse

from steunpunt.information.models import ArticleView
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def _read(client, path, host, **extra):
    """Open an article page as a browser does: the page, then the image in it that counts the read."""
    page = client.get(path, HTTP_HOST=host, **extra)
    assert page.status_code == 200
    (counter,) = re.findall(r'<img src="(/gelezen/[^"]+)" alt="" width="1" height="1"', page.content.decode())
    anonymous = not client.cookies
    image = client.get(counter, HTTP_HOST=host, **extra)
    assert image.status_code == 200 and image["Content-Type"] == "image/gif"
    assert not (anonymous and image.cookies)  # a visitor without a session gets no cookie
    assert "no-store" in image["Cache-Control"]
    return page


def test_each_read_is_counted_per_site_audience_and_day_without_setting_a_cookie(client, platform):
    noord = SupportPointFactory(hostname="noord.localhost")
    midden = SupportPointFactory(hostname="midden.localhost")
    article = ArticlePageFactory(slug="thuiszitten", youth=True)
    for _ in range(3):
        response = _read(client, "/informatie/thuiszitten/", "noord.localhost", REMOTE_ADDR="10.1.2.3")
        assert response.status_code == 200 and not response.cookies
    _read(client, "/informatie/thuiszitten/jongeren/", "noord.localhost")
    _read(client, "/informatie/thuiszitten/", "midden.localhost")
    assert client.get("/informatie/bestaat-niet/", HTTP_HOST="noord.localhost").status_code == 404
    # Wrong counter addresses count nothing: another version name, an unknown or unpublished article.
    for wrong in (f"/gelezen/{article.pk}/leraren.gif", "/gelezen/999999/ouders.gif"):
        assert client.get(wrong, HTTP_HOST="noord.localhost").status_code == 404
    draft = ArticlePageFactory(slug="concept")
    draft.unpublish()
    assert client.get(f"/gelezen/{draft.pk}/ouders.gif", HTTP_HOST="noord.localhost").status_code == 404
    counts = {(v.support_point_id, v.audience): v.views for v in ArticleView.objects.all()}
    assert counts == {(noord.pk, "parents"): 3, (noord.pk, "youth"): 1, (midden.pk, "parents"): 1}
    assert {f.name for f in ArticleView._meta.get_fields()} == {
        "id",
        "support_point",
        "article",
        "audience",
        "day",
        "views",
    }
    assert article.views.count() == 3


def test_editors_see_the_reads_of_their_own_steunpunt(staff_client, client, platform):
    noord = SupportPointFactory(hostname="noord.localhost")
    SupportPointFactory(hostname="midden.localhost")
    ArticlePageFactory(slug="thuiszitten", title="Thuiszitten")
    _read(client, "/informatie/thuiszitten/", "midden.localhost")
    editor = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    listing = staff_client(editor).get(reverse("article_reads:index"))
    assert listing.status_code == 200 and "Thuiszitten" not in listing.content.decode()
    staff_client(editor)
    _read(client, "/informatie/thuiszitten/", "noord.localhost")
    assert "Thuiszitten" in staff_client(editor).get(reverse("article_reads:index")).content.decode()
