from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """Insights: the search in a few calm charts, each with words that say the same. A top
    floor: it reads interviews, journal and rejections; no app imports it."""

    name = "apps.insights"
    label = "insights"
    verbose_name = "Insights"
