"""Every interviews route that takes an id, proven to answer another person with 404."""

from tests.cross_user import cross_user_case
from tests.interviews.factories import make_application, make_interview, make_question


def application_pk(alice) -> dict:
    return {"pk": make_application(alice).pk}


def interview_pk(alice) -> dict:
    return {"pk": make_interview(make_application(alice)).pk}


def question_pk(alice) -> dict:
    return {"pk": make_question(make_interview(make_application(alice))).pk}


cross_user_case("interviews:application")(application_pk)
for route in ("application_edit", "application_delete"):
    cross_user_case(f"interviews:{route}", methods=("get", "post"))(application_pk)
cross_user_case("interviews:application_status", methods=("post",), data={"status": "offer"})(
    application_pk
)

cross_user_case("interviews:interview")(interview_pk)
for route in ("interview_edit", "interview_delete"):
    cross_user_case(f"interviews:{route}", methods=("get", "post"))(interview_pk)
cross_user_case("interviews:question_add", methods=("post",), data={"new-text": "Mine now?"})(
    interview_pk
)

for route in ("question_edit", "question_delete", "question_better_answer"):
    cross_user_case(f"interviews:{route}", methods=("get", "post"))(question_pk)
cross_user_case("interviews:question_practised", methods=("post",))(question_pk)
