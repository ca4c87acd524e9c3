from django.urls import path

from . import views

app_name = "yourdata"

urlpatterns = [
    path("", views.index, name="index"),
    path("export/", views.export, name="export"),
    path("export/download/", views.download, name="download"),
    path("import/", views.import_export, name="import"),
    path("import/csv/", views.csv_upload, name="csv_upload"),
    path("import/csv/preview/", views.csv_preview, name="csv_preview"),
    path("delete/", views.delete, name="delete"),
    path("deleted/", views.deleted, name="deleted"),
]
