"""The entrepreneur's side of a profile: the steps of the form, how a half-finished profile is
kept (ProfileDraft.data, JSON), how it becomes a revision in moderation, and its status."""

import re
from dataclasses import dataclass
from datetime import time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _
from phonenumber_field.phonenumber import PhoneNumber
from wagtail.models import WorkflowState

from businesses import consent
from businesses.models import Business, BusinessPhoto, BusinessStory, OpeningHours, ProfileDraft
from businesses.selfservice import forms, location
from businesses.selfservice.photos import photos_of


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    required: bool = True


STEPS = [
    Step("basis", _("Over je bedrijf"), forms.BasicsForm),
    Step("adres", _("Adres"), forms.AddressForm),
    Step("locatie", _("Locatie"), forms.LocationForm, required=False),
    Step("openingstijden", _("Openingstijden"), forms.HoursForm),
    Step("sector-talen", _("Sector en talen"), forms.SectorLanguageForm),
    Step("fotos", _("Foto's"), forms.PhotoForm, required=False),
    Step("verhaal", _("Jouw verhaal"), forms.StoryForm, required=False),
    Step("indienen", _("Controleren en indienen"), forms.SubmitForm),
]
STEP_SLUGS = [step.slug for step in STEPS]


# Quotas per account: what one person can make the portal keep before a moderator has looked.
MAX_OPEN_DRAFTS = 3  # new profiles in progress (an edit of one's own business is one per business)
# What a step keeps of a post that does not validate yet ("back"): its own fields, bounded.
MAX_UNSAVED_VALUES = 50
MAX_UNSAVED_CHARACTERS = 10_000


def drafts_of(user):
    """The profiles in progress `user` may work on: new ones, and edits of businesses that are
    still theirs (a claim that moves a business to someone else ends the former owner's edit)."""
    return ProfileDraft.objects.filter(owner=user).filter(
        Q(business__isnull=True) | Q(business__owner=user)
    )


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
    if isinstance(value, PhoneNumber):
        # As the owner will see it again: "030 123 4567", or "+90 ..." from abroad.
        return value.as_national if value.country_code == 31 else value.as_international
    return str(value)  # decimals


def store_step(draft, step, form):
    data = {
        name: to_json(value)
        for name, value in form.cleaned_data.items()
        if name not in ("photo", "clean_photo")
    }
    draft.data[step.slug] = data
    draft.data.get("_unsaved", {}).pop(step.slug, None)
    draft.save()
    if step.slug == "adres":
        location.address_stored(draft)


def store_unsaved(draft, step, post):
    """Keep what was typed in a step that does not validate yet, when going back: the step's
    own fields only, so a post cannot fill the draft with anything else."""
    fields = bound_form(draft, step).fields
    draft.data.setdefault("_unsaved", {})[step.slug] = {
        key: [value[:MAX_UNSAVED_CHARACTERS] for value in post.getlist(key)[:MAX_UNSAVED_VALUES]]
        for key in post
        if key in fields
    }
    draft.save()


def unsaved_data(draft, step):
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


# From business to draft and back --------------------------------------------------------------


def story_to_text(html):
    paragraphs = re.split(r"</p>\s*<p[^>]*>|<br\s*/?>", html or "")
    return "\n\n".join(strip_tags(p).strip() for p in paragraphs if strip_tags(p).strip())


def text_to_story(text):
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join("<p>{}</p>".format(escape(p).replace("\n", "<br/>")) for p in paragraphs)


def draft_data_from(business):
    """The draft data that describes a business as it is now (its latest revision)."""
    ranges_per_day = {}
    for h in sorted(business.opening_hours.all(), key=lambda h: h.opens):
        ranges_per_day.setdefault(h.weekday, []).append((h.opens, h.closes))
    return {
        "basis": {
            "name": business.name, "neighbourhood": business.neighbourhood_id, "tagline": business.tagline,
            "phone": to_json(business.phone) if business.phone else "", "email": business.email, "website": business.website,
            "kvk_number": business.kvk_number, "founded_year": business.founded_year,
        },
        "adres": {
            "street": business.street, "house_number": business.house_number,
            "house_number_addition": business.house_number_addition, "postcode": business.postcode,
            "city": business.city,
        },
        "locatie": location.location_of_business(business),
        "openingstijden": forms.HoursForm.initial_from(ranges_per_day),
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
    """Put what the draft holds on `business` (in memory; the caller saves). Steps that are not
    complete yet add what is valid in them: the check step shows that before submission."""
    forms_by_slug = {step.slug: stored_form(draft, step) for step in STEPS[:-1]}
    for form in forms_by_slug.values():
        form.is_valid()
    for form in (forms_by_slug["basis"], forms_by_slug["adres"]):
        for name, value in form.cleaned_data.items():
            setattr(business, name, value)
    location.apply_to_business(draft, business)
    business.opening_hours = [
        OpeningHours(weekday=day, opens=opens, closes=closes)
        for day, opens, closes in forms_by_slug["openingstijden"].ranges()
    ]
    business.sectors = list(forms_by_slug["sector-talen"].cleaned_data.get("sectors", []))
    business.languages = list(forms_by_slug["sector-talen"].cleaned_data.get("languages", []))
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
    finds nothing to submit and creates no second revision. A draft of a business that is no
    longer the user's (a claim moved it) is not theirs to submit.
    """
    draft = drafts_of(user).select_for_update(of=("self",)).filter(pk=draft.pk).first()
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
    consent.PROFILE.record(user)
    draft.delete()
    business.get_workflow().start(business, user)
    return business
