from django.urls import path

from . import pwa, views

app_name = "core"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("support/", views.support, name="support"),
    path("healthz", views.healthz, name="healthz"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("service-worker.js", pwa.service_worker, name="service_worker"),
    path("offline/", pwa.offline, name="offline"),
]
