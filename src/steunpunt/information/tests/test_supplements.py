"""Regional supplements: a version per audience, the readability check, and the steunpunt's own
approval by a colleague before readers see a text."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from steunpunt.information.models import RegionalSupplement
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

HARD = (
    "Het samenwerkingsverband passend onderwijs geeft een toelaatbaarheidsverklaring af voor het voortgezet "
    "speciaal onderwijs wanneer de ondersteuningsbehoefte van de leerling dat noodzakelijk maakt."
)


def _stream(value):
    """A version as the editor's form sends it: a text becomes one paragraph block, a list is blocks."""
    if isinstance(value, str):
        value = [("paragraph", value)] if value else []
    return streamfield(value)


def _form(article, support_point, readability_reason="", **versions):
    """The supplement form as the browser sends it; each version a text (one paragraph) or blocks."""
    streams = {name: versions.get(name, "") for name in ("body", "youth_body", "children_body")}
    return nested_form_data(
        {
            "article": article.pk,
            "support_point": support_point.pk,
            "readability_reason": readability_reason,
            **{name: _stream(value) for name, value in streams.items()},
        }
    )


def _public(client, path):
    return client.get(path, HTTP_HOST="noord.localhost").content.decode()


def test_a_supplement_shows_per_audience_only_after_a_colleague_approved_it(staff_client, client):
    noord = SupportPointFactory(hostname="noord.localhost")
    writer = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    colleague = MembershipFactory(support_point=noord, role=Role.COORDINATOR).user
    elsewhere = MembershipFactory(role=Role.EDITOR).user
    article = ArticlePageFactory(slug="tlv", title="De TLV", youth=True)

    response = staff_client(writer).post(
        reverse("regional_supplements:add"),
        _form(article, noord, body="Bel ons op dinsdag.", youth_body="Je kunt ons ook appen."),
    )
    assert response.status_code == 302
    supplement = RegionalSupplement.objects.get()
    assert supplement.status == RegionalSupplement.Status.PENDING and supplement.updated_by == writer
    assert "Bel ons op dinsdag." not in _public(client, "/informatie/tlv/"), "not approved yet"

    # The writer may not approve their own text; the screen says why and nothing changes.
    approve_url = reverse("regional_supplements:approve", args=[supplement.pk])
    writer_client = staff_client(writer)
    page = writer_client.get(approve_url).content.decode()
    assert "Een collega keurt goed wat u schreef" in page and "Goedkeuren" not in page
    response = writer_client.post(approve_url, follow=True)
    assert "Een collega keurt goed wat u schreef" in response.content.decode()
    supplement.refresh_from_db()
    assert supplement.status == RegionalSupplement.Status.PENDING
    # Another steunpunt's editor does not even find it.
    assert staff_client(elsewhere).get(approve_url).status_code == 404
    assert staff_client(elsewhere).post(approve_url).status_code == 404

    # The colleague sees it on the dashboard, reads each version with its readability, approves.
    colleague_client = staff_client(colleague)
    dashboard = colleague_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Regionale aanvullingen om goed te keuren" in dashboard and approve_url in dashboard
    page = colleague_client.get(approve_url).content.decode()
    assert "Bel ons op dinsdag." in page and "Je kunt ons ook appen." in page
    assert "Leesbaarheid" in page and "Goedkeuren" in page
    assert colleague_client.post(approve_url).status_code == 302
    supplement.refresh_from_db()
    assert supplement.status == RegionalSupplement.Status.APPROVED and supplement.approved_by == colleague

    parents = _public(client, "/informatie/tlv/")
    youth = _public(client, "/informatie/tlv/jongeren/")
    assert "Bel ons op dinsdag." in parents and "Je kunt ons ook appen." not in parents
    assert "Je kunt ons ook appen." in youth and "Bel ons op dinsdag." not in youth

    # A change waits for approval again; readers keep the approved text meanwhile.
    staff_client(writer).post(
        reverse("regional_supplements:edit", args=[supplement.pk]),
        _form(article, noord, body="Bel ons op woensdag.", youth_body="Je kunt ons ook appen."),
    )
    supplement.refresh_from_db()
    assert supplement.status == RegionalSupplement.Status.PENDING
    parents = _public(client, "/informatie/tlv/")
    assert "Bel ons op dinsdag." in parents and "woensdag" not in parents
    staff_client(colleague).post(approve_url)
    assert "Bel ons op woensdag." in _public(client, "/informatie/tlv/")


def test_a_supplement_below_its_readability_target_needs_a_reason(staff_client):
    noord = SupportPointFactory()
    writer = MembershipFactory(support_point=noord, role=Role.EDITOR).user
    article = ArticlePageFactory(slug="vso")
    client = staff_client(writer)

    response = client.post(
        reverse("regional_supplements:add"), _form(article, noord, body="Bel ons.", youth_body=HARD)
    )
    assert response.status_code == 200
    error = str(response.context["form"].errors["readability_reason"])
    assert "moeilijker te lezen" in error and "Jongeren (12+)" in error
    assert not RegionalSupplement.objects.exists()

    response = client.post(
        reverse("regional_supplements:add"),
        _form(article, noord, body="Bel ons.", youth_body=HARD, readability_reason="Vaktaal van de wet."),
    )
    assert response.status_code == 302
    assert RegionalSupplement.objects.get().readability_reason == "Vaktaal van de wet."
