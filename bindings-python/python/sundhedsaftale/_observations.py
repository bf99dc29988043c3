"""Observations read once into native columns, to follow up without reading
them again (the same file under several settings, or one year after another)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Protocol, Union, runtime_checkable

from . import _native


@runtime_checkable
class ArrowStream(Protocol):
    """A table that exports an Arrow stream (the PyCapsule interface): a
    pandas (2.2 or later) or polars DataFrame, a pyarrow Table."""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...


class Observations:
    """Observations held in native columns: interned indicators, places,
    periods and strata, and numbers as doubles.

    Read them explicitly from a path or from text; nothing is guessed.
    Reading raises `ValidationError` with every malformed cell, each at its
    row and column as the source counts them: a file's row as a spreadsheet
    shows it, the header being row 1 (``/14/value`` is row 14), a data
    frame's position from 0, a JSON array's index from 0.

    Tables as they are published (Statistics Denmark's StatBank CSV,
    JSON-stat, Excel workbooks) are read through a mapping that says which
    column is what: see `from_statbank`.

    >>> obs = Observations.from_csv("indicator,geography,period,value\\nx,municipality:851,2024,1\\n")
    >>> len(obs)
    1
    """

    __slots__ = ("_native",)

    def __init__(self, native: _native.NativeObservations) -> None:
        self._native = native

    @classmethod
    def from_csv(cls, text: str, *, dialect: Optional[Dict[str, Any]] = None) -> "Observations":
        """Reads tidy CSV text. Its separator and decimal mark are detected
        from the header line; ``dialect={"separator": ";", "decimal_comma": True}``
        states them."""
        return cls(_native.read_observations(text, "csv", None if dialect is None else json.dumps(dialect)))

    @classmethod
    def read_csv(cls, path: Union[str, "os.PathLike[str]"], *, dialect: Optional[Dict[str, Any]] = None) -> "Observations":
        """Reads a tidy CSV file (UTF-8); see `from_csv`. The file is read
        natively, without the GIL and without becoming a Python string."""
        return cls(_native.read_observations_file(path, "csv", None if dialect is None else json.dumps(dialect)))

    @classmethod
    def read_json(cls, path: Union[str, "os.PathLike[str]"]) -> "Observations":
        """Reads a JSON file holding an array of observation objects."""
        return cls(_native.read_observations_file(path, "json", None))

    @classmethod
    def read(cls, path: Union[str, "os.PathLike[str]"], *, dialect: Optional[Dict[str, Any]] = None) -> "Observations":
        """Reads a file by its name: ``.json`` is JSON, anything else tidy CSV."""
        if os.fspath(path).lower().endswith(".json"):
            return cls.read_json(path)
        return cls.read_csv(path, dialect=dialect)

    @classmethod
    def from_json(cls, text: str) -> "Observations":
        """Reads a JSON array of observation objects."""
        return cls(_native.read_observations(text, "json", None))

    @classmethod
    def from_frame(cls, data: ArrowStream, mapping: Optional["MappingLike"] = None) -> "Observations":
        """Reads a table that exports an Arrow stream: a pandas DataFrame
        (its index left out), a polars DataFrame, a pyarrow Table. Columns
        and checks are those of CSV; a null or NaN is absent, an integer
        period a year, a category its label. With ``mapping``, the frame is
        a published table (a StatBank download read with pandas, say), read
        as `from_statbank` reads one; rows are counted by position from 0."""
        if not isinstance(data, ArrowStream):
            raise TypeError(f"expected a table exporting an Arrow stream (pandas, polars, pyarrow), not {type(data).__name__}")
        if mapping is not None:
            import pyarrow

            # A filtered pandas frame's index is no column of the published table.
            if type(data).__module__.split(".")[0] == "pandas":
                table = pyarrow.Table.from_pandas(data, preserve_index=False)  # type: ignore[arg-type]
            else:
                table = pyarrow.table(data)
            columns = [str(name) for name in table.column_names]
            values = [table.column(i).to_pylist() for i in range(table.num_columns)]
            rows = [[_cell(column[r]) for column in values] for r in range(table.num_rows)]
            return cls(_native.read_published_rows(columns, rows, _mapping_text(mapping)))
        if type(data).__module__.split(".")[0] == "pandas":
            import pyarrow

            data = pyarrow.Table.from_pandas(data, preserve_index=False)  # type: ignore[arg-type]
        return cls(_native.read_observations_arrow(data))

    @classmethod
    def from_statbank(cls, source: "Source", mapping: "MappingLike") -> "Observations":
        """Reads a table as Statistics Denmark's StatBank writes it (``;``, a
        byte-order mark, CRLF, codes or text, decimal commas, ``..`` for a
        value withheld) through ``mapping``: a dict, JSON text or a path to a
        JSON file saying which column is the place, the period, the value
        (or numerator and denominator, or a measure column), which columns
        are strata and how their categories map onto the agreement's, and
        which categories to keep. ``source`` is a path, bytes, or the text
        itself. Problems name the file's row and column (``/14/INDHOLD``).

        >>> csv = "OMRÅDE;TID;INDHOLD\r\n851;2024K1;12,5\r\n"
        >>> m = {"indicator": "x", "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"}
        >>> len(Observations.from_statbank(csv, m))
        1
        """
        return cls._published(source, "statbank", mapping)

    @classmethod
    def from_jsonstat(cls, source: "Source", mapping: "MappingLike") -> "Observations":
        """Reads a JSON-stat 2.0 dataset (a cube: its dimensions by id, its
        values, ``..`` in ``status`` for a value withheld) through
        ``mapping``, whose columns are the dimensions' ids; see
        `from_statbank`. A cell's problem names it as the cube does
        (``/value/17``)."""
        return cls._published(source, "jsonstat", mapping)

    @classmethod
    def from_excel(cls, source: Union[str, "os.PathLike[str]", bytes], mapping: "MappingLike", *, sheet: Optional[str] = None) -> "Observations":
        """Reads an Excel workbook (``.xlsx``: a path or its bytes) through
        ``mapping``; the sheet is ``sheet``, else the mapping's ``sheet``,
        else the first sheet whose header has the mapping's place and period
        columns. Problems name the sheet's own row and column, wherever the
        table starts on it."""
        text = _mapping_text(mapping)
        if sheet is not None:
            if not isinstance(sheet, str):
                raise TypeError(f"sheet must be a str, not {type(sheet).__name__}")
            text = json.dumps(dict(json.loads(text), sheet=sheet), ensure_ascii=False)
        if isinstance(source, (bytes, bytearray, memoryview)):
            return cls(_native.read_published(bytes(source), "xlsx", text))
        if isinstance(source, (str, os.PathLike)):
            return cls(_native.read_published_file(source, "xlsx", text))
        raise TypeError(f"source must be a path or the workbook's bytes, not {type(source).__name__}")

    @classmethod
    def _published(cls, source: "Source", format: str, mapping: "MappingLike") -> "Observations":
        text = _mapping_text(mapping)
        if isinstance(source, (bytes, bytearray, memoryview)):
            return cls(_native.read_published(bytes(source), format, text))
        if isinstance(source, os.PathLike) or (isinstance(source, str) and _names_a_file(source)):
            return cls(_native.read_published_file(source, format, text))
        if isinstance(source, str):
            return cls(_native.read_published(source.encode("utf-8"), format, text))
        raise TypeError(f"source must be a path, bytes or the table's text, not {type(source).__name__}")

    def to_list(self) -> "list[Dict[str, Any]]":
        """The observations as read, as dicts in their JSON form
        (``indicator``, ``geography``, ``period``, the numbers, a
        ``disaggregation`` and the flags that are set): what a reader made
        of a table, to look at before following it up."""
        rows: "list[Dict[str, Any]]" = json.loads(self._native.to_json())
        return rows

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        return f"<Observations: {len(self)} rows>"


Source = Union[str, "os.PathLike[str]", bytes]
"""A published table: a path, its bytes, or its text."""

MappingLike = Union[Mapping[str, Any], str, "os.PathLike[str]"]
"""A source mapping: a dict, its JSON text, or a path to a JSON file."""


def _names_a_file(text: str) -> bool:
    """Whether a str is a path rather than a table's text: one line that names a file."""
    if "\n" in text or text.lstrip().startswith("{"):
        return False
    try:
        if Path(text).is_file():
            return True
    except OSError:  # a name too long to be a file's
        return False
    if text.lower().endswith((".csv", ".json", ".xlsx")):
        raise FileNotFoundError(f"no such file: {text!r}")
    return False


def _mapping_text(mapping: "MappingLike") -> str:
    """A mapping as JSON text for the native reader (which checks it)."""
    if isinstance(mapping, Mapping):
        return json.dumps(dict(mapping), ensure_ascii=False)
    if isinstance(mapping, os.PathLike) or (isinstance(mapping, str) and not mapping.lstrip().startswith("{")):
        return Path(mapping).read_text(encoding="utf-8")
    if isinstance(mapping, str):
        return mapping
    raise TypeError(f"mapping must be a dict, JSON text or a path, not {type(mapping).__name__}")


def _cell(value: Any) -> Union[None, float, str]:
    """A frame's cell as the native reader takes it: a number, a text, or nothing."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)
