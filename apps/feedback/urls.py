from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="request"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/sent/", views.mark_sent, name="sent"),
    path("<int:pk>/reply/", views.record_reply, name="reply"),
    path("<int:pk>/status/", views.set_status, name="status"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
