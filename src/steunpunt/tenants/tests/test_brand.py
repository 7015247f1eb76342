"""A steunpunt's face: its administrator sets colours (checked for contrast before saving), a logo and a
browser-tab icon; the public site and the back office carry them through /huisstijl.css."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from steunpunt.tenants.models import SupportPoint
from steunpunt.tenants.roles import Role
from steunpunt.tenants.validators import contrast_ratio

from .factories import PASSWORD, MembershipFactory, SupportPointFactory, TOTPDeviceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def noord(platform):
    return SupportPointFactory(name="Steunpunt Noord", slug="noord-brand", hostname="noord-brand.localhost")


def _png(width=300, height=100, colour=(200, 30, 30)):
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def _form(support_point, **changes):
    data = {
        "name": support_point.name,
        "email": support_point.email,
        "phone": support_point.phone,
        "address": support_point.address,
        "brand_colour": support_point.brand_colour,
        "accent_colour": support_point.accent_colour,
        "opening_hours": inline_formset([]),
        "first_contact_days": support_point.first_contact_days,
        "urgent_first_contact_days": support_point.urgent_first_contact_days,
        "retention_months": support_point.retention_months,
        "report_threshold": support_point.report_threshold,
    }
    data.update(changes)
    return nested_form_data(data)


def _administrator(staff_client, support_point):
    return staff_client(MembershipFactory(support_point=support_point, role=Role.ADMINISTRATOR).user)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("brand_colour", "#ffff00", "Witte tekst op deze kleur heeft een contrast van 1,0 op 1"),
        (
            "brand_colour",
            "#8a8a8a",
            "contrast van 3,4 op 1. Voor goed leesbare tekst is minstens 4,5 op 1 nodig",
        ),
        ("accent_colour", "#7fbfff", "Deze kleur op wit heeft een contrast van 1,9 op 1"),
        ("accent_colour", "blauw", "Vul een kleur in als # en zes tekens"),
    ],
)
def test_a_colour_that_is_hard_to_read_is_refused_with_its_ratio_and_nothing_changes(
    staff_client, noord, field, value, message
):
    before = SupportPoint.objects.values().get(pk=noord.pk)
    client = _administrator(staff_client, noord)
    response = client.post(
        reverse("support_points:edit", args=[noord.pk]), _form(noord, **{field: value, "name": "Nieuwe naam"})
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode().replace("&#x27;", "'")
    assert SupportPoint.objects.values().get(pk=noord.pk) == before


def test_the_ratio_in_the_message_is_never_rounded_up_to_a_pass():
    # #767676 on white is 4.54:1 (passes); #777777 is 4.48:1 and must not read "4,5".
    assert contrast_ratio("#767676", "#ffffff") >= 4.5 > contrast_ratio("#777777", "#ffffff")
    from django.core.exceptions import ValidationError

    from steunpunt.tenants.validators import validate_brand_colour

    validate_brand_colour("#767676")
    with pytest.raises(ValidationError) as refused:
        validate_brand_colour("#777777")
    assert refused.value.params["ratio"] == "4,4"


def test_an_svg_or_a_large_file_is_refused_as_logo_and_nothing_changes(staff_client, noord):
    client = _administrator(staff_client, noord)
    svg = SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
    response = client.post(reverse("support_points:edit", args=[noord.pk]), _form(noord, logo=svg))
    assert response.status_code == 200 and response.context["form"].errors["logo"]
    big = SimpleUploadedFile("logo.png", _png(3000, 3000) + b"0" * (1024 * 1024), "image/png")
    response = client.post(reverse("support_points:edit", args=[noord.pk]), _form(noord, logo=big))
    assert response.status_code == 200 and response.context["form"].errors["logo"]
    noord.refresh_from_db()
    assert not noord.logo


def test_the_public_site_and_the_back_office_carry_the_colours_and_the_logo(staff_client, noord, client):
    administrator = _administrator(staff_client, noord)
    logo = SimpleUploadedFile("logo.png", _png(), "image/png")
    response = administrator.post(
        reverse("support_points:edit", args=[noord.pk]),
        _form(noord, brand_colour="#7a1f5c", accent_colour="#0b5d3b", logo=logo),
    )
    assert response.status_code == 302, response.context["form"].errors
    noord.refresh_from_db()
    assert noord.brand_colour == "#7a1f5c" and noord.logo

    # The public site: a stylesheet with the colours and the logo, and the icon made from the logo.
    public = client.get("/", HTTP_HOST="noord-brand.localhost").content.decode()
    assert 'href="/huisstijl.css?v=' in public and 'rel="icon" href="/huisstijl/icoon.png?v=' in public
    css = client.get("/huisstijl.css", HTTP_HOST="noord-brand.localhost").content.decode()
    assert "--brand: #7a1f5c" in css and "--accent: #0b5d3b" in css and "/huisstijl/logo.png" in css
    icon = client.get("/huisstijl/icoon.png", HTTP_HOST="noord-brand.localhost")
    assert icon["Content-Type"] == "image/png" and Image.open(io.BytesIO(icon.content)).size == (64, 64)
    shown = client.get("/huisstijl/logo.png", HTTP_HOST="noord-brand.localhost")
    assert Image.open(io.BytesIO(shown.content)).size == (300, 100)

    # The back office (the platform's host): the signed-in user's steunpunt, as Wagtail's colours.
    dashboard = administrator.get("/admin/").content.decode()
    assert "/huisstijl/logo.png?v=" in dashboard and 'alt="Steunpunt Noord"' in dashboard
    css = administrator.get("/huisstijl.css").content.decode()
    assert "--w-color-primary-hue: 319.8" in css and "--w-color-secondary-hue: 155.1" in css


def test_a_steunpunt_without_a_logo_has_no_logo_or_icon_of_its_own(client, noord):
    assert client.get("/huisstijl/logo.png", HTTP_HOST="noord-brand.localhost").status_code == 404
    assert client.get("/huisstijl/icoon.png", HTTP_HOST="noord-brand.localhost").status_code == 404
    public = client.get("/", HTTP_HOST="noord-brand.localhost").content.decode()
    assert "/huisstijl/icoon.png" not in public and "/huisstijl.css?v=" in public


def _face(client, response, host):
    """Return (title, shows the steunpunt's logo, the brand colour in its stylesheet) of a page."""
    html = response.content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    stylesheet = re.search(r'href="(/huisstijl\.css\?v=[^"]+)"', html).group(1)
    css = client.get(stylesheet, HTTP_HOST=host).content.decode()
    colour = re.search(r"--brand: (#[0-9a-f]{6})", css).group(1)
    logo = re.search(r'<img class="brand-logo[^"]*" src="/huisstijl/logo\.png\?v=', html) is not None
    return title, logo, colour


def test_sign_in_two_step_and_404_on_a_steunpunts_host_carry_its_name_logo_and_colours(client, noord):
    """On its own host the steunpunt is known before anyone signs in: the sign-in page, the two-step
    page and the back office's 404 carry its name in the title, its logo and its colour. The platform's
    host shows the platform's."""
    from steunpunt.accounts.totp import current_code

    noord.brand_colour = "#7a1f5c"
    noord.logo.save("logo.png", ContentFile(_png()), save=False)
    noord.save()
    host = "noord-brand.localhost"
    user = MembershipFactory(support_point=noord, role=Role.CONSULTANT).user
    device = TOTPDeviceFactory(user=user)

    login = client.get("/admin/login/", HTTP_HOST=host)
    assert login.status_code == 200
    assert _face(client, login, host) == ("Inloggen – Steunpunt Noord", True, "#7a1f5c")
    assert '<p class="brand-name">Steunpunt Noord</p>' in login.content.decode()
    logo = client.get("/huisstijl/logo.png", HTTP_HOST=host)
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png"

    platform_login = client.get("/admin/login/", HTTP_HOST="127.0.0.1")
    assert _face(client, platform_login, "127.0.0.1") == (
        "Inloggen – Steunpunten passend onderwijs",
        False,
        "#1f5c99",
    )

    credentials = {"username": user.username, "password": PASSWORD}
    signed_in = client.post("/admin/login/", credentials, HTTP_HOST=host)
    assert signed_in.status_code == 302
    two_step = client.get(reverse("accounts:verify"), HTTP_HOST=host)
    assert two_step.status_code == 200
    assert _face(client, two_step, host) == ("Tweestapsverificatie – Steunpunt Noord", True, "#7a1f5c")

    verified = client.post(reverse("accounts:verify"), {"token": current_code(device)}, HTTP_HOST=host)
    assert verified.status_code == 302
    missing = client.get("/admin/bestaat-niet/", HTTP_HOST=host)
    assert missing.status_code == 404
    assert _face(client, missing, host) == ("Pagina niet gevonden – Steunpunt Noord", True, "#7a1f5c")
    assert "Wagtail" not in missing.content.decode().split("</head>")[1]
