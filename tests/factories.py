"""Factories for the objects many tests stand on: accounts, neighbourhoods, businesses and
programmes. Names come from sequences, never from Faker: sorting and search tests compare them.

Pages are made where the site has them: `NeighbourhoodFactory(parent=index)` adds the page
under its parent with `add_child` and publishes a revision (`publish=False` keeps it a draft);
without a parent it goes under the one neighbourhood index below the home page, made when
missing. Sectors, languages, stages and categories are the migrations' rows, asked for by slug
or code: `BusinessFactory(sectors=["bakkerij"], languages=["nl", "tr"])`.
"""

from datetime import time, timedelta
from decimal import Decimal

import factory
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

PASSWORD = "Zonnebloem-Kanaal-42"


def home_page():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


class UserFactory(DjangoModelFactory):
    """An active account with a verified primary e-mail address (as after sign-up)."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"ondernemer{n}@example.nl")
    username = factory.LazyAttribute(lambda user: user.email.split("@")[0])
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class ModeratorFactory(UserFactory):
    """Municipal staff in the "Moderatoren" group (the admin, moderation workflows)."""

    email = factory.Sequence(lambda n: f"moderator{n}@gemeente.nl")
    is_staff = True

    @factory.post_generation
    def moderators_group(user, create, extracted, **kwargs):
        if create:
            from django.contrib.auth.models import Group

            user.groups.add(Group.objects.get(name="Moderatoren"))


class PageFactory(DjangoModelFactory):
    """A Wagtail page added under `parent` and, with `publish=True`, published."""

    class Meta:
        abstract = True

    publish = True

    @classmethod
    def _create(cls, model_class, *args, parent, publish, **kwargs):
        if not publish:
            kwargs["live"] = False
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page

    @classmethod
    def _build(cls, model_class, *args, parent=None, publish=None, **kwargs):
        return model_class(*args, **kwargs)


class NeighbourhoodIndexFactory(PageFactory):
    class Meta:
        model = "businesses.NeighbourhoodIndexPage"

    parent = factory.LazyFunction(home_page)
    title = "Wijken"
    slug = "wijken"


def index_below_home(factory_class):
    """The index page `factory_class` makes, below the home page: the existing one, or a new one."""
    home = home_page()
    existing = factory_class._meta.get_model_class().objects.child_of(home).first()
    return existing or factory_class(parent=home)


def neighbourhood_index():
    """The neighbourhood index below the home page (/wijken/), made when missing."""
    return index_below_home(NeighbourhoodIndexFactory)


class NeighbourhoodFactory(PageFactory):
    class Meta:
        model = "businesses.NeighbourhoodPage"

    parent = factory.LazyFunction(neighbourhood_index)
    title = factory.Sequence(lambda n: f"Wijk {n:03d}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    district = "West"
    latitude = Decimal("52.091300")
    longitude = Decimal("5.095800")


class BusinessFactory(DjangoModelFactory):
    """A business (a snippet with revisions), published unless `live=False`.

    `sectors` (slugs), `languages` (codes) and `hours` ([(weekday, "09:00", "17:00")]) are set
    before the first revision, so the published revision has them."""

    class Meta:
        model = "businesses.Business"

    name = factory.Sequence(lambda n: f"Bedrijf {n:03d}")
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    street = "Kanaalstraat"
    house_number = 10
    postcode = "3531 CJ"
    latitude = Decimal("52.091000")
    longitude = Decimal("5.096000")
    live = True
    sectors = ()
    languages = ()
    hours = ()

    @classmethod
    def _create(cls, model_class, *args, live, sectors, languages, hours, **kwargs):
        from businesses.models import Language, OpeningHours, Sector

        business = model_class(*args, live=False, **kwargs)
        business.sectors = list(Sector.objects.filter(slug__in=sectors))
        business.languages = list(Language.objects.filter(code__in=languages))
        business.opening_hours = [
            OpeningHours(
                weekday=day,
                opens=opens if isinstance(opens, time) else time.fromisoformat(opens),
                closes=closes if isinstance(closes, time) else time.fromisoformat(closes),
            )
            for day, opens, closes in hours
        ]
        business.save()
        revision = business.save_revision()
        if live:
            revision.publish()
            business.refresh_from_db()
        return business


class ProviderFactory(DjangoModelFactory):
    class Meta:
        model = "programmes.Provider"
        django_get_or_create = ("name",)

    name = "Stichting Test"
    kind = "stichting"


def programme_index():
    """The programme index below the home page (/programmas/), made when missing."""
    return index_below_home(ProgrammeIndexFactory)


class ProgrammeIndexFactory(PageFactory):
    class Meta:
        model = "programmes.ProgrammeIndexPage"

    parent = factory.LazyFunction(home_page)
    title = "Programma's"
    slug = "programmas"


class ProgrammeFactory(PageFactory):
    """A programme page. `category` is a slug, `stages`/`sectors` slugs, `languages` codes,
    `neighbourhoods` pages; `deadline` is a number of days from today (or None)."""

    class Meta:
        model = "programmes.ProgrammePage"

    parent = factory.LazyFunction(programme_index)
    title = factory.Sequence(lambda n: f"Programma {n:03d}")
    summary = factory.LazyAttribute(lambda page: f"Over {page.title}.")
    provider = factory.SubFactory(ProviderFactory)
    category = "creativiteit"
    format = "workshops"
    deadline = None
    apply_email = "aanmelden@example.nl"
    stages = ()
    sectors = ()
    languages = ()
    neighbourhoods = ()

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        parent,
        publish,
        category,
        deadline,
        stages,
        sectors,
        languages,
        neighbourhoods,
        **kwargs,
    ):
        from businesses.models import Language, Sector
        from programmes.models import Category, Stage

        programme = model_class(
            *args,
            category=Category.objects.get(slug=category),
            deadline=None if deadline is None else timezone.localdate() + timedelta(days=deadline),
            live=False,
            **kwargs,
        )
        programme.stages = list(Stage.objects.filter(slug__in=stages))
        programme.sectors = list(Sector.objects.filter(slug__in=sectors))
        programme.languages = list(Language.objects.filter(code__in=languages))
        programme.neighbourhoods = list(neighbourhoods)
        parent.add_child(instance=programme)
        revision = programme.save_revision()
        if publish:
            revision.publish()
            programme.refresh_from_db()
        return programme
