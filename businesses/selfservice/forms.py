"""The steps of "create or edit my profile", each a small form in plain language."""

from decimal import Decimal

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from businesses import consent
from businesses.hours import WEEKDAYS
from businesses.models import Business, Language, NeighbourhoodPage, Sector
from businesses.models.business import story_languages
from businesses.validators import validate_latitude, validate_longitude
from home.forms import NamesChoiceField, NoBidiControlsMixin, PublicModelForm
from home.uploads import clean_photo

MAX_PHOTOS = 8


class BasicsForm(PublicModelForm):
    class Meta(PublicModelForm.Meta):
        model = Business
        fields = [
            "name",
            "neighbourhood",
            "tagline",
            "phone",
            "email",
            "website",
            "kvk_number",
            "founded_year",
        ]
        labels = {
            "name": _("Naam van je bedrijf"),
            "neighbourhood": _("In welke wijk zit je bedrijf?"),
            "tagline": _("Je bedrijf in één zin"),
        }
        help_texts = {
            "phone": _("Bijvoorbeeld: 030 123 45 67 of 06 12345678."),
            "website": _("Begint met https://"),
            "kvk_number": _("8 cijfers. Staat op je inschrijving bij de Kamer van Koophandel."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = (
            NeighbourhoodPage.objects.live().filter(locale__language_code="nl").order_by("title")
        )
        self.fields["neighbourhood"].empty_label = _("Kies een wijk")


class AddressForm(PublicModelForm):
    class Meta(PublicModelForm.Meta):
        model = Business
        fields = ["street", "house_number", "house_number_addition", "postcode", "city"]
        help_texts = {"postcode": _("Vier cijfers en twee letters, zoals 3531 AB.")}


class CoordinateField(forms.DecimalField):
    """A coordinate as people type it: "52,0912" or "52.0912", kept to six decimals."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            max_digits=12,
            widget=forms.TextInput(
                attrs={"inputmode": "decimal", "autocomplete": "off", "dir": "ltr"}
            ),
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        number = super().to_python(value)
        return number.quantize(Decimal("0.000001")) if number is not None else None


class LocationForm(NoBidiControlsMixin, forms.Form):
    """Where the pin goes: what the address lookup found, or what the owner types instead.
    The step's page shows the address found and the coordinates in words (no map needed)."""

    latitude = CoordinateField(
        label=_("Breedtegraad (noorderbreedte)"),
        validators=[validate_latitude],
        help_text=_("Bijvoorbeeld 52,0912. In Utrecht begint die met 52."),
    )
    longitude = CoordinateField(
        label=_("Lengtegraad (oosterlengte)"),
        validators=[validate_longitude],
        help_text=_("Bijvoorbeeld 5,1041. In Utrecht begint die met 5."),
    )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None) and not (
            self.errors
        ):
            raise forms.ValidationError(_("Vul beide coördinaten in, of geen van beide."))
        return cleaned


class HoursForm(NoBidiControlsMixin, forms.Form):
    """Per day: closed, the same as the day before, or open in one or two time ranges (the
    second for a lunch break). A new profile starts with Tuesday to Friday like Monday, so a
    shop with regular hours fills in one day."""

    NEW_PROFILE_SAME_DAYS = (1, 2, 3, 4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.initial:
            self.initial = {f"day{day}_same": True for day in self.NEW_PROFILE_SAME_DAYS}
        for day, _day_name in WEEKDAYS:
            self.fields[f"day{day}_closed"] = forms.BooleanField(
                label=_("Gesloten"), required=False
            )
            if day:
                self.fields[f"day{day}_same"] = forms.BooleanField(
                    label=_("Zelfde tijden als %(day)s") % {"day": WEEKDAYS[day - 1][1]},
                    required=False,
                )
            for part, label in (
                ("opens_1", _("Open van")),
                ("closes_1", _("tot")),
                ("opens_2", _("en van")),
                ("closes_2", _("tot")),
            ):
                self.fields[f"day{day}_{part}"] = forms.TimeField(
                    label=label,
                    required=False,
                    widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                )

    def days(self):
        """The fields grouped per day, for the template."""
        return [
            {
                "name": name,
                "closed": self[f"day{day}_closed"],
                "same": self[f"day{day}_same"] if day else None,
                "first": (self[f"day{day}_opens_1"], self[f"day{day}_closes_1"]),
                "second": (self[f"day{day}_opens_2"], self[f"day{day}_closes_2"]),
                "has_second": bool(
                    self[f"day{day}_opens_2"].value() or self[f"day{day}_closes_2"].value()
                ),
            }
            for day, name in WEEKDAYS
        ]

    def clean(self):
        cleaned = super().clean()
        for day, name in WEEKDAYS:
            if cleaned.get(f"day{day}_closed") or cleaned.get(f"day{day}_same"):
                continue
            ranges = [
                (cleaned.get(f"day{day}_opens_{n}"), cleaned.get(f"day{day}_closes_{n}"))
                for n in (1, 2)
            ]
            for number, (opens, closes) in enumerate(ranges, start=1):
                if (opens is None) != (closes is None):
                    missing = (
                        f"day{day}_closes_{number}"
                        if closes is None
                        else f"day{day}_opens_{number}"
                    )
                    self.add_error(
                        missing, _("Vul voor %(day)s een begin- én eindtijd in.") % {"day": name}
                    )
            if ranges[0] == (None, None) and ranges[1] == (None, None):
                self.add_error(
                    f"day{day}_opens_1",
                    _("Vul tijden in voor %(day)s, of vink 'Gesloten' aan.") % {"day": name},
                )
        return cleaned

    def ranges(self):
        """[(weekday, opens, closes)] from valid data; a day "the same" copies the day before."""
        result = []
        previous = []
        for day, _name in WEEKDAYS:
            if self.cleaned_data.get(f"day{day}_closed"):
                today = []
            elif self.cleaned_data.get(f"day{day}_same"):
                today = previous
            else:
                today = []
                for number in (1, 2):
                    opens = self.cleaned_data.get(f"day{day}_opens_{number}")
                    closes = self.cleaned_data.get(f"day{day}_closes_{number}")
                    if opens is not None and closes is not None:
                        today.append((opens, closes))
            result.extend((day, opens, closes) for opens, closes in today)
            previous = today
        return result

    @staticmethod
    def initial_from(ranges_per_day):
        """The form's data for hours already published: {weekday: [(opens, closes)]}."""
        data = {}
        for day, _name in WEEKDAYS:
            ranges = ranges_per_day.get(day, [])[:2]
            if day and ranges and ranges == ranges_per_day.get(day - 1, [])[:2]:
                data[f"day{day}_same"] = True
            data[f"day{day}_closed"] = not ranges
            for number, (opens, closes) in enumerate(ranges, start=1):
                data[f"day{day}_opens_{number}"] = opens.strftime("%H:%M")
                data[f"day{day}_closes_{number}"] = closes.strftime("%H:%M")
        return data


class SectorLanguageForm(NoBidiControlsMixin, forms.Form):
    sectors = NamesChoiceField(
        label=_("Wat voor bedrijf heb je?"),
        queryset=Sector.objects.filter(parent__isnull=False).select_related("parent"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies er hoogstens drie."),
        error_messages={"required": _("Kies minstens één soort bedrijf.")},
    )
    languages = NamesChoiceField(
        label=_("Welke talen spreken jullie met klanten?"),
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één taal.")},
    )

    def clean_sectors(self):
        sectors = self.cleaned_data["sectors"]
        if len(sectors) > 3:
            raise forms.ValidationError(_("Kies hoogstens drie soorten."))
        return sectors


class PhotoForm(NoBidiControlsMixin, forms.Form):
    """Add one photo at a time; each needs a description for people who cannot see it."""

    photo = forms.FileField(
        label=_("Kies een foto"),
        required=False,
        help_text=_("JPEG, PNG of WebP, hoogstens 10 MB. We halen de locatiegegevens uit de foto."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("Wat staat er op de foto?"),
        required=False,
        max_length=200,
        help_text=_("Voor wie de foto niet kan zien. Bijvoorbeeld: de etalage met verse baklava."),
    )
    caption = forms.CharField(label=_("Onderschrift"), required=False, max_length=200)

    def __init__(self, *args, photo_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_count = photo_count

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("photo")
        if upload:
            if self.photo_count >= MAX_PHOTOS:
                self.add_error(
                    "photo",
                    _("Je kunt hoogstens %(count)s foto's toevoegen.") % {"count": MAX_PHOTOS},
                )
            else:
                try:
                    cleaned["clean_photo"] = clean_photo(upload)
                except forms.ValidationError as error:
                    self.add_error("photo", error)
            if not cleaned.get("alt_text"):
                self.add_error("alt_text", _("Beschrijf wat er op de foto staat."))
        return cleaned


class StoryForm(NoBidiControlsMixin, forms.Form):
    story = forms.CharField(
        label=_("Jouw verhaal"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Vertel in je eigen woorden wie je bent en wat je verkoopt. Een lege regel begint een nieuwe alinea."
        ),
    )
    # One more field per language of the site, made below: story_en, story_tr, story_ar.

    products = forms.CharField(
        label=_("Producten en diensten"),
        required=False,
        max_length=500,
        help_text=_("Met komma's ertussen. Bijvoorbeeld: brood, baklava, taarten op bestelling."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, _language_name in story_languages():
            # Written in that language: the browser's spelling check and direction follow it.
            self.fields[f"story_{code}"] = forms.CharField(
                label=_("Jouw verhaal in het %(language)s")
                % {"language": get_language_info(code)["name_translated"]},
                required=False,
                max_length=3000,
                widget=forms.Textarea(attrs={"rows": 6, "lang": code, "dir": "auto"}),
            )
        self.order_fields(["story", *(f"story_{code}" for code, _name in story_languages())])

    def stories(self):
        """{language code: text} of the stories in other languages that are filled in."""
        return {
            code: self.cleaned_data.get(f"story_{code}", "").strip()
            for code, _name in story_languages()
            if self.cleaned_data.get(f"story_{code}", "").strip()
        }


class SubmitForm(NoBidiControlsMixin, forms.Form):
    consent = forms.BooleanField(
        label=consent.PROFILE.text,
        error_messages={"required": _("Zonder je toestemming kunnen we je profiel niet tonen.")},
    )
