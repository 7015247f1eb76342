"""Demo ambitions, pupil numbers and costs for a demo steunpunt; safe to run again.

:func:`load_demo` is meant to be called by the demo loader for each demo steunpunt. It changes
nothing that a coordinator entered: it only adds what is missing, recognised by its “(demo)” text.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .formatting import school_year_of
from .kinds import Direction, Kind
from .models import Ambition, HourlyRate, OtherCost, PupilCount

DEMO_AMBITIONS = [
    (
        "Ouders horen snel van ons (demo)",
        "Wie een vraag stelt, krijgt binnen drie werkdagen contact. "
        "Vragen lossen we binnen een maand op. (demo)",
        [
            (Kind.FIRST_CONTACT, 3, Direction.AT_LEAST, Decimal(90)),
            (Kind.CLOSING_MEDIAN, None, Direction.AT_MOST, Decimal(30)),
        ],
    ),
    (
        "Ouders en jongeren zijn tevreden over onze hulp (demo)",
        "We vragen na elke vraag hoe het ging, en leren van de antwoorden. (demo)",
        [
            (Kind.EVALUATION_SCORE, None, Direction.AT_LEAST, Decimal(4)),
            (Kind.EVALUATION_RESPONSE, None, Direction.AT_LEAST, Decimal(30)),
        ],
    ),
    (
        "Onze informatie is te vinden en klopt (demo)",
        "",
        [
            (Kind.ARTICLES_VALID, None, Direction.AT_LEAST, Decimal(80)),
            (Kind.SEARCHES_WITHOUT_RESULT, None, Direction.AT_MOST, Decimal(10)),
            (Kind.QUESTIONS_PER_PUPILS, None, Direction.AT_LEAST, Decimal(1)),
            (Kind.CONCERNS_FOLLOWED_UP, 12, Direction.AT_LEAST, Decimal(75)),
        ],
    ),
]
DEMO_COSTS = [
    (1, "Huur van de spreekkamer, eerste kwartaal (demo)", Decimal("1500.00")),
    (4, "Training voor vrijwilligers (demo)", Decimal("850.00")),
    (7, "Drukwerk folders voor scholen (demo)", Decimal("312.50")),
]
# Pupils per partnership, derived from its code so that repeated runs give the same numbers.
DEMO_PUPILS_BASE = 9000


@transaction.atomic
def load_demo(support_point):
    """Add the demo ambitions with their criteria, pupil numbers for this and last school year of the
    steunpunt's partnerships, an hourly rate from the start of last year, and a few other costs of this
    year. Returns nothing; calling it twice adds nothing the second time."""
    for text, explanation, criteria in DEMO_AMBITIONS:
        ambition, created = Ambition.objects.get_or_create(
            support_point=support_point, text=text, defaults={"explanation": explanation}
        )
        if created:
            for kind, parameter, direction, target in criteria:
                ambition.criteria.create(kind=kind, parameter=parameter, direction=direction, target=target)

    year = school_year_of(timezone.localdate())
    for partnership in support_point.partnerships.all():
        digits = int("".join(ch for ch in partnership.code if ch.isdigit()) or 0)
        for school_year in (year - 1, year):
            PupilCount.objects.get_or_create(
                partnership=partnership,
                school_year=school_year,
                defaults={"pupils": DEMO_PUPILS_BASE + digits % 1000 * 7 + (school_year - year) * 120},
            )

    today = timezone.localdate()
    HourlyRate.objects.get_or_create(
        support_point=support_point,
        valid_from=datetime.date(today.year - 1, 1, 1),
        defaults={"amount": Decimal("62.50")},
    )
    for month, description, amount in DEMO_COSTS:
        OtherCost.objects.get_or_create(
            support_point=support_point,
            description=description,
            defaults={"on": datetime.date(today.year, month, 15), "amount": amount},
        )
