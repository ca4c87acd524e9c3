"""What a worker loads at start: passkeys are off, so allauth's passkey code (with fido2
and cryptography, about 14 MB a worker) waits until something uses it, which is never."""

import os
import subprocess
import sys

from django.conf import settings

LOADED = """
import sys, django
django.setup()
import config.urls, allauth.account.views, allauth.mfa.base.views
print(",".join(name for name in ("fido2", "cryptography") if name in sys.modules))
"""


def test_the_passkey_code_is_not_loaded_while_passkeys_are_off():
    assert "webauthn" not in settings.MFA_SUPPORTED_TYPES
    loaded = subprocess.run(
        [sys.executable, "-c", LOADED],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "x"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == ""
