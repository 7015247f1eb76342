"""The one permission policy for steunpunt work: which role may do what, and where.

Every back-office check asks :func:`can` or scopes a query with
:func:`support_points_for`. There is no flag that skips a check, and a superuser
(platform administrator) gets platform actions only: never case data.
"""

import enum

from .roles import Role


class Action(enum.StrEnum):
    ACCESS_BACK_OFFICE = "access_back_office"
    # Case data (pillar 2). Only steunpunt staff who need it ever hold these.
    CASE_RECEIVE = "case_receive"  # first reception of new questions
    CASE_HANDLE = "case_handle"  # read and work on cases assigned to oneself
    CASE_READ_ALL = "case_read_all"  # read every case of the steunpunt
    CASE_ASSIGN = "case_assign"  # assign and see the workload (no contents)
    # Information (pillar 1).
    CONTENT_EDIT = "content_edit"  # regional supplements, social map, schools
    CONTENT_EDIT_NATIONAL = "content_edit_national"
    CONTENT_REVIEW = "content_review"  # reading-panel review of drafts
    TRANSLATE = "translate"  # make and edit translations of national articles, submit them for review
    TRANSLATION_REVIEW = "translation_review"  # approve a translation, which publishes it
    MEETING_MANAGE = "meeting_manage"
    STORY_MODERATE = "story_moderate"
    # Signals, reports and the steunpunt's own development (pillar 3, cycle).
    REPORT_VIEW = "report_view"  # anonymised aggregates only
    CONCERN_MANAGE = "concern_manage"
    CONCERN_PUBLISH = "concern_publish"  # choose which signals the public page shows
    EVALUATION_MANAGE = "evaluation_manage"  # the questions parents and young people get afterwards
    DEVELOPMENT_MANAGE = "development_manage"
    # Schools as partners: a school contact person acts for the schools granted to them only
    # (schools.SchoolContact); the school screens narrow every lookup to those schools.
    SCHOOL_PROFILE_PROPOSE = "school_profile_propose"  # propose changes to the school's support profile
    SCHOOL_REFER = "school_refer"  # a warm referral of a family, with the parent's consent
    SCHOOL_EVALUATE = "school_evaluate"  # the school's anonymous evaluation of the steunpunt
    # The steunpunt itself.
    SUPPORT_POINT_EDIT = "support_point_edit"
    MEMBERSHIP_MANAGE = "membership_manage"
    # The installation: creating steunpunten. Superusers only.
    PLATFORM_MANAGE = "platform_manage"


CASE_ACTIONS = frozenset({Action.CASE_RECEIVE, Action.CASE_HANDLE, Action.CASE_READ_ALL, Action.CASE_ASSIGN})

# Roles that must never reach a case, a name or a message (independence).
NO_CASE_ROLES = frozenset(
    {
        Role.BOARD,
        Role.ADMINISTRATOR,
        Role.NATIONAL_EDITOR,
        Role.PANEL_MEMBER,
        Role.EDITOR,
        Role.SCHOOL_CONTACT,
        Role.TRANSLATOR,
        Role.TRANSLATION_REVIEWER,
    }
)

RULES = {
    Role.VOLUNTEER: {
        Action.ACCESS_BACK_OFFICE,
        Action.CASE_RECEIVE,
        Action.MEETING_MANAGE,
        Action.STORY_MODERATE,
    },
    Role.CONSULTANT: {
        Action.ACCESS_BACK_OFFICE,
        Action.CASE_RECEIVE,
        Action.CASE_HANDLE,
        Action.CASE_READ_ALL,
        Action.CONCERN_MANAGE,
    },
    Role.EDITOR: {
        Action.ACCESS_BACK_OFFICE,
        Action.CONTENT_EDIT,
        Action.MEETING_MANAGE,
    },
    Role.PANEL_MEMBER: {
        Action.ACCESS_BACK_OFFICE,
        Action.CONTENT_REVIEW,
    },
    # Everything of its steunpunt except reading the contents of cases it is not
    # assigned to: CASE_HANDLE is limited to assigned cases by the case selectors.
    Role.COORDINATOR: {
        Action.ACCESS_BACK_OFFICE,
        Action.CASE_HANDLE,
        Action.CASE_ASSIGN,
        Action.CONTENT_EDIT,
        Action.MEETING_MANAGE,
        Action.STORY_MODERATE,
        Action.REPORT_VIEW,
        Action.CONCERN_MANAGE,
        Action.CONCERN_PUBLISH,
        Action.EVALUATION_MANAGE,
        Action.DEVELOPMENT_MANAGE,
        Action.SUPPORT_POINT_EDIT,
        Action.MEMBERSHIP_MANAGE,
    },
    Role.BOARD: {
        Action.ACCESS_BACK_OFFICE,
        Action.REPORT_VIEW,
    },
    Role.NATIONAL_EDITOR: {
        Action.ACCESS_BACK_OFFICE,
        Action.CONTENT_EDIT_NATIONAL,
    },
    Role.ADMINISTRATOR: {
        Action.ACCESS_BACK_OFFICE,
        Action.SUPPORT_POINT_EDIT,
        Action.MEMBERSHIP_MANAGE,
    },
    # Translations of the national set: the translator cannot publish; a reviewer who reads the language
    # approves (never their own work) and that publishes. Neither edits the Dutch text.
    Role.TRANSLATOR: {
        Action.ACCESS_BACK_OFFICE,
        Action.TRANSLATE,
    },
    Role.TRANSLATION_REVIEWER: {
        Action.ACCESS_BACK_OFFICE,
        Action.TRANSLATION_REVIEW,
    },
    # Its own school's support profile (every change approved by an editor), referrals of families
    # (it never sees the case) and the school's evaluation of the steunpunt; nothing else.
    Role.SCHOOL_CONTACT: {
        Action.ACCESS_BACK_OFFICE,
        Action.SCHOOL_PROFILE_PROPOSE,
        Action.SCHOOL_REFER,
        Action.SCHOOL_EVALUATE,
    },
}
RULES = {role: frozenset(actions) for role, actions in RULES.items()}

# Actions that hold installation-wide for whoever holds them at any steunpunt.
NATIONAL_ACTIONS = frozenset({Action.CONTENT_EDIT_NATIONAL, Action.TRANSLATE, Action.TRANSLATION_REVIEW})


def policy_errors():
    """Return a list of reasons the rule table breaks the independence rules."""
    errors = []
    for role in Role:
        if role not in RULES:
            errors.append(f"role {role} has no rule")
    for role in NO_CASE_ROLES:
        leaked = RULES.get(role, frozenset()) & CASE_ACTIONS
        if leaked:
            errors.append(f"role {role} must never reach case data but has {sorted(leaked)}")
    for actions in RULES.values():
        if Action.PLATFORM_MANAGE in actions:
            errors.append("platform management is for superusers only")
    return errors


def roles_by_support_point(user):
    """Return ``{support_point_id: frozenset(roles)}`` for an active user (cached on it)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, "_steunpunt_roles", None)
    if cached is None:
        cached = {}
        for support_point_id, role in user.memberships.values_list("support_point_id", "role"):
            cached.setdefault(support_point_id, set()).add(Role(role))
        cached = {key: frozenset(value) for key, value in cached.items()}
        user._steunpunt_roles = cached
    return cached


def actions_for_roles(roles):
    """Return the union of actions that ``roles`` grant."""
    actions = set()
    for role in roles:
        actions |= RULES[role]
    return frozenset(actions)


def can(user, action, support_point=None):
    """Return ``True`` if ``user`` may do ``action`` at ``support_point``.

    Without ``support_point`` the question is whether the user may do it at any
    steunpunt. Platform management needs an active superuser and nothing else does.
    """
    action = Action(action)
    if action is Action.PLATFORM_MANAGE:
        return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)
    if action is Action.ACCESS_BACK_OFFICE and getattr(user, "is_superuser", False) and user.is_active:
        return True
    roles = roles_by_support_point(user)
    if support_point is None or action in NATIONAL_ACTIONS:
        return any(action in actions_for_roles(r) for r in roles.values())
    support_point_id = getattr(support_point, "pk", support_point)
    return action in actions_for_roles(roles.get(support_point_id, ()))


def support_point_ids_for(user, action):
    """Return the ids of the steunpunten where ``user`` may do ``action``."""
    action = Action(action)
    return {
        support_point_id
        for support_point_id, roles in roles_by_support_point(user).items()
        if action in actions_for_roles(roles)
    }
