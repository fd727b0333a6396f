"""`mentoring serve`: the workspace in a browser, for people who never open a terminal.

    from mentoring.web import create_app
    app = create_app("path/to/workspace")          # a Flask (WSGI) app; `mentoring serve` serves it

Built only on the library's door, as Fava is on beancount's loader: pages show what
`open_workspace(...)` and its `Workspace` give (figures, problems, a participant's history), the
report, participants, actions, reflection, due and programme pages drawn by the HTML reports' own
templates (`render.html.body`, one source with `--format html`), in English or Indonesian; and
every form goes through `append_record`, with its checks, its lock and its atomic write. The files
stay the single source of truth: they are opened again whenever they change (`store.py`), and the
app never takes a file path from a request, only ids, each looked up among what exists.

- `store.py`: the workspace opened per cohort, re-opened when its files change;
- `forms.py`: the forms' fields, the record a posted form makes, problems beside their fields;
- `views.py`: the pages and the form handlers;
- `security.py`: CSRF tokens, trusted hosts, headers;
- `git.py`: `--commit`, each record committed with its logger as author;
- `templates/`: the app's shell, its own pages (cohorts, a participant, problems) and the forms.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

import attrs
from flask import Flask

from .git import NotARepository, Repository
from .store import Store

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["create_app", "NotARepository"]


@attrs.frozen
class Served:
    """What the views need of the app: the workspace and, with --commit, its repository."""

    store: Store
    """The workspace, opened through the door."""
    repository: Optional[Repository]
    """Where records are committed; None without --commit."""


def create_app(root: PathLike, *, commit: bool = False, cache: Union[bool, PathLike] = False,
               host: str = "127.0.0.1", secret_key: Optional[bytes] = None) -> Flask:
    """The web app over the workspace at `root` (the folder itself; it is not searched for).

    `commit`: commit each record written to the workspace's git repository (NotARepository when
    it is not in one). `cache`: as for `open_workspace`. `host`: the address the server listens on;
    requests must name it (or localhost) in their Host header, unless it is every address
    (0.0.0.0). `secret_key` signs the session cookie (default: a new random key, so a restart
    ends every session and the forms of pages left open must be reloaded).
    """
    from ..errors import UsageError
    from . import views
    from .security import secure

    root = Path(root)
    if not (root / "curricula").is_dir() and not (root / "cohorts").is_dir():
        raise UsageError(f"{root} is not a workspace: a workspace is a folder holding curricula/ or cohorts/")
    repository = Repository.of(root) if commit else None
    app = Flask(__name__, static_folder=None)
    secure(app, host, secret_key)
    app.extensions["mentoring"] = Served(Store(root, cache if isinstance(cache, bool) else Path(cache)), repository)
    views.register(app)
    return app
