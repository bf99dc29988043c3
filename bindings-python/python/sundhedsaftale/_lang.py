"""The two languages everything a person reads exists in. The package's
lowest module: it imports nothing of the package, so every other may use it."""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "da"]


def check_lang(lang: str) -> None:
    """Raises `ValueError` for a language other than ``en`` and ``da``."""
    if lang not in ("en", "da"):
        raise ValueError(f"unknown language {lang!r} (use 'en' or 'da')")
