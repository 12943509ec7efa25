""" "Dit is mijn bedrijf": a signed-in person claims an existing listing and proves it.

Proof is what only the business has, never what the profile shows (its KvK number is public):

- a one-time code sent to the e-mail address the listing shows; the claimant types it back
  here (6 digits, kept as an HMAC, valid ClaimRequest.CODE_VALID, CODE_ATTEMPTS tries, sending
  rate-limited per account and per listing);
- where the listing has no e-mail address, or the claimant cannot read it, a document (a KvK
  extract, PDF or image), kept in private storage for staff (businesses.admin.claims.claim_document).

Either way staff decide (Ondernemers → Claims, and the dashboard). One URL per listing: it shows
the start, then the code, until the claim is with staff.
"""

import io
import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited
from PIL import Image, UnidentifiedImageError

from businesses import consent
from businesses.fields import KvKNumberField, KvKNumberFormField
from businesses.models import Business, ClaimRequest
from businesses.notifications import notify_moderators_of_claim, send_claim_code
from businesses.validators import validate_kvk_number
from home.forms import NoBidiControlsMixin, SpamProtectedForm

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# What a document may be, recognised by its first bytes (whatever its name says).
DOCUMENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def sniff_document(data):
    """The document's type ("pdf", "jpg", "png") from its content, or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff"):
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
                return {"PNG": "png", "JPEG": "jpg"}.get(image.format)
        except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
            return None
    return None


class DocumentField(forms.FileField):
    widget = forms.FileInput(attrs={"accept": DOCUMENT_ACCEPT})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is %(size)s MB. Een document mag hoogstens 5 MB zijn."),
                code="too_large",
                params={"size": f"{upload.size / 1024 / 1024:.1f}"},
            )
        upload.seek(0)
        kind = sniff_document(upload.read())
        upload.seek(0)
        if kind is None:
            raise forms.ValidationError(
                _("Dit bestand kunnen we niet lezen. Kies een PDF, JPEG of PNG."),
                code="wrong_type",
            )
        upload.name = f"document.{kind}"  # the stored name is random (claim_document_name)
        return upload


def document_field(required):
    return DocumentField(
        label=gettext_lazy("Uittreksel uit het Handelsregister"),
        required=required,
        error_messages={"required": gettext_lazy("Kies het bestand met het uittreksel.")},
        help_text=gettext_lazy(
            "Een PDF of foto (JPEG, PNG) van hoogstens 5 MB, waarop je naam en het bedrijf "
            "staan. Alleen medewerkers van de gemeente zien het; na hun besluit verwijderen we het."
        ),
    )


class ClaimForm(SpamProtectedForm):
    kvk_number = KvKNumberFormField(
        label=gettext_lazy("KvK-nummer van het bedrijf"),
        required=False,
        max_length=KvKNumberField.TYPED_LENGTH,  # "1234 5678" fits; stored as 8 digits
        validators=[validate_kvk_number],
        help_text=gettext_lazy("8 cijfers. Handig voor de gemeente, maar geen bewijs."),
    )
    message = forms.CharField(
        label=gettext_lazy("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Bijvoorbeeld: sinds wanneer je eigenaar bent."),
    )
    document = document_field(required=True)
    consent = forms.BooleanField(label=consent.CLAIM.text)

    def __init__(self, *args, needs_document=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_document:
            del self.fields["document"]


class CodeForm(NoBidiControlsMixin, forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code uit de e-mail"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "dir": "ltr"}
        ),
        help_text=gettext_lazy("6 cijfers."),
    )

    def clean_code(self):
        digits = re.sub(r"[\s.-]", "", self.cleaned_data["code"])
        if not re.fullmatch(rf"\d{{{ClaimRequest.CODE_DIGITS}}}", digits):
            raise forms.ValidationError(_("Vul de 6 cijfers uit de e-mail in."), code="not_a_code")
        return digits


class DocumentForm(forms.Form):
    document = document_field(required=True)


def masked(address):
    """b***@example.nl: enough to recognise one's own address, not to learn someone else's."""
    if not address:
        return ""
    local, _at, domain = address.rpartition("@")
    return f"{local[:1]}***@{domain}"


def code_problem(result, claim):
    if result == "expired":
        return _("Deze code is verlopen. Vraag hieronder een nieuwe code aan.")
    if result == "too_many" or claim.attempts_left == 0:
        return _("Je hebt de code te vaak verkeerd ingevuld. Vraag hieronder een nieuwe code aan.")
    return ngettext(
        "Deze code klopt niet. Je kunt het nog %(count)s keer proberen.",
        "Deze code klopt niet. Je kunt het nog %(count)s keer proberen.",
        claim.attempts_left,
    ) % {"count": claim.attempts_left}


def send_code(request, claim):
    """Send a new code to the listing's address; False (and nothing sent) when the account or
    the listing has had many codes lately."""
    business = claim.business
    too_many = is_ratelimited(
        request, group="claim-code", key="user", rate="5/h", increment=True
    ) or is_ratelimited(
        request,
        group="claim-code-listing",
        key=lambda _group, _request: str(business.pk),
        rate="10/d",
        increment=True,
    )
    if too_many:
        return False
    code = claim.new_code(business.email)
    send_claim_code(claim, code)
    return True


def with_staff(request, claim, text):
    notify_moderators_of_claim(claim)
    messages.success(request, text)
    return redirect("my_businesses")


@never_cache
@login_required
def claim_business(request, business_id):
    business = get_object_or_404(Business, pk=business_id, live=True)
    if business.owner_id == request.user.pk:
        messages.info(request, _("Dit bedrijf staat al op jouw naam."))
        return redirect("my_businesses")
    claim = ClaimRequest.objects.filter(
        business=business, user=request.user, status=ClaimRequest.Status.PENDING
    ).first()
    if claim is None:
        return start_claim(request, business)
    if claim.submitted_at:
        messages.info(request, _("Je claim op dit bedrijf wordt al behandeld."))
        return redirect("my_businesses")
    claim.business = business
    return verify_claim(request, claim)


def start_claim(request, business):
    needs_document = not business.email
    post = request.method == "POST"
    form = ClaimForm(
        request.POST if post else None,
        request.FILES if post else None,
        needs_document=needs_document,
    )
    if post and form.is_valid():
        if is_ratelimited(request, group="business-claim", key="user", rate="5/d", increment=True):
            form.add_error(None, _("Je hebt al veel claims gedaan. Probeer het morgen opnieuw."))
        else:
            try:
                with transaction.atomic():
                    claim = ClaimRequest.objects.create(
                        business=business, user=request.user,
                        kvk_number=form.cleaned_data["kvk_number"], message=form.cleaned_data["message"],
                    )  # fmt: skip
                    consent.CLAIM.record(request.user)
            except IntegrityError:
                messages.info(request, _("Je claim op dit bedrijf wordt al behandeld."))
                return redirect("my_businesses")
            if needs_document:
                claim.attach_document(form.cleaned_data["document"])
                return with_staff(
                    request,
                    claim,
                    _(
                        "Je claim en je document zijn verstuurd. Je krijgt bericht zodra de "
                        "gemeente ze heeft bekeken."
                    ),
                )
            if not send_code(request, claim):
                messages.error(
                    request,
                    _("Er zijn al veel codes gestuurd. Vraag over een uur een nieuwe code aan."),
                )
            return redirect("business_claim", business_id=business.pk)
    if form.is_bound and not form.is_valid():
        form.refresh_timestamp()
    return render(
        request,
        "businesses/selfservice/claim.html",
        {
            "form": form,
            "business": business,
            "needs_document": needs_document,
            "masked_email": masked(business.email) if business.email else "",
            "page_title": _("Dit is mijn bedrijf"),
        },
    )


def verify_claim(request, claim):
    """The claim is made; the code (or a document instead) is what is missing."""
    business = claim.business
    code_form, document_form = CodeForm(), DocumentForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "resend":
            if not business.email:
                messages.error(request, _("Dit profiel heeft geen e-mailadres meer."))
            elif send_code(request, claim):
                messages.success(
                    request,
                    _("We hebben een nieuwe code gestuurd naar %(address)s.")
                    % {"address": masked(business.email)},
                )
            else:
                messages.error(
                    request,
                    _(
                        "Je hebt al veel codes gevraagd. Probeer het over een uur opnieuw, of "
                        "stuur een document."
                    ),
                )
            return redirect("business_claim", business_id=business.pk)
        if action == "document":
            document_form = DocumentForm(request.POST, request.FILES)
            if document_form.is_valid():
                claim.attach_document(document_form.cleaned_data["document"])
                return with_staff(
                    request,
                    claim,
                    _(
                        "Je document is verstuurd. Je krijgt bericht zodra de gemeente het heeft "
                        "bekeken."
                    ),
                )
        else:
            code_form = CodeForm(request.POST)
            if code_form.is_valid():
                result = claim.check_code(code_form.cleaned_data["code"])
                if result == "ok":
                    return with_staff(
                        request,
                        claim,
                        _(
                            "Gelukt: de code klopt. Een medewerker van de gemeente bekijkt je "
                            "claim en laat je per e-mail weten of het gelukt is."
                        ),
                    )
                code_form.add_error("code", code_problem(result, claim))
    return render(
        request,
        "businesses/selfservice/claim_verify.html",
        {
            "claim": claim,
            "business": business,
            "code_form": code_form,
            "document_form": document_form,
            "code_sent": bool(claim.code_sent_at),
            "masked_email": masked(claim.code_sent_to or business.email or ""),
            "can_send": bool(business.email),
            "page_title": _("Bevestig dat het jouw bedrijf is"),
        },
    )
