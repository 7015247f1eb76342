"""The region's schools for parents: filters, a support-profile page, and the editors' screen."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunpunt.schools.models import LinkMethod, School, SchoolPartnership, SchoolType, Specialism
from steunpunt.tenants.models import Partnership
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def schools(platform):
    noord = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001"])
    other = SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"])
    dyslexia = Specialism.objects.get_or_create(slug="dyslexie", defaults={"name": "Dyslexie"})[0]
    made = {}
    for code, name, place, kind, partnership in [
        ("01AA00", "De Regenboog", "Groningen", SchoolType.REGULAR, "PO2001"),
        ("02BB00", "SBO De Brug", "Haren", SchoolType.SBO, "PO2001"),
        ("03CC00", "Utrechtse School", "Utrecht", SchoolType.REGULAR, "PO2601"),
    ]:
        school = School.objects.create(
            location_code=code,
            institution_code=code[:4],
            name=name,
            place=place,
            sector="po",
            school_type=kind,
        )
        school.partnerships.add(Partnership.objects.get(code=partnership))
        made[code] = school
    made["01AA00"].specialisms.add(dyslexia)
    return noord, other, made


def test_parents_filter_the_regions_schools(client, schools):
    html = client.get("/scholen/", **HOST).content.decode()
    assert "De Regenboog" in html and "SBO De Brug" in html and "Utrechtse School" not in html
    html = client.get("/scholen/", {"specialisme": "dyslexie"}, **HOST).content.decode()
    assert "De Regenboog" in html and "SBO De Brug" not in html
    html = client.get("/scholen/", {"soort": "sbo", "plaats": "Haren"}, **HOST).content.decode()
    assert "SBO De Brug" in html and "De Regenboog" not in html
    assert client.get("/scholen/", {"soort": "<x>", "plaats": "x" * 500}, **HOST).status_code == 200
    # A NUL byte (wapiti sent one; PostgreSQL refuses it in a query) gets the Dutch 400 page.
    odd = client.get("/scholen/", {"specialisme": "dyslexie\x00", "plaats": "\x00"}, **HOST)
    assert odd.status_code == 400 and "Dit adres klopt niet" in odd.content.decode()
    assert client.get("/scholen/01AA00%00/", **HOST).status_code == 400


def test_a_school_page_shows_its_support(client, schools):
    html = client.get("/scholen/01AA00/", **HOST).content.decode()
    assert "Dyslexie" in html and "Basisschool" in html
    assert client.get("/scholen/03CC00/", **HOST).status_code == 404
    assert client.get("/scholen/onzin/", **HOST).status_code == 404


def test_editors_edit_support_profiles_of_their_own_region_only(staff_client, schools):
    noord, _other, made = schools
    client = staff_client(MembershipFactory(role=Role.EDITOR, support_point=noord).user)
    assert client.get(reverse("schools:edit", args=[made["03CC00"].pk])).status_code == 404
    pdf = SimpleUploadedFile("sop.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(
        reverse("schools:edit", args=[made["02BB00"].pk]),
        {
            "school_type": "sbo",
            "specialisms": [
                Specialism.objects.get_or_create(slug="autisme", defaults={"name": "Autisme"})[0].pk
            ],
            "support_profile_url": "",
            "support_profile_file": pdf,
        },
    )
    assert response.status_code == 302
    assert made["02BB00"].specialisms.filter(slug="autisme").exists()


def test_a_support_profile_that_is_not_a_pdf_is_refused(staff_client, schools, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    noord, _other, made = schools
    client = staff_client(MembershipFactory(role=Role.EDITOR, support_point=noord).user)
    fake = SimpleUploadedFile("sop.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("schools:edit", args=[made["02BB00"].pk]),
        {"school_type": "sbo", "support_profile_url": "", "support_profile_file": fake},
    )
    assert response.status_code == 200
    assert "pdf-bestand" in str(response.context["form"].errors["support_profile_file"])


@pytest.fixture
def region(platform):
    """Noord's schools of three types with coordinates: Groningen, Haren (a VO school) and Stadskanaal."""
    noord = SupportPointFactory(hostname="noord.localhost", partnership_codes=["PO2001", "VO2001"])
    autism = Specialism.objects.get_or_create(slug="autisme", defaults={"name": "Autisme"})[0]
    made = {}
    for code, name, place, kind, sector, point, partnership in [
        ("01AA00", "De Regenboog", "Groningen", SchoolType.REGULAR, "po", (53.2165, 6.5704), "PO2001"),
        ("02BB00", "SBO De Brug", "Stadskanaal", SchoolType.SBO, "po", (53.0104, 6.9400), "PO2001"),
        ("04DD00", "Maartenscollege", "Haren", SchoolType.SECONDARY, "vo", (53.1700, 6.6050), "VO2001"),
        ("05EE00", "Zonder Plek", "Groningen", SchoolType.REGULAR, "po", (None, None), "PO2001"),
    ]:
        school = School.objects.create(
            location_code=code,
            institution_code=code[:4],
            name=name,
            place=place,
            postcode="9711 AB",
            sector=sector,
            school_type=kind,
            latitude=point[0],
            longitude=point[1],
            structure="MAVO/HAVO/VWO" if sector == "vo" else "",
            pupils=420 if sector == "vo" else None,
        )
        SchoolPartnership.objects.create(
            school=school, partnership=Partnership.objects.get(code=partnership), method=LinkMethod.MEMBERSHIP
        )
        made[code] = school
    made["02BB00"].specialisms.add(autism)
    return noord, made


def _names(html):
    return re.findall(r'<h3 class="card-title"><a href="/scholen/[^"]+/">([^<]+)</a>', html)


def test_near_me_sorts_the_schools_by_distance_from_the_parents_postcode(client, region):
    # 9501 is Stadskanaal: the SBO there first, then Haren, then Groningen; no coordinates last.
    html = client.get("/scholen/", {"postcode": "9501 AB"}, **HOST).content.decode()
    assert _names(html) == ["SBO De Brug", "Maartenscollege", "De Regenboog", "Zonder Plek"]
    assert (
        "dichtst bij 9501 eerst" in html and "0,0\xa0km" in html
    )  # a non-breaking space keeps the unit with its number
    html = client.get("/scholen/", {"postcode": "9711"}, **HOST).content.decode()
    assert _names(html)[:2] == ["De Regenboog", "Maartenscollege"]
    # A postcode area the 4pp list lacks: the centre of the schools there.
    School.objects.filter(location_code="04DD00").update(postcode="9719 AA")
    html = client.get("/scholen/", {"postcode": "9719AA"}, **HOST).content.decode()
    assert _names(html)[0] == "Maartenscollege"


@pytest.mark.parametrize(
    ("postcode", "message"),
    [("onzin", "Vul een postcode in zoals 9711 AB"), ("9705", "We weten niet waar postcode 9705 ligt")],
)
def test_a_postcode_that_is_not_one_or_unknown_gets_a_dutch_message(client, region, postcode, message):
    response = client.get("/scholen/", {"postcode": postcode}, **HOST)
    html = response.content.decode()
    assert response.status_code == 200 and message in html and 'aria-invalid="true"' in html
    assert len(_names(html)) == 4  # the list still shows, in its usual order


def test_filters_show_their_counts_and_hide_what_would_give_nothing(client, region):
    html = client.get("/scholen/", **HOST).content.decode()
    options = dict(re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', html))
    assert options["regular"] == "Basisschool (2)" and options["sbo"] == "Speciaal basisonderwijs (SBO) (1)"
    assert options["secondary"] == "Middelbare school (1)" and options["autisme"] == "Autisme (1)"
    assert options["Groningen"] == "Groningen (2)"
    assert "vso" not in options and "dyslexie" not in options and "pro" not in options
    # Counts follow the other chosen filters.
    html = client.get("/scholen/", {"plaats": "Groningen"}, **HOST).content.decode()
    options = dict(re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', html))
    assert options["regular"] == "Basisschool (2)" and "sbo" not in options and "autisme" not in options
    # A chosen option that gives nothing stays, so the parent sees what was chosen.
    html = client.get("/scholen/", {"plaats": "Groningen", "soort": "sbo"}, **HOST).content.decode()
    assert '<option value="sbo" selected>Speciaal basisonderwijs (SBO) (0)</option>' in html


def test_a_school_page_shows_type_levels_pupils_cluster_and_how_the_link_was_made(client, region):
    html = client.get("/scholen/04DD00/", **HOST).content.decode()
    assert "Middelbare school" in html and "vmbo-tl (mavo), havo, vwo" in html and "420 leerlingen" in html
    assert "De lijst van DUO met middelbare scholen per samenwerkingsverband noemt deze school." in html
    School.objects.filter(location_code="02BB00").update(
        school_type=SchoolType.SO,
        cluster=2,
        parent_contact="Vraag naar de intern begeleider",
        profile_is_demo=True,
    )
    html = client.get("/scholen/02BB00/", **HOST).content.decode()
    assert "Cluster 2: kinderen die doof of slechthorend zijn" in html
    assert (
        "Vraag naar de intern begeleider" in html and "Demo: dit ondersteuningsprofiel is verzonnen" in html
    )


def test_a_special_school_linked_by_estimate_says_on_its_page_that_it_is_an_estimate(client, region):
    """Special schools are linked to every partnership within 20 km (``LinkMethod.SERVES_REGION``): the
    data have no list of the regions they serve, and the page says so."""
    School.objects.filter(location_code="02BB00").update(school_type=SchoolType.SO, cluster=4)
    SchoolPartnership.objects.filter(school__location_code="02BB00").update(method=LinkMethod.SERVES_REGION)
    html = client.get("/scholen/02BB00/", **HOST).content.decode()
    assert (
        "Een speciale school werkt voor het gebied van elk samenwerkingsverband binnen 20 km van de school "
        "(een schatting)." in html
    )
    assert "noemt deze school" not in html  # not the wording of a link from DUO's membership list
