"""Actor rows: one `actor` per canonical name, its `actor_alias` names and
titles, and the per-session cache of actors already written.

Known actors and aliases are cached per session; changes made in the current
transaction join the cache only when it commits (`settle_actor_cache`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Insert, Row, Table, insert, select, update
from sqlmodel import Session, SQLModel

from timeline.events.types import EventRecord, Extraction, Participant
from timeline.vocabulary import ActorKind, alias_key

_ACTOR = SQLModel.metadata.tables["actor"]
_ALIAS = SQLModel.metadata.tables["actor_alias"]

# Pronoun-led surface forms ("his Russian counterpart") name someone only in context.
_CONTEXTUAL_WORDS = {"he", "she", "his", "her", "their", "its", "they", "him", "them", "who", "two", "both"}
# A surface sharing no word with the actor's names is kept only when it is a
# singular title ("the Russian president", "Belarusian ruler"): a place
# ("Sochi" for Russia) or a group ("the two leaders") would make false aliases.
_TITLE_WORDS = {
    "president",
    "minister",
    "premier",
    "chancellor",
    "leader",
    "ruler",
    "king",
    "queen",
    "emperor",
    "secretary",
    "dictator",
    "monarch",
    "pope",
    "ayatollah",
    "chairman",
    "chairwoman",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "commander",
    "chief",
}

# An actor as the cache knows it: its id and the alias keys already stored.
_Known = tuple[int, set[str]]


def store_actors(session: Session, extraction: Extraction) -> None:
    """Get or create every participant's actor, and store new aliases."""
    names: dict[str, list[str]] = {}
    first: dict[str, Participant] = {}
    for record in extraction.events:
        for p, surface in _participant_surfaces(record):
            first.setdefault(p.name, p)
            names.setdefault(p.name, []).extend([p.name, *p.aliases, *([surface] if surface else [])])
    if not first:
        return
    cache, pending = _actor_cache(session)
    state: dict[str, _Known | None] = {name: pending.get(name) or cache.get(name) for name in first}
    missing = [first[name] for name, known in state.items() if known is None]
    if missing:
        state.update(_load_or_create(session, missing))
    _store_aliases(session, {name: known for name, known in state.items() if known is not None}, names, pending)


def settle_actor_cache(session: Session, committed: bool) -> None:
    """End of a transaction: what it wrote joins the cache if it committed."""
    cache, pending = _actor_cache(session)
    if committed:
        cache.update(pending)
    pending.clear()


def _participant_surfaces(record: EventRecord) -> Iterator[tuple[Participant, str]]:
    """Each participant with the surface form worth keeping as an alias.

    Extraction may give a country the surface of its leader ("Putin" for
    Russia too); a surface shared by several participants is kept only for the
    person among them, and pronoun-led phrases ("his counterpart") never.
    """
    by_surface: dict[str, list[Participant]] = {}
    for p in record.participants:
        if p.surface:
            by_surface.setdefault(alias_key(p.surface), []).append(p)
    for p in record.participants:
        surface = p.surface
        if surface and not _surface_names(p, sharing=len(by_surface[alias_key(surface)])):
            surface = ""
        yield p, surface


def _surface_names(p: Participant, sharing: int) -> bool:
    """Whether `p.surface`, used by `sharing` participants, is a name of `p`."""
    words = alias_key(p.surface).split()
    if sharing > 1 and p.kind != ActorKind.PERSON:
        return False
    if set(words) & _CONTEXTUAL_WORDS:
        return False
    return _shares_a_name_word(words, [p.name, *p.aliases]) or (
        p.kind == ActorKind.PERSON and words[-1] in _TITLE_WORDS
    )


def _shares_a_name_word(words: list[str], names: list[str]) -> bool:
    name_words = {w for n in names for w in alias_key(n).split() if len(w) > 2}
    return bool(name_words.intersection(words))


def _load_or_create(session: Session, participants: list[Participant]) -> dict[str, _Known]:
    """The actors not in the cache: read from the database, or created."""
    conn = session.connection()
    rows = conn.execute(
        select(_ACTOR.c.id, _ACTOR.c.name, _ACTOR.c.country, _ACTOR.c.qid).where(
            _ACTOR.c.name.in_([p.name for p in participants])
        )
    ).all()
    found = {r.name: r for r in rows}
    aliases = _stored_aliases(session, [r.id for r in found.values()])
    state: dict[str, _Known] = {}
    for p in participants:
        row = found.get(p.name)
        if row is None:
            state[p.name] = (_insert_actor(session, p), set())
        else:
            _fill_actor(session, row, p)
            state[p.name] = (row.id, aliases.get(row.id, set()))
    return state


def _stored_aliases(session: Session, actor_ids: list[int]) -> dict[int, set[str]]:
    aliases: dict[int, set[str]] = {}
    if actor_ids:
        rows = session.connection().execute(
            select(_ALIAS.c.actor_id, _ALIAS.c.alias_norm).where(_ALIAS.c.actor_id.in_(actor_ids))
        )
        for actor_id, norm in rows:
            aliases.setdefault(actor_id, set()).add(norm)
    return aliases


def _insert_actor(session: Session, p: Participant) -> int:
    values = {"name": p.name, "kind": p.kind or ActorKind.PERSON.value, "country": p.country, "qid": p.qid}
    key = session.connection().execute(insert(_ACTOR).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def _fill_actor(session: Session, row: Row[Any], p: Participant) -> None:
    """Fill what an earlier, less informed extraction left empty."""
    fill = {k: v for k, v in (("country", p.country), ("qid", p.qid)) if v and getattr(row, k) is None}
    if fill:
        session.connection().execute(update(_ACTOR).where(_ACTOR.c.id == row.id).values(**fill))


def _store_aliases(
    session: Session, state: dict[str, _Known], names: dict[str, list[str]], pending: dict[str, _Known]
) -> None:
    new_aliases = []
    for name, (actor_id, known) in state.items():
        added: set[str] = set()
        for alias in names[name]:
            norm = alias_key(alias)
            if norm and norm not in known and norm not in added:
                added.add(norm)
                new_aliases.append({"actor_id": actor_id, "alias": " ".join(alias.split()), "alias_norm": norm})
        pending[name] = (actor_id, known | added)
    if new_aliases:
        session.connection().execute(_insert_ignoring_duplicates(session, _ALIAS), new_aliases)


def _insert_ignoring_duplicates(session: Session, table: Table) -> Insert:
    """INSERT that skips rows violating a unique constraint: another ingesting
    process may have stored the same alias since this one cached the actor."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing()
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing()
    return insert(table)  # pragma: no cover - other backends are not supported targets


def _actor_cache(session: Session) -> tuple[dict[str, _Known], dict[str, _Known]]:
    return session.info.setdefault("actor_cache", {}), session.info.setdefault("actor_pending", {})
