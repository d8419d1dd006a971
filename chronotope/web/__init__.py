"""``chronotope serve``: a local web app over a database — the views, search, filters, entity pages, curation.

Built on Starlette (small, maintained, ASGI; routing, forms and a test
client) and served by uvicorn.  Safety for a tool that runs on a
historian's own machine:

- it binds to 127.0.0.1 unless told otherwise, and answers only requests
  whose Host header names this machine (no DNS rebinding);
- it serves no files at all: every page is generated, its script and style
  inlined, so nothing outside the database can be reached through it;
- every form that changes something carries a per-process token (no
  cross-site request can curate);
- source text reaches pages only through Jinja2's autoescaping or the
  views' textContent, never as markup.
"""
from __future__ import annotations

import html
import json
import os
import re
import secrets
import sqlite3
import threading
from contextlib import closing
from urllib.parse import quote, urlencode

from . import curation

__all__ = ["create_app", "serve", "load_export", "filter_export"]

LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]


# -- the data ---------------------------------------------------------------

def load_export(db_path: str) -> dict:
    """The contract export of everything in the database, before corrections."""
    from .. import storage
    from ..export_json import corpus_to_json
    corpus = storage.load_corpus(db_path)
    try:
        from ..linking import link
        link(corpus)
    except ImportError:      # a cross-document rule not available: keep each document's journeys
        corpus.journeys = [j for d in corpus.documents for j in d.journeys]
    for d in corpus.documents:
        for eid, e in d.entities.items():
            corpus.entities.setdefault(eid, e)
    return corpus_to_json(corpus)


class Store:
    """The database's export with corrections applied, rebuilt when either changes."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()
        self._stamp = None
        self._raw: dict | None = None
        self._raw_stamp = None
        self.export: dict = {}
        self.statuses: list[dict] = []

    def _data_stamp(self):
        with closing(sqlite3.connect(self.db_path)) as conn:
            # a re-extracted document is deleted and inserted again: it gets a new rowid
            docs = conn.execute("SELECT count(*), coalesce(max(rowid), 0), coalesce(max(extracted_at), ''),"
                                " coalesce(group_concat(sha256), '') FROM documents").fetchone()
            ents = conn.execute("SELECT count(*), total(lat), total(lon) FROM entities").fetchone()
        return docs, ents

    def _corr_stamp(self):
        with closing(curation.connect(self.db_path)) as conn:
            return conn.execute("SELECT count(*), coalesce(max(id), 0), total(active) FROM corrections").fetchone()

    def get(self) -> dict:
        with self._lock:
            data = self._data_stamp()
            corr = tuple(self._corr_stamp())
            if self._raw is None or data != self._raw_stamp:
                self._raw = load_export(self.db_path)
                self._raw_stamp = data
                self._stamp = None
            if (data, corr) != self._stamp:
                self.export, self.statuses = curation.apply_corrections(
                    self._raw, curation.list_corrections(self.db_path))
                self._stamp = (data, corr)
            return self.export


def filter_export(export: dict, *, person: str = "", place: str = "", type: str = "", date_from: str = "",
                  date_to: str = "", doc: str = "") -> dict:
    """The export narrowed to events (and journey legs) matching the filters; documents stay whole."""
    from ..report.viewdata import _event_span, _leg_span
    if not any((person, place, type, date_from, date_to, doc)):
        return export
    out = dict(export)

    def in_dates(span):
        if not (date_from or date_to):
            return True
        if span is None:
            return False
        return (not date_from or span["t1"] >= _day(date_from, False)) and (not date_to or span["t0"] <= _day(date_to, True))

    evs = []
    for ev in export.get("events") or []:
        if doc and ev.get("doc") != doc:
            continue
        if type and ev.get("type") != type:
            continue
        if person and person not in {p.get("entity") for p in ev.get("participants") or []}:
            continue
        if place and ev.get("place") != place:
            continue
        if not in_dates(_event_span(ev.get("date"))):
            continue
        evs.append(ev)
    out["events"] = evs
    journeys = []
    for j in export.get("journeys") or []:
        if person and person not in (j.get("travellers") or []):
            continue
        if type and type not in ("travel", "journey"):
            continue
        legs = [leg for leg in j.get("legs") or []
                if (not place or place in (leg.get("from"), leg.get("to")))
                and (not doc or any(x.get("doc") == doc for x in leg.get("evidence") or []))
                and in_dates(_leg_span(leg))]
        if legs:
            journeys.append({**j, "legs": legs})
    out["journeys"] = journeys
    if doc:
        out["documents"] = [d for d in export.get("documents") or [] if d.get("id") == doc]
        out["mentions"] = [m for m in export.get("mentions") or [] if m.get("doc") == doc]
    return out


def _day(value: str, end: bool) -> str:
    from ..report.viewdata import date_range
    r = date_range(value)
    if r is None:
        return "9999-12-31" if end else "0000-01-01"
    return r[1] if end else r[0]


# -- the app ----------------------------------------------------------------

def create_app(db_path: str, *, allowed_hosts: list[str] | None = None):
    """The Starlette app over ``db_path`` (the database must exist)."""
    from jinja2 import Environment, PackageLoader, select_autoescape
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
    from starlette.routing import Route

    from ..report import page as views_page
    from ..report.viewdata import view_data

    if not os.path.exists(db_path):
        raise FileNotFoundError(db_path)
    store = Store(db_path)
    token = secrets.token_urlsafe(24)
    env = Environment(loader=PackageLoader("chronotope.web", "templates"),
                      autoescape=select_autoescape(["html"], default=True))
    env.globals.update(token=token, quote=quote)
    from ..report import _asset
    css = _asset("static", "views.css")

    def render(name: str, code: int = 200, **ctx) -> HTMLResponse:
        body = env.get_template(name).render(css=css, **ctx)
        resp = HTMLResponse(body, status_code=code)
        resp.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")
        resp.headers["X-Content-Type-Options"] = "nosniff"
        return resp

    def ctx_common(export: dict) -> dict:
        ents = sorted(export.get("entities") or [], key=lambda e: (e.get("kind") or "", (e.get("name") or "").lower()))
        types = sorted({e.get("type") for e in export.get("events") or [] if e.get("type")})
        return {"people": [e for e in ents if e.get("kind") in ("person", "organization")],
                "places": [e for e in ents if e.get("kind") == "place"], "types": types,
                "docs": export.get("documents") or []}

    def nav(active: str = "") -> str:
        links = [("/", "Views"), ("/search", "Search"), ("/entities", "Entities"), ("/corrections", "Corrections")]
        return "<nav>" + "".join(
            f'<a href="{href}"{" class=on" if label == active else ""}>{html.escape(label)}</a>' for href, label in links) + "</nav>"

    async def index(request):
        export = store.get()
        q = request.query_params
        f = {k: q.get(k, "").strip() for k in ("person", "place", "type", "date_from", "date_to", "doc")}
        shown = filter_export(export, **f)
        data = view_data(shown)
        names = {e["id"]: e.get("name") for e in export.get("entities") or []}
        names.update({d["id"]: d.get("title") for d in export.get("documents") or []})
        title = "chronotope — " + (", ".join(names.get(x) or x for x in f.values() if x) or "everything")
        filters = env.get_template("filters.html").render(f=f, **ctx_common(export))
        body = views_page(data, title=title, app=True, nav_html=nav("Views") + filters)
        resp = HTMLResponse(body)
        return resp

    async def search(request):
        export = store.get()
        q = request.query_params.get("q", "").strip()
        hits, ents, error = [], [], None
        if q:
            try:
                hits = _search(db_path, q)
            except sqlite3.OperationalError as e:
                error = f"Could not search for that: {e}. Put phrases in double quotes."
            low = q.lower().strip('"')
            ents = [e for e in export.get("entities") or []
                    if low in (e.get("name") or "").lower() or any(low in a.lower() for a in e.get("aliases") or [])]
        return render("search.html", q=q, hits=hits, ents=ents, error=error, nav=nav("Search"))

    async def entities(request):
        export = store.get()
        counts: dict[str, int] = {}
        for m in export.get("mentions") or []:
            if m.get("entity"):
                counts[m["entity"]] = counts.get(m["entity"], 0) + 1
        return render("entities.html", nav=nav("Entities"), counts=counts, **ctx_common(export),
                      others=[e for e in export.get("entities") or [] if e.get("kind") not in ("person", "organization", "place")])

    async def entity(request):
        export = store.get()
        eid = request.query_params.get("id", "")
        ent = next((e for e in export.get("entities") or [] if e["id"] == eid), None)
        if ent is None:
            return render("message.html", code=404, nav=nav(), title="Not found",
                          message=f"There is no entity {eid!r} (it may have been merged or rejected).")
        docs = {d["id"]: d for d in export.get("documents") or []}
        mentions = [dict(m, ctx=_context(docs, m)) for m in export.get("mentions") or [] if m.get("entity") == eid]
        events = [dict(e, ctx=_context(docs, e)) for e in export.get("events") or []
                  if e.get("place") == eid or any(p.get("entity") == eid for p in e.get("participants") or [])]
        legs = [(f"{j['id']}#leg{i + 1}", leg) for j in export.get("journeys") or []
                for i, leg in enumerate(j.get("legs") or []) if eid in (leg.get("from"), leg.get("to"))
                or eid in (j.get("travellers") or [])]
        names = {e["id"]: e.get("name") for e in export.get("entities") or []}
        same_kind = [e for e in export.get("entities") or [] if e.get("kind") == ent.get("kind") and e["id"] != eid]
        return render("entity.html", nav=nav("Entities"), ent=ent, mentions=mentions, events=events, legs=legs,
                      names=names, same_kind=same_kind, msg=request.query_params.get("msg"))

    async def fact(request):
        export = store.get()
        fid = request.query_params.get("id", "")
        found = curation.find_fact(export, fid)
        if found is None:
            return render("message.html", code=404, nav=nav(), title="Not found",
                          message=f"There is no fact {fid!r} now (it may have been rejected; see Corrections).")
        target, fx = found
        if target == "entity":
            return RedirectResponse("/entity?id=" + quote(fid), status_code=303)
        docs = {d["id"]: d for d in export.get("documents") or []}
        ev = fx if target != "leg" else {**(fx.get("evidence") or [{}])[0]}
        names = {e["id"]: e.get("name") for e in export.get("entities") or []}
        return render("fact.html", nav=nav(), target=target, fid=fid, fx=fx, ctx=_context(docs, ev), names=names,
                      ents=sorted(export.get("entities") or [], key=lambda e: (e.get("kind") or "", e.get("name") or "")),
                      json=json, msg=request.query_params.get("msg"),
                      participants_text="\n".join(f"{p.get('entity')} {p.get('role')}" for p in fx.get("participants") or []))

    async def curate(request):
        form = await request.form()
        if not secrets.compare_digest(str(form.get("token", "")), token):
            return PlainTextResponse("This form is out of date or did not come from this app; reload the page.", status_code=403)
        back = str(form.get("back") or "/")
        if not back.startswith("/") or back.startswith("//"):
            back = "/"
        action = str(form.get("action", ""))
        try:
            if action == "retract":
                curation.retract(db_path, int(form.get("correction", "0")))
                return RedirectResponse(back, status_code=303)
            export = store.get()
            fid = str(form.get("id", ""))
            field = str(form.get("field", "")) or None
            value = _form_value(field, form) if action in ("correct", "merge", "split") else None
            if action == "merge":
                value = str(form.get("into", ""))
            if action == "split":
                value = {"name": str(form.get("new_name", "")).strip(),
                         "mentions": [json.loads(x) for x in form.getlist("mention")]}
            cid = curation.add_correction(db_path, export, fid, action, field=field, value=value,
                                          note=str(form.get("note", "")) or None)
        except (curation.CurationError, ValueError) as e:
            return render("message.html", code=400, nav=nav(), title="Not recorded", message=str(e), back=back)
        sep = "&" if "?" in back else "?"
        if action in ("merge",) or (action == "reject" and fid.split(":", 1)[0] in ("person", "place", "organization", "work")):
            back = "/entity?id=" + quote(str(form.get("into") or "")) if action == "merge" else "/entities"
            sep = "&" if "?" in back else "?"
        return RedirectResponse(f"{back}{sep}{urlencode({'msg': f'correction {cid} recorded'})}", status_code=303)

    async def corrections_page(request):
        store.get()
        rows = curation.list_corrections(db_path)
        status = {s["id"]: s for s in store.statuses}
        return render("corrections.html", nav=nav("Corrections"), rows=rows, status=status, json=json)

    async def export_json(request):
        return JSONResponse(store.get())

    routes = [Route("/", index), Route("/search", search), Route("/entities", entities), Route("/entity", entity),
              Route("/fact", fact), Route("/curate", curate, methods=["POST"]),
              Route("/corrections", corrections_page), Route("/export.json", export_json)]
    hosts = list(dict.fromkeys((allowed_hosts or []) + LOCAL_HOSTS + ["testserver"]))
    app = Starlette(routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=hosts)])
    app.state.store = store
    app.state.token = token
    return app


def _form_value(field: str | None, form):
    if field == "geo":
        return {"lat": str(form.get("lat", "")).strip(), "lon": str(form.get("lon", "")).strip(),
                "name": str(form.get("modern_name", "")).strip() or None,
                "gazetteer_id": str(form.get("gazetteer_id", "")).strip() or None}
    if field == "date":
        v = {k: str(form.get(k, "")).strip() or None for k in ("value", "earliest", "latest")}
        cal = str(form.get("calendar", "")).strip()
        if cal == "julian":
            from ..report.viewdata import julian_to_gregorian
            v["calendar"] = "julian"
            v["gregorian_value"] = julian_to_gregorian(v["value"])
        return {k: x for k, x in v.items() if x}
    if field == "participants":
        parts = []
        for line in str(form.get("participants", "")).splitlines():
            bits = line.split()
            if len(bits) >= 2:
                parts.append({"entity": bits[0], "role": bits[1]})
            elif bits:
                raise ValueError(f"each participant line is 'entity-id role', not {line!r}")
        return parts
    if field in ("entity", "place"):
        return str(form.get("value", "")).strip() or None
    if field == "modes":
        return [m.strip() for m in re.split(r"[,\s]+", str(form.get("value", ""))) if m.strip()]
    return str(form.get("value", "")).strip()


def _context(docs: dict, fact: dict, width: int = 160) -> dict:
    """The evidence with some text either side, as three plain strings (the template escapes them)."""
    d = docs.get(fact.get("doc")) or {}
    t = d.get("text") or ""
    s, e = int(fact.get("start") or 0), int(fact.get("end") or 0)
    return {"before": ("…" if s > width else "") + t[max(0, s - width):s], "match": t[s:e],
            "after": t[e:e + width] + ("…" if e + width < len(t) else ""), "doc": d.get("title") or fact.get("doc"),
            "doc_id": fact.get("doc"), "start": s, "end": e}


def _search(db_path: str, q: str, limit: int = 30) -> list[dict]:
    """Full-text search (the storage's FTS5 index), with the matches marked for the template."""
    with closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute(
            "SELECT d.id, d.title, snippet(documents_fts, 1, char(2), char(3), ' … ', 24) FROM documents_fts"
            " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (q, limit)).fetchall()
    out = []
    for doc_id, title, snip in rows:
        parts = []
        for i, chunk in enumerate(re.split("[\x02\x03]", snip or "")):
            parts.append((chunk, i % 2 == 1))
        out.append({"doc": doc_id, "title": title, "parts": parts})
    return out


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app until interrupted (Ctrl-C).  Binds to 127.0.0.1 unless ``host`` says otherwise."""
    import uvicorn
    extra = [] if host in ("127.0.0.1", "localhost", "::1") else [host, "*"] if host in ("0.0.0.0", "::") else [host]
    app = create_app(db_path, allowed_hosts=extra)
    print(f"chronotope: serving {db_path} at http://{host if ':' not in host else '[' + host + ']'}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
