from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("", views.index, name="index"),
    path("follow-ups/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
]
