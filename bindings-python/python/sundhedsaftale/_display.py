"""HTML for notebooks: small, escaped, styled inline so that it needs no CSS
file, with class names a page can style further."""

from __future__ import annotations

import html
from typing import Any, Iterable, Optional, Sequence

from ._lang import Lang, check_lang, resolve

__all__ = ["COLOURS", "check_lang", "code", "date", "esc", "label", "resolve", "table", "words"]

#: A colour per status code, from good (green) to bad (red); grey when unknown.
COLOURS = {
    "target_achieved": "#1a7f37",
    "substantial_progress": "#2da44e",
    "moderate_progress": "#bf8700",
    "limited_progress": "#d1242f",
    "deterioration": "#82071e",
    "not_available": "#6e7781",
    "met": "#1a7f37",
    "not_met": "#d1242f",
    "not_assessed": "#6e7781",
    "done": "#1a7f37",
    "overdue": "#d1242f",
    "due_next": "#bf8700",
    "upcoming": "#6e7781",
    "no_deadline": "#6e7781",
    "in_force": "#1a7f37",
    "in_force_awaiting_successor": "#bf8700",
    "not_yet_in_force": "#6e7781",
    "expired": "#82071e",
    "replaced": "#6e7781",
    "terminated": "#82071e",
    "not_known": "#6e7781",
}


def esc(value: Any) -> str:
    """Text for HTML; nothing for None."""
    return "" if value is None else html.escape(str(value))


def code(value: Any, lang: Lang) -> str:
    """A code with its label in ``lang`` and its colour, if it has one."""
    if value is None:
        return ""
    label = value.label(lang) if hasattr(value, "label") else str(value)
    colour = COLOURS.get(str(value))
    dot = f'<span style="color:{colour}" aria-hidden="true">●</span> ' if colour else ""
    return f'<span data-code="{esc(value)}">{dot}{esc(label)}</span>'


def label(kind: str, value: str, lang: Lang) -> str:
    """The label of a code of ``kind`` (as `sundhedsaftale.labels` names it)
    in ``lang``; the code itself if it has none."""
    from ._base import _labels

    found = _labels().get((kind, value))
    return value if found is None else found[1 if lang == "da" else 0]


def table(cls: str, caption: str, heads: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table; ``rows`` hold HTML already escaped."""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in heads)
    return (
        # Cells wrap, so that a wide table stays within the notebook's width
        # (notebooks keep table cells on one line by default).
        f"<style>.sundhedsaftale-{cls} th,.sundhedsaftale-{cls} td"
        "{white-space:normal;overflow-wrap:anywhere;text-align:left;vertical-align:top}</style>"
        f'<table class="sundhedsaftale-{cls}" style="max-width:100%"><caption>{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def date(value: Optional[Any]) -> str:
    return "" if value is None else esc(value.isoformat())


def words(lang: Lang, en: str, da: str) -> str:
    return da if lang == "da" else en
