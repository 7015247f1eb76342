"""The DUO import: every row of the real file, idempotent, and nothing at all from a bad file."""

import csv
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from steunpunt.schools.models import LinkMethod, School, SchoolPartnership, SchoolType

DATA = Path(__file__).parent.parent / "data" / "duo_03_alle_vestigingen_bo_2021-10-01_cp1252.csv"
pytestmark = pytest.mark.django_db
OLD_HEADER = "BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM\n"


def _rows_in_file():
    with DATA.open(encoding="cp1252", newline="") as handle:
        return sum(1 for _row in csv.DictReader(handle, delimiter=";"))


def test_the_real_file_imports_every_school_row_and_a_second_import_changes_nothing(capsys):
    call_command("import_duo_schools", str(DATA))
    first = capsys.readouterr()
    assert School.objects.count() == _rows_in_file() == 6215
    assert "Aangemaakt: 6215" in first.out
    assert "6215/6215" in first.err
    eenspan = School.objects.get(location_code="16AH00")
    assert (eenspan.name, eenspan.postcode, eenspan.place, eenspan.sector) == (
        "Openbare Basisschool 't Eenspan",
        "7822 HG",
        "Emmen",
        "po",
    )
    groningen = School.objects.filter(postcode__startswith="971").first()
    assert "PO2001" in groningen.partnerships.values_list("code", flat=True)
    # The bo file holds regular primary schools only; SBO and (V)SO come in their own DUO files.
    assert set(School.objects.values_list("school_type", flat=True)) == {SchoolType.REGULAR}

    before = list(School.objects.order_by("pk").values_list("pk", "updated_at"))
    call_command("import_duo_schools", str(DATA))
    assert "Aangemaakt: 0, bijgewerkt: 0, ongewijzigd: 6215" in capsys.readouterr().out
    assert list(School.objects.order_by("pk").values_list("pk", "updated_at")) == before


def _write(tmp_path, name, content, encoding="cp1252"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "leeg"),
        ("PROVINCIE,BRIN NUMMER,VESTIGINGSNAAM\nDrenthe,16AH,School\n", "';'"),
        ("PROVINCIE;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM\nDrenthe;School;1234 AB;X\n", "kolommen"),
        (
            b"BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM\n16AH;16AH00;Sch\x81\x8d;1;X\n",
            "Windows-1252",
        ),
        (OLD_HEADER, "geen regels met scholen"),
    ],
)
def test_a_malformed_file_imports_nothing_and_says_why_keeping_what_was_stored(tmp_path, content, reason):
    good = _write(
        tmp_path,
        "goed.csv",
        OLD_HEADER + "16AH;16AH00;Bestaande school;9711 AB;GRONINGEN\n",
    )
    call_command("import_duo_schools", str(good))
    bad = _write(tmp_path, "slecht.csv", content)
    extra = _write(
        tmp_path,
        "extra.csv",
        OLD_HEADER + "99ZZ;99ZZ00;Nieuwe school;9711 AB;GRONINGEN\n",
    )
    with pytest.raises(CommandError) as raised:
        call_command("import_duo_schools", str(extra), str(bad))
    message = str(raised.value)
    assert "Er is niets geïmporteerd" in message and "slecht.csv" in message and reason in message
    assert list(School.objects.values_list("name", flat=True)) == ["Bestaande school"]


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match=r"bestaat-niet\.csv"):
        call_command("import_duo_schools", str(tmp_path / "bestaat-niet.csv"))


def test_newer_column_names_and_secondary_practical_education(tmp_path, capsys):
    content = (
        "INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;POSTCODE;PLAATSNAAM;ONDERWIJSSTRUCTUUR\n"
        "12AB;00;Praktijkschool Noord  ;9711AB;GRONINGEN;PRO\n"
        "12AC;12AC01;Lyceum;9712 CD ;GRONINGEN;HAVO/VWO\n"
        " ; ;Zonder code;9712 CD;GRONINGEN;VMBO\n"
    )
    call_command("import_duo_schools", str(_write(tmp_path, "vo.csv", content, "utf-8")))
    practical = School.objects.get(location_code="12AB00")
    assert (practical.name, practical.school_type, practical.sector, practical.postcode) == (
        "Praktijkschool Noord",
        SchoolType.PRO,
        "vo",
        "9711 AB",
    )
    lyceum = School.objects.get(location_code="12AC01")
    assert (lyceum.school_type, lyceum.structure) == (SchoolType.SECONDARY, "HAVO/VWO")
    out = capsys.readouterr().out
    assert "overgeslagen: 1" in out and "geen vestigingscode: 1" in out
    # Neither is on DUO's VO membership list: both are linked by their postcode region.
    assert set(
        SchoolPartnership.objects.values_list("school__location_code", "partnership__code", "method")
    ) == {
        ("12AB00", "VO2001", LinkMethod.POSTCODE),
        ("12AC01", "VO2001", LinkMethod.POSTCODE),
    }


def test_special_primary_schools_are_recognised_by_name(tmp_path):
    content = (
        OLD_HEADER
        + "30XX;30XX00;SBO De Brug;9711 AB;GRONINGEN\n"
        + "30XY;30XY00;School voor Speciaal Basisonderwijs Het Anker;9711 AB;GRONINGEN\n"
    )
    call_command("import_duo_schools", str(_write(tmp_path, "sbo.csv", content)))
    assert set(School.objects.values_list("school_type", flat=True)) == {SchoolType.SBO}


def test_a_re_import_keeps_the_type_and_partnership_links_an_editor_changed(tmp_path):
    path = _write(tmp_path, "bo.csv", OLD_HEADER + "16AH;16AH00;De Brug;9711 AB;GRONINGEN\n")
    call_command("import_duo_schools", str(path))
    school = School.objects.get(location_code="16AH00")
    assert list(school.partnerships.values_list("code", flat=True)) == ["PO2001"]
    school.school_type = SchoolType.SBO
    school.links_by_hand = True
    school.save()
    school.partnerships.clear()

    path.write_bytes((OLD_HEADER + "16AH;16AH00;De Brug (nieuw);9711 AB;GRONINGEN\n").encode("cp1252"))
    call_command("import_duo_schools", str(path))
    school.refresh_from_db()
    assert (school.name, school.school_type) == ("De Brug (nieuw)", SchoolType.SBO)
    assert not school.partnerships.exists()
