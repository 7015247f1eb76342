"""Bad input on every form: a polite Dutch message, what was typed kept, nothing stored, never a 500."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from steunpunt.ambitions.formatting import euro, parse_decimal
from steunpunt.ambitions.models import Ambition, Criterion, HourlyRate, OtherCost, PupilCount
from steunpunt.ambitions.services import criterion_create, pupil_count_set
from steunpunt.tenants.roles import Role
from steunpunt.tenants.tests.factories import MembershipFactory, SupportPointFactory

from .factories import AmbitionFactory, HourlyRateFactory

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    " ",
    "\x00",
    "9" * 60,
    "<script>alert(1)</script>",
    "1e5",
    "NaN",
    "Infinity",
    "--1",
    "1,2,3",
    "½",
    "٣",
]


@pytest.fixture
def world(platform):
    own = SupportPointFactory(partnership_codes=["PO8201", "VO8201"])
    other = SupportPointFactory(partnership_codes=["PO8202"])
    return own, other


@pytest.fixture
def coordinator(world, staff_client):
    own, _other = world
    return staff_client(MembershipFactory(support_point=own, role=Role.COORDINATOR).user)


def _refused(response, message, kept=None):
    html = response.content.decode()
    assert response.status_code == 400, response.status_code
    assert "Er klopt nog iets niet" in html
    assert message in html, (message, html[html.find("error-summary") :][:800])
    if kept is not None:
        assert f'value="{kept}"' in html, kept


def test_an_ambition_needs_a_short_sentence(coordinator):
    url = reverse("ambitions_add")
    _refused(coordinator.post(url, {"text": "  "}), "Schrijf de ambitie op in één korte zin.")
    _refused(coordinator.post(url, {"text": "x" * 301}), "Maak het korter: maximaal 300 tekens.", "x" * 301)
    assert not Ambition.objects.exists()
    response = coordinator.post(url, {"text": "Ouders horen snel van ons", "explanation": ""})
    ambition = Ambition.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "ambitions_criterion_add", args=[ambition.pk]
    )


CRITERION = {
    "kind": "first_contact",
    "parameter": "3",
    "direction": "at_least",
    "target": "90",
    "active": "on",
}


@pytest.mark.parametrize(
    ("changes", "message", "kept"),
    [
        ({"kind": "bogus"}, "Kies uit de lijst wat er gemeten wordt.", None),
        ({"kind": ""}, "Kies wat er gemeten wordt.", None),
        ({"parameter": ""}, "Vul het aantal werkdagen in.", None),
        ({"parameter": "25"}, "Kies een aantal werkdagen van 1 tot en met 20.", "25"),
        ({"parameter": "0"}, "Kies een aantal werkdagen van 1 tot en met 20.", "0"),
        ({"parameter": "drie"}, "Vul een heel getal in, bijvoorbeeld 3.", "drie"),
        (
            {"kind": "concerns_followed_up", "parameter": "60"},
            "Kies een aantal weken van 1 tot en met 52.",
            "60",
        ),
        (
            {"kind": "searches_without_result", "parameter": "3"},
            "Dit criterium heeft geen aantal werkdagen of weken: laat dit leeg.",
            "3",
        ),
        ({"target": "150"}, "Een percentage ligt tussen 0 en 100.", "150"),
        ({"target": "-5"}, "Vul een getal in van 0 of meer, zonder minteken.", "-5"),
        ({"target": "90,55"}, "Gebruik voor dit doel hoogstens 1 cijfer achter de komma.", "90,55"),
        ({"target": "90,555"}, "Gebruik hoogstens 2 cijfers achter de komma.", "90,555"),
        ({"target": "veel"}, "Vul een getal in, bijvoorbeeld 1250 of 45,50.", "veel"),
        ({"target": ""}, "Vul een doel in.", None),
        (
            {"kind": "evaluation_score", "parameter": "", "target": "6"},
            "Bij dit criterium ligt het doel tussen 1 en 5.",
            "6",
        ),
        (
            {"kind": "closing_median", "parameter": "", "target": "400"},
            "Bij dit criterium ligt het doel tussen 0 en 365.",
            "400",
        ),
        ({"direction": ""}, "Kies “ten minste” of “ten hoogste”.", None),
        ({"direction": "sometimes"}, "Kies “ten minste” of “ten hoogste”.", None),
    ],
)
def test_a_criterion_with_bad_input_is_refused_with_a_dutch_message(
    world, coordinator, changes, message, kept
):
    own, _other = world
    ambition = AmbitionFactory(support_point=own)
    response = coordinator.post(
        reverse("ambitions_criterion_add", args=[ambition.pk]), {**CRITERION, **changes}
    )
    _refused(response, message, kept)
    assert not Criterion.objects.exists()


def test_a_good_criterion_is_stored_with_a_dutch_decimal(world, coordinator):
    own, _other = world
    ambition = AmbitionFactory(support_point=own)
    response = coordinator.post(
        reverse("ambitions_criterion_add", args=[ambition.pk]), {**CRITERION, "target": "92,5"}
    )
    assert response.status_code == 302
    criterion = Criterion.objects.get()
    assert (criterion.kind, criterion.parameter, criterion.target, criterion.active) == (
        "first_contact",
        3,
        Decimal("92.5"),
        True,
    )
    edit = coordinator.get(reverse("ambitions_criterion_edit", args=[criterion.pk]))
    assert 'value="92,5"' in edit.content.decode()
    changed = coordinator.post(
        reverse("ambitions_criterion_edit", args=[criterion.pk]),
        {"kind": "searches_without_result", "parameter": "", "direction": "at_most", "target": "10"},
    )
    criterion.refresh_from_db()
    assert changed.status_code == 302
    assert (criterion.kind, criterion.parameter, criterion.target, criterion.active) == (
        "searches_without_result",
        None,
        Decimal(10),
        False,
    )


def test_the_services_refuse_what_the_forms_refuse(world):
    own, other = world
    ambition = AmbitionFactory(support_point=own)
    with pytest.raises(ValidationError) as refusal:
        criterion_create(
            ambition=ambition,
            kind="first_contact",
            parameter=None,
            target=Decimal(101),
            direction="up",
            by=None,
        )
    assert set(refusal.value.message_dict) == {"parameter", "target", "direction"}
    with pytest.raises(ValidationError, match="samenwerkingsverband van dit steunpunt"):
        pupil_count_set(
            support_point=own, partnership=other.partnerships.get(), school_year=2025, pupils=100, by=None
        )
    assert not Criterion.objects.exists() and not PupilCount.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message", "kept"),
    [
        ({"partnership": "other"}, "Kies een samenwerkingsverband van dit steunpunt.", None),
        ({"partnership": "12345678"}, "Kies een samenwerkingsverband van dit steunpunt.", None),
        ({"pupils": "0"}, "Vul een aantal leerlingen in van 1 tot en met 1.000.000.", "0"),
        ({"pupils": "2000000"}, "Vul een aantal leerlingen in van 1 tot en met 1.000.000.", "2000000"),
        ({"pupils": "-3"}, "Vul een getal in van 0 of meer, zonder minteken.", "-3"),
        ({"pupils": "12,5"}, "Vul een heel getal in, zonder cijfers achter de komma.", "12,5"),
        ({"pupils": "heel veel"}, "Vul een getal in, bijvoorbeeld 1250 of 45,50.", "heel veel"),
        ({"school_year": "1990"}, "Kies een schooljaar uit de lijst.", None),
        ({"school_year": "twee"}, "Kies een schooljaar uit de lijst.", None),
    ],
)
def test_a_pupil_number_with_bad_input_is_refused(world, coordinator, changes, message, kept):
    own, other = world
    data = {"partnership": own.partnerships.first().pk, "school_year": "2025", "pupils": "12.500"}
    if changes.get("partnership") == "other":
        changes = {"partnership": other.partnerships.get().pk}
    _refused(coordinator.post(reverse("ambitions_pupils"), {**data, **changes}), message, kept)
    assert not PupilCount.objects.exists()


def test_a_pupil_number_is_stored_and_replaced(world, coordinator):
    own, _other = world
    partnership = own.partnerships.order_by("code").first()
    data = {"partnership": partnership.pk, "school_year": "2025", "pupils": "12.500"}
    assert coordinator.post(reverse("ambitions_pupils"), data).status_code == 302
    assert coordinator.post(reverse("ambitions_pupils"), {**data, "pupils": "13000"}).status_code == 302
    count = PupilCount.objects.get()
    assert (count.partnership, count.school_year, count.pupils) == (partnership, 2025, 13000)
    page = coordinator.get(reverse("ambitions_pupils")).content.decode()
    assert "2025-2026" in page and "13.000" in page


@pytest.mark.parametrize(
    ("changes", "message", "kept"),
    [
        ({"amount": "62,505"}, "Gebruik hoogstens 2 cijfers achter de komma.", "62,505"),
        ({"amount": "0"}, "Vul een bedrag in van € 0,01 tot en met € 1.000.", "0"),
        ({"amount": "5000"}, "Vul een bedrag in van € 0,01 tot en met € 1.000.", "5000"),
        ({"amount": "-10"}, "Vul een getal in van 0 of meer, zonder minteken.", "-10"),
        ({"amount": ""}, "Vul een bedrag in.", None),
        ({"valid_from": "31-02-2025"}, "Vul een datum in, bijvoorbeeld 31-01-2026.", "31-02-2025"),
        ({"valid_from": "gisteren"}, "Vul een datum in, bijvoorbeeld 31-01-2026.", "gisteren"),
        ({"valid_from": "1999-12-31"}, "Kies een datum tussen 1 januari 2000 en 31 december", "1999-12-31"),
        ({"valid_from": "2025-01-01"}, "Er is al een tarief vanaf deze datum.", "2025-01-01"),
    ],
)
def test_an_hourly_rate_with_bad_input_is_refused(world, coordinator, changes, message, kept):
    own, _other = world
    HourlyRateFactory(support_point=own, valid_from=datetime.date(2025, 1, 1), amount=Decimal("55.00"))
    data = {"valid_from": "2025-06-01", "amount": "62,50"}
    _refused(coordinator.post(reverse("ambitions_rates"), {**data, **changes}), message, kept)
    assert HourlyRate.objects.count() == 1


def test_an_hourly_rate_and_an_other_cost_are_stored_from_dutch_amounts(world, coordinator):
    own, _other = world
    assert (
        coordinator.post(
            reverse("ambitions_rates"), {"valid_from": "01-06-2025", "amount": "62,50"}
        ).status_code
        == 302
    )
    rate = HourlyRate.objects.get()
    assert (rate.support_point, rate.valid_from, rate.amount) == (
        own,
        datetime.date(2025, 6, 1),
        Decimal("62.50"),
    )
    data = {"on": "2025-02-01", "description": "Huur spreekkamer", "amount": "1.234,56"}
    assert coordinator.post(reverse("ambitions_other_costs"), data).status_code == 302
    cost = OtherCost.objects.get()
    assert (cost.support_point, cost.amount) == (own, Decimal("1234.56"))
    assert "€ 1.234,56" in coordinator.get(reverse("ambitions_other_costs")).content.decode()


@pytest.mark.parametrize(
    ("changes", "message", "kept"),
    [
        ({"amount": "1.234,567"}, "Gebruik hoogstens 2 cijfers achter de komma.", "1.234,567"),
        ({"amount": "20000000"}, "Vul een bedrag in van € 0,01 tot en met € 10.000.000.", "20000000"),
        ({"description": ""}, "Beschrijf de kosten in een paar woorden.", None),
        ({"description": "x" * 201}, "Maak het korter: maximaal 200 tekens.", "x" * 201),
        ({"on": ""}, "Vul een datum in.", None),
        ({"on": "2025-13-01"}, "Vul een datum in, bijvoorbeeld 31-01-2026.", "2025-13-01"),
        ({"on": "2099-01-01"}, "Kies een datum tussen 1 januari 2000 en 31 december", "2099-01-01"),
    ],
)
def test_an_other_cost_with_bad_input_is_refused(coordinator, changes, message, kept):
    data = {"on": "2025-02-01", "description": "Huur spreekkamer", "amount": "100"}
    _refused(coordinator.post(reverse("ambitions_other_costs"), {**data, **changes}), message, kept)
    assert not OtherCost.objects.exists()


def test_no_form_answers_a_500_whatever_is_typed(world, coordinator):
    own, _other = world
    ambition = AmbitionFactory(support_point=own)
    forms = {
        reverse("ambitions_add"): ["text", "explanation", "support_point"],
        reverse("ambitions_edit", args=[ambition.pk]): ["text", "explanation"],
        reverse("ambitions_criterion_add", args=[ambition.pk]): [
            "kind",
            "parameter",
            "direction",
            "target",
            "active",
        ],
        reverse("ambitions_pupils"): ["partnership", "school_year", "pupils", "steunpunt"],
        reverse("ambitions_rates"): ["valid_from", "amount", "steunpunt"],
        reverse("ambitions_other_costs"): ["on", "description", "amount", "steunpunt"],
    }
    # An ambition is free text: any text that is not blank and holds no NUL is a valid ambition. Every
    # other form wants a number, a date or a choice, which none of these values is.
    free_text = {reverse("ambitions_add"), reverse("ambitions_edit", args=[ambition.pk])}
    for url, fields in forms.items():
        for value in NASTY:
            response = coordinator.post(url, dict.fromkeys(fields, value))
            accepted = url in free_text and value.strip() and "\x00" not in value
            assert response.status_code == (302 if accepted else 400), (url, value, response.status_code)
    assert (
        not Criterion.objects.exists() and not HourlyRate.objects.exists() and not OtherCost.objects.exists()
    )
    assert not PupilCount.objects.exists()


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_an_amount_shown_the_dutch_way_reads_back_as_the_same_amount(amount):
    assert parse_decimal(euro(amount).removeprefix("€ "), max_decimals=2) == amount


@given(st.text(max_size=40))
def test_reading_a_number_either_succeeds_or_gives_a_dutch_message(text):
    try:
        value = parse_decimal(text, max_decimals=2)
    except ValidationError as refusal:
        assert refusal.messages and all(message.strip() for message in refusal.messages)
    else:
        assert value >= 0 and value == round(value, 2)
