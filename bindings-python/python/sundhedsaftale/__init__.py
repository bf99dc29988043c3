"""sundhedsaftale: Danish cross-sector health agreements as typed, validated data.

>>> import datetime, sundhedsaftale
>>> agreement = sundhedsaftale.nordjylland_2024()
>>> agreement.status_on(datetime.date(2026, 1, 1)).state
'in_force'
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Union

from . import _native
from ._agreement import Agreement, CalendarEntry, DecidingDate, ValidityStatus
from ._errors import Lang, Problem, ValidationError, localise

__version__: str = _native.__version__
SCHEMA_VERSION: int = _native.SCHEMA_VERSION

__all__ = [
    "Agreement",
    "CalendarEntry",
    "DecidingDate",
    "Lang",
    "Problem",
    "SCHEMA_VERSION",
    "ValidationError",
    "ValidityStatus",
    "agreement_schema",
    "catalogue",
    "load",
    "loads",
    "nordjylland_2024",
    "problems",
]


def nordjylland_2024() -> Agreement:
    """The embedded North Jutland health agreement 2024."""
    return Agreement(_native.nordjylland_2024())


def loads(text: Union[str, bytes]) -> Agreement:
    """Parses and validates JSON text; raises `ValidationError` listing every error."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return Agreement(_native.loads(text))


def load(path: Union[str, "os.PathLike[str]"]) -> Agreement:
    """Reads, parses and validates a JSON file; raises `ValidationError` listing every error."""
    with open(path, encoding="utf-8") as f:
        return loads(f.read())


def problems(text: Union[str, bytes], lang: Lang = "en") -> List[Problem]:
    """Every problem in JSON text, parse errors included, without raising."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return localise(_native.problems(text), lang)


def catalogue() -> List[Dict[str, Any]]:
    """The catalogue of problem codes, with severity and message templates."""
    result: List[Dict[str, Any]] = _native.catalogue()
    return result


def agreement_schema() -> str:
    """The JSON Schema of an agreement document."""
    return _native.agreement_schema()
