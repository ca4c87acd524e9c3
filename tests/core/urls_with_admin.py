"""The app's URLs with the admin on, as ADMIN_ENABLED=true gives them."""

from config.urls import admin_urls
from config.urls import urlpatterns as app_urlpatterns

urlpatterns = [*app_urlpatterns, *admin_urls()]
