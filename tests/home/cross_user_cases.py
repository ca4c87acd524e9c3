"""Every home route that takes an id, proven to answer another person with 404."""

from tests.cross_user import cross_user_case
from tests.interviews.cross_user_cases import interview_pk

cross_user_case("home:follow_up_done", methods=("post",))(interview_pk)
