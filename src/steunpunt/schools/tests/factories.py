import factory

from steunpunt.schools.models import School, SchoolType
from steunpunt.schools.services import school_contact_grant
from steunpunt.tenants.tests.factories import UserFactory


class SchoolFactory(factory.django.DjangoModelFactory):
    """A school in the region of ``support_point`` (linked to its first partnership)."""

    class Meta:
        model = School
        skip_postgeneration_save = True

    location_code = factory.Sequence(lambda n: f"{n:04d}X{n % 10}0"[-6:])
    institution_code = factory.LazyAttribute(lambda school: school.location_code[:4])
    name = factory.Sequence(lambda n: f"Basisschool {n}")
    place = "Groningen"
    postcode = "9711 AB"
    sector = "po"
    school_type = SchoolType.REGULAR

    @factory.post_generation
    def support_point(school, create, support_point, **kwargs):
        if create and support_point is not None:
            school.partnerships.add(support_point.partnerships.first())


def school_contact(school, support_point, user=None, **user_fields):
    """A school contact person for ``school``, granted by ``support_point`` through the service."""
    user = user or UserFactory(**user_fields)
    return school_contact_grant(school=school, support_point=support_point, email=user.email, user=user).user
