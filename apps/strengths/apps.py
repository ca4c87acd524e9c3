from django.apps import AppConfig


class StrengthsConfig(AppConfig):
    name = "apps.strengths"
    label = "strengths"
    verbose_name = "Strengths"
