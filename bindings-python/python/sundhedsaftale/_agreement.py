"""The Pythonic face of an agreement: dates are ``datetime.date``, the
document and every result are typed objects (`sundhedsaftale.model`), and
problems come back in either language."""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _display as d
from . import _native
from ._errors import Problem, localise
from ._lang import Lang

if TYPE_CHECKING:  # an optional dependency, imported when asked for
    import pandas

#: A day: a ``datetime.date`` (a ``datetime`` or pandas ``Timestamp`` is
#: taken as its date) or an ISO ``"YYYY-MM-DD"`` string, as a notebook
#: writes it.
DateLike = Union[_dt.date, str]


def _on(on: object, name: str = "on") -> _dt.date:
    """``on`` as a date: a date as it is, a datetime (or pandas Timestamp)
    as its date, a string only in the exact form YYYY-MM-DD. A string in
    another form is a ValueError that says the form; anything else a
    TypeError naming the argument."""
    if isinstance(on, _dt.datetime):
        return on.date()
    if isinstance(on, _dt.date):
        return on
    if isinstance(on, str):
        if len(on) == 10 and on[4] == "-" and on[7] == "-":
            try:
                return _dt.date.fromisoformat(on)
            except ValueError:
                pass
        raise ValueError(f"{name} must be a date in the form YYYY-MM-DD, not {on!r}")
    raise TypeError(f"{name} must be a datetime.date or a YYYY-MM-DD string, not {type(on).__name__}")

def _moment(point: object, name: str) -> str:
    """A point of a document's history as the native side reads it: a day
    as ``YYYY-MM-DD``, any other text as an edition's id."""
    if isinstance(point, (_dt.date, _dt.datetime)):
        return _on(point, name).isoformat()
    if isinstance(point, str):
        return point
    raise TypeError(f"{name} must be a datetime.date, a YYYY-MM-DD string or an edition's id, not {type(point).__name__}")


from ._follow_up import FollowUp
from ._observations import ArrowStream, Observations
from .model import (
    AgreementRole,
    Body,
    CalendarEntry,
    Cluster,
    CompositionReport,
    Difference,
    HealthAgreement,
    HealthAgreementFields,
    Membership,
    Organisation,
    Person,
    Post,
    ValidityStatus,
)


@dataclass(frozen=True)
class Sitting:
    """A person sitting in a body on a date: the post, the membership held
    that day, and the person (``None`` if the id does not resolve)."""

    post: Post
    membership: Membership
    person: Optional[Person]


class Calendar(Tuple[CalendarEntry, ...]):
    """The follow-up calendar on a date: a tuple of `CalendarEntry`, with
    each duty's text and who is responsible for it by name, what falls due
    in a month (`due_in`), a DataFrame (`to_pandas`) and a notebook display.

    >>> import sundhedsaftale
    >>> calendar = sundhedsaftale.nordjylland_2024().calendar("2025-06-01")
    >>> [e.year for e in calendar.due_in("2025-12")]
    [2025]
    """

    on: Optional[_dt.date]
    _texts: Dict[str, str]
    _names: Dict[str, str]

    def __new__(
        cls,
        entries: Iterable[CalendarEntry] = (),
        on: Optional[_dt.date] = None,
        texts: Optional[Dict[str, str]] = None,
        names: Optional[Dict[str, str]] = None,
    ) -> "Calendar":
        self = super().__new__(cls, entries)
        self.on = on
        self._texts = dict(texts or {})
        self._names = dict(names or {})
        return self

    def text(self, entry: CalendarEntry) -> str:
        """The duty's text, as the agreement states it (its id when unknown)."""
        return self._texts.get(entry.requirement, entry.requirement)

    def responsible(self, entry: CalendarEntry) -> Tuple[str, ...]:
        """The names of the bodies and clusters responsible for the duty."""
        ids = (*entry.responsible_bodies, *entry.responsible_clusters)
        return tuple(self._names.get(i, i) for i in ids)

    def due_in(self, month: Union[str, _dt.date, Tuple[int, int]]) -> "Calendar":
        """The entries due in ``month``: ``"2025-12"``, any date in it
        (``datetime.date`` or ``"YYYY-MM-DD"``), or ``(2025, 12)``."""
        if isinstance(month, tuple):
            year, number = month
        elif isinstance(month, str) and len(month) == 7 and month[4] == "-":
            day = _on(month + "-01", "month")
            year, number = day.year, day.month
        else:
            day = _on(month, "month")
            year, number = day.year, day.month
        picked = (e for e in self if e.due is not None and (e.due.year, e.due.month) == (year, number))
        return Calendar(picked, self.on, self._texts, self._names)

    def to_pandas(self, lang: Optional[Lang] = None) -> "pandas.DataFrame":
        """One row per duty occurrence: the duty's id and text, its kind,
        who is responsible (names, ``; `` between), the year covered (an
        integer, empty for one-off duties), the deadline, how it was set,
        its status and when it was done, each code with its label in
        ``lang`` beside it (``status``, ``status_label``)."""
        import pandas

        lang = d.resolve(lang)
        table = [
            {
                "requirement": e.requirement,
                "text": self.text(e),
                "kind": str(e.kind),
                "kind_label": e.kind.label(lang),
                "responsible": "; ".join(self.responsible(e)),
                "year": e.year,
                "due": e.due,
                "due_basis": str(e.due_basis),
                "due_basis_label": e.due_basis.label(lang),
                "status": str(e.status),
                "status_label": e.status.label(lang),
                "completed_on": e.completed_on,
            }
            for e in self
        ]
        frame = pandas.DataFrame(table, columns=list(_CALENDAR_COLUMNS))
        frame["year"] = frame["year"].astype("Int32")
        for column in ("due", "completed_on"):
            frame[column] = pandas.to_datetime(frame[column])
        return frame

    def to_html(self, lang: Optional[Lang] = None) -> str:
        """One row per duty occurrence, due and overdue coloured, labelled in ``lang``."""
        lang = d.resolve(lang)
        heads = (
            d.words(lang, "Duty", "Opgave"),
            d.words(lang, "Responsible", "Ansvarlig"),
            d.words(lang, "Kind", "Type"),
            d.words(lang, "Year", "År"),
            d.words(lang, "Due", "Frist"),
            "Status",
            d.words(lang, "Done on", "Udført"),
        )
        rows = [
            (
                d.esc(self.text(e)),
                d.esc(", ".join(self.responsible(e))),
                d.code(e.kind, lang),
                d.esc(e.year),
                d.date(e.due),
                d.code(e.status, lang),
                d.date(e.completed_on),
            )
            for e in self
        ]
        caption = d.words(lang, "Follow-up calendar", "Opfølgningskalender")
        if self.on is not None:
            caption += f" {d.words(lang, 'on', 'pr.')} {self.on.isoformat()}"
        return d.table("calendar", caption, heads, rows)

    def _repr_html_(self) -> str:
        return self.to_html()


#: The columns of `Calendar.to_pandas`, in order.
_CALENDAR_COLUMNS = (
    "requirement",
    "text",
    "kind",
    "kind_label",
    "responsible",
    "year",
    "due",
    "due_basis",
    "due_basis_label",
    "status",
    "status_label",
    "completed_on",
)


class Compositions(Tuple[CompositionReport, ...]):
    """A body's composition checks on a date, one `CompositionReport` per
    rule set, shown with the body's, the rule set's and the people's names."""

    _names: Dict[str, str]

    def __new__(cls, reports: Iterable[CompositionReport] = (), names: Optional[Dict[str, str]] = None) -> "Compositions":
        self = super().__new__(cls, reports)
        self._names = dict(names or {})
        return self

    @property
    def met(self) -> bool:
        """Whether every rule set's rules are met (none found not met)."""
        return all(r.met for r in self)

    def to_html(self, lang: Optional[Lang] = None) -> str:
        """Each report as a table, names instead of ids, labelled in ``lang``."""
        lang = d.resolve(lang)
        return "".join(r.to_html(lang, names=self._names) for r in self)

    def _repr_html_(self) -> str:
        return self.to_html()


class Agreement(HealthAgreementFields):
    """A parsed and validated health agreement (sundhedsaftale).

    Every field of the document is an attribute (``agreement.clusters``,
    ``agreement.focus_areas``), typed by `sundhedsaftale.model`; the typed
    document is built when first asked for. The date-aware questions are
    methods: `parties_on`, `clusters_on`, `bodies_on`, `members_on`,
    `composition`, `status_on`, `calendar`.

    >>> import datetime, sundhedsaftale
    >>> a = sundhedsaftale.nordjylland_2024()
    >>> [c.name for c in a.clusters_on(datetime.date(2024, 1, 1))][:2]
    ['Klynge Vest', 'Klynge Syd']
    """

    __slots__ = ("_native", "_document")

    def __init__(self, native: _native.NativeAgreement) -> None:
        self._native = native
        self._document: Optional[HealthAgreement] = None

    @property
    def document(self) -> HealthAgreement:
        """The whole document as a typed, immutable object."""
        if self._document is None:
            self._document = HealthAgreement.from_dict(self._native.to_data())
        return self._document

    @property
    def id(self) -> str:
        """The agreement's id."""
        return self._native.id

    @property
    def title(self) -> str:
        """The agreement's title."""
        return self._native.title

    def validate(self, lang: Optional[Lang] = None) -> List[Problem]:
        """Every problem, errors and warnings (composition findings are warnings)."""
        return localise(self._native.validate(), lang)

    def status_on(self, on: DateLike) -> ValidityStatus:
        """The validity status on ``on``, with the dates that decided it."""
        return ValidityStatus.from_dict(self._native.status_on(_on(on)))

    def problems_on(self, on: DateLike, lang: Optional[Lang] = None) -> List[Problem]:
        """What holds on ``on`` beyond the document: its region no longer
        existing then (``region_ceased``, one problem at the region's code), or
        else the law possibly having ended it (``ended_by_law_unconfirmed``:
        L 214 (2024–25) ends the health agreements in their current form,
        likely from 1 January 2027, a day no source confirms)."""
        return localise(self._native.problems_on(_on(on)), lang)

    def as_of(self, on: DateLike) -> "Agreement":
        """The agreement as in force on ``on``: its amendments dated on or
        before that day applied to its content, and ``amended_as_of`` set to it.
        Every question asked of the result (targets, the follow-up, the
        report) is answered as the document then stood. Raises
        `ValidationError` (``as_of_needs_original``) for a day before the one
        a document already stands as of.

        >>> import sundhedsaftale
        >>> a = sundhedsaftale.nordjylland_2024().as_of("2025-01-01")
        >>> a.amended_as_of
        datetime.date(2025, 1, 1)
        """
        return Agreement(self._native.as_of(_on(on)))

    def diff(self, from_: Union[DateLike, str], to: Union[DateLike, str]) -> List[Difference]:
        """What differs in the content between two points of the document's
        history, each a day (``datetime.date`` or ``"YYYY-MM-DD"``) or an
        edition's id, in either order: each difference with its JSON
        Pointer, what kind of part it is in, the part before and after, and
        ``message_en`` / ``message_da``. Raises `ValidationError`
        (``unknown_reference``) for an edition the document does not have.
        """
        return [Difference.from_dict(d) for d in self._native.diff(_moment(from_, "from_"), _moment(to, "to"))]

    def calendar(self, on: DateLike) -> Calendar:
        """The follow-up calendar on ``on``: what is done, overdue, due next, upcoming."""
        day = _on(on)
        doc = self.document
        texts = {r.id: r.text for r in doc.follow_up.requirements}
        names = {**{b.id: b.name for b in doc.bodies}, **{c.id: c.name for c in doc.clusters}}
        return Calendar((CalendarEntry.from_dict(e) for e in self._native.calendar(day)), day, texts, names)

    def roles_on(self, on: DateLike) -> Tuple[Tuple[Organisation, AgreementRole], ...]:
        """Every organisation with a role on ``on`` and that role: while the
        agreement binds, and only regions that exist that day."""
        orgs = self.document.organisations
        return tuple((orgs[i], AgreementRole(role)) for i, role in self._native.roles_on(_on(on)))

    def parties_on(self, on: DateLike) -> Tuple[Organisation, ...]:
        """The parties on ``on`` (see `roles_on`).

        >>> import datetime, sundhedsaftale
        >>> a = sundhedsaftale.nordjylland_2024()
        >>> len(a.parties_on(datetime.date(2024, 6, 1))), len(a.parties_on(datetime.date(2023, 6, 1)))
        (12, 0)
        """
        return tuple(o for o, role in self.roles_on(on) if role is AgreementRole.PARTY)

    def role_of(self, organisation: str) -> Optional[AgreementRole]:
        """The role the document gives an organisation (by id), whatever the date."""
        for rule in self.document.roles:
            if organisation in rule.organisations:
                return rule.role
        return None

    def clusters_on(self, on: DateLike) -> Tuple[Cluster, ...]:
        """The region's clusters that exist on ``on``."""
        clusters = self.document.clusters
        return tuple(clusters[i] for i in self._native.clusters_on(_on(on)))

    def cluster_of(self, municipality: str, on: DateLike) -> Optional[Cluster]:
        """The cluster a municipality belongs to on ``on``; ``None`` when it is
        in none that day. The municipality is named by organisation id, or
        as people and Statistics Denmark write it (``Aalborg``, ``Aalborg
        Kommune``, ``851``, ``municipality:851``); a text that names no
        municipality of the agreement raises `ValidationError` (misspelt,
        with a suggestion) or `KeyError`.

        >>> import sundhedsaftale
        >>> sundhedsaftale.nordjylland_2024().cluster_of("Aalborg Kommune", "2024-06-01").name
        'Klynge Aalborg'
        """
        day = _on(on)
        return next((c for c in self.clusters_on(day) if self._municipality(municipality, day) in c.municipalities), None)

    def _municipality(self, text: str, on: _dt.date) -> str:
        """The id of the agreement's organisation for a municipality written
        as an id, a code or a name."""
        if not isinstance(text, str):
            raise TypeError(f"municipality must be a str, not {type(text).__name__}")
        orgs = self.document.organisations
        if any(o.id == text for o in orgs):
            return text
        found = _native.place_on(text, on)["geography"]
        level, _, code = found.partition(":")
        match = next((o.id for o in orgs if o.kind == "municipality" and str(o.code) == code), None)
        if level != "municipality" or match is None:
            raise KeyError(f"{text!r} is no municipality of {self.id} on {on.isoformat()}")
        return match

    def bodies_on(self, on: DateLike) -> Tuple[Body, ...]:
        """The bodies that exist on ``on``."""
        bodies = self.document.bodies
        return tuple(bodies[i] for i in self._native.bodies_on(_on(on)))

    def members_on(self, body: Union[str, Body], on: DateLike) -> Tuple[Sitting, ...]:
        """Who sits in a body on ``on``, in seat order; empty when the body
        does not exist that day. Raises `KeyError` for an unknown body."""
        key = body if isinstance(body, str) else body.id
        found, positions = self.body(key), self._native.members_on(key, _on(on))
        if found is None or positions is None:
            raise KeyError(f"no body {key!r} in {self.id}")
        people = {p.id: p for p in self.document.people}
        posts = [(found.posts[p], found.posts[p].memberships[m]) for p, m in positions]
        return tuple(Sitting(post=post, membership=m, person=people.get(m.person)) for post, m in posts)

    def composition(self, body: Union[str, Body], on: DateLike) -> Compositions:
        """A body's members on ``on`` checked against every composition rule
        set that applies to it that day, one report per rule set. Raises
        `KeyError` for an unknown body."""
        key = body if isinstance(body, str) else body.id
        reports = self._native.composition(key, _on(on))
        if reports is None:
            raise KeyError(f"no body {key!r} in {self.id}")
        doc = self.document
        names = {
            **{p.id: p.name for p in doc.people},
            **{o.id: o.name for o in doc.organisations},
            **{b.id: b.name for b in doc.bodies},
            **{c.id: c.name for c in doc.clusters},
            **{r.id: r.name for r in _rule_sets()},
        }
        return Compositions((CompositionReport.from_dict(r) for r in reports), names)

    def organisation(self, id: str) -> Optional[Organisation]:
        """The organisation with this id."""
        return next((o for o in self.document.organisations if o.id == id), None)

    def body(self, id: str) -> Optional[Body]:
        """The body with this id."""
        return next((b for b in self.document.bodies if b.id == id), None)

    def cluster(self, id: str) -> Optional[Cluster]:
        """The cluster with this id."""
        return next((c for c in self.document.clusters if c.id == id), None)

    def person(self, id: str) -> Optional[Person]:
        """The person with this id."""
        return next((p for p in self.document.people if p.id == id), None)

    def follow_up(
        self,
        year: int,
        observations: Union[None, str, "os.PathLike[str]", List[Dict[str, Any]], Observations, ArrowStream] = None,
        *,
        targets: Optional[List[Dict[str, Any]]] = None,
        weights: Optional[Dict[str, float]] = None,
        small_count_threshold: Optional[int] = None,
        min_coverage: Optional[float] = None,
        aggregate_tolerance: Optional[float] = None,
        dialect: Optional[Dict[str, Any]] = None,
    ) -> FollowUp:
        """The annual follow-up of ``year`` as a `FollowUp`: its ``rows`` (one
        per focus area, indicator, place and stratum;
        ``pandas.DataFrame(result.rows)``), ``roll_ups`` and ``problems``.

        ``observations`` is a path to a tidy CSV or a JSON file, a list of
        observation dicts, a pandas or polars DataFrame or pyarrow Table
        (see `Observations.from_frame`), or `Observations` already read (the
        fast way to follow up a large file more than once); by default the
        agreement's own key figures are used.
        Raises `ValidationError` with every problem in the observations.
        A CSV file's separator and decimal mark are detected from its header
        line; ``dialect={"separator": ";", "decimal_comma": True}`` states them.
        ``min_coverage`` (0 to 1, default 1) is the least share of a place's
        municipalities an aggregate must cover to be scored as that place's
        progress; below it a row keeps its values, has no status or score,
        and says ``not_scored="partial_coverage"``. ``aggregate_tolerance``
        (0 to 1, default 0.01) is how far, relative, a place observed as a
        whole may be from the sum of its municipalities, all observed too,
        before ``aggregate_disagrees_with_parts`` is reported.
        """
        for name, number in (
            ("small_count_threshold", small_count_threshold),
            ("min_coverage", min_coverage),
            ("aggregate_tolerance", aggregate_tolerance),
        ):
            # JSON cannot carry NaN or infinity: say so here, by name, rather
            # than let the options fail to parse.
            if isinstance(number, float) and not math.isfinite(number):
                raise ValueError(f"{name} must be a finite number, not {number!r}")
        options: Dict[str, Any] = {"targets": targets or []}
        if weights is not None:
            options["weights"] = weights
        if small_count_threshold is not None:
            options["small_count_threshold"] = small_count_threshold
        if min_coverage is not None:
            options["min_coverage"] = min_coverage
        if aggregate_tolerance is not None:
            options["aggregate_tolerance"] = aggregate_tolerance
        if isinstance(observations, Observations):
            if dialect is not None:
                raise TypeError("dialect is for reading text; these observations are already read")
            return FollowUp(self._native.follow_up_table(year, observations._native, json.dumps(options)))
        if isinstance(observations, ArrowStream):
            frame = Observations.from_frame(observations)
            return FollowUp(self._native.follow_up_table(year, frame._native, json.dumps(options)))
        if isinstance(observations, list):
            text = json.dumps(observations, ensure_ascii=False)
            return FollowUp(self._native.follow_up(year, text, "json", json.dumps(options)))
        if observations is not None:
            # Read natively and checked as it is read: a national file never
            # becomes a Python string, and rows the agreement cannot use are
            # counted, not kept. Read as `Observations.read` reads a path.
            fmt = "json" if os.fspath(observations).lower().endswith(".json") else "csv"
            given = None if dialect is None or fmt == "json" else json.dumps(dialect)
            return FollowUp(self._native.follow_up_file(year, observations, fmt, given, json.dumps(options)))
        return FollowUp(self._native.follow_up(year, None, "csv", json.dumps(options)))

    def report(self, on: Optional[DateLike] = None, lang: Optional[Lang] = None) -> str:
        """The readable report on ``on`` (today by default)."""
        return self._native.report(_dt.date.today() if on is None else _on(on), d.resolve(lang))

    def to_json(self, pretty: bool = False) -> str:
        """The document as JSON text; ``loads`` reads it back to an equal agreement."""
        return self._native.to_json(pretty)

    def to_dict(self) -> Dict[str, Any]:
        """The document as plain Python data, in its JSON form (dates as ISO strings)."""
        data: Dict[str, Any] = self._native.to_data()
        return data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Agreement) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __repr__(self) -> str:
        return f"<Agreement {self.id!r}: {self.title}>"

    def to_html(self, lang: Optional[Lang] = None, on: Optional[DateLike] = None) -> str:
        """An overview on ``on`` (today by default): status, vision, focus
        areas with objectives and key figures, parties, clusters and bodies,
        labelled in ``lang``."""
        lang = d.resolve(lang)
        day = _dt.date.today() if on is None else _on(on)
        doc = self.document
        status = self.status_on(day)

        def w(en: str, da: str) -> str:
            return d.words(lang, en, da)

        parts = [
            f'<div class="sundhedsaftale-overview" lang="{lang}">',
            f"<h2>{d.esc(doc.title)}</h2>",
            f"<p>{d.esc(doc.subtitle)}</p>" if doc.subtitle else "",
            f"<p>{w('Status on', 'Status pr.')} {day.isoformat()}: {d.code(status.state, lang)}</p>",
            f"<blockquote>{d.esc(doc.vision.text)}</blockquote>",
        ]
        areas = []
        for area in doc.focus_areas:
            # One statement may give several key figures (somatic and psychiatric): say it once.
            statements = dict.fromkeys(k.statement for k in area.key_figures)
            figures = "".join(f"<li>{d.esc(text)}</li>" for text in statements)
            objectives = "".join(f"<li>{d.esc(o.text)}</li>" for o in area.objectives)
            areas.append(
                f"<section><h3>{d.esc(area.name)}</h3>"
                f"<h4>{w('Objectives', 'Målsætninger')}</h4><ul>{objectives}</ul>"
                + (f"<h4>{w('Key figures', 'Nøgletal')}</h4><ul>{figures}</ul>" if figures else "")
                + "</section>"
            )
        parts.append(f"<h3>{w('Focus areas', 'Pejlemærker')}</h3>" + "".join(areas))
        parts.append(
            d.table(
                "parties",
                w("Organisations and roles", "Organisationer og roller"),
                (w("Organisation", "Organisation"), w("Kind", "Type"), w("Role", "Rolle")),
                [(d.esc(o.name), d.code(o.kind, lang), d.code(role, lang)) for o, role in self.roles_on(day)],
            )
        )
        names = {o.id: o.name for o in doc.organisations}
        parts.append(
            d.table(
                "clusters",
                w("Clusters", "Klynger"),
                (w("Cluster", "Klynge"), w("Municipalities", "Kommuner")),
                [(d.esc(c.name), d.esc(", ".join(names.get(m, m) for m in c.municipalities))) for c in self.clusters_on(day)],
            )
        )
        parts.append(
            d.table(
                "bodies",
                w("Bodies", "Fora"),
                (w("Body", "Forum"), w("Kind", "Type"), w("Members", "Medlemmer")),
                [(d.esc(b.name), d.code(b.kind, lang), str(len(self.members_on(b, day)))) for b in self.bodies_on(day)],
            )
        )
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def overview(self, on: Optional[DateLike] = None, lang: Optional[Lang] = None) -> "Overview":
        """The overview on ``on`` as a notebook shows it (``agreement`` alone
        shows it today): the status that day, the parties, clusters and
        bodies that exist that day."""
        return Overview(self.to_html(lang, on))

    def __reduce__(self) -> Any:
        return (_from_json, (self.to_json(),))


class Overview(str):
    """An agreement's overview as HTML text, displayed as HTML in a notebook."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def _rule_sets() -> Tuple[Any, ...]:
    """The composition rule sets the checks use, for their names."""
    from .model import RuleSet

    return tuple(RuleSet.from_dict(r) for r in json.loads(_native.rule_sets_json()))


def _from_json(text: str) -> Agreement:
    return Agreement(_native.loads(text))
