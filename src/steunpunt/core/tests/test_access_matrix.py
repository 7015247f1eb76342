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

- every back-office URL pattern of Wagtail's own (pages with their history, revisions, workflow history,
  usage, move, copy, preview; documents, images, collections, snippets, choosers, reports, search,
  workflows, users, groups, sites, redirects, the admin API) requested by every role with the ids of
  another steunpunt's objects (its site's pages, its staff, its group) and of objects no role holds
  (documents, images, collections, workflows): 404 too. Only ``NOT_OBJECT_SCOPED`` lists patterns whose
  parameters name no object, each with its reason.

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
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunpunt.consultations.tests.factories import BookingFactory, SlotFactory
from steunpunt.meetings.tests.factories import MeetingFactory, RegistrationFactory
from steunpunt.outbox.models import OutboxMail
from steunpunt.privacy.models import AuditRecord
from steunpunt.schools.models import ProfileProposal
from steunpunt.schools.services import school_evaluation_give
from steunpunt.schools.tests.factories import SchoolFactory, school_contact
from steunpunt.socialmap.models import Organisation
from steunpunt.stories.tests.factories import StoryFactory
from steunpunt.support.services import school_referral_submit
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
        "schools_proposals",
        "search_synonyms:index",
        "search_synonyms:index_results",
        "selfhelp_deadline_rules:index",
        "selfhelp_deadline_rules:index_results",
        "selfhelp_letter_templates:index",
        "selfhelp_letter_templates:index_results",
        "selfhelp_route_steps:index",
        "selfhelp_route_steps:index_results",
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
        "failed_mails:index",
        "failed_mails:index_results",
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
        "schools_contact_add",
        "schools_contacts",
        "schools_proposals",
        "search_synonyms:index",
        "search_synonyms:index_results",
        "selfhelp_deadline_rules:index",
        "selfhelp_deadline_rules:index_results",
        "selfhelp_letter_templates:index",
        "selfhelp_letter_templates:index_results",
        "selfhelp_route_steps:index",
        "selfhelp_route_steps:index_results",
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
        "information_translations",
        "organisations:add",
        "organisations:index",
        "organisations:index_results",
        "search_synonyms:add",
        "search_synonyms:index",
        "search_synonyms:index_results",
        "selfhelp_deadline_rules:add",
        "selfhelp_deadline_rules:index",
        "selfhelp_deadline_rules:index_results",
        "selfhelp_letter_templates:add",
        "selfhelp_letter_templates:index",
        "selfhelp_letter_templates:index_results",
        "selfhelp_route_steps:add",
        "selfhelp_route_steps:index",
        "selfhelp_route_steps:index_results",
    },
    # the steunpunt's details, its staff and the audit log
    Role.ADMINISTRATOR: {
        "failed_mails:index",
        "failed_mails:index_results",
        "memberships:add",
        "memberships:index",
        "memberships:index_results",
        "privacy_audit_log",
        "schools_contact_add",
        "schools_contacts",
        "support_points:index",
        "support_points:index_results",
    },
    # their own school only: its profile proposals, referrals (their dates) and the opinion of the steunpunt
    Role.SCHOOL_CONTACT: {
        "schools_mine",
    },
    # the listing of the national articles' translations (their editor is Wagtail's page editor)
    Role.TRANSLATOR: {
        "information_translations",
    },
    Role.TRANSLATION_REVIEWER: {
        "information_translations",
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
        **_school_objects_of(support_point, tag),
        **_wagtail_objects_of(support_point, consultant, tag),
        "case": case,
        "slot": slot,
        "booking": BookingFactory(slot=slot, case=case, name=f"Boeker-{tag}", topic=f"Onderwerp-{tag}"),
        "meeting": meeting,
        "registration": RegistrationFactory(meeting=meeting, name=f"Deelnemer-{tag}"),
        "story": StoryFactory(support_point=support_point, submitted_text=f"Verhaal-{tag} over Noor"),
        "failed_mail": OutboxMail.objects.create(
            to=f"post-{tag}@example.test",
            subject="Uw vraag",
            body="Tekst",
            support_point=support_point,
            failed_at=timezone.now(),
            last_error="550 mailbox unknown",
        ),
        "organisation": Organisation.objects.create(
            name=f"Organisatie {tag}",
            category="care",
            helps_with="x",
            when_to_go="y",
            support_point=support_point,
        ),
    }


def _school_objects_of(support_point, tag):
    """A school of the steunpunt's region with its contact person, a proposed profile, a referral (a case)
    and an evaluation: each the first of its table, so it has the steunpunt's id."""
    school = SchoolFactory(name=f"School {tag}", support_point=support_point)
    contact = school_contact(school, support_point)
    grant = contact.school_contacts.get()
    proposal = ProfileProposal.objects.create(
        school=school,
        support_point=support_point,
        proposed_by=contact,
        proposed_at=timezone.now(),
        support_coordinator=f"Coördinator-{tag}",
    )
    referral = school_referral_submit(
        school=school,
        support_point=support_point,
        by=contact,
        data={
            "requester_name": f"Ouder-{tag}",
            "requester_email": f"ouder-{tag.lower()}@example.test",
            "question": f"Doorverwezen-{tag}",
            "school_type": "primary",
            "age_group": "4_12",
        },
        consent_statement="De ouder vindt het goed.",
    )
    school_evaluation_give(grant=grant, reachable=4, useful=5, remark=f"Opmerking-{tag}")
    return {"school": school, "school_contact": grant, "proposal": proposal, "school_referral": referral}


def _wagtail_objects_of(support_point, user, tag):
    """One of each of Wagtail's own objects: a draft on the steunpunt's home page in a workflow, and a
    collection, document, image, redirect and workflow that no steunpunt role holds."""
    from django.core.files.base import ContentFile
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection, GroupApprovalTask, Workflow, WorkflowTask

    home = support_point.site.root_page.specific
    home.title = f"Concept-{tag}"
    revision = home.save_revision(user=user)
    collection = Collection.get_first_root_node().add_child(name=f"Map {tag}")
    workflow = Workflow.objects.create(name=f"Werkwijze {tag}")
    task = GroupApprovalTask.objects.create(name=f"Taak {tag}")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    state = workflow.start(home, user)
    return {
        "page": home,
        "revision": revision,
        "collection": collection,
        "document": get_document_model().objects.create(
            title=f"Document {tag}", file=ContentFile(b"%PDF-1.4", name=f"{tag}.pdf"), collection=collection
        ),
        "image": get_image_model().objects.create(
            title=f"Beeld {tag}", file=get_test_image_file(), collection=collection
        ),
        "redirect": Redirect.objects.create(
            old_path=f"/oud-{tag.lower()}", redirect_page=home, site=support_point.site
        ),
        "workflow": workflow,
        "workflow_state": state,
    }


def _admin_patterns():
    """``(route, url name, model, ours)`` for every back-office pattern in the URL resolver; ``ours`` when it
    is one of the platform's own screens: a view in ``steunpunt.*`` or a view of a model screen of a
    steunpunt model (Wagtail's generic views)."""
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
                name = f"{namespace}{pattern.name}"
                if isinstance(model, type) and model.__module__.startswith("steunpunt."):
                    found.append((route, name, model, True))
                elif callback.__module__.startswith("steunpunt.") and view_class is None:
                    found.append((route, name, None, True))
                else:
                    found.append((route, name, model, False))

    walk(get_resolver(), "/")
    return found


def _patterns():
    """``(route, url name, model)`` for every back-office pattern of the platform's own screens."""
    return [(route, name, model) for route, name, model, ours in _admin_patterns() if ours]


# Wagtail's own patterns whose parameters name no object of anyone (or the signed-in user's own), so
# there is no other steunpunt's id to try. Everything else Wagtail serves under /admin/ with a
# parameter is requested with another steunpunt's ids and with ids outside the role.
NOT_OBJECT_SCOPED = {
    "/admin/.*/": "Wagtail's catch-all 404 for unknown admin addresses",
    "wagtail_bulk_action": "a model and an action name; the objects come as ?id= and are checked per object",
    "wagtailadmin_pages:add": "a page type and a parent: the parent is checked like every page (add_subpage)",
    "wagtailadmin_pages:preview_on_add": "a page type and a parent, like add",
    "wagtailadmin_pages:type_use": "a page type: lists pages the user may edit only",
    "wagtailadmin_pages:type_use_results": "a page type, like type_use",
    "wagtailadmin_pages:choose_parent": "a page type: lists the parents the user may add to",
    "wagtailadmin_tag_model_autocomplete": "a model's tags (free words, no personal data)",
    "wagtailadmin_editing_sessions:ping": "the signed-in user's own editing session",
    "wagtailadmin_editing_sessions:release": "the signed-in user's own editing session",
    "wagtailadmin_workflows:add_task": "a task type, no object",
    "wagtailsettings:edit": "a settings model, no steunpunt object (settings are per site, checked per site)",
    "wagtailadmin_password_reset_confirm": "a reset token of the signed-out user, not an object",
}


# The back office's own sign-in pages, open to everyone by nature.
PUBLIC_ADMIN = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_logout",
    None,
}


def _wagtail_object_patterns():
    """``(route, url name, model)`` of Wagtail's own back-office patterns that take an object."""
    return [
        (route, name, model)
        for route, name, model, ours in _admin_patterns()
        if not ours
        and _takes_object(route)
        and route not in NOT_OBJECT_SCOPED
        and name not in NOT_OBJECT_SCOPED
    ]


def _route(pattern):
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = text.removeprefix("^").removesuffix("$")
    return text


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def _address(route, number):
    """The route with every parameter filled: numbers with ``number``, texts with a plausible word."""

    def fill(match):
        converter, name = match.group(1), match.group(2) or ""
        named_id = converter == "str" and (name == "pk" or name.endswith("_id"))
        if match.group(3) or converter in (None, "int") or named_id:
            return str(number)
        return "json"

    return PARAMETER.sub(fill, route).replace("\\.", ".")


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
        # The school contact person acts for the steunpunt's own school; another school of the same
        # region stays out of reach.
        school_contact(cls.mine["school"], cls.own, user=cls.actors[Role.SCHOOL_CONTACT])
        cls.neighbour_school = SchoolFactory(name="School BUUR", support_point=cls.own)
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

    def _wrong_answers(self, actors, patterns, number, *, opens=lambda actor, name: False):
        """The one request-and-check of the matrix: every actor asks every ``(route, name, model)`` of
        ``patterns`` (or of ``patterns(actor)``) with ids ``number``; each must answer 404, unless
        ``opens(actor, name)`` says the actor may open it (then anything but 404). Returns the wrong
        answers."""
        wrong = []
        for actor in actors:
            self._sign_in(actor)
            for route, name, _model in patterns(actor) if callable(patterns) else patterns:
                address = _address(route, number)
                status = self._status(address)
                if (status == 404) == opens(actor, name):
                    wrong.append(f"{actor} {name} {address} → {status}")
        return wrong

    def _assert_answers(self, actors, patterns, number, **kwargs):
        wrong = self._wrong_answers(actors, patterns, number, **kwargs)
        assert wrong == [], "\n".join(wrong)

    def test_another_steunpunts_objects_answer_404_for_every_role(self):
        """Every pattern with an object, for every actor, with another steunpunt's id: 404."""
        with_object = [pattern for pattern in self.patterns if _takes_object(pattern[0])]
        self._assert_answers(list(Role), with_object, FOREIGN)
        # A platform administrator reaches every steunpunt's details, and nothing else.
        beyond_reach = [pattern for pattern in with_object if not _platform_reach(pattern[2])]
        self._assert_answers([SUPERUSER], beyond_reach, FOREIGN)

    def test_a_pattern_without_an_object_answers_404_unless_allowed_for_the_role(self):
        """Lists and add forms: only what ``ALLOWED`` names for the actor opens; everything else is 404."""
        without_object = [
            (route, name, model)
            for route, name, model in self.patterns
            if not _takes_object(route) and "logout" not in route
        ]

        def allowed(actor, name):
            return name in ALLOWED[actor]

        self._assert_answers(ACTORS, without_object, FOREIGN, opens=allowed)

    def test_the_matrix_covers_wagtails_own_back_office(self):
        """Wagtail's own screens come from the resolver too: pages, documents, images, collections,
        snippets, choosers, reports, search, workflows and the admin API."""
        routes = {route for route, _name, _model in _wagtail_object_patterns()}
        for route in (
            "/admin/pages/<int:page_id>/edit/",
            "/admin/pages/<int:page_id>/history/",
            "/admin/pages/<int:page_id>/revisions/",
            "/admin/pages/<int:page_id>/usage/",
            "/admin/pages/<int:page_to_move_id>/move/",
            "/admin/pages/<int:page_id>/copy/",
            "/admin/pages/<int:page_id>/delete/",
            "/admin/pages/<int:page_id>/unpublish/",
            "/admin/pages/<int:page_id>/workflow_history/",
            "/admin/pages/<int:page_id>/edit/preview/",
            "/admin/documents/edit/<int:document_id>/",
            "/admin/images/<int:image_id>/",
            "/admin/collections/<int:pk>/",
            "/admin/choose-page/<int:parent_page_id>/",
            "/admin/documents/chooser/chosen/<str:pk>/",
            "/admin/images/chooser/chosen/<str:pk>/",
            "/admin/workflows/edit/<int:pk>/",
            "/admin/api/main/pages/<int:pk>/",
            "/admin/api/main/documents/<int:pk>/",
        ):
            assert route in routes, route
        assert len(routes) > 80

    def test_wagtails_own_screens_answer_404_with_another_steunpunts_objects_for_every_role(self):
        """Another steunpunt's pages, revisions, workflow states and staff, and objects no role holds,
        through every Wagtail pattern that takes an object: 404 for every role."""
        self._assert_answers(list(Role), _wagtail_object_patterns(), FOREIGN)

    def test_wagtails_own_screens_answer_404_with_the_steunpunts_own_pages_outside_the_role(self):
        """Roles that edit no pages reach none of their own steunpunt's pages through Wagtail either."""
        outside = [role for role in Role if not RULES[role] & {Action.CONTENT_EDIT, Action.CONTENT_REVIEW}]
        self._assert_answers(outside, _wagtail_object_patterns(), OWN)

    def test_anonymous_visitors_are_sent_to_the_login(self):
        """Without signing in every pattern redirects to the back office's login."""
        self.client.raise_request_exception = False
        wrong = []
        everything = [route for route, name, _model, _ours in _admin_patterns() if name not in PUBLIC_ADMIN]
        for route in everything:
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

        def outside_the_role(actor):
            for route, name, model in self.patterns:
                policy = policy_registry.get_by_type(model) if model is not None else None
                if isinstance(policy, ScopedPermissionPolicy):
                    declared = {action for actions in policy.actions.values() for action in actions}
                    if not declared & RULES[actor]:
                        yield route, name, model

        self._assert_answers(list(Role), outside_the_role, OWN)

    def test_every_answer_showing_personal_data_left_an_audit_record_for_it(self):
        """Crawl every pattern of the platform (its model screens and its own views: cases, signals,
        development, consultations, meetings, stories, …) as every role with the steunpunt's own objects:
        wherever a declared personal field's value appears, that object's read is in the audit log."""
        marked = []
        for obj in self.mine.values():
            for field in personal_fields(type(obj)) - {"__str__"}:
                value = str(getattr(obj, field) or "")
                if "EIGEN" in value:
                    marked.append((obj, value))
        assert {type(obj).__name__ for obj, _value in marked} >= {
            "Case",
            "Booking",
            "Registration",
            "Story",
            "OutboxMail",
        }
        wrong = []
        for actor in Role:
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

    def test_a_school_contact_person_reaches_their_own_school_and_nothing_of_another(self):
        """Issue 18: every pattern that takes a school, asked by the school contact person with their own
        school opens; with another school of the same steunpunt or another steunpunt's school: 404."""
        school_patterns = [
            (route, name, model)
            for route, name, model in self.patterns
            if name in {"schools_propose", "schools_evaluate", "support_school_referral"}
        ]
        assert len(school_patterns) == 3
        actor = Role.SCHOOL_CONTACT
        own = self.mine["school"].pk
        self._sign_in(actor)
        for route, name, _model in school_patterns:
            assert self._status(_address(route, own)) == 200, name
        wrong = []
        for number in (self.neighbour_school.pk, self.foreign["school"].pk):
            wrong += self._wrong_answers([actor], school_patterns, number)
        assert wrong == [], "\n".join(wrong)
        # Never the case its own referral became.
        self._sign_in(actor)
        case = self.mine["school_referral"].case
        route = next(route for route, pattern, _model in self.patterns if pattern == "support_case")
        assert self._status(_address(route, case.pk)) == 404
