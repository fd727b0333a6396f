"""The pages and the form handlers: each asks the door for values and hands them to a template.

URLs hold ids only (`/cohorts/<cohort>/participants/<participant>`), each looked up among the
cohorts and people that exist (anything else is a 404); the page's controls (as-of date, break-down)
are query parameters, checked by the library as the command line's options are. Forms post to
`/cohorts/<cohort>/log/<kind>`: the record goes through `append_record`; when it is written the
browser is sent to the report (post, redirect, get), when it is refused the form comes back with
each problem beside its field and nothing written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

import attrs
from flask import Flask, Response, abort, current_app, flash, get_flashed_messages, redirect, render_template, request, session, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, SecurityError

from ..errors import DataError, UsageError, enum_value
from ..logbook import Written, author_of
from ..i18n import N_, Language, language
from ..model import PARTICIPANT_FIELDS, By, Cohort, Lang, PeriodKind
from ..problems import count, format_problem, plural
from ..workspace import Workspace
from ..workspace import as_date as as_of_date
from . import forms
from .git import author
from .store import UnknownCohort

if TYPE_CHECKING:
    from . import Served

#: The cohort's pages, in the order of its menu: (endpoint, label).
COHORT_PAGES = (("report", N_("Report")), ("participants", N_("Participants")), ("actions", N_("Actions")),
                ("reflect", N_("Reflection")), ("due", N_("What is due")))

_LOGGER_KEY = "logged_by"


#: The query parameters that are the page's controls, kept on every link.
CONTROLS = ("as_of", "by", "period", "lang")


@attrs.frozen
class Controls:
    """The page's controls, as the query string gave them, checked."""

    as_of: dt.date
    """The date the figures are as of (default today)."""
    by: Optional[By]
    """What to break the figures down by: a participants' field, or (a programme's) its cohorts."""
    period: Optional[PeriodKind]
    """The reporting periods to show each result's figures over."""
    lang: Optional[Lang]
    """The language asked for (None: the workspace's `lang` in mentoring.toml, else English)."""
    periods: bool = False
    """Whether the page shows figures over periods (and so offers the control)."""
    by_choices: tuple[str, ...] = tuple(b.value for b in PARTICIPANT_FIELDS)
    """The break-downs the page offers."""


def controls(periods: bool = False, by_choices: tuple = PARTICIPANT_FIELDS) -> Controls:
    """The controls of this request, or a UsageError saying which is wrong."""
    as_of, by, period, lang = (request.args.get(key) for key in CONTROLS)
    return Controls(as_of_date(as_of, "as of") if as_of else dt.date.today(),
                    enum_value(By, by, "by", by_choices) if by else None,
                    enum_value(PeriodKind, period, "period") if period else None,
                    enum_value(Lang, lang, "lang") if lang else None,
                    periods, tuple(b.value for b in by_choices))


def speech() -> Language:
    """The language of this page: `lang` in the query (when it is one), else the workspace's, else English."""
    try:
        asked = Lang(request.args.get("lang", ""))
    except ValueError:
        asked = None
    return language(asked or served().store.settings().lang or Lang.EN)


def shared(view: str, figures: Any, href: Optional[Callable[[Any, tuple], Optional[str]]] = None) -> Markup:
    """A view's body drawn by the reports' own templates (render/templates/views), exactly as
    `--format html` draws it, in the page's language: one source for the terminal's HTML and the web's.
    `href` links each row's actual to where it is explained."""
    from ..render import VIEWS, html, tables

    return Markup(html.body(getattr(tables, VIEWS[view][0])(figures), speech(), href or html.no_link))


def explained_at(cohort: str, by: Any = None) -> Callable[[Any, tuple], Optional[str]]:
    """For a report's results table (and its table by group), the URL of each row's explanation."""

    def href(table: Any, row: tuple) -> Optional[str]:
        if table.key not in ("results", "groups"):
            return None
        keys = [column.key for column in table.columns]
        result = row[keys.index("id")] if "id" in keys else None
        if not isinstance(result, str) or not result:
            return None
        return link("web.explain", cohort=cohort, result=result, **({"by": by.value} if by else {}))

    return href


def link(endpoint: str, **values: Any) -> str:
    """A URL to a page with this page's controls kept."""
    kept = {key: request.args[key] for key in CONTROLS if request.args.get(key)}
    return url_for(endpoint, **{**kept, **values})


def plain_link(endpoint: str, **values: Any) -> str:
    """A URL to a page without the controls (from a page that says they are wrong)."""
    return url_for(endpoint, **values)


def served() -> Served:
    """The workspace and repository this app serves."""
    return current_app.extensions["mentoring"]


def page(template: str, status: int = 200, *, keep_controls: bool = True, **context: Any):
    """A page: its template with what every page shows (controls, messages, menus), in its language."""
    words = speech()
    return render_template(template, link=link if keep_controls else plain_link, period_choices=[p.value for p in PeriodKind],
                           lang_choices=[lang.value for lang in Lang], cohort_pages=COHORT_PAGES,
                           kinds=[(kind, forms.KIND_LABELS[kind]) for kind in forms.KINDS], required=forms.REQUIRED,
                           messages=get_flashed_messages(with_categories=True), t=words, _=words.gettext,
                           ngettext=words.ngettext, **context), status


def cohort_workspace(cohort_id: str) -> Workspace:
    """The workspace opened for a cohort named in the URL (404 when there is no such cohort)."""
    try:
        return served().store.cohort(cohort_id)
    except UnknownCohort:
        abort(404)


# --- reading pages -------------------------------------------------------------------------------


def cohorts_page():
    """Every cohort, grouped by the curriculum it runs (its programme), with its status as of the date."""
    ctl = controls()
    store = served().store
    rows, broken = [], []
    for id_ in store.cohort_ids():
        try:
            ws = store.cohort(id_)
        except UnknownCohort:  # a folder whose name is not an id: check names it
            continue
        if ws.sound(id_):
            rows.append((ws.cohorts[id_], ws.curricula[ws.cohorts[id_].curriculum], store.progress(ws, id_, ctl.as_of)))
        else:
            broken.append((id_, ws.cohorts.get(id_), [p for p in ws.problems_of(id_) if p.is_error]))
    programmes: dict[str, list] = {}
    for cohort, curriculum, figures in rows:
        programmes.setdefault(curriculum.id, []).append((cohort, curriculum, figures))
    return page("cohorts.html", ctl=ctl, programmes=programmes, broken=broken)


def problems_page():
    """Every problem `mentoring check` finds, as `path:line: severity: message` (no date to choose)."""
    ws = served().store.whole()
    errors, warnings = count(ws.problems)
    summary = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    return page("problems.html", ctl=None, problems=[format_problem(p) for p in ws.problems], summary=summary)


def cohort_page(cohort_id: str, template: str, compute: Callable[[Workspace, Controls], dict[str, Any]],
                periods: bool = False):
    """A page about one cohort: what `compute` asks of the door, or the cohort's errors when it has any
    (the door raises DataError for them)."""
    ctl = controls(periods)
    ws = cohort_workspace(cohort_id)
    cohort = ws.cohorts.get(cohort_id)
    try:
        context = compute(ws, ctl)
    except DataError as failure:
        return page("not_reported.html", ctl=ctl, cohort_id=cohort_id, cohort=cohort,
                    problems=[format_problem(p) for p in failure.problems])
    return page(template, ctl=ctl, cohort_id=cohort_id, cohort=cohort, curriculum=ws.curricula[cohort.curriculum],
                names={p.id: p.name for p in cohort.people}, **context)


def report_page(cohort: str):
    """A cohort's report: every expected result's target, actual, gap and status (over periods when
    asked), each actual a link to where it comes from."""
    return cohort_page(cohort, "shared.html", lambda ws, ctl: {
        "body": shared("report", served().store.progress(ws, cohort, ctl.as_of, ctl.by, ctl.period),
                       explained_at(cohort, ctl.by))}, periods=True)


def explain_page(cohort: str, result: str):
    """Where one result's actual comes from: the rule, and every record it looked at with its
    path:line, counted or not and why (by group when asked), as `mentoring explain` shows it."""

    def compute(ws: Workspace, ctl: Controls) -> dict[str, Any]:
        if result not in {r.id for r in ws.curricula[ws.cohorts[cohort].curriculum].results}:
            abort(404)
        return {"body": shared("explain", ws.explain(cohort, result, ctl.as_of, ctl.by))}

    return cohort_page(cohort, "shared.html", compute)


def explain_participant_page(cohort: str, participant: str):
    """Where one participant's completion comes from: each requirement, met or not, with its records."""

    def compute(ws: Workspace, ctl: Controls) -> dict[str, Any]:
        if participant not in {p.id for p in ws.cohorts[cohort].participants}:
            abort(404)
        return {"body": shared("explain_participant", ws.explain_participant(cohort, participant, ctl.as_of))}

    return cohort_page(cohort, "shared.html", compute)


def participants_page(cohort: str):
    """A cohort's participants: attendance, assignments, levels, complete; and a link to each one's page."""

    def compute(ws: Workspace, ctl: Controls) -> dict[str, Any]:
        figures = served().store.progress(ws, cohort, ctl.as_of, ctl.by)
        return {"body": shared("participants", figures), "people": figures.participants}

    return cohort_page(cohort, "shared.html", compute)


def participant_page(cohort: str, participant: str):
    """One participant: attendance, assignments, levels, and every output with its history."""

    def compute(ws: Workspace, ctl: Controls) -> dict[str, Any]:
        figures = served().store.progress(ws, cohort, ctl.as_of)
        person = next((p for p in figures.participants if p.id == participant), None)
        if person is None:
            abort(404)
        return {"figures": figures, "person": person, "history": ws.history(cohort, participant, ctl.as_of)}

    return cohort_page(cohort, "participant.html", compute)


def programme_page(curriculum: str):
    """A programme: the cohorts of one curriculum added up, as `mentoring rollup` adds them."""
    store = served().store
    try:
        store.known_curriculum(curriculum)
    except UnknownCohort:
        abort(404)
    ctl = controls(periods=True, by_choices=tuple(By))
    try:
        programme = store.rollup(curriculum, ctl.as_of, ctl.by, ctl.period)
    except DataError as failure:
        return page("not_reported.html", ctl=ctl, cohort_id=None, cohort=None, title=curriculum,
                    problems=[format_problem(p) for p in failure.problems])
    return page("shared.html", ctl=ctl, title=programme.title, body=shared("rollup", programme),
                cohort_links=programme.cohorts)


def actions_page(cohort: str):
    """A cohort's follow-up actions as of the date: who does what by when, open or done, overdue."""
    return cohort_page(cohort, "shared.html", lambda ws, ctl: {"body": shared("actions", ws.actions(cohort, ctl.as_of))})


def reflect_page(cohort: str):
    """The reflection sheet: each result's figures with the causes recorded and the actions for it."""
    return cohort_page(cohort, "shared.html", lambda ws, ctl: {"body": shared("reflect", ws.reflect(cohort, ctl.as_of))})


def due_page(cohort: str):
    """What in the cohort needs someone's attention as of the date, oldest first."""
    return cohort_page(cohort, "shared.html", lambda ws, ctl: {"body": shared("due", ws.due([cohort], ctl.as_of))})


# --- forms ---------------------------------------------------------------------------------------


def _form_context(ws: Workspace, cohort_id: str, kind: str) -> tuple[Cohort, tuple[forms.Field, ...]]:
    if kind not in forms.KINDS:
        abort(404)
    cohort = ws.cohorts.get(cohort_id)
    if cohort is None or cohort.curriculum not in ws.curricula:
        return cohort, ()
    return cohort, forms.fields(kind, cohort, ws.curricula[cohort.curriculum], dt.date.today())


def log_form(cohort: str, kind: str):
    """The empty form for a record kind (who logs is remembered from the last record sent)."""
    ws = cohort_workspace(cohort)
    model, form_fields = _form_context(ws, cohort, kind)
    values = forms.values_of(form_fields, None)
    values[forms.LOGGED_BY] = session.get(_LOGGER_KEY, "")
    return page("log.html", ctl=None, cohort_id=cohort, cohort=model, kind=kind, heading=forms.HEADINGS[kind],
                fields=form_fields, values=values,
                placed=forms.Placed({}, [format_problem(p) for p in ws.problems_of(cohort) if p.is_error]))


def _commit(cohort_id: str, cohort: Optional[Cohort], kind: str, logger: Optional[str], notes: list[str]):
    """The `then` of append_record under --commit: commit the log just written, by who logged it."""
    repository = served().repository
    if repository is None:
        return None
    root = served().store.root

    def then(written: Written) -> None:
        person = logger or author_of(kind, written.record)
        name, email = author(cohort, cohort_id, person)
        message = f"{kind} in {cohort_id}, logged by {name} through mentoring serve\n\n{written.path}:{written.line}\n"
        try:
            failure = repository.commit(root / written.path, name, email, message)
        except Exception as exc:  # noqa: BLE001 - the record is written; the page says the commit was not made
            failure = f"{type(exc).__name__}: {exc}"
        words = speech()
        notes.append(words.format(N_("committed to git as {author}"), author=f"{name} <{email}>") if failure is None
                     else words.format(N_("written but not committed to git: {why}"), why=failure))

    return then


def log_submit(cohort: str, kind: str):
    """Append the posted record through the library; back to the report, or the form with its problems."""
    ws = cohort_workspace(cohort)
    model, form_fields = _form_context(ws, cohort, kind)
    if not form_fields:
        return log_form(cohort, kind)
    record = forms.record_from(kind, form_fields, request.form, model)
    people = {p.id for p in model.people}
    logger = request.form.get(forms.LOGGED_BY) or None
    if logger is not None and logger not in people:
        abort(400, description=N_("“Logged by” names no one in this cohort; nothing was written. Reload the form."))
    notes: list[str] = []
    # Who logs it appends to their own log (docs/logging.md: one file per author merges cleanly); the
    # name is a person's id of the cohort, never a path from the request.
    outcome = ws.append_record(cohort, kind, record, logger, then=_commit(cohort, model, kind, logger, notes))
    if not outcome.ok:
        values = forms.values_of(form_fields, request.form)
        return page("log.html", 422, ctl=None, cohort_id=cohort, cohort=model, kind=kind, heading=forms.HEADINGS[kind],
                    fields=form_fields,
                    values=values, placed=forms.place(outcome, kind, form_fields))
    session[_LOGGER_KEY] = logger or ""
    written = outcome.written
    words = speech()
    flash(words.format(N_("Written: [[{kind}]] at {where}."), kind=kind, where=f"{written.path}:{written.line}"), "written")
    for problem in outcome.warnings:
        flash(format_problem(problem), "warning")
    for note in notes:
        flash(note, "git")
    return redirect(link("web.report", cohort=cohort), code=303)


# --- what templates show ------------------------------------------------------------------------

#: A shape beside each status word, so that status is never told by colour alone.
MARKS = {"met": "✓", "on track": "→", "behind": "▼", "missed": "✗", "not started": "○", "running": "▶", "ended": "■"}


def mark(status: Any, words: Language) -> str:
    """A status as its shape and word (`✓ met`) in the page's language; a dash for none."""
    if status is None:
        return "–"
    return f"{MARKS.get(str(status), '')} {words.value(status)}".strip()


# --- errors --------------------------------------------------------------------------------------


def translated(text: str) -> str:
    """A description of this app's own (a refused form) in the page's language; werkzeug's stay English."""
    words = speech()
    return words.words.get(text, text)


def usage_error(error: UsageError):
    """A control or argument the library refuses: the page says which, with status 400."""
    return page("error.html", 400, keep_controls=False, title=speech().gettext(N_("Not understood")), message=str(error),
                ctl=None)


def http_error(error: HTTPException):
    """404, 405, 400 (no CSRF token) and the rest, as a page of this app; a request for a host name
    that is not this server's gets plain text (no URL can be built for it)."""
    if isinstance(error, SecurityError):
        return Response(f"{error.code} {error.name}: {error.description}\n", error.code, mimetype="text/plain")
    return page("error.html", error.code or 500, keep_controls=False, title=f"{error.code} {error.name}",
                message=translated(error.description or ""), ctl=None)


def register(app: Flask) -> None:
    """Every route, on the app."""
    from flask import Blueprint

    web = Blueprint("web", __name__)
    web.add_url_rule("/", "cohorts", cohorts_page)
    web.add_url_rule("/problems", "problems", problems_page)
    web.add_url_rule("/programmes/<curriculum>", "programme", programme_page)
    web.add_url_rule("/cohorts/<cohort>/", "report", report_page)
    web.add_url_rule("/cohorts/<cohort>/participants", "participants", participants_page)
    web.add_url_rule("/cohorts/<cohort>/participants/<participant>", "participant", participant_page)
    web.add_url_rule("/cohorts/<cohort>/explain/<result>", "explain", explain_page)
    web.add_url_rule("/cohorts/<cohort>/participants/<participant>/explain", "explain_participant",
                     explain_participant_page)
    web.add_url_rule("/cohorts/<cohort>/actions", "actions", actions_page)
    web.add_url_rule("/cohorts/<cohort>/reflect", "reflect", reflect_page)
    web.add_url_rule("/cohorts/<cohort>/due", "due", due_page)
    web.add_url_rule("/cohorts/<cohort>/log/<kind>", "log_form", log_form, methods=["GET"])
    web.add_url_rule("/cohorts/<cohort>/log/<kind>", "log_submit", log_submit, methods=["POST"])
    app.register_blueprint(web)
    from jinja2 import ChoiceLoader, FileSystemLoader

    from ..render.html import TEMPLATES

    # The app's templates, then the reports' (their stylesheet is included in every page).
    app.jinja_env.loader = ChoiceLoader([FileSystemLoader(Path(__file__).parent / "templates"), FileSystemLoader(TEMPLATES)])
    app.jinja_env.filters["mark"] = mark
    app.register_error_handler(UsageError, usage_error)
    app.register_error_handler(HTTPException, http_error)
