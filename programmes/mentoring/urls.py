from django.urls import path

from programmes.mentoring import views

urlpatterns = [
    path("mentor-aanvragen/", views.request_mentor, name="mentor_request"),
    path("mentor-aanvragen/<int:pk>/", views.request_detail, name="mentor_request_detail"),
    path("mentor/koppeling/<str:token>/", views.mentor_match, name="mentor_match"),
    path("mentor/profiel/", views.mentor_profile, name="mentor_profile"),
]
