"""Import and export of businesses as CSV or XLSX, for staff (django-import-export).

One row per business, identified by its neighbourhood and slug. The columns are the same both
ways, so an export can be edited and imported again. The import validates every row with the
model's own validators and reports errors per row and column; a dry run shows what would
change before anything is saved. Imported businesses get a revision, so the history shows the
import; new ones stay drafts unless staff choose to publish.

Text that a spreadsheet program would run as a formula (a name "=HYPERLINK(...)") is exported
with a quote in front (portal.spreadsheets) and imported without it; numbers are exported as
numbers, so an XLSX file has number cells and -5 is never taken for text.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from businesses import hours
from businesses.models import Business, Language, NeighbourhoodPage, OpeningHours, Sector
from businesses.models.business import make_slug
from portal.spreadsheets import neutralise, restore

LIST_SEPARATOR = ","


def split_list(value):
    return [part.strip() for part in str(value or "").split(LIST_SEPARATOR) if part.strip()]


class NeighbourhoodWidget(widgets.Widget):
    """A neighbourhood by the slug of its page in the default language."""

    def clean(self, value, row=None, **kwargs):
        page = NeighbourhoodPage.objects.filter(
            slug=str(value or "").strip(), locale__language_code="nl"
        ).first()
        if page is None:
            raise ValueError(_("Onbekende wijk %(slug)r.") % {"slug": value})
        return page

    def render(self, value, obj=None, **kwargs):
        return value.slug if value else ""


class SlugListWidget(widgets.Widget):
    """A comma-separated list of sector slugs or language codes; unknown ones are errors."""

    def __init__(self, model, field, label):
        super().__init__()
        self.model, self.field, self.label = model, field, label

    def clean(self, value, row=None, **kwargs):
        wanted = split_list(value)
        found = {
            getattr(o, self.field): o
            for o in self.model.objects.filter(**{f"{self.field}__in": wanted})
        }
        unknown = [w for w in wanted if w not in found]
        if unknown:
            raise ValueError(
                _("Onbekende %(label)s: %(values)s.")
                % {"label": self.label, "values": ", ".join(unknown)}
            )
        return [found[w] for w in wanted]

    def render(self, value, obj=None, **kwargs):
        return (
            LIST_SEPARATOR.join(getattr(o, self.field) for o in value.all())
            if value is not None
            else ""
        )


class ClusterField(fields.Field):
    """Sets a value that modelcluster keeps in memory until the business is saved."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        setattr(instance, self.attribute, self.clean(row, **kwargs))


class ProductsField(fields.Field):
    def clean(self, row, **kwargs):
        return split_list(row.get(self.column_name))

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.products.set(self.clean(row, **kwargs))

    def get_value(self, instance):
        return LIST_SEPARATOR.join(sorted(tag.name for tag in instance.products.all()))


class OpeningHoursField(fields.Field):
    """The week in one cell: "ma 09:00-18:00; di 09:00-12:00, 13:00-18:00; zo gesloten"."""

    def clean(self, row, **kwargs):
        try:
            weekly = hours.parse_weekly_text(row.get(self.column_name))
        except hours.HoursFormatError as error:
            raise ValueError(str(error)) from error
        return [
            OpeningHours(weekday=day, opens=r.opens, closes=r.closes)
            for day, ranges in sorted(weekly.items())
            for r in ranges
        ]

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.opening_hours = self.clean(row, **kwargs)

    def get_value(self, instance):
        weekly, _specials = hours.as_schedule(instance)
        return hours.format_weekly_text(weekly)


class BusinessResource(resources.ModelResource):
    neighbourhood = fields.Field("neighbourhood", "wijk", widget=NeighbourhoodWidget())
    slug = fields.Field("slug", "slug")
    name = fields.Field("name", "naam")
    tagline = fields.Field("tagline", "in_een_zin")
    street = fields.Field("street", "straat")
    house_number = fields.Field("house_number", "huisnummer", widget=widgets.IntegerWidget())
    house_number_addition = fields.Field("house_number_addition", "toevoeging")
    postcode = fields.Field("postcode", "postcode")
    city = fields.Field("city", "plaats")
    latitude = fields.Field("latitude", "breedtegraad", widget=widgets.DecimalWidget())
    longitude = fields.Field("longitude", "lengtegraad", widget=widgets.DecimalWidget())
    phone = fields.Field("phone", "telefoon")
    email = fields.Field("email", "email")
    website = fields.Field("website", "website")
    kvk_number = fields.Field("kvk_number", "kvk_nummer")
    founded_year = fields.Field("founded_year", "opgericht", widget=widgets.IntegerWidget())
    sectors = ClusterField(
        "sectors", "sectoren", widget=SlugListWidget(Sector, "slug", _("sector"))
    )
    languages = ClusterField(
        "languages", "talen", widget=SlugListWidget(Language, "code", _("taal"))
    )
    products = ProductsField("products", "producten")
    opening_hours = OpeningHoursField("opening_hours", "openingstijden")
    live = fields.Field("live", "gepubliceerd", readonly=True, widget=widgets.BooleanWidget())

    class Meta:
        model = Business
        import_id_fields = ("neighbourhood", "slug")
        fields = (
            "neighbourhood", "slug", "name", "tagline", "street", "house_number",
            "house_number_addition", "postcode", "city", "latitude", "longitude", "phone",
            "email", "website", "kvk_number", "founded_year", "sectors", "languages",
            "products", "opening_hours", "live",
        )  # fmt: skip
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def __init__(self, user=None, publish=False):
        super().__init__()
        self.user = user
        self.publish = publish

    def get_queryset(self):
        return Business.objects.select_related("neighbourhood").prefetch_related(
            "sectors", "languages", "opening_hours", "special_days", "tagged_items__tag"
        )

    def export_field(self, field, instance, **kwargs):
        if isinstance(field.widget, widgets.NumberWidget):
            kwargs["force_native_type"] = True  # not number_format()'s text
        return neutralise(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        # The quote the export put before text like "=1+2" is not part of the value.
        for column, value in row.items():
            row[column] = restore(value)
        # Empty cells mean "nothing", not None, for text columns.
        for column in (
            "toevoeging",
            "in_een_zin",
            "telefoon",
            "email",
            "website",
            "kvk_nummer",
            "plaats",
        ):
            if column in row and row[column] is None:
                row[column] = ""
        if not row.get("plaats"):
            row["plaats"] = "Utrecht"
        if not row.get("slug") and row.get("naam"):
            row["slug"] = make_slug(row["naam"])

    def init_instance(self, row=None):
        return Business(live=False)

    def get_instance(self, instance_loader, row):
        try:
            neighbourhood = NeighbourhoodWidget().clean(row.get("wijk"))
        except ValueError:
            return None
        return Business.objects.filter(
            neighbourhood=neighbourhood, slug=row.get("slug") or ""
        ).first()

    def do_instance_save(self, instance, is_create):
        # An existing profile changes like an edit in the admin: as a new draft revision, so
        # the live profile only changes when it is published.
        if is_create or self.publish:
            instance.save()

    def save_instance(self, instance, is_create, row, **kwargs):
        with transaction.atomic():
            super().save_instance(instance, is_create, row, **kwargs)
            if self._is_dry_run(kwargs):
                return
            revision = instance.save_revision(user=self.user, log_action=True)
            if self.publish:
                revision.publish(user=self.user)
