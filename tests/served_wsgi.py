"""The app as a server process that a test starts serves it: config/settings.py from the
environment (DEBUG off, as deployed), with the test run's overrides (tests/conftest.py),
which must be in place before the middleware is built."""

import os

import django
from django.core.wsgi import get_wsgi_application
from django.test.utils import override_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup(set_prefix=False)

from tests.conftest import overrides_for_tests  # noqa: E402  (needs the settings loaded)

override_settings(**overrides_for_tests()).enable()
application = get_wsgi_application()
