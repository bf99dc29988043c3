"""The two languages everything a person reads exists in, and the package's
default one. The package's lowest module: it imports nothing of the
package, so every other may use it."""

from __future__ import annotations

from typing import Literal, Optional

Lang = Literal["en", "da"]

_default: Lang = "en"


def check_lang(lang: str) -> None:
    """Raises `ValueError` for a language other than ``en`` and ``da``."""
    if lang not in ("en", "da"):
        raise ValueError(f"unknown language {lang!r} (use 'en' or 'da')")


def set_lang(lang: Lang) -> None:
    """Sets the language every display, table and message uses when a call
    names none (``"en"`` until set): once at the top of a notebook,
    ``sundhedsaftale.set_lang("da")``."""
    global _default
    check_lang(lang)
    _default = lang


def get_lang() -> Lang:
    """The language used when a call names none (see `set_lang`)."""
    return _default


def resolve(lang: Optional[str]) -> Lang:
    """``lang`` checked, or the default when it is ``None``."""
    if lang is None:
        return _default
    check_lang(lang)
    return lang  # type: ignore[return-value]
