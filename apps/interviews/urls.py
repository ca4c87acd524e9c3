from django.urls import path

from .views import applications, log, questions, rounds

app_name = "interviews"

urlpatterns = [
    path("", applications.applications, name="applications"),
    path("log/", log.log_interview, name="log"),
    path("log/question-row/", log.question_row, name="question_row"),
    path("applications/pick/", applications.pick_application, name="pick_application"),
    path("applications/new/", applications.application_new, name="application_new"),
    path("applications/<int:pk>/", applications.application, name="application"),
    path("applications/<int:pk>/edit/", applications.application_edit, name="application_edit"),
    path(
        "applications/<int:pk>/status/", applications.application_status, name="application_status"
    ),
    path(
        "applications/<int:pk>/delete/", applications.application_delete, name="application_delete"
    ),
    path("rounds/<int:pk>/", rounds.interview, name="interview"),
    path("rounds/<int:pk>/edit/", rounds.interview_edit, name="interview_edit"),
    path("rounds/<int:pk>/delete/", rounds.interview_delete, name="interview_delete"),
    path("rounds/<int:pk>/questions/add/", rounds.question_add, name="question_add"),
    path("questions/", questions.question_bank, name="questions"),
    path("questions/<int:pk>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/delete/", questions.question_delete, name="question_delete"),
    path("questions/<int:pk>/practised/", questions.question_practised, name="question_practised"),
    path(
        "questions/<int:pk>/better-answer/",
        questions.question_better_answer,
        name="question_better_answer",
    ),
]
