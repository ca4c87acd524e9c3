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
def _person_query(database: str):
    """The statement, the fields' names, and each column's converters (SQLite hands back
    text and naive times that Django's own read turns into values)."""
    model = get_user_model()
    connection = connections[database]
    fields = model._meta.concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    converters = []
    for field in fields:
        column = field.get_col(model._meta.db_table)
        convert = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        converters.append((convert, column))
    sql = f"SELECT {columns} FROM {table} WHERE {pk} = %s"
    return sql, [field.attname for field in fields], converters


class PersonBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        database = router.db_for_read(model)
        sql, names, converters = _person_query(database)
        connection = connections[database]
        with connection.cursor() as cursor:
            cursor.execute(sql, [user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        values = []
        for value, (convert, column) in zip(row, converters, strict=True):
            for converter in convert:
                value = converter(value, column, connection)
            values.append(value)
        user = model.from_db(database, names, values)
        return user if self.user_can_authenticate(user) else None
