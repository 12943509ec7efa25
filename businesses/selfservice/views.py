"""Entrepreneurs' own pages: "Mijn bedrijf" and the step-by-step profile form (claims:
claims.py).

Every view looks things up through the signed-in user, so other people's businesses, drafts,
photos and claims give 404. These pages show personal data: nobody may store them
(`never_cache`: Cache-Control private, no-store).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from businesses import hours
from businesses.models import Business, ClaimRequest, NeighbourhoodPage, ProfileDraft, Sector
from businesses.selfservice import drafts, ownership, photos
from businesses.selfservice import location as pin
from businesses.widgets import DEFAULT_CENTRE


@never_cache
@login_required
def my_businesses(request):
    businesses = list(
        Business.objects.filter(owner=request.user).select_related("neighbourhood").order_by("name")
    )
    rows = []
    for business in businesses:
        status, comment, edit_waiting = ownership.owner_status(business)
        rows.append({
            "business": business, "status": status, "label": ownership.STATUS_LABELS[status],
            "comment": comment, "edit_waiting": edit_waiting,
            "can_edit": status != "rejected",
            "edit_draft": drafts.drafts_of(request.user).filter(business=business).first(),
        })  # fmt: skip
    context = {
        "rows": rows,
        "drafts": ProfileDraft.objects.filter(owner=request.user, business__isnull=True),
        "claims": ClaimRequest.objects.filter(user=request.user).select_related("business"),
        "page_title": _("Mijn bedrijf"),
    }
    return render(request, "businesses/selfservice/my_businesses.html", context)


@login_required
@require_POST
def start_profile(request):
    open_drafts = drafts.drafts_of(request.user).filter(business__isnull=True).count()
    if open_drafts >= drafts.MAX_OPEN_DRAFTS:
        messages.error(
            request,
            _(
                "Je hebt al %(count)s nieuwe profielen in bewerking. Maak er eerst een af of gooi "
                "er een weg."
            )
            % {"count": open_drafts},
        )
        return redirect("my_businesses")
    if is_ratelimited(request, group="profile-start", key="user", rate="10/h", increment=True):
        messages.error(request, _("Je bent al vaak begonnen. Probeer het over een uur opnieuw."))
        return redirect("my_businesses")
    draft = ProfileDraft.objects.create(owner=request.user)
    return to_step(draft, drafts.STEPS[0])


@login_required
@require_POST
def edit_profile(request, business_id):
    business = get_object_or_404(Business, pk=business_id, owner=request.user)
    if ownership.owner_status(business)[0] == "rejected":
        messages.error(request, _("Dit profiel is afgewezen en kan niet meer worden aangepast."))
        return redirect("my_businesses")
    draft = ProfileDraft.objects.filter(owner=request.user, business=business).first()
    if draft is None:
        latest = drafts.latest_version(business)
        draft = ProfileDraft.objects.create(
            owner=request.user, business=business, data=drafts.draft_data_from(latest)
        )
    return to_step(draft, drafts.STEPS[0])


@login_required
@require_POST
def discard_profile(request, draft_id):
    draft = get_object_or_404(drafts.drafts_of(request.user), pk=draft_id)
    image_ids = [p["image"] for p in photos.photos_of(draft)]
    draft.delete()
    photos.delete_unused_images(image_ids, request.user)
    messages.success(request, _("Het concept is weggegooid."))
    return redirect("my_businesses")


@never_cache
@login_required
def profile_step(request, draft_id, step):
    draft = get_object_or_404(drafts.drafts_of(request.user), pk=draft_id)
    current = drafts.get_step(step)
    if current is None:
        return to_step(draft, drafts.STEPS[0])
    previous, following = drafts.neighbours(step)
    if current.slug == "fotos":
        return photo_step(request, draft, current, previous, following)
    if current.slug == "indienen":
        return submit_step(request, draft, current, previous)
    if current.slug == "locatie":
        return location_step(request, draft, current, previous, following)

    if request.method == "POST":
        form = drafts.bound_form(draft, current, request.POST, request.FILES)
        moved = move_on(request, draft, current, (previous, following), form, drafts.store_step)
        if moved is not None:
            return moved
    else:
        form = drafts.bound_form(draft, current)
    return render_step(request, draft, current, previous, form)


def to_step(draft, step):
    return redirect("profile_step", draft_id=draft.pk, step=step.slug)


def move_on(request, draft, current, neighbours, form, store):
    """A posted step: a valid form is stored (`store(draft, current, form)`) and the user goes on,
    or back if asked; going back with a form that is not right yet keeps what was typed. None
    when the form is to be shown again with its errors."""
    previous, following = neighbours
    going_back = request.POST.get("direction") == "back"
    if form.is_valid():
        store(draft, current, form)
        return to_step(draft, previous if going_back else following)
    if going_back:
        # Keep what was typed, even if it is not right yet, and go back as asked.
        drafts.store_unsaved(draft, current, request.POST)
        return to_step(draft, previous)
    return None


def render_step(request, draft, current, previous, form, **extra):
    context = {
        "draft": draft,
        "step": current,
        "steps": drafts.STEPS,
        "step_number": drafts.STEP_SLUGS.index(current.slug) + 1,
        "previous": previous,
        "form": form,
        "page_title": f"{current.title} – {draft.name}",
        "sector_groups": sector_groups(form) if current.slug == "sector-talen" else None,
        **extra,
    }
    return render(
        request, f"businesses/selfservice/step_{current.slug.replace('-', '_')}.html", context
    )


def sector_groups(form):
    """The sector checkboxes grouped under their main sector."""
    by_id = {
        int(
            option.data["value"].value
            if hasattr(option.data["value"], "value")
            else option.data["value"]
        ): option
        for option in form["sectors"]
    }
    groups = []
    for parent in Sector.objects.filter(parent__isnull=True).prefetch_related("children"):
        options = [by_id[child.pk] for child in parent.children.all() if child.pk in by_id]
        if options:
            groups.append({"name": parent.name, "options": options})
    return groups


def photo_step(request, draft, current, previous, following):
    """Photos are added one at a time ("Foto toevoegen"); a photo chosen before "Opslaan en
    verder" is added too, so nothing the user picked is lost."""
    form = drafts.bound_form(draft, current)
    if request.method == "POST":
        if remove := request.POST.get("remove"):
            photos.remove_photo(draft, int(remove) if remove.isdigit() else -1)
            return to_step(draft, current)
        form = drafts.bound_form(draft, current, request.POST, request.FILES)
        adding = "add" in request.POST
        if adding and not request.FILES.get("photo"):
            form.add_error("photo", _("Kies eerst een foto."))
        if request.FILES.get("photo") and (problem := upload_problem(request)):
            form.add_error("photo", problem)
        if form.is_valid():
            if form.cleaned_data.get("clean_photo"):
                photos.add_photo(draft, request.user, form.cleaned_data)
                messages.success(request, _("De foto is toegevoegd."))
            if adding:
                return to_step(draft, current)
            target = previous if request.POST.get("direction") == "back" else following
            return to_step(draft, target)
    images = {
        image.pk: image
        for image in get_image_model().objects.filter(
            pk__in=[p["image"] for p in photos.photos_of(draft)]
        )
    }
    shown = [{**p, "object": images.get(p["image"])} for p in photos.photos_of(draft)]
    return render_step(
        request, draft, current, previous, form, photos=[p for p in shown if p["object"]]
    )


def location_step(request, draft, current, previous, following):
    """The pin, in words and numbers (a map only adds to it): what the address lookup found,
    which the owner may correct, look up again, or call wrong (staff then place it)."""
    location = pin.draft_location(draft)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "lookup":
            pin.lookup_again(draft)
            return to_step(draft, current)
        if action == "wrong":
            pin.store_location(draft, pin.pin_is_wrong(location))
            messages.info(request, _("Een medewerker van de gemeente zet je bedrijf op de kaart."))
            return to_step(draft, following)
        form = drafts.bound_form(draft, current, request.POST)

        def store_corrected(draft, current, form):
            latitude, longitude = form.cleaned_data["latitude"], form.cleaned_data["longitude"]
            pin.store_location(draft, pin.corrected(location, latitude, longitude))

        moved = move_on(request, draft, current, (previous, following), form, store_corrected)
        if moved is not None:
            return moved
    else:
        form = drafts.bound_form(draft, current)
    return render_step(
        request, draft, current, previous, form,
        location=location, has_address="adres" in draft.data, map_tiles=settings.PORTAL_MAP_TILE_URL,
        map_centre="{},{}".format(*DEFAULT_CENTRE),
    )  # fmt: skip


def upload_problem(request):
    """Why this account may not upload another photo now, or None."""
    upload = request.FILES["photo"]
    if photos.stored_bytes(request.user) + upload.size > photos.MAX_STORED_BYTES:
        return _(
            "Je hebt samen al veel foto's opgeslagen (hoogstens %(megabytes)s MB). Verwijder eerst "
            "een foto die je niet meer nodig hebt."
        ) % {"megabytes": photos.MAX_STORED_BYTES // (1024 * 1024)}
    if is_ratelimited(request, group="photo-upload", key="user", rate="30/h", increment=True):
        return _("Je hebt het afgelopen uur veel foto's toegevoegd. Probeer het later opnieuw.")
    return None


@never_cache
@login_required
def draft_photo(request, draft_id, image_id):
    """A photo of a profile in progress, for its owner and for staff who may use the image
    library: drafts are not public, so their photos are not linked by their media address
    (which is a random name, never shown)."""
    images = policy_registry.get_by_type(get_image_model())
    if images.user_has_permission(request.user, "choose"):
        visible = ProfileDraft.objects.all()
    else:
        visible = drafts.drafts_of(request.user)
    draft = get_object_or_404(visible, pk=draft_id)
    if image_id not in {p["image"] for p in photos.photos_of(draft)}:
        raise Http404
    image = get_object_or_404(get_image_model(), pk=image_id)
    rendition = image.get_rendition("fill-320x240")
    return FileResponse(rendition.file.open("rb"))


def submit_step(request, draft, current, previous):
    form = current.form_class(request.POST if request.method == "POST" else None)
    incomplete = drafts.incomplete_steps(draft)
    if request.method == "POST" and form.is_valid() and not incomplete:
        if is_ratelimited(request, group="profile-submit", key="user", rate="10/h", increment=True):
            form.add_error(
                None, _("Je hebt vandaag al veel ingediend. Probeer het over een uur opnieuw.")
            )
        else:
            business = drafts.submit(draft, request.user)
            if business is None:
                messages.info(request, _("Dit profiel was al ingediend."))
            else:
                messages.success(
                    request,
                    _(
                        "Dank je wel! Je profiel is ingediend. Een medewerker van de gemeente kijkt ernaar."
                    ),
                )
            return redirect("my_businesses")
    # The profile as it will be published, built in memory from the draft and shown with the
    # public page's own formatting (address, phone, hours).
    preview = drafts.apply_draft(draft, Business(owner=request.user))
    return render_step(
        request, draft, current, previous, form,
        incomplete=incomplete, preview=preview, photos=photos.photos_of(draft),
        week=hours.week_table(*preview.schedule()),
        neighbourhood=NeighbourhoodPage.objects.filter(pk=draft.data.get("basis", {}).get("neighbourhood")).first(),
    )  # fmt: skip
