from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("settings/", views.save_settings, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
