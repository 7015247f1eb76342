import pytest

from steunpunt.tenants.tests.factories import SupportPointFactory

from .factories import SlotFactory


@pytest.fixture
def noord(platform):
    return SupportPointFactory(
        name="Steunpunt Noord",
        hostname="noord.localhost",
        partnership_codes=["PO2001"],
        email="info@noord.example",
    )


@pytest.fixture
def midden(platform):
    return SupportPointFactory(hostname="midden.localhost", partnership_codes=["PO2601"])


@pytest.fixture
def slot(noord):
    return SlotFactory(support_point=noord, note="Bel aan bij de zijdeur.")
