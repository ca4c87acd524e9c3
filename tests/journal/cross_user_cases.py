"""Every journal route that takes an id, proven to answer another person with 404."""

from tests.cross_user import cross_user_case
from tests.journal.factories import make_entry


@cross_user_case("journal:entry")
def _entry(alice):
    return {"pk": make_entry(alice).pk}


@cross_user_case(
    "journal:write", methods=("get", "post"), data={"version": "1", "answer_0": "Mine"}
)
def _write(alice):
    return {"pk": make_entry(alice).pk}


@cross_user_case("journal:delete", methods=("get", "post"))
def _delete(alice):
    return {"pk": make_entry(alice).pk}


@cross_user_case("journal:burn", methods=("get", "post"))
def _burn(alice):
    return {"pk": make_entry(alice, guide="vent").pk}
