"""Example budgets for the property-based tests, scaled by the hypothesis profile (see conftest.py)."""

import os

EXPLORE_FACTOR = 10


def examples(budget):
    """Return ``budget`` under the default "ci" profile, ten times as many under "explore"."""
    return budget * EXPLORE_FACTOR if os.environ.get("HYPOTHESIS_PROFILE") == "explore" else budget
