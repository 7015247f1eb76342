"""Two-factor set-up and verification for staff, before any back-office page opens."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from .forms import TokenForm
from .totp import base32_secret, confirmed_device, pending_device, qr_svg


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _check(device, token):
    """Return an error message, or ``None`` when the token is right (throttled by django-otp)."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        return _("Too many wrong codes. Wait a moment and try again.")
    if device.verify_token(token):
        return None
    return _("This code is not right. Check the time on your phone and try again.")


@never_cache
@login_required
def setup(request):
    """Show the QR code and secret for a new app, and confirm it with a first code."""
    if confirmed_device(request.user):
        return redirect(f"{reverse('accounts:verify')}?next={_next_url(request)}")
    device = pending_device(request.user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        error = _check(device, form.cleaned_data["token"])
        if error is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", error)
    return render(
        request,
        "accounts/setup.html",
        {"form": form, "qr_svg": qr_svg(device), "secret": base32_secret(device), "next": _next_url(request)},
    )


@never_cache
@login_required
def verify(request):
    """Ask for the current code of the app set up before."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('accounts:setup')}?next={_next_url(request)}")
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        error = _check(device, form.cleaned_data["token"])
        if error is None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", error)
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})
