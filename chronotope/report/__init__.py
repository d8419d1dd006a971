"""The offline report: one self-contained HTML file with map, timeline, network and reading view.

Everything the page needs is inlined: the data (as JSON in a
``<script type="application/json">`` element, with ``<``, ``>`` and ``&``
escaped so that no source text can close it), the stylesheet, the script
(``static/views.js``, written for chronotope) and the basemap (country
outlines from an installed package, see ``basemap.py``).  A Content Security
Policy allows only that one script (by its hash) and no network access at
all, so the file works — and is safe — opened from a disk with no network.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from importlib import resources
from string import Template

from .viewdata import view_data

__all__ = ["render_report", "write_report", "embed_json", "page"]


def _asset(folder: str, name: str) -> str:
    return resources.files(__name__).joinpath(folder).joinpath(name).read_text(encoding="utf-8")


def embed_json(data) -> str:
    """JSON safe inside a <script> element: no ``</script>``, ``<!--`` or entity can form."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
             .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page(data: dict, *, title: str, app: bool = False, nav_html: str = "", extra_csp: str = "") -> str:
    """The views page around ``data`` (from :func:`view_data`); used by the report and the web app.

    ``nav_html`` is trusted markup written by the web app (never source text).
    """
    from .. import __version__ as version  # noqa: F401
    js = _asset("static", "views.js")
    css = _asset("static", "views.css")
    if "</script" in js.lower() or "<!--" in js:
        raise ValueError("views.js must not contain '</script' or '<!--': it is inlined in a script element")
    csp = ("default-src 'none'; script-src " + _hash(js) + "; style-src 'unsafe-inline'; img-src data:; "
           "connect-src 'none'; font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'" + extra_csp)
    if app:
        csp = csp.replace("form-action 'none'", "form-action 'self'")
    tpl = Template(_asset("templates", "report.html"))
    return tpl.substitute(
        csp=html.escape(csp, quote=True), version=html.escape(str(version)), title=html.escape(title),
        css=css.replace("</", "<\\/"), app="1" if app else "0", nav=nav_html, data=embed_json(data), js=js,
    )


def render_report(export: dict, title: str | None = None) -> str:
    """The report's HTML for a contract export dict."""
    docs = export.get("documents") or []
    if title is None:
        names = [d.get("title") or d.get("source") or d.get("id") for d in docs]
        title = "chronotope — " + ("; ".join(names[:3]) + (" …" if len(names) > 3 else "") if names else "empty")
    return page(view_data(export), title=title)


def write_report(export: dict, out_path: str, title: str | None = None) -> dict:
    """Write the report; returns figures: ``{"path", "bytes", "documents", "legs", ...}``."""
    doc = render_report(export, title)
    directory = os.path.dirname(os.path.abspath(out_path))
    os.makedirs(directory, exist_ok=True)
    tmp = out_path + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(doc)
    os.replace(tmp, out_path)
    return {"path": out_path, "bytes": os.path.getsize(out_path),
            "documents": len(export.get("documents") or []),
            "legs": sum(len(j.get("legs") or []) for j in export.get("journeys") or []),
            "events": len(export.get("events") or []), "mentions": len(export.get("mentions") or [])}
