"""Driving Debian's headless Chromium with Playwright, for the browser tests.

Playwright's own browser download is not used (no network): it drives the
system's /usr/bin/chromium through ``executable_path``.  Tests skip with a
reason when either is missing; CI installs both (.ci/run).
"""
from __future__ import annotations

import os
import shutil
import tempfile

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio"]


def chromium_path() -> str | None:
    for p in CHROMIUM_CANDIDATES:
        if os.path.exists(p):
            return p
    return shutil.which("chromium")


def why_not() -> str | None:
    """None when the browser tests can run, else the reason they cannot."""
    if not chromium_path():
        return "Debian's chromium is not installed (apt-get install chromium); CI installs it"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install playwright)"
    return None


class Browser:
    """A headless Chromium with a fresh profile; use as a context manager."""

    def __enter__(self):
        from playwright.sync_api import sync_playwright
        self._profile = tempfile.mkdtemp(prefix="chronotope-chromium-")
        self._pw = sync_playwright().start()
        self.context = self._pw.chromium.launch_persistent_context(
            self._profile, executable_path=chromium_path(), headless=True, args=ARGS,
            viewport={"width": 1400, "height": 860}, device_scale_factor=1)
        return self

    def new_page(self):
        return self.context.new_page()

    def __exit__(self, *exc):
        try:
            self.context.close()
        finally:
            self._pw.stop()
            shutil.rmtree(self._profile, ignore_errors=True)
