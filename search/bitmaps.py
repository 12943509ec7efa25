"""The directory's filters and facets on the database engine, counted in memory.

With 100,000 businesses, counting the facets in SQL (a grouped count per facet under the other
filters, over the relation tables) took most of a search: 0.3 to 1 s on PostgreSQL. Here every
published business has a place in name order (name, then id), and every filter value a bitmap
(a Python int) of the places of the businesses it holds: per neighbourhood page, per sector (a
main sector holds its subsectors' businesses too) and per language. A search ANDs and ORs those
bitmaps, and a facet count is the number of bits of a bitmap AND the results without its own
filter: microseconds each. The first results in name order are the lowest bits, so most pages of
results need no query either.

A Snapshot is read in three queries (the businesses in name order, their sectors, their
languages) and kept per process under the data version (search.database.data_version), which
every save, bulk insert or deletion changes: it is never stale, and is read again after a change.
"""

import math
import threading
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import FloatField
from django.db.models.functions import Cast

from businesses.directory import Business, Language, NeighbourhoodPage, Sector

EARTH_RADIUS_KM = 6371.0


BINARY = bytes.maketrans(b"\x00\x01", b"01")


def bitmap(places, size):
    """An int with the bits of `places` set (a byte per place, read as a binary number: a
    few times quicker than setting bits one by one in Python)."""
    flags = bytearray(size)
    for place in places:
        flags[place] = 1
    flags.reverse()
    return int(flags.translate(BINARY) or b"0", 2)


def places_of(bits, limit=None):
    """The set bits of `bits`, lowest first; at most `limit` of them."""
    found = []
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(data):
        while byte:
            low = byte & -byte
            found.append(index * 8 + low.bit_length() - 1)
            if limit is not None and len(found) >= limit:
                return found
            byte ^= low
    return found


@dataclass
class Snapshot:
    version: str
    ids: list  # business ids in name order
    names: list
    latitudes: list
    longitudes: list
    place: dict  # id -> place
    neighbourhood: dict  # page id -> bitmap
    sector: dict  # sector id -> bitmap (a main sector with its subsectors)
    language: dict  # language id -> bitmap
    everything: int
    memo: dict = field(default_factory=dict)  # per version: the open businesses this minute

    @property
    def size(self):
        return len(self.ids)

    def of_ids(self, ids):
        place = self.place
        return bitmap((place[pk] for pk in ids if pk in place), self.size)

    def any_of(self, maps, keys):
        bits = 0
        for key in keys:
            bits |= maps.get(key, 0)
        return bits

    def filter_bits(self, name, values):
        """The businesses any of `values` (slugs or codes) of filter `name` holds."""
        if name == "wijk":
            pages = NeighbourhoodPage.objects.filter(slug__in=values).values_list("pk", flat=True)
            return self.any_of(self.neighbourhood, pages)
        if name == "sector":
            sectors = Sector.objects.filter(slug__in=values).values_list("pk", flat=True)
            return self.any_of(self.sector, sectors)
        if name == "taal":
            languages = Language.objects.filter(code__in=values).values_list("pk", flat=True)
            return self.any_of(self.language, languages)
        raise ValueError(name)

    def within(self, lat, lon, radius):
        """{place: distance in km} of the businesses within `radius` km (the cosine formula of
        search.database.distance_expression, after the same bounding box)."""
        margin = radius / 111.2
        lon_margin = margin / max(math.cos(math.radians(lat)), 0.01)
        lat_low, lat_high = lat - margin, lat + margin
        lon_low, lon_high = lon - lon_margin, lon + lon_margin
        sin_lat, cos_lat = math.sin(math.radians(lat)), math.cos(math.radians(lat))
        found = {}
        for place, (b_lat, b_lon) in enumerate(zip(self.latitudes, self.longitudes, strict=True)):
            if b_lat is None or not (lat_low <= b_lat <= lat_high and lon_low <= b_lon <= lon_high):
                continue
            r_lat = math.radians(b_lat)
            cosine = sin_lat * math.sin(r_lat) + cos_lat * math.cos(r_lat) * math.cos(
                math.radians(b_lon) - math.radians(lon)
            )
            distance = EARTH_RADIUS_KM * math.acos(max(-1.0, min(1.0, cosine)))
            if distance <= radius:
                found[place] = distance
        return found


def fetch(queryset):
    """The rows of a values_list queryset as the driver gives them: no per-row work in Django,
    which for 450,000 rows cost more than the queries."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def read(version):
    rows = fetch(
        Business.objects.filter(live=True)
        .order_by("name", "pk")
        .values_list(
            "pk",
            "name",
            "neighbourhood_id",
            Cast("latitude", FloatField()),
            Cast("longitude", FloatField()),
        )
    )
    ids = [row[0] for row in rows]
    place = {pk: number for number, pk in enumerate(ids)}
    size = len(ids)

    def maps(pairs):
        grouped = {}
        for pk, key in pairs:
            at = place.get(pk)
            if at is not None:
                grouped.setdefault(key, []).append(at)
        return {key: bitmap(places, size) for key, places in grouped.items()}

    parents = dict(Sector.objects.values_list("pk", "parent_id"))
    if connection.vendor == "postgresql":
        # PostgreSQL numbers the businesses and groups their places: no loop over the rows here.
        sectors = grouped_places("sector_id", Business.sectors.through, parents)
        languages = grouped_places("language_id", Business.languages.through)
        sector_maps = {key: bitmap(places, size) for key, places in sectors.items()}
        language_maps = {key: bitmap(places, size) for key, places in languages.items()}
    else:
        sector_pairs = fetch(
            Business.sectors.through.objects.values_list("business_id", "sector_id")
        )
        # A main sector holds its subsectors' businesses too.
        sector_pairs += [
            (pk, parents[sector]) for pk, sector in sector_pairs if parents.get(sector)
        ]
        sector_maps = maps(sector_pairs)
        language_maps = maps(
            fetch(Business.languages.through.objects.values_list("business_id", "language_id"))
        )
    return Snapshot(
        version=version,
        ids=ids,
        names=[row[1] for row in rows],
        latitudes=[row[3] for row in rows],
        longitudes=[row[4] for row in rows],
        place=place,
        neighbourhood=maps((row[0], row[2]) for row in rows),
        sector=sector_maps,
        language=language_maps,
        everything=(1 << size) - 1,
    )


def grouped_places(column, through, parents=None):
    """{key: [place]} for a relation table, the places numbered as read() orders them; with
    `parents`, a main sector also gets its subsectors' places."""
    table = connection.ops.quote_name(through._meta.db_table)
    business = connection.ops.quote_name(Business._meta.db_table)
    column = connection.ops.quote_name(column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH ordered AS (SELECT id, row_number() OVER (ORDER BY name, id) - 1 AS place "  # noqa: S608
            f"FROM {business} WHERE live) "
            f"SELECT t.{column}, array_agg(o.place) FROM {table} t "
            f"JOIN ordered o ON o.id = t.business_id GROUP BY t.{column}"
        )
        grouped = {key: list(places) for key, places in cursor.fetchall()}
    for key, parent in (parents or {}).items():
        if parent and key in grouped:
            grouped.setdefault(parent, [])
            grouped[parent] = grouped[parent] + grouped[key]
    return grouped


_kept = {}
_lock = threading.Lock()


def snapshot(version):
    """The snapshot of `version`, read once per process (the previous one is dropped)."""
    kept = _kept.get("snapshot")
    if kept is not None and kept.version == version:
        return kept
    with _lock:
        kept = _kept.get("snapshot")
        if kept is None or kept.version != version:
            kept = _kept["snapshot"] = read(version)
        return kept
