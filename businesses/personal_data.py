"""The businesses app's part of a person's data: their businesses, profiles in progress and claims.

On erasure, a published profile is not the person's alone (visitors rely on it), so it goes
offline and is handed to staff, who decide what happens next; Wagtail's log records it.
Profiles that were never published, drafts and claims are simply removed.
"""

from wagtail.log_actions import log

from businesses import selfservice
from businesses.models import Business, ClaimRequest, ProfileDraft
from home.privacy import personal_data

HANDED_TO_STAFF = "businesses.handed_to_staff"


def business_export(business):
    status, comment, edit_waiting = selfservice.owner_status(business)
    return {
        "name": business.name,
        "status": status,
        "moderator_comment": comment,
        "neighbourhood": str(business.neighbourhood or ""),
        "url": business.url if business.live else None,
        "tagline": business.tagline,
        "story": business.story,
        "stories": {story.language: story.text for story in business.stories.all()},
        "address": {
            "street": business.street,
            "house_number": business.house_number,
            "house_number_addition": business.house_number_addition,
            "postcode": business.postcode,
            "city": business.city,
        },
        "phone": str(business.phone or ""),
        "email": business.email,
        "website": business.website,
        "kvk_number": business.kvk_number,
        "founded_year": business.founded_year,
        "sectors": [str(s) for s in business.sectors.all()],
        "languages": [language.code for language in business.languages.all()],
        "opening_hours": [
            {"weekday": h.weekday, "opens": h.opens.isoformat(), "closes": h.closes.isoformat()}
            for h in business.opening_hours.all()
        ],
        "photos": [
            {"alt_text": p.alt_text, "caption": p.caption, "file": p.image.file.url}
            for p in business.photos.all()
        ],
        "created_at": business.created_at.isoformat(),
        "updated_at": business.updated_at.isoformat(),
    }


@personal_data(section="businesses")
class BusinessData:
    @staticmethod
    def export(user):
        businesses = (
            Business.objects.filter(owner=user).select_related("neighbourhood").order_by("name")
        )
        return {
            "businesses": [business_export(b) for b in businesses],
            "profiles_in_progress": [
                {"business": d.business_id, "data": d.data, "updated_at": d.updated_at.isoformat()}
                for d in ProfileDraft.objects.filter(owner=user)
            ],
            "claims": [
                {
                    "business": c.business.name,
                    "kvk_number": c.kvk_number,
                    "message": c.message,
                    "status": c.status,
                    "staff_comment": c.staff_comment,
                    "created_at": c.created_at.isoformat(),
                }
                for c in ClaimRequest.objects.filter(user=user).select_related("business")
            ],
        }

    @staticmethod
    def erase(user, request):
        image_ids = [
            p["image"]
            for d in ProfileDraft.objects.filter(owner=user)
            for p in selfservice.photos_of(d)
        ]
        ProfileDraft.objects.filter(owner=user).delete()
        ClaimRequest.objects.filter(user=user).delete()
        for business in Business.objects.filter(owner=user):
            if business.first_published_at is None:
                image_ids += list(business.photos.values_list("image_id", flat=True))
                business.delete()
                continue
            hand_to_staff(business)
        selfservice.delete_unused_images(image_ids)


def hand_to_staff(business):
    """Take a published profile offline, without an owner, and say so in Wagtail's log."""
    state = selfservice.workflow_state_of(business)
    if state and state.status in (state.STATUS_IN_PROGRESS, state.STATUS_NEEDS_CHANGES):
        state.cancel(user=None)
    if business.live:
        business.unpublish(user=None, log_action=True)
    Business.objects.filter(pk=business.pk).update(owner=None)
    # The account is about to go, so the entry names no user.
    log(business, HANDED_TO_STAFF)
