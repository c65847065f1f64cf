"""Actors: the gazetteer of people, countries and organisations with
time-bounded roles, and place resolution (`timeline.actors.places`)."""

from timeline.actors.gazetteer import Gazetteer, load_gazetteer
from timeline.actors.loading import GazetteerError
from timeline.actors.model import Actor, ActorRef, Role


def gazetteer_roles(names: set[str]) -> dict[str, list[str]]:
    """Dated roles of the named actors, as labels: "President of Russia (2012-05-07–)"."""
    out: dict[str, list[str]] = {}
    for entry in load_gazetteer().actors():
        if entry.name in names:
            out[entry.name] = [role_label(r) for r in entry.roles]
    return out


def role_label(role: Role) -> str:
    span = f" ({role.start or '?'}–{role.end or ''})" if role.start or role.end else ""
    return f"{role.title}{span}"


__all__ = [
    "Actor",
    "ActorRef",
    "Gazetteer",
    "GazetteerError",
    "Role",
    "gazetteer_roles",
    "load_gazetteer",
    "role_label",
]
