"""Every strengths route that takes an id, proven to answer another person with 404."""

from tests.cross_user import cross_user_case
from tests.strengths.factories import make_achievement, make_strength, make_supporter


def strength_pk(alice) -> dict:
    return {"pk": make_strength(alice).pk}


for route in ("strength_edit", "strength_delete"):
    cross_user_case(f"strengths:{route}", methods=("get", "post"), data={"name": "Mine"})(
        strength_pk
    )
cross_user_case("strengths:strength_pin", methods=("post",))(strength_pk)
cross_user_case("strengths:strength_move", methods=("post",), data={"direction": "up"})(strength_pk)


@cross_user_case("strengths:achievement_edit", methods=("get", "post"), data={"title": "Mine"})
def _achievement_edit(alice):
    return {"pk": make_achievement(alice).pk}


@cross_user_case("strengths:achievement_delete", methods=("get", "post"))
def _achievement_delete(alice):
    return {"pk": make_achievement(alice).pk}


@cross_user_case("strengths:supporter_edit", methods=("get", "post"), data={"name": "Mine"})
def _supporter_edit(alice):
    return {"pk": make_supporter(alice).pk}


@cross_user_case("strengths:supporter_delete", methods=("get", "post"))
def _supporter_delete(alice):
    return {"pk": make_supporter(alice).pk}
