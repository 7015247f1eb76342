"""The three-legged stool: the maturity of each pillar (leg) from a self-assessment.

Points per building block: nog niet 0, in ontwikkeling 1, op orde 2; a leg has three blocks, so
0 to 6 points, shown as a whole percentage (points × 100 / 6, rounded half up). The weakest leg
is the one with the fewest points; when two legs share the lowest score the first in the
guideline's pillar order (Informeren, Steunen, Signaleren) is named, because each pillar builds
on the one before it; when all three legs are equal there is no weakest leg ("gelijk").

:func:`stool` is pure: it reads only the statuses of the snapshots it is given (prefetch
``blocks`` to avoid queries), or plain mappings ``{block code: status}``.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from .blocks import PILLARS, Block, Pillar, blocks_of
from .choices import BlockStatus

POINTS = {BlockStatus.NOT_YET: 0, BlockStatus.DEVELOPING: 1, BlockStatus.IN_ORDER: 2}
MAX_POINTS = 2 * 3


def percent(points):
    """Return ``points`` out of six as a whole percentage, rounded half up."""
    return (points * 100 * 2 + MAX_POINTS) // (2 * MAX_POINTS)


@dataclass(frozen=True)
class BlockState:
    block: Block
    status: BlockStatus
    previous_status: BlockStatus | None

    @property
    def next_step(self):
        return self.block.next_step(self.status)

    @property
    def changed(self):
        return self.previous_status is not None and self.previous_status != self.status


@dataclass(frozen=True)
class Leg:
    pillar: Pillar
    points: int
    previous_points: int | None
    blocks: tuple

    @property
    def percent(self):
        return percent(self.points)

    @property
    def previous_percent(self):
        return None if self.previous_points is None else percent(self.previous_points)

    @property
    def change(self):
        """Percentage points since the previous snapshot, or ``None`` without one."""
        return None if self.previous_points is None else self.percent - self.previous_percent

    @property
    def change_size(self):
        """The size of :attr:`change` without its sign (for display), or ``None``."""
        return None if self.change is None else abs(self.change)

    @property
    def next_block(self):
        """The first block of this leg that is not yet in order (the leg's next step), or ``None``."""
        return next((state for state in self.blocks if state.status != BlockStatus.IN_ORDER), None)


@dataclass(frozen=True)
class Stool:
    legs: tuple
    weakest: Leg | None  # None when all three legs are equal
    assessed_on: object = None
    previous_on: object = None

    @property
    def all_equal(self):
        return self.weakest is None

    @property
    def stands(self):
        """``True`` when every leg is fully in order: the stool stands."""
        return all(leg.points == MAX_POINTS for leg in self.legs)

    @property
    def has_previous(self):
        return self.legs[0].previous_points is not None

    def leg(self, pillar_code):
        return next(leg for leg in self.legs if leg.pillar.code == pillar_code)


def statuses_of(assessment):
    """Return ``{block code: BlockStatus}`` of a snapshot or mapping; a missing block counts as nog niet."""
    if isinstance(assessment, Mapping):
        found = dict(assessment)
    else:
        found = {row.block: row.status for row in assessment.blocks.all()}
    return {
        block.code: BlockStatus(found.get(block.code, BlockStatus.NOT_YET))
        for pillar in PILLARS
        for block in blocks_of(pillar)
    }


def stool(assessment, previous=None):
    """Return the :class:`Stool` of ``assessment``, compared with ``previous`` when given.

    Both may be a :class:`~steunpunt.development.models.SelfAssessment` or a mapping of block
    codes to statuses.
    """
    now = statuses_of(assessment)
    before = statuses_of(previous) if previous is not None else None
    legs = []
    for pillar in PILLARS:
        blocks = tuple(
            BlockState(block, now[block.code], before[block.code] if before else None)
            for block in blocks_of(pillar)
        )
        legs.append(
            Leg(
                pillar=pillar,
                points=sum(POINTS[state.status] for state in blocks),
                previous_points=None if before is None else sum(POINTS[s.previous_status] for s in blocks),
                blocks=blocks,
            )
        )
    lowest = min(leg.points for leg in legs)
    weakest = None
    if any(leg.points != lowest for leg in legs):
        weakest = next(leg for leg in legs if leg.points == lowest)
    return Stool(
        legs=tuple(legs),
        weakest=weakest,
        assessed_on=getattr(assessment, "assessed_on", None),
        previous_on=getattr(previous, "assessed_on", None),
    )
