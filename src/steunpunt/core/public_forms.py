"""One protection for every public form: a view declares itself with :func:`protected`, its form is a
:class:`PublicForm`, its template uses ``{% public_form_attrs %}`` and ``{% public_form_fields %}``.

On every POST to a protected view, in this order:

1. Size: a body over :setting:`PUBLIC_FORM_MAX_BODY` bytes is not read at all (413); every text field
   of a :class:`PublicForm` must have a ``max_length`` (checked when the form is validated).
2. CSRF: Django's own check, done here so that a failure re-renders the form with the text kept
   and a fresh token (403), instead of Django's bare error page.
3. Proof of work (ALTCHA, no third-party service): the page carries a signed puzzle that the browser
   solves in about a second (``static/js/altcha.js``); a solution counts once; a forged or reused
   one is refused (400). A page that may come from a shared cache fetches its puzzle and CSRF token
   from :func:`form_key` when the visitor starts on the form.
4. A limit per internet address (django-ratelimit, ``key="ip"``): the view's rate setting, and the
   lower ``<setting>_UNVERIFIED`` for a browser that sent no proof of work (no JavaScript) (429).
5. The honeypot: a field people never see; software that fills it in gets a form error (400).

A refusal never reaches the view's storing code: the view runs as usual, and the :class:`PublicForm`
it binds is invalid with the refusal's Dutch message as its first error, so the view re-renders the
form with what was typed (the decorator then sets the refusal's status). A view that would store
anything while a refusal stands is rolled back (and raises ``ImproperlyConfigured`` if it would go
on as after a success, by a redirect).
"""

import base64
import contextvars
import datetime
import functools
import hashlib
import hmac
import json
from dataclasses import dataclass

import altcha
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import Http404, JsonResponse, QueryDict
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import add_never_cache_headers
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited

VALID, MISSING, INVALID = "valid", "missing", "invalid"
FIELD = "altcha"
MAX_NUMBER = 50_000
LIFETIME = datetime.timedelta(minutes=30)
KEY_URL = "/formulier-sleutel/"

TOO_BIG_MESSAGE = _(
    "Your message is too long to send. Please make it shorter and send the form again, or call us."
)
CSRF_MESSAGE = _(
    "The form was open for a long time, or your browser did not send its cookie. "
    "Your text is kept: please send the form again."
)
INVALID_PROOF_MESSAGE = _(
    "The automatic check against spam did not work. Your text is kept: please send the form again."
)
LIMIT_MESSAGE = _(
    "We received many messages from your internet connection. Wait an hour and try again, or call us."
)
HONEYPOT_MESSAGE = _("Your message looks automatic. Leave the last field empty and try again.")


@dataclass
class Refusal:
    status: int
    message: str
    shown: bool = False


_refusal = contextvars.ContextVar("public_form_refusal", default=None)


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


def check_proof(request):
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


def too_many(request, proof, rate_setting="PUBLIC_FORM_RATE"):
    """Count this submission; ``True`` if this address sent more than the rate allows (lower without
    proof of work). Each rate setting is its own budget."""
    verified = proof == VALID
    setting = rate_setting if verified else f"{rate_setting}_UNVERIFIED"
    return is_ratelimited(
        request,
        group=setting.lower(),
        key="ip",
        rate=getattr(settings, setting),
        method="POST",
        increment=True,
    )


class _CsrfCheck(CsrfViewMiddleware):
    # Django's check, answering the reason of a failure instead of its error page (as Django REST
    # framework does for its views).
    def _reject(self, request, reason):
        return reason


def _csrf_failed(request):
    check = _CsrfCheck(lambda request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {}) is not None


def _refusal_of(request, rate_setting):
    """The reason to refuse this POST, or ``None``; counts it against the address's limit."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > settings.PUBLIC_FORM_MAX_BODY:
        # Not read: the form is bound to nothing and only says why.
        request._post, request._files = QueryDict(), MultiValueDict()
        return Refusal(413, TOO_BIG_MESSAGE)
    if _csrf_failed(request):
        return Refusal(403, CSRF_MESSAGE)
    proof = check_proof(request)
    if proof == INVALID:
        return Refusal(400, INVALID_PROOF_MESSAGE)
    if too_many(request, proof, rate_setting):
        return Refusal(429, LIMIT_MESSAGE)
    return None


def protected(view=None, *, rate="PUBLIC_FORM_RATE"):
    """Declare a public view that takes a :class:`PublicForm` by POST (see the module docstring).

    ``rate`` names the setting with the limit per address (django-ratelimit syntax); the setting
    ``<rate>_UNVERIFIED`` is the limit without proof of work.
    """
    if view is None:
        return functools.partial(protected, rate=rate)

    @csrf_exempt  # checked in _refusal_of, so that a failure keeps the text
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        refusal = _refusal_of(request, rate)
        if refusal is None:
            return view(request, *args, **kwargs)
        token = _refusal.set(refusal)
        try:
            with transaction.atomic():
                response = view(request, *args, **kwargs)
                if not refusal.shown:
                    # No form said no (say, an evaluation already answered): whatever the view
                    # wrote is undone all the same.
                    transaction.set_rollback(True)
                    if 300 <= response.status_code < 400:
                        raise ImproperlyConfigured(f"{view.__qualname__} must validate a PublicForm.")
        finally:
            _refusal.reset(token)
        if response.status_code == 400:
            response.status_code = refusal.status
        return response

    wrapper.public_form = True
    return wrapper


class PublicForm(forms.Form):
    """A form of the public site: with the honeypot, bounded text fields, and the refusal of
    :func:`protected` as its first error."""

    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE)
        return ""

    def full_clean(self):
        unbounded = [
            name
            for name, field in self.fields.items()
            if isinstance(field, forms.CharField) and field.max_length is None
        ]
        if unbounded:
            raise ImproperlyConfigured(f"Public form fields need a max_length: {unbounded}.")
        super().full_clean()
        refusal = _refusal.get()
        if self.is_bound and refusal is not None:
            self.add_error(None, refusal.message)
            refusal.shown = True


@require_GET
def form_key(request):
    """A fresh puzzle and CSRF token (which sets the CSRF cookie) for a form on a page that may have
    come from a shared cache, where neither can be in the page itself. Never cached."""
    if getattr(request, "support_point", None) is None:
        raise Http404
    response = JsonResponse({"csrf": get_token(request), "altcha": new_challenge()})
    add_never_cache_headers(response)
    return response
