"""Every rejections route that takes an id, proven to answer another person with 404."""

from tests.cross_user import cross_user_case
from tests.feedback.factories import make_request
from tests.rejections.factories import make_plan_item, make_recovery


@cross_user_case("rejections:resume")
def _resume(alice):
    return {"pk": make_recovery(alice).pk}


@cross_user_case("rejections:step", methods=("get", "post"), data={"vent": "Mine now"})
def _step(alice):
    return {"pk": make_recovery(alice).pk, "number": 1}


@cross_user_case("rejections:step_screen", methods=("get", "post"), data={"vent": "Mine now"})
def _step_screen(alice):
    return {"pk": make_recovery(alice).pk, "number": 1, "screen": 3}


@cross_user_case("rejections:summary")
def _summary(alice):
    return {"pk": make_recovery(alice).pk}


@cross_user_case("rejections:plan_item_done", methods=("post",))
def _done(alice):
    return {"pk": make_plan_item(alice).pk}


@cross_user_case("rejections:plan_item_delete", methods=("get", "post"))
def _delete(alice):
    return {"pk": make_plan_item(alice).pk}


@cross_user_case("rejections:plan_from_feedback", methods=("post",), data={"takeaway": "x"})
def _from_feedback(alice):
    return {"pk": make_request(alice, takeaways="x").pk}
