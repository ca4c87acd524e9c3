from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The signed-in home page: the top floor, gathering what each feature app has for
    today. It may import every feature app; none imports it."""

    name = "apps.home"
    label = "home"
    verbose_name = "Home"
