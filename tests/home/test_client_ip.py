"""Rate limits count the visitor behind the proxy, not the proxy."""

import pytest
from django.test import RequestFactory

from portal.client_ip import client_ip

pytestmark = pytest.mark.django_db


def request(forwarded=None, remote="10.0.0.2"):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy trusted: the header is the client's word
        (1, None, "10.0.0.2"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # a forged first entry is ignored
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # fewer entries than proxies
        (1, "<script>", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_visitor_is_the_entry_the_trusted_proxies_added(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request(forwarded)) == expected


def test_sign_up_limits_count_each_visitor_behind_the_proxy(client, settings, home):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def sign_up(number, visitor):
        return client.post(
            "/account/signup/",
            {
                "email": f"nieuw{number}@example.nl",
                "password1": "Zon-Kanaal-4242",
                "password2": "Zon-Kanaal-4242",
            },
            HTTP_X_FORWARDED_FOR=visitor,
        )

    answers = [sign_up(n, "203.0.113.9").status_code for n in range(6)]
    assert answers[:5] == [302] * 5 and answers[5] == 429  # 5 an hour from one address
    assert sign_up(7, "203.0.113.10").status_code == 302
