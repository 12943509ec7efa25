"""The entrepreneur's side of a profile: the steps of the form, how a half-finished profile is
kept (ProfileDraft.data, JSON), how it becomes a revision in moderation, and its status."""

import re
from dataclasses import dataclass
from datetime import time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from businesses import selfservice_forms as forms
from businesses.models import Business, BusinessPhoto, BusinessStory, OpeningHours
from home.privacy import record_consent


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    required: bool = True


STEPS = [
    Step("basis", _("Over je bedrijf"), forms.BasicsForm),
    Step("adres", _("Adres"), forms.AddressForm),
    Step("openingstijden", _("Openingstijden"), forms.HoursForm),
    Step("sector-talen", _("Sector en talen"), forms.SectorLanguageForm),
    Step("fotos", _("Foto's"), forms.PhotoForm, required=False),
    Step("verhaal", _("Jouw verhaal"), forms.StoryForm, required=False),
    Step("indienen", _("Controleren en indienen"), forms.SubmitForm),
]
STEP_SLUGS = [step.slug for step in STEPS]


def get_step(slug):
    return next((step for step in STEPS if step.slug == slug), None)


def neighbours(slug):
    index = STEP_SLUGS.index(slug)
    previous = STEPS[index - 1] if index else None
    following = STEPS[index + 1] if index + 1 < len(STEPS) else None
    return previous, following


# Serialising form data into the draft ----------------------------------------------------------


def to_json(value):
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "model") and hasattr(value, "values_list"):  # a queryset
        return list(value.values_list("pk", flat=True))
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if value is None or isinstance(value, (str, int, bool, float)):
        return value
    return str(value)  # phone numbers, decimals


def store_step(draft, step, form):
    data = {
        name: to_json(value)
        for name, value in form.cleaned_data.items()
        if name not in ("photo", "clean_photo")
    }
    draft.data[step.slug] = data
    draft.data.get("_unsaved", {}).pop(step.slug, None)
    draft.save()


def store_unsaved(draft, step, post):
    """Keep what was typed in a step that does not validate yet, when going back."""
    draft.data.setdefault("_unsaved", {})[step.slug] = {
        key: post.getlist(key) for key in post if key not in ("csrfmiddlewaretoken", "direction")
    }
    draft.save()


def unsaved_data(draft, step):
    from django.http import QueryDict

    stored = draft.data.get("_unsaved", {}).get(step.slug)
    if stored is None:
        return None
    data = QueryDict(mutable=True)
    for key, values in stored.items():
        data.setlist(key, values)
    return data


def bound_form(draft, step, data=None, files=None):
    """The step's form: bound to posted data, or filled with what the draft already holds."""
    kwargs = {}
    if step.form_class in (forms.BasicsForm, forms.AddressForm):
        kwargs["instance"] = draft.business or Business()
    if step.form_class is forms.PhotoForm:
        kwargs["photo_count"] = len(photos_of(draft))
    if data is not None:
        return step.form_class(data, files, **kwargs)
    if unsaved := unsaved_data(draft, step):
        return step.form_class(unsaved, **kwargs)
    return step.form_class(initial=draft.data.get(step.slug, {}), **kwargs)


def stored_form(draft, step):
    """The step's form bound to the stored data, to validate it again before submission."""
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, value in draft.data.get(step.slug, {}).items():
        if isinstance(value, list):
            data.setlist(key, [str(v) for v in value])
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = str(value)
    return bound_form(draft, step, data)


def photos_of(draft):
    return draft.data.get("fotos", {}).get("photos", [])


def add_photo(draft, user, cleaned):
    Image = get_image_model()
    image = Image(
        title=cleaned["alt_text"][:100], file=cleaned["clean_photo"], uploaded_by_user=user
    )
    image._set_file_hash()
    image.save()
    photos = photos_of(draft)
    photos.append(
        {"image": image.pk, "alt_text": cleaned["alt_text"], "caption": cleaned.get("caption", "")}
    )
    draft.data.setdefault("fotos", {})["photos"] = photos
    draft.save()


def remove_photo(draft, image_id):
    photos = [p for p in photos_of(draft) if p["image"] != image_id]
    draft.data.setdefault("fotos", {})["photos"] = photos
    draft.save()
    delete_unused_images([image_id])


def delete_unused_images(image_ids):
    """Uploaded photos that no business and no draft uses any more are removed."""
    from businesses.models import ProfileDraft

    in_drafts = {p["image"] for d in ProfileDraft.objects.all() for p in photos_of(d)}
    used = set(
        BusinessPhoto.objects.filter(image_id__in=image_ids).values_list("image_id", flat=True)
    )
    get_image_model().objects.filter(pk__in=set(image_ids) - used - in_drafts).delete()


# From business to draft and back --------------------------------------------------------------


def story_to_text(html):
    paragraphs = re.split(r"</p>\s*<p[^>]*>|<br\s*/?>", html or "")
    return "\n\n".join(strip_tags(p).strip() for p in paragraphs if strip_tags(p).strip())


def text_to_story(text):
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join("<p>{}</p>".format(escape(p).replace("\n", "<br/>")) for p in paragraphs)


def draft_data_from(business):
    """The draft data that describes a business as it is now (its latest revision)."""
    hours = {}
    for day in range(7):
        ranges = [h for h in business.opening_hours.all() if h.weekday == day][:2]
        hours[f"day{day}_closed"] = not ranges
        for number, h in enumerate(ranges, start=1):
            hours[f"day{day}_opens_{number}"] = h.opens.strftime("%H:%M")
            hours[f"day{day}_closes_{number}"] = h.closes.strftime("%H:%M")
    return {
        "basis": {
            "name": business.name, "neighbourhood": business.neighbourhood_id, "tagline": business.tagline,
            "phone": str(business.phone or ""), "email": business.email, "website": business.website,
            "kvk_number": business.kvk_number, "founded_year": business.founded_year,
        },
        "adres": {
            "street": business.street, "house_number": business.house_number,
            "house_number_addition": business.house_number_addition, "postcode": business.postcode,
            "city": business.city,
        },
        "openingstijden": hours,
        "sector-talen": {
            "sectors": [s.pk for s in business.sectors.all()],
            "languages": [language.pk for language in business.languages.all()],
        },
        "fotos": {
            "photos": [
                {"image": p.image_id, "alt_text": p.alt_text, "caption": p.caption} for p in business.photos.all()
            ]
        },
        "verhaal": {
            "story": story_to_text(business.story),
            **{f"story_{s.language}": story_to_text(s.text) for s in business.stories.all()},
            "products": ", ".join(sorted(tag.name for tag in business.products.all())),
        },
    }  # fmt: skip


def latest_version(business):
    revision = business.latest_revision
    return revision.as_object() if revision else business


def incomplete_steps(draft):
    """Required steps whose stored data does not validate (or is missing)."""
    return [
        step
        for step in STEPS[:-1]
        if (step.required or step.slug in draft.data) and not stored_form(draft, step).is_valid()
    ]


def apply_draft(draft, business):
    forms_by_slug = {step.slug: stored_form(draft, step) for step in STEPS[:-1]}
    for form in forms_by_slug.values():
        form.is_valid()
    for form in (forms_by_slug["basis"], forms_by_slug["adres"]):
        for name, value in form.cleaned_data.items():
            setattr(business, name, value)
    business.opening_hours = [
        OpeningHours(weekday=day, opens=opens, closes=closes)
        for day, opens, closes in forms_by_slug["openingstijden"].ranges()
    ]
    business.sectors = list(forms_by_slug["sector-talen"].cleaned_data["sectors"])
    business.languages = list(forms_by_slug["sector-talen"].cleaned_data["languages"])
    business.photos = [
        BusinessPhoto(
            image_id=p["image"], alt_text=p["alt_text"], caption=p.get("caption", ""), sort_order=i
        )
        for i, p in enumerate(photos_of(draft))
    ]
    story_form = forms_by_slug["verhaal"]
    story = story_form.cleaned_data if story_form.is_valid() else {}
    business.story = text_to_story(story.get("story", ""))
    business.stories = [
        BusinessStory(language=code, text=text_to_story(text), sort_order=i)
        for i, (code, text) in enumerate(story_form.stories().items() if story else [])
    ]
    business.products.set(
        [name.strip() for name in story.get("products", "").split(",") if name.strip()][:20]
    )
    return business


def workflow_state_of(business):
    return (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Business),
            object_id=str(business.pk),
        )
        .select_related("current_task_state")
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def submit(draft, user):
    """Turn a complete draft into a revision in moderation; returns the business.

    The draft row is locked and deleted in the same transaction, so a second click on "Indienen"
    finds nothing to submit and creates no second revision.
    """
    from businesses.models import ProfileDraft

    draft = ProfileDraft.objects.select_for_update().filter(pk=draft.pk, owner=user).first()
    if draft is None:
        return None
    if draft.business_id:
        business = apply_draft(draft, latest_version(Business.objects.get(pk=draft.business_id)))
        business.full_clean()
        Business.objects.filter(pk=business.pk).update(declined_at=None)
    else:
        business = apply_draft(draft, Business(owner=user, live=False))
        business.full_clean()
        business.save()
    business.save_revision(user=user, log_action=True)
    state = workflow_state_of(business)
    if state and state.status in (
        WorkflowState.STATUS_IN_PROGRESS,
        WorkflowState.STATUS_NEEDS_CHANGES,
    ):
        state.cancel(user=user)
    record_consent(user, "business_profile")
    draft.delete()
    business.get_workflow().start(business, user)
    return business


# Status, as the entrepreneur sees it -------------------------------------------------------------

STATUS_LABELS = {
    "draft": _("Concept"),
    "submitted": _("Ingediend, wacht op controle"),
    "changes_requested": _("Aanpassen gevraagd"),
    "published": _("Gepubliceerd"),
    "rejected": _("Afgewezen"),
}


def owner_status(business):
    """(status, moderator's comment, whether an edit is waiting) for "Mijn bedrijf"."""
    state = workflow_state_of(business)
    task = state.current_task_state if state else None
    comment = task.comment if task else ""
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ("published", "", True) if business.live else ("submitted", "", False)
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "changes_requested", comment, False
    if business.declined_at and not business.live:
        return "rejected", comment, False
    if business.live:
        declined_edit = bool(
            business.declined_at
            and business.last_published_at
            and business.declined_at > business.last_published_at
        )
        return "published", comment if declined_edit else "", False
    return "draft", "", False
