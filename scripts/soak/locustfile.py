"""The visitors of `make soak` (scripts/soak.sh runs locust with 50 of them for 3 minutes):
people browsing, people searching, people signing up and entrepreneurs submitting their profile
through "Mijn bedrijf". Each is a visitor of their own: own cookies, own address in
X-Forwarded-For (the rate limits count it, as behind the real proxy), X-Forwarded-Proto: https
as the proxy sends. Sign-ups and submissions start as a new visitor every time.

Besides locust's statistics (--csv), every request and every outcome (a sign-up or submission
the visitor saw succeed, or not) goes to bench/soak-requests.jsonl with its time, for
scripts/soak/report.py to hold against the database and the restart window.
"""

import itertools
import json
import os
import random
import re
import time
from pathlib import Path

from locust import HttpUser, between, events, task
from requests.cookies import RequestsCookieJar

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = json.loads((ROOT / "bench" / "soak-fixture.json").read_text())
LOG = open(ROOT / "bench" / "soak-requests.jsonl", "a")  # noqa: SIM115 (open for the whole run)
RUN = os.environ.get("SOAK_RUN", str(int(time.time())))
TIMEOUT = 60  # seconds; longer than any answer should take, so a slow answer is not a lost one
RETRIES = 6  # a person reloads a page that failed, a few times, 2 s apart
WORDS = ["bakkerij", "kapsalon", "toko", "atelier", "eethuis", "studio", "winkel", "markt",
         "noor", "anatolia", "lotus", "horizon", "mozaiek", "bakkrij", "kapsalon noor"]  # fmt: skip
SITE_WORDS = ["wijk", "ondernemer", "privacy", "programma", "toegankelijkheid", "mentor"]
SEARCH_DOWN = "De zoekmachine is even niet bereikbaar"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

addresses = itertools.count(1)
submitters = iter(FIXTURE["submitters"])
numbers = itertools.count()


def write(**record):
    LOG.write(json.dumps(record) + "\n")
    LOG.flush()


@events.request.add_listener
def log_request(request_type, name, response_time, response, exception, start_time, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    record = {"kind": "request", "t": start_time, "ms": round(response_time, 1)}
    record.update(method=request_type, name=name, status=status)
    if exception and status == 0:  # no answer at all: refused, reset, timed out
        record["error"] = f"{type(exception).__name__}: {exception}"[:300]
    if context := kwargs.get("context"):
        record.update(context)
    write(**record)


class PlainHttpCookieJar(RequestsCookieJar):
    """gunicorn is asked over plain HTTP, as by the proxy. The portal marks its session and CSRF
    cookies Secure (it sees https in X-Forwarded-Proto), and a cookie jar never sends those back
    over http; a browser talking HTTPS to the proxy does. So the jar forgets the flag."""

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


def answered_by(response, engine):
    """The engine that answered, or the page cache, which keeps an answer for PAGE_CACHE_SECONDS
    (it may hold the engine's answers from before the engine was killed)."""
    hit = response.headers.get("X-Page-Cache") == "hit"
    return {"engine": "page cache" if hit else engine}


def csrf_token(response):
    found = TOKEN.search(response.text) if response.status_code == 200 else None
    return found.group(1) if found else None


def think(low=3, high=6):
    """Reading and typing. The public forms reject posts sent faster than 3 s (home/forms.py)."""
    time.sleep(random.uniform(low, high))


class Visitor(HttpUser):
    abstract = True
    wait_time = between(2, 6)

    def on_start(self):
        self.origin = self.host.replace("http://", "https://", 1)
        self.new_visitor()

    def new_visitor(self):
        number = next(addresses)
        self.client.cookies = PlainHttpCookieJar()
        self.client.headers.update({
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}",
            "Accept-Language": "nl",
        })  # fmt: skip

    def get(self, path, name, **kwargs):
        return self.client.get(path, name=name, timeout=TIMEOUT, **kwargs)

    def post(self, path, data, name):
        # A browser sends Origin with a form post; Django's CSRF check compares it on HTTPS.
        headers = {"Origin": self.origin, "Referer": self.origin + path}
        return self.client.post(
            path, data=data, name=name, timeout=TIMEOUT, allow_redirects=False, headers=headers
        )


class Browser(Visitor):
    weight = 3

    @task(3)
    def home(self):
        self.get(random.choice(["/", "/", "/en/"]), "home")

    @task(2)
    def neighbourhoods(self):
        self.get("/wijken/", "neighbourhoods")

    @task(4)
    def neighbourhood(self):
        filters = random.choice(
            ["", f"?sector={random.choice(FIXTURE['sectors'])}", "?open_nu=1", "?page=2"]
        )
        self.get(random.choice(FIXTURE["neighbourhoods"]) + filters, "neighbourhood")

    @task(6)
    def profile(self):
        self.get(random.choice(FIXTURE["businesses"]), "business profile")

    @task(2)
    def programmes(self):
        filters = random.choice(["", "?gratis=1", "?open=1", "?q=starten"])
        self.get("/programmas/" + filters, "programmes")

    @task(2)
    def programme(self):
        self.get(random.choice(FIXTURE["programmes"]), "programme")


class Searcher(Visitor):
    weight = 1

    def directory_query(self):
        params = [("q", random.choice(WORDS))]
        if random.random() < 0.4:
            params.append(("wijk", random.choice(FIXTURE["neighbourhood_slugs"])))
        if random.random() < 0.3:
            params.append(("taal", random.choice(FIXTURE["languages"])))
        if random.random() < 0.2:
            params.append(("open_nu", "1"))
        return params

    def search(self, path, name):
        """A directory search with random filters; the caller reads which engine answered."""
        params = self.directory_query()
        return self.client.get(path, params=params, name=name, timeout=TIMEOUT, catch_response=True)

    @task(4)
    def directory_page(self):
        with self.search("/ondernemers/", "directory: page") as response:
            # Which engine answered, for the report: the page says so when it is the fallback.
            engine = "database" if SEARCH_DOWN in response.text else "opensearch"
            response.request_meta["context"] = answered_by(response, engine)

    @task(3)
    def directory_api(self):
        with self.search("/api/directory/", "directory: api") as response:
            if response.status_code == 200:
                response.request_meta["context"] = answered_by(response, response.json()["engine"])

    @task(1)
    def suggestions(self):
        word = random.choice(WORDS)
        self.get(f"/api/directory/suggestions/?q={word[: random.randint(2, 5)]}", "suggestions")

    @task(2)
    def site_search(self):
        self.get(f"/zoeken/?q={random.choice(SITE_WORDS)}", "site search")


class NewAccount(Visitor):
    """Someone signing up: the form, typing, send. Not retried after an error: the report holds
    every sign-up the visitor saw succeed against the accounts stored, one for one."""

    fixed_count = 4
    wait_time = between(4, 10)

    @task
    def sign_up(self):
        self.new_visitor()
        token = csrf_token(self.get("/account/signup/", "signup: form"))
        if not token:
            return
        think()
        email = f"soak-signup-{RUN}-{next(numbers)}@example.nl"
        password = FIXTURE["password"]
        data = {"csrfmiddlewaretoken": token, "email": email, "password1": password}
        data.update(password2=password, website_url="")
        response = self.post("/account/signup/", data, "signup: send")
        accepted = response.status_code == 302 and response.headers.get("Location", "").startswith(
            "/account/confirm-email/"
        )
        write(kind="signup", t=time.time(), email=email, accepted=accepted,
              status=response.status_code)  # fmt: skip


class Entrepreneur(Visitor):
    """An entrepreneur with a verified account (scripts/soak/prepare.py) who logs in and makes a
    profile step by step. Like a person, reloads and sends a step again after an error page."""

    fixed_count = 8
    wait_time = between(2, 5)

    def form(self, path, name, fill, post_path=None):
        """GET the form, think, POST it; the redirect's target, or None if it never worked."""
        for _attempt in range(RETRIES):
            page = self.get(path, f"{name}: form")
            if token := csrf_token(page):
                think()
                response = self.post(post_path or path, {"csrfmiddlewaretoken": token,
                                                         **fill(page.text)}, f"{name}: send")  # fmt: skip
                if response.status_code == 302:
                    return response.headers["Location"]
                if response.status_code < 500:
                    write(kind="rejected", t=time.time(), step=name, status=response.status_code,
                          body=re.findall(r'class="[^"]*error[^"]*"[^>]*>([^<]+)', response.text)[:3])  # fmt: skip
                    return None
            time.sleep(2)
        return None

    @task
    def submit_profile(self):
        email = next(submitters, None)
        if email is None:
            return
        self.new_visitor()
        number = next(numbers)
        name = f"Soakzaak {RUN} {number}"
        login = {"login": email, "password": FIXTURE["password"]}
        if not self.form("/account/login/", "login", lambda html: login):
            return self.outcome(email, name, False, "login")
        step = self.form(
            "/mijn-bedrijf/", "profile: start", lambda html: {}, "/mijn-bedrijf/nieuw/"
        )
        while step and "/profiel/" in step:
            slug = step.rstrip("/").rsplit("/", 1)[1]
            after = self.form(step, f"profile: {slug}", lambda html, s=slug: fill(s, html, name))
            if after is None:
                return self.outcome(email, name, False, slug)
            step = after
        if step != "/mijn-bedrijf/":
            return self.outcome(email, name, False, "start")
        # Submitted: the visitor saw the redirect to "Mijn bedrijf"; the list names the profile.
        for _attempt in range(RETRIES):
            listing = self.get("/mijn-bedrijf/", "profile: my businesses")
            if listing.status_code == 200:
                return self.outcome(email, name, True, listed=name in listing.text)
            time.sleep(2)
        return self.outcome(email, name, True, listed=False)

    def outcome(self, email, name, accepted, stopped_at=None, listed=None):
        write(kind="submission", t=time.time(), email=email, name=name, accepted=accepted,
              stopped_at=stopped_at, listed=listed)  # fmt: skip


def fill(step, html, name):
    """What an entrepreneur types in each step of the profile form (businesses/selfservice.py)."""
    if step == "basis":
        select = html[html.find('name="neighbourhood"') :]
        options = re.findall(r'<option value="(\d+)"', select[: select.find("</select>")])
        return {"name": name, "neighbourhood": random.choice(options),
                "tagline": "Verse koffie en brood, elke dag.", "phone": "030 123 45 67"}  # fmt: skip
    if step == "adres":
        return {"street": "Soakstraat", "house_number": random.randint(1, 300),
                "postcode": "3511 AB", "city": "Utrecht"}  # fmt: skip
    if step == "openingstijden":
        hours = {f"day{day}_closed": "on" for day in (5, 6)}
        for day in range(5):
            hours.update({f"day{day}_opens_1": "09:00", f"day{day}_closes_1": "17:30"})
        return hours
    if step == "sector-talen":
        sectors = re.findall(r'name="sectors" value="(\d+)"', html)
        languages = re.findall(r'name="languages" value="(\d+)"', html)
        return {"sectors": random.sample(sectors, 2), "languages": random.sample(languages, 2)}
    if step == "verhaal":
        return {"story": "Wij bakken sinds 2010.\n\nKom langs!", "products": "brood, koffie"}
    if step == "indienen":
        return {"consent": "on"}
    return {}  # fotos: no photo, on to the next step
