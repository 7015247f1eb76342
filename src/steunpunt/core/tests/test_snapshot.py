"""The kept copy of a test database (the demo fixture's): a restore brings back exactly what was taken,
for this connection and for the connections of other threads (the live server's)."""

import threading

import pytest
from django.db import connection

from steunpunt.core.tests.snapshot import DatabaseSnapshot
from steunpunt.schools.models import Specialism

pytestmark = pytest.mark.django_db(transaction=True)
OURS = ["proef", "later-0", "later-1"]  # the migrations bring specialisms of their own


def _slugs_in_another_thread():
    found = []

    def read():
        try:
            found.append(sorted(Specialism.objects.filter(slug__in=OURS).values_list("slug", flat=True)))
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return found[0]


def test_a_restore_brings_back_what_was_taken_however_often_and_for_every_thread():
    Specialism.objects.create(slug="proef", name="Proef")
    snapshot = DatabaseSnapshot()
    assert snapshot.supported()
    snapshot.take()
    try:
        for round_ in range(2):
            Specialism.objects.filter(slug="proef").update(name=f"Veranderd {round_}")
            Specialism.objects.create(slug=f"later-{round_}", name="Later")
            assert _slugs_in_another_thread() == [f"later-{round_}", "proef"]

            snapshot.restore()

            assert list(Specialism.objects.filter(slug__in=OURS).values_list("slug", "name")) == [
                ("proef", "Proef")
            ]
            assert _slugs_in_another_thread() == ["proef"]
    finally:
        snapshot.discard()


def test_a_second_snapshot_and_its_discard_leave_the_first_one_whole():
    """The demo fixture keeps its copy for the whole run; a snapshot taken and let go by another test
    in the same process (this file's first test) must not take it along."""
    Specialism.objects.create(slug="proef", name="Proef")
    first = DatabaseSnapshot()
    first.take()
    try:
        Specialism.objects.create(slug="later-0", name="Later")
        second = DatabaseSnapshot()
        second.take()
        second.discard()

        first.restore()

        assert list(Specialism.objects.filter(slug__in=OURS).values_list("slug", flat=True)) == ["proef"]
        assert _slugs_in_another_thread() == ["proef"]
    finally:
        first.discard()


def test_a_restore_without_a_copy_says_so_and_leaves_the_database_alone():
    Specialism.objects.create(slug="proef", name="Proef")
    with pytest.raises(RuntimeError, match="before take"):
        DatabaseSnapshot().restore()
    assert list(Specialism.objects.filter(slug="proef").values_list("slug", flat=True)) == ["proef"]
