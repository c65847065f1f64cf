"""What to install when a module the readers need is missing.

An installation without an optional or transitive package (lxml 6 split its
HTML cleaner into `lxml_html_clean`; an old pip may skip the extra that pulls
it in) fails every input that needs it. The reason names the package once, the
same for every input, so the command line can report it once.
"""

from __future__ import annotations

# Top-level module → (what needs it, the distribution to install).
_PROVIDERS = {
    "lxml_html_clean": ("HTML support", "lxml_html_clean"),
    "lxml": ("HTML support", "lxml"),
    "trafilatura": ("HTML support", "trafilatura"),
    "htmldate": ("HTML support", "htmldate"),
    "justext": ("HTML support", "jusText"),
    "courlan": ("HTML support", "courlan"),
    "feedparser": ("feed support", "feedparser"),
    "httpx": ("fetching URLs", "httpx"),
    "yaml": ("reading", "PyYAML"),
    "frontmatter": ("reading", "python-frontmatter"),
}
_PREFIX = "needs "


def missing_dependency(exc: ImportError) -> str:
    """'<feature> needs <module>: pip install <distribution>' for an ImportError."""
    text = str(exc)
    if "lxml_html_clean" in text or (exc.name or "").startswith("lxml.html.clean"):
        module = "lxml_html_clean"
    else:
        module = (exc.name or _module_in(text) or "an unknown module").split(".")[0]
    feature, distribution = _PROVIDERS.get(module, ("reading", module))
    return f"{feature} {_PREFIX}{module}: pip install {distribution}"


def is_missing_dependency(reason: str) -> bool:
    """True for a reason `missing_dependency` wrote."""
    return _PREFIX in reason and ": pip install " in reason


def _module_in(text: str) -> str | None:
    # "No module named 'x.y'"
    if "'" in text:
        return text.split("'")[1] or None
    return None
