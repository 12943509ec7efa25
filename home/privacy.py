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

from portal.registry import Registry

_sections = Registry()


def personal_data(section):
    return _sections.add(section)


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
    """Where the photo `image` is in the person's download (see home.accounts.views)."""
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


class ConsentText:
    """A text a person agrees to, for one purpose. Each app declares its own (businesses/
    consent.py, programmes/mentoring/consent.py); the form shows `text` as the checkbox's label
    and `record(user)` keeps which words were agreed to, and when."""

    def __init__(self, purpose, text):
        self.purpose = purpose
        self.text = text

    def record(self, user):
        from home.models import Consent

        return Consent.objects.create(user=user, purpose=self.purpose, text=str(self.text))
