"""Every feedback route that takes an id, proven to answer another person with 404."""

from tests.cross_user import cross_user_case
from tests.feedback.factories import make_request


def request_pk(alice) -> dict:
    return {"pk": make_request(alice).pk}


cross_user_case("feedback:request")(request_pk)
for route in ("edit", "delete"):
    cross_user_case(f"feedback:{route}", methods=("get", "post"), data={"message": "Mine"})(
        request_pk
    )
cross_user_case("feedback:sent", methods=("post",), data={"sent_on": "2026-11-01"})(request_pk)
cross_user_case("feedback:reply", methods=("post",), data={"response": "Mine"})(request_pk)
cross_user_case("feedback:status", methods=("post",), data={"status": "declined"})(request_pk)
