"""What every generated model class and code enum shares (see `model`)."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import re
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Tuple, Type, TypeVar

from ._lang import Lang, resolve

V = TypeVar("V")
R = TypeVar("R")
M = TypeVar("M", bound="Model")

_LABELS: Dict[Tuple[str, str], Tuple[str, str]] = {}


def _labels() -> Dict[Tuple[str, str], Tuple[str, str]]:
    if not _LABELS:
        from . import _native

        for entry in _native.labels():
            _LABELS[(entry["kind"], entry["code"])] = (entry["en"], entry["da"])
    return _LABELS


def _kind(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


class Code(str, enum.Enum):
    """A code of the model: equal to its string (``BodyKind.MAYOR == "mayor"``),
    with a label in English and Danish."""

    def __str__(self) -> str:
        return str(self.value)

    @property
    def kind(self) -> str:
        """The kind of code, as `sundhedsaftale.labels` names it (``body_kind``)."""
        return _kind(type(self).__name__)

    def label(self, lang: Optional[Lang] = None) -> str:
        """The label shown to people, in English (``en``) or Danish (``da``)."""
        lang = resolve(lang)
        en, da = _labels()[(self.kind, self.value)]
        return da if lang == "da" else en


class FrozenMap(Mapping[str, V]):
    """An immutable, hashable mapping (a stratum's ``dimension: category`` pairs)."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Optional[Mapping[str, V]] = None) -> None:
        self._data: Dict[str, V] = dict(data or {})
        self._hash: Optional[int] = None

    def __getitem__(self, key: str) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and self._data == dict(other)

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> Any:
        return (FrozenMap, (self._data,))


# The fields a short repr shows, when a class has them.
_SHOWN = ("id", "rule", "party", "requirement", "number", "name", "title", "kind", "person", "body", "indicator", "on", "date", "state", "status", "year")


class Model:
    """Base of the generated classes: JSON in and out, and a short repr."""

    __slots__ = ()

    @classmethod
    def from_dict(cls: Type[M], data: Mapping[str, Any]) -> M:
        """From the JSON form, without checks."""
        raise NotImplementedError

    def to_dict(self) -> Dict[str, Any]:
        """The JSON form."""
        raise NotImplementedError

    @classmethod
    def from_json(cls: Type[M], text: str) -> M:
        """From JSON text, without checks (`sundhedsaftale.loads` checks a whole document)."""
        return cls.from_dict(json.loads(text))

    def to_json(self, pretty: bool = False) -> str:
        """The JSON form as text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2 if pretty else None)

    def __repr__(self) -> str:
        names = {f.name for f in dataclasses.fields(self)}  # type: ignore[arg-type]
        shown: list[str] = []
        for name in _SHOWN:
            value = getattr(self, name, None) if name in names else None
            if isinstance(value, (str, int, float, datetime.date)) and len(shown) < 3:
                text = str(value) if isinstance(value, Code) else repr(value)
                if len(text) > 60:
                    text = text[:57] + "…'"
                shown.append(f"{name}={text}")
        return f"{type(self).__name__}({', '.join(shown)})" if shown else f"{type(self).__name__}(…)"


def text_of(document: object) -> str:
    """A document as JSON text, from a typed object, plain data, text or
    bytes; invalid UTF-8 is a `ValidationError` (``invalid_encoding``), not a
    ``UnicodeDecodeError``."""
    if isinstance(document, Model):
        return document.to_json()
    if isinstance(document, Mapping):
        return json.dumps(document, ensure_ascii=False)
    if isinstance(document, bytes):
        from . import _native

        return _native.decode(document)
    if isinstance(document, str):
        return document
    raise TypeError(f"expected JSON text, bytes, a dict or a typed document, not {type(document).__name__}")


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _opt(value: Optional[V], convert: Callable[[V], R]) -> Optional[R]:
    return None if value is None else convert(value)


def _freeze(value: Any) -> Any:
    """JSON data as immutable data: objects as `FrozenMap`, arrays as tuples,
    so that a model holding any JSON value (an amendment's new part) still
    compares by value and hashes."""
    if isinstance(value, Mapping):
        return FrozenMap({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    """`_freeze`'s result as JSON data again."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value
