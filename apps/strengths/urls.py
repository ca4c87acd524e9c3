from django.urls import path

from . import views

app_name = "strengths"

urlpatterns = [
    path("bad-day/", views.bad_day, name="bad_day"),
    path("bad-day/first-strengths/", views.first_strengths, name="first_strengths"),
    path("", views.index, name="index"),
    path("add/", views.strength_add, name="strength_add"),
    path("<int:pk>/edit/", views.strength_edit, name="strength_edit"),
    path("<int:pk>/pin/", views.strength_pin, name="strength_pin"),
    path("<int:pk>/move/", views.strength_move, name="strength_move"),
    path("<int:pk>/delete/", views.strength_delete, name="strength_delete"),
    path("exercise/", views.exercise, name="exercise"),
    path("achievements/new/", views.achievement_edit, name="achievement_new"),
    path("achievements/<int:pk>/edit/", views.achievement_edit, name="achievement_edit"),
    path(
        "achievements/<int:pk>/delete/",
        views.achievement_delete,
        name="achievement_delete",
    ),
    path("supporters/new/", views.supporter_edit, name="supporter_new"),
    path("supporters/<int:pk>/edit/", views.supporter_edit, name="supporter_edit"),
    path("supporters/<int:pk>/delete/", views.supporter_delete, name="supporter_delete"),
]
