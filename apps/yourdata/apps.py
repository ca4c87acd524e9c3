from django.apps import AppConfig


class YourDataConfig(AppConfig):
    """Take everything out (export), bring it back in (import), or leave (delete the
    account). It sits above the feature apps: it reads their models, none of them imports it."""

    name = "apps.yourdata"
    label = "yourdata"
    verbose_name = "Your data"
