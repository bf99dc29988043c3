"""The result of an annual follow-up: computed and held natively, turned
into Python data only for the parts asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from . import _display as d
from . import _native
from ._lang import Lang

if TYPE_CHECKING:  # optional dependencies, imported when asked for
    import pandas

    from .model import FollowUpRow, RollUpRow
    import polars
    import pyarrow


class FollowUp:
    """The annual follow-up of one year.

    ``rows`` holds one tidy row per focus area, indicator, place and stratum
    (``pandas.DataFrame(result.rows)``), ``roll_ups`` the mean scores per
    focus area and place (each saying how every indicator entered, by its
    total or as the mean of its strata, in ``entered``, and what it left out
    and why in ``left_out``), and ``problems`` what was met on the way
    (targets that could not be used or whose stratum has no data, aggregates
    that need weights). Each becomes
    Python data when first read, so a national run costs only what is used.
    """

    __slots__ = ("_native", "_rows", "_roll_ups", "_problems")

    def __init__(self, native: _native.NativeFollowUp) -> None:
        self._native = native
        self._rows: Optional[List[Dict[str, Any]]] = None
        self._roll_ups: Optional[List[Dict[str, Any]]] = None
        self._problems: Optional[List[Dict[str, Any]]] = None

    @property
    def year(self) -> int:
        """The year followed up."""
        return self._native.year

    @property
    def rows(self) -> List[Dict[str, Any]]:
        """One row per focus area, indicator, place and stratum."""
        if self._rows is None:
            self._rows = self._native.rows()
        return self._rows

    @property
    def roll_ups(self) -> List[Dict[str, Any]]:
        """Mean scores per focus area and place, then for the agreement per place."""
        if self._roll_ups is None:
            self._roll_ups = self._native.roll_ups()
        return self._roll_ups

    @property
    def problems(self) -> List[Dict[str, Any]]:
        """Problems met on the way, each with its code, path and messages."""
        if self._problems is None:
            self._problems = self._native.problems()
        return self._problems

    def typed_rows(self) -> Tuple[FollowUpRow, ...]:
        """The rows as typed objects (`sundhedsaftale.model.FollowUpRow`), with
        their progress components and hiding reasons as objects."""
        from .model import FollowUpRow

        return tuple(FollowUpRow.from_dict(r) for r in self.rows)

    def typed_roll_ups(self) -> Tuple[RollUpRow, ...]:
        """The roll-ups as typed objects (`sundhedsaftale.model.RollUpRow`)."""
        from .model import RollUpRow

        return tuple(RollUpRow.from_dict(r) for r in self.roll_ups)

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        """The rows as an Arrow stream (the PyCapsule interface): one scalar
        per column, progress components flattened (``method``,
        ``observed_growth``, ``threshold_high``, …), codes dictionary-encoded.
        pyarrow, polars and others read it without a copy."""
        return self._native.__arrow_c_stream__(requested_schema)

    def to_arrow(self) -> "pyarrow.Table":
        """The rows as a pyarrow Table (needs pyarrow)."""
        import pyarrow

        return pyarrow.table(self)

    def to_pandas(self) -> "pandas.DataFrame":
        """The rows as a pandas DataFrame, codes as categories (needs pandas and pyarrow)."""
        return self.to_arrow().to_pandas()

    def to_polars(self) -> "polars.DataFrame":
        """The rows as a polars DataFrame, codes as categoricals (needs polars)."""
        import polars

        return polars.DataFrame(self)

    def to_dict(self) -> Dict[str, Any]:
        """The whole result as plain data (its JSON form)."""
        return {"year": self.year, "rows": self.rows, "roll_ups": self.roll_ups, "problems": self.problems}

    def to_html(self, lang: Lang = "en", limit: int = 50) -> str:
        """The first ``limit`` rows as an HTML table, statuses coloured and
        labelled in ``lang``; what a notebook shows."""
        from .model import HiddenKind, Status

        d.check_lang(lang)
        heads = {
            "en": ("Focus area", "Indicator", "Place", "Stratum", "Baseline", "Latest", "Target", "Status", "Score", "Note"),
            "da": ("Pejlemærke", "Indikator", "Sted", "Gruppe", "Udgangspunkt", "Seneste", "Mål", "Status", "Score", "Bemærkning"),
        }[lang]

        def point(period: Any, value: Any) -> str:
            return "" if value is None else f"{d.esc(value)} ({d.esc(period)})"

        rows = [
            (
                d.esc(r["focus_area"]),
                d.esc(r["indicator_name"]),
                d.esc(r["geography_name"] or r["geography"]),
                d.esc(r["stratum"]),
                point(r["baseline_period"], r["baseline_value"]),
                point(r["latest_period"], r["latest_value"]),
                point(r["target_period"], r["target_value"]),
                f'<span data-status="{d.esc(r["status"])}">{d.code(Status(r["status"]), lang)}</span>',
                d.esc(r["score"]),
                # Why a value is hidden, in the reader's language rather than the row's English note.
                d.code(HiddenKind(r["hidden"]["kind"]), lang) if r["hidden"] else d.esc(r["note"]),
            )
            for r in self.rows[:limit]
        ]
        caption = f"{self.year}: {len(self)} {d.words(lang, 'rows', 'rækker')}"
        page = d.table("follow-up", caption, heads, rows)
        if len(self) > limit:
            more = d.words(lang, "more rows (to_pandas() holds them all)", "rækker mere (to_pandas() har dem alle)")
            page += f"\n<p>… {len(self) - limit} {more}</p>"
        return page

    def _repr_html_(self) -> str:
        return self.to_html()

    def __len__(self) -> int:
        return len(self._native)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FollowUp):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<FollowUp {self.year}: {len(self)} rows, {len(self.problems)} problems>"
