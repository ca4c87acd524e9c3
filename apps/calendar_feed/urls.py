from django.urls import path

from . import views

app_name = "calendar_feed"

urlpatterns = [
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("rounds/<int:pk>.ics", views.round_event, name="round_event"),
    path("address/new/", views.new_address, name="new_address"),
    path("address/off/", views.turn_off, name="turn_off"),
]
