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
        # Noord offers every language of the site; Midden Dutch, English, Polish and Ukrainian only.
        "languages": ["en", "pl", "uk"],
        "opening_hours": [
            (1, datetime.time(9), datetime.time(16)),
            (2, datetime.time(9), datetime.time(16)),
            (4, datetime.time(9), datetime.time(12)),
        ],
    },
]
