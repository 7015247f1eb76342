"""Keeping software out of the public forms without third-party services.

Three layers: a honeypot field (see ``forms.HoneypotMixin``); a proof of work (ALTCHA): the page
carries a signed puzzle that the browser solves in about a second (``static/js/altcha.js``) and the
server checks the signed answer once; and a limit per internet address. People whose browser runs no
JavaScript can still send the form, under a lower limit.
"""

import base64
import datetime
import hashlib
import hmac
import json

import altcha
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

VALID, MISSING, INVALID = "valid", "missing", "invalid"
RATE_LIMITED = 429
INVALID_PROOF_MESSAGE = _(
    "The automatic check against spam did not work. Your text is kept: please send the form again."
)
LIMIT_MESSAGE = _(
    "We received many messages from your internet connection. Wait an hour and try again, or call us."
)
FIELD = "altcha"
MAX_NUMBER = 50_000
LIFETIME = datetime.timedelta(minutes=30)


def _key():
    return hmac.new(settings.SECRET_KEY.encode(), b"altcha", hashlib.sha256).hexdigest()


def new_challenge():
    """Return a fresh signed puzzle for a form, as the attributes the script reads."""
    challenge = altcha.create_challenge_v1(
        hmac_key=_key(), max_number=MAX_NUMBER, expires=datetime.datetime.now(datetime.UTC) + LIFETIME
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "salt": challenge.salt,
        "signature": challenge.signature,
        "maxnumber": challenge.max_number,
    }


def check(request):
    """Return ``VALID``, ``MISSING`` or ``INVALID`` for the proof of work sent with ``request``.

    A solution counts once: a second use of the same puzzle is ``INVALID``.
    """
    payload = request.POST.get(FIELD, "")
    if not payload:
        return MISSING
    try:
        decoded = json.loads(base64.b64decode(payload[:2000], validate=True))
        ok, _error = altcha.verify_solution_v1(payload[:2000], _key(), check_expires=True)
        signature = str(decoded.get("signature", ""))[:128]
    except (ValueError, TypeError, AttributeError, KeyError):
        return INVALID
    if not ok or not cache.add(f"altcha-used:{signature}", 1, timeout=int(LIFETIME.total_seconds())):
        return INVALID
    return VALID


def too_many(request, proof):
    """Return ``True`` if this address sent more forms than allowed (lower without proof of work)."""
    verified = proof == VALID
    return is_ratelimited(
        request,
        group="public-forms" if verified else "public-forms-unverified",
        key="ip",
        rate=settings.PUBLIC_FORM_RATE if verified else settings.PUBLIC_FORM_RATE_UNVERIFIED,
        method="POST",
        increment=True,
    )


def refusal(request):
    """Return ``(status, Dutch message)`` if this public form submission must be refused, else ``None``.

    Checks the proof of work (a forged or reused one is refused) and the limit per address.
    """
    proof = check(request)
    if proof == INVALID:
        return 400, INVALID_PROOF_MESSAGE
    if too_many(request, proof):
        return RATE_LIMITED, LIMIT_MESSAGE
    return None
