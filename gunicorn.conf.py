"""gunicorn reads this file from the directory it starts in (the README's deployment and
make bench both start it here), so every way of serving Rebound gets these settings.

The app is loaded once, in the master, before the workers are forked: the workers start
with Django, the URLconf and every module already in memory, shared with the master until
a worker writes to a page. Each worker is about 5 MB smaller (resident) and far less of
it is its own. A code change needs a restart (SIGHUP no longer reloads the code).

The database pool is made by the first query, and no query runs while the app loads, so
each worker still opens connections (and the pool's threads) of its own after the fork.
"""

import gc

preload_app = True


def on_starting(server):
    # No collections in the master while the app loads: they would only touch pages.
    gc.disable()


def pre_fork(server, worker):
    # Objects loaded so far are never collected, so the workers' collections don't write
    # to (and un-share) the pages that hold them.
    gc.freeze()


def post_fork(server, worker):
    gc.enable()
