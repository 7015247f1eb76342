from datetime import timedelta

import factory
from django.utils import timezone

from steunpunt.development.blocks import BLOCK_CODES
from steunpunt.development.choices import BlockStatus, MemberKind
from steunpunt.development.models import NetworkMember, SelfAssessment, WorkingGroupMeeting
from steunpunt.development.services import assessment_record, meeting_create, member_create
from steunpunt.tenants.tests.factories import SupportPointFactory


def statuses(*values):
    """Nine statuses in catalogue order from short codes: n (nog niet), d (in ontwikkeling), o (op orde)."""
    codes = {"n": BlockStatus.NOT_YET, "d": BlockStatus.DEVELOPING, "o": BlockStatus.IN_ORDER}
    letters = "".join(values).replace(" ", "")
    assert len(letters) == len(BLOCK_CODES)
    return {code: codes[letter] for code, letter in zip(BLOCK_CODES, letters, strict=True)}


class SelfAssessmentFactory(factory.Factory):
    """A snapshot recorded through the service; ``statuses`` as from :func:`statuses`."""

    class Meta:
        model = SelfAssessment

    support_point = factory.SubFactory(SupportPointFactory)
    assessed_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    statuses = factory.LazyFunction(lambda: statuses("nnn nnn nnn"))
    recorded_by = None

    @classmethod
    def _create(cls, model_class, *, support_point, assessed_on, statuses, recorded_by):
        return assessment_record(
            support_point=support_point,
            assessed_on=assessed_on,
            blocks={
                code: {"status": status, "evidence": f"Bewijs {code}"} for code, status in statuses.items()
            },
            by=recorded_by,
        )


class NetworkMemberFactory(factory.Factory):
    """A network member created through the service; ``contact=True`` adds an e-mail address, a
    phone number and the consent for them."""

    class Meta:
        model = NetworkMember

    support_point = factory.SubFactory(SupportPointFactory)
    kind = MemberKind.WORKING_GROUP
    name = factory.Sequence(lambda n: f"Werkgroeplid {n}")
    organisation = ""
    role = "ouder"
    email = ""
    phone = ""
    consent_on = None
    consent_scope = ""

    class Params:
        contact = factory.Trait(
            email=factory.LazyAttribute(
                lambda member: f"{member.name.lower().replace(' ', '.')}@example.test"
            ),
            phone="06 12345678",
            consent_on=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10)),
            consent_scope="Contact over de werkgroep",
        )

    @classmethod
    def _create(cls, model_class, *, support_point, **data):
        return member_create(support_point=support_point, data=data, by=None)


class WorkingGroupMeetingFactory(factory.Factory):
    class Meta:
        model = WorkingGroupMeeting

    support_point = factory.SubFactory(SupportPointFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    notes = "Zelfevaluatie besproken."
    decisions = ""

    @classmethod
    def _create(cls, model_class, **kwargs):
        return meeting_create(by=None, **kwargs)
