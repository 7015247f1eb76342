"""The demo's schools: what the demo makes up is marked as demo (the full demo: demo/tests)."""

import pytest

from steunpunt.schools.demo import OLD_HISTORY_SOP_URL, load_demo
from steunpunt.schools.models import School, SchoolType

pytestmark = pytest.mark.django_db


def test_the_demo_marks_its_profiles_and_the_made_up_sop_links_of_an_older_demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # An older demo history gave schools a made-up SOP link without the mark.
    old = School.objects.create(
        location_code="99ZZ00",
        institution_code="99ZZ",
        name="Oude Demoschool",
        sector="po",
        school_type=SchoolType.REGULAR,
        support_profile_url=f"{OLD_HISTORY_SOP_URL}99zz00",
    )
    real = School.objects.create(
        location_code="99ZY00",
        institution_code="99ZY",
        name="Echte School",
        sector="po",
        school_type=SchoolType.REGULAR,
        support_profile_url="https://echteschool.example/sop",
    )
    assert load_demo(["PO2601"]) > 20
    old.refresh_from_db()
    real.refresh_from_db()
    assert old.profile_is_demo and not real.profile_is_demo
    profiled = School.objects.filter(partnerships__code="PO2601").exclude(
        support_profile_url="", support_profile_file="", parent_contact="", support_coordinator=""
    )
    assert profiled.exists() and not profiled.filter(profile_is_demo=False).exists()
