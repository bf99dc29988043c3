"""sundhedsaftale: Danish cross-sector health agreements as typed, validated data.

>>> import datetime, sundhedsaftale
>>> agreement = sundhedsaftale.nordjylland_2024()
>>> agreement.status_on(datetime.date(2026, 1, 1)).state
'in_force'
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _native, model
from ._agreement import Agreement, Calendar, Compositions, DateLike, Overview, Sitting, _on
from ._errors import Problem, ProgressError, ValidationError, localise
from ._lang import Lang, get_lang, resolve, set_lang
from ._follow_up import FollowUp
from ._base import text_of
from ._observations import Observations
from .model import CalendarEntry, DecidingDate, HealthAgreement, Minutes, RuleSet, ValidityStatus

#: What `loads` reads: JSON text or bytes, plain data, or a typed document.
Document = Union[str, bytes, Mapping[str, Any], HealthAgreement]
#: What the minutes functions read: JSON text or bytes, plain data, or typed minutes.
MinutesDocument = Union[str, bytes, Mapping[str, Any], Minutes]

__version__: str = _native.__version__
SCHEMA_VERSION: int = _native.SCHEMA_VERSION

__all__ = [
    "Agreement",
    "Calendar",
    "CalendarEntry",
    "Compositions",
    "DecidingDate",
    "Document",
    "FollowUp",
    "HealthAgreement",
    "Lang",
    "Minutes",
    "MinutesDocument",
    "Observations",
    "Overview",
    "Problem",
    "ProgressError",
    "SCHEMA_VERSION",
    "ValidationError",
    "ValidityStatus",
    "agreement_schema",
    "catalogue",
    "get_lang",
    "labels",
    "load",
    "loads",
    "loads_minutes",
    "minutes_problems",
    "minutes_report",
    "model",
    "nordjylland_2024",
    "place",
    "places",
    "politisk_klynge_vest_2021",
    "problems",
    "progress",
    "rule_sets",
    "set_lang",
    "Sitting",
]


def nordjylland_2024() -> Agreement:
    """The embedded North Jutland health agreement 2024."""
    return Agreement(_native.nordjylland_2024())


def loads(document: Document) -> Agreement:
    """Parses and validates an agreement given as JSON text or bytes, plain
    data (``json.load``'s result) or a typed `HealthAgreement`; raises
    `ValidationError` listing every error.

    >>> agreement = loads(nordjylland_2024().to_dict())
    >>> agreement.region
    'region-nordjylland'
    """
    return Agreement(_native.loads(text_of(document)))


def load(path: Union[str, "os.PathLike[str]"]) -> Agreement:
    """Reads, parses and validates a JSON file; raises `ValidationError` listing every error."""
    with open(path, "rb") as f:
        return loads(f.read())


def problems(document: Document, lang: Optional[Lang] = None) -> List[Problem]:
    """Every problem in an agreement, parse errors included, without raising."""
    return localise(_native.problems(text_of(document)), lang)


def politisk_klynge_vest_2021() -> Minutes:
    """The embedded minutes of Politisk Klynge Vest, 6 September 2021, as typed minutes.

    >>> minutes = politisk_klynge_vest_2021()
    >>> minutes.meeting.date.isoformat(), len(minutes.meeting.agenda)
    ('2021-09-06', 9)
    """
    return Minutes.from_json(_native.politisk_klynge_vest_2021_json())


def loads_minutes(minutes: MinutesDocument, agreement: Union[Agreement, None] = None) -> Minutes:
    """Parses and checks minutes (JSON text or bytes, plain data) against an
    agreement (the embedded one by default); raises `ValidationError` when
    they have errors, and returns typed `Minutes` otherwise (warnings, such as
    attendance that does not meet a composition rule, are `Minutes.problems`)."""
    text = text_of(minutes)
    native = None if agreement is None else agreement._native
    found = _native.minutes_problems(text, native)
    if any(p["severity"] == "error" for p in found):
        raise ValidationError(found)
    return Minutes.from_json(text)


def minutes_problems(minutes: MinutesDocument, lang: Optional[Lang] = None, agreement: Union[Agreement, None] = None) -> List[Problem]:
    """Every problem in minutes, checked against an agreement (the embedded one by default)."""
    native = None if agreement is None else agreement._native
    return localise(_native.minutes_problems(text_of(minutes), native), lang)


def minutes_report(minutes: MinutesDocument, lang: Optional[Lang] = None, agreement: Union[Agreement, None] = None) -> str:
    """The readable report of minutes; raises `ValidationError` when they have errors."""
    native = None if agreement is None else agreement._native
    return _native.minutes_report(text_of(minutes), resolve(lang), native)


def rule_sets() -> Tuple[RuleSet, ...]:
    """The composition rule sets the library knows, as typed objects."""
    return tuple(RuleSet.from_dict(r) for r in json.loads(_native.rule_sets_json()))


def progress(input: Dict[str, Any]) -> Dict[str, Any]:
    """Progress from a base to a current value, by the Open SDG method, with every component.

    ``input`` has ``base`` and ``current`` (``{"period": "2021", "value": 12.5}``),
    ``direction`` (``higher_is_better``, ``lower_is_better``, ``optimal_range``,
    ``unknown``) and optionally ``target``, ``limit``, ``range``, ``thresholds``.
    Raises `ProgressError` (with ``.code``) for a zero base or target and the like.
    """
    result: Dict[str, Any] = _native.progress(json.dumps(input))
    return result


def places(on: DateLike) -> List[Dict[str, Any]]:
    """The national reference data on a date: the country, the regions that
    exist then and the 98 municipalities with their region then, each with
    ``geography`` (``municipality:851``), ``level``, ``code``, ``statbank``
    (Statistics Denmark's ``851``, ``081``, ``000``), ``name`` and, for a
    municipality, ``region``; ``pandas.DataFrame(places(on))``.

    >>> sum(p["level"] == "region" for p in places("2027-01-01"))
    4
    """
    result: List[Dict[str, Any]] = _native.places_on(_on(on))
    return result


def place(text: str, on: DateLike) -> Dict[str, Any]:
    """The place ``text`` names on a date, written as people and Statistics
    Denmark write it (``851``, ``Aalborg Kommune``, ``081``, ``Region
    Nordjylland``, ``Hele landet``), as in `places`. Raises `ValidationError`
    when it names none: unknown, misspelt (with the place it probably
    means), ambiguous, or not existing on that date.

    >>> place("Aalborg", "2024-01-01")["geography"]
    'municipality:851'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    result: Dict[str, Any] = _native.place_on(text, _on(on))
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
