"""Distances and postcode coordinates, from data shipped with the project (no map service).

A postcode's point is the centre of its four-digit area from the 4pp list (see data/README.md);
for a PC4 the list lacks, the centre of the schools in that PC4.
"""

import csv
import functools
import math
from pathlib import Path

from django.db.models import Avg

PC4_FILE = Path(__file__).resolve().parent / "data" / "pc4_woonplaats_gemeente_4pp.csv"
EARTH_RADIUS_KM = 6371.0


def distance_km(a, b):
    """Great-circle distance between two ``(lat, lon)`` points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


@functools.cache
def pc4_points():
    """``{"9711": (lat, lon)}`` for every four-digit postcode in the 4pp list."""
    points = {}
    with PC4_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                points[row["postcode"]] = (float(row["latitude"]), float(row["longitude"]))
            except (KeyError, ValueError):
                continue
    return points


def postcode_point(pc4):
    """The ``(lat, lon)`` of a four-digit postcode, or ``None`` when nothing is known about it."""
    point = pc4_points().get(pc4)
    if point is not None:
        return point
    from .models import School

    centre = School.objects.filter(postcode__startswith=pc4, latitude__isnull=False).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude")
    )
    return (centre["lat"], centre["lon"]) if centre["lat"] is not None else None
