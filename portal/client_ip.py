"""The visitor's address, for rate limits, when the portal runs behind reverse proxies.

Behind a proxy every request arrives from the proxy's address, so counting by REMOTE_ADDR would
put every visitor of the city in one bucket. Each trusted proxy appends the address it received
the request from to X-Forwarded-For; with TRUSTED_PROXY_COUNT proxies in front, the entry that
many places from the end is the visitor's. Entries before it are whatever the client sent, so
they are never used. Without the header, or with fewer entries than proxies, REMOTE_ADDR counts.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part
    ]
    if count and len(forwarded) >= count:
        candidate = forwarded[-count]
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass
    return request.META["REMOTE_ADDR"]
