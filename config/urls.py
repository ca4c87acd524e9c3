from allauth.account.decorators import secure_admin_login
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import admin
from django.urls import include, path


def admin_urls() -> list:
    """Django's admin, for staff, only when ADMIN_ENABLED is on. Staff log in through
    allauth (two-factor, rate limits), never through the admin's own login form."""
    admin.site.login = secure_admin_login(admin.site.login)
    # Authenticators hold two-factor secrets: nobody reads them, staff included. (allauth
    # registers its admin after ours, so it is taken out here, where the admin is built.)
    if admin.site.is_registered(Authenticator):
        admin.site.unregister(Authenticator)
    return [path("admin/", admin.site.urls)]


urlpatterns = [
    path("", include("apps.core.urls")),
    path("", include("apps.accounts.urls")),
    path("interviews/", include("apps.interviews.urls")),
    path("journal/", include("apps.journal.urls")),
    path("", include("apps.strengths.urls")),
    path("feedback/", include("apps.feedback.urls")),
    path("", include("apps.rejections.urls")),
    path("your-data/", include("apps.yourdata.urls")),
    path("accounts/", include("allauth.urls")),
]
if settings.ADMIN_ENABLED:
    urlpatterns += admin_urls()
