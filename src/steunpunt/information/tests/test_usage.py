"""Reads per article and audience, counted without cookies, addresses or identifiers; shown to editors."""

import pytest
from django.urls import reverse

from steunpunt.information.models import ArticleView
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_each_read_is_counted_per_site_audience_and_day_without_setting_a_cookie(client, platform):
    noord = SupportPointFactory(hostname="noord.localhost")
    midden = SupportPointFactory(hostname="midden.localhost")
    article = ArticlePageFactory(slug="thuiszitten", youth=True)
    for _ in range(3):
        response = client.get("/informatie/thuiszitten/", HTTP_HOST="noord.localhost", REMOTE_ADDR="10.1.2.3")
        assert response.status_code == 200 and not response.cookies
    client.get("/informatie/thuiszitten/jongeren/", HTTP_HOST="noord.localhost")
    client.get("/informatie/thuiszitten/", HTTP_HOST="midden.localhost")
    client.get("/informatie/bestaat-niet/", HTTP_HOST="noord.localhost")
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
    client.get("/informatie/thuiszitten/", HTTP_HOST="midden.localhost")
    editor = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    listing = staff_client(editor).get(reverse("article_reads:index"))
    assert listing.status_code == 200 and "Thuiszitten" not in listing.content.decode()
    staff_client(editor)
    client.get("/informatie/thuiszitten/", HTTP_HOST="noord.localhost")
    assert "Thuiszitten" in staff_client(editor).get(reverse("article_reads:index")).content.decode()
