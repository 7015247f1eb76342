"""The audit log screen: read-only, own steunpunt only, for coordinators and administrators."""

import pytest
from django.urls import reverse

from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.COORDINATOR, True),
        (Role.ADMINISTRATOR, True),
        (Role.CONSULTANT, False),
        (Role.VOLUNTEER, False),
        (Role.BOARD, False),
        (Role.EDITOR, False),
    ],
)
def test_who_reads_the_audit_log_and_only_of_their_own_steunpunt(staff_client, platform, role, allowed):
    own, other = SupportPointFactory(), SupportPointFactory()
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    mine, theirs = CaseFactory(support_point=own), CaseFactory(support_point=other)
    client = staff_client(consultant)
    client.get(reverse("support_case", args=[mine.pk]))
    viewer = MembershipFactory(support_point=own, role=role).user
    response = staff_client(viewer).get(reverse("privacy_audit_log"))
    if not allowed:
        assert response.status_code == 404
        return
    html = response.content.decode()
    assert response.status_code == 200
    assert f"case {mine.pk}<" in html and consultant.username in html and "bekeken" in html
    assert f"case {theirs.pk}<" not in html
    filtered = staff_client(viewer).get(
        reverse("privacy_audit_log"), {"wat": "read", "wie": consultant.username}
    )
    assert f"case {mine.pk}<" in filtered.content.decode()
    assert response.context["records"].paginator.count >= 2
    assert b'<form method="post"' not in response.content
