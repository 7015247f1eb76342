import datetime

from django.db.models import Count, Q

from steunpunt.tenants.access import scoped
from steunpunt.tenants.policy import Action
from steunpunt.tenants.regions import InvalidPostcode, normalise_postcode

from .geo import distance_km, postcode_point
from .models import (
    ProfileProposal,
    Rating,
    School,
    SchoolContact,
    SchoolEvaluation,
    SchoolPartnership,
    SchoolType,
    Specialism,
)


def schools_for_support_point(support_point, *, school_type="", specialism="", place=""):
    """The schools of the steunpunt's partnerships, filtered as a parent asks."""
    schools = School.objects.filter(partnerships__support_point=support_point).distinct()
    if school_type in SchoolType.values:
        schools = schools.filter(school_type=school_type)
    if specialism:
        schools = schools.filter(specialisms__slug=specialism)
    if place:
        schools = schools.filter(place__iexact=place.strip())
    return schools.order_by("place", "name")


def _counted(support_point, **filters):
    return School.objects.filter(pk__in=schools_for_support_point(support_point, **filters).values("pk"))


def school_facets(support_point, *, school_type="", specialism="", place=""):
    """For each filter, its options with the number of schools each gives together with the other
    chosen filters; options that would give nothing are left out unless chosen.

    Returns ``{"types": [(value, label, n)], "specialisms": [(slug, name, n)], "places": [(place, n)]}``.
    """
    type_counts = dict(
        _counted(support_point, specialism=specialism, place=place)
        .values_list("school_type")
        .annotate(n=Count("pk"))
    )
    specialism_counts = dict(
        _counted(support_point, school_type=school_type, place=place)
        .exclude(specialisms=None)
        .values_list("specialisms__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    place_counts = dict(
        _counted(support_point, school_type=school_type, specialism=specialism)
        .values_list("place")
        .annotate(n=Count("pk"))
    )
    return {
        "types": [
            (value, label, type_counts.get(value, 0))
            for value, label in SchoolType.choices
            if type_counts.get(value) or value == school_type
        ],
        "specialisms": [
            (item.slug, item.name, specialism_counts.get(item.slug, 0))
            for item in Specialism.objects.order_by("name")
            if specialism_counts.get(item.slug) or item.slug == specialism
        ],
        "places": [
            (name, place_counts.get(name, 0))
            for name in sorted(set(place_counts) | ({place} if place else set()), key=str.lower)
            if name
        ],
    }


def postcode_location(text):
    """``(pc4, (lat, lon))`` for a parent's postcode; raises InvalidPostcode when it is none;
    the point is ``None`` when the data know nothing about that area."""
    pc4 = normalise_postcode(text)
    return pc4, postcode_point(pc4)


def sorted_by_distance(schools, point):
    """The schools with a ``distance`` (km) attribute, nearest first; schools without coordinates last."""
    listed = list(schools)
    for school in listed:
        school.distance = (
            distance_km(point, (school.latitude, school.longitude)) if school.latitude is not None else None
        )
    return sorted(listed, key=lambda school: (school.distance is None, school.distance or 0, school.name))


def school_links(school):
    """The school's partnership links with how each was made."""
    return (
        SchoolPartnership.objects.filter(school=school)
        .select_related("partnership")
        .order_by("method", "partnership__code")
    )


__all__ = [
    "InvalidPostcode",
    "postcode_location",
    "school_facets",
    "school_links",
    "schools_for_support_point",
]


# --- Schools as partners: school contact persons, profile proposals, evaluations -----------------


def schools_of_contact(user, action):
    """The schools ``user`` acts for as a school contact person with ``action``: only those granted to
    them, by a steunpunt where they hold the role (``tenants.access.scoped``)."""
    if not getattr(user, "is_authenticated", False):
        return School.objects.none()
    return scoped(
        School.objects.all(),
        user,
        (action, Q(contacts__user=user)),
        steunpunt_field="contacts__support_point",
    ).distinct()


def contact_grants(user, school, action):
    """The grants (``SchoolContact``) through which ``user`` acts for ``school`` with ``action``."""
    return scoped(SchoolContact.objects.filter(school=school, user=user), user, action)


def contacts_visible_to(user):
    """The school contact persons of the steunpunten where ``user`` manages staff."""
    return scoped(SchoolContact.objects.all(), user, Action.MEMBERSHIP_MANAGE)


def proposals_visible_to(user):
    """The profile proposals of the steunpunten where ``user`` edits content (editors, coordinators)."""
    return scoped(ProfileProposal.objects.all(), user, Action.CONTENT_EDIT)


def own_proposals(user, school):
    """The proposals for ``school``, for one of its contact persons (newest first)."""
    return scoped(
        ProfileProposal.objects.filter(school=school, school__contacts__user=user),
        user,
        Action.SCHOOL_PROFILE_PROPOSE,
    ).distinct()


def grantable_schools(support_point):
    """The schools a steunpunt may grant a school contact person for: the schools of its region."""
    return School.objects.filter(partnerships__support_point=support_point).distinct().order_by("name")


def _half_years_overlapping(start, end):
    """A filter for the half years (by their first day) that overlap [``start``, ``end``)."""
    month = start.year * 12 + start.month - 1 - 6
    return Q(period__lt=end, period__gt=datetime.date(month // 12, month % 12 + 1, 1))


def school_evaluation_figures(support_point, periods, *, remarks_from=None):
    """The schools' anonymous evaluations of ``support_point`` for each ``(start, end)`` of ``periods``:
    the opinions of the half years that overlap it (a quarter's report shows its half year's opinions).
    Per period the number that answered and, per question, the count of every answer (also those nobody
    gave), all in one query. The remarks, alphabetically (never in the order given), of the first period
    only, and only when at least ``remarks_from`` schools answered (else none). Raw figures: the report
    suppresses them."""
    answers = SchoolEvaluation.objects.filter(support_point=support_point)
    aggregates = {}
    for index, (start, end) in enumerate(periods):
        within = _half_years_overlapping(start, end)
        aggregates[f"{index}:answered"] = Count("pk", filter=within)
        for field in ("reachable", "useful"):
            for value, _label in Rating.choices:
                aggregates[f"{index}:{field}:{value}"] = Count("pk", filter=within & Q(**{field: value}))
    row = answers.aggregate(**aggregates)
    figures = []
    for index in range(len(periods)):
        figure = {"answered": row[f"{index}:answered"], "remarks": []}
        for field in ("reachable", "useful"):
            figure[field] = {str(label): row[f"{index}:{field}:{value}"] for value, label in Rating.choices}
        figures.append(figure)
    if figures and remarks_from is not None and figures[0]["answered"] >= remarks_from:
        remarks = answers.filter(_half_years_overlapping(*periods[0])).exclude(remark="")
        figures[0]["remarks"] = sorted(text.strip() for text in remarks.values_list("remark", flat=True))
    return figures
