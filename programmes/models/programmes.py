"""The pages that show support programmes: the index (with its filters, archive, agenda and
"Wat past bij mij?") and one programme, for whom (stages, sectors, neighbourhoods) and until
when."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from businesses.fields import neighbourhoods_field
from home.blocks import BaseStreamBlock
from home.models import SectionIndexPage
from home.routing import CachedViewRestrictionsMixin
from portal import page_cache
from portal.folding import FoldedSearchMixin, FoldedText
from programmes.models.lists import Category, Provider, Stage


def expired_q(today):
    """Programmes whose deadline or end date has passed."""
    return Q(deadline__lt=today) | Q(end_date__lt=today)


def open_q(today):
    """Programmes one can still apply to: a deadline today or later, or none (and not over)."""
    return (Q(deadline__gte=today) | Q(deadline__isnull=True)) & ~expired_q(today)


class ProgrammeIndexPage(RoutablePageMixin, SectionIndexPage):
    """/programmas/: every current programme, filterable; the archive; "Wat past bij mij?";
    the same list as a calendar feed."""

    introduction = models.TextField(_("inleiding"), blank=True)

    subpage_types = ["programmes.ProgrammePage"]

    class Meta:
        verbose_name = _("programma-overzicht")
        verbose_name_plural = _("programma-overzichten")

    def programmes(self):
        return ProgrammePage.objects.child_of(self).live()

    # The routes hand over to programmes.views, which imports these models: imported when a
    # route runs, not when the models load (the one circle left inside programmes).
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
    class Format(models.TextChoices):
        WORKSHOPS = "workshops", _("workshopreeks")
        COACHING = "coaching", _("één-op-één-coaching")
        SUBSIDIE = "subsidie", _("subsidie")
        LENING = "lening", _("lening")
        EVENEMENT = "evenement", _("evenement")
        NETWERK = "netwerk", _("netwerk")

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
    format = models.CharField(_("vorm"), max_length=20, choices=Format.choices)
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
    neighbourhoods = neighbourhoods_field("programmes", _("Leeg: voor de hele stad."))
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
