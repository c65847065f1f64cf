"""How an event's type, actors, place and sources read, the same in every
export format (dates have their own module, event_dates)."""

from __future__ import annotations

# Defined with the shared vocabulary: query's source records carry an outlet
# too, and the readers may not import render/ (docs/architecture.md).
from timeline.vocabulary import outlet as outlet


def type_label(event: dict) -> str:
    """PLOVER category and mode, e.g. "CONSULT/meet"."""
    return "/".join(part for part in (event.get("type"), event.get("mode")) if part)


def actor_names(event: dict) -> list[str]:
    """Actor names in record order (source actors first, as stored), without blanks."""
    return [actor["name"] for actor in event.get("actors") or [] if actor and actor.get("name")]


def place_label(location: dict | None) -> str:
    """ "Sochi (RUS)"; just the name or the country when only one is known."""
    if not location:
        return ""
    name, country = location.get("name") or "", location.get("country") or ""
    if name and country and country != name:
        return f"{name} ({country})"
    return name or country


def source_count(event: dict) -> int:
    """Number of sources: the stored count, else the distinct mention articles."""
    if event.get("n_sources") is not None:
        return int(event["n_sources"])
    mentions = event.get("mentions") or []
    return len({m.get("article_id") or m.get("url") for m in mentions})
