"""The geocoded 2024 extract: every school type, one school per location code, idempotent; links
per sector, each saying how it was made; place names in proper Dutch case."""

import csv
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from steunpunt.schools.importer import EXTRACT_2024, import_rows, read_file
from steunpunt.schools.models import LinkMethod, School, SchoolPartnership, SchoolType
from steunpunt.schools.places import dutch_place_case

from .test_import import OLD_HEADER, _write

pytestmark = pytest.mark.django_db
# The extract's own words for a type, as the importer is meant to read them (VO structures aside).
EXPECTED_TYPE = {
    "basisschool": SchoolType.REGULAR,
    "SBAO": SchoolType.SBO,
    "SO": SchoolType.SO,
    "VSO": SchoolType.VSO,
    "(V)SO": SchoolType.SO_VSO,
    "PRO": SchoolType.PRO,
}


def _first_row_per_code():
    with EXTRACT_2024.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    first = {}
    for row in rows:
        first.setdefault(row["vestigingscode"], row)
    return rows, first


def test_the_2024_extract_imports_every_type_once_per_location_links_them_and_changes_nothing_again(
    capsys, tmp_path
):
    rows, first = _first_row_per_code()
    call_command("import_duo_schools", str(EXTRACT_2024))
    out = capsys.readouterr().out
    assert School.objects.count() == len(first) == 8622
    duplicates = len(rows) - len(first)
    assert f"vestigingscode staat twee keer in de bestanden: {duplicates}" in out and duplicates == 95

    expected = Counter(EXPECTED_TYPE.get(row["type"], SchoolType.SECONDARY) for row in first.values())
    assert Counter(School.objects.values_list("school_type", flat=True)) == expected
    assert set(expected) == set(SchoolType.values) - {SchoolType.OTHER}
    structures = {row["type"] for row in first.values() if row["type"] not in EXPECTED_TYPE}
    assert set(
        School.objects.filter(school_type=SchoolType.SECONDARY).values_list("structure", flat=True)
    ) == (structures)

    bolster = School.objects.get(location_code="00AO00")
    assert (bolster.school_type, bolster.sector, bolster.cluster, bolster.pupils) == (
        SchoolType.VSO,
        "vo",
        4,
        104,
    )
    assert (bolster.latitude, bolster.longitude, bolster.place, bolster.municipality) == (
        52.164732,
        6.150364,
        "Voorst",
        "Voorst",
    )
    stedelijk = School.objects.get(location_code="00AH00")
    assert (stedelijk.structure, stedelijk.structure_display) == (
        "VBO/MAVO/HAVO/VWO",
        "vmbo basis/kader, vmbo-tl (mavo), havo, vwo",
    )
    assert stedelijk.street == "Lyceumlaan 30" and stedelijk.postcode == "7522 GK"
    # A location code that occurs on several address lines keeps the first.
    assert School.objects.get(location_code="08VA00").street.startswith(first["08VA00"]["straat"])

    _assert_links_per_sector()

    links = SchoolPartnership.objects.count()
    before = list(School.objects.order_by("pk").values_list("pk", "updated_at"))
    call_command("import_duo_schools", str(EXTRACT_2024))
    out = capsys.readouterr().out
    assert "Aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 8622" in out
    assert "Nieuwe koppelingen aan samenwerkingsverbanden: 0" in out
    assert list(School.objects.order_by("pk").values_list("pk", "updated_at")) == before
    assert SchoolPartnership.objects.count() == links

    # A raw DUO file without pupils or coordinates, read after it, keeps them.
    raw = _write(tmp_path, "bo.csv", OLD_HEADER + "16AH;16AH00;OBS 't Eenspan;7822 HG;EMMEN\n")
    call_command("import_duo_schools", str(raw))
    eenspan = School.objects.get(location_code="16AH00")
    assert eenspan.pupils is not None and eenspan.latitude is not None
    assert (eenspan.name, eenspan.place) == ("OBS 't Eenspan", "Emmen")


def _assert_links_per_sector():
    """Links per sector, each saying how it was made (checked on the same import, to keep the tests quick)."""

    def links(code):
        return dict(
            SchoolPartnership.objects.filter(school__location_code=code).values_list(
                "partnership__code", "method"
            )
        )

    # Primary and SBO: the postcode region of the regulation.
    assert links("01KY00") == {"PO2001": LinkMethod.POSTCODE}  # SBO De Baldakijn, Stadskanaal
    # Secondary: DUO's membership list, also where it differs from the postcode region (the
    # reformatory schools' national partnership VO0001, in Rotterdam's region VO2810).
    assert links("02CR00") == {"VO2001": LinkMethod.MEMBERSHIP}
    assert links("00PG00") == {"VO0001": LinkMethod.MEMBERSHIP}
    # Practical education not on that list: the postcode region.
    assert links("05OP00") == {"VO2001": LinkMethod.POSTCODE}
    # Special schools: every partnership of their sector around them, their own region included.
    so = links("02YR00")  # SO, Groningen
    assert {"PO2001", "PO2201"} <= set(so) and all(code.startswith("PO") for code in so)
    vso = links("00ZF00")  # VSO, Assen
    assert {"VO2001", "VO2202"} <= set(vso) and all(code.startswith("VO") for code in vso)
    both = links("00LD00")  # (V)SO, Beetsterzwaag
    assert {code[:2] for code in both} == {"PO", "VO"}
    assert set(so.values()) == set(vso.values()) == set(both.values()) == {LinkMethod.SERVES_REGION}


def test_only_the_demo_regions_are_imported_when_asked():
    rows, _skipped = read_file(EXTRACT_2024)
    import_rows(rows, only_partnerships={"PO2601"})
    codes = School.objects.values_list("partnerships__code", flat=True)
    assert School.objects.count() > 100 and "PO2601" in codes and "PO2001" not in codes
    assert School.objects.exclude(partnerships__code="PO2601").count() == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "vestigingscode,naam,type,postcode,plaats\n01AA00,School,basisschool,9711AB,Groningen\n",
            "brin_nummer",
        ),
        (
            "vestigingscode,brin_nummer,naam,type,postcode,plaats\n01AA00,01AA,School,onbekend,9711AB,Groningen\n",
            "geen regels met scholen",
        ),
        (
            'vestigingscode,brin_nummer,naam,type,postcode,plaats\n01AA00,01AA,"School,basisschool\n',
            "niet te lezen",
        ),
    ],
)
def test_a_malformed_extract_imports_nothing_at_all(tmp_path, content, reason):
    """Even with the good extract in the same command: one bad file, nothing imported."""
    bad = _write(tmp_path, "kapot.csv", content, "utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_duo_schools", str(EXTRACT_2024), str(bad))
    assert "Er is niets geïmporteerd" in str(raised.value) and "kapot.csv" in str(raised.value)
    assert reason in str(raised.value)
    assert not School.objects.exists() and not SchoolPartnership.objects.exists()


def test_raw_duo_special_education_files_say_the_kind_in_a_column(tmp_path):
    content = (
        "INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM;SOORT PRIMAIR ONDERWIJS\n"
        "40AA;40AA00;Kentalis De Kring;9711AB;'T ZANDT GN;SO\n"
        "40AB;40AB00;De Brug;9711AB;'S-HERTOGENBOSCH;SBAO\n"
        "40AC;40AC00;Het Anker;9711AB;IJSSELSTEIN;(V)SO\n"
    )
    call_command("import_duo_schools", str(_write(tmp_path, "so.csv", content, "utf-8")))
    schools = {school.location_code: school for school in School.objects.all()}
    assert (schools["40AA00"].school_type, schools["40AA00"].cluster, schools["40AA00"].place) == (
        SchoolType.SO,
        2,
        "'t Zandt GN",
    )
    assert (schools["40AB00"].school_type, schools["40AB00"].place) == (SchoolType.SBO, "'s-Hertogenbosch")
    assert (schools["40AC00"].school_type, schools["40AC00"].place) == (SchoolType.SO_VSO, "IJsselstein")


def test_the_old_bo_file_header_with_a_place_in_capitals(tmp_path):
    path = _write(tmp_path, "bo.csv", OLD_HEADER + "16AH;16AH00;De Brug;2511 AB;DEN HAAG\n")
    call_command("import_duo_schools", str(path))
    assert School.objects.get().place == "Den Haag"


@pytest.mark.parametrize(
    ("raw", "proper"),
    [
        ("'T ZANDT", "'t Zandt"),
        ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
        ("'S-GRAVENHAGE", "'s-Gravenhage"),
        ("DEN HAAG", "Den Haag"),
        ("IJSSELSTEIN", "IJsselstein"),
        ("CAPELLE AAN DEN IJSSEL", "Capelle aan den IJssel"),
        ("BERGEN OP ZOOM", "Bergen op Zoom"),
        ("BERGEN (NH)", "Bergen (NH)"),
        ("NIEUW-VENNEP", "Nieuw-Vennep"),
        ("2E EXLOERMOND", "2e Exloermond"),
        ("AALST GLD", "Aalst Gld"),
        ("Haren Gn", "Haren Gn"),
    ],
)
def test_place_names_in_proper_dutch_case(raw, proper):
    assert dutch_place_case(raw) == proper
