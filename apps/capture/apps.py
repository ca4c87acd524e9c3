from django.apps import AppConfig


class CaptureConfig(AppConfig):
    name = "apps.capture"
    verbose_name = "Paste the message"
