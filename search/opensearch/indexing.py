"""Filling and updating the directory's index: a new index behind the alias (rebuild), one
business at a time (update), and what the index holds (indexed_ids)."""

import time

from businesses.directory import Business, hours
from search.opensearch.connection import EngineUnavailable, alias, call, client
from search.opensearch.document import BusinessDocument, document


def indexable():
    return (
        Business.objects.filter(live=True)
        .select_related("neighbourhood")
        .prefetch_related("sectors__parent", "languages", "products", "stories")
        .order_by("pk")
    )


def create_index(name, refresh_interval="1s"):
    body = BusinessDocument._index.clone(name).to_dict()
    body["settings"]["refresh_interval"] = refresh_interval
    call(client(BULK_TIMEOUT).indices.create, index=name, body=body)


def bulk_actions(businesses, index):
    schedules = hours.schedules([business.pk for business in businesses])  # rows, for speed
    for business in businesses:
        yield {"index": {"_index": index, "_id": business.pk}}
        yield document(business, schedules[business.pk])


BULK_TIMEOUT = 60.0  # seconds: filling an index may take longer than a search may (1 s)


def send_bulk(batch, index):
    body = list(bulk_actions(batch, index))
    response = call(client(BULK_TIMEOUT).bulk, body=body, refresh=False)
    if response.get("errors"):
        failed = [item for item in response["items"] if item["index"].get("error")]
        raise EngineUnavailable(
            f"{len(failed)} documents failed, e.g. {failed[0]['index']['error']}"
        )


def rebuild(progress=None):
    """Build a new index, fill it, and move the alias to it (no moment without an index)."""
    name = f"{alias()}-{int(time.time() * 1000)}"
    create_index(name, refresh_interval="-1")  # no refreshes while filling: faster
    businesses = indexable()
    total = businesses.count()
    batch = []
    for business in businesses.iterator(chunk_size=1000):
        batch.append(business)
        if len(batch) == 1000:
            send_bulk(batch, name)
            if progress:
                progress(len(batch))
            batch = []
    if batch:
        send_bulk(batch, name)
        if progress:
            progress(len(batch))
    patient = client(BULK_TIMEOUT)
    call(patient.indices.put_settings, index=name, body={"index": {"refresh_interval": "1s"}})
    call(patient.indices.refresh, index=name)
    engine, current = client(), alias()
    old = (
        list(call(engine.indices.get_alias, name=current))
        if call(engine.indices.exists_alias, name=current)
        else []
    )
    actions = [{"remove": {"index": index, "alias": current}} for index in old]
    actions.append({"add": {"index": name, "alias": current}})
    if call(engine.indices.exists, index=current) and not old:
        call(engine.indices.delete, index=current)  # a plain index in the alias's place
    call(engine.indices.update_aliases, body={"actions": actions})
    for index in old:
        call(engine.indices.delete, index=index)
    return name, total


def update(business_id):
    """Bring one business up to date in the index: (re)index it when live, else remove it."""
    business = indexable().filter(pk=business_id).first()
    if business is None:
        try:
            call(client().delete, index=alias(), id=business_id, refresh=True)
        except EngineUnavailable as error:
            if "NotFound" not in str(error) and "not_found" not in str(error):
                raise
        return
    call(
        client().index,
        index=alias(),
        id=business.pk,
        body=document(business, business.schedule()),
        refresh=True,
    )


def indexed_ids():
    body = {"query": {"match_all": {}}, "_source": False, "size": 10000}
    ids, after = set(), None
    while True:
        page = dict(body, sort=[{"id": "asc"}], **({"search_after": after} if after else {}))
        response = call(client().search, index=alias(), body=page)
        hits = response["hits"]["hits"]
        if not hits:
            return ids
        ids.update(int(hit["_id"]) for hit in hits)
        after = hits[-1]["sort"]
