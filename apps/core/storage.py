"""How collectstatic publishes static files in production."""

import rcssmin
import rjsmin
from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage

# Our own files (static/css, static/js): their comments explain them in the source, and
# need not travel to every phone. Packages' files (htmx, allauth's) come as they are.
MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
OURS = ("css/", "js/")


class MinifiedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed files, with our CSS and JavaScript minified first
    (first loads stay small: see `make bench`)."""

    def _save(self, name, content):
        minify = MINIFIERS.get(name[name.rfind(".") :])
        if minify and name.startswith(OURS):
            content.seek(0)  # the hashed copy comes from a file already read for its hash
            content = ContentFile(minify(content.read().decode()).encode())
        return super()._save(name, content)
