"""The Pythonic face of an agreement: dates are ``datetime.date``, results
are small frozen dataclasses, and problems come back in either language."""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple, Union

from . import _native
from ._errors import Lang, Problem, localise
from ._follow_up import FollowUp
from ._observations import ArrowStream, Observations


@dataclass(frozen=True)
class DecidingDate:
    """A date that decided a validity status, and what it is."""

    role: str
    date: _dt.date


@dataclass(frozen=True)
class ValidityStatus:
    """Whether an agreement is in force on a date, and which dates decided it.

    ``state`` is one of ``not_yet_in_force``, ``in_force``,
    ``in_force_awaiting_successor``, ``expired``, ``replaced``, ``terminated``,
    ``not_known`` (the document leaves out a deciding date or rule).
    ``nominal_end`` is the first day after the nominal period; it and
    ``last_nominal_day`` are ``None`` when the entry date or the duration is
    not known.
    """

    on: _dt.date
    state: str
    decided_by: Tuple[DecidingDate, ...]
    nominal_end: Optional[_dt.date]
    last_nominal_day: Optional[_dt.date]

    def __str__(self) -> str:
        dates = ", ".join(f"{d.role} {d.date.isoformat()}" for d in self.decided_by)
        return f"{self.state} on {self.on.isoformat()} ({dates})"


@dataclass(frozen=True)
class CalendarEntry:
    """One occurrence of a follow-up duty."""

    requirement: str
    kind: str
    year: Optional[int]
    due: Optional[_dt.date]
    due_basis: str
    status: str
    completed_on: Optional[_dt.date]


def _date(text: Optional[str]) -> Optional[_dt.date]:
    return None if text is None else _dt.date.fromisoformat(text)


class Agreement:
    """A parsed and validated health agreement (sundhedsaftale)."""

    __slots__ = ("_native",)

    def __init__(self, native: _native.NativeAgreement) -> None:
        self._native = native

    @property
    def id(self) -> str:
        """The agreement's id."""
        return self._native.id

    @property
    def title(self) -> str:
        """The agreement's title."""
        return self._native.title

    def validate(self, lang: Lang = "en") -> List[Problem]:
        """Every problem, errors and warnings (composition findings are warnings)."""
        return localise(self._native.validate(), lang)

    def status_on(self, on: _dt.date) -> ValidityStatus:
        """The validity status on ``on``."""
        raw = self._native.status_on(on)
        return ValidityStatus(
            on=_dt.date.fromisoformat(raw["on"]),
            state=raw["state"],
            decided_by=tuple(
                DecidingDate(role=d["role"], date=_dt.date.fromisoformat(d["date"])) for d in raw["decided_by"]
            ),
            nominal_end=_date(raw["nominal_end"]),
            last_nominal_day=_date(raw["last_nominal_day"]),
        )

    def calendar(self, on: _dt.date) -> List[CalendarEntry]:
        """The follow-up calendar on ``on``: what is done, overdue, due next, upcoming."""
        return [
            CalendarEntry(
                requirement=e["requirement"],
                kind=e["kind"],
                year=e["year"],
                due=_date(e["due"]),
                due_basis=e["due_basis"],
                status=e["status"],
                completed_on=_date(e["completed_on"]),
            )
            for e in self._native.calendar(on)
        ]

    def follow_up(
        self,
        year: int,
        observations: Union[None, str, "os.PathLike[str]", List[Dict[str, Any]], Observations, ArrowStream] = None,
        *,
        targets: Optional[List[Dict[str, Any]]] = None,
        weights: Optional[Dict[str, float]] = None,
        small_count_threshold: Optional[int] = None,
        dialect: Optional[Dict[str, Any]] = None,
    ) -> FollowUp:
        """The annual follow-up of ``year`` as a `FollowUp`: its ``rows`` (one
        per focus area, indicator, place and stratum;
        ``pandas.DataFrame(result.rows)``), ``roll_ups`` and ``problems``.

        ``observations`` is a path to a tidy CSV or a JSON file, a list of
        observation dicts, a pandas or polars DataFrame or pyarrow Table
        (see `Observations.from_frame`), or `Observations` already read (the
        fast way to follow up a large file more than once); by default the
        agreement's own key figures are used.
        Raises `ValidationError` with every problem in the observations.
        A CSV file's separator and decimal mark are detected from its header
        line; ``dialect={"separator": ";", "decimal_comma": True}`` states them.
        """
        options: Dict[str, Any] = {"targets": targets or []}
        if weights is not None:
            options["weights"] = weights
        if small_count_threshold is not None:
            options["small_count_threshold"] = small_count_threshold
        if isinstance(observations, Observations):
            if dialect is not None:
                raise TypeError("dialect is for reading text; these observations are already read")
            return FollowUp(self._native.follow_up_table(year, observations._native, json.dumps(options)))
        if isinstance(observations, ArrowStream):
            frame = Observations.from_frame(observations)
            return FollowUp(self._native.follow_up_table(year, frame._native, json.dumps(options)))
        if isinstance(observations, list):
            text = json.dumps(observations, ensure_ascii=False)
            return FollowUp(self._native.follow_up(year, text, "json", json.dumps(options)))
        if observations is not None:
            # Read natively: a national file never becomes a Python string.
            table = Observations.read(observations, dialect=dialect)
            return FollowUp(self._native.follow_up_table(year, table._native, json.dumps(options)))
        return FollowUp(self._native.follow_up(year, None, "csv", json.dumps(options)))

    def report(self, on: Optional[_dt.date] = None, lang: Lang = "en") -> str:
        """The readable report on ``on`` (today by default)."""
        return self._native.report(on or _dt.date.today(), lang)

    def to_json(self, pretty: bool = False) -> str:
        """The document as JSON text; ``loads`` reads it back to an equal agreement."""
        return self._native.to_json(pretty)

    def to_dict(self) -> Dict[str, Any]:
        """The document as plain Python data, in its JSON form (dates as ISO strings)."""
        data: Dict[str, Any] = self._native.to_data()
        return data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Agreement) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __repr__(self) -> str:
        return f"<Agreement {self.id!r}: {self.title}>"

    def __reduce__(self) -> Any:
        return (_from_json, (self.to_json(),))


def _from_json(text: str) -> Agreement:
    return Agreement(_native.loads(text))
