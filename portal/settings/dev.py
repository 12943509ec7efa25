"""Development settings: `make run` on a laptop, SQLite and the database search engine."""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])


def _local_secret_key():
    """Make a secret key on first start and keep it in var/, so sessions survive restarts."""
    path = VAR_DIR / "secret_key.txt"
    if not path.exists():
        VAR_DIR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or _local_secret_key()

# Template and code changes should show on reload while developing.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
