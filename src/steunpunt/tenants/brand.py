"""A steunpunt's face: its name, colours, logo and browser-tab icon, on its website and in the back office.

The colours reach pages as CSS custom properties in a stylesheet of their own (``/huisstijl.css``):
the CSP allows no inline styles. The public site uses ``--brand`` and ``--accent``; the back office
maps them onto Wagtail's ``--w-color-primary-*`` and ``--w-color-secondary-*``.
"""

import colorsys
import hashlib
import io

from django.conf import settings

from .models import SupportPoint

DEFAULT_BRAND_COLOUR = "#1f5c99"
LOGO_BOX = (480, 160)
ICON_SIZE = 64


def brand_support_point(request):
    """Return the steunpunt whose face ``request`` shows: the one of the site it came in on, else the
    signed-in user's own steunpunt (the first by name if several), else ``None`` (the platform)."""
    if request is None:
        return None
    if hasattr(request, "_brand_support_point"):
        return request._brand_support_point
    support_point = getattr(request, "support_point", None)
    user = getattr(request, "user", None)
    if support_point is None and getattr(user, "is_authenticated", False):
        support_point = SupportPoint.objects.filter(memberships__user=user).order_by("name").first()
    request._brand_support_point = support_point
    return support_point


def brand_name(request):
    """The name the back office carries in its titles: the steunpunt's, or the platform's."""
    support_point = brand_support_point(request)
    return support_point.name if support_point else settings.WAGTAIL_SITE_NAME


def version(support_point):
    """A short fingerprint of the face, so a browser fetches the stylesheet and icons again after a change."""
    if support_point is None:
        return "0"
    raw = "|".join(
        [
            support_point.brand_colour,
            support_point.accent_colour,
            support_point.logo.name,
            support_point.favicon.name,
        ]
    )
    return hashlib.sha256(raw.encode()).hexdigest()[:10]


def _hsl(hex_colour):
    red, green, blue = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    return f"{hue * 360:.1f}", f"{saturation * 100:.1f}%", f"{lightness * 100:.1f}%"


def stylesheet(support_point):
    """Return the CSS of ``support_point``'s face (the platform's default colour for ``None``)."""
    brand = support_point.brand_colour if support_point else DEFAULT_BRAND_COLOUR
    accent = (support_point.accent_colour if support_point else "") or brand
    lines = [f":root {{ --brand: {brand}; --accent: {accent};"]
    for name, colour in (("primary", brand), ("secondary", accent)):
        hue, saturation, lightness = _hsl(colour)
        lines.append(
            f"  --w-color-{name}-hue: {hue}; --w-color-{name}-saturation: {saturation};"
            f" --w-color-{name}-lightness: {lightness};"
        )
    lines.append("}")
    lines.append("body:not(#wagtail) main a:not(.button) { color: var(--accent); }")
    if support_point and support_point.logo:
        # The logo beside the steunpunt's name in the header: decorative, the name is the text.
        lines.append(
            ".site-name::before { content: ''; display: inline-block; vertical-align: middle;"
            " width: 3rem; height: 3rem; margin-right: 0.6rem; background: #fff url('/huisstijl/logo.png')"
            " no-repeat center / contain; border-radius: 0.3rem; }"
        )
    return "\n".join(lines) + "\n"


def _open(file):
    from PIL import Image

    file.open("rb")
    try:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    finally:
        file.close()
    return image.convert("RGBA")


def logo_png(support_point):
    """Return the logo as PNG bytes, at most ``LOGO_BOX`` large, or ``None`` without a logo."""
    if support_point is None or not support_point.logo:
        return None
    image = _open(support_point.logo)
    image.thumbnail(LOGO_BOX)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def icon_png(support_point):
    """Return the browser-tab icon as a square PNG: the uploaded icon, else made from the logo;
    ``None`` when the steunpunt has neither."""
    if support_point is None:
        return None
    source = support_point.favicon or support_point.logo
    if not source:
        return None
    from PIL import Image

    image = _open(source)
    image.thumbnail((ICON_SIZE, ICON_SIZE))
    square = Image.new("RGBA", (ICON_SIZE, ICON_SIZE), (255, 255, 255, 0))
    square.paste(image, ((ICON_SIZE - image.width) // 2, (ICON_SIZE - image.height) // 2))
    out = io.BytesIO()
    square.save(out, format="PNG")
    return out.getvalue()
