"""Opening hours and "open now" in Europe/Amsterdam: midnight, past-midnight ranges, DST days,
special dates. The SQL filter agrees with the Python rule on random schedules."""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from businesses import hours
from businesses.hours import Range, is_open, next_opening, open_now_q
from businesses.models import Business, OpeningHours, SpecialDay
from search.opensearch import indexing, queries

AMS = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")


def at(year, month, day, hour, minute=0, second=0):
    return datetime(year, month, day, hour, minute, second, tzinfo=AMS)


def week(text):
    return hours.parse_weekly_text(text)


# 2026-11-23 is a Monday.
SHOP = week("ma 09:00-18:00; di 09:00-18:00; za 10:00-17:00")
NIGHT = week("vr 18:00-03:00; za 18:00-03:00")


def test_open_inside_a_range_and_closed_at_its_end():
    assert is_open(SHOP, {}, at(2026, 11, 23, 9, 0))
    assert is_open(SHOP, {}, at(2026, 11, 23, 17, 59, 59))
    assert not is_open(SHOP, {}, at(2026, 11, 23, 18, 0))
    assert not is_open(SHOP, {}, at(2026, 11, 23, 8, 59, 59))
    assert not is_open(SHOP, {}, at(2026, 11, 25, 12, 0))  # Wednesday: not mentioned, closed


def test_ranges_past_midnight_continue_into_the_next_day():
    friday, saturday, sunday = (
        at(2026, 11, 27, 23, 30),
        at(2026, 11, 28, 2, 59),
        at(2026, 11, 29, 2, 30),
    )
    assert is_open(NIGHT, {}, friday)
    assert is_open(NIGHT, {}, saturday)  # Friday's range, after midnight
    assert is_open(NIGHT, {}, sunday)  # Saturday's range, after midnight
    assert not is_open(NIGHT, {}, at(2026, 11, 28, 3, 0))
    assert not is_open(NIGHT, {}, at(2026, 11, 27, 2, 0))  # Thursday had no night range


def test_closing_at_midnight_and_twenty_four_hours():
    until_midnight = week("ma 08:00-00:00")
    assert is_open(until_midnight, {}, at(2026, 11, 23, 23, 59, 59))
    assert not is_open(until_midnight, {}, at(2026, 11, 24, 0, 0))
    all_day = week("ma 00:00-00:00")
    assert is_open(all_day, {}, at(2026, 11, 23, 0, 0))
    assert is_open(all_day, {}, at(2026, 11, 23, 23, 59))
    assert not is_open(all_day, {}, at(2026, 11, 24, 0, 0))


def test_several_ranges_a_day():
    lunch_break = week("ma 09:00-12:30, 13:30-17:00")
    assert is_open(lunch_break, {}, at(2026, 11, 23, 12, 0))
    assert not is_open(lunch_break, {}, at(2026, 11, 23, 13, 0))
    assert is_open(lunch_break, {}, at(2026, 11, 23, 14, 0))


def test_a_holiday_closes_the_day_and_special_hours_replace_the_week():
    christmas = {date(2026, 12, 25): []}  # a Friday
    friday_shop = week("vr 09:00-18:00")
    assert not is_open(friday_shop, christmas, at(2026, 12, 25, 12, 0))
    assert is_open(friday_shop, christmas, at(2026, 12, 18, 12, 0))
    new_years_eve = {date(2026, 12, 31): [Range(time(9), time(16))]}  # a Thursday, normally closed
    assert is_open({}, new_years_eve, at(2026, 12, 31, 15, 59))
    assert not is_open({}, new_years_eve, at(2026, 12, 31, 16, 0))


def test_a_holiday_also_ends_the_night_range_of_the_day_before():
    # Saturday is a special day with no night opening: Friday's range still runs into Saturday,
    # but Saturday's own night range does not run into Sunday.
    specials = {date(2026, 11, 28): []}
    assert is_open(NIGHT, specials, at(2026, 11, 28, 1, 0))
    assert not is_open(NIGHT, specials, at(2026, 11, 29, 1, 0))


def test_utc_moments_are_judged_in_amsterdam_time():
    # 08:30 UTC in November is 09:30 in Amsterdam.
    assert is_open(SHOP, {}, datetime(2026, 11, 23, 8, 30, tzinfo=UTC))
    assert not is_open(SHOP, {}, datetime(2026, 11, 23, 7, 30, tzinfo=UTC))


def test_spring_forward_day():
    # 29 March 2026: clocks jump from 02:00 to 03:00. A range 01:00-04:00 is open on both sides.
    schedule = week("zo 01:00-04:00")
    before = datetime(2026, 3, 29, 0, 59, tzinfo=UTC)  # 01:59 CET
    after = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 CEST
    assert is_open(schedule, {}, before)
    assert is_open(schedule, {}, after)
    assert not is_open(schedule, {}, datetime(2026, 3, 29, 2, 0, tzinfo=UTC))  # 04:00 CEST
    # A range that starts in the skipped hour opens at 03:00 wall-clock time.
    assert is_open(week("zo 02:30-05:00"), {}, after)


def test_fall_back_day():
    # 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice and is open both times.
    schedule = week("zo 02:00-03:00")
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET
    assert is_open(schedule, {}, first)
    assert is_open(schedule, {}, second)
    assert not is_open(schedule, {}, datetime(2026, 10, 25, 2, 0, tzinfo=UTC))  # 03:00 CET


def test_next_opening():
    monday_evening = at(2026, 11, 23, 19, 0)
    assert next_opening(SHOP, {}, monday_evening) == at(2026, 11, 24, 9, 0)
    assert next_opening(SHOP, {date(2026, 11, 24): []}, monday_evening) == at(2026, 11, 28, 10, 0)
    assert next_opening({}, {}, monday_evening) is None


def test_text_form_round_trips_and_explains_mistakes():
    text = "ma 09:00-12:30, 13:30-17:00; di gesloten; vr 18:00-03:00; zo 10:00-24:00"
    weekly = hours.parse_weekly_text(text)
    assert weekly[0] == [Range(time(9), time(12, 30)), Range(time(13, 30), time(17))]
    assert weekly[4] == [Range(time(18), time(3))]
    assert weekly[6] == [Range(time(10), time(0))]
    assert hours.parse_weekly_text(hours.format_weekly_text(weekly)) == {
        **weekly,
        1: [],
        2: [],
        3: [],
        5: [],
    }
    for bad in ("xx 09:00-17:00", "ma 9-17", "ma 25:00-26:00", "ma 09:00 tot 17:00"):
        with pytest.raises(hours.HoursFormatError):
            hours.parse_weekly_text(bad)


def test_week_table_marks_today():
    rows = hours.week_table(SHOP, {date(2026, 11, 24): []}, at(2026, 11, 23, 12, 0))
    assert [r["is_today"] for r in rows] == [True] + [False] * 6
    assert rows[0]["ranges"] == [Range(time(9), time(18))]
    assert rows[1]["special"] == []  # Tuesday is closed this week only
    assert rows[2]["ranges"] == [] and rows[2]["special"] is None


# The SQL version --------------------------------------------------------------------------------

RANGES = [
    ("09:00", "17:00"),
    ("18:00", "02:00"),
    ("07:00", "00:00"),
    ("00:00", "00:00"),
    ("12:00", "14:00"),
]


@pytest.fixture
def varied_hours(make_business):
    """25 businesses with random weekly hours (some past midnight) and special days, and the
    moments to check them at (2026-11-28 is a special day)."""
    rng = random.Random(7)
    for number in range(25):
        hours_rows = []
        for day in range(7):
            if rng.random() < 0.7:
                hours_rows.append((day, *rng.choice(RANGES)))
        business = make_business(f"Zaak {number}", hours=hours_rows)
        if number % 4 == 0:
            business.special_days = [
                SpecialDay(
                    date=date(2026, 11, 23) + timedelta(days=rng.randint(-1, 2)), closed=True
                ),
                SpecialDay(date=date(2026, 11, 28), closed=False, opens=time(20), closes=time(1)),
            ]
            business.save()
    moments = [at(2026, 11, 23, 0, 0)] + [
        at(2026, 11, 22, 0, 0) + timedelta(minutes=rng.randint(0, 8 * 24 * 60)) for _ in range(40)
    ]
    moments += [at(2026, 11, 28, 23, 59, 59), at(2026, 11, 29, 0, 0), at(2026, 11, 29, 0, 30)]
    return moments


def open_in_python(moment):
    return {
        b.pk
        for b in Business.objects.prefetch_related("opening_hours", "special_days")
        if b.is_open(moment)
    }


@pytest.mark.django_db
def test_sql_open_now_agrees_with_the_python_rule(varied_hours):
    for moment in varied_hours:
        in_sql = set(Business.objects.filter(open_now_q(moment)).values_list("pk", flat=True))
        assert in_sql == open_in_python(moment), moment
    assert any(Business.objects.filter(open_now_q(m)).exists() for m in varied_hours)


@pytest.mark.django_db
def test_search_engine_open_now_agrees_with_the_python_rule(varied_hours, opensearch):
    Business.objects.update(live=True)  # the index holds published businesses
    indexing.rebuild()
    for moment in varied_hours:
        body = {"query": queries.open_now_query(moment).to_dict(), "size": 100, "_source": False}
        hits = opensearch.client().search(index=opensearch.alias(), body=body)["hits"]["hits"]
        assert {int(hit["_id"]) for hit in hits} == open_in_python(moment), moment


@pytest.mark.django_db
def test_opening_hours_rows_are_saved_in_order(make_business):
    business = make_business(
        hours=[(2, "13:00", "17:00"), (0, "09:00", "12:00"), (0, "13:00", "17:00")]
    )
    assert [(h.weekday, h.opens) for h in OpeningHours.objects.filter(business=business)] == [
        (0, time(9)),
        (0, time(13)),
        (2, time(13)),
    ]
