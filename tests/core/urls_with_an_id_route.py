"""A URLconf with one id-taking route that no case covers, to prove the walker sees it."""

from django.urls import include, path

from apps.core import views

fake_patterns = ([path("things/<int:pk>/", views.support, name="thing")], "fake")

urlpatterns = [
    path("", include("config.urls")),
    path("fake/", include(fake_patterns)),
]
