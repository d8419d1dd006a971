"""The database opens usefully in Datasette: described tables and columns, search, canned queries."""
from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "browser"))
import sample_export  # noqa: E402

from chronotope import storage  # noqa: E402
from chronotope.web import curation  # noqa: E402

METADATA = os.path.join(os.path.dirname(__file__), "..", "datasette", "metadata.json")


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "chronotope.db")      # Datasette names the database after the file
    storage.save_corpus(path, sample_export.to_corpus())
    curation.add_correction(path, sample_export.build(), "place:geonames:703448", "accept")
    return path


def _metadata() -> dict:
    with open(METADATA, encoding="utf-8") as f:
        return json.load(f)


def test_every_table_and_column_is_described(db):
    tables = _metadata()["databases"]["chronotope"]["tables"]
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'")]
        for t in names:
            assert t in tables, f"table {t} has no description in datasette/metadata.json"
            if tables[t].get("hidden"):
                continue
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')]
            missing = [c for c in cols if c not in tables[t].get("columns", {})]
            assert not missing, f"{t}: columns without a description: {missing}"


def test_datasette_serves_search_and_queries(db):
    datasette_app = pytest.importorskip("datasette.app")
    ds = datasette_app.Datasette([db], metadata=_metadata())

    async def run():
        r = await ds.client.get("/chronotope/documents.json?_search=steamer&_shape=array")
        assert r.status_code == 200
        assert [row["id"] for row in r.json()] == [sample_export.DOC_ID]
        for name in _metadata()["databases"]["chronotope"]["queries"]:
            r = await ds.client.get(f"/chronotope/{name}.json?_shape=array")
            assert r.status_code == 200, (name, r.text[:300])
        legs = (await ds.client.get("/chronotope/journey_legs.json?_shape=array")).json()
        assert [(x["from"], x["to"]) for x in legs][:2] == [("Kiev", "Warsaw"), ("Warsaw", "Berlin")]
        letters = (await ds.client.get("/chronotope/letters.json?_shape=array")).json()
        assert (letters[0]["sender"], letters[0]["recipient"]) == ("Marta Orlova", "Pavel Orlov")
        page = await ds.client.get("/chronotope/entities")
        assert "shared across documents" in page.text

    asyncio.run(run())
