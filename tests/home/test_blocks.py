import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from home.blocks import LinkBlock, validate_link


@pytest.mark.parametrize(
    "value", ["/mentor-aanvragen/", "https://www.kvk.nl/", "http://example.nl/a?b=c"]
)
def test_links_may_be_site_paths_or_web_addresses(value):
    validate_link(value)


@pytest.mark.parametrize(
    "value", ["//evil.example/", "javascript:alert(1)", "mentor", "ftp://x.nl/"]
)
def test_other_links_are_refused(value):
    with pytest.raises(ValidationError):
        validate_link(value)


@pytest.mark.django_db
def test_a_link_needs_exactly_one_of_page_and_address(home):
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": home.pk, "url": "/ook/"}))
    assert block.clean(block.to_python({"page": None, "url": "/ook/"}))["url"] == "/ook/"
    assert block.clean(block.to_python({"page": home.pk, "url": ""})).href() == "/"
