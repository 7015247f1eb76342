"""The permission policy, rule by rule: every role against every action."""

import pytest

from steunpunt.tenants import policy
from steunpunt.tenants.policy import CASE_ACTIONS, Action, can, policy_errors
from steunpunt.tenants.roles import Role
from steunpunt.tenants.selectors import support_points_for

from .factories import MembershipFactory, SupportPointFactory, UserFactory

A = Action
# Written out separately from policy.RULES on purpose: a change to the policy must be
# made twice, here and there, to pass.
EXPECTED = {
    Role.VOLUNTEER: {A.ACCESS_BACK_OFFICE, A.CASE_RECEIVE, A.MEETING_MANAGE, A.STORY_MODERATE},
    Role.CONSULTANT: {A.ACCESS_BACK_OFFICE, A.CASE_RECEIVE, A.CASE_HANDLE, A.CASE_READ_ALL, A.CONCERN_MANAGE},
    Role.EDITOR: {A.ACCESS_BACK_OFFICE, A.CONTENT_EDIT, A.MEETING_MANAGE},
    Role.PANEL_MEMBER: {A.ACCESS_BACK_OFFICE, A.CONTENT_REVIEW},
    Role.COORDINATOR: {
        A.ACCESS_BACK_OFFICE,
        A.CASE_HANDLE,
        A.CASE_ASSIGN,
        A.CONTENT_EDIT,
        A.MEETING_MANAGE,
        A.STORY_MODERATE,
        A.REPORT_VIEW,
        A.CONCERN_MANAGE,
        A.CONCERN_PUBLISH,
        A.EVALUATION_MANAGE,
        A.DEVELOPMENT_MANAGE,
        A.SUPPORT_POINT_EDIT,
        A.MEMBERSHIP_MANAGE,
    },
    Role.BOARD: {A.ACCESS_BACK_OFFICE, A.REPORT_VIEW},
    Role.NATIONAL_EDITOR: {A.ACCESS_BACK_OFFICE, A.CONTENT_EDIT_NATIONAL},
    Role.ADMINISTRATOR: {A.ACCESS_BACK_OFFICE, A.SUPPORT_POINT_EDIT, A.MEMBERSHIP_MANAGE},
    Role.TRANSLATOR: {A.ACCESS_BACK_OFFICE, A.TRANSLATE},
    Role.TRANSLATION_REVIEWER: {A.ACCESS_BACK_OFFICE, A.TRANSLATION_REVIEW},
    Role.SCHOOL_CONTACT: {A.ACCESS_BACK_OFFICE, A.SCHOOL_PROFILE_PROPOSE, A.SCHOOL_REFER, A.SCHOOL_EVALUATE},
}


@pytest.fixture
def two_support_points(db):
    return SupportPointFactory(), SupportPointFactory()


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_each_role_may_do_exactly_its_actions_at_its_own_steunpunt(role, action, two_support_points):
    """A role grants an action at its own steunpunt if and only if the rule table says so."""
    own, _other = two_support_points
    user = MembershipFactory(support_point=own, role=role).user
    assert can(user, action, own) is (action in EXPECTED[role])


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", sorted(set(Action) - policy.NATIONAL_ACTIONS - {A.PLATFORM_MANAGE}))
def test_a_role_grants_nothing_at_another_steunpunt(role, action, two_support_points):
    """Roles are granted per steunpunt: at another steunpunt they grant nothing."""
    own, other = two_support_points
    user = MembershipFactory(support_point=own, role=role).user
    assert can(user, action, other) is False


def test_national_editing_holds_everywhere(two_support_points):
    """The national editorial team edits the one national set, wherever it is based."""
    own, other = two_support_points
    user = MembershipFactory(support_point=own, role=Role.NATIONAL_EDITOR).user
    assert can(user, A.CONTENT_EDIT_NATIONAL, other)


@pytest.mark.parametrize(
    "role",
    [
        Role.BOARD,
        Role.ADMINISTRATOR,
        Role.NATIONAL_EDITOR,
        Role.PANEL_MEMBER,
        Role.SCHOOL_CONTACT,
        Role.TRANSLATOR,
        Role.TRANSLATION_REVIEWER,
    ],
)
@pytest.mark.parametrize("action", sorted(CASE_ACTIONS))
def test_board_and_partnership_roles_never_reach_case_data(role, action, two_support_points):
    """Independence: board, OPR, partnership staff and administrators never reach a case."""
    own, _other = two_support_points
    user = MembershipFactory(support_point=own, role=role).user
    assert can(user, action, own) is False
    assert can(user, action) is False


@pytest.mark.parametrize("action", [A.TRANSLATE, A.TRANSLATION_REVIEW])
def test_translation_work_holds_everywhere_but_only_the_reviewer_publishes(action, two_support_points):
    """Translations are of the one national set: the roles hold wherever they are based. Only the
    reviewer holds the review (which publishes); the translator does not, and neither edits the Dutch."""
    own, other = two_support_points
    translator = MembershipFactory(support_point=own, role=Role.TRANSLATOR).user
    reviewer = MembershipFactory(support_point=own, role=Role.TRANSLATION_REVIEWER).user
    holder = translator if action is A.TRANSLATE else reviewer
    assert can(holder, action, other)
    assert not can(translator, A.TRANSLATION_REVIEW)
    assert not can(reviewer, A.TRANSLATE)
    assert not any(can(user, A.CONTENT_EDIT_NATIONAL) for user in (translator, reviewer))


def test_even_combined_with_other_non_case_roles_board_gets_no_case_access(two_support_points):
    own, _other = two_support_points
    user = MembershipFactory(support_point=own, role=Role.BOARD).user
    MembershipFactory(user=user, support_point=own, role=Role.EDITOR)
    assert not any(can(user, action, own) for action in CASE_ACTIONS)


def test_the_rule_table_passes_its_own_independence_check():
    assert policy_errors() == []


def test_the_independence_check_catches_a_leak(monkeypatch):
    """The start-up check fails when someone gives the board a case action."""
    leaked = {**policy.RULES, Role.BOARD: policy.RULES[Role.BOARD] | {A.CASE_READ_ALL}}
    monkeypatch.setattr(policy, "RULES", leaked)
    assert any("board" in error for error in policy_errors())


@pytest.mark.django_db
def test_superuser_manages_the_platform_but_reads_no_cases():
    """A platform administrator creates steunpunten, but is no case worker."""
    superuser = UserFactory(is_superuser=True, is_staff=True)
    support_point = SupportPointFactory()
    assert can(superuser, A.PLATFORM_MANAGE)
    assert can(superuser, A.ACCESS_BACK_OFFICE)
    assert not any(can(superuser, action, support_point) for action in CASE_ACTIONS)


@pytest.mark.django_db
def test_inactive_users_may_do_nothing():
    membership = MembershipFactory(role=Role.COORDINATOR, user__is_active=False)
    assert not can(membership.user, A.ACCESS_BACK_OFFICE, membership.support_point)


@pytest.mark.django_db
def test_platform_management_is_for_superusers_only():
    membership = MembershipFactory(role=Role.ADMINISTRATOR)
    assert not can(membership.user, A.PLATFORM_MANAGE)


def test_support_points_for_is_scoped_to_the_user(two_support_points):
    own, other = two_support_points
    user = MembershipFactory(support_point=own, role=Role.COORDINATOR).user
    assert list(support_points_for(user, A.REPORT_VIEW)) == [own]
    assert other not in support_points_for(user)


@pytest.mark.django_db
def test_back_office_access_follows_the_roles():
    """Wagtail asks `wagtailadmin.access_admin`; any steunpunt role answers it."""
    staff = MembershipFactory(role=Role.PANEL_MEMBER).user
    outsider = UserFactory()
    assert staff.has_perm("wagtailadmin.access_admin")
    assert not outsider.has_perm("wagtailadmin.access_admin")
