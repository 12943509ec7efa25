# shellcheck shell=bash
# What scripts/bench.sh and scripts/soak.sh share; sourced by them, from the project's folder.

PY=.venv/bin/python

# apt_install_missing WHO COMMAND: Debian's package COMMAND (apt-get) when no COMMAND is on PATH.
apt_install_missing() {
  if ! command -v "$2" >/dev/null 2>&1; then
    echo "$1: installing Debian's $2 (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  fi
}

# production_env NAME MEDIA STATIC: the production settings for a throw-away run called NAME,
# against the wrappers' search engine (its indexes named after NAME), with NAME as the admin's
# password and the media and static files in the folders MEDIA and STATIC.
production_env() {
  export DJANGO_SETTINGS_MODULE=portal.settings.production
  # Production refuses a short or simple key: a random one for this run.
  SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
  export SECRET_KEY ALLOWED_HOSTS=127.0.0.1,localhost
  export MEDIA_ROOT="$PWD/$2" STATIC_ROOT="$PWD/$3"
  export SEARCH_URL="$TEST_SEARCH_URL" SEARCH_INDEX="$1-directory" SEARCH_INDEX_PREFIX="$1-wagtail"
  export PORTAL_ADMIN_PASSWORD="$1" LOG_LEVEL=WARNING
}
