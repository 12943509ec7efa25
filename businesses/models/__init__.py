"""Neighbourhoods (editorial pages) and the businesses in them (moderated snippets)."""

from .business import (
    Business,
    BusinessLink,
    BusinessPhoto,
    BusinessStory,
    BusinessTag,
    OpeningHours,
    OutdatedInfoReport,
    SpecialDay,
)
from .pages import NeighbourhoodIndexPage, NeighbourhoodPage
from .selfservice import ClaimRequest, ProfileDraft, ProfileReviewTask
from .taxonomy import Language, Sector

__all__ = [
    "Business",
    "BusinessLink",
    "BusinessPhoto",
    "BusinessStory",
    "BusinessTag",
    "ClaimRequest",
    "Language",
    "NeighbourhoodIndexPage",
    "NeighbourhoodPage",
    "OpeningHours",
    "OutdatedInfoReport",
    "ProfileDraft",
    "ProfileReviewTask",
    "Sector",
    "SpecialDay",
]
