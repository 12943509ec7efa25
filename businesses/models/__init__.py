"""Neighbourhoods (editorial pages) and the businesses in them (moderated snippets)."""

from .business import Business
from .hours import OpeningHours, SpecialDay
from .pages import NeighbourhoodIndexPage, NeighbourhoodPage
from .profile import BusinessLink, BusinessPhoto, BusinessStory, BusinessTag
from .reports import OutdatedInfoReport
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
