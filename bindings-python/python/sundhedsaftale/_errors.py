"""The exception raised for invalid documents.

Defined in Python, not in the native module, so that it subclasses
``ValueError`` naturally, pickles, and can be caught and inspected without
knowing anything about Rust.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union

from . import _display as d
from ._lang import Lang, resolve


class _ProblemCore(TypedDict):
    code: str
    path: str
    severity: Literal["error", "warning"]
    message: str
    type: str
    loc: Tuple[Union[str, int], ...]
    msg: str


class Problem(_ProblemCore, total=False):
    """One problem, with its message in one language, and its ``context``
    (the values the message was made from) unless left out.

    Beside the library's own keys, the keys a pydantic user looks for:
    ``type`` is the code, ``loc`` the path as a tuple (``("clusters", 0,
    "name")``), ``msg`` the message, ``ctx`` the context and ``input`` the
    value the problem is about, when the context records one."""

    context: Dict[str, Any]
    ctx: Dict[str, Any]
    input: Any


#: The context keys that hold the value a problem is about, most telling first.
_INPUT_KEYS = ("value", "found", "text", "date", "id")


def loc(path: str) -> Tuple[Union[str, int], ...]:
    """A JSON Pointer as pydantic's ``loc``: its keys unescaped, indices as ints.

    >>> loc("/clusters/0/a~1b")
    ('clusters', 0, 'a/b')
    """
    if not path:
        return ()
    parts = (p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/"))
    return tuple(int(p) if p.isdigit() else p for p in parts)


def localise(problems: Sequence[Mapping[str, Any]], lang: Optional[Lang] = None, include_context: bool = True) -> List[Problem]:
    """Turns the native problem records into `Problem` dicts in ``lang``
    (the package's default language when ``None``)."""
    lang = resolve(lang)
    out: List[Problem] = []
    for p in problems:
        message = p["message"][lang]
        problem = Problem(
            code=p["code"],
            path=p["path"],
            severity=p["severity"],
            message=message,
            type=p["code"],
            loc=loc(p["path"]),
            msg=message,
        )
        if include_context:
            context = dict(p["context"])
            problem["context"] = context
            problem["ctx"] = context
            found = next((context[k] for k in _INPUT_KEYS if k in context), None)
            if found is not None:
                problem["input"] = found
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

    def errors(self, lang: Optional[Lang] = None, redact: bool = False, include_context: bool = True) -> List[Problem]:
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
        self, lang: Optional[Lang] = None, redact: bool = False, include_context: bool = True, indent: Optional[int] = None
    ) -> str:
        """`errors` as JSON text, as pydantic's ``ValidationError.json()`` gives it."""
        import json

        return json.dumps(
            self.errors(lang=lang, redact=redact, include_context=include_context), ensure_ascii=False, indent=indent
        )

    def to_html(self, lang: Optional[Lang] = None) -> str:
        """Every problem as an HTML table in ``lang``: what a notebook shows."""
        lang = resolve(lang)
        count = len(self._problems)
        rows = [
            (
                f"<code>{d.esc(p['code'])}</code>",
                f"<code>{d.esc(p['path'] or '/')}</code>",
                d.esc(d.label("severity", p["severity"], lang)),
                d.esc(p["message"]),
            )
            for p in self.errors(lang)
        ]
        heads = {
            "en": ("Code", "Where", "Severity", "Message"),
            "da": ("Kode", "Hvor", "Alvor", "Besked"),
        }[lang]
        caption = d.words(lang, f"{count} problem{'s' if count != 1 else ''}", f"{count} {'problem' if count == 1 else 'problemer'}")
        return d.table("problems", caption, heads, rows)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _summary(self) -> str:
        count = len(self._problems)
        lang = resolve(None)
        if lang == "da":
            lines = [f"{count} {'problem' if count == 1 else 'problemer'} i dokumentet:"]
        else:
            lines = [f"{count} problem{'s' if count != 1 else ''} in the document:"]
        for p in self._problems[: self.SHOWN]:
            severity = d.label("severity", p["severity"], lang)
            at = d.words(lang, "at", "ved")
            lines.append(f"  {severity} {p['code']} {at} {p['path'] or '/'}: {p['message'][lang]}")
        if count > self.SHOWN:
            more = d.words(lang, "more (errors() lists every one)", "mere (errors() viser dem alle)")
            lines.append(f"  … {d.words(lang, 'and', 'og')} {count - self.SHOWN} {more}")
        return "\n".join(lines)

    def __str__(self) -> str:
        # In the package's language when shown (a traceback), not when raised.
        return self._summary()

    def __reduce__(self) -> Any:
        return (type(self), (self._problems,))
