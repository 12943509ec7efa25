"""What entrepreneurs and staff type is checked with a clear, translated message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from businesses import validators
from businesses.models import Business, BusinessLink, Sector


@pytest.mark.parametrize("value", ["3531 CJ", "3531cj", " 3531 cj ", "1011AB"])
def test_dutch_postcodes_are_accepted_and_normalised(value):
    validators.validate_postcode(value)
    assert validators.normalise_postcode(value) in ("3531 CJ", "1011 AB")


@pytest.mark.parametrize(
    "value", ["0531 CJ", "353 CJ", "3531 C", "3531 SS", "ABCD 12", "", "3531-CJ"]
)
def test_other_postcodes_are_refused_with_an_example(value):
    with pytest.raises(ValidationError) as error:
        validators.validate_postcode(value)
    assert "3531 AB" in error.value.messages[0]


def test_postcode_message_is_translated():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            validators.validate_postcode("nope")
        assert "Dutch postcode" in error.value.messages[0]


@pytest.mark.parametrize(
    "value,ok", [("12345678", True), ("1234567", False), ("123456789", False), ("1234567a", False)]
)
def test_kvk_number_has_eight_digits(value, ok):
    if ok:
        validators.validate_kvk_number(value)
    else:
        with pytest.raises(ValidationError):
            validators.validate_kvk_number(value)


@pytest.mark.parametrize(
    "lat,lon,ok",
    [
        (52.09, 5.12, True),
        (53.45, 6.20, True),
        (50.80, 5.70, True),
        (48.85, 2.35, False),
        (52.09, 13.40, False),
    ],
)
def test_coordinates_must_lie_in_the_netherlands(lat, lon, ok):
    def check():
        validators.validate_latitude(Decimal(str(lat)))
        validators.validate_longitude(Decimal(str(lon)))

    if ok:
        check()
    else:
        with pytest.raises(ValidationError):
            check()


def test_founding_year_is_not_in_the_future():
    validators.validate_founding_year(1999)
    for year in (1700, 2999):
        with pytest.raises(ValidationError):
            validators.validate_founding_year(year)


@pytest.mark.parametrize(
    "service,url,ok",
    [
        ("instagram", "https://www.instagram.com/bakkerij", True),
        ("instagram", "https://instagram.com.evil.example/x", False),
        ("facebook", "https://instagram.com/x", False),
        ("whatsapp", "https://wa.me/31612345678", True),
    ],
)
def test_social_links_must_belong_to_their_service(service, url, ok):
    link = BusinessLink(service=service, url=url)
    if ok:
        link.clean()
    else:
        with pytest.raises(ValidationError) as error:
            link.clean()
        assert "url" in error.value.message_dict


@pytest.mark.parametrize(
    "value,ok",
    [
        (
            '{"type": "Polygon", "coordinates": [[[5.09, 52.09], [5.10, 52.09], [5.10, 52.10], [5.09, 52.09]]]}',
            True,
        ),
        (
            '{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[5.09, 52.09], [5.1, 52.1], [5.09, 52.09]]]}}',
            True,
        ),
        ('{"type": "Point", "coordinates": [5.09, 52.09]}', False),
        (
            '{"type": "Polygon", "coordinates": [[[52.09, 5.09], [52.1, 5.1], [52.09, 5.09]]]}',
            False,
        ),
        ("{not json", False),
    ],
)
def test_neighbourhood_boundary_is_a_polygon_in_the_netherlands(value, ok):
    if ok:
        validators.validate_geojson_boundary(value)
    else:
        with pytest.raises(ValidationError):
            validators.validate_geojson_boundary(value)


@pytest.mark.django_db
def test_full_clean_reports_each_bad_field_and_stores_phone_as_e164(lombok):
    business = Business(
        name="Toko Test",
        neighbourhood=lombok,
        street="Kanaalstraat",
        house_number=5,
        postcode="hallo",
        phone="12",
        kvk_number="123",
        latitude=Decimal("48.85"),
        longitude=Decimal("2.35"),
        email="geen-email",
        website="geen website",
    )
    with pytest.raises(ValidationError) as error:
        business.full_clean()
    assert {"postcode", "phone", "kvk_number", "latitude", "longitude", "email", "website"} <= set(
        error.value.message_dict
    )

    business = Business(
        name="Toko Test",
        neighbourhood=lombok,
        street="Kanaalstraat",
        house_number=5,
        postcode="3531cj",
        phone="030 123 4567",
    )
    business.full_clean()
    business.save()
    business.refresh_from_db()
    assert str(business.phone) == "+31301234567"
    assert business.postcode == "3531 CJ"
    assert business.slug == "toko-test"


@pytest.mark.django_db
def test_slug_is_unique_within_a_neighbourhood_only(lombok, index, make_business):
    from tests.businesses.conftest import make_neighbourhood

    make_business("Toko Test")
    duplicate = Business(
        name="Toko Test", neighbourhood=lombok, street="X", house_number=1, postcode="3531 CJ"
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict
    elsewhere = Business(
        name="Toko Test",
        neighbourhood=make_neighbourhood(index, "Zuilen"),
        street="X",
        house_number=1,
        postcode="3554 AB",
    )
    elsewhere.full_clean()


@pytest.mark.django_db
def test_sectors_have_at_most_two_levels():
    child = Sector.objects.get(slug="bakkerij")
    grandchild = Sector(name_nl="Zuurdesem", slug="zuurdesem", parent=child)
    with pytest.raises(ValidationError) as error:
        grandchild.full_clean()
    assert "parent" in error.value.message_dict
    parent = Sector.objects.get(slug="eten-drinken")
    parent.parent = Sector.objects.get(slug="winkels")
    with pytest.raises(ValidationError):
        parent.full_clean()


def test_no_field_for_ethnicity_or_origin():
    forbidden = (
        "ethnic",
        "etnisch",
        "origin",
        "afkomst",
        "herkomst",
        "nationality",
        "nationaliteit",
        "race",
    )
    names = [field.name.lower() for field in Business._meta.get_fields()]
    assert not [name for name in names if any(word in name for word in forbidden)]
