"""Eighteen months of work of a demo steunpunt: questions, contacts, evaluations, signals, stories,
meetings and regional supplements, so that the board report and the annual report show real
(unsuppressed) figures. The schools' demo support profiles come from ``schools.demo``, marked as demo.

Deterministic: one seeded random generator per steunpunt decides everything but the secrets (private
links and evaluation tokens stay unguessable). Fast: the questions and their rows are written with
``bulk_create`` in a handful of statements, consistent with what the services write (a status
history that follows the table in ``support.states``, first contact and closing times, an audit
record per question); the signals, stories and supplements go through their services.
"""

import datetime
import random
import secrets
from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from steunpunt.concerns.models import ConcernStatus, Severity
from steunpunt.concerns.services import concern_create, concern_publish, concern_transition
from steunpunt.evaluations.models import Invitation, Response
from steunpunt.evaluations.services import YOUTH_KINDS, audience_for, current_questionnaire
from steunpunt.information.models import ArticlePage, Theme
from steunpunt.information.services import supplement_save
from steunpunt.meetings.models import Meeting
from steunpunt.privacy.models import AuditAction
from steunpunt.privacy.services import audit_many
from steunpunt.socialmap.models import Organisation
from steunpunt.stories.models import Story
from steunpunt.stories.services import story_publish, story_submit
from steunpunt.support.models import (
    AgeGroup,
    AnswerBy,
    Case,
    CaseSchoolType,
    CaseStatus,
    CaseSupport,
    Channel,
    Contact,
    Outcome,
    Referral,
    ReferralOutcome,
    RequesterKind,
    StatusChange,
    SupportKind,
)
from steunpunt.support.services import REFERENCE_ALPHABET
from steunpunt.support.workdays import add_working_days
from steunpunt.tenants.roles import Role

MONTHS = 18  # at least; the whole of last year too, so the annual report opens on a full year
QUESTIONS_PER_MONTH = 30  # a steunpunt of some 360 questions a year
QUESTIONS = MONTHS * QUESTIONS_PER_MONTH  # per demo steunpunt, at the least
# Every category of the board report's main tables (who asks, age, school type, channel, theme,
# outcome) comes at least this often in every whole quarter, so the report shows it: the default threshold of
# small-cell suppression. One rare category would hide a second one too (secondary suppression, "×"),
# so none is left rare: also questions about a child younger than 4 (a preschool's or day-care's
# referral to special education) come five times a quarter, some 5% of a year's questions.
MINIMUM = 5
MARK = "(Voorbeeldvraag)"  # every generated question starts with it: demo text, not a real family

# Weights: what a steunpunt typically hears (made up, plausible; not measured).
REQUESTERS = [
    (RequesterKind.PARENT, 68),
    (RequesterKind.YOUNG_PERSON, 12),
    (RequesterKind.PROFESSIONAL, 10),
    (RequesterKind.CHILD, 4),
    (RequesterKind.OTHER, 6),
]
CHANNELS = [
    (Channel.WEB, 32),
    (Channel.PHONE, 26),
    (Channel.EMAIL, 14),
    (Channel.CALLBACK, 9),
    (Channel.CONSULTATION, 8),
    (Channel.WALK_IN, 5),
    (Channel.WEB_YOUTH, 6),
    (Channel.SCHOOL, 7),  # a warm referral by a school (issue 18)
]
AGES = [
    (AgeGroup.AGE_4_12, 46),
    (AgeGroup.AGE_12_18, 38),
    (AgeGroup.UNDER_4, 4),
    (AgeGroup.AGE_18_PLUS, 6),
    (AgeGroup.UNKNOWN, 6),
]
SCHOOLS_BY_AGE = {
    AgeGroup.AGE_4_12: [(CaseSchoolType.PRIMARY, 70), (CaseSchoolType.SBO, 12), (CaseSchoolType.SO, 10)],
    AgeGroup.AGE_12_18: [
        (CaseSchoolType.SECONDARY, 62),
        (CaseSchoolType.VSO, 14),
        (CaseSchoolType.PRO, 10),
        (CaseSchoolType.MBO, 6),
    ],
    AgeGroup.AGE_18_PLUS: [(CaseSchoolType.MBO, 80), (CaseSchoolType.VSO, 20)],
    AgeGroup.UNDER_4: [(CaseSchoolType.UNKNOWN, 100)],
    AgeGroup.UNKNOWN: [(CaseSchoolType.UNKNOWN, 100)],
}
OUTCOMES = [
    (Outcome.SOLVED, 44),
    (Outcome.PARTLY, 24),
    (Outcome.REFERRED, 12),
    (Outcome.NOT_SOLVED, 7),
    (Outcome.NO_CONTACT, 7),
    (Outcome.WITHDRAWN, 6),
]
THEMES = {
    "extra-ondersteuning": 16,
    "zorgplicht": 12,
    "thuiszitten-en-verzuim": 11,
    "aanmelden-en-toelaten": 9,
    "speciaal-onderwijs": 9,
    "overstap-po-vo": 7,
    "bezwaar-en-geschillen": 6,
    "jeugdhulp-en-school": 6,
    "hulp-en-advies": 5,
    "rechten-en-plichten": 5,
    "leerplicht": 4,
    "samenwerkingsverband": 4,
    "medezeggenschap": 3,
    "mbo": 3,
    "wet-en-beleid": 3,
}
QUESTION_TEXTS = [
    "Mijn kind krijgt op school niet de hulp die in het ontwikkelingsperspectief staat. Wat kan ik doen?",
    "De school zegt dat mijn kind beter naar het speciaal onderwijs kan. Hoe werkt een TLV?",
    "Mijn dochter zit al weken thuis. De school heeft geen plek voor haar. Wie moet nu iets doen?",
    "Ik wil mijn zoon aanmelden bij een school, maar de school zegt dat ze vol zitten. Mag dat?",
    "Hoe bereid ik het gesprek over het OPP voor? Ik ben het niet eens met de doelen.",
    "Mijn kind wordt steeds vaker naar huis gestuurd. Mag de school dat zomaar?",
    "Welke school past bij een kind met autisme in onze regio?",
    "Het schooladvies is lager dan we verwachtten. Kunnen we daar iets tegen doen?",
    "Ik ben het niet eens met de beslissing van het samenwerkingsverband. Hoe maak ik bezwaar?",
    "Kan iemand van het steunpunt mee naar het gesprek op school?",
    "Mijn kind heeft dyslexie. Welke hulp moet de school geven?",
    "Wat doet de leerplichtambtenaar als mijn kind niet naar school kan?",
    "Ik werk als jeugdconsulent. Waar kan een gezin terecht met vragen over passend onderwijs?",
    "Ik word op school gepest en mijn mentor doet niets. Wat kan ik doen?",
    "Mag ik zelf meepraten over mijn plan op school?",
    "Mijn kind gaat na de zomer naar het vo. Hoe zorg ik dat de extra hulp meegaat?",
]
CONTACT_SUMMARIES = [
    "(Voorbeeld) Situatie besproken en uitgelegd wat de zorgplicht betekent.",
    "(Voorbeeld) Gesprek met school voorbereid; vragenlijst meegegeven.",
    "(Voorbeeld) Mee geweest naar het gesprek op school; afspraken op papier gezet.",
    "(Voorbeeld) Teruggebeld: de school heeft een plek gevonden.",
    "(Voorbeeld) Uitleg over bezwaar en de Geschillencommissie gegeven.",
    "(Voorbeeld) Informatie over de TLV-aanvraag gemaild.",
]


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _reference(rng, taken):
    while True:
        reference = "V-" + "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(8))
        if reference not in taken:
            taken.add(reference)
            return reference


def _moment(rng, day, opening_days):
    """A time on ``day`` in office hours; a question on a closed day comes in through the web."""
    hour = rng.randint(9, 16) if day.weekday() in opening_days else rng.randint(7, 22)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, rng.randint(0, 59))))


def has_history(support_point):
    """Whether the eighteen months were generated before (loading the demo again changes nothing)."""
    return support_point.cases.filter(
        question__startswith=MARK, created_at__lt=timezone.now() - timedelta(days=60)
    ).exists()


def load_history(support_point, *, today=None):
    """Create the steunpunt's eighteen months of questions and the rest, once."""
    if has_history(support_point):
        return
    today = today or timezone.localdate()
    rng = random.Random(f"demo-history:{support_point.slug}")  # noqa: S311  # nosec B311  # demo data
    _questions(support_point, rng, today)
    _signals(support_point, today)
    _stories(support_point)
    _meetings(support_point, rng, today)
    _supplements(support_point)


def _questions(support_point, rng, today):
    User = get_user_model()
    staff = list(
        User.objects.filter(
            memberships__support_point=support_point,
            memberships__role__in=[Role.CONSULTANT, Role.COORDINATOR],
        ).order_by("username")
    )
    themes = {theme.slug: theme for theme in Theme.objects.filter(slug__in=THEMES)}
    theme_weights = [(slug, weight) for slug, weight in THEMES.items() if slug in themes]
    organisations = list(
        Organisation.objects.filter(support_point__isnull=True).order_by("name").values_list("pk", flat=True)
    )
    opening_days = set(support_point.opening_hours.values_list("weekday", flat=True))
    start = history_start(today)
    days = (today - start).days
    taken = set(Case.objects.values_list("reference", flat=True))
    now = timezone.now()

    plans = []
    for _number in range(round(days * QUESTIONS_PER_MONTH / 30.4)):
        day = start + timedelta(days=rng.randrange(days))
        if day.weekday() >= 5 and rng.random() < 0.7:  # fewer questions at weekends
            day -= timedelta(days=day.weekday() - 4)
        created = _moment(rng, day, opening_days)
        kind = _pick(rng, REQUESTERS)
        young = kind in YOUTH_KINDS
        channel = Channel.WEB_YOUTH if young and rng.random() < 0.6 else _pick(rng, CHANNELS)
        if channel == Channel.WEB_YOUTH and not young:
            channel = Channel.WEB
        if channel == Channel.SCHOOL and young:  # a school refers a family through the parent
            channel = Channel.WEB_YOUTH
        age = AgeGroup.AGE_12_18 if kind == RequesterKind.YOUNG_PERSON else _pick(rng, AGES)
        if kind == RequesterKind.CHILD:
            age = AgeGroup.AGE_4_12
        school_type = (
            CaseSchoolType.NONE if rng.random() < 0.06 else _pick(rng, SCHOOLS_BY_AGE[AgeGroup(age)])
        )
        urgent = school_type == CaseSchoolType.NONE or rng.random() < 0.08
        age_days = (today - day).days
        # Older questions are closed; the last weeks have work in every state.
        if age_days > 45 or rng.random() < 0.45:
            status = CaseStatus.CLOSED
        else:
            status = rng.choice(
                [CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS, CaseStatus.WAITING]
            )
        first_contact = None
        if status != CaseStatus.NEW:
            first_contact = created + timedelta(hours=rng.choice([2, 5, 20, 26, 48, 70, 96]))
        closed = None
        if status == CaseStatus.CLOSED:
            closed = min(first_contact + timedelta(days=rng.randint(1, 50), hours=rng.randint(0, 6)), now)
        if first_contact and first_contact > now:
            first_contact = now
        case_themes = [_pick(rng, theme_weights) for _index in range(rng.choice([1, 1, 2]))]
        plans.append(
            {
                "case": Case(
                    support_point=support_point,
                    reference=_reference(rng, taken),
                    access_token=secrets.token_urlsafe(32),
                    status=status,
                    channel=channel,
                    urgent=urgent,
                    requester_kind=kind,
                    age_group=age,
                    school_type=school_type,
                    question=f"{MARK} {rng.choice(QUESTION_TEXTS)}",
                    answer_by=rng.choice([AnswerBy.LINK, AnswerBy.EMAIL, AnswerBy.PHONE]),
                    consent_at=created,
                    evaluation_consent=status == CaseStatus.CLOSED and rng.random() < 0.45,
                    assigned_to=rng.choice(staff) if staff and status != CaseStatus.NEW else None,
                    created_at=created,
                    first_contact_due=add_working_days(
                        created,
                        support_point.urgent_first_contact_days
                        if urgent
                        else support_point.first_contact_days,
                    ),
                    first_contact_at=first_contact,
                    closed_at=closed,
                    outcome=_pick(rng, OUTCOMES) if closed else "",
                ),
                "themes": sorted(set(case_themes)),
            }
        )
    _top_up(plans, rng, start, today, [slug for slug, _weight in theme_weights])
    cases = Case.objects.bulk_create([plan["case"] for plan in plans])
    for plan, case in zip(plans, cases, strict=True):
        plan["case"] = case

    through = Case.themes.through
    through.objects.bulk_create(
        through(case_id=plan["case"].pk, theme_id=themes[slug].pk)
        for plan in plans
        for slug in plan["themes"]
    )
    changes, contacts, support, referrals = [], [], [], []
    for plan in plans:
        case = plan["case"]
        by = case.assigned_to
        changes.append(StatusChange(case=case, from_status="", to_status=CaseStatus.NEW, at=case.created_at))
        if case.first_contact_at:
            changes.append(
                StatusChange(
                    case=case,
                    from_status=CaseStatus.NEW,
                    to_status=CaseStatus.IN_PROGRESS,
                    by=by,
                    at=case.first_contact_at,
                )
            )
            last = case.closed_at or now
            for index in range(rng.choice([1, 1, 2, 2, 3])):
                moment = case.first_contact_at + (last - case.first_contact_at) * (index / 3)
                contacts.append(
                    Contact(
                        case=case,
                        channel=rng.choice([Channel.PHONE, Channel.PHONE, Channel.EMAIL, Channel.WALK_IN]),
                        on=timezone.localtime(moment).date(),
                        minutes=rng.choice([10, 15, 20, 30, 45, 60, 90]),
                        summary=rng.choice(CONTACT_SUMMARIES),
                        by=by,
                    )
                )
            kinds = {SupportKind.INFORMATION} if rng.random() < 0.85 else set()
            if rng.random() < 0.6:
                kinds.add(SupportKind.ADVICE)
            if rng.random() < 0.15:
                kinds.add(SupportKind.ACCOMPANIMENT)
            if rng.random() < 0.07:
                kinds.add(SupportKind.MEDIATION)
            if case.outcome == Outcome.REFERRED and organisations:
                kinds.add(SupportKind.REFERRAL)
                referrals.append(
                    Referral(
                        case=case,
                        organisation_id=rng.choice(organisations),
                        consent=True,
                        outcome=rng.choice(list(ReferralOutcome)),
                        created_at=case.closed_at - timedelta(days=1),
                    )
                )
            support.extend(
                CaseSupport(case=case, kind=kind) for kind in sorted(kinds or {SupportKind.INFORMATION})
            )
        if case.status == CaseStatus.WAITING:
            changes.append(
                StatusChange(
                    case=case,
                    from_status=CaseStatus.IN_PROGRESS,
                    to_status=CaseStatus.WAITING,
                    by=by,
                    at=case.first_contact_at + timedelta(hours=1),
                )
            )
        if case.closed_at:
            changes.append(
                StatusChange(
                    case=case,
                    from_status=CaseStatus.IN_PROGRESS,
                    to_status=CaseStatus.CLOSED,
                    by=by,
                    at=case.closed_at,
                )
            )
    StatusChange.objects.bulk_create(changes)
    Contact.objects.bulk_create(contacts)
    CaseSupport.objects.bulk_create(support)
    Referral.objects.bulk_create(referrals)
    _evaluations(support_point, rng, plans, themes)
    audit_many(
        actor=None,
        action=AuditAction.CREATE,
        entries=[(plan["case"], support_point.pk, "demo data") for plan in plans],
        detail="demo history",
    )


def history_start(today):
    """The first day of the history: eighteen months back, or the first of January of last year if that
    is earlier (the annual report opens on the last whole year)."""
    return min(today - timedelta(days=MONTHS * 30 + 5), datetime.date(today.year - 1, 1, 1))


def whole_quarters(start, today):
    """``(first day, first day after)`` of every calendar quarter that lies whole between ``start`` and
    ``today``."""

    def quarter_after(first):
        index = first.year * 12 + first.month - 1 + 3
        return datetime.date(index // 12, index % 12 + 1, 1)

    first = datetime.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    if first < start:
        first = quarter_after(first)
    while quarter_after(first) <= today:
        yield first, quarter_after(first)
        first = quarter_after(first)


# The ages a type of school goes with (a question about "no school" or "not known" fits every age).
AGES_OF_SCHOOL = {
    CaseSchoolType.PRIMARY: {AgeGroup.AGE_4_12},
    CaseSchoolType.SBO: {AgeGroup.AGE_4_12},
    CaseSchoolType.SO: {AgeGroup.AGE_4_12},
    CaseSchoolType.SECONDARY: {AgeGroup.AGE_12_18},
    CaseSchoolType.VSO: {AgeGroup.AGE_12_18, AgeGroup.AGE_18_PLUS},
    CaseSchoolType.PRO: {AgeGroup.AGE_12_18},
    CaseSchoolType.MBO: {AgeGroup.AGE_12_18, AgeGroup.AGE_18_PLUS},
}
YOUNG_AGE = {RequesterKind.CHILD: AgeGroup.AGE_4_12, RequesterKind.YOUNG_PERSON: AgeGroup.AGE_12_18}


def _may_give(case, field, value):
    """Whether ``case`` can take ``value`` for ``field`` and stay consistent (a child is 4 to 12, the
    form for young people is used by young people, a type of school fits the age)."""
    if field == "requester_kind":
        return case.requester_kind == RequesterKind.PARENT and case.age_group == YOUNG_AGE.get(
            value, case.age_group
        )
    if field == "age_group":
        if case.requester_kind in YOUNG_AGE:
            return False
        if value in (AgeGroup.UNDER_4, AgeGroup.UNKNOWN):
            # Age not given fits every school; a child under 4 has its school "not known" (below).
            return True
        return case.school_type not in AGES_OF_SCHOOL or value in AGES_OF_SCHOOL[case.school_type]
    if field == "school_type":
        return value not in AGES_OF_SCHOOL or case.age_group in AGES_OF_SCHOOL[value]
    if field == "channel":
        return value != Channel.WEB_YOUTH or case.requester_kind in YOUTH_KINDS
    return True


def _top_up_field(rng, plans, field, values):
    """Give every value of ``field`` at least ``MINIMUM`` of ``plans``, taken from values that have more."""
    counts = Counter(getattr(plan["case"], field) for plan in plans)
    for value in values:
        while counts[value] < MINIMUM:
            donors = [
                plan["case"]
                for plan in plans
                if counts[getattr(plan["case"], field)] > MINIMUM and _may_give(plan["case"], field, value)
            ]
            if not donors:
                break
            case = rng.choice(donors)
            counts[getattr(case, field)] -= 1
            counts[value] += 1
            setattr(case, field, value)
            if field == "age_group" and value == AgeGroup.UNDER_4:
                case.school_type = CaseSchoolType.UNKNOWN
            if field == "school_type" and value == CaseSchoolType.NONE and not case.urgent:
                # A child without a school is urgent (support.services.case_submit).
                case.urgent = True
                case.first_contact_due = add_working_days(
                    case.created_at, case.support_point.urgent_first_contact_days
                )


def _top_up_themes(rng, plans, slugs):
    counts = Counter(slug for plan in plans for slug in plan["themes"])
    for slug in slugs:
        while counts[slug] < MINIMUM:
            donors = [
                (plan, given)
                for plan in plans
                if slug not in plan["themes"]
                for given in plan["themes"]
                if counts[given] > MINIMUM
            ]
            if not donors:
                break
            plan, given = rng.choice(donors)
            plan["themes"] = sorted((set(plan["themes"]) - {given}) | {slug})
            counts[given] -= 1
            counts[slug] += 1


def _top_up(plans, rng, start, today, slugs):
    """In every whole quarter, bring each category of the report's main tables to ``MINIMUM``: a few
    questions of the most frequent categories become one of a rare category, consistently (who asks
    first, then the age, the type of school, the channel, the themes; outcomes by the quarter of
    closing)."""

    def day(moment):
        return timezone.localtime(moment).date()

    for first, after in whole_quarters(start, today):
        came_in = [plan for plan in plans if first <= day(plan["case"].created_at) < after]
        _top_up_field(rng, came_in, "requester_kind", RequesterKind.values)
        _top_up_field(rng, came_in, "age_group", AgeGroup.values)
        _top_up_field(rng, came_in, "school_type", CaseSchoolType.values)
        _top_up_field(rng, came_in, "channel", Channel.values)
        _top_up_themes(rng, came_in, slugs)
        closed = [
            plan
            for plan in plans
            if plan["case"].closed_at is not None and first <= day(plan["case"].closed_at) < after
        ]
        _top_up_field(rng, closed, "outcome", Outcome.values)


def _evaluations(support_point, rng, plans, themes):
    """An invitation for each closed question whose requester agreed; about half of them answered."""
    kinds_by_case = {}
    for support in CaseSupport.objects.filter(case__in=[plan["case"] for plan in plans]).values_list(
        "case_id", "kind"
    ):
        kinds_by_case.setdefault(support[0], []).append(support[1])
    questionnaires = {}
    invitations, responses, invited_cases = [], [], []
    for plan in plans:
        case = plan["case"]
        if not case.evaluation_consent:
            continue
        audience = audience_for(case)
        if audience not in questionnaires:
            questionnaires[audience] = current_questionnaire(support_point, audience)
        questionnaire = questionnaires[audience]
        month = timezone.localtime(case.closed_at).date().replace(day=1)
        answered = rng.random() < 0.55
        invitation = Invitation(
            support_point=support_point,
            questionnaire=questionnaire,
            period=month,
            themes=plan["themes"],
            support_kinds=sorted(kinds_by_case.get(case.pk, [])),
            answered=answered,
            created_at=case.closed_at,
        )
        invitations.append(invitation)
        case.evaluation_token = invitation.token
        invited_cases.append(case)
        if answered:
            good = case.outcome in (Outcome.SOLVED, Outcome.PARTLY)
            answers = {}
            for question in questionnaire.questions:
                if question["kind"] == "scale":
                    answers[question["key"]] = str(rng.choice([4, 5, 5, 4, 3] if good else [2, 3, 3, 4, 1]))
                elif question["kind"] == "yes_partly_no":
                    answers[question["key"]] = rng.choice(
                        ["yes", "yes", "partly"] if good else ["partly", "no"]
                    )
                elif question["kind"] == "yes_no":
                    answers[question["key"]] = rng.choice(
                        ["yes", "yes", "yes", "no"] if good else ["yes", "no"]
                    )
            responses.append(
                Response(
                    support_point=support_point,
                    questionnaire=questionnaire,
                    period=month,
                    themes=plan["themes"],
                    support_kinds=invitation.support_kinds,
                    answers=answers,
                )
            )
    Invitation.objects.bulk_create(invitations)
    Response.objects.bulk_create(responses)
    Case.objects.bulk_update(invited_cases, ["evaluation_token"])


SIGNALS = [
    (
        "(Voorbeeld) Te weinig plekken in het speciaal onderwijs in de regio",
        Severity.HIGH,
        [ConcernStatus.DISCUSSED, ConcernStatus.RESPONSE, ConcernStatus.FOLLOWED_UP, ConcernStatus.CLOSED],
        "(Voorbeeld) Het samenwerkingsverband maakt afspraken met twee SO-scholen over extra plekken.",
        "(Voorbeeld) Er zijn tien extra plekken; de wachttijd is korter geworden.",
    ),
    (
        "(Voorbeeld) Ouders horen laat dat hun kind een OPP heeft",
        Severity.MEDIUM,
        [ConcernStatus.DISCUSSED, ConcernStatus.RESPONSE, ConcernStatus.FOLLOWED_UP],
        "(Voorbeeld) Scholen krijgen een brief: bespreek het OPP eerst met de ouders.",
        "(Voorbeeld) In de nieuwe afspraken staat dat ouders het OPP vooraf lezen.",
    ),
    (
        "(Voorbeeld) Leerlingen worden vaak naar huis gestuurd zonder melding",
        Severity.HIGH,
        [ConcernStatus.DISCUSSED, ConcernStatus.RESPONSE],
        "(Voorbeeld) De leerplicht en het samenwerkingsverband gaan dit samen volgen.",
        "",
    ),
    (
        "(Voorbeeld) Weinig informatie voor jongeren over hun eigen plan",
        Severity.LOW,
        [ConcernStatus.DISCUSSED],
        "",
        "",
    ),
    ("(Voorbeeld) Vervoer naar het speciaal onderwijs kost te veel tijd", Severity.MEDIUM, [], "", ""),
]


def _signals(support_point, today):
    """Signals at every step of the follow-up, spread over the eighteen months (the board report lists
    them with the board's response and what changed)."""
    for index, (title, severity, steps, response, change) in enumerate(SIGNALS):
        if support_point.concerns.filter(title=title).exists():
            continue
        raised = today - timedelta(days=480 - index * 100)
        concern = concern_create(
            support_point=support_point,
            title=title,
            description="(Voorbeeld) Meerdere ouders en jongeren vertelden ons hierover. Geen namen.",
            severity=severity,
            by=None,
        )
        type(concern).objects.filter(pk=concern.pk).update(raised_on=raised)
        concern.raised_on = raised
        for number, step in enumerate(steps, start=1):
            text = {ConcernStatus.RESPONSE: response, ConcernStatus.FOLLOWED_UP: change}.get(step, "")
            concern = concern_transition(
                concern=concern, to=step, on=raised + timedelta(days=number * 30), text=text, by=None
            )
        if change:
            concern_publish(
                concern=concern,
                published=True,
                heard=f"(Voorbeeld) Ouders vertelden ons: {title[12:].lower()}.",
                changed=change,
                by=None,
            )


STORIES = [
    (
        Story.Author.PARENT,
        "(Voorbeeld) Eindelijk een plek die past",
        "(Voorbeeld) Onze zoon zat maanden thuis. Het steunpunt ging mee naar school. "
        "Nu gaat hij vier ochtenden per week naar een nieuwe school.",
        "thuiszitten",
    ),
    (
        Story.Author.YOUNG_PERSON,
        "(Voorbeeld) Ik mocht zelf meepraten",
        "(Voorbeeld) Ik wist niet dat ik mocht meepraten over mijn plan. Nu zit ik bij elk gesprek.",
        "meepraten-over-je-opp",
    ),
    (
        Story.Author.PARENT,
        "(Voorbeeld) Hulp bij de TLV",
        "(Voorbeeld) Het was een papierwinkel. Met hulp van het steunpunt wisten we wat we moesten vragen.",
        "toelaatbaarheidsverklaring",
    ),
]


def _stories(support_point):
    """Published stories (moderated text, with consent), each beside an article it belongs to."""
    moderator = get_user_model().objects.filter(username=f"{support_point.slug}-volunteer").first()
    for author, title, text, slug in STORIES:
        if support_point.stories.filter(title=title).exists():
            continue
        story = story_submit(support_point=support_point, author=author, text=text, consent=True)
        story = story_publish(story=story, title=title, text=text, by=moderator)
        article = ArticlePage.objects.filter(slug=slug).first()
        if article is not None:
            story.articles.add(article)


def _meetings(support_point, rng, today):
    """Meetings through the year: past evenings and the next ones."""
    titles = [
        (-300, "Informatieavond: wat is passend onderwijs? (demo)"),
        (-200, "Koffieochtend voor ouders van thuiszitters (demo)"),
        (-90, "Workshop: het gesprek over het OPP voorbereiden (demo)"),
        (35, "Jongerenavond: praat mee over je school (demo)"),
    ]
    for offset, title in titles:
        day = today + timedelta(days=offset)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(19, 30)))
        Meeting.objects.get_or_create(
            support_point=support_point,
            title=title,
            defaults={
                "description": "(Voorbeeld) Een bijeenkomst van het steunpunt. Voorbeeldtekst.",
                "starts_at": start,
                "ends_at": start + timedelta(hours=2),
                "place": support_point.address,
                "capacity": rng.choice([15, 20, 30]),
            },
        )


SUPPLEMENTS = {
    "thuiszitten": "(Voorbeeld, nog niet gecontroleerd) In onze regio heeft het samenwerkingsverband een "
    "thuiszittersoverleg. Het steunpunt kan u daarbij helpen.",
    "toelaatbaarheidsverklaring": "(Voorbeeld, nog niet gecontroleerd) Het samenwerkingsverband beslist "
    "binnen zes weken over een TLV. Het loket is open op werkdagen.",
    "ontwikkelingsperspectief": "(Voorbeeld, nog niet gecontroleerd) Scholen in onze regio bespreken het "
    "OPP ieder jaar met ouders en leerling.",
    "zorgplicht": "(Voorbeeld, nog niet gecontroleerd) Vindt de school geen plek? Het samenwerkingsverband "
    "helpt zoeken.",
}


def _supplements(support_point):
    editor = get_user_model().objects.filter(username=f"{support_point.slug}-editor").first()
    for slug, body in SUPPLEMENTS.items():
        article = ArticlePage.objects.filter(slug=slug).first()
        if article is not None and not article.supplements.filter(support_point=support_point).exists():
            supplement_save(
                article=article, support_point=support_point, body=[("paragraph", body)], by=editor
            )
