from django.urls import path

from . import views

app_name = "journal"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.choose_guide, name="new"),
    path("write/", views.write_new, name="write_new"),
    path("write/rounds/", views.round_choice, name="round_choice"),
    path("entries/<int:pk>/", views.entry, name="entry"),
    path("entries/<int:pk>/write/", views.write, name="write"),
    path("entries/<int:pk>/delete/", views.delete, name="delete"),
    path("entries/<int:pk>/burn/", views.burn, name="burn"),
]
