"""Staff sessions: two factors before the back office, idle and absolute time limits."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .totp import confirmed_device

# Paths a signed-in but not yet verified user may open.
UNVERIFIED_ALLOWED = ("/admin/login/", "/admin/logout/", "/admin/password_reset/", "/beveiliging/")


class RequireTwoFactorMiddleware:
    """Every back-office page needs a session verified with a second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path
        if (
            path.startswith("/admin/")
            and user.is_authenticated
            and not user.is_verified()
            and not path.startswith(UNVERIFIED_ALLOWED)
        ):
            name = "accounts:verify" if confirmed_device(user) else "accounts:setup"
            return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


STAFF_SEEN_EVERY_SECONDS = 60


class StaffSessionMiddleware:
    """Sign staff out after ``STAFF_SESSION_IDLE_SECONDS`` idle or ``SESSION_COOKIE_AGE`` in all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault("staff_session_started", now)
            last_seen = request.session.get("staff_last_seen", now)
            if (
                now - last_seen > settings.STAFF_SESSION_IDLE_SECONDS
                or now - started > settings.SESSION_COOKIE_AGE
            ):
                logout(request)
                messages.info(
                    request, _("You were signed out because you were away for a while. Please sign in again.")
                )
                return redirect(
                    f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}"
                )
            # Written at most once a minute: each write is an UPDATE of the session row on every page of
            # the back office (bench P7: 11 ms of the inbox). Idle time is counted from that minute.
            if now - last_seen >= STAFF_SEEN_EVERY_SECONDS or "staff_last_seen" not in request.session:
                request.session["staff_last_seen"] = now
        return self.get_response(request)
