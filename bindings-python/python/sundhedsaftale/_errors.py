"""The exception raised for invalid documents.

Defined in Python, not in the native module, so that it subclasses
``ValueError`` naturally, pickles, and can be caught and inspected without
knowing anything about Rust.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, TypedDict

from . import _display as d
from ._lang import Lang, check_lang


class _ProblemCore(TypedDict):
    code: str
    path: str
    severity: Literal["error", "warning"]
    message: str


class Problem(_ProblemCore, total=False):
    """One problem, with its message in one language, and its ``context``
    (the values the message was made from) unless left out."""

    context: Dict[str, Any]


def localise(problems: Sequence[Mapping[str, Any]], lang: Lang = "en", include_context: bool = True) -> List[Problem]:
    """Turns the native problem records into `Problem` dicts in ``lang``."""
    check_lang(lang)
    out: List[Problem] = []
    for p in problems:
        problem = Problem(code=p["code"], path=p["path"], severity=p["severity"], message=p["message"][lang])
        if include_context:
            problem["context"] = dict(p["context"])
        out.append(problem)
    return out


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

    #: How many problems ``str(err)`` lists before saying how many more there are.
    SHOWN = 10

    def errors(self, lang: Lang = "en", redact: bool = False, include_context: bool = True) -> List[Problem]:
        """Every problem as a dict with code, path, severity, message and
        (unless ``include_context=False``) context.

        With ``redact=True``, every value a problem echoes from the input is
        replaced by its type and length (``<string:11>``), for logs that must
        hold no personal data; codes and paths stay.
        """
        if not redact:
            return localise(self._problems, lang, include_context)
        import json

        from . import _native

        return localise(_native.redact(json.dumps(self._problems)), lang, include_context)

    def json(
        self, lang: Lang = "en", redact: bool = False, include_context: bool = True, indent: Optional[int] = None
    ) -> str:
        """`errors` as JSON text, as pydantic's ``ValidationError.json()`` gives it."""
        import json

        return json.dumps(
            self.errors(lang=lang, redact=redact, include_context=include_context), ensure_ascii=False, indent=indent
        )

    def _repr_html_(self) -> str:
        """Every problem as an HTML table: what a notebook shows."""
        count = len(self._problems)
        rows = [
            (f"<code>{d.esc(p['code'])}</code>", f"<code>{d.esc(p['path'] or '/')}</code>", d.esc(p["severity"]), d.esc(p["message"]))
            for p in self.errors()
        ]
        caption = f"{count} problem{'s' if count != 1 else ''}"
        return d.table("problems", caption, ("code", "path", "severity", "message"), rows)

    def _summary(self) -> str:
        count = len(self._problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the document:"]
        for p in self._problems[: self.SHOWN]:
            lines.append(f"  {p['severity']} {p['code']} at {p['path'] or '/'}: {p['message']['en']}")
        if count > self.SHOWN:
            lines.append(f"  … and {count - self.SHOWN} more (errors() lists every one)")
        return "\n".join(lines)

    def __reduce__(self) -> Any:
        return (type(self), (self._problems,))
