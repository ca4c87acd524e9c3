from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "apps.interviews"
    label = "interviews"
    verbose_name = "Interviews"
