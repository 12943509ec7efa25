"""The programmes app's part of a person's data: their mentor requests, and their mentor entry.

The export holds what the person entered, not what others wrote about them: the founder gets
their requests, their own answers and ratings, but not the staff's notes or the mentor's
feedback; a mentor gets their entry and what they wrote about their introductions.
"""

from django.conf import settings
from django.db.models import Value
from django.db.models.functions import Replace
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home.privacy import personal_data, scrub_revisions
from programmes.models import MatchEvent, MatchRequest, Mentor


def written_by(event, user):
    return event.actor_id == user.pk or event.actor_label == user.email


def request_export(match_request, user):
    return {
        "created_at": match_request.created_at.isoformat(),
        "status": match_request.status,
        "business": match_request.business.name if match_request.business else None,
        "needs": [n.name for n in match_request.needs.all()],
        "sector": str(match_request.sector or ""),
        "stage": str(match_request.stage),
        "neighbourhood": str(match_request.neighbourhood or ""),
        "languages": [language.code for language in match_request.languages.all()],
        "shared_language_required": match_request.shared_language_required,
        "goal": match_request.goal,
        "urgency": match_request.urgency,
        "self_assessment_start": match_request.self_assessment_start,
        "self_assessment_end": match_request.self_assessment_end,
        "close_reason": match_request.close_reason
        if any(
            e.status == MatchRequest.Status.CLOSED and written_by(e, user)
            for e in match_request.events.all()
        )
        else "",
        "matches": [
            {
                "mentor": m.mentor.name,
                "status": m.status,
                "rating": m.founder_rating,
                "comment": m.founder_comment,
            }
            for m in match_request.matches.all()
        ],
        "steps": [
            {
                "step": e.status,
                "at": e.created_at.isoformat(),
                **({"note": e.note} if written_by(e, user) else {}),
            }
            for e in match_request.events.all()
        ],
    }


def mentor_export(mentor):
    return {
        "name": mentor.name,
        "email": mentor.email,
        "bio": mentor.bio,
        "capacity": mentor.capacity,
        "available": mentor.is_active,
        "expertise": [n.name for n in mentor.expertise.all()],
        "sectors": [str(s) for s in mentor.sectors.all()],
        "stages": [str(s) for s in mentor.stages.all()],
        "languages": [language.code for language in mentor.languages.all()],
        "neighbourhoods": [str(n) for n in mentor.neighbourhoods.all()],
        "introductions": [
            {
                "created_at": m.created_at.isoformat(),
                "status": m.status,
                "intake_goal": m.intake_goal,
                "intake_frequency": m.intake_frequency,
                "rating": m.mentor_rating,
                "comment": m.mentor_comment,
            }
            for m in mentor.matches.all()
        ],
    }


@personal_data(section="mentoring")
class MentoringData:
    @staticmethod
    def export(user):
        requests = (
            MatchRequest.objects.filter(founder=user)
            .select_related("business", "sector", "stage", "neighbourhood")
            .prefetch_related("needs", "languages", "matches__mentor", "events")
        )
        mentor = Mentor.objects.filter(user=user).first()
        return {
            "requests": [request_export(r, user) for r in requests],
            "mentor": None if mentor is None else mentor_export(mentor),
        }

    @staticmethod
    def kept(user):
        if not Mentor.objects.filter(user=user).exists():
            return []
        return [
            _(
                "Je mentorschappen blijven meetellen in de cijfers van de gemeente, zonder je naam, "
                "e-mailadres, beschrijving en foto."
            )
        ]

    @staticmethod
    def erase(user, request):
        # Requests, their introductions and steps go, which frees their mentors.
        MatchRequest.objects.filter(founder=user).delete()
        # A mentor entry stays for the figures of the founders it helped (its matches), without
        # the person: name, e-mail, description and photo go, here and in every revision.
        for mentor in Mentor.objects.filter(user=user):
            label = f"{mentor.name} (mentor)"
            with translation.override(settings.LANGUAGE_CODE):
                anonymous = {
                    "name": str(_("Mentor (account verwijderd)")),
                    "email": "",
                    "bio": "",
                    "photo": None,
                    "user": None,
                    "is_active": False,
                }
                # Steps name the mentor in who took them and in the staff's notes.
                unnamed = str(_("de mentor"))
                MatchEvent.objects.filter(actor_label=label).update(actor_label=unnamed)
                MatchEvent.objects.filter(note__contains=mentor.name).update(
                    note=Replace("note", Value(mentor.name), Value(unnamed))
                )
            scrub_revisions(mentor, anonymous)
            for field, value in anonymous.items():
                setattr(mentor, field, value)
            mentor.save()
