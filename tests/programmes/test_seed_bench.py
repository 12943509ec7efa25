"""seed_bench fills programmes and mentors that the listing and the matching engine use."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from programmes.mentoring import candidates
from programmes.models import Mentor, ProgrammePage

pytestmark = pytest.mark.django_db


def test_programmes_and_mentors_are_published_with_their_relations(client, programme_index):
    out = io.StringIO()
    call_command("seed_bench", businesses=5, neighbourhoods=2, programmes=4, mentors=30, stdout=out)
    assert ProgrammePage.objects.child_of(programme_index).live().count() == 4
    assert client.get("/programmas/").content.decode().count("Synthetisch programma") == 4
    found = candidates.candidates()
    assert len(found) == Mentor.objects.filter(live=True).count() == 30
    dutch = candidates.names().dutch
    assert all(len(c.expertise) == 3 and dutch in c.languages for c in found)
    assert "4 programma's, 30 mentoren" in out.getvalue()
    call_command("seed_bench", businesses=1, programmes=2, mentors=5, stdout=out)
    assert ProgrammePage.objects.live().count() == 6 and Mentor.objects.count() == 35


def test_negative_counts_are_refused(home):
    with pytest.raises(CommandError, match="niet negatief"):
        call_command("seed_bench", businesses=1, mentors=-1, stdout=io.StringIO())


def test_reading_the_candidates_costs_the_same_queries_for_many_mentors(home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            candidates.candidates()
        return len(captured)

    call_command("seed_bench", businesses=1, mentors=3, stdout=io.StringIO())
    few = queries()
    call_command("seed_bench", businesses=1, mentors=60, stdout=io.StringIO())
    assert queries() == few
