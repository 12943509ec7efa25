"""The photos of a profile in progress: added to the draft, counted against the owner's quota,
and deleted when nothing uses them any more."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Sum
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex, Revision

from businesses.models import Business, BusinessPhoto, ProfileDraft

# What one person can make the portal keep before a moderator has looked: photos uploaded, all
# together (checked by the photo step).
MAX_STORED_BYTES = 100 * 1024 * 1024


def photos_of(draft):
    return draft.data.get("fotos", {}).get("photos", [])


def add_photo(draft, user, cleaned):
    Image = get_image_model()
    upload = cleaned["clean_photo"]
    image = Image(
        title=cleaned["alt_text"][:100], file=upload, uploaded_by_user=user, file_size=upload.size
    )
    image._set_file_hash()
    image.save()
    photos = photos_of(draft)
    photos.append(
        {"image": image.pk, "alt_text": cleaned["alt_text"], "caption": cleaned.get("caption", "")}
    )
    draft.data.setdefault("fotos", {})["photos"] = photos
    draft.save()


def stored_bytes(user):
    """The size of every photo `user` has uploaded and not removed (checked against the quota)."""
    images = get_image_model().objects.filter(uploaded_by_user=user)
    return images.aggregate(total=Sum("file_size"))["total"] or 0


def remove_photo(draft, image_id):
    """Take a photo out of this draft; its file goes too when it is the draft's own (see
    delete_unused_images). An id that is not in the draft changes nothing."""
    photos = photos_of(draft)
    if image_id not in {p["image"] for p in photos}:
        return
    draft.data["fotos"]["photos"] = [p for p in photos if p["image"] != image_id]
    draft.save()
    delete_unused_images([image_id], draft.owner)


def delete_unused_images(image_ids, owner):
    """Delete the photos among `image_ids` that `owner` uploaded and that nothing else uses.

    Ids come from the request or from drafts, so each one is checked: uploaded by this owner
    (never the site's logo, a page's picture or someone else's photo), in no business (live
    rows and the revisions this owner submitted, which wait for a moderator) and in no other
    draft, and referenced by nothing in Wagtail's reference index (pages, settings, snippets).
    """
    candidates = set(
        get_image_model()
        .objects.filter(pk__in=image_ids, uploaded_by_user=owner)
        .values_list("pk", flat=True)
    )
    if not candidates:
        return
    in_use = set(
        BusinessPhoto.objects.filter(image_id__in=candidates).values_list("image_id", flat=True)
    )
    in_use |= {p["image"] for d in ProfileDraft.objects.filter(owner=owner) for p in photos_of(d)}
    submitted = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Business), user=owner
    )
    in_use |= {
        photo.get("image") for content in submitted.values_list("content", flat=True)
        for photo in (content or {}).get("photos", [])
    }  # fmt: skip
    referenced = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
        to_object_id__in=[str(pk) for pk in candidates],
    )
    in_use |= {int(pk) for pk in referenced.values_list("to_object_id", flat=True)}
    get_image_model().objects.filter(pk__in=candidates - in_use).delete()
