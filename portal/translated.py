"""Bilingual model fields: each translated text is stored twice, as ``<name>_vi`` and ``<name>_en``."""

from django.utils.translation import get_language


def translated(obj, field: str) -> str:
    """The active language's version of ``field``, falling back to Vietnamese when English is blank."""
    return in_language(getattr(obj, f"{field}_vi"), getattr(obj, f"{field}_en"))


def in_language(vietnamese: str, english: str) -> str:
    """``translated`` for two values read without their object (a download's ``values_list`` row)."""
    language = (get_language() or "vi").split("-")[0]
    return (english if language == "en" else "") or vietnamese
