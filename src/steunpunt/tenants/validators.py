import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PARTNERSHIP_CODE_RE = re.compile(r"^(PO|VO)\d{4}$")
HEX_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


def validate_partnership_code(value):
    if not PARTNERSHIP_CODE_RE.match(value or ""):
        raise ValidationError(
            _("Enter a partnership code such as PO2701 or VO2701: PO or VO and four digits."),
            code="invalid_partnership_code",
        )


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour):
    """Return the WCAG relative luminance of ``#rrggbb``."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first, second):
    """Return the WCAG contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _validate_hex(value):
    if not HEX_COLOUR_RE.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # and six hexadecimal characters, such as #1f5c99."),
            code="invalid_colour",
        )


# WCAG 2.2 AA (1.4.3): normal text needs a contrast of at least 4.5 to 1 with its background.
MIN_CONTRAST = 4.5


def _validate_contrast_with_white(value, message):
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            message,
            code="low_contrast",
            params={"ratio": f"{int(ratio * 10) / 10:.1f}".replace(".", ","), "minimum": "4,5"},
        )


def validate_brand_colour(value):
    """The brand colour carries white text, so it needs a contrast of at least 4.5:1 with white."""
    _validate_hex(value)
    _validate_contrast_with_white(
        value,
        _(
            "White text on this colour has a contrast of %(ratio)s to 1; at least %(minimum)s to 1 is "
            "needed to read it well. Choose a darker colour."
        ),
    )


def validate_accent_colour(value):
    """The second colour is used for links on white and for buttons with white text: 4.5:1 with white."""
    if not value:
        return
    _validate_hex(value)
    _validate_contrast_with_white(
        value,
        _(
            "This colour on white has a contrast of %(ratio)s to 1; at least %(minimum)s to 1 is "
            "needed to read links and buttons well. Choose a darker colour."
        ),
    )


LOGO_MAX_BYTES = 1024 * 1024


def validate_logo_file(file):
    """A logo or icon is a PNG or JPEG of at most 1 MB (no SVG: it can carry a script)."""
    name = (getattr(file, "name", "") or "").lower()
    if not name.endswith((".png", ".jpg", ".jpeg")):
        raise ValidationError(_("Choose a PNG or JPEG file."), code="logo_type")
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The file is larger than 1 MB. Choose a smaller file."), code="logo_size")
