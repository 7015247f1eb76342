"""The CSP header of a plain response is built once per process (bench P1) and is exactly django-csp's;
a response with its own policy parts or a nonce still gets its own header; a change of the setting
reaches the next response."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE
from csp.exceptions import CSPNonceError
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory

from steunpunt.core import csp

pytestmark = pytest.mark.django_db


def _through(view=lambda request: HttpResponse("ok"), path="/informatie/"):
    request = RequestFactory().get(path)
    middleware = csp.CSPMiddleware(view)
    return request, middleware(request)


def test_a_plain_response_gets_django_csps_own_header_built_once():
    _request, first = _through()
    assert first[HEADER] == build_policy()
    assert "object-src 'none'" in first[HEADER] and "nonce" not in first[HEADER]
    built = csp._plain
    _request, second = _through()
    assert second[HEADER] == first[HEADER]
    assert csp._plain is built  # not built again
    assert HEADER_REPORT_ONLY not in second  # no report-only policy is configured


def test_a_response_with_its_own_parts_gets_its_own_header():
    def view(request):
        response = HttpResponse("ok")
        response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return response

    _request, response = _through(view)
    assert response[HEADER] == build_policy(update={"style-src": ["'unsafe-inline'"]})
    assert "'unsafe-inline'" in response[HEADER]
    _request, plain = _through()
    assert "'unsafe-inline'" not in plain[HEADER]


def test_a_nonce_asked_for_while_rendering_is_in_the_header(settings):
    # Nothing here uses a nonce yet; a policy that names one gets the nonce of the response.
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}

    def view(request):
        return HttpResponse(str(request.csp_nonce))

    _request, response = _through(view)
    nonce = response.content.decode()
    assert f"'nonce-{nonce}'" in response[HEADER]
    _request, plain = _through()
    assert "nonce" not in plain[HEADER]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    request, _response = _through()
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_an_exempt_response_or_excluded_path_gets_no_header(settings):
    def view(request):
        response = HttpResponse("ok")
        response._csp_exempt = True
        return response

    _request, response = _through(view)
    assert HEADER not in response
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "EXCLUDE_URL_PREFIXES": ["/uitgezonderd/"],
    }
    _request, excluded = _through(path="/uitgezonderd/x/")
    assert HEADER not in excluded
    _request, other = _through(path="/informatie/")
    assert HEADER in other


def test_a_changed_setting_reaches_the_next_response(settings):
    _request, before = _through()
    assert "img-src 'self' data:" in before[HEADER]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    _request, after = _through()
    assert after[HEADER] == "default-src 'none'"
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    _request, both = _through()
    assert both[HEADER_REPORT_ONLY] == "default-src 'self'"
