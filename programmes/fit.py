""" "Wat past bij mij?": which programmes fit an entrepreneur, in what order, and why.

`rank` is a pure function of the answers, the programmes and today's date, so it is easy to test
and to explain. A programme is left out when the entrepreneur cannot take part (wrong stage,
sector or neighbourhood, no KvK registration when one is needed, founded too long ago, expired).
The rest is ordered by a score: what they need counts most, then a language they read, then
programmes meant for their stage, sector or neighbourhood in particular, then free ones. Ties go
to the nearest deadline, then the title. Every point of the score comes with its reason in words.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WEIGHTS = {"need": 6, "language": 3, "stage": 2, "sector": 2, "neighbourhood": 2, "free": 1}
SOON = 14  # days: a deadline this close is mentioned


@dataclass
class Answers:
    stage: object = None  # Stage
    sector: object = None  # Sector
    neighbourhood: object = None  # NeighbourhoodPage (Dutch)
    language: object = None  # Language
    needs: list = field(default_factory=list)  # [Category]
    has_kvk: bool | None = None
    founded_year: int | None = None


@dataclass
class Fit:
    programme: object
    score: int
    reasons: list


def can_take_part(programme, answers, today):
    if programme.is_expired_on(today):
        return False
    stages = list(programme.stages.all())
    if answers.stage and stages and answers.stage not in stages:
        return False
    if answers.sector and not covers_sector(programme, answers.sector):
        return False
    neighbourhoods = list(programme.neighbourhoods.all())
    if answers.neighbourhood and neighbourhoods and answers.neighbourhood not in neighbourhoods:
        return False
    if programme.requires_kvk and answers.has_kvk is False:
        return False
    limit = programme.max_years_since_founding
    return not (
        limit is not None and answers.founded_year and today.year - answers.founded_year > limit
    )


def covers_sector(programme, sector):
    sectors = list(programme.sectors.all())
    if not sectors:
        return True
    return any(s == sector or s.pk == sector.parent_id or s.parent_id == sector.pk for s in sectors)


def reasons_and_score(programme, answers, today):
    reasons, score = [], 0
    if programme.category in answers.needs:
        score += WEIGHTS["need"]
        reasons.append(
            _("over %(need)s, waar je naar zoekt") % {"need": programme.category.name.lower()}
        )
    if answers.language and answers.language in programme.languages.all():
        score += WEIGHTS["language"]
        reasons.append(_("in het %(language)s") % {"language": answers.language.name})
    if answers.stage and answers.stage in programme.stages.all():
        score += WEIGHTS["stage"]
        reasons.append(_("past bij je fase (%(stage)s)") % {"stage": answers.stage.name.lower()})
    if answers.sector and programme.sectors.all() and covers_sector(programme, answers.sector):
        score += WEIGHTS["sector"]
        reasons.append(_("voor jouw sector"))
    if answers.neighbourhood and answers.neighbourhood in programme.neighbourhoods.all():
        score += WEIGHTS["neighbourhood"]
        reasons.append(_("in jouw wijk, %(name)s") % {"name": answers.neighbourhood.title})
    if programme.is_free:
        score += WEIGHTS["free"]
        reasons.append(_("gratis"))
    days = programme.days_left_on(today)
    if days is not None and days <= SOON:
        if days == 0:
            reasons.append(_("aanmelden kan tot en met vandaag"))
        else:
            reasons.append(
                ngettext("sluit over %(days)s dag", "sluit over %(days)s dagen", days)
                % {"days": days}
            )
    return reasons, score


def rank(programmes, answers, today):
    fits = []
    for programme in programmes:
        if can_take_part(programme, answers, today):
            reasons, score = reasons_and_score(programme, answers, today)
            fits.append(Fit(programme, score, reasons))
    far_future = today.replace(year=today.year + 100)
    fits.sort(key=lambda f: (-f.score, f.programme.deadline or far_future, f.programme.title))
    return fits


def answers_from_business(business, today):
    """Prefill the questionnaire from the entrepreneur's own business (objects or their keys)."""
    stage_slug = "starter"
    if business.founded_year and today.year - business.founded_year >= 3:
        stage_slug = "groei"
    languages = [language for language in business.languages.all() if language.code != "nl"]
    return {
        "fase": stage_slug,
        "sector": next(iter(business.sectors.all()), None),
        "wijk": business.neighbourhood,
        "taal": languages[0] if languages else None,
        "kvk": "ja" if business.kvk_number else "",
        "opgericht": business.founded_year,
    }
