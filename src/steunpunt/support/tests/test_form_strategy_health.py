"""The strategy of the public-form property test stays within hypothesis's health checks for every seed.

Drawn character by character, very long texts made some seeds (23 and 25 among the first 40) fail the
data_too_large health check, so `make test` failed or passed by chance. This draws only the form data,
without the database, under those seeds and others.
"""

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from .test_public_forms_properties import FIELDS, _form_data

SEEDS = [23, 25, *range(100, 130)]


@pytest.mark.parametrize("number", SEEDS)
def test_the_form_data_strategy_passes_the_health_checks_for_this_seed(number):
    @seed(number)
    @settings(max_examples=60, derandomize=False, database=None, deadline=None)
    @given(data=st.data())
    def draw(data):
        url = data.draw(st.sampled_from(sorted(FIELDS)))
        _form_data(data.draw, url)

    draw()  # raises FailedHealthCheck when the drawn inputs are too large
