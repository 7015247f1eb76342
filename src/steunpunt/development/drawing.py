"""Geometry of the three-legged stool drawn as inline SVG: each leg is as long as its pillar is
mature, so a weak leg leaves a gap above the floor. The same numbers are in the page's table."""

from dataclasses import dataclass

WIDTH, HEIGHT = 420, 300
SEAT_X, SEAT_Y, SEAT_WIDTH, SEAT_HEIGHT = 30, 30, 360, 26
LEG_TOP = SEAT_Y + SEAT_HEIGHT
FLOOR = 226
LEG_WIDTH = 30
SHORTEST = 16  # a leg at 0% is a stub, so that every leg can be seen
LEG_CENTRES = (90, 210, 330)

# Colour by maturity, each with at least 4.5:1 contrast on white (text and shape alike).
COLOUR_IN_ORDER = "#1b6e3a"
COLOUR_HALF = "#8a4b00"
COLOUR_LOW = "#a4262c"


@dataclass(frozen=True)
class LegShape:
    leg: object
    x: int
    y: int
    width: int
    height: int
    centre: int
    colour: str
    weakest: bool


def colour_for(percent):
    if percent >= 100:
        return COLOUR_IN_ORDER
    return COLOUR_HALF if percent >= 50 else COLOUR_LOW


def stool_drawing(stool):
    """Return the shapes of the legs of ``stool`` for ``development/admin/includes/stool.svg``."""
    full = FLOOR - LEG_TOP
    shapes = []
    for leg, centre in zip(stool.legs, LEG_CENTRES, strict=True):
        height = SHORTEST + round((full - SHORTEST) * leg.percent / 100)
        shapes.append(
            LegShape(
                leg=leg,
                x=centre - LEG_WIDTH // 2,
                y=LEG_TOP,
                width=LEG_WIDTH,
                height=height,
                centre=centre,
                colour=colour_for(leg.percent),
                weakest=stool.weakest is leg,
            )
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "seat": {"x": SEAT_X, "y": SEAT_Y, "width": SEAT_WIDTH, "height": SEAT_HEIGHT},
        "floor": FLOOR,
        "legs": shapes,
        "label_y": FLOOR + 24,
        "percent_y": FLOOR + 46,
        "marker_y": FLOOR + 66,
    }
