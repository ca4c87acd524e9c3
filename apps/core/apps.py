from django.apps import AppConfig
from django.core.validators import MaxLengthValidator
from django.db.models.signals import m2m_changed
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
        m2m_changed.connect(mark_links_changed, dispatch_uid="rebound_links_changed")


def mark_links_changed(sender, instance, action, **kwargs) -> None:
    """Links between a person's rows (an achievement's strengths) move their change stamp."""
    from apps.core.models import mark_changed

    if action.startswith("pre_") and (owner_id := getattr(instance, "owner_id", None)):
        mark_changed({owner_id})
