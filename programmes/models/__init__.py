from programmes.mentoring.models import (
    MatchEvent,
    MatchRequest,
    Mentor,
    MentorMatch,
    MunicipalContact,
    Need,
    Proposal,
)
from programmes.models.counts import ProgrammeDayCount
from programmes.models.lists import Category, Provider, Stage
from programmes.models.programmes import ProgrammeIndexPage, ProgrammePage, expired_q, open_q
from programmes.models.sessions import ProgrammeSession

__all__ = [
    "Category",
    "MatchEvent",
    "MatchRequest",
    "Mentor",
    "MentorMatch",
    "MunicipalContact",
    "Need",
    "ProgrammeIndexPage",
    "ProgrammeDayCount",
    "ProgrammePage",
    "ProgrammeSession",
    "Proposal",
    "Provider",
    "Stage",
    "expired_q",
    "open_q",
]
