"""Behaviour of generated model classes beyond data: display, and the
queries minutes answer. `model` mixes these in; they import nothing of it
at run time, so there is no import circle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple, cast

from . import _display as d
from . import _native
from ._errors import Lang, Problem, localise

if TYPE_CHECKING:
    from ._agreement import Agreement
    from .model import CompositionReport, Minutes, PartyAttendance, ValidityStatus


class ValidityStatusMixin:
    """Display of a validity status."""

    __slots__ = ()

    def __str__(self) -> str:
        self_ = cast("ValidityStatus", self)
        dates = ", ".join(f"{x.role} {x.date.isoformat()}" for x in self_.decided_by)
        return f"{self_.state} on {self_.on.isoformat()} ({dates})"

    def to_html(self, lang: Lang = "en") -> str:
        """The status and the dates that decided it, labelled in ``lang``."""
        self_ = cast("ValidityStatus", self)
        d.check_lang(lang)
        rows = [(d.code(x.role, lang), d.date(x.date)) for x in self_.decided_by]
        caption = f"{self_.on.isoformat()}: {self_.state.label(lang)}"
        html = d.table("validity", caption, (d.words(lang, "Decided by", "Afgjort af"), "Dato" if lang == "da" else "Date"), rows)
        return f'<div class="sundhedsaftale-status">{d.code(self_.state, lang)}{html}</div>'

    def _repr_html_(self) -> str:
        self_ = cast("ValidityStatus", self)
        return self_.to_html()


class CompositionReportMixin:
    """Display of a composition check, and its deviations."""

    __slots__ = ()

    @property
    def met(self) -> bool:
        """Whether no rule is found not met."""
        self_ = cast("CompositionReport", self)
        return all(f.status != "not_met" for f in self_.findings)

    def to_html(self, lang: Lang = "en") -> str:
        """One row per rule and scope group, statuses coloured and labelled in ``lang``."""
        self_ = cast("CompositionReport", self)
        d.check_lang(lang)
        heads = (
            d.words(lang, "Rule", "Regel"),
            d.words(lang, "Scope", "Omfang"),
            d.words(lang, "Expected", "Forventet"),
            d.words(lang, "Counted", "Talt"),
            "Status",
        )
        rows = [
            (
                d.esc(f.text if lang == "da" else f.text_en),
                d.esc(f.scope),
                d.esc(f.expected),
                f"{f.count}: " + d.esc(", ".join(f.counted)),
                d.code(f.status, lang),
            )
            for f in self_.findings
        ]
        caption = f"{self_.body} ({self_.rule_set}), {self_.date.isoformat()}"
        return d.table("composition", caption, heads, rows)

    def _repr_html_(self) -> str:
        self_ = cast("CompositionReport", self)
        return self_.to_html()


class MinutesMixin:
    """The queries and checks minutes answer, against an agreement (the
    embedded North Jutland one by default)."""

    __slots__ = ()

    def problems(self, agreement: Optional[Agreement] = None, lang: Lang = "en") -> List[Problem]:
        """Every problem: structure, references into the agreement, attendance
        against the body's composition rules (warnings)."""
        self_ = cast("Minutes", self)
        native = None if agreement is None else agreement._native
        return localise(_native.minutes_problems(self_.to_json(), native), lang)

    def report(self, lang: Lang = "en", agreement: Optional[Agreement] = None) -> str:
        """The readable report; raises `ValidationError` when the minutes have errors."""
        self_ = cast("Minutes", self)
        native = None if agreement is None else agreement._native
        return _native.minutes_report(self_.to_json(), lang, native)

    def _queries(self, agreement: Optional[Agreement]) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
        self_ = cast("Minutes", self)
        native = None if agreement is None else agreement._native
        return _native.minutes_queries(self_.to_json(), native)

    def attendance_by_party(self, agreement: Optional[Agreement] = None) -> Tuple[PartyAttendance, ...]:
        """Who attended and who sent apologies, per party, in order of first appearance."""
        self_ = cast("Minutes", self)
        from .model import PartyAttendance

        parties, _ = self._queries(agreement)
        return tuple(PartyAttendance.from_dict(p) for p in parties)

    def composition(self, agreement: Optional[Agreement] = None) -> Tuple[CompositionReport, ...]:
        """The attendance checked against every composition rule set that applies on the meeting's date."""
        self_ = cast("Minutes", self)
        from .model import CompositionReport

        _, reports = self._queries(agreement)
        return tuple(CompositionReport.from_dict(r) for r in reports)

    def to_html(self, lang: Lang = "en") -> str:
        """The meeting, its attendance and its agenda with decisions, labelled in ``lang``."""
        self_ = cast("Minutes", self)
        d.check_lang(lang)
        m = self_.meeting
        names = {p.id: p.name for p in self_.people}
        attendance = d.table(
            "attendance",
            d.words(lang, "Attendance", "Deltagere"),
            (d.words(lang, "Person", "Person"), "Status", d.words(lang, "Title", "Titel")),
            [(d.esc(names.get(a.person, a.person)), d.code(a.status, lang), d.esc(a.title_text)) for a in m.attendance],
        )
        agenda = d.table(
            "agenda",
            d.words(lang, "Agenda", "Dagsorden"),
            ("#", d.words(lang, "Item", "Punkt"), d.words(lang, "Decision", "Beslutning")),
            [
                (d.esc(i.number), d.esc(i.title), d.code(i.outcome, lang))
                for i in m.agenda
            ],
        )
        head = f"<h3>{d.esc(m.title)}</h3><p>{d.esc(m.body)}, {m.date.isoformat()}, {d.code(m.state, lang)}</p>"
        return f'<div class="sundhedsaftale-minutes">{head}{attendance}{agenda}</div>'

    def _repr_html_(self) -> str:
        self_ = cast("Minutes", self)
        return self_.to_html()
