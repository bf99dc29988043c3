"""Observations read once into native columns, to follow up without reading
them again (the same file under several settings, or one year after another)."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Optional, Protocol, Union, runtime_checkable

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
    row and column (``/12/value`` is the 13th data row's ``value``).

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
    def from_frame(cls, data: ArrowStream) -> "Observations":
        """Reads a table that exports an Arrow stream: a pandas DataFrame
        (its index left out), a polars DataFrame, a pyarrow Table. Columns
        and checks are those of CSV; a null or NaN is absent, an integer
        period a year, a category its label."""
        if not isinstance(data, ArrowStream):
            raise TypeError(f"expected a table exporting an Arrow stream (pandas, polars, pyarrow), not {type(data).__name__}")
        if type(data).__module__.split(".")[0] == "pandas":
            import pyarrow

            data = pyarrow.Table.from_pandas(data, preserve_index=False)  # type: ignore[arg-type]
        return cls(_native.read_observations_arrow(data))

    def __len__(self) -> int:
        return len(self._native)

    def __repr__(self) -> str:
        return f"<Observations: {len(self)} rows>"
