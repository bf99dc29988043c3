"""sundhedsaftale: Danish cross-sector health agreements as typed, validated data.

>>> import datetime, sundhedsaftale
>>> agreement = sundhedsaftale.nordjylland_2024()
>>> agreement.status_on(datetime.date(2026, 1, 1)).state
'in_force'
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Union

from . import _native
from ._agreement import Agreement, CalendarEntry, DecidingDate, ValidityStatus
from ._errors import Lang, Problem, ProgressError, ValidationError, localise
from ._follow_up import FollowUp
from ._observations import Observations

__version__: str = _native.__version__
SCHEMA_VERSION: int = _native.SCHEMA_VERSION

__all__ = [
    "Agreement",
    "CalendarEntry",
    "DecidingDate",
    "FollowUp",
    "Lang",
    "Observations",
    "Problem",
    "ProgressError",
    "SCHEMA_VERSION",
    "ValidationError",
    "ValidityStatus",
    "agreement_schema",
    "catalogue",
    "labels",
    "load",
    "loads",
    "minutes_problems",
    "minutes_report",
    "nordjylland_2024",
    "politisk_klynge_vest_2021",
    "problems",
    "progress",
]


def nordjylland_2024() -> Agreement:
    """The embedded North Jutland health agreement 2024."""
    return Agreement(_native.nordjylland_2024())


def loads(text: Union[str, bytes]) -> Agreement:
    """Parses and validates JSON text; raises `ValidationError` listing every error."""
    return Agreement(_native.loads(_text(text)))


def load(path: Union[str, "os.PathLike[str]"]) -> Agreement:
    """Reads, parses and validates a JSON file; raises `ValidationError` listing every error."""
    with open(path, encoding="utf-8") as f:
        return loads(f.read())


def problems(text: Union[str, bytes], lang: Lang = "en") -> List[Problem]:
    """Every problem in JSON text, parse errors included, without raising."""
    return localise(_native.problems(_text(text)), lang)


def politisk_klynge_vest_2021() -> Dict[str, Any]:
    """The embedded minutes of Politisk Klynge Vest, 6 September 2021, as plain data."""
    data: Dict[str, Any] = json.loads(_native.politisk_klynge_vest_2021_json())
    return data


def minutes_problems(minutes: Union[str, bytes, Dict[str, Any]], lang: Lang = "en") -> List[Problem]:
    """Every problem in minutes (JSON text or plain data), checked against the embedded agreement."""
    return localise(_native.minutes_problems(_text(minutes)), lang)


def minutes_report(minutes: Union[str, bytes, Dict[str, Any]], lang: Lang = "en") -> str:
    """The readable report of minutes; raises `ValidationError` when they have errors."""
    return _native.minutes_report(_text(minutes), lang)


def _text(document: Union[str, bytes, Dict[str, Any]]) -> str:
    if isinstance(document, dict):
        return json.dumps(document, ensure_ascii=False)
    if isinstance(document, bytes):
        # Invalid UTF-8 is a ValidationError (`invalid_encoding`), not a UnicodeDecodeError.
        return _native.decode(document)
    return document


def progress(input: Dict[str, Any]) -> Dict[str, Any]:
    """Progress from a base to a current value, by the Open SDG method, with every component.

    ``input`` has ``base`` and ``current`` (``{"period": "2021", "value": 12.5}``),
    ``direction`` (``higher_is_better``, ``lower_is_better``, ``optimal_range``,
    ``unknown``) and optionally ``target``, ``limit``, ``range``, ``thresholds``.
    Raises `ProgressError` (with ``.code``) for a zero base or target and the like.
    """
    result: Dict[str, Any] = _native.progress(json.dumps(input))
    return result


def catalogue() -> List[Dict[str, Any]]:
    """The catalogue of problem codes, with severity and message templates."""
    result: List[Dict[str, Any]] = _native.catalogue()
    return result


def labels() -> List[Dict[str, str]]:
    """Every labelled code, as ``{"kind", "code", "en", "da"}``: statuses,
    levels, validity states, kinds of body, and so on.

    >>> next(l["da"] for l in labels() if (l["kind"], l["code"]) == ("validity_state", "in_force"))
    'i kraft'
    """
    result: List[Dict[str, str]] = _native.labels()
    return result


def agreement_schema() -> str:
    """The JSON Schema of an agreement document."""
    return _native.agreement_schema()
