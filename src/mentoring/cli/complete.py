"""Shell completion of ids: cohorts, the people of the cohort on the command line, and the modules,
competencies, results, output kinds, assignments and actions it can name.

Typer runs these when the shell asks (`_MENTORING_COMPLETE=complete_bash` and the words typed; see
`mentoring --show-completion`). They read only what they need (the cohort folders, the cohort's
cohort.toml and its curriculum, or its logs for actions) with nothing checked, never print a
problem, and import the library only when called, so that `mentoring --help` stays quick.
"""

import os
from collections.abc import Callable, Iterable
from typing import Any, Optional

import typer



def _root(ctx: typer.Context) -> Optional[Any]:
    """The workspace the command line names, or the one found from here as `find_workspace` finds
    it (without importing the loader, which would double the time a completion takes); None when
    there is none."""
    from pathlib import Path

    from ..layout import nearest_workspace

    given = ctx.find_root().params.get("workspace") or os.environ.get("MENTORING_WORKSPACE")
    if given:
        return Path(given)
    return nearest_workspace(Path.cwd())


def _read(path: Any) -> dict:
    """A TOML file as a dict; empty when it cannot be read (completion never complains)."""
    import tomli

    try:
        return tomli.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError, RecursionError):
        return {}


def _cohort_id(ctx: typer.Context) -> Optional[str]:
    """The cohort on the command line. While an option waits for its value, the parser stops before
    it assigns the arguments, which are then left in ctx.args (COHORT is always the first)."""
    return ctx.params.get("cohort") or next(iter(ctx.args), None)


def _cohort(ctx: typer.Context) -> tuple[Optional[Any], dict]:
    """The workspace and the cohort.toml (as a dict) of the cohort on the command line."""
    from ..layout import cohort_path, is_id

    root, cohort = _root(ctx), _cohort_id(ctx)
    if root is None or not is_id(cohort):
        return root, {}
    return root, _read(root / cohort_path(cohort))


def _entries(data: dict, table: str) -> list[dict]:
    items = data.get(table)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _ids(entries: Iterable[dict]) -> list[str]:
    return [entry["id"] for entry in entries if isinstance(entry.get("id"), str)]


def words(*choices: str) -> Callable[..., list[str]]:
    """Completion of one of a fixed set of words (statuses, formats)."""
    return lambda incomplete: [word for word in choices if word.startswith(incomplete)]


def cohorts(ctx: typer.Context, incomplete: str) -> list[str]:
    """The workspace's cohort ids: its folders under cohorts/ (as `loader.cohort_ids` lists them)."""
    from ..layout import COHORTS

    root = _root(ctx)
    if root is None or not (root / COHORTS).is_dir():
        return []
    return sorted(p.name for p in (root / COHORTS).iterdir()
                  if p.is_dir() and not p.name.startswith(".") and p.name.startswith(incomplete))


def people(roles: Optional[str] = None, also: Iterable[str] = ()) -> Callable[..., list[tuple[str, str]]]:
    """Completion of one person id of the cohort, with the person's name: everyone, or those whose
    role is among `roles`, the name of a set of roles in the model (`SESSION_ROLES`, `ASSESSOR_ROLES`)
    or a role (`participant`); `also` adds words (`self`)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from .. import model

        named = None if roles is None else getattr(model, roles, None) or {model.Role(roles)}
        allowed = None if named is None else {role.value for role in named}
        _, data = _cohort(ctx)
        found = [(entry["id"], str(entry.get("name", ""))) for entry in _entries(data, "people")
                 if isinstance(entry.get("id"), str) and (allowed is None or entry.get("role") in allowed)]
        return [(id_, name) for id_, name in [*found, *((word, "") for word in also)] if id_.startswith(incomplete)]

    return complete


def participant_list(also: Iterable[str] = ()) -> Callable[..., list[str]]:
    """Completion of `ID,ID,...` lists of the cohort's participants: the ids already typed, then each
    participant not yet listed (and `also`'s words, such as `all`, on their own)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        _, data = _cohort(ctx)
        head, _, last = incomplete.rpartition(",")
        listed = set(head.split(",")) if head else set()
        ids = _ids(entry for entry in _entries(data, "people") if entry.get("role", "participant") == "participant")
        prefix = head + "," if head else ""
        found = [prefix + id_ for id_ in ids if id_ not in listed and id_.startswith(last)]
        return found + [word for word in also if not head and word.startswith(incomplete)]

    return complete


def curriculum_ids(table: str, **where: str) -> Callable[..., list[tuple[str, str]]]:
    """Completion of the ids of one table of the cohort's curriculum (modules, results...), with
    titles; `where` keeps only the entries with those values (`measure="reported"`)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from ..layout import curriculum_path, is_id

        root, data = _cohort(ctx)
        curriculum = data.get("curriculum")
        if root is None or not is_id(curriculum):
            return []
        entries = _entries(_read(root / curriculum_path(curriculum)), table)
        return [(entry["id"], str(entry.get("title") or entry.get("statement") or ""))
                for entry in entries if isinstance(entry.get("id"), str) and entry["id"].startswith(incomplete)
                and all(entry.get(key) == value for key, value in where.items())]

    return complete


def actions(ctx: typer.Context, incomplete: str) -> list[str]:
    """The ids of the cohort's actions, from its logs."""
    from ..layout import is_id, logs_folder

    root, cohort = _root(ctx), _cohort_id(ctx)
    if root is None or not is_id(cohort):
        return []
    found: dict[str, None] = {}
    for path in sorted((root / logs_folder(cohort)).glob("*.toml")):
        for id_ in _ids(_entries(_read(path), "action")):
            found.setdefault(id_)
    return [id_ for id_ in found if id_.startswith(incomplete)]
