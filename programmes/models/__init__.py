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
from programmes.models.programmes import (
    Category,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeSession,
    Provider,
    Stage,
    expired_q,
    open_q,
)

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
