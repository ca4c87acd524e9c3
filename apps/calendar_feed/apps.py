from django.apps import AppConfig


class CalendarFeedConfig(AppConfig):
    name = "apps.calendar_feed"
    label = "calendar_feed"
    verbose_name = "Calendar feed"
