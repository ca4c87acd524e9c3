"""The reminder routes that take a secret: the signed unsubscribe link."""

from apps.reminders.digest import unsubscribe_token
from tests.cross_user import secret_link_case


@secret_link_case("reminders:unsubscribe")
def _(alice):
    token = unsubscribe_token(alice)
    owner_id, signature = token.split(".")
    # Someone else's id under Alice's signature is refused, as is any changed signature.
    return {"token": token}, {"token": f"{int(owner_id) + 1}.{signature}"}
