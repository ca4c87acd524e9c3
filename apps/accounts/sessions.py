"""Django's database sessions, read with one plain SQL statement.

Every signed-in request reads its session, and a page served from memory
(apps/core/pagecache.py) costs little more than that and reading the person: building
the ORM query took about as long as everything else together. Writing, expiry and
clearing stay Django's (SESSION_ENGINE = "apps.accounts.sessions").
"""

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        model = self.model
        connection = connections[router.db_for_read(model)]
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {table} WHERE session_key = %s AND expire_date > %s",
                [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])  # what load() reads
