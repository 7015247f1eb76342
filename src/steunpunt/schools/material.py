"""Material to hand out: a poster and a flyer (PDF) per steunpunt and per school, with a QR code
to the steunpunt's site, and a "Hulp nodig?" button for school websites (plain HTML and an image).

The address in the QR code and the button is the steunpunt's configured address
(:func:`steunpunt.tenants.links.absolute_url`), never one taken from a request, and carries no
tracking parameters. The PDFs load nothing from outside: the QR code is inline SVG and the fetcher
refuses every address but ``data:``.
"""

import io

import segno
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from steunpunt.core.pdf import html_to_pdf
from steunpunt.tenants.links import absolute_url

KINDS = ("poster", "flyer")


def site_address(support_point):
    """Where the QR code and the button lead: the home page of the steunpunt's site."""
    return absolute_url(support_point, "/")


def qr_svg(url, *, scale=8):
    """An inline SVG of a QR code for ``url`` (error correction M, a quiet zone of four modules)."""
    qr = segno.make_qr(url, error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=scale, border=4, xmldecl=False, svgns=True, dark="#000", light="#fff")
    return buffer.getvalue().decode()


def qr_png(url, *, scale=6):
    qr = segno.make_qr(url, error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def _context(support_point, school):
    address = site_address(support_point)
    return {
        "support_point": support_point,
        "school": school,
        "address": address,
        "address_shown": address.split("://", 1)[-1].rstrip("/"),
        "qr": qr_svg(address),
        "colour": support_point.brand_colour or "#1f5c99",
    }


def material_pdf(support_point, kind, *, school=None):
    """The poster (A4) or flyer (A5) of ``support_point``, for ``school`` when given, as PDF bytes."""
    if kind not in KINDS:
        raise ValueError(kind)
    html = render_to_string(f"schools/material/{kind}.html", _context(support_point, school))
    return html_to_pdf(html)


def button_png(support_point):
    """The "Hulp nodig?" button as a PNG, 600×200 pixels (shown at 300×100): text and a QR code."""
    from PIL import Image, ImageDraw, ImageFont

    colour = support_point.brand_colour or "#1f5c99"
    image = Image.new("RGB", (600, 200), colour)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.load_default(size=48), ImageFont.load_default(size=22)
    draw.text((24, 20), _("Need help?"), font=big, fill="#ffffff")
    draw.text((24, 86), _("Questions about school and support?"), font=small, fill="#ffffff")
    for line_number, line in enumerate(_wrap(draw, support_point.name, small, 370, lines=2)):
        draw.text((24, 124 + 28 * line_number), line, font=small, fill="#ffffff")
    qr = Image.open(io.BytesIO(qr_png(site_address(support_point), scale=4))).convert("RGB")
    qr = qr.resize((176, 176), Image.NEAREST)
    image.paste(qr, (412, 12))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wrap(draw, text, font, width, *, lines):
    """``text`` in at most ``lines`` lines of at most ``width`` pixels; the last ends in … when cut."""
    out, words = [], text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and draw.textlength(f"{line} {words[0]}", font=font) <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        while out[-1] and draw.textlength(out[-1] + "…", font=font) > width:
            out[-1] = out[-1][:-1]
        out[-1] += "…"
    return out


def button_snippets(support_point, image_url):
    """Two HTML snippets for a school's website: a text link and an image link. Neither loads
    anything from the steunpunt: the school saves the image on its own site (``image_url`` is only
    the name to save it as); no script, no tracking."""
    address = site_address(support_point)
    colour = support_point.brand_colour or "#1f5c99"
    label = _("Need help? %(name)s helps parents and young people, free and independent.") % {
        "name": support_point.name
    }
    text = (
        f'<a href="{address}" style="display:inline-block;padding:12px 16px;background:{colour};'
        f'color:#ffffff;font:bold 16px/1.4 sans-serif;text-decoration:none;border-radius:6px">'
        f"{_escape(label)}</a>"
    )
    image = f'<a href="{address}"><img src="{image_url}" width="300" height="100" alt="{_escape(label)}"></a>'
    return text, image


def _escape(text):
    from django.utils.html import escape

    return escape(text)
