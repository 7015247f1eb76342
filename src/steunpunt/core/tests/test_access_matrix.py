"""Issue 13: the back office is steunpunt-scoped by construction. Generated from the URL resolver, so a
new screen is covered without editing this test:

- every back-office URL pattern of the platform — its own views and every view Wagtail makes for its
  model screens (index, edit, delete, history, usage, inspect, revisions, …) — requested by every role
  with the ids of another steunpunt's objects answers 404 (anonymous: the login redirect);
- a pattern of a model screen, requested with the steunpunt's own object by a role the screen's
  declaration does not name, answers 404 too; a pattern without an object answers 404 unless it is
  in ``ALLOWED`` for the role;
- every answer that shows a declared personal field (``PERSONAL_FIELDS``) of an object left an audit
  record for that object.

Not yet in this matrix: Wagtail's core screens that belong to no steunpunt model (pages, documents,
images, collections, workflows, users, groups, sites, redirects, snippets, the admin API); Wagtail's
own permissions govern those.

Ids are made the same for every model: the database's id sequences are set to ``FOREIGN`` before the
other steunpunt's objects are made and to ``OWN`` before the own ones, so ``FOREIGN`` is another
steunpunt's object in whichever model a URL looks up.
"""

import re

from django.apps import apps
from django.db import connection, models
from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunpunt.consultations.tests.factories import BookingFactory, SlotFactory
from steunpunt.meetings.tests.factories import MeetingFactory, RegistrationFactory
from steunpunt.privacy.models import AuditRecord
from steunpunt.socialmap.models import Organisation
from steunpunt.stories.tests.factories import StoryFactory
from steunpunt.support.tests.factories import CaseFactory
from steunpunt.tenants.access import SUPERUSER_REACH, ScopedPermissionPolicy, personal_fields
from steunpunt.tenants.policy import RULES, Action
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory, UserFactory

FOREIGN, OWN = 700001, 800001
SUPERUSER = "superuser"
ACTORS = [*Role, SUPERUSER]

# Patterns of the platform that take no object and that an actor may open (a list, an add form, a
# report), by URL name, as the role table in README.md says. Every other pattern without an object
# answers 404 for the actor.
ALLOWED = {
    # first reception of questions, meetings (with who registered), stories, consultation times and bookings
    Role.VOLUNTEER: {
        "consultation_bookings:index",
        "consultation_bookings:index_results",
        "consultation_slots:add",
        "consultation_slots:index",
        "consultation_slots:index_results",
        "meetings:add",
        "meetings:index",
        "meetings:index_results",
        "registrations:index",
        "registrations:index_results",
        "stories:index",
        "stories:index_results",
        "support_case_create",
        "support_inbox",
    },
    # cases, consultation times and bookings, signals
    Role.CONSULTANT: {
        "concerns_add",
        "concerns_list",
        "consultation_bookings:index",
        "consultation_bookings:index_results",
        "consultation_slots:add",
        "consultation_slots:index",
        "consultation_slots:index_results",
        "support_case_create",
        "support_inbox",
    },
    # regional supplements, social map, schools, meetings; may look at the national lists and reader figures
    Role.EDITOR: {
        "article_feedback:index",
        "article_feedback:index_results",
        "article_reads:index",
        "article_reads:index_results",
        "findability_report",
        "glossary:index",
        "glossary:index_results",
        "information_gaps:index",
        "information_gaps:index_results",
        "meetings:add",
        "meetings:index",
        "meetings:index_results",
        "organisations:add",
        "organisations:index",
        "organisations:index_results",
        "regional_supplements:add",
        "regional_supplements:index",
        "regional_supplements:index_results",
        "registrations:index",
        "registrations:index_results",
        "schools:index",
        "schools:index_results",
        "search_synonyms:index",
        "search_synonyms:index_results",
    },
    # nothing here: reviews drafts in Wagtail's page editor
    Role.PANEL_MEMBER: set(),
    # everything of its steunpunt; case contents only when assigned (checked per case)
    Role.COORDINATOR: {
        "ambitions_add",
        "ambitions_costs",
        "ambitions_list",
        "ambitions_other_costs",
        "ambitions_pupils",
        "ambitions_rates",
        "article_feedback:index",
        "article_feedback:index_results",
        "article_reads:index",
        "article_reads:index_results",
        "concerns_add",
        "concerns_list",
        "consultation_bookings:index",
        "consultation_bookings:index_results",
        "consultation_slots:add",
        "consultation_slots:index",
        "consultation_slots:index_results",
        "development_assess",
        "development_cycle_start",
        "development_history",
        "development_meeting_add",
        "development_meetings",
        "development_member_add",
        "development_network",
        "development_overview",
        "development_plan",
        "evaluations_overview",
        "findability_report",
        "glossary:index",
        "glossary:index_results",
        "information_gaps:index",
        "information_gaps:index_results",
        "meetings:add",
        "meetings:index",
        "meetings:index_results",
        "memberships:add",
        "memberships:index",
        "memberships:index_results",
        "organisations:add",
        "organisations:index",
        "organisations:index_results",
        "privacy_audit_log",
        "regional_supplements:add",
        "regional_supplements:index",
        "regional_supplements:index_results",
        "registrations:index",
        "registrations:index_results",
        "reports_annual",
        "reports_annual_pdf",
        "reports_report",
        "schools:index",
        "schools:index_results",
        "search_synonyms:index",
        "search_synonyms:index_results",
        "stories:index",
        "stories:index_results",
        "support_case_create",
        "support_inbox",
        "support_points:index",
        "support_points:index_results",
        "support_workload",
    },
    # anonymised reports only
    Role.BOARD: {
        "reports_annual",
        "reports_annual_pdf",
        "reports_report",
    },
    # the national lists, every steunpunt's reader figures, national organisations
    Role.NATIONAL_EDITOR: {
        "article_feedback:index",
        "article_feedback:index_results",
        "article_reads:index",
        "article_reads:index_results",
        "findability_report",
        "findability_synonym",
        "glossary:add",
        "glossary:index",
        "glossary:index_results",
        "information_gaps:index",
        "information_gaps:index_results",
        "organisations:add",
        "organisations:index",
        "organisations:index_results",
        "search_synonyms:add",
        "search_synonyms:index",
        "search_synonyms:index_results",
    },
    # the steunpunt's details, its staff and the audit log
    Role.ADMINISTRATOR: {
        "memberships:add",
        "memberships:index",
        "memberships:index_results",
        "privacy_audit_log",
        "support_points:index",
        "support_points:index_results",
    },
    # creating steunpunten and every steunpunt's details
    SUPERUSER: {
        "support_points:add",
        "support_points:index",
        "support_points:index_results",
    },
}


def _align_ids(start):
    """Make the next id of every table ``start``, so each model's next object has that id."""
    with connection.cursor() as cursor:
        for model in apps.get_models():
            meta = model._meta
            if meta.proxy or not meta.managed or not isinstance(meta.pk, models.AutoField):
                continue
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s, false)",
                    [meta.db_table, meta.pk.column, start],
                )
            else:
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [meta.db_table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [meta.db_table, start - 1]
                )


def _objects_of(support_point, tag):
    """One object of each kind a steunpunt's back office shows, personal fields marked with ``tag``."""
    consultant = MembershipFactory(support_point=support_point, role=Role.CONSULTANT).user
    case = CaseFactory(
        support_point=support_point,
        requester_name=f"Naam-{tag}",
        requester_email=f"mail-{tag}@example.test",
        requester_phone=f"06-{tag}",
        question=f"Vraag-{tag}",
        assigned_to=consultant,
    )
    slot = SlotFactory(support_point=support_point)
    meeting = MeetingFactory(support_point=support_point)
    return {
        "case": case,
        "slot": slot,
        "booking": BookingFactory(slot=slot, case=case, name=f"Boeker-{tag}", topic=f"Onderwerp-{tag}"),
        "meeting": meeting,
        "registration": RegistrationFactory(meeting=meeting, name=f"Deelnemer-{tag}"),
        "story": StoryFactory(support_point=support_point, submitted_text=f"Verhaal-{tag} over Noor"),
        "organisation": Organisation.objects.create(
            name=f"Organisatie {tag}",
            category="care",
            helps_with="x",
            when_to_go="y",
            support_point=support_point,
        ),
    }


def _patterns():
    """``(route, url name, model)`` for every back-office pattern of the platform's own screens: views in
    ``steunpunt.*`` and views of a model screen of a steunpunt model (Wagtail's generic views)."""
    found = []

    def walk(resolver, prefix, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern, prefix + _route(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + _route(pattern.pattern)
                if not route.startswith("/admin/"):
                    continue
                callback = pattern.callback
                view_class = getattr(callback, "view_class", None)
                model = getattr(callback, "view_initkwargs", {}).get("model") or getattr(
                    view_class, "model", None
                )
                ours = callback.__module__.startswith("steunpunt.")
                name = f"{namespace}{pattern.name}"
                if isinstance(model, type) and model.__module__.startswith("steunpunt."):
                    found.append((route, name, model))
                elif ours and view_class is None:
                    found.append((route, name, None))

    walk(get_resolver(), "/")
    return found


def _route(pattern):
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = text.removeprefix("^").removesuffix("$")
    return text


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _address(route, number):
    """The route with every parameter filled: numbers with ``number``, texts with a plausible word."""

    def fill(match):
        converter, _name = match.group(1), match.group(2)
        return str(number) if converter in (None, "int") else "json"

    return PARAMETER.sub(fill, route)


def _platform_reach(model):
    """Whether a superuser reaches every steunpunt's objects of ``model``: the screens whose declaration
    names a superuser action (every steunpunt's details), as ``tenants.access.SUPERUSER_REACH`` says."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(model) if model is not None else None
    if not isinstance(policy, ScopedPermissionPolicy):
        return False
    declared = {action for actions in policy.actions.values() for action in actions}
    return bool(declared & (SUPERUSER_REACH | {Action.PLATFORM_MANAGE}))


def _takes_object(route):
    return bool(PARAMETER.search(route))


class BackOfficeMatrix(TestCase):
    @classmethod
    def setUpTestData(cls):
        from steunpunt.portal.services import platform_site_ensure

        platform_site_ensure(port=80)
        _align_ids(FOREIGN)
        cls.other = SupportPointFactory()
        cls.foreign = _objects_of(cls.other, "ANDER")
        _align_ids(OWN)
        cls.own = SupportPointFactory()
        cls.mine = _objects_of(cls.own, "EIGEN")
        cls.actors = {}
        for role in Role:
            cls.actors[role] = MembershipFactory(support_point=cls.own, role=role).user
        cls.actors[SUPERUSER] = UserFactory(is_superuser=True)
        cls.patterns = _patterns()

    def _sign_in(self, actor):
        user = self.actors[actor]
        device = TOTPDevice.objects.create(user=user, name="matrix", confirmed=True)
        self.client.force_login(user)
        session = self.client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        self.client.defaults["HTTP_HOST"] = "127.0.0.1"
        self.client.raise_request_exception = False

    def _status(self, address):
        """GET ``address``; a view that takes POST only is asked with an empty POST instead."""
        status = self.client.get(address).status_code
        if status == 405:
            status = self.client.post(address, {}).status_code
        return status

    def test_the_matrix_covers_the_platforms_screens_and_wagtails_views_of_them(self):
        """The enumeration finds the case views and Wagtail's history and usage of every model screen."""
        routes = [route for route, _pattern, _model in self.patterns]
        assert len(routes) > 150
        assert "/admin/vragen/<int:pk>/gegevens.<str:kind>" in routes
        for prefix in ("stories", "memberships", "support_points", "meetings", "spreekuur/tijden"):
            assert f"/admin/{prefix}/history/<int:pk>/" in routes
            assert f"/admin/{prefix}/usage/<int:pk>/" in routes

    def test_another_steunpunts_objects_answer_404_for_every_role(self):
        """Every pattern with an object, for every actor, with another steunpunt's id: 404."""
        wrong = []
        object_routes = [(route, model) for route, _name, model in self.patterns if _takes_object(route)]
        for actor in ACTORS:
            self._sign_in(actor)
            for route, model in object_routes:
                if actor == SUPERUSER and _platform_reach(model):
                    continue
                address = _address(route, FOREIGN)
                status = self._status(address)
                if status != 404:
                    wrong.append(f"{actor} {address} → {status}")
        assert wrong == [], "\n".join(wrong)

    def test_a_pattern_without_an_object_answers_404_unless_allowed_for_the_role(self):
        """Lists and add forms: only what ``ALLOWED`` names for the actor opens; everything else is 404."""
        wrong = []
        for actor in ACTORS:
            self._sign_in(actor)
            allowed = ALLOWED[actor]
            for route, name, _model in self.patterns:
                if _takes_object(route) or "logout" in route:
                    continue
                status = self._status(route)
                if (status == 404) == (name in allowed):
                    wrong.append(f"{actor} {name} {route} → {status}")
        assert wrong == [], "\n".join(wrong)

    def test_anonymous_visitors_are_sent_to_the_login(self):
        """Without signing in every pattern redirects to the back office's login."""
        self.client.raise_request_exception = False
        wrong = []
        for route, _pattern, _model in self.patterns:
            address = _address(route, FOREIGN)
            response = self.client.get(address, HTTP_HOST="127.0.0.1")
            if "<notanumber:" in route and response.status_code == 404:
                continue  # steunpunt/urls.py's guard: a chooser asked for a non-number is not found
            if response.status_code != 302 or not response["Location"].startswith("/admin/login/"):
                wrong.append(f"{address} → {response.status_code}")
        assert wrong == []

    def test_a_model_screen_outside_the_role_answers_404_with_the_steunpunts_own_object(self):
        """Each role reaches no view of a model screen whose declaration names none of its actions."""
        from wagtail.permissions import policy_registry

        wrong = []
        for actor in Role:
            self._sign_in(actor)
            held = RULES[actor]
            for route, _pattern, model in self.patterns:
                policy = policy_registry.get_by_type(model) if model is not None else None
                if not isinstance(policy, ScopedPermissionPolicy):
                    continue
                declared = {action for actions in policy.actions.values() for action in actions}
                if declared & held:
                    continue
                address = _address(route, OWN)
                status = self._status(address)
                if status != 404:
                    wrong.append(f"{actor} {address} → {status}")
        assert wrong == [], "\n".join(wrong)

    def test_every_answer_showing_personal_data_left_an_audit_record_for_it(self):
        """Crawl every pattern as each case-reading and moderating role with the steunpunt's own objects:
        wherever a declared personal field's value appears, that object's read is in the audit log."""
        marked = []
        for obj in self.mine.values():
            for field in personal_fields(type(obj)) - {"__str__"}:
                value = str(getattr(obj, field) or "")
                if "EIGEN" in value:
                    marked.append((obj, value))
        assert {type(obj).__name__ for obj, _value in marked} >= {"Case", "Booking", "Registration", "Story"}
        wrong = []
        for actor in (Role.CONSULTANT, Role.VOLUNTEER, Role.COORDINATOR):
            self._sign_in(actor)
            for route, _pattern, _model in self.patterns:
                if "erase" in route or "wissen" in route:
                    continue
                address = _address(route, OWN)
                before = AuditRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
                response = self.client.get(address)
                if response.status_code != 200 or not hasattr(response, "content"):
                    continue
                body = response.content.decode(errors="replace")
                logged = set(
                    AuditRecord.objects.filter(pk__gt=before).values_list("object_type", "object_id")
                )
                for obj, value in marked:
                    if value in body and (obj._meta.model_name, str(obj.pk)) not in logged:
                        wrong.append(f"{actor} GET {address} shows {type(obj).__name__}.{value} unlogged")
        assert wrong == []
