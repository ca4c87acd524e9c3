from django.apps import AppConfig
from django.core.validators import MaxLengthValidator
from django.utils.translation import ngettext_lazy


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        # Every "too long" message in Rebound's words, wherever a form checks a length.
        MaxLengthValidator.message = ngettext_lazy(
            "This is longer than the %(limit_value)d character it can hold "
            "(it has %(show_value)d). Please shorten it: everything else is kept.",
            "This is longer than the %(limit_value)d characters it can hold "
            "(it has %(show_value)d). Please shorten it: everything else is kept.",
            "limit_value",
        )
