"""The requester's PDF (AVG inzage) keeps every name and text as written, in any alphabet."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from steunpunt.privacy.export import text_direction
from steunpunt.support.services import message_from_staff
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db

NAMES = ["Łukasz", "Şükrü", "محمد", "Олена"]


def test_the_requester_pdf_has_every_name_exactly_as_given(staff_client, platform):
    """Polish, Turkish, Arabic and Cyrillic names come back out of the PDF unchanged, no question marks."""
    support_point = SupportPointFactory()
    consultant = MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user
    case = CaseFactory(
        support_point=support_point,
        requester_name="محمد",
        requester_email="ouder@example.test",
        question="Mijn kinderen Łukasz en Şükrü krijgen geen plek – wat nu?",
    )
    message_from_staff(case=case, body="Beste ouder, ook Олена mag komen.", by=consultant)
    client = staff_client(consultant)

    response = client.get(reverse("support_requester_data_download", args=[case.pk, "pdf"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for name in NAMES:
        assert name in text
    assert "?" not in text.replace("wat nu?", "")
    assert "–" in text  # typographic characters stay too
    assert case.reference in text


def test_the_direction_of_a_text_is_that_of_its_first_letter():
    """As ``dir="auto"``: Arabic right to left, Dutch left to right, leading digits and marks ignored."""
    assert text_direction("محمد") == "rtl"
    assert text_direction("12 - محمد de Vries") == "rtl"
    assert text_direction("Łukasz محمد") == "ltr"
    assert text_direction("") == "ltr"
