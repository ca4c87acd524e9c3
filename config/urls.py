from allauth.account.decorators import secure_admin_login
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView


def admin_urls() -> list:
    """Django's admin, for staff, only when ADMIN_ENABLED is on. Staff log in through
    allauth (two-factor, rate limits), never through the admin's own login form."""
    admin.site.login = secure_admin_login(admin.site.login)
    # Authenticators hold two-factor secrets: nobody reads them, staff included. (allauth
    # registers its admin after ours, so it is taken out here, where the admin is built.)
    if admin.site.is_registered(Authenticator):
        admin.site.unregister(Authenticator)
    return [path("admin/", admin.site.urls)]


def moved(old: str, to: str):
    """An address from before each app had its own prefix: bookmarks still arrive."""
    return path(old, RedirectView.as_view(pattern_name=to, permanent=True, query_string=True))


# Each app under its own prefix, so the address says which app a page belongs to.
urlpatterns = [
    path("", include("apps.core.urls")),
    path("home/", include("apps.home.urls")),
    path("capture/", include("apps.capture.urls")),
    path("interviews/", include("apps.interviews.urls")),
    path("feedback/", include("apps.feedback.urls")),
    path("journal/", include("apps.journal.urls")),
    path("insights/", include("apps.insights.urls")),
    path("strengths/", include("apps.strengths.urls")),
    # The rejections app's pages say what they do for the person: recovering. The word
    # "rejections" never shows in an address bar, a calendar or an email link.
    path("recovery/", include("apps.rejections.urls")),
    path("calendar/", include("apps.calendar_feed.urls")),
    path("reminders/", include("apps.reminders.urls")),
    path("accounts/", include("apps.accounts.urls")),
    path("your-data/", include("apps.yourdata.urls")),
    path("accounts/", include("allauth.urls")),
    moved("bad-day/", "strengths:bad_day"),
    moved("rejected/", "rejections:new"),
    moved("plan/", "rejections:plan"),
    moved("settings/", "accounts:settings"),
]
if settings.ADMIN_ENABLED:
    urlpatterns += admin_urls()
