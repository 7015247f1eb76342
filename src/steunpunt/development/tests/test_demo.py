"""The demo data: two snapshots, a first round in progress and a small network with consent, every
text marked as an example, and loading twice changes nothing."""

import pytest

from steunpunt.development.demo import load_demo
from steunpunt.development.models import BlockAssessment, NetworkMember, WorkingGroupMeeting
from steunpunt.development.selectors import current_cycle, current_stool
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db


def _counts(support_point):
    return (
        support_point.self_assessments.count(),
        support_point.cycles.count(),
        support_point.network_members.count(),
        support_point.working_group_meetings.count(),
    )


def test_the_demo_loads_once_and_every_text_says_it_is_an_example(platform):
    support_point = SupportPointFactory()
    load_demo(support_point)
    counts = _counts(support_point)
    assert counts == (2, 1, 5, 1)
    load_demo(support_point)
    assert _counts(support_point) == counts

    result = current_stool(support_point)
    assert result.weakest.pillar.name == "Signaleren" and result.has_previous
    assert all(leg.change > 0 for leg in result.legs)
    cycle = current_cycle(support_point)
    assert [s.status for s in cycle.steps.all()][:6] == ["completed"] * 4 + ["under_way"] * 2

    texts = [a.note for a in support_point.self_assessments.all()]
    texts += [
        b.evidence
        for b in BlockAssessment.objects.filter(assessment__support_point=support_point)
        if b.evidence
    ]
    texts += [s.notes for s in cycle.steps.all() if s.notes] + [
        s.owner_name for s in cycle.steps.all() if s.owner_name
    ]
    for member in NetworkMember.objects.filter(support_point=support_point):
        texts += [member.name, *([member.consent_scope] if member.consent_scope else [])]
        assert not member.email or member.consent_on
    for meeting in WorkingGroupMeeting.objects.filter(support_point=support_point):
        texts += [meeting.notes, meeting.decisions]
    assert texts and all("(Voorbeeld)" in text for text in texts)
