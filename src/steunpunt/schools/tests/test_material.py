"""Material to hand out: the QR code in the printed PDF leads to the steunpunt's own address."""

import shutil
import subprocess

import pytest

from steunpunt.schools.models import School, SchoolType
from steunpunt.tenants.models import Partnership
from steunpunt.tenants.tests.factories import SupportPointFactory

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "noord.localhost"}


@pytest.fixture
def noord(platform):
    support_point = SupportPointFactory(
        name="Steunpunt Noord", hostname="noord.localhost", partnership_codes=["PO2001"], phone="050 1234567"
    )
    school = School.objects.create(
        location_code="01AA00",
        institution_code="01AA",
        name="De Regenboog",
        place="Groningen",
        sector="po",
        school_type=SchoolType.REGULAR,
    )
    school.partnerships.add(Partnership.objects.get(code="PO2001"))
    return support_point, school


def _qr_codes_in(pdf, tmp_path):
    """Render the PDF's first page with pdftoppm and read every QR code on it with zbarimg."""
    assert shutil.which("pdftoppm") and shutil.which("zbarimg"), "run scripts/system-packages.sh"
    source = tmp_path / "material.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(page)],
        capture_output=True,
        text=True,
        check=True,
    )
    return decoded.stdout.split()


@pytest.mark.parametrize(
    "path", ["/materiaal/poster.pdf", "/materiaal/flyer.pdf", "/scholen/01AA00/materiaal/poster.pdf"]
)
def test_the_qr_code_in_the_printed_pdf_leads_to_the_steunpunts_address(client, noord, tmp_path, path):
    response = client.get(path, **HOST)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _qr_codes_in(response.content, tmp_path) == ["http://noord.localhost/"]


def test_the_school_poster_names_the_school(client, noord, tmp_path):
    response = client.get("/scholen/01AA00/materiaal/poster.pdf", **HOST)
    source = tmp_path / "poster.pdf"
    source.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, text=True, check=True).stdout
    assert "De Regenboog" in text and "Steunpunt Noord" in text and "noord.localhost" in text


def test_the_website_button_is_plain_html_and_an_image_without_script_or_tracking(client, noord, tmp_path):
    page = client.get("/materiaal/", **HOST).content.decode()
    assert "&lt;a href=&quot;http://noord.localhost/&quot;" in page
    assert "script" not in page.split('id="snippet-text"')[1].split("</textarea>")[0]
    assert "?" not in page.split("&lt;a href=&quot;")[1].split("&quot;")[0]  # no tracking parameters
    image = client.get("/materiaal/hulp-nodig.png", **HOST)
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    path = tmp_path / "button.png"
    path.write_bytes(image.content)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True)
    assert decoded.stdout.split() == ["http://noord.localhost/"]


def test_material_of_an_unknown_kind_or_another_regions_school_is_not_found(client, noord):
    assert client.get("/materiaal/onzin.pdf", **HOST).status_code == 404
    assert client.get("/scholen/99ZZ00/materiaal/", **HOST).status_code == 404
    assert client.get("/scholen/01AA00/materiaal/", **HOST).status_code == 200
