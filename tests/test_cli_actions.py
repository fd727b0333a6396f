"""`mentoring log action`, `actions`, `reflect` and `due`: options, formats, exit codes.

The workspace is conftest's minimal programme (cohort k1, 2015-03-01 to 2015-03-31; participants
p01 "Aminah" and p02 "Dewi", mentor rina "Rina", implementer imp "Yusuf", observer obs); the
plans are those of tests/test_actions.py, whose docstrings work the figures out.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import COHORT, make_workspace
from test_actions import ACTIONS, LIFE, PLAN

REPORT_FIELDS = {"id", "statement", "measure", "unit", "target", "baseline", "actual", "gap", "status", "due"}


@pytest.fixture
def root(workspace, minimal, monkeypatch) -> Path:
    """The minimal workspace as the current folder."""
    root = workspace(minimal)
    monkeypatch.chdir(root)
    return root


def plan(root: Path, text: str) -> None:
    """Write k1's logs/actions.toml."""
    make_workspace(root, {ACTIONS: text})


def test_log_action_opens_moves_reassigns_and_closes(root, run):
    """Four commands write four records to logs/actions.toml, and `actions` shows them merged:
    opened 03-05 by rina, moved to 03-19, given to Aminah, done."""
    base = ["log", "action", "k1", "--id", "rota"]
    first = run(*base, "--text", "Agree a weekly posting rota", "--owner", "rina", "--due", "2015-03-12",
                "--result", "posts", "--cause", "No one knew whose turn it was", "--date", "2015-03-05")
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[:3] == [f"{ACTIONS}:1: wrote [[action]]", "[[action]]", 'id = "rota"']
    for more in (["--due", "2015-03-19", "--date", "2015-03-10"], ["--owner", "p01", "--date", "2015-03-15"],
                 ["--status", "done", "--date", "2015-03-18"]):
        out = run(*base, *more)
        assert out.exit_code == 0, out.output
    text = (root / ACTIONS).read_text()
    assert text.count("[[action]]") == 4 and 'status = "done"' in text
    data = json.loads(run("actions", "k1", "--as-of", "2015-03-31", "--format", "json").stdout)
    assert (data["cohort"], data["as_of"]) == ("k1", "2015-03-31")
    (rota,) = data["actions"]
    assert {"id", "text", "owner", "due", "status", "overdue", "results", "cause", "opened"} <= rota.keys()
    assert (rota["owner"], rota["due"], rota["status"], rota["overdue"], rota["opened"], rota["results"]) == (
        "p01", "2015-03-19", "done", False, "2015-03-05", ["posts"])
    assert run("check").exit_code == 0


def test_log_action_saying_nothing_is_a_usage_error(root, run):
    """`--id` alone would append a record that changes nothing: exit 2, and no file is made."""
    out = run("log", "action", "k1", "--id", "rota", "--date", "2015-03-05")
    assert out.exit_code == 2
    assert "--text to open an action" in out.stderr
    assert not (root / ACTIONS).exists()


def test_log_action_update_with_a_mistyped_id_is_refused(root, run):
    """Marking "rot" done opens no action without its text: exit 1, the near id named, the log unchanged."""
    assert run("log", "action", "k1", "--id", "rota", "--text", "Rota", "--date", "2015-03-05").exit_code == 0
    before = (root / ACTIONS).read_bytes()
    out = run("log", "action", "k1", "--id", "rot", "--status", "done", "--date", "2015-03-18")
    assert out.exit_code == 1
    assert 'did you mean "rota"?' in out.stdout
    assert (root / ACTIONS).read_bytes() == before


def test_log_action_due_is_a_date(root, run):
    """A malformed --due is a usage error naming the option."""
    out = run("log", "action", "k1", "--id", "rota", "--text", "Rota", "--due", "19/03/2015")
    assert out.exit_code == 2 and "--due" in out.stderr


def test_actions_table_summary_and_open_only(root, run):
    """As of 03-16 rota is open (Aminah, due 03-19) and open-day dropped; --open keeps rota alone."""
    plan(root, LIFE)
    out = run("actions", "k1", "--as-of", "2015-03-16")
    assert out.exit_code == 0, out.output
    assert out.stdout.rstrip().endswith("2 actions as of 2015-03-16: 1 open, 1 dropped")
    rota = next(line for line in out.stdout.splitlines() if line.startswith("rota "))
    assert "Aminah" in rota and "2015-03-19" in rota
    only = run("actions", "k1", "--as-of", "2015-03-16", "--open").stdout
    assert "open-day" not in only and only.rstrip().endswith("1 open action as of 2015-03-16")
    # As of 03-20 rota is done (03-18): no action is open, none overdue.
    assert run("actions", "k1", "--as-of", "2015-03-20", "--open").stdout.strip() == "No open actions as of 2015-03-20"


def test_actions_csv_starts_with_as_of(root, run):
    """Each CSV row starts with the as-of date; overdue is yes or no; results are space-separated ids."""
    plan(root, LIFE)
    rows = list(csv.DictReader(io.StringIO(run("actions", "k1", "--as-of", "2015-03-20", "--format", "csv").stdout)))
    assert list(rows[0])[0] == "as_of"
    assert [(r["as_of"], r["id"], r["status"], r["overdue"], r["results"]) for r in rows] == [
        ("2015-03-20", "rota", "done", "no", "posts"), ("2015-03-20", "open-day", "dropped", "no", "visitors")]


def test_reflect_markdown_reads_as_minutes(root, run):
    """Each result is a section with its figures in a sentence, the causes as a list and the actions
    as a table; posts as of 03-10: 0 of 10, gap 10, behind."""
    plan(root, PLAN)
    out = run("reflect", "k1", "--as-of", "2015-03-10", "--format", "markdown")
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == "# Reflection: k1, as of 2015-03-10"
    assert "## 1. Posts accepted (`posts`)" in lines and "## 2. Visitors to the open day (`visitors`)" in lines
    assert "Target 10, actual 0, gap 10: **behind** (due 2015-03-31)." in lines
    assert "- No one knew whose turn it was to post" in lines
    assert "## Other actions agreed" in lines
    rows = [line for line in lines if line.startswith("| rota")]
    assert len(rows) == 1 and "Rina" in rows[0] and "2015-03-12" in rows[0]
    assert [c.strip() for c in rows[0].strip("|").split("|")][-1] == "open"  # due 03-12, not overdue on 03-10
    later = run("reflect", "k1", "--as-of", "2015-03-13", "--format", "markdown").stdout.splitlines()
    assert [line for line in later if line.startswith("| rota")][0].rstrip(" |").endswith("| open, overdue")


def test_reflect_json_has_the_report_fields_causes_and_action_ids(root, run):
    """`reflect` in JSON: each result with report's fields plus causes and actions (ids)."""
    plan(root, PLAN)
    data = json.loads(run("reflect", "k1", "--as-of", "2015-03-10", "--format", "json").stdout)
    assert (data["cohort"], data["as_of"]) == ("k1", "2015-03-10")
    posts, visitors = data["results"]
    assert REPORT_FIELDS | {"causes", "actions"} <= posts.keys()
    assert (posts["actions"], posts["causes"]) == (["rota", "photos"], ["No one knew whose turn it was to post"])
    assert visitors["actions"] == ["invite", "photos"]


def test_due_json_fields_and_a_broken_cohort_left_out(root, run):
    """k2 has an action with an unknown owner: its problem is printed, exit 1, and k1's items are
    still listed: posts behind (0 of 10 as of 03-10, due 03-31, 21 days ahead)."""
    make_workspace(root, {"cohorts/k2/cohort.toml": COHORT,
                          "cohorts/k2/logs/actions.toml": '[[action]]\nid = "b"\ndate = 2015-03-02\ntext = "B"\nowner = "rinaa"\n'})
    out = run("due", "--as-of", "2015-03-10", "--format", "json")
    assert out.exit_code == 1
    assert 'cohorts/k2/logs/actions.toml:5: error: action.owner: unknown person "rinaa" (did you mean "rina"?)' in out.stderr
    data = json.loads(out.stdout)
    assert data == {"as_of": "2015-03-10", "items": [{
        "cohort": "k1", "kind": "result", "who": None, "what": 'result posts "Posts accepted" is behind',
        "due": "2015-03-31", "days_late": -21, "id": "posts"}]}
    assert run("due", "k1", "--as-of", "2015-03-10").exit_code == 0


def test_due_usage_errors(root, run):
    """An unknown cohort (with the near one named) and a negative --within are usage errors, exit 2."""
    out = run("due", "k", "--as-of", "2015-03-10")
    assert out.exit_code == 2 and 'unknown cohort "k"' in out.stderr
    assert run("due", "--within", "-1").exit_code == 2
    assert run("due", "--missed", "0").exit_code == 2


def test_due_table_and_csv(root, run):
    """The table says how late each item is in words and sums up the kinds; CSV starts with as_of."""
    plan(root, '[[action]]\nid = "x"\ndate = 2015-03-02\ntext = "Do it"\nowner = "imp"\ndue = 2015-03-08\n')
    out = run("due", "--as-of", "2015-03-10")
    assert out.exit_code == 0, out.output
    first = out.stdout.splitlines()[2]  # after the header and its rule
    assert first.split()[:6] == ["2015-03-08", "2", "days", "late", "k1", "action"]
    assert "2 items (1 action, 1 result) as of 2015-03-10 in 1 cohort" in out.stdout
    plan(root, '[[action]]\nid = "x"\ndate = 2015-03-02\ntext = "Do it"\ndue = 2015-03-08\n\n'
               '[[action]]\nid = "y"\ndate = 2015-03-02\ntext = "And this"\ndue = 2015-03-09\n')
    assert "3 items (2 actions, 1 result) as of 2015-03-10" in run("due", "--as-of", "2015-03-10").stdout
    rows = list(csv.reader(io.StringIO(run("due", "--as-of", "2015-03-10", "--format", "csv").stdout)))
    assert rows[0][0] == "as_of" and rows[1][:3] == ["2015-03-10", "k1", "action"]
    # Before the cohort starts and before the action is agreed, nothing is due.
    assert run("due", "--as-of", "2015-02-20").stdout.startswith("Nothing due as of 2015-02-20 (1 cohort;")


def test_the_refusal_shown_in_reflection_md_is_real(tmp_path):
    """The mistyped update in docs/reflection.md's ```text block prints exactly what the block shows,
    on the example workspace after the document's own `log` commands, and exits 1."""
    from test_docs import DOCS, blocks, commands, copy_example_workspace
    from test_docs import run as run_in

    doc = DOCS / "reflection.md"
    workspace = copy_example_workspace(tmp_path / "ws")
    for block in blocks(doc):
        for command in commands(block) if block.lang == "console" else ():
            if command.args[:1] == ["log"]:
                assert run_in(command.args, workspace).exit_code == 0
    (shown,) = [b for b in blocks(doc) if b.lang == "text" and b.text[0].startswith("$ mentoring log action")]
    result = run_in(shown.text[0].split()[2:], workspace)
    assert result.exit_code == 1
    assert result.output.splitlines() == shown.text[1:]
