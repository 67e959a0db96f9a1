"""Bilingual model fields: each translated text is stored twice, as ``<name>_vi`` and ``<name>_en``."""

from django.utils.translation import get_language


def translated(obj, field: str) -> str:
    """The active language's version of ``field``, falling back to Vietnamese when English is blank."""
    language = (get_language() or "vi").split("-")[0]
    value = getattr(obj, f"{field}_en") if language == "en" else ""
    return value or getattr(obj, f"{field}_vi")
