from django.urls import path

from . import views

app_name = "interviews"

urlpatterns = [
    path("", views.applications, name="applications"),
    path("log/", views.log_interview, name="log"),
    path("log/question-row/", views.question_row, name="question_row"),
    path("applications/new/", views.application_new, name="application_new"),
    path("applications/<int:pk>/", views.application, name="application"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/status/", views.application_status, name="application_status"),
    path("applications/<int:pk>/delete/", views.application_delete, name="application_delete"),
    path("rounds/<int:pk>/", views.interview, name="interview"),
    path("rounds/<int:pk>/edit/", views.interview_edit, name="interview_edit"),
    path("rounds/<int:pk>/delete/", views.interview_delete, name="interview_delete"),
    path("rounds/<int:pk>/questions/add/", views.question_add, name="question_add"),
    path("questions/", views.question_bank, name="questions"),
    path("questions/<int:pk>/edit/", views.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", views.question_delete, name="question_delete"),
    path("questions/<int:pk>/practised/", views.question_practised, name="question_practised"),
    path(
        "questions/<int:pk>/better-answer/",
        views.question_better_answer,
        name="question_better_answer",
    ),
]
