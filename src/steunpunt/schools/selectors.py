from .models import School, SchoolType


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
