from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("", views.index, name="index"),
    path("pace-notes/", views.pace_notes, name="pace_notes"),
]
