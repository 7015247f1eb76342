import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    """Axes and throttling keep state in the cache; every test starts clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def platform(db):
    """The platform's own site (index page), as `make run` sets it up."""
    from steunpunt.portal.services import platform_site_ensure

    return platform_site_ensure(port=80)


@pytest.fixture
def staff_client(client, platform):
    """Return ``login(user)``: signs ``user`` in with password and second factor on ``client``."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(user):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        client.defaults["HTTP_HOST"] = "127.0.0.1"
        return client

    return login
