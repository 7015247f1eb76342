"""TOTP helpers around django-otp's device: secrets for apps and QR codes."""

import base64
import io

import qrcode
import qrcode.image.svg
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user):
    """Return the user's confirmed TOTP device, or ``None``."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_device(user):
    """Return the user's unconfirmed TOTP device, creating one when there is none."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    return device


def base32_secret(device):
    """Return the device key in the base32 form that authenticator apps expect."""
    return base64.b32encode(device.bin_key).decode("ascii")


def current_code(device):
    """Return the code the device's app shows right now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def qr_svg(device):
    """Return the enrolment QR code as an inline SVG string."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    return svg[svg.index("<svg") :]
