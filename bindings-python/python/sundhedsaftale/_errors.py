"""The exception raised for invalid documents.

Defined in Python, not in the native module, so that it subclasses
``ValueError`` naturally, pickles, and can be caught and inspected without
knowing anything about Rust.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Mapping, Sequence, TypedDict

Lang = Literal["en", "da"]


class Problem(TypedDict):
    """One problem, with its message in one language."""

    code: str
    path: str
    severity: Literal["error", "warning"]
    message: str
    context: Dict[str, Any]


def localise(problems: Sequence[Mapping[str, Any]], lang: Lang = "en") -> List[Problem]:
    """Turns the native problem records into `Problem` dicts in ``lang``."""
    if lang not in ("en", "da"):
        raise ValueError(f"unknown language {lang!r} (use 'en' or 'da')")
    return [
        Problem(
            code=p["code"],
            path=p["path"],
            severity=p["severity"],
            message=p["message"][lang],
            context=dict(p["context"]),
        )
        for p in problems
    ]


class ProgressError(ValueError):
    """Progress cannot be measured from these inputs (e.g. a zero base); ``code`` says why."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.detail = message
        super().__init__(f"{code}: {message}")

    def __reduce__(self) -> Any:
        return (type(self), (self.code, self.detail))


class ValidationError(ValueError):
    """A document has problems; ``errors()`` lists every one of them.

    >>> import sundhedsaftale
    >>> try:
    ...     sundhedsaftale.loads("{")
    ... except sundhedsaftale.ValidationError as err:
    ...     print(err.errors()[0]["code"])
    json_syntax
    """

    def __init__(self, problems: Sequence[Mapping[str, Any]]) -> None:
        self._problems: List[Dict[str, Any]] = [dict(p) for p in problems]
        super().__init__(self._summary())

    def errors(self, lang: Lang = "en", redact: bool = False) -> List[Problem]:
        """Every problem as a dict with code, path, severity, message and context.

        With ``redact=True``, every value a problem echoes from the input is
        replaced by its type and length (``<string:11>``), for logs that must
        hold no personal data; codes and paths stay.
        """
        if not redact:
            return localise(self._problems, lang)
        import json

        from . import _native

        return localise(_native.redact(json.dumps(self._problems)), lang)

    def _summary(self) -> str:
        count = len(self._problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the document:"]
        for p in self._problems:
            lines.append(f"  {p['severity']} {p['code']} at {p['path'] or '/'}: {p['message']['en']}")
        return "\n".join(lines)

    def __reduce__(self) -> Any:
        return (type(self), (self._problems,))
