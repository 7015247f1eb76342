"""Loading the demo installation; every step is safe to repeat."""

import hashlib
import hmac
import json
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunpunt.accounts.totp import base32_secret
from steunpunt.ambitions.demo import load_demo as ambitions_demo
from steunpunt.concerns.models import Severity
from steunpunt.concerns.services import concern_create, concern_publish
from steunpunt.consultations.services import next_opening_start, slot_create
from steunpunt.core.references import references_indexed_at_the_end
from steunpunt.development.demo import load_demo as development_demo
from steunpunt.information.models import Theme
from steunpunt.information.services import library_ensure
from steunpunt.information.starter import load_starter_articles, load_starter_glossary, load_starter_synonyms
from steunpunt.information.starter_translations import load_starter_translations
from steunpunt.meetings.models import Meeting
from steunpunt.portal.services import platform_site_ensure
from steunpunt.schools.demo import load_demo as schools_demo
from steunpunt.schools.demo import load_partners as schools_partners_demo
from steunpunt.selfhelp.starter import load_starter_selfhelp
from steunpunt.socialmap.starter import load_starter_organisations
from steunpunt.support.models import (
    AgeGroup,
    AnswerBy,
    CaseSchoolType,
    CaseStatus,
    Channel,
    Outcome,
    RequesterKind,
    SchoolReferral,
    SupportKind,
)
from steunpunt.support.services import (
    case_assign,
    case_submit,
    case_transition,
    contact_add,
    message_from_staff,
    school_referral_submit,
)
from steunpunt.tenants.models import OpeningPeriod, SupportPoint
from steunpunt.tenants.roles import Role
from steunpunt.tenants.services import membership_grant, support_point_create

from .data import DEMO_SUPPORT_POINTS
from .history import load_history


def _derive(purpose, username, length):
    """Return a stable secret for a demo account, unique to this installation's key."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{purpose}:{username}".encode(), hashlib.sha256)
    return digest.hexdigest()[:length]


def demo_password(username):
    return f"demo-{_derive('password', username, 16)}"


def _demo_account(username, role, support_point):
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": Role(role).label, "last_name": f"({support_point.slug})"},
    )
    user.email = f"{username}@demo.example"
    user.is_active = True
    user.set_password(demo_password(username))
    user.save()
    membership_grant(user=user, support_point=support_point, role=role)
    device = TOTPDevice.objects.filter(user=user, name="demo").first() or TOTPDevice(user=user, name="demo")
    device.key = _derive("totp", username, 40)
    device.confirmed = True
    device.save()
    return user, device


@transaction.atomic
def load_demo_data(*, port=8000):
    """Create or refresh the demo installation; return the demo logins."""
    with references_indexed_at_the_end():
        return _load_demo_data(port)


def _load_demo_data(port):
    platform_site_ensure(port=port)
    library_ensure()
    load_starter_articles()
    load_starter_translations()
    load_starter_glossary()
    _national_offer()
    logins = []
    for spec in DEMO_SUPPORT_POINTS:
        support_point = SupportPoint.objects.filter(slug=spec["slug"]).first()
        if support_point is None:
            support_point = support_point_create(
                name=spec["name"],
                slug=spec["slug"],
                hostname=spec["hostname"],
                partnership_codes=spec["partnership_codes"],
                email=spec["email"],
                phone=spec["phone"],
                address=spec["address"],
                brand_colour=spec["brand_colour"],
                port=port,
                is_demo=True,
            )
            OpeningPeriod.objects.bulk_create(
                OpeningPeriod(
                    support_point=support_point, weekday=day, opens=opens, closes=closes, sort_order=index
                )
                for index, (day, opens, closes) in enumerate(spec["opening_hours"])
            )
        languages = spec.get("languages", list(SupportPoint._meta.get_field("languages").get_default()))
        if support_point.languages != languages:
            support_point.languages = languages
            support_point.save(update_fields=["languages"])
        site = support_point.site
        if site.port != port:
            site.port = port
            site.save(update_fields=["port"])
        accounts = {}
        for role in Role:
            username = f"{spec['slug']}-{role.value.replace('_', '-')}"
            accounts[role], device = _demo_account(username, role, support_point)
            logins.append(
                {
                    "steunpunt": support_point.name,
                    "site": f"{site.root_url}/",
                    "role": role.value,
                    "role_label": str(role.label),
                    "username": username,
                    "password": demo_password(username),
                    "totp_secret": base32_secret(device),
                }
            )
        _demo_cases(support_point)
        _demo_school_partners(support_point, accounts[Role.SCHOOL_CONTACT], accounts[Role.EDITOR])
        load_history(support_point)
        development_demo(support_point)
        ambitions_demo(support_point)
    # After the loop: on a new database the demo steunpunten exist only from here on.
    _demo_meetings()
    return logins


def _demo_consultations_and_signals(support_point):
    """Four weekly consultation times, on a day the steunpunt is open, and one published signal per
    demo steunpunt, once."""
    if not support_point.consultation_slots.exists():
        start = next_opening_start(support_point, timezone.now() + timedelta(days=6)) or (
            timezone.localtime().replace(hour=15, minute=0, second=0, microsecond=0) + timedelta(days=7)
        )
        slot_create(
            support_point=support_point,
            data={
                "starts_at": start,
                "ends_at": start + timedelta(minutes=30),
                "place": support_point.address or "Het steunpunt",
                "online_url": "",
                "note": "Voorbeeld: bel aan bij de zij-ingang.",
            },
            by=None,
            repeat_weeks=3,
        )
    if not support_point.concerns.exists():
        concern = concern_create(
            support_point=support_point,
            title="(Voorbeeld) Lange wachttijd voor een plek in het speciaal onderwijs",
            description="Voorbeeldsignaal: meerdere ouders wachten maanden op een plek.",
            severity=Severity.HIGH,
            by=None,
        )
        concern_publish(
            concern=concern,
            published=True,
            heard=(
                "(Voorbeeld) Ouders vertelden ons dat hun kind lang moet wachten "
                "op een plek in het speciaal onderwijs."
            ),
            changed="",
            by=None,
        )


def _demo_cases(support_point):
    """Three example questions per demo steunpunt, once: new and urgent, in progress, closed."""
    _demo_consultations_and_signals(support_point)
    if support_point.cases.exists():
        return
    consultant = get_user_model().objects.get(username=f"{support_point.slug}-consultant")
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    case_submit(
        support_point=support_point,
        channel=Channel.WEB,
        data={
            "requester_kind": RequesterKind.PARENT,
            "question": (
                "(Voorbeeldvraag) Mijn zoon van 9 zit sinds de herfstvakantie thuis. De school zegt dat ze "
                "hem niet de hulp kunnen geven die hij nodig heeft. Wat kan ik doen?"
            ),
            "age_group": AgeGroup.AGE_4_12,
            "school_type": CaseSchoolType.NONE,
            "answer_by": AnswerBy.LINK,
        },
        themes=[themes[slug] for slug in ("thuiszitten-en-verzuim", "zorgplicht") if slug in themes],
    )
    working = case_submit(
        support_point=support_point,
        channel=Channel.PHONE,
        data={
            "requester_kind": RequesterKind.PARENT,
            "question": "(Voorbeeldvraag) Moeder vraagt hoe een TLV voor het speciaal onderwijs werkt.",
            "age_group": AgeGroup.AGE_4_12,
            "school_type": CaseSchoolType.PRIMARY,
            "requester_name": "Demo-ouder",
            "requester_phone": "06 00000000",
            "answer_by": AnswerBy.PHONE,
            # A mother who speaks Polish best, with an interpreter for the call (the inbox's "Taal").
            "language": "pl",
            "interpreter_needed": True,
        },
        themes=[themes[slug] for slug in ("speciaal-onderwijs",) if slug in themes],
        support_kinds=[SupportKind.INFORMATION],
        by=consultant,
    )
    case_assign(case=working, consultant=consultant, by=consultant)
    contact_add(
        case=working,
        channel=Channel.PHONE,
        on=timezone.localdate(),
        minutes=20,
        summary="(Voorbeeld) Uitleg gegeven over de TLV en het gesprek met het samenwerkingsverband.",
        by=consultant,
    )
    done = case_submit(
        support_point=support_point,
        channel=Channel.WEB_YOUTH,
        data={
            "requester_kind": RequesterKind.YOUNG_PERSON,
            "question": "(Voorbeeldvraag) Mag ik meepraten over mijn OPP?",
            "age_group": AgeGroup.AGE_12_18,
            "school_type": CaseSchoolType.SECONDARY,
            "answer_by": AnswerBy.LINK,
        },
    )
    message_from_staff(
        case=done, body="(Voorbeeld) Ja, dat mag. Vraag je mentor om een gesprek over je OPP.", by=consultant
    )
    case_transition(case=done, to=CaseStatus.CLOSED, by=consultant, outcome=Outcome.SOLVED)


def _demo_school_partners(support_point, contact, editor):
    """The demo school contact person's school (an approved and a waiting profile change), one referral of
    a family by it, and six other schools' opinions of the steunpunt (``schools.demo.load_partners``)."""
    school = schools_partners_demo(support_point, contact, editor)
    if school is None or SchoolReferral.objects.filter(school=school, support_point=support_point).exists():
        return
    school_referral_submit(
        school=school,
        support_point=support_point,
        by=contact,
        data={
            "requester_name": "Demo-ouder (Voorbeeld)",
            "requester_email": "demo-ouder@demo.example",
            "question": "(Voorbeeldvraag) Mijn dochter krijgt geen extra hulp bij lezen, terwijl ze dyslexie "
            "heeft. De school zegt dat er geen geld voor is.",
            "tried": "(Voorbeeld) Twee gesprekken met de leerkracht en de intern begeleider.",
            "school_type": CaseSchoolType.PRIMARY,
            "age_group": AgeGroup.AGE_4_12,
        },
        consent_statement="(Voorbeeld) De ouder vindt het goed dat de school deze gegevens doorgeeft.",
        is_demo=True,
    )


def _national_offer():
    """National organisations, search synonyms, and the schools of the demo regions (all types)."""
    load_starter_synonyms()
    load_starter_organisations()
    load_starter_selfhelp()
    schools_demo([code for spec in DEMO_SUPPORT_POINTS for code in spec["partnership_codes"]])


def _demo_meetings():
    """One meeting per demo steunpunt, two weeks ahead."""
    start = timezone.localtime().replace(hour=19, minute=30, second=0, microsecond=0) + timedelta(days=14)
    for support_point in SupportPoint.objects.filter(is_demo=True):
        Meeting.objects.get_or_create(
            support_point=support_point,
            title="Thema-avond: de overstap naar het voortgezet onderwijs (demo)",
            defaults={
                "description": (
                    "Een avond voor ouders over de overstap van de basisschool naar het vo. Voorbeeldtekst."
                ),
                "starts_at": start,
                "ends_at": start + timedelta(hours=2),
                "place": support_point.address,
                "capacity": 20,
            },
        )


def write_logins(logins, path):
    path.write_text(json.dumps(logins, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    path.chmod(0o600)
