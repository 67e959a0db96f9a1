"""Static files: hashed names, compressed copies, and a manifest that is never served.

Django's manifest storage writes ``staticfiles.json`` (every file's hashed name) into ``STATIC_ROOT``,
the folder whitenoise (or a CDN) serves, so anyone could list the static files. The manifest is for
the app servers alone: it is kept in ``STATIC_MANIFEST_ROOT``, beside the served folder.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("manifest_storage", FileSystemStorage(location=settings.STATIC_MANIFEST_ROOT))
        super().__init__(*args, **kwargs)
