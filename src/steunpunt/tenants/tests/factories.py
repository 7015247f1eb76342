import factory
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunpunt.tenants.models import Membership, SupportPoint
from steunpunt.tenants.roles import Role
from steunpunt.tenants.services import membership_grant, support_point_create

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.test")
    password = factory.django.Password(PASSWORD)


class SupportPointFactory(factory.django.DjangoModelFactory):
    """Builds a steunpunt through the service, so it has its site and home page."""

    class Meta:
        model = SupportPoint

    name = factory.Sequence(lambda n: f"Steunpunt {n}")
    slug = factory.Sequence(lambda n: f"steunpunt-{n}")
    hostname = factory.Sequence(lambda n: f"steunpunt-{n}.localhost")
    # Codes are PO and four digits: PO9000–PO9999 are no real partnership's; a test process makes more
    # than a thousand steunpunten, never a thousand in one test.
    partnership_codes = factory.Sequence(lambda n: [f"PO{9000 + n % 1000:04d}"])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return support_point_create(**kwargs)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    support_point = factory.SubFactory(SupportPointFactory)
    role = Role.CONSULTANT

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Through the service, so that page rights follow the role as in real use."""
        return membership_grant(**kwargs)


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "app"
    confirmed = True
