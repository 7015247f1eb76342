"""django-csp's middleware, with the header of a response without nonce or overrides built once.

Nearly every response (every public page, every page-cache hit) carries the same policy: the one in
:setting:`CONTENT_SECURITY_POLICY`, without a nonce (nothing here uses one) and without a view's
``@csp_update``. django-csp builds that header anew for each response (``build_policy`` after a deep
copy of its parts), which was 18% of a page-cache hit (bench/README.md, P1). This middleware builds it
once per process and per settings; a response with a nonce or with its own policy parts (the back
office's ``_csp_update``) still goes through django-csp unchanged.
"""

import http.client

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_OWN_PARTS = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
_DEBUG_EXEMPT = (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)
_SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")

# (header, value, response attribute that exempts it, excluded path prefixes), built at first use.
_plain = None


def _plain_headers():
    global _plain
    if _plain is None:
        _plain = tuple(
            (
                header,
                build_policy(report_only=report_only),
                "_csp_exempt_ro" if report_only else "_csp_exempt",
                tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()),
            )
            for header, report_only, setting in (
                (HEADER, False, _SETTINGS[0]),
                (HEADER_REPORT_ONLY, True, _SETTINGS[1]),
            )
        )
    return _plain


@receiver(setting_changed)
def _forget(setting, **kwargs):
    global _plain
    if setting in _SETTINGS:
        _plain = None


class CSPMiddleware(BaseCSPMiddleware):
    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, part, None) is not None for part in _OWN_PARTS
        ):
            return super().process_response(request, response)
        if response.status_code in _DEBUG_EXEMPT and settings.DEBUG:
            return response
        path = request.path_info
        for header, value, exempt, excluded in _plain_headers():
            if (
                value
                and header not in response
                and getattr(response, exempt, False) is False
                and not (excluded and path.startswith(excluded))
            ):
                response[header] = value
        # As django-csp: a nonce asked for after the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
