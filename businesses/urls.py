"""/mijn-bedrijf/: what an entrepreneur does with their own businesses."""

from django.urls import path

from businesses.selfservice import claims as claim_views
from businesses.selfservice import views

urlpatterns = [
    path("", views.my_businesses, name="my_businesses"),
    path("nieuw/", views.start_profile, name="profile_start"),
    path("profiel/<int:draft_id>/verwijderen/", views.discard_profile, name="profile_discard"),
    path("profiel/<int:draft_id>/<slug:step>/", views.profile_step, name="profile_step"),
    path(
        "profiel/<int:draft_id>/foto/<int:image_id>/", views.draft_photo, name="profile_draft_photo"
    ),
    path("<int:business_id>/bewerken/", views.edit_profile, name="profile_edit"),
    path("claimen/<int:business_id>/", claim_views.claim_business, name="business_claim"),
]
