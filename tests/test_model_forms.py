"""Every form of the project that saves a model with a ParentalManyToManyField saves what it shows.

A plain ModelForm hands such a field its values in `save_m2m()`, in memory only: every mentor
request lost its topics and languages that way, while the tests that built requests with the ORM
or read the object in memory saw nothing wrong (issue 16). Here each form is saved the ways views
save forms, and the values are read back through a fresh query. The pages the next person reads
are checked in tests/programmes/test_mentoring_handovers.py and the browser journey.
"""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.forms.models import BaseModelForm
from django.utils.datastructures import MultiValueDict
from modelcluster.fields import ParentalManyToManyField
from modelcluster.forms import ClusterForm
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page

from businesses.models import Language, Sector
from home.forms import PublicModelForm
from programmes.mentoring.forms import SavesParentalManyToManyMixin
from programmes.models import MatchRequest, Mentor, Need, Stage

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("businesses", "programmes", "home", "search")


def project_model_forms():
    """Every ModelForm class defined in the project's apps (all their modules imported)."""
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return sorted(
        {c for c in subclasses(BaseModelForm) if c.__module__.split(".")[0] in PROJECT_APPS},
        key=lambda c: f"{c.__module__}.{c.__qualname__}",
    )


def parental_fields(form_class):
    model = form_class._meta.model
    if model is None:  # a base class without a model of its own
        return []
    return [
        f.name
        for f in model._meta.many_to_many
        if isinstance(f, ParentalManyToManyField) and f.name in form_class.base_fields
    ]


def founder():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("vorm", email="vorm@example.nl")


def match_request_form():
    from programmes.mentoring.forms import MatchRequestForm

    needs = list(Need.objects.order_by("pk")[:2])
    languages = list(Language.objects.filter(code__in=["tr", "ar"]))
    data = {
        "needs": [n.pk for n in needs],
        "stage": Stage.objects.first().pk,
        "languages": [language.pk for language in languages],
        "goal": "Meer klanten.",
        "urgency": "maand",
        "consent": "on",
        **{f"self_{key}": "3" for key in ("next_step", "money", "customers", "rules")},
    }
    user = founder()
    form = MatchRequestForm(data, founder=user)

    def fill(instance):
        instance.founder = user
        instance.self_assessment_start = form.self_assessment()

    return form, fill, {"needs": needs, "languages": languages}


def mentor_profile_form():
    from programmes.mentoring.forms import MentorProfileForm

    mentor = Mentor.objects.create(name="Vera Vorm", email="vera@example.nl", bio="Bio.")
    expertise = list(Need.objects.order_by("pk")[:3])
    languages = list(Language.objects.filter(code__in=["nl", "tr"]))
    sectors = list(Sector.objects.filter(parent__isnull=True)[:1])
    stages = list(Stage.objects.all()[:2])
    data = {
        "bio": "Nieuwe bio.",
        "expertise": [n.pk for n in expertise],
        "languages": [language.pk for language in languages],
        "sectors": [s.pk for s in sectors],
        "stages": [s.pk for s in stages],
        "capacity": "2",
        "is_active": "on",
    }
    expected = {"expertise": expertise, "languages": languages, "sectors": sectors}
    return (
        MentorProfileForm(data, instance=mentor),
        lambda instance: None,
        {**expected, "stages": stages},
    )


# Each form with a ParentalManyToManyField: how to make it with valid data. A new such form
# without an entry here fails test_every_parental_form_is_known.
BUILDERS = {
    "programmes.mentoring.forms.MatchRequestForm": match_request_form,
    "programmes.mentoring.forms.MentorProfileForm": mentor_profile_form,
}


def name_of(form_class):
    return f"{form_class.__module__}.{form_class.__qualname__}"


def test_every_parental_form_is_known_and_saves_its_relations():
    found = {name_of(c): c for c in project_model_forms() if parental_fields(c)}
    assert set(found) == set(BUILDERS), "add a builder for the new form below"
    for form_class in found.values():
        assert issubclass(form_class, (SavesParentalManyToManyMixin, ClusterForm)), form_class


@pytest.mark.parametrize("commit", [True, False], ids=["save()", "save(commit=False)"])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_the_values_a_form_shows_reach_the_database(home, name, commit):
    form, fill, expected = BUILDERS[name]()
    assert form.is_valid(), form.errors
    if commit:
        fill(form.instance)  # what a view sets before saving (the founder)
        instance = form.save()
    else:
        # The way views save a form with more to set: save(commit=False), the instance's own
        # save, then save_m2m().
        instance = form.save(commit=False)
        fill(instance)
        instance.save()
        form.save_m2m()
    fresh = type(instance).objects.get(pk=instance.pk)  # a new query, not the object in memory
    for field, values in expected.items():
        assert set(getattr(fresh, field).all()) == set(values), field


def test_a_form_saved_without_save_m2m_keeps_its_relations():
    """A view that only saves the instance after save(commit=False) (and forgets save_m2m) still
    writes them: the instance has them before it is saved."""
    form, fill, expected = match_request_form()
    assert form.is_valid(), form.errors
    instance = form.save(commit=False)
    fill(instance)
    instance.save()
    fresh = MatchRequest.objects.get(pk=instance.pk)
    assert set(fresh.needs.all()) == set(expected["needs"])
    assert set(fresh.languages.all()) == set(expected["languages"])


def test_the_admins_forms_of_models_with_such_fields_are_cluster_forms():
    """Wagtail's own edit forms (snippets, pages) are ClusterForms, which save them."""
    checked = []
    for model in apps.get_models():
        if not any(isinstance(f, ParentalManyToManyField) for f in model._meta.many_to_many):
            continue
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is not None:
            form_class = viewset.get_edit_handler().get_form_class()
        elif issubclass(model, Page):
            form_class = model.get_edit_handler().get_form_class()
        else:
            continue  # not edited in the admin (MatchRequest: only through its own views)
        assert issubclass(form_class, ClusterForm), model
        checked.append(model.__name__)
    assert {"Business", "Mentor", "MunicipalContact", "ProgrammePage"} <= set(checked)


# An id beyond 64 bits: SQLite raises OverflowError on it instead of finding nothing.
IMPOSSIBLE_ID = str(2**63)


def test_every_public_model_form_takes_an_impossible_id_as_an_invalid_choice(home):
    """Every relation a public form shows refuses the id with a form error, not a 500: the forms
    build on PublicModelForm, whose Meta makes each relation a Safe… field."""
    public = [
        c
        for c in project_model_forms()
        if c._meta.model and not issubclass(c, WagtailAdminModelForm)
    ]
    assert len(public) >= 5
    user = founder()
    for form_class in public:
        assert issubclass(form_class, PublicModelForm), name_of(form_class)
        takes_founder = "founder" in inspect.signature(form_class.__init__).parameters
        kwargs = {"founder": user} if takes_founder else {}
        fields = form_class(**kwargs).fields.items()
        relations = [n for n, f in fields if isinstance(f, forms.ModelChoiceField)]
        form = form_class(MultiValueDict({n: [IMPOSSIBLE_ID] for n in relations}), **kwargs)
        assert not form.is_valid()
        assert [n for n in relations if n not in form.errors] == [], name_of(form_class)
