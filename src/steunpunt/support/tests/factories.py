import factory

from steunpunt.support.models import AgeGroup, AnswerBy, Case, CaseSchoolType, Channel, Outcome, RequesterKind
from steunpunt.support.services import case_submit, case_transition
from steunpunt.tenants.tests.factories import SupportPointFactory


class CaseFactory(factory.Factory):
    """A question submitted through the service; ``closed=True`` closes it, ``email`` gives an address."""

    class Meta:
        model = Case

    support_point = factory.SubFactory(SupportPointFactory)
    channel = Channel.WEB
    question = factory.Sequence(lambda n: f"Mijn zoon zit al weken thuis (vraag {n}).")
    requester_kind = RequesterKind.PARENT
    age_group = AgeGroup.AGE_4_12
    school_type = CaseSchoolType.PRIMARY
    requester_name = ""
    requester_email = ""
    answer_by = AnswerBy.LINK

    class Params:
        closed = factory.Trait(status="closed")

    @classmethod
    def _create(cls, model_class, *, support_point, channel, status=None, assigned_to=None, **data):
        case = case_submit(support_point=support_point, channel=channel, data=data)
        if assigned_to is not None:
            case.assigned_to = assigned_to
            case.save(update_fields=["assigned_to"])
        if status == "closed":
            case_transition(case=case, to="closed", by=None, outcome=Outcome.SOLVED)
            case.refresh_from_db()
        return case
