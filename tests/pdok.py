"""A local PDOK Locatieserver for tests: the "free" endpoint on 127.0.0.1, answering as PDOK's
documentation describes (https://github.com/PDOK/locatieserver/wiki/API-Locatieserver):

    {"response": {"numFound": 1, "start": 0, "maxScore": 20.1, "docs": [{"type": "adres",
      "weergavenaam": "Kanaalstraat 12, 3531CK Utrecht", "centroide_ll": "POINT(5.1 52.09)",
      "postcode": "3531CK", "huisnummer": 12, "huis_nlt": "12", "score": 20.1}]}}

By default every address with a postcode and a house number is found, at a point in Utrecht
derived from both (`point_for`); tests script other answers with `answer_next`.
"""

import json
import re
import threading
import time
import zlib
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

POSTCODE = re.compile(r"\b([1-9]\d{3})\s?([A-Za-z]{2})\b")


def point_for(postcode, house_number):
    """(latitude, longitude) the fake gives an address: somewhere in Utrecht, six decimals."""
    compact = re.sub(r"\s", "", postcode).upper()
    h = zlib.crc32(f"{compact} {int(house_number)}".encode())
    return round(52.08 + (h % 2500) / 100_000, 6), round(5.09 + (h // 2500 % 4000) / 100_000, 6)


def parse_query(q):
    """(street, house number, addition, postcode) from a free-text address, as far as found."""
    match = POSTCODE.search(q or "")
    if not match:
        return None
    postcode = f"{match.group(1)}{match.group(2).upper()}"
    rest = (q[: match.start()] + " " + q[match.end() :]).replace(",", " ")
    number = re.search(r"(?<![\w])(\d{1,5})(?:\s*([A-Za-z]{1,4}|-\w+))?(?![\w])", rest)
    if not number:
        return None
    street = rest[: number.start()].strip() or "Straat"
    return street, int(number.group(1)), (number.group(2) or "").lstrip("-"), postcode


def address_doc(street, number, addition, postcode, city="Utrecht", point=None):
    latitude, longitude = point or point_for(postcode, number)
    huis_nlt = f"{number}{addition}"
    return {
        "type": "adres",
        "weergavenaam": f"{street} {huis_nlt}, {postcode} {city}",
        "centroide_ll": f"POINT({longitude:.9f} {latitude:.9f})",
        "postcode": postcode,
        "huisnummer": number,
        "huis_nlt": huis_nlt,
        "score": 20.5,
    }


def body(docs):
    return {
        "response": {
            "numFound": len(docs),
            "start": 0,
            "maxScore": max((d.get("score", 0) for d in docs), default=0),
            "numFoundExact": True,
            "docs": docs,
        }
    }


class FakePdok:
    """Use as a context manager; `url` is the endpoint, `queries` what was asked (dicts)."""

    def __init__(self):
        self.queries = []
        self.scripted = deque()  # answers given before the default one, in order
        self.not_found = set()  # compact postcodes answered with numFound 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                params = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                fake.queries.append(params)
                status, payload, delay = fake.answer(params)
                if delay:
                    time.sleep(delay)
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/bzk/locatieserver/search/v3_1/free"
        self.point_for = point_for

    def answer_next(self, status=200, docs=None, delay=0, payload=None):
        """Script the next answer: an HTTP status, the docs found (None: the default answer),
        a delay in seconds before answering (for timeouts), or a raw JSON payload."""
        self.scripted.append((status, docs, delay, payload))

    def answer(self, params):
        if self.scripted:
            status, docs, delay, payload = self.scripted.popleft()
            if payload is not None:
                return status, payload, delay
            if status != 200:
                return status, {"error": "Service Unavailable"}, delay
            if docs is not None:
                return status, body(docs), delay
            return status, self.default(params), delay
        return 200, self.default(params), 0

    def default(self, params):
        parsed = parse_query(params.get("q", ""))
        if parsed is None or parsed[3] in self.not_found:
            return body([])
        street, number, addition, postcode = parsed
        return body([address_doc(street, number, addition, postcode)])

    def __enter__(self):
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
