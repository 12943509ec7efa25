"""The programmes app's part of a person's data: their mentor requests, and their mentor entry."""

from home.privacy import personal_data
from programmes.models import MatchRequest, Mentor


@personal_data(section="mentoring")
class MentoringData:
    @staticmethod
    def export(user):
        requests = MatchRequest.objects.filter(founder=user).prefetch_related(
            "needs", "languages", "matches__mentor", "events"
        )
        mentor = Mentor.objects.filter(user=user).first()
        return {
            "requests": [
                {
                    "created_at": r.created_at.isoformat(),
                    "status": r.status,
                    "needs": [n.name for n in r.needs.all()],
                    "languages": [language.code for language in r.languages.all()],
                    "goal": r.goal,
                    "self_assessment_start": r.self_assessment_start,
                    "self_assessment_end": r.self_assessment_end,
                    "close_reason": r.close_reason,
                    "matches": [
                        {
                            "mentor": m.mentor.name,
                            "status": m.status,
                            "intake_goal": m.intake_goal,
                            "rating": m.founder_rating,
                            "comment": m.founder_comment,
                        }
                        for m in r.matches.all()
                    ],
                    "steps": [
                        {"step": e.status, "at": e.created_at.isoformat(), "note": e.note}
                        for e in r.events.all()
                    ],
                }
                for r in requests
            ],
            "mentor": None
            if mentor is None
            else {
                "name": mentor.name,
                "email": mentor.email,
                "bio": mentor.bio,
                "capacity": mentor.capacity,
            },
        }

    @staticmethod
    def erase(user, request):
        # Requests, their introductions and steps go, which frees their mentors. A mentor entry
        # loses its link to the account and is paused, for staff to decide.
        MatchRequest.objects.filter(founder=user).delete()
        Mentor.objects.filter(user=user).update(user=None, is_active=False)
