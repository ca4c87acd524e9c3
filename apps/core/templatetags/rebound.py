from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url_name: str, label: str, css_class: str = "", but_not: str = "") -> str:
    """A main-navigation item, marked as the current page when the path is inside its
    section (Home only on itself), except inside `but_not`, a section of its own."""
    url = reverse(url_name)
    path = context["request"].path
    if url_name == "home:index":
        is_current = path == url
    else:
        is_current = path.startswith(url) and not (but_not and path.startswith(reverse(but_not)))
    return format_html(
        '<li><a href="{}"{}{}>{}</a></li>',
        url,
        format_html(' class="{}"', css_class) if css_class else "",
        mark_safe(' aria-current="page"') if is_current else "",
        label,
    )


@register.filter
def saved_elsewhere(field) -> str:
    """What is saved now for this field, when the form came from an old copy of the page."""
    return getattr(field.form, "saved_elsewhere", {}).get(field.name, "")


@register.simple_tag(takes_context=True)
def page_url(context, param: str, number: int) -> str:
    """This page's address at another page of one of its lists (`param`, e.g. "page"),
    keeping every other choice in the address (filters, the other lists' pages)."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"


@register.filter
def error_summary(form) -> str:
    """The words above a refused form's errors: the form's own when it has some (a file
    that can't be used has nothing typed to keep; a password box is cleared)."""
    return (
        getattr(form, "error_summary", "")
        or "Something needs another look. Everything you typed is still here."
    )


@register.filter
def breakable_email(address) -> str:
    """An email address that wraps before its @ on a narrow screen, not mid-word."""
    local, at, domain = str(address).rpartition("@")
    if not at:
        return address
    return format_html("{}<wbr>@{}", local, domain)
