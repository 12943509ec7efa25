"""The founder's side (/mentor-aanvragen/) and the mentor's side (/mentor/koppeling/<link>/).

Founders only see their own requests (404 otherwise). Mentors act through the secret link in
their e-mail, without an account: an unknown link says so; a link whose step is done changes
nothing; a link whose match ended, or that is older than MENTOR_LINK_DAYS, says whom to ask and
shows nothing of the request.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from programmes.mentoring import candidates, consent, progress, steps
from programmes.mentoring.forms import (
    AnswerForm,
    CloseForm,
    FeedbackForm,
    FounderFeedbackForm,
    IntakeForm,
    MatchRequestForm,
    MentorProfileForm,
)
from programmes.models import MatchRequest, Mentor, MentorMatch
from programmes.views import own_business


def initial_from_business(request):
    business = own_business(request)
    if business is None:
        return {}
    return {
        "business": business,
        "sector": next(iter(business.sectors.all()), None),
        "neighbourhood": business.neighbourhood,
        "languages": list(business.languages.all()),
    }


@never_cache
@login_required
def request_mentor(request):
    form = MatchRequestForm(
        request.POST if request.method == "POST" else None,
        founder=request.user,
        initial=initial_from_business(request),
    )
    if request.method == "POST" and form.is_valid():
        if is_ratelimited(request, group="mentor-request", key="user", rate="5/d", increment=True):
            form.add_error(
                None, _("Je hebt vandaag al een paar aanvragen gedaan. Probeer het morgen opnieuw.")
            )
        else:
            match_request = form.save(commit=False)
            match_request.founder = request.user
            match_request.self_assessment_start = form.self_assessment()
            match_request.save()
            form.save_m2m()
            # The name goes with the account (also shown, and changed, in "Mijn account").
            first_name = form.cleaned_data["first_name"].strip()
            if "first_name" in form.data and first_name != request.user.first_name:
                request.user.first_name = first_name
                request.user.save(update_fields=["first_name"])
            consent.REQUEST.record(request.user)
            steps.submit(match_request, request.user)
            messages.success(
                request,
                _("Je aanvraag is verstuurd. Binnen %(days)s werkdagen hoor je van ons.")
                % {"days": steps.PROMISED_WORKING_DAYS},
            )
            return redirect("mentor_request_detail", pk=match_request.pk)
    context = {
        "form": form,
        "requests": [
            (item, progress.founder_state(item))
            for item in MatchRequest.objects.filter(founder=request.user).order_by("-created_at")
        ],
        "page_title": _("Een mentor aanvragen"),
    }
    return render(request, "programmes/mentoring/request_form.html", context)


@never_cache
@login_required
def request_detail(request, pk):
    match_request = get_object_or_404(MatchRequest, pk=pk, founder=request.user)
    match = match_request.current_match
    feedback_form = None
    close_form = CloseForm(prefix="stop")
    if request.method == "POST":
        if "stop-reason" in request.POST:
            close_form = CloseForm(request.POST, prefix="stop")
            if close_form.is_valid() and match_request.status not in (
                MatchRequest.Status.COMPLETED,
                MatchRequest.Status.CLOSED,
            ):
                steps.close(
                    match_request,
                    request.user,
                    close_form.cleaned_data["reason"],
                    label=request.user.email,
                )
                messages.success(request, _("Je aanvraag is gestopt."))
                return redirect("mentor_request_detail", pk=pk)
        elif match and match.status == MentorMatch.Status.ACTIVE and not match.founder_rating:
            feedback_form = FounderFeedbackForm(request.POST)
            if feedback_form.is_valid():
                data = feedback_form.cleaned_data
                steps.give_feedback(
                    match,
                    True,
                    int(data["rating"]),
                    data["comment"],
                    feedback_form.self_assessment(),
                )
                messages.success(request, _("Dank je wel voor je reactie!"))
                return redirect("mentor_request_detail", pk=pk)
    if (
        feedback_form is None
        and match
        and match.status == MentorMatch.Status.ACTIVE
        and not match.founder_rating
    ):
        feedback_form = FounderFeedbackForm()
    context = {
        "match_request": match_request,
        "match": match,
        "state": progress.founder_state(match_request, match),
        # The mentor's name and address only once they said yes (not of one who never answered).
        "mentor_said_yes": match is not None
        and (
            match.status
            in (
                MentorMatch.Status.ACCEPTED,
                MentorMatch.Status.ACTIVE,
                MentorMatch.Status.COMPLETED,
            )
            or match_request.events.filter(status=MentorMatch.Status.ACCEPTED).exists()
        ),
        "events": match_request.events.all(),
        "contact": candidates.contact_for(match_request),
        "feedback_form": feedback_form,
        "close_form": close_form,
        "page_title": str(match_request),
    }
    return render(request, "programmes/mentoring/request_detail.html", context)


def match_for_token(token):
    match = (
        MentorMatch.objects.select_related("request__founder", "request__business", "mentor")
        .filter(token=token)
        .first()
    )
    return match if match and constant_time_compare(match.token, token) else None


@never_cache
def mentor_match(request, token):
    match = match_for_token(token)
    if match is None:
        return render(
            request,
            "programmes/mentoring/link_unknown.html",
            {"page_title": _("Deze link klopt niet")},
            status=404,
        )
    if not match.link_works():
        # Also where a mentor lands who just declined or finished: their message shows here.
        return render(
            request,
            "programmes/mentoring/link_expired.html",
            {
                "contact": candidates.contact_for(match.request),
                "page_title": _("Deze link werkt niet meer"),
            },
            status=410,
        )
    forms = {
        "answer": AnswerForm(),
        "intake": IntakeForm(instance=match),
        "feedback": FeedbackForm(),
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("accept", "decline"):
            if match.status != MentorMatch.Status.INTRODUCED:
                messages.info(
                    request, _("Je hebt al geantwoord op dit voorstel. Er is niets veranderd.")
                )
                return redirect("mentor_match", token=token)
            forms["answer"] = AnswerForm(request.POST)
            if forms["answer"].is_valid():
                steps.answer(match, action == "accept", forms["answer"].cleaned_data["note"])
                messages.success(
                    request,
                    _("Dank je wel! We hebben de ondernemer laten weten dat je ja zegt.")
                    if action == "accept"
                    else _(
                        "Jammer, maar dank je wel voor je antwoord. We zoeken een andere mentor."
                    ),
                )
                return redirect("mentor_match", token=token)
        elif action == "intake" and match.status == MentorMatch.Status.ACCEPTED:
            forms["intake"] = IntakeForm(request.POST, instance=match)
            if forms["intake"].is_valid():
                data = forms["intake"].cleaned_data
                steps.record_intake(
                    match,
                    data["intake_goal"],
                    data["intake_frequency"],
                    f"{match.mentor.name} (mentor)",
                )
                messages.success(request, _("De afspraken zijn bewaard. Veel succes samen!"))
                return redirect("mentor_match", token=token)
        elif (
            action == "feedback"
            and match.status == MentorMatch.Status.ACTIVE
            and not match.mentor_rating
        ):
            forms["feedback"] = FeedbackForm(request.POST)
            if forms["feedback"].is_valid():
                data = forms["feedback"].cleaned_data
                steps.give_feedback(match, False, int(data["rating"]), data["comment"])
                messages.success(request, _("Dank je wel voor je reactie!"))
                return redirect("mentor_match", token=token)
        else:
            messages.info(request, _("Deze stap is al gedaan. Er is niets veranderd."))
            return redirect("mentor_match", token=token)
    context = {
        "match": match,
        "match_request": match.request,
        "forms": forms,
        "page_title": _("Voorstel voor een mentorschap"),
    }
    return render(request, "programmes/mentoring/mentor_match.html", context)


@never_cache
@login_required
def mentor_profile(request):
    """A mentor with an account keeps their entry; each change waits for a moderator."""
    mentor = get_object_or_404(Mentor, user=request.user)
    latest = mentor.get_latest_revision_as_object()
    form = MentorProfileForm(request.POST if request.method == "POST" else None, instance=latest)
    if request.method == "POST" and form.is_valid():
        steps.submit_mentor_change(form.save(commit=False), request.user)
        messages.success(
            request, _("Dank je wel! Een medewerker van de gemeente kijkt je wijziging na.")
        )
        return redirect("mentor_profile")
    context = {
        "form": form,
        "mentor": mentor,
        "waiting": mentor.has_unpublished_changes,
        "matches": mentor.matches.select_related("request").order_by("-created_at"),
        "page_title": _("Mijn mentorprofiel"),
    }
    return render(request, "programmes/mentoring/mentor_profile.html", context)
