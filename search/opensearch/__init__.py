"""The directory on Elasticsearch 8 or OpenSearch 2/3, with elasticsearch-dsl.

The index and the queries are built with elasticsearch-dsl without a connection (`to_dict()`),
and sent with the client that fits the engine behind SEARCH_URL (connection.py). Responses are
read back with elasticsearch-dsl's Response.

- connection.py: the client, and EngineUnavailable;
- document.py: the analysis and the indexed form of a business;
- indexing.py: rebuilding and updating the index;
- queries.py: searching, counting, suggestions.
"""
