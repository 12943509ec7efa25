"""The mentoring models; programmes.models imports them, so Django finds them in the
programmes app (app label and migrations as they were)."""

from programmes.mentoring.models.people import Mentor, MunicipalContact, Need
from programmes.mentoring.models.requests import MatchEvent, MatchRequest, MentorMatch, Proposal

__all__ = [
    "MatchEvent",
    "MatchRequest",
    "Mentor",
    "MentorMatch",
    "MunicipalContact",
    "Need",
    "Proposal",
]
