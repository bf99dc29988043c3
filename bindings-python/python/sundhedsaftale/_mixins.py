"""Behaviour of generated model classes beyond data: display, and the
queries minutes answer. `model` mixes these in. They import nothing of
`model` (nor of `_agreement`, which imports `model`), not even for types:
each mixin says, as protocols, what it reads of the class it is mixed into,
and the two queries that answer with model objects are generated into
`model` itself. So the imports run one way: `_mixins`, then `model`, then
`_agreement`."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Optional, Protocol, Sequence, Tuple

from . import _display as d
from . import _native
from ._base import Code
from ._errors import Problem, localise
from ._lang import Lang


class AgreementHandle(Protocol):
    """What a query against an agreement needs of it: the native agreement,
    which `sundhedsaftale.Agreement` holds."""

    @property
    def _native(self) -> _native.NativeAgreement: ...


class _DecidingDate(Protocol):
    @property
    def role(self) -> Code: ...
    @property
    def date(self) -> datetime.date: ...


class _AffectedByLaw(Protocol):
    @property
    def law(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def likely_from(self) -> datetime.date: ...
    @property
    def end_confirmed(self) -> bool: ...


class _ValidityStatus(Protocol):
    @property
    def on(self) -> datetime.date: ...
    @property
    def state(self) -> Code: ...
    @property
    def decided_by(self) -> Sequence[_DecidingDate]: ...
    @property
    def affected_by_law(self) -> Optional[_AffectedByLaw]: ...
    def to_html(self, lang: Optional[Lang] = None) -> str: ...


class _RuleFinding(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def text_en(self) -> str: ...
    @property
    def scope(self) -> Optional[str]: ...
    @property
    def status(self) -> Code: ...
    @property
    def count(self) -> int: ...
    @property
    def expected(self) -> str: ...
    @property
    def counted(self) -> Sequence[str]: ...


class _CompositionReport(Protocol):
    @property
    def body(self) -> str: ...
    @property
    def rule_set(self) -> str: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def findings(self) -> Sequence[_RuleFinding]: ...
    def to_html(self, lang: Optional[Lang] = None, names: Optional[Dict[str, str]] = None) -> str: ...


class _Attendance(Protocol):
    @property
    def person(self) -> str: ...
    @property
    def status(self) -> Code: ...
    @property
    def title_text(self) -> str: ...


class _AgendaItem(Protocol):
    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def outcome(self) -> Optional[Code]: ...


class _Meeting(Protocol):
    @property
    def body(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def state(self) -> Code: ...
    @property
    def attendance(self) -> Sequence[_Attendance]: ...
    @property
    def agenda(self) -> Sequence[_AgendaItem]: ...


class _Person(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


class _Minutes(Protocol):
    @property
    def meeting(self) -> _Meeting: ...
    @property
    def people(self) -> Sequence[_Person]: ...
    def to_json(self) -> str: ...
    def to_html(self, lang: Optional[Lang] = None) -> str: ...


class ValidityStatusMixin:
    """Display of a validity status."""

    __slots__ = ()

    def __str__(self: _ValidityStatus) -> str:
        dates = ", ".join(f"{x.role} {x.date.isoformat()}" for x in self.decided_by)
        return f"{self.state} on {self.on.isoformat()} ({dates})"

    def to_html(self: _ValidityStatus, lang: Optional[Lang] = None) -> str:
        """The status and the dates that decided it, labelled in ``lang``."""
        lang = d.resolve(lang)
        rows = [(d.code(x.role, lang), d.date(x.date)) for x in self.decided_by]
        # The state is said once, by the badge; the caption says the day.
        caption = f"{d.words(lang, 'Status on', 'Status pr.')} {self.on.isoformat()}"
        html = d.table("validity", caption, (d.words(lang, "Decided by", "Afgjort af"), "Dato" if lang == "da" else "Date"), rows)
        law = self.affected_by_law
        if law is not None:
            # The law that may already have ended the agreement, and whether its day is confirmed.
            confirmed = (
                d.words(lang, "the date is confirmed", "datoen er bekræftet")
                if law.end_confirmed
                else d.words(lang, "the date is not confirmed", "datoen er ikke bekræftet")
            )
            html += (
                f'<p class="law">{d.esc(d.words(lang, "Affected by law", "Berørt af lov"))}: '
                f'<a href="{d.esc(law.source)}">{d.esc(law.law)}</a>, '
                f"{d.esc(d.words(lang, 'likely from', 'sandsynligvis fra'))} {d.date(law.likely_from)} ({d.esc(confirmed)})</p>"
            )
        return f'<div class="sundhedsaftale-status">{d.code(self.state, lang)}{html}</div>'

    def _repr_html_(self: _ValidityStatus) -> str:
        return self.to_html()


class CompositionReportMixin:
    """Display of a composition check, and its deviations."""

    __slots__ = ()

    @property
    def met(self: _CompositionReport) -> bool:
        """Whether no rule is found not met."""
        return all(f.status != "not_met" for f in self.findings)

    def to_html(self: _CompositionReport, lang: Optional[Lang] = None, names: Optional[Dict[str, str]] = None) -> str:
        """One row per rule and scope group, statuses coloured and labelled in
        ``lang``; ``names`` (``Agreement.composition`` gives them) shows the
        body, the rule set and the people counted by name instead of id."""
        lang = d.resolve(lang)
        named = names or {}
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
                d.esc(named.get(f.scope, f.scope) if f.scope else f.scope),
                d.esc(f.expected),
                f"{f.count}: " + d.esc(", ".join(named.get(c, c) for c in f.counted)),
                d.code(f.status, lang),
            )
            for f in self.findings
        ]
        caption = f"{named.get(self.body, self.body)} ({named.get(self.rule_set, self.rule_set)}), {self.date.isoformat()}"
        return d.table("composition", caption, heads, rows)

    def _repr_html_(self: _CompositionReport) -> str:
        return self.to_html()


class MinutesMixin:
    """The queries and checks minutes answer, against an agreement (the
    embedded North Jutland one by default)."""

    __slots__ = ()

    def problems(self: _Minutes, agreement: Optional[AgreementHandle] = None, lang: Optional[Lang] = None) -> List[Problem]:
        """Every problem: structure, references into the agreement, attendance
        against the body's composition rules (warnings)."""
        native = None if agreement is None else agreement._native
        return localise(_native.minutes_problems(self.to_json(), native), lang)

    def report(self: _Minutes, lang: Optional[Lang] = None, agreement: Optional[AgreementHandle] = None) -> str:
        """The readable report; raises `ValidationError` when the minutes have errors."""
        native = None if agreement is None else agreement._native
        return _native.minutes_report(self.to_json(), d.resolve(lang), native)

    def _queries(self: _Minutes, agreement: Optional[AgreementHandle]) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
        native = None if agreement is None else agreement._native
        return _native.minutes_queries(self.to_json(), native)

    def to_html(self: _Minutes, lang: Optional[Lang] = None) -> str:
        """The meeting, its attendance and its agenda with decisions, labelled in ``lang``."""
        lang = d.resolve(lang)
        m = self.meeting
        names = {p.id: p.name for p in self.people}
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

    def _repr_html_(self: _Minutes) -> str:
        return self.to_html()
