# The mentoring models live in programmes.mentoring; they are the programmes app's models too.
from programmes.mentoring import models as mentoring
from programmes.mentoring.models import *  # noqa: F403 (re-exported: mentoring.__all__)
from programmes.models.counts import ProgrammeDayCount
from programmes.models.lists import Category, Provider, Stage
from programmes.models.programmes import ProgrammeIndexPage, ProgrammePage, expired_q, open_q
from programmes.models.sessions import ProgrammeSession

__all__ = [
    *mentoring.__all__,
    "Category",
    "ProgrammeIndexPage",
    "ProgrammeDayCount",
    "ProgrammePage",
    "ProgrammeSession",
    "Provider",
    "Stage",
    "expired_q",
    "open_q",
]
