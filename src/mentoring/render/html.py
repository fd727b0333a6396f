"""Figures to one self-contained HTML page: Jinja2 templates, autoescaped, CSS inline, charts as
inline SVG, no script, nothing fetched; a print stylesheet for A4.

Templates live in render/templates: `base.html` is the page shell, `views/VIEW.html` a view's body
(`views/document.html` serves any view without one), `macros.html` the parts they share (header,
tables, status marks, charts). `page` renders shell and body; `body` the body alone, for a web app
that has its own shell. Templates get the Document and its figures, a `Language` and the chart
geometry: never the workspace.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable, Optional

import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..i18n import N_, Language, Message
from ..model import Word
from .charts import period_bars, result_bars
from .tables import Document, plan_table
from .text import cell, once

TEMPLATES = Path(__file__).parent / "templates"


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja2 environment: templates from render/templates, every value escaped."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
    )


#: Views drawn by another view's page (a programme's results are drawn as a cohort's are).
SHARED_PAGES = {"rollup": "report", "explain_participant": "explain"}


def body_template(view: str) -> str:
    """The template of a view's body: its own page (or the page it shares), else the generic one."""
    name = f"views/{SHARED_PAGES.get(view, view)}.html"
    return name if (TEMPLATES / name).is_file() else "views/document.html"


def say(message: Message, language: Language) -> Markup:
    """A Message as HTML, escaped, with each piece of data in it (a name, a title: text, not the
    program's words) marked translate="no"."""

    def shown(value: Any) -> Markup:
        if isinstance(value, Message):
            return say(value, language)
        if isinstance(value, (list, tuple)):
            return Markup(", ").join(shown(part) for part in value)
        if isinstance(value, str) and not isinstance(value, Word):
            return Markup('<span translate="no">{}</span>').format(value)
        return escape(language.value(value))

    template = str(escape(language.gettext(language.pick(message))))
    return Markup(template.format(**{key: shown(value) for key, value in message.values.items()}))


def no_link(table: Any, row: tuple[Any, ...]) -> None:
    """No row's figure links anywhere (a page on its own, a file)."""
    return None


def context(document: Document, language: Language, href: Callable[[Any, tuple[Any, ...]], Optional[str]] = no_link
            ) -> dict[str, Any]:
    """What the templates are given: the Document, the language and the helpers they call; `href`
    gives, for a table and one of its rows, where the row's actual is explained (or None)."""
    return {
        "doc": document,
        "t": language,
        "_": language.gettext,
        "N_": N_,
        "gettext": language.gettext,
        "ngettext": language.ngettext,
        "show": lambda column, value: cell(column, value, language, fmt="html"),
        "say": lambda message: say(message, language),
        "is_message": lambda value: isinstance(value, Message),
        "shown_rows": once,
        "bars": result_bars,
        "periods_of": period_bars,
        "plan": plan_table,
        "zip": zip,
        "version": __version__,
        "body": body_template(document.view),
        "href": href,
    }


def page(document: Document, language: Language) -> str:
    """A Document as a whole HTML page."""
    return environment().get_template("page.html").render(context(document, language))


def body(document: Document, language: Language,
         href: Callable[[Any, tuple[Any, ...]], Optional[str]] = no_link) -> str:
    """A Document's page body alone (header, charts, tables), to put in another shell (the web app's,
    whose `href` links each actual to its explanation)."""
    values = context(document, language, href)
    return environment().get_template(values["body"]).render(values)
