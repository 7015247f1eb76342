"""A national re-publish asks steunpunten with a supplement, and only them, to check it."""

import pytest
from django.urls import reverse

from steunpunt.information.models import SupplementCheck
from steunpunt.information.services import supplement_save
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def republish(article):
    article.summary = "Nieuwe samenvatting."
    article.save_revision().publish()


def test_republishing_creates_a_check_for_a_steunpunt_with_a_supplement_and_not_for_one_without(platform):
    with_supplement, without = SupportPointFactory(), SupportPointFactory()
    article = ArticlePageFactory()
    supplement = supplement_save(
        article=article, support_point=with_supplement, body=[("paragraph", "Regionaal.")], by=None
    )
    republish(article)
    assert list(
        SupplementCheck.objects.filter(confirmed_at__isnull=True).values_list("supplement", flat=True)
    ) == [supplement.pk]
    assert not SupplementCheck.objects.filter(supplement__support_point=without).exists()
    republish(article)
    assert SupplementCheck.objects.filter(confirmed_at__isnull=True).count() == 1


def test_saving_the_supplement_settles_the_check(platform):
    support_point = SupportPointFactory()
    article = ArticlePageFactory()
    supplement_save(article=article, support_point=support_point, body=[("paragraph", "Oud.")], by=None)
    republish(article)
    supplement_save(
        article=article, support_point=support_point, body=[("paragraph", "Nieuw.")], by=UserFactory()
    )
    assert not SupplementCheck.objects.filter(confirmed_at__isnull=True).exists()


def test_editors_see_the_check_on_their_dashboard_and_confirm_it(staff_client):
    editor = MembershipFactory(role=Role.EDITOR)
    other_editor = MembershipFactory(role=Role.EDITOR)
    article = ArticlePageFactory(title="Leerplicht")
    supplement_save(
        article=article, support_point=editor.support_point, body=[("paragraph", "Regionaal.")], by=None
    )
    republish(article)
    check = SupplementCheck.objects.get()

    client = staff_client(other_editor.user)
    assert (
        "Controleer uw regionale aanvulling" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    assert client.post(reverse("information_confirm_check", args=[check.pk])).status_code == 404

    client = staff_client(editor.user)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Controleer uw regionale aanvulling" in dashboard and "Leerplicht" in dashboard
    assert client.post(reverse("information_confirm_check", args=[check.pk])).status_code == 302
    check.refresh_from_db()
    assert check.confirmed_at is not None and check.confirmed_by == editor.user
