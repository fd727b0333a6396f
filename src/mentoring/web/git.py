"""`mentoring serve --commit`: each record written through the app is committed to the workspace's
git repository, with the person who logged it as the commit's author.

The only place in the package that runs another program, and it runs only `git`, with a fixed
list of arguments (no shell, paths after `--`) and with hooks switched off
(`core.hooksPath=/dev/null`, `--no-verify`): nothing in the workspace or its repository is ever
executed. A commit names exactly one file, the log just appended to, so whatever else is staged or
changed in the repository stays out of it. Commits are made while the cohort's lock is held (the
library's `append_record(..., then=...)`), and one at a time in this process (git's index is
shared); another program holding git's index lock is waited for a little, then the record stays
written and uncommitted, and the page says so.
"""

from __future__ import annotations

import os
import re
import subprocess  # noqa: S404 - git only, argument lists, no shell: see the module's docstring
import threading
import time
from pathlib import Path
from typing import Optional

import attrs

from ..model import Cohort

#: How to run git: hooks off, no pager, no prompt.
_BASE = ("git", "-c", "core.hooksPath=/dev/null", "-c", "core.pager=cat")
_ENV = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
_TIMEOUT = 30
_RETRIES = 5

_EMAIL = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+")
_ONE_GIT_AT_A_TIME = threading.Lock()


class NotARepository(Exception):
    """The workspace is not inside a git repository (or git cannot be run): the message says which."""


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([*_BASE, *args], cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=_TIMEOUT, check=False, stdin=subprocess.DEVNULL)


def author(cohort: Optional[Cohort], cohort_id: str, person_id: Optional[str]) -> tuple[str, str]:
    """A commit author for a person of the cohort: their name and the e-mail in their contact, else
    `id@<cohort>.invalid` (a made-up address that can never be delivered to); `mentoring serve`
    when no person is known."""
    person = next((p for p in cohort.people if p.id == person_id), None) if cohort is not None and person_id else None
    if person is None:
        return "mentoring serve", f"serve@{cohort_id}.invalid"
    name = re.sub(r"[<>\n\r]", "", person.name).strip() or person.id
    found = _EMAIL.search(person.contact or "")
    return name, found.group(0) if found else f"{person.id}@{cohort_id}.invalid"


@attrs.frozen
class Repository:
    """The git repository a workspace is in."""

    top: Path
    """The repository's top folder."""
    env: dict[str, str]
    """What git is run with: the committer's identity when git has none configured."""

    @classmethod
    def of(cls, root: Path) -> Repository:
        """The repository holding a workspace, or NotARepository saying why there is none."""
        try:
            found = _run(["rev-parse", "--show-toplevel"], root, _ENV)
        except FileNotFoundError:
            raise NotARepository("git is not installed (or not on the PATH), so records cannot be committed") from None
        except subprocess.TimeoutExpired:
            raise NotARepository("git did not answer in time") from None
        if found.returncode != 0:
            why = found.stderr.strip().splitlines()[-1] if found.stderr.strip() else "git refused it"
            raise NotARepository(f"{root} is not in a git repository ({why}); run `git init` there first, "
                                 "or serve without --commit")
        env = dict(_ENV)
        for key, variable, fallback in (("user.name", "GIT_COMMITTER_NAME", "mentoring serve"),
                                        ("user.email", "GIT_COMMITTER_EMAIL", "serve@localhost.invalid")):
            if _run(["config", key], root, _ENV).returncode != 0:
                env[variable] = fallback
        return cls(Path(found.stdout.strip()), env)

    def commit(self, path: Path, name: str, email: str, message: str) -> Optional[str]:
        """Commit one file as it is now, by this author; None when done, else why not."""
        rel = os.path.relpath(path.resolve(), self.top.resolve())
        env = {**self.env, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email}
        with _ONE_GIT_AT_A_TIME:
            done = None
            for attempt in range(_RETRIES):
                try:
                    done = _run(["add", "--", rel], self.top, env)
                    if done.returncode == 0:
                        done = _run(["commit", "--quiet", "--no-verify", "-m", message, "--", rel], self.top, env)
                except subprocess.TimeoutExpired:
                    return "git did not answer in time"
                if done.returncode == 0 or "index.lock" not in done.stderr:
                    break
                time.sleep(0.1 * (attempt + 1))  # another git is busy with the index
        if done is None or done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines() if done is not None else []
            return lines[-1] if lines else "git refused the commit"
        return None
