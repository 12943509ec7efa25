"""The search engine behind SEARCH_URL: the client that fits it (opensearch-py for OpenSearch,
elasticsearch for Elasticsearch), and EngineUnavailable for anything that goes wrong on the
way, so the directory can answer from the database instead."""

import json
import urllib.request
from functools import cache

from django.conf import settings
from elasticsearch import Elasticsearch
from opensearchpy import OpenSearch


def alias():
    """The alias the directory reads; tests give each worker its own."""
    return settings.SEARCH_INDEX


class EngineUnavailable(Exception):
    pass


@cache
def client(timeout=None):
    """The client for SEARCH_URL: opensearch-py for OpenSearch, elasticsearch for Elasticsearch.
    Searches wait SEARCH_TIMEOUT; filling an index passes a longer `timeout`."""
    url = settings.SEARCH_URL
    timeout = timeout or settings.SEARCH_TIMEOUT
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/", timeout=timeout * 3) as response:  # noqa: S310 (our own setting)
            info = json.load(response)
    except OSError as error:
        client.cache_clear()
        raise EngineUnavailable(str(error)) from error
    if info.get("version", {}).get("distribution") == "opensearch":
        return OpenSearch([url], timeout=timeout, max_retries=0)
    return Elasticsearch(url, request_timeout=timeout, max_retries=0)


def call(method, **kwargs):
    try:
        return method(**kwargs)
    except Exception as error:  # connection, timeout, or an engine error: never shown to visitors
        raise EngineUnavailable(f"{type(error).__name__}: {error}") from error
