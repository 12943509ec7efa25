"""What staff tune about the directory search, and what visitors tell us about it."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from portal.page_cache import cached

# Trade words in Dutch, Turkish, Arabic and English, as visitors type them; staff add their own
# (Inzicht → Zoeken shows what was searched without result).
SYNONYMS = """bakkerij, bakker, banketbakker, bakery, baker, fırın, fırıncı, ekmek, مخبز, خباز, فرن
kapper, kapsalon, kapperszaak, barbier, barbershop, kuaför, berber, hairdresser, barber, حلاق, صالون حلاقة
slagerij, slager, kasap, butcher, جزار, ملحمة, لحام
supermarkt, toko, buurtsuper, market, bakkal, süpermarket, grocery, supermarket, بقالة, سوبرماركت
groenteboer, groentehandel, groente, manav, greengrocer, خضار, خضري
bloemist, bloemenwinkel, bloemen, çiçekçi, florist, زهور, ورود
juwelier, goudsmid, sieraden, kuyumcu, jeweller, jeweler, صائغ, مجوهرات
kleermaker, naaister, naaiatelier, terzi, tailor, خياط
restaurant, eethuis, lokanta, restoran, مطعم
snackbar, afhaal, takeaway, paket servis, وجبات سفرية
café, koffie, koffiebar, kahve, kafe, coffee, مقهى, قهوة
reisbureau, reisburo, seyahat acentesi, travel agency, وكالة سفر
fotograaf, fotostudio, fotoğrafçı, photographer, مصور
boekhouder, boekhouding, administratiekantoor, accountant, muhasebe, muhasebeci, محاسب
vertaler, tolk, vertaalbureau, tercüman, çevirmen, translator, interpreter, مترجم, ترجمة
rijschool, rijles, rijinstructeur, sürücü kursu, driving school, مدرسة قيادة
schoenmaker, ayakkabı tamiri, cobbler, shoe repair, إصلاح الأحذية
telefoonwinkel, telefoonreparatie, telefon tamiri, phone repair, تصليح هواتف
fysiotherapeut, fysiotherapie, fysio, fizyoterapist, physiotherapist, معالج طبيعي
kinderopvang, crèche, kinderdagverblijf, kreş, daycare, childcare, حضانة
thuiszorg, thuishulp, evde bakım, home care, رعاية منزلية
schoonheidssalon, nagelstudio, güzellik salonu, beautician, beauty salon, صالون تجميل
meubelmaker, meubels, houtwerk, timmerman, marangoz, carpenter, نجار
pottenbakker, keramiek, seramik, potter, فخار
webdesigner, webdesign, websitebouwer, web designer, تصميم مواقع
grafisch ontwerper, ontwerpstudio, grafik tasarımcı, graphic designer, مصمم جرافيك
cateraar, catering, ikram, caterer, تموين
fietsenmaker, fietsenwinkel, fietsen, fietsreparatie, bisikletçi, bike repair, تصليح دراجات
döner, shoarma, shawarma, dürüm, شاورما
halal, helal, حلال"""


def boost_field(label, default):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )


@register_setting(icon="search")
class SearchSettings(BaseSiteSetting):
    synonyms = models.TextField(
        _("synoniemen"),
        blank=True,
        default=SYNONYMS,
        help_text=_(
            "Eén groep per regel, met komma's: woorden die hetzelfde betekenen bij het zoeken."
        ),
    )
    boost_name = boost_field(_("gewicht van de naam"), 3)
    boost_tagline = boost_field(_("gewicht van de korte omschrijving"), 2)
    boost_products = boost_field(_("gewicht van producten en sectoren"), 2)
    boost_story = boost_field(_("gewicht van het verhaal"), 1)

    panels = [
        FieldPanel("synonyms"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("boost_name"), FieldPanel("boost_tagline")]),
                FieldRowPanel([FieldPanel("boost_products"), FieldPanel("boost_story")]),
            ],
            heading=_("Wat telt zwaarder bij het zoeken (1 tot 10)"),
        ),
    ]

    class Meta:
        verbose_name = _("zoeken")

    def synonym_groups(self):
        groups = []
        for line in self.synonyms.splitlines():
            words = [w.strip().lower() for w in line.split(",") if w.strip()]
            if len(words) > 1:
                groups.append(words)
        return groups


def current():
    """The default site's search settings. Every search reads them; they change with content,
    so they are kept under the content version (an edit counts at once)."""

    def load():
        site = Site.objects.filter(is_default_site=True).first()
        return SearchSettings.for_site(site) if site else SearchSettings()

    return cached("search-settings", load)


class SearchTerm(models.Model):
    """A word of the directory's vocabulary (search.vocabulary), folded, with the number of
    published businesses that use it. Trigram indexes (pg_trgm, or an FTS5 trigram table on
    SQLite) sit beside it: migration 0004."""

    word = models.CharField(max_length=64, unique=True)
    businesses = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")

    def __str__(self):
        return self.word


class SearchFeedback(models.Model):
    """ "Vond je wat je zocht?" — answered under the directory results. No personal data."""

    query = models.CharField(_("zoekopdracht"), max_length=500)
    found = models.BooleanField(_("gevonden"))
    comment = models.TextField(_("toelichting"), max_length=1000, blank=True)
    result_count = models.PositiveIntegerField(_("aantal resultaten"), default=0)
    created_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reactie op het zoeken")
        verbose_name_plural = _("reacties op het zoeken")

    def __str__(self):
        answer = _("Ja, gevonden") if self.found else _("Nee, niet gevonden")
        return f"{self.query or '–'}: {answer}"


class QueryDayCount(models.Model):
    """How often a query was searched on one day, and how often it found nothing.

    The query is normalised (lower case, spaces collapsed, at most 100 characters) and is the
    only thing kept of a search: no visitor, cookie, IP address or time of day. Only staff see
    these counts (Inzicht → Zoeken); rows older than KEEP_DAYS are deleted (search.recording).
    """

    DIRECTORY, SITE = "ondernemers", "site"
    KINDS = [(DIRECTORY, _("ondernemers zoeken")), (SITE, _("zoeken op de site"))]

    day = models.DateField(_("dag"))
    kind = models.CharField(_("waar"), max_length=12, choices=KINDS)
    neighbourhood = models.CharField(
        _("wijk"),
        max_length=60,
        blank=True,
        help_text=_("De wijk waarin werd gezocht (het filter 'wijk'), als het er één was."),
    )
    query = models.CharField(_("zoekopdracht"), max_length=100)
    searches = models.PositiveIntegerField(_("keer gezocht"), default=0)
    empty = models.PositiveIntegerField(_("keer niets gevonden"), default=0)

    class Meta:
        verbose_name = _("zoekopdracht per dag")
        verbose_name_plural = _("zoekopdrachten per dag")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "kind", "neighbourhood", "query"], name="one_count_per_query_per_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.kind} {self.query!r}: {self.searches} ({self.empty})"
