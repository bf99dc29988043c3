"""The result of an annual follow-up: computed and held natively, turned
into Python data only for the parts asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from . import _display as d
from . import _native
from ._lang import Lang, get_lang, resolve

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
        """The rows as an Arrow stream (the PyCapsule interface), the readers'
        columns in the package's language (see `to_arrow`). pyarrow, polars
        and others read it without a copy."""
        return self._native.arrow_stream(get_lang(), requested_schema)

    def to_arrow(self, lang: Optional[Lang] = None) -> "pyarrow.Table":
        """The rows as a pyarrow Table (needs pyarrow): one scalar per column.

        Codes stay as codes, dictionary-encoded (``status``:
        ``substantial_progress``), and beside each a column for readers in
        ``lang`` (the package's language by default): ``focus_area_name``,
        ``unit_label``, ``level_label``, ``status_label``,
        ``not_scored_label``, ``not_available_label``, ``hidden_label``;
        places keep their id (``geography``) beside their name
        (``geography_name``). Each period (``2024``, ``2024Q3``) has its
        year as an integer beside it (``baseline_year``, ``latest_year``,
        ``target_year``). Values are exact; ``score`` runs from −5
        (deterioration) to 5 (target achieved); ``coverage`` is the share
        (0 to 1) of an aggregate's municipalities observed. The progress
        method's components are flattened (``method``, ``observed_growth``,
        ``threshold_high``, …)."""
        import pyarrow

        return pyarrow.table(_Stream(self._native, resolve(lang)))

    def to_pandas(self, lang: Optional[Lang] = None) -> "pandas.DataFrame":
        """The rows as a pandas DataFrame (needs pandas and pyarrow), columns
        as in `to_arrow`: codes and labels as categories, years and counts
        as nullable integers (``Int32``), never floats."""
        import pandas
        import pyarrow

        integers: Dict[Any, Any] = {
            pyarrow.int32(): pandas.Int32Dtype(),
            pyarrow.uint32(): pandas.UInt32Dtype(),
        }

        def nullable(arrow_type: "pyarrow.DataType") -> Any:
            return integers.get(arrow_type)

        return self.to_arrow(lang).to_pandas(types_mapper=nullable)

    def to_polars(self, lang: Optional[Lang] = None) -> "polars.DataFrame":
        """The rows as a polars DataFrame (needs polars), columns as in
        `to_arrow`, codes and labels as categoricals."""
        import polars

        return polars.DataFrame(_Stream(self._native, resolve(lang)))

    def roll_ups_to_pandas(self, lang: Optional[Lang] = None) -> "pandas.DataFrame":
        """The roll-ups as a pandas DataFrame: one row per focus area (empty
        for the agreement as a whole) and place, with the focus area's
        name, the place's name, the status and its label in ``lang``, the
        mean score (−5 to 5) and how many indicators were scored and not."""
        import pandas

        lang = resolve(lang)
        names = {str(r["geography"]): r["geography_name"] for r in self.rows}
        table = [
            {
                "focus_area": r["focus_area"],
                "focus_area_name": self._native.focus_area_name(r["focus_area"]) if r["focus_area"] else None,
                "geography": r["geography"],
                "geography_name": names.get(r["geography"]),
                "status": r["status"],
                "status_label": d.label("status", r["status"], lang),
                "score": r["score"],
                "scored": r["scored"],
                "not_available": r["not_available"],
            }
            for r in self.roll_ups
        ]
        frame = pandas.DataFrame(table, columns=list(_ROLL_UP_COLUMNS))
        for column in ("scored", "not_available"):
            frame[column] = frame[column].astype("Int32")
        return frame

    def to_dict(self) -> Dict[str, Any]:
        """The whole result as plain data (its JSON form)."""
        return {"year": self.year, "rows": self.rows, "roll_ups": self.roll_ups, "problems": self.problems}

    def to_html(self, lang: Optional[Lang] = None, limit: int = 50) -> str:
        """The first ``limit`` rows as an HTML table in ``lang`` (the
        package's language by default); what a notebook shows. Values are
        rounded to their indicator's decimals and carry its unit, written as
        the language writes numbers (``12,1 %`` in Danish); places and focus
        areas by name; statuses coloured and labelled; the table wraps
        within the notebook's width."""
        from .model import Status

        lang = d.resolve(lang)
        heads = {
            "en": ("Focus area", "Indicator", "Place", "Stratum", "Baseline", "Latest", "Change", "Target", "Status", "Score", "Note"),
            "da": ("Pejlemærke", "Indikator", "Sted", "Gruppe", "Udgangspunkt", "Seneste", "Ændring", "Mål", "Status", "Score", "Bemærkning"),
        }[lang]
        native = self._native

        def value(r: Dict[str, Any], key: str) -> str:
            v = r[key]
            return "" if v is None else d.esc(native.value_text(r["indicator"], v, lang))

        def point(r: Dict[str, Any], which: str) -> str:
            shown = value(r, f"{which}_value")
            period = r[f"{which}_period"]
            return shown if not shown or period is None else f"{shown} ({d.esc(period)})"

        rows = [
            (
                d.esc(native.focus_area_name(r["focus_area"]) or r["focus_area"]),
                d.esc(r["indicator_name"]),
                d.esc(r["geography_name"] or r["geography"]),
                d.esc(r["stratum"]),
                point(r, "baseline"),
                point(r, "latest"),
                "" if r["change"] is None else d.esc(native.change_text(r["indicator"], r["change"], lang)),
                point(r, "target"),
                f'<span data-status="{d.esc(r["status"])}">{d.code(Status(r["status"]), lang)}</span>',
                "" if r["score"] is None else d.esc(_native.format_number(r["score"], 0 if r["score"] == int(r["score"]) else 1, lang)),
                d.esc(native.note_text(i, lang)),
            )
            for i, r in enumerate(self.rows[:limit])
        ]
        caption = f"{d.words(lang, 'Annual follow-up', 'Årlig opfølgning')} {self.year}: {len(self)} {d.words(lang, 'rows', 'rækker')}"
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


#: The columns of `FollowUp.roll_ups_to_pandas`, in order.
_ROLL_UP_COLUMNS = (
    "focus_area",
    "focus_area_name",
    "geography",
    "geography_name",
    "status",
    "status_label",
    "score",
    "scored",
    "not_available",
)


class _Stream:
    """A follow-up's rows as an Arrow stream in one language, for the
    readers that take any object with ``__arrow_c_stream__``."""

    __slots__ = ("_native", "_lang")

    def __init__(self, native: _native.NativeFollowUp, lang: Lang) -> None:
        self._native = native
        self._lang = lang

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self._native.arrow_stream(self._lang, requested_schema)
