"""Actors: the gazetteer of people, countries and organisations with
time-bounded roles, and place resolution (`timeline.actors.places`)."""
from timeline.actors.gazetteer import Gazetteer, load_gazetteer
from timeline.actors.loading import GazetteerError
from timeline.actors.model import Actor, ActorRef, Role

__all__ = ["Actor", "ActorRef", "Gazetteer", "GazetteerError", "Role", "load_gazetteer"]
