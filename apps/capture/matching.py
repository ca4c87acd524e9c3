"""Which of the person's applications a message is about: the same company name, or the
sender's email domain against the application's link or company. Only their own rows are
ever read, in one query."""

from apps.interviews.models import Application

from .reading import Reading
from .reading.company import domain_label, key


def applications_of(user) -> list[Application]:
    """Every application the person has, as little of each as matching needs."""
    return list(
        Application.objects.for_user(user)
        .only("pk", "company", "role", "link", "status", "updated_at")
        .order_by("-updated_at")
    )


def _same_role(application: Application, role: str) -> bool:
    return bool(key(role)) and key(role) in key(application.role)


def matching_application(applications: list[Application], reading: Reading):
    """The one application the message is about, else None. A company with several
    applications is narrowed by the role, then by which are still open."""
    name = key(reading.company)
    label = domain_label(reading.sender_domain)
    found = [a for a in applications if name and key(a.company) == name]
    if not found and label:
        found = [
            a
            for a in applications
            if label in (domain_label(a.link), key(a.company)) or key(a.company).startswith(label)
        ]
    if len(found) > 1 and reading.role:
        found = [a for a in found if _same_role(a, reading.role)] or found
    if len(found) > 1:
        found = [a for a in found if a.is_active] or found
    return found[0] if len(found) == 1 else None


def same_company(applications: list[Application], reading: Reading) -> list[Application]:
    name = key(reading.company)
    return [a for a in applications if name and key(a.company) == name]
