"""Shell completion, through the protocol the shells' scripts speak (`mentoring --show-completion`):
the command is run with `_MENTORING_COMPLETE` and the words typed in its environment, and prints
the candidates.

The workspace is conftest's minimal programme plus a second cohort k2: cohort k1 has participants
p01 and p02, mentor rina, implementer imp and observer obs; curriculum sosmed has module m1 and
results posts (outputs) and visitors (reported).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from conftest import COHORT, make_workspace

from mentoring.cli import complete


@pytest.fixture
def root(tmp_path: Path, minimal) -> Path:
    """The minimal workspace with a second cohort, k2."""
    return make_workspace(tmp_path, {**minimal, "cohorts/k2/cohort.toml": COHORT})


def complete_bash(root: Path, line: str) -> list[str]:
    """What bash's completion function gets for the last word of `line` (a trailing space: a new word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {**os.environ, "_MENTORING_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword),
           "MENTORING_WORKSPACE": str(root), "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "mentoring"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.split()


def test_commands_and_options(root):
    """Command names and a command's options complete."""
    assert complete_bash(root, "mentoring rep") == ["report"]
    assert sorted(complete_bash(root, "mentoring re")) == ["reflect", "report"]
    assert complete_bash(root, "mentoring log session k1 --ab") == ["--absent"]


def test_cohort_ids(root):
    """A cohort argument completes to the workspace's cohort ids."""
    assert complete_bash(root, "mentoring report ") == ["k1", "k2"]
    assert complete_bash(root, "mentoring log session k") == ["k1", "k2"]


def test_person_ids_of_the_cohort_by_role(root):
    """--mentor completes to the cohort's mentors and facilitators, --participant to its participants,
    --by to its assessors and "self"."""
    assert complete_bash(root, "mentoring log session k1 --mentor ") == ["rina"]
    assert complete_bash(root, "mentoring log output k1 --participant p") == ["p01", "p02"]
    assert complete_bash(root, "mentoring log assessment k1 --participant p01 --by ") == ["rina", "imp", "self"]


def test_lists_of_participants_and_all(root):
    """--attended completes each participant not yet listed after the ids typed, and `all` on its own."""
    assert complete_bash(root, "mentoring log session k1 --attended ") == ["p01", "p02", "all"]
    assert complete_bash(root, "mentoring log session k1 --attended p02,") == ["p02,p01"]


def test_curriculum_ids_of_the_cohort(root):
    """--module completes the cohort's curriculum's modules; --result on a measurement only its reported results."""
    assert complete_bash(root, "mentoring log session k1 --module ") == ["m1"]
    assert complete_bash(root, "mentoring log measurement k1 --result ") == ["visitors"]


def test_zsh_and_fish_speak_their_own_forms(root):
    """zsh gets an _arguments list with each person's name; fish gets tab-separated names."""
    env = {**os.environ, "MENTORING_WORKSPACE": str(root), "PYTHONPATH": os.pathsep.join(sys.path),
           "_TYPER_COMPLETE_ARGS": "mentoring log output k1 --participant "}
    zsh = subprocess.run([sys.executable, "-m", "mentoring"], env={**env, "_MENTORING_COMPLETE": "complete_zsh"},
                         capture_output=True, text=True, timeout=60)
    assert zsh.stdout.strip() == "_arguments '*: :((\"p01\":\"Aminah\"\n\"p02\":\"Dewi\"))'"
    fish = subprocess.run([sys.executable, "-m", "mentoring"], capture_output=True, text=True, timeout=60,
                          env={**env, "_MENTORING_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    assert fish.stdout.splitlines() == ["p01\tAminah", "p02\tDewi"]


def test_nothing_to_complete_outside_a_workspace(tmp_path, no_workspace_above):
    """Outside any workspace a cohort completes to nothing, without a word of complaint."""
    env = {k: v for k, v in os.environ.items() if k != "MENTORING_WORKSPACE"}
    done = subprocess.run([sys.executable, "-m", "mentoring"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env={**env, "_MENTORING_COMPLETE": "complete_bash", "COMP_WORDS": "mentoring report ",
                               "COMP_CWORD": "2", "PYTHONPATH": os.pathsep.join(sys.path)})
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "", "")


def test_action_ids_from_the_logs(root, monkeypatch, capsys):
    """Action ids complete from the cohort's logs, each once, in the order of the log files."""
    (root / "cohorts/k1/logs").mkdir()
    (root / "cohorts/k1/logs/actions.toml").write_text(
        '[[action]]\nid = "more-posts"\ndate = 2015-03-02\ntext = "x"\n\n[[action]]\nid = "more-posts"\ndate = 2015-03-09\n',
        encoding="utf-8")
    (root / "cohorts/k1/logs/rina.toml").write_text('[[action]]\nid = "meet-funder"\ndate = 2015-03-03\ntext = "y"\n', encoding="utf-8")
    app = typer.Typer()

    @app.command()
    def act(cohort: str = typer.Argument(..., autocompletion=complete.cohorts),
            action: str = typer.Option("", "--id", autocompletion=complete.actions)) -> None:
        """A command naming an action (like `log action --id`)."""

    monkeypatch.setenv("MENTORING_WORKSPACE", str(root))
    monkeypatch.setenv("_ACT_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "act k1 --id ")
    monkeypatch.setenv("COMP_CWORD", "3")
    with pytest.raises(SystemExit):
        app(prog_name="act")
    assert capsys.readouterr().out.split() == ["more-posts", "meet-funder"]


def test_log_action_completes_action_ids_and_status_words(root):
    """`log action --id` completes the cohort's action ids, and `--status` the three action statuses."""
    assert complete_bash(root, "mentoring log action k1 --status d") == ["done", "dropped"]
