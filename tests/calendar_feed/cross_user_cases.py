"""The calendar routes that take an id or a secret."""

from apps.calendar_feed.services import make_new_address
from tests.cross_user import cross_user_case, secret_link_case
from tests.interviews.factories import make_application, make_interview


@cross_user_case("calendar_feed:round_event")
def _(alice):
    return {"pk": make_interview(make_application(alice)).pk}


@secret_link_case("calendar_feed:feed")
def _(alice):
    token = make_new_address(alice).token
    key, signature = token.split(".")
    return {"token": token}, {"token": f"{key}.{signature[::-1]}"}
