"""What the portal holds about a person: export it (GDPR art. 15/20) and erase it (art. 17).

Each app registers what it keeps in its own personal_data.py (found with autodiscover), so the
home app does not need to know the others:

    @personal_data(section="businesses")
    class BusinessData:
        def export(user): ...  -> JSON-serialisable: what the person entered, not what others
                                  wrote about them
        def erase(user, request): ...
        def kept(user): ...    -> (optional) sentences saying what erasure keeps, and why
"""

from django.utils.module_loading import autodiscover_modules
from wagtail.models import Revision

_sections = {}


def personal_data(section):
    def register(cls):
        _sections[section] = cls
        return cls

    return register


def sections():
    autodiscover_modules("personal_data")
    return dict(sorted(_sections.items()))


def export_user(user):
    """Everything held about `user`, as one JSON-serialisable dict."""
    return {name: handler.export(user) for name, handler in sections().items()}


def erase_user(user, request=None):
    """Remove or hand over everything held about `user`; the caller deletes the account."""
    for handler in sections().values():
        handler.erase(user, request)


def photo_file_name(image):
    """Where the photo `image` is in the person's download (see home.account_views)."""
    return f"fotos/{image.pk}.{image.file.name.rsplit('.', 1)[-1]}"


def kept_after_erasure(user):
    """What deleting `user`'s account keeps, in sentences for the person, before and after."""
    return [
        sentence
        for handler in sections().values()
        if hasattr(handler, "kept")
        for sentence in handler.kept(user)
    ]


def scrub_revisions(obj, values, **changes):
    """Erase personal data from every revision of `obj` (a snippet or page with revisions):
    `values` replace fields in each revision's content, `changes` map a field to a function of
    its stored value (to drop some items of a list)."""
    for revision in Revision.objects.for_instance(obj):
        content = {**revision.content, **values}
        for field, change in changes.items():
            content[field] = change(content.get(field) or [])
        revision.content = content
        revision.save(update_fields=["content"])


def consent_text(purpose):
    return CONSENT_TEXTS[purpose]


def record_consent(user, purpose):
    from home.models import Consent

    return Consent.objects.create(user=user, purpose=purpose, text=str(consent_text(purpose)))


def _consent_texts():
    from django.utils.translation import gettext_lazy as _

    return {
        "business_profile": _(
            "Ik geef toestemming om de gegevens van mijn bedrijf op dit portaal te tonen en, zonder "
            "telefoonnummer, e-mailadres, KvK-nummer, verhaal en foto's, als open data te delen. Mijn "
            "naam en e-mailadres gebruikt de gemeente alleen om contact met mij op te nemen over mijn "
            "profiel. Ik kan mijn gegevens altijd downloaden of laten verwijderen."
        ),
        "mentor_request": _(
            "Ik geef toestemming om mijn aanvraag (mijn voornaam, mijn bedrijf en wat ik hierboven schrijf) te "
            "delen met de mentor die de gemeente voorstelt. Mijn e-mailadres krijgt de mentor pas als hij of zij "
            "ja zegt."
        ),
        "business_claim": _(
            "Ik verklaar dat ik eigenaar ben van dit bedrijf of het mag vertegenwoordigen. De gemeente "
            "mag mijn gegevens gebruiken om dit te controleren."
        ),
    }


CONSENT_TEXTS = _consent_texts()
