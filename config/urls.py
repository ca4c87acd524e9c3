from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("apps.core.urls")),
    path("", include("apps.accounts.urls")),
    path("interviews/", include("apps.interviews.urls")),
    path("journal/", include("apps.journal.urls")),
    path("", include("apps.strengths.urls")),
    path("feedback/", include("apps.feedback.urls")),
    path("", include("apps.rejections.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
