"""Django's ModelBackend, with the signed-in person read by one plain SQL statement.

Every signed-in request reads the person (with their change stamp, which says whether a
remembered page is still current: apps/core/pagecache.py). Building that ORM query took
about as long as serving a remembered page otherwise does. Logging in, permissions and
the rest are Django's own.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router


@cache
def _person_query() -> tuple[str, list[str]]:
    model = get_user_model()
    connection = connections[router.db_for_read(model)]
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    return f"SELECT {columns} FROM {table} WHERE {pk} = %s", [f.attname for f in fields]


class PersonBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        sql, names = _person_query()
        database = router.db_for_read(model)
        with connections[database].cursor() as cursor:
            cursor.execute(sql, [user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        user = model.from_db(database, names, row)
        return user if self.user_can_authenticate(user) else None
