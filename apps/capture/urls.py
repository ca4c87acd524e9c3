from django.urls import path

from . import views

app_name = "capture"

urlpatterns = [
    # The Web Share Target (manifest) opens this with ?title=&text=&url=.
    path("", views.paste, name="paste"),
]
