"""The stool: maturity per leg, the weakest leg and the change since the previous snapshot, always
from the latest snapshot of the steunpunt."""

import datetime

import pytest
from django.urls import reverse

from steunpunt.development.choices import BlockStatus
from steunpunt.development.selectors import current_stool, latest_assessments
from steunpunt.development.stool import percent, stool
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import SelfAssessmentFactory, statuses


def _percents(result):
    return [leg.percent for leg in result.legs]


def test_points_become_whole_percentages_rounded_half_up():
    assert [percent(points) for points in range(7)] == [0, 17, 33, 50, 67, 83, 100]


def test_each_leg_counts_its_three_blocks_and_the_lowest_is_the_weakest():
    result = stool(statuses("odn ddn nnn"))
    assert [leg.points for leg in result.legs] == [3, 2, 0]
    assert _percents(result) == [50, 33, 0]
    assert result.weakest.pillar.name == "Signaleren" and not result.all_equal and not result.stands
    assert not result.has_previous and all(leg.change is None for leg in result.legs)


def test_a_tie_for_the_lowest_names_the_first_leg_in_pillar_order():
    result = stool(statuses("ooo dnn dnn"))
    assert _percents(result) == [100, 17, 17]
    assert result.weakest.pillar.name == "Steunen"
    assert stool(statuses("dnn ooo ndn")).weakest.pillar.name == "Informeren"


def test_three_equal_legs_have_no_weakest_leg():
    equal = stool(statuses("odn ndo dno"))
    assert equal.weakest is None and equal.all_equal and not equal.stands
    full = stool(statuses("ooo ooo ooo"))
    assert full.weakest is None and full.stands and _percents(full) == [100, 100, 100]


def test_the_change_per_leg_is_measured_against_the_previous_snapshot():
    result = stool(statuses("ood dnn nnn"), previous=statuses("dnn dnn ddn"))
    assert [leg.change for leg in result.legs] == [83 - 17, 0, 0 - 33]
    assert [leg.previous_percent for leg in result.legs] == [17, 17, 33]
    inform = result.legs[0]
    assert [state.changed for state in inform.blocks] == [True, True, True]
    assert [state.changed for state in result.legs[1].blocks] == [False, False, False]


def test_each_block_gives_the_next_step_of_its_status_and_each_leg_its_first_unfinished_block():
    result = stool(statuses("odn nnn ooo"))
    inform = result.legs[0]
    assert inform.next_block.block.name == "Vertalen en valideren"
    assert inform.next_block.next_step == inform.next_block.block.next_steps[BlockStatus.DEVELOPING]
    assert result.legs[2].next_block is None


@pytest.mark.django_db
def test_stool_reads_a_prefetched_snapshot_without_queries(django_assert_num_queries, platform):
    support_point = SupportPointFactory()
    SelfAssessmentFactory(support_point=support_point, statuses=statuses("ooo ddd nnn"))
    (snapshot,) = latest_assessments(support_point, 1)
    with django_assert_num_queries(0):
        result = stool(snapshot)
    assert _percents(result) == [100, 50, 0]


@pytest.mark.django_db
def test_the_stool_and_the_weakest_leg_follow_the_latest_snapshot(staff_client, platform):
    own, other = SupportPointFactory(), SupportPointFactory()
    day = datetime.date(2026, 3, 1)
    SelfAssessmentFactory(support_point=own, assessed_on=day, statuses=statuses("ddn ddn nnn"))
    assert current_stool(own).weakest.pillar.name == "Signaleren"

    SelfAssessmentFactory(
        support_point=own, assessed_on=day.replace(month=9), statuses=statuses("ndn ood odd")
    )
    # An older assessment recorded afterwards and another steunpunt's newer one change nothing.
    SelfAssessmentFactory(
        support_point=own, assessed_on=day.replace(month=1), statuses=statuses("ooo ooo ooo")
    )
    SelfAssessmentFactory(
        support_point=other, assessed_on=day.replace(month=10), statuses=statuses("ooo ooo nnn")
    )
    latest, previous = latest_assessments(own, 2)
    assert (latest.assessed_on, previous.assessed_on) == (day.replace(month=9), day)
    result = current_stool(own)
    assert _percents(result) == [17, 83, 67]
    assert result.weakest.pillar.name == "Informeren"
    assert [leg.change for leg in result.legs] == [17 - 33, 83 - 33, 67 - 0]

    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    html = client.get(reverse("development_overview")).content.decode()
    assert "De zwakste poot is Informeren (17%)." in html
    assert 'role="img"' in html and "Driepotige kruk van" in html
    assert "<td>83%</td>" in html and "+50 procentpunt" in html and "−16 procentpunt (was 33%)" in html
    assert "Uit de zelfevaluatie van 1 september 2026." in html
    assert "Bron: Samen bouwen aan ouder- en jeugdsteunpunten, OCW 2021" in html


@pytest.mark.django_db
def test_without_a_snapshot_there_is_no_stool_and_the_page_says_so(staff_client, platform):
    own = SupportPointFactory()
    assert current_stool(own) is None
    client = staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)
    html = client.get(reverse("development_overview")).content.decode()
    assert "Er is nog geen zelfevaluatie." in html and 'role="img"' not in html
