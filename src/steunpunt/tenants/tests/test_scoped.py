"""The access layer's ``scoped`` and ``get_scoped_or_404``: the one way the platform's own views and
selectors (cases, signals, development, consultation bookings, ambitions, …) find their objects."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import Http404

from steunpunt.concerns.selectors import concerns_visible_to
from steunpunt.support.models import Case, CaseStatus
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.access import get_scoped_or_404, scoped
from steunpunt.tenants.policy import Action
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_steunpunten():
    own, other = SupportPointFactory(), SupportPointFactory()
    return own, other, CaseFactory(support_point=own), CaseFactory(support_point=other)


def test_an_action_reaches_the_objects_of_the_steunpunten_where_the_user_holds_it(two_steunpunten):
    own, _other, mine, _theirs = two_steunpunten
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    assert list(scoped(Case.objects.all(), consultant, Action.CASE_READ_ALL)) == [mine]
    assert get_scoped_or_404(Case.objects.all(), consultant, Action.CASE_READ_ALL, pk=mine.pk) == mine


def test_another_steunpunts_object_is_not_found(two_steunpunten):
    own, _other, _mine, theirs = two_steunpunten
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    with pytest.raises(Http404):
        get_scoped_or_404(Case.objects.all(), consultant, Action.CASE_READ_ALL, pk=theirs.pk)


def test_a_rule_with_a_condition_reaches_only_the_matching_objects(two_steunpunten):
    own, _other, mine, _theirs = two_steunpunten
    coordinator = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    rule = (Action.CASE_HANDLE, Q(assigned_to=coordinator))
    assert not scoped(Case.objects.all(), coordinator, rule).exists()
    Case.objects.filter(pk=mine.pk).update(assigned_to=coordinator)
    assert list(scoped(Case.objects.all(), coordinator, rule)) == [mine]


def test_rules_add_up(two_steunpunten):
    own, _other, mine, _theirs = two_steunpunten
    volunteer = MembershipFactory(support_point=own, role=Role.VOLUNTEER).user
    new = CaseFactory(support_point=own, status=CaseStatus.NEW)
    Case.objects.filter(pk=mine.pk).update(status=CaseStatus.IN_PROGRESS)
    rules = (Action.CASE_READ_ALL, (Action.CASE_RECEIVE, Q(status=CaseStatus.NEW)))
    assert list(scoped(Case.objects.all(), volunteer, *rules)) == [new]


def test_a_superuser_or_a_stranger_reaches_no_case_and_an_anonymous_visitor_nothing(two_steunpunten):
    superuser = UserFactory(is_superuser=True)
    for user in (superuser, UserFactory(), AnonymousUser(), None):
        assert not scoped(Case.objects.all(), user, Action.CASE_READ_ALL, Action.CASE_ASSIGN).exists()
    # The platform administrator's reach (tenants.access.SUPERUSER_REACH) is every steunpunt's details.
    from steunpunt.tenants.models import SupportPoint

    details = Action.SUPPORT_POINT_EDIT
    everywhere = scoped(SupportPoint.objects.all(), superuser, details, steunpunt_field="pk")
    assert everywhere.count() == 2


def test_a_national_action_reaches_objects_of_no_steunpunt():
    from steunpunt.socialmap.models import Organisation
    from steunpunt.socialmap.selectors import organisations_editable_by

    national = Organisation.objects.create(name="Landelijk", category="care", helps_with="x", when_to_go="y")
    local = Organisation.objects.create(
        name="Lokaal", category="care", helps_with="x", when_to_go="y", support_point=SupportPointFactory()
    )
    editor = MembershipFactory(role=Role.NATIONAL_EDITOR).user
    assert list(organisations_editable_by(editor)) == [national]
    own_editor = MembershipFactory(support_point=local.support_point, role=Role.EDITOR).user
    assert list(organisations_editable_by(own_editor)) == [local]


def test_the_signal_screens_find_their_signals_through_the_layer(two_steunpunten):
    from steunpunt.concerns.models import Concern

    own, other, _mine, _theirs = two_steunpunten
    fields = {"title": "Signaal", "description": "Tekst"}
    ours = Concern.objects.create(support_point=own, **fields)
    Concern.objects.create(support_point=other, **fields)
    consultant = MembershipFactory(support_point=own, role=Role.CONSULTANT).user
    assert list(concerns_visible_to(consultant)) == [ours]
