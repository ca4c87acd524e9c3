from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form and field renders through templates/forms/, so they all look alike."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
