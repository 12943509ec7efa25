"""Support programmes: who offers them (Provider), what they are about (Category), for whom
(Stage, sectors, neighbourhoods), and the pages that show them."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from businesses.models.taxonomy import NamedInLanguages
from home.blocks import BaseStreamBlock
from home.routing import CachedViewRestrictionsMixin
from portal import page_cache
from portal.folding import FoldedSearchMixin, FoldedText


class Provider(models.Model):
    """An organisation that runs programmes: the municipality, a foundation, a bank, ..."""

    KINDS = [
        ("gemeente", _("gemeente")),
        ("kvk", _("Kamer van Koophandel")),
        ("stichting", _("stichting")),
        ("financier", _("microfinancier of bank")),
        ("incubator", _("incubator of accelerator")),
        ("bibliotheek", _("bibliotheek")),
        ("onderwijs", _("school of hogeschool")),
        ("vereniging", _("ondernemersvereniging")),
    ]

    name = models.CharField(_("naam"), max_length=120, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=KINDS)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")

    def __str__(self):
        return self.name


class Category(NamedInLanguages):
    """What a programme helps with. Focus categories (creativity, innovation, ...) come first."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    is_focus = models.BooleanField(
        _("focus van het portaal"),
        default=False,
        help_text=_("Focuscategorieën staan bovenaan het overzicht en op de homepagina."),
    )
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [
        *NamedInLanguages.name_panels,
        FieldPanel("slug"),
        FieldPanel("is_focus"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["-is_focus", "sort_order", "name_nl"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self):
        return self.name


class Stage(NamedInLanguages):
    """Where an entrepreneur is: an idea, just started, or growing."""

    slug = models.SlugField(_("slug"), max_length=20, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("fase")
        verbose_name_plural = _("fases")

    def __str__(self):
        return self.name


def expired_q(today):
    """Programmes whose deadline or end date has passed."""
    return Q(deadline__lt=today) | Q(end_date__lt=today)


def open_q(today):
    """Programmes one can still apply to: a deadline today or later, or none (and not over)."""
    return (Q(deadline__gte=today) | Q(deadline__isnull=True)) & ~expired_q(today)


class ProgrammeIndexPage(FoldedSearchMixin, CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """/programmas/: every current programme, filterable; the archive; "Wat past bij mij?";
    the same list as a calendar feed."""

    introduction = models.TextField(_("inleiding"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [FoldedText()]  # portal.folding
    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programma-overzicht")
        verbose_name_plural = _("programma-overzichten")

    def programmes(self):
        return ProgrammePage.objects.child_of(self).live()

    @path("")
    def listing(self, request):
        from programmes.views import listing

        return listing(self, request)

    @path("wat-past-bij-mij/")
    def questionnaire(self, request):
        from programmes.views import questionnaire

        return questionnaire(self, request)

    @path("agenda/")
    def calendar(self, request):
        from programmes.views import listing_calendar

        return listing_calendar(self, request)


class ProgrammePage(FoldedSearchMixin, CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    FORMATS = [
        ("workshops", _("workshopreeks")),
        ("coaching", _("één-op-één-coaching")),
        ("subsidie", _("subsidie")),
        ("lening", _("lening")),
        ("evenement", _("evenement")),
        ("netwerk", _("netwerk")),
    ]

    summary = models.TextField(
        _("samenvatting"), max_length=300, help_text=_("Eén of twee zinnen voor het overzicht.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("aanbieder"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    category = models.ForeignKey(
        Category, verbose_name=_("categorie"), on_delete=models.PROTECT, related_name="programmes"
    )
    format = models.CharField(_("vorm"), max_length=20, choices=FORMATS)
    stages = ParentalManyToManyField(
        Stage,
        verbose_name=_("voor welke fase"),
        blank=True,
        related_name="programmes",
        help_text=_("Leeg: voor elke fase."),
    )
    sectors = ParentalManyToManyField(
        "businesses.Sector",
        verbose_name=_("sectoren"),
        blank=True,
        related_name="programmes",
        help_text=_("Leeg: voor alle sectoren. Een hoofdsector geldt ook voor zijn subsectoren."),
    )
    languages = ParentalManyToManyField(
        "businesses.Language",
        verbose_name=_("talen waarin het wordt aangeboden"),
        blank=True,
        related_name="programmes",
    )
    neighbourhoods = ParentalManyToManyField(
        "businesses.NeighbourhoodPage",
        verbose_name=_("wijken"),
        blank=True,
        related_name="programmes",
        limit_choices_to={"locale__language_code": "nl"},
        help_text=_("Leeg: voor de hele stad."),
    )
    is_free = models.BooleanField(_("gratis"), default=True)
    cost_amount = models.DecimalField(
        _("kosten in euro"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    cost_note = models.CharField(
        _("toelichting op de kosten"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld: per maand, of: terug te betalen in 3 jaar."),
    )
    start_date = models.DateField(_("begindatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    deadline = models.DateField(
        _("aanmelden tot en met"), null=True, blank=True, help_text=_("Leeg: doorlopend.")
    )
    places = models.PositiveIntegerField(_("aantal plaatsen"), null=True, blank=True)
    apply_url = models.URLField(_("aanmelden via website"), blank=True)
    apply_email = models.EmailField(_("aanmelden via e-mail"), blank=True)
    apply_contact = models.CharField(
        _("aanmelden via contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Naam en telefoonnummer, bijvoorbeeld."),
    )
    requires_kvk = models.BooleanField(_("inschrijving bij de KvK nodig"), default=False)
    max_years_since_founding = models.PositiveSmallIntegerField(
        _("hoogstens zoveel jaar geleden opgericht"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen grens."),
    )
    last_checked = models.DateField(_("laatst gecontroleerd door de gemeente"), default=date.today)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("provider"), FieldPanel("category"), FieldPanel("format")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("deadline"), FieldPanel("places")]),
                FieldRowPanel(
                    [FieldPanel("is_free"), FieldPanel("cost_amount"), FieldPanel("cost_note")]
                ),
            ],
            heading=_("Data, plaatsen en kosten"),
        ),
        InlinePanel(
            "sessions",
            heading=_("Bijeenkomsten"),
            label=_("bijeenkomst"),
            help_text=_(
                "Wanneer en waar het programma samenkomt. Een bijeenkomst die terugkomt, zoals "
                "elke eerste donderdag, vul je één keer in, met de eerste datum."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("apply_url"), FieldPanel("apply_email"), FieldPanel("apply_contact")],
            heading=_("Aanmelden"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("neighbourhoods", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("requires_kvk"), FieldPanel("max_years_since_founding")]),
            ],
            heading=_("Voor wie"),
        ),
        FieldPanel("last_checked"),
    ]
    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        FoldedText(),  # portal.folding: found without Turkish or Arabic keys
        index.FilterField("category"),
        index.FilterField("deadline"),
    ]

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("De einddatum ligt vóór de begindatum.")
        if not self.is_free and self.cost_amount is None:
            errors["cost_amount"] = _("Vul de kosten in, of vink 'gratis' aan.")
        if self.is_free and self.cost_amount:
            errors["cost_amount"] = _("Een gratis programma heeft geen kosten.")
        if not (self.apply_url or self.apply_email or self.apply_contact):
            errors["apply_url"] = _("Vul minstens één manier van aanmelden in.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_calendar(self):
        """Whether there is anything to put in an agenda: a deadline, dates or sessions."""
        return bool(self.deadline or self.start_date or self.sessions.all())

    def upcoming_sessions(self, now=None):
        """The sessions still to come (or going on), the nearest first, each with its next
        start in session.next_start."""
        found = []
        for session in self.sessions.all():
            session.next_start = session.next_occurrence(now)
            if session.next_start is not None:
                found.append(session)
        return sorted(found, key=lambda session: session.next_start)

    def is_expired_on(self, today):
        return bool(
            (self.deadline and self.deadline < today) or (self.end_date and self.end_date < today)
        )

    def days_left_on(self, today):
        """Days until the deadline (0: today), or None without one or when it passed."""
        if self.deadline is None or self.deadline < today:
            return None
        return (self.deadline - today).days

    @property
    def is_expired(self):
        return self.is_expired_on(timezone.localdate())

    @property
    def is_open(self):
        return not self.is_expired and (
            self.deadline is None or self.deadline >= timezone.localdate()
        )

    @property
    def days_left(self):
        return self.days_left_on(timezone.localdate())

    @path("")
    def detail(self, request):
        from programmes.calendar import agenda
        from programmes.counting import counted_page
        from programmes.taxonomy import facts

        page_cache.declare_public(request)
        draft = getattr(request, "is_preview", False)
        response = self.render(
            request,
            context_overrides={
                "index": self.get_parent().specific,
                "facts": facts(self, draft=draft),
                "agenda": agenda(self, request),
            },
        )
        return counted_page(request, self, response)

    @path("aanmelden/", name="apply")
    def apply(self, request):
        from programmes.counting import apply_redirect

        return apply_redirect(self, request, "website")

    @path("aanmelden/e-mail/", name="apply_email")
    def apply_by_email(self, request):
        from programmes.counting import apply_redirect

        return apply_redirect(self, request, "e-mail")

    @path("agenda/")
    def calendar(self, request):
        from programmes.calendar import calendar_response

        page_cache.declare_public(request)
        if not self.has_calendar:
            raise Http404("Nothing to put in an agenda.")  # rather than an empty calendar
        return calendar_response([self], self.slug, request)


AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def nth_weekday(day):
    """Which weekday of its month a date is: 1 to 4, or -1 for the last one (a fifth)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


class ProgrammeSession(Orderable):
    """When and where a programme meets: one date, or a simple repeating rule staff understand,
    kept as an RFC 5545 RRULE (session.rrule) for agendas. Times are local (Europe/Amsterdam)."""

    ONCE, WEEKLY, FORTNIGHTLY, MONTHLY = "", "weekly", "fortnightly", "monthly"
    REPEATS = [
        (ONCE, _("eenmalig")),
        (WEEKLY, _("elke week")),
        (FORTNIGHTLY, _("elke twee weken")),
        (MONTHLY, _("elke maand op dezelfde weekdag (bijv. elke eerste donderdag)")),
    ]

    programme = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("datum"), help_text=_("Bij een herhaling: de eerste datum."))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    place = models.CharField(
        _("plaats"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: Buurthuis De Leeuw, Kanaalstraat 12."),
    )
    online_url = models.URLField(_("online link"), blank=True)
    repeat = models.CharField(
        _("herhaling"), max_length=20, choices=REPEATS, default=ONCE, blank=True
    )
    until = models.DateField(
        _("tot en met"), null=True, blank=True, help_text=_("Leeg: zonder einddatum.")
    )
    count = models.PositiveSmallIntegerField(
        _("aantal keer"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2)],
        help_text=_("In plaats van 'tot en met': hoe vaak in totaal."),
    )
    rrule = models.CharField(
        _("herhaalregel (RFC 5545)"), max_length=200, blank=True, editable=False
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("online_url")]),
        FieldRowPanel([FieldPanel("repeat"), FieldPanel("until"), FieldPanel("count")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")

    def __str__(self):
        return f"{self.date} {self.start_time}"

    @property
    def weekday_code(self):
        return WEEKDAY_CODES[self.date.weekday()]

    @property
    def nth(self):
        return nth_weekday(self.date)

    def build_rrule(self):
        """The RRULE (without "RRULE:") for the chosen repeat, from the date itself: "elke
        eerste donderdag" is the weekday and its place in the month of the first date, so the
        first date always matches. UNTIL is in UTC, as RFC 5545 wants with a TZID start."""
        if not self.repeat or not self.date:
            return ""
        rule = {"FREQ": "MONTHLY" if self.repeat == self.MONTHLY else "WEEKLY"}
        if self.repeat == self.FORTNIGHTLY:
            rule["INTERVAL"] = 2
        if self.repeat == self.MONTHLY:
            rule["BYDAY"] = f"{self.nth}{self.weekday_code}"
        else:
            rule["BYDAY"] = self.weekday_code
        if self.count:
            rule["COUNT"] = self.count
        elif self.until:
            last = datetime.combine(self.until, time(23, 59, 59), AMSTERDAM)
            rule["UNTIL"] = last.astimezone(ZoneInfo("UTC"))
        return vRecur(rule).to_ical().decode()

    def first_start(self):
        return datetime.combine(self.date, self.start_time, AMSTERDAM)

    def duration(self):
        return datetime.combine(self.date, self.end_time) - datetime.combine(
            self.date, self.start_time
        )

    def rule(self):
        """The occurrences as a dateutil rule (local, aware times), or None if it is once."""
        if not self.rrule:
            return None
        return rrulestr(self.rrule, dtstart=self.first_start())

    def next_occurrence(self, now=None):
        """The start of the next occurrence that has not ended yet, or None."""
        now = now or timezone.now()
        since = now - self.duration()
        rule = self.rule()
        if rule is None:
            start = self.first_start()
            return start if start > since else None
        return rule.after(since)

    def last_occurrence(self):
        rule = self.rule()
        if rule is None:
            return self.first_start()
        if not (self.count or self.until):
            return None
        return list(rule)[-1]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("De eindtijd moet na de begintijd liggen.")
        if not (self.place or self.online_url):
            errors["place"] = _("Vul een plaats in, een online link, of allebei.")
        if not self.repeat and (self.until or self.count):
            errors["repeat"] = _(
                "Een eenmalige bijeenkomst herhaalt niet: kies een herhaling, of laat 'tot en "
                "met' en 'aantal keer' leeg."
            )
        if self.until and self.count:
            errors["count"] = _("Vul 'tot en met' of 'aantal keer' in, niet allebei.")
        if self.until and self.date and self.until < self.date:
            errors["until"] = _("'Tot en met' ligt vóór de eerste datum.")
        if not errors and self.date and self.start_time and self.end_time:
            self.rrule = self.build_rrule()
            rule = self.rule()
            if rule is not None and rule.after(self.first_start(), inc=True) != self.first_start():
                errors["date"] = _("De eerste datum past niet bij de herhaling.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.rrule = self.build_rrule()
        super().save(*args, **kwargs)
