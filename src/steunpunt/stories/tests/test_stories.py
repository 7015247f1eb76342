"""Experiences: shared with consent, moderated, then shown beside the related article."""

import pytest
from django.urls import reverse

from steunpunt.information.tests.factories import ArticlePageFactory
from steunpunt.stories.models import Story
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}
TEXT = "Mijn zoon zat drie maanden thuis. Het steunpunt ging mee naar het gesprek op school."


@pytest.fixture
def site(platform):
    SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"])
    return SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])


def test_a_shared_story_is_not_public_until_moderated(client, site):
    response = client.post("/ervaringen/", {"author": "parent", "text": TEXT, "consent": "on"}, **HOST)
    assert response.status_code == 302
    story = Story.objects.get()
    assert (story.status, story.consent_to_publish, story.support_point) == ("submitted", True, site)
    assert TEXT not in client.get("/ervaringen/", **HOST).content.decode()


@pytest.mark.parametrize(
    "data", [{}, {"author": "koning", "text": TEXT}, {"author": "parent", "text": "kort"}]
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, site, data):
    response = client.post("/ervaringen/", data, **HOST)
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert not Story.objects.exists()


def test_a_moderator_publishes_an_edited_story_beside_the_article(client, staff_client, site):
    article = ArticlePageFactory(slug="thuiszitten")
    story = Story.objects.create(
        support_point=site, author="parent", submitted_text=TEXT, consent_to_publish=True
    )
    volunteer = MembershipFactory(role=Role.VOLUNTEER, support_point=site).user
    admin = staff_client(volunteer)
    response = admin.post(
        reverse("stories:edit", args=[story.pk]),
        {
            "title": "Drie maanden thuis",
            "published_text": "Mijn kind zat thuis. Het steunpunt hielp.",
            "articles": [article.pk],
            "publish": "on",
        },
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == "published" and story.moderated_by == volunteer
    page = client.get("/informatie/thuiszitten/", **HOST).content.decode()
    assert "Drie maanden thuis" in page and "Mijn zoon" not in page
    assert "Drie maanden thuis" in client.get("/ervaringen/", **HOST).content.decode()
    assert (
        "Drie maanden thuis" not in client.get("/ervaringen/", HTTP_HOST="midden.localhost").content.decode()
    )


def test_without_consent_a_story_cannot_be_published(staff_client, site):
    story = Story.objects.create(
        support_point=site, author="young_person", submitted_text=TEXT, consent_to_publish=False
    )
    admin = staff_client(MembershipFactory(role=Role.COORDINATOR, support_point=site).user)
    response = admin.post(
        reverse("stories:edit", args=[story.pk]), {"title": "X", "published_text": "Y", "publish": "on"}
    )
    assert response.status_code == 200
    story.refresh_from_db()
    assert story.status == "submitted"


def test_moderators_of_another_steunpunt_and_board_members_cannot_see_stories(staff_client, site):
    story = Story.objects.create(
        support_point=site, author="parent", submitted_text=TEXT, consent_to_publish=True
    )
    other = staff_client(MembershipFactory(role=Role.VOLUNTEER).user)
    assert other.get(reverse("stories:edit", args=[story.pk])).status_code == 404
    board = staff_client(MembershipFactory(role=Role.BOARD, support_point=site).user)
    assert board.get(reverse("stories:index")).status_code == 404
