"""The demo steunpunten. Real partnership codes, so that the postcode search finds them;
names, addresses and numbers are made up."""

import datetime

DEMO_SUPPORT_POINTS = [
    {
        "slug": "noord",
        "name": "Ouder- en Jeugdsteunpunt Noord (demo)",
        "hostname": "noord.localhost",
        # One steunpunt for a primary and a secondary partnership together.
        "partnership_codes": ["PO2001", "VO2001"],
        "email": "info@noord.example",
        "phone": "050 000 0000",
        "address": "Voorbeeldstraat 1, Groningen",
        "brand_colour": "#1f5c99",
        "opening_hours": [
            (0, datetime.time(9), datetime.time(17)),
            (1, datetime.time(9), datetime.time(17)),
            (3, datetime.time(9), datetime.time(12)),
            (3, datetime.time(19), datetime.time(21)),
        ],
    },
    {
        "slug": "midden",
        "name": "Steunpunt Passend Onderwijs Midden (demo)",
        "hostname": "midden.localhost",
        # A single primary partnership.
        "partnership_codes": ["PO2601"],
        "email": "vraag@midden.example",
        "phone": "030 000 0000",
        "address": "Proefplein 2, Utrecht",
        "brand_colour": "#7a1f5c",
        "opening_hours": [
            (1, datetime.time(9), datetime.time(16)),
            (2, datetime.time(9), datetime.time(16)),
            (4, datetime.time(9), datetime.time(12)),
        ],
    },
]


# National organisations for the social map. Contact details from ../shared/docs/domain-facts.md
# (Ouders & Onderwijs, inspectorate: [Body]/[Official] sources named there).
NATIONAL_ORGANISATIONS = [
    {
        "name": "Ouders & Onderwijs",
        "category": "advies",
        "helps_with": "Gratis informatie en advies voor ouders over school en onderwijs.",
        "when_to_go": "Als u een vraag heeft over school en niet weet waar u moet beginnen.",
        "phone": "0800-5010",
        "email": "vraag@oudersonderwijs.nl",
        "website": "https://oudersenonderwijs.nl/",
    },
    {
        "name": "Onderwijsconsulenten",
        "category": "advies",
        "helps_with": (
            "Onafhankelijke hulp als uw kind geen passende plek op school heeft of dreigt thuis te zitten."
        ),
        "when_to_go": "Als u er met de school en het samenwerkingsverband niet uitkomt.",
        "website": "https://www.onderwijsconsulenten.nl/",
    },
    {
        "name": "Geschillencommissie passend onderwijs",
        "category": "klachten-en-geschillen",
        "helps_with": "Een oordeel bij een geschil met de school over toelating, verwijdering of het OPP.",
        "when_to_go": "Als praten met de school niet helpt en u een formeel oordeel wilt.",
        "website": "https://www.onderwijsgeschillen.nl/",
    },
    {
        "name": "Inspectie van het Onderwijs",
        "category": "klachten-en-geschillen",
        "helps_with": "Meldingen over de kwaliteit van het onderwijs en over scholen.",
        "when_to_go": "Als u iets wilt melden over een school.",
        "phone": "088-669 60 60",
        "website": "https://www.onderwijsinspectie.nl/",
    },
    {
        "name": "Leerplichtambtenaar van uw gemeente",
        "category": "gemeente",
        "helps_with": "Vragen over leerplicht, verzuim en vrijstelling.",
        "when_to_go": "Als uw kind niet of niet vaak naar school gaat.",
    },
    {
        "name": "Wijkteam of jeugdhulp van uw gemeente",
        "category": "jeugdhulp",
        "helps_with": "Hulp voor uw kind of gezin thuis, ook als dat met school te maken heeft.",
        "when_to_go": "Als uw kind of gezin meer hulp nodig heeft dan de school kan geven.",
    },
]

DEMO_SYNONYMS = [
    ("rugzakje", "extra ondersteuning\narrangement"),
    ("rugzak", "extra ondersteuning\narrangement"),
    ("tlv", "toelaatbaarheidsverklaring"),
    ("thuiszitter", "thuiszitten"),
]
