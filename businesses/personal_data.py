"""The businesses app's part of a person's data: their businesses, profiles in progress and claims.

On erasure, a published profile is not the person's alone (visitors relied on it), so it goes
offline and is handed to staff, who decide what happens next; Wagtail's log records it. What
stays of it are the business's public facts (KEPT); what could lead to the person goes, from the
profile and from every revision of it (ERASED). Profiles that were never published, drafts and
claims are simply removed, and so are the photos the person uploaded that nothing else uses.
"""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.log_actions import log

from businesses.models import Business, ClaimRequest, ProfileDraft
from businesses.selfservice import drafts, ownership, photos
from home.privacy import personal_data, photo_file_name, scrub_revisions
from home.templatetags.bidi_tags import bdi

HANDED_TO_STAFF = "businesses.handed_to_staff"

# What a profile handed to staff keeps: what it says about the shop, as visitors saw it.
KEPT = _(
    "de naam, de wijk, de zin over het bedrijf, de sectoren, de producten, de gesproken talen, "
    "de openingstijden, de website, de postcode en de plaats"
)
# What goes: the owner's own words and pictures, and what reaches or locates them (a small
# business's phone, e-mail and address are often the owner's own; a sole trader's KvK number
# leads to a person).
ERASED = {
    "story": "",
    "email": "",
    "phone": "",
    "street": "",
    "house_number": None,
    "house_number_addition": "",
    "latitude": None,
    "longitude": None,
    "kvk_number": "",
    "stories": [],
    "links": [],
}


def business_export(business, files):
    status, _comment, _edit_waiting = ownership.owner_status(business)
    return {
        "name": business.name,
        "status": status,
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
        "products": sorted(tag.name for tag in business.products.all()),
        "opening_hours": [
            {"weekday": h.weekday, "opens": h.opens.isoformat(), "closes": h.closes.isoformat()}
            for h in business.opening_hours.all()
        ],
        "links": [{"service": link.service, "url": link.url} for link in business.links.all()],
        "photos": [
            photo_export(files, p.image_id, p.alt_text, p.caption) for p in business.photos.all()
        ],
        "created_at": business.created_at.isoformat(),
        "updated_at": business.updated_at.isoformat(),
    }


def photo_export(files, image_id, alt_text, caption=""):
    """A photo as the export describes it; the file is in the download when the person uploaded
    it (`files`: image id -> its name there)."""
    return {"file": files.get(image_id), "alt_text": alt_text, "caption": caption}


@personal_data(section="businesses")
class BusinessData:
    @staticmethod
    def export(user):
        businesses = (
            Business.objects.filter(owner=user).select_related("neighbourhood").order_by("name")
        )
        files = {
            image.pk: photo_file_name(image)
            for image in get_image_model().objects.filter(uploaded_by_user=user)
        }
        return {
            "businesses": [business_export(b, files) for b in businesses],
            "profiles_in_progress": [
                {
                    "business": d.business_id,
                    "data": {step: values for step, values in d.data.items() if step != "fotos"},
                    "photos": [
                        photo_export(files, p["image"], p["alt_text"], p.get("caption", ""))
                        for p in photos.photos_of(d)
                    ],
                    "updated_at": d.updated_at.isoformat(),
                }
                for d in ProfileDraft.objects.filter(owner=user)
            ],
            # The claims as the person made them; the staff's reasons are the staff's words.
            # A document sent with a claim is the person's own file: the export says whether
            # the portal still holds it (until staff decide), not its content.
            "claims": [
                {
                    "business": c.business.name,
                    "kvk_number": c.kvk_number,
                    "message": c.message,
                    "verification": c.verification,
                    "code_sent_to": c.code_sent_to,
                    "email_verified_at": c.email_verified_at and c.email_verified_at.isoformat(),
                    "document_held": bool(c.document),
                    "status": c.status,
                    "created_at": c.created_at.isoformat(),
                }
                for c in ClaimRequest.objects.filter(user=user).select_related("business")
            ],
        }

    @staticmethod
    def kept(user):
        # The name in its own direction, as everywhere a name people typed is shown.
        return [
            format_html(
                _("Van {name} bewaart de gemeente {kept}. Het profiel staat offline."),
                name=bdi(business.name),
                kept=KEPT,
            )
            for business in Business.objects.filter(owner=user, first_published_at__isnull=False)
        ]

    @staticmethod
    def erase(user, request):
        # Photos in drafts and profiles that the person did not upload are not theirs to take.
        own_photos = set(
            get_image_model().objects.filter(uploaded_by_user=user).values_list("pk", flat=True)
        )
        ProfileDraft.objects.filter(owner=user).delete()
        ClaimRequest.objects.filter(user=user).delete()  # with their documents (post_delete)
        for business in Business.objects.filter(owner=user):
            if business.first_published_at is None:
                business.delete()  # with its revisions
                continue
            hand_to_staff(business, own_photos)
        photos.delete_unused_images(own_photos, user)


def hand_to_staff(business, own_photos):
    """Take a published profile offline, without an owner and without what leads to the
    owner (in the profile and in all its revisions, with the photos they uploaded: the ids
    `own_photos`), and say so in Wagtail's log."""
    state = drafts.workflow_state_of(business)
    if state and state.status in (state.STATUS_IN_PROGRESS, state.STATUS_NEEDS_CHANGES):
        state.cancel(user=None)
    if business.live:
        business.unpublish(user=None, log_action=True)
    scrub_revisions(
        business,
        ERASED,
        photos=lambda photos: [p for p in photos if p.get("image") not in own_photos],
    )
    business.refresh_from_db()
    for field, value in ERASED.items():
        setattr(business, field, value)
    business.photos = [p for p in business.photos.all() if p.image_id not in own_photos]
    business.owner = None
    business.save()
    # The account is about to go, so the entry names no user.
    log(business, HANDED_TO_STAFF)
