"""Material to hand out: the QR code in the printed PDF leads to the steunpunt's own address."""

import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

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
    "path",
    [
        "/materiaal/poster.pdf",
        "/materiaal/flyer.pdf",
        "/scholen/01AA00/materiaal/poster.pdf",
        "/scholen/01AA00/materiaal/flyer.pdf",
    ],
)
def test_the_qr_code_in_the_printed_pdf_leads_to_the_steunpunts_address(client, noord, tmp_path, path):
    response = client.get(path, **HOST)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _qr_codes_in(response.content, tmp_path) == ["http://noord.localhost/"]


@pytest.mark.parametrize("kind", ["poster", "flyer"])
def test_the_school_poster_and_flyer_name_the_school(client, noord, tmp_path, kind):
    response = client.get(f"/scholen/01AA00/materiaal/{kind}.pdf", **HOST)
    source = tmp_path / f"{kind}.pdf"
    source.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, text=True, check=True).stdout
    assert "De Regenboog" in text and "Steunpunt Noord" in text and "noord.localhost" in text


class _Tags(HTMLParser):
    """Every start tag of an HTML snippet with its attributes."""

    def __init__(self, snippet):
        super().__init__()
        self.tags = []
        self.feed(snippet)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("path", ["/materiaal/", "/scholen/01AA00/materiaal/"])
def test_every_website_snippet_is_plain_html_without_script_or_tracking(client, noord, path):
    """Both snippets offered (the text button and the image): a link to the steunpunt's own site and,
    for the image, a file the school keeps on its own site; nothing that runs or tracks."""
    page = client.get(path, **HOST).content.decode()
    snippets = dict(re.findall(r'<textarea id="snippet-(\w+)"[^>]*>(.*?)</textarea>', page, re.S))
    assert set(snippets) == {"text", "image"}
    for kind, escaped in snippets.items():
        snippet = unescape(escaped)
        tags = _Tags(snippet).tags
        assert [tag for tag, _attrs in tags] == (["a"] if kind == "text" else ["a", "img"]), kind
        assert "<script" not in snippet.lower() and "javascript:" not in snippet.lower(), kind
        assert "url(" not in snippet and "@import" not in snippet, kind  # no style that loads anything
        for tag, attrs in tags:
            assert [name for name, _value in attrs if name.lower().startswith("on")] == [], (kind, tag)
            assert {name for name, _value in attrs} & {"srcset", "ping", "data", "formaction"} == set()
            for name, value in attrs:
                if name in ("href", "src"):
                    url = urlsplit(value)
                    assert not url.query and not url.fragment, (kind, value)  # no tracking parameters
                    # The steunpunt's host, or none: the image is a file on the school's own site.
                    assert url.netloc in ("", "noord.localhost"), (kind, value)
        # Any address anywhere in the snippet is the steunpunt's own.
        assert set(re.findall(r"//([^/\s\"'<>]+)", snippet)) == {"noord.localhost"}, kind
        href = dict(tags[0][1])["href"]
        assert href == "http://noord.localhost/", kind


def test_the_website_button_image_leads_to_the_steunpunts_address(client, noord, tmp_path):
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
