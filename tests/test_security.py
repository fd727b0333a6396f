"""Nothing from the command line or from a file reaches outside the workspace, and files are only data.

- Cohort ids given to a command are ids of folders under cohorts/: `../x`, `/etc`, `..` are unknown
  cohorts (exit 2); the library refuses to read them too.
- A cohort folder, a logs/ folder or a file that is a symbolic link resolving outside the workspace
  is refused, never read, and never written to: `is a link to a place outside the workspace; not read`.
- `mentoring log --file` takes a plain name under logs/: `..`, slashes, absolute paths are refused
  (exit 2) and nothing is written anywhere.
- TOML is parsed as data: text that looks like code is text.
- `--redact` on the reading commands leaves no participant's name or contact in what is printed.
"""

from __future__ import annotations

import ast
import hashlib
import csv
import io
import json
import os
from pathlib import Path

import pytest

import mentoring
from conftest import COHORT, CURRICULUM, make_workspace
from mentoring.loader import SLUG_RULE, load_workspace
from mentoring.logbook import HOLDER_NAME, LOCK_NAME, append_record

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="no symbolic links here")

#: A cohort.toml kept outside the workspace: were it ever read, its curriculum id would show in a problem.
SECRET_COHORT = COHORT.replace('curriculum = "sosmed"', 'curriculum = "secret-outside-curriculum"')
SESSION = ["--mentor", "rina", "--hours", "2", "--attended", "p01", "--date", "2015-03-05"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (links not followed) with its bytes, to show nothing was written; the
    workspace's own lock files (git-ignored, left by `mentoring log`: the lock and who held it last) aside."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not path.is_symlink() and not (path.name in (LOCK_NAME, HOLDER_NAME) and rel.startswith("ws/")):
            out[rel] = path.read_bytes()
    return out


@pytest.fixture
def place(tmp_path):
    """tmp_path holding `ws` (the minimal workspace) and `outside` (a folder beside it, with a cohort)."""
    make_workspace(tmp_path / "ws", {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT})
    make_workspace(tmp_path / "outside", {"k9/cohort.toml": SECRET_COHORT, "logs/.keep": ""})
    return tmp_path


# --- cohort ids from the command line ----------------------------------------------------------------

BAD_IDS = ["../outside/k9", "..", ".", "/etc", "../../../../etc", "k1/../k1", "k1/", "cohorts", "", "k1\\..\\..", "~"]


@pytest.mark.parametrize("cohort", BAD_IDS)
@pytest.mark.parametrize("command", [["report"], ["participants"], ["check"], ["log", "session"]])
def test_cohort_id_that_is_a_path_is_an_unknown_cohort(place, run, command, cohort):
    """A cohort id that is a path (or empty, or a folder that is no cohort) is refused as an unknown cohort: exit 2,
    one line, nothing read outside the workspace and nothing written anywhere."""
    before = snapshot(place)
    out = run("-w", str(place / "ws"), *command, cohort, *(SESSION if command[0] == "log" else []))
    assert out.exit_code == 2, out.output
    assert out.stderr.startswith("mentoring: error: unknown cohort") and "Traceback" not in out.output
    assert "secret" not in out.output
    assert snapshot(place) == before


@pytest.mark.parametrize("cohort", ["../outside/k9", "..", "/etc", "../../etc/passwd", "k1/../../outside/k9"])
def test_library_never_reads_a_cohort_id_that_is_a_path(place, cohort):
    """load_workspace with a cohort id that is a path reports the id and reads nothing; append_record refuses it."""
    root = place / "ws"
    ws, found = load_workspace(root, [cohort])
    assert ws.cohorts == {}
    assert [p.message for p in found] == [f'"{cohort}" is not a valid id: {SLUG_RULE}']
    before = snapshot(place)
    outcome = append_record(root, cohort, "session", {"date": "2015-03-05", "mentor": "rina", "hours": 2, "attended": []})
    assert not outcome.ok and snapshot(place) == before


# --- symbolic links out of the workspace ------------------------------------------------------------------


@needs_links
def test_cohort_folder_linking_outside_is_refused(place, run):
    """A cohort folder that links outside: check and report name the error, the outside cohort.toml is never read."""
    (place / "ws/cohorts/k9").symlink_to(place / "outside/k9", target_is_directory=True)
    expected = "cohorts/k9/cohort.toml:1: error: cohorts/k9/ is a link to a place outside the workspace; not read"
    out = run("-w", str(place / "ws"), "check")
    assert out.exit_code == 1 and out.stdout.splitlines()[0] == expected
    out = run("-w", str(place / "ws"), "report", "k9")
    assert out.exit_code == 1 and expected in out.stdout
    assert "secret" not in out.output


@needs_links
def test_logging_into_a_cohort_folder_linking_outside_writes_no_record(place, run):
    """`mentoring log` into a cohort whose folder links outside is refused: no log is written there."""
    (place / "ws/cohorts/k9").symlink_to(place / "outside/k9", target_is_directory=True)
    out = run("-w", str(place / "ws"), "log", "session", "k9", *SESSION)
    assert out.exit_code == 1, out.output
    assert "cohorts/k9/cohort.toml:1: error: cohorts/k9/ is a link to a place outside the workspace; not read" in out.stdout
    assert not (place / "outside/k9/logs").exists()
    assert (place / "outside/k9/cohort.toml").read_text() == SECRET_COHORT.lstrip("\n")


@needs_links
def test_logging_into_a_cohort_folder_linking_outside_creates_no_file_there(place, run):
    """Not even the (empty) lock file is created in a folder outside the workspace."""
    (place / "ws/cohorts/k9").symlink_to(place / "outside/k9", target_is_directory=True)
    out = run("-w", str(place / "ws"), "log", "session", "k9", *SESSION)
    assert out.exit_code == 1
    assert "cohorts/k9/cohort.toml:1: error: cohorts/k9/ is a link to a place outside the workspace; not read" in out.stdout
    assert sorted(p.name for p in (place / "outside/k9").iterdir()) == ["cohort.toml"]


@needs_links
def test_logging_into_a_logs_folder_linking_outside_writes_nothing(place, run):
    """A cohort's logs/ that links to an (empty) folder outside: the cohort has an error, and a record
    logged for it is refused instead of being written outside."""
    (place / "ws/cohorts/k1/logs").symlink_to(place / "outside/logs", target_is_directory=True)
    before = snapshot(place)
    out = run("-w", str(place / "ws"), "log", "session", "k1", *SESSION)
    assert out.exit_code == 1, out.output
    assert "cohorts/k1/cohort.toml:1: error: cohorts/k1/logs/ is a link to a place outside the workspace; not read" in out.stdout
    assert snapshot(place) == before and sorted(p.name for p in (place / "outside/logs").iterdir()) == [".keep"]


@needs_links
def test_log_file_linking_outside_is_neither_read_nor_written(place, run):
    """A log that links to a file outside is not read (check names it) and not written through (log refuses it)."""
    (place / "outside/rina.toml").write_text('[[session]]\ndate = 2015-03-02\nmentor = "secret"\nhours = 1\nattended = []\n')
    (place / "ws/cohorts/k1/logs").mkdir()
    (place / "ws/cohorts/k1/logs/rina.toml").symlink_to(place / "outside/rina.toml")
    out = run("-w", str(place / "ws"), "check")
    assert out.exit_code == 1
    assert "cohorts/k1/logs/rina.toml:1: error: is a link to a place outside the workspace; not read" in out.stdout
    before = snapshot(place)
    out = run("-w", str(place / "ws"), "log", "session", "k1", *SESSION)
    assert out.exit_code == 1 and snapshot(place) == before
    assert "secret" not in out.output


# --- containment: a sibling that shares the name's start, `..`, links to links ----------------------------------
#
# The workspace is `ws`; beside it is `ws-evil`, whose path starts with the workspace's path as a string
# (/tmp/x/ws-evil begins with /tmp/x/ws), so only a check on whole path components keeps it out.

EVIL_LOG = '[[session]]\ndate = 2015-03-02\nmentor = "evil-mentor"\nhours = 1\nattended = []\n'
IN_WS_EVIL = "cohorts/k1/logs/rina.toml:1: error: is a link to a place outside the workspace; not read"


@pytest.fixture
def evil(tmp_path):
    """tmp_path holding `ws` (the minimal workspace, with an empty logs/) and `ws-evil` beside it (a cohort
    and a log whose contents would show in a problem were they ever read)."""
    make_workspace(tmp_path / "ws", {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT})
    (tmp_path / "ws/cohorts/k1/logs").mkdir()
    make_workspace(tmp_path / "ws-evil", {"k9/cohort.toml": SECRET_COHORT, "rina.toml": EVIL_LOG})
    return tmp_path


def check_lines(run, root) -> list[str]:
    """What `mentoring check` prints for a workspace, less the summary; it must exit 1."""
    out = run("-w", str(root), "check")
    assert out.exit_code == 1, out.output
    assert "evil" not in out.output and "secret" not in out.output
    return out.stdout.splitlines()[:-1]


@needs_links
def test_a_log_linking_into_a_sibling_whose_name_starts_like_the_workspace_is_refused(evil, run):
    """ws/.../rina.toml linking to ws-evil/rina.toml is outside ws, though its path starts with ws's: not read,
    and `mentoring log` does not write through it."""
    (evil / "ws/cohorts/k1/logs/rina.toml").symlink_to(evil / "ws-evil/rina.toml")
    assert check_lines(run, evil / "ws") == [IN_WS_EVIL]
    out = run("-w", str(evil / "ws"), "log", "session", "k1", *SESSION)
    assert out.exit_code == 1 and (evil / "ws-evil/rina.toml").read_text() == EVIL_LOG


@needs_links
def test_a_cohort_folder_linking_into_the_sibling_is_refused(evil, run):
    """A cohort folder linking to ws-evil/k9: its cohort.toml is not read, and logging into it creates nothing there."""
    (evil / "ws/cohorts/k9").symlink_to(evil / "ws-evil/k9", target_is_directory=True)
    assert check_lines(run, evil / "ws") == [
        "cohorts/k9/cohort.toml:1: error: cohorts/k9/ is a link to a place outside the workspace; not read"]
    assert run("-w", str(evil / "ws"), "log", "session", "k9", *SESSION).exit_code == 1
    assert sorted(p.name for p in (evil / "ws-evil/k9").iterdir()) == ["cohort.toml"]


@needs_links
def test_a_link_whose_target_climbs_with_dot_dot_is_judged_where_it_lands(evil, run):
    """A link target written with `..` is judged by where it resolves: `ws/cohorts/../../ws-evil/rina.toml` (a path
    that starts inside ws) lands outside and is refused; `../../../curricula/../notes.toml` lands inside ws and is read."""
    logs = evil / "ws/cohorts/k1/logs"
    (logs / "rina.toml").symlink_to(f"{evil}/ws/cohorts/../../ws-evil/rina.toml")
    (evil / "ws/notes.toml").write_text("")
    (logs / "inside.toml").symlink_to("../../../curricula/../notes.toml")
    assert check_lines(run, evil / "ws") == [IN_WS_EVIL]


@needs_links
def test_a_workspace_named_with_dot_dot_keeps_the_same_bounds(evil, run):
    """`-w ws/cohorts/..` is the workspace ws: a link to ws-evil is still refused, and one inside ws still read."""
    (evil / "ws/cohorts/k1/logs/rina.toml").symlink_to(evil / "ws-evil/rina.toml")
    (evil / "ws/notes.toml").write_text("")
    (evil / "ws/cohorts/k1/logs/inside.toml").symlink_to(evil / "ws/notes.toml")
    assert check_lines(run, evil / "ws/cohorts/..") == [IN_WS_EVIL]


@needs_links
def test_no_file_outside_the_workspace_is_ever_opened(evil, run, monkeypatch):
    """With a log, a cohort folder and a curriculum linking into ws-evil, `check` and `log` open no file there,
    not even to find the line of the problem about it."""
    (evil / "ws/cohorts/k1/logs/rina.toml").symlink_to(evil / "ws-evil/rina.toml")
    (evil / "ws/cohorts/k9").symlink_to(evil / "ws-evil/k9", target_is_directory=True)
    (evil / "ws/curricula/evil.toml").symlink_to(evil / "ws-evil/rina.toml")
    opened: list[str] = []
    real_open = io.open

    def recording_open(file, *args, **kwargs):
        opened.append(os.path.realpath(file) if isinstance(file, (str, os.PathLike)) else str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", recording_open)
    monkeypatch.setattr("builtins.open", recording_open)
    assert run("-w", str(evil / "ws"), "--no-cache", "check").exit_code == 1
    assert run("-w", str(evil / "ws"), "--no-cache", "log", "session", "k1", *SESSION).exit_code == 1
    assert opened and not [path for path in opened if "ws-evil" in path]


@needs_links
def test_a_link_to_a_link_is_followed_to_its_end(evil, run):
    """A log linking to a link inside ws that itself links to ws-evil is outside (the chain is followed to its end);
    so is a cohort folder linking to an alias folder inside ws that links to ws-evil/k9."""
    (evil / "ws/alias.toml").symlink_to(evil / "ws-evil/rina.toml")
    (evil / "ws/cohorts/k1/logs/rina.toml").symlink_to(evil / "ws/alias.toml")
    (evil / "ws/alias-k9").symlink_to(evil / "ws-evil/k9", target_is_directory=True)
    (evil / "ws/cohorts/k9").symlink_to(evil / "ws/alias-k9", target_is_directory=True)
    assert check_lines(run, evil / "ws") == [
        "cohorts/k1/logs/rina.toml:1: error: is a link to a place outside the workspace; not read",
        "cohorts/k9/cohort.toml:1: error: cohorts/k9/ is a link to a place outside the workspace; not read",
    ]
    outcome = append_record(evil / "ws", "k9", "session", {"date": "2015-03-05", "mentor": "rina", "hours": 2, "attended": []})
    assert not outcome.ok and sorted(p.name for p in (evil / "ws-evil/k9").iterdir()) == ["cohort.toml"]


# --- --file names -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["..", "../x", "../../outside/logs/x", "x/../../y", "/tmp/x.toml", "sub/x",
                                  "..\\x", "C:\\x.toml", "", " ", ".hidden", "-rf", "x\x00y", "a" * 300])
def test_file_option_outside_logs_is_refused(place, run, name):
    """--file must be a plain name under logs/; anything else is a usage error and nothing is written anywhere."""
    before = snapshot(place)
    out = run("-w", str(place / "ws"), "log", "session", "k1", *SESSION, "--file", name)
    assert out.exit_code == 2, out.output
    assert out.stderr.startswith("mentoring: error: --file:") and "Traceback" not in out.output
    assert snapshot(place) == before


def test_file_option_with_an_absolute_path_outside(place, run):
    """An absolute --file path to a folder outside the workspace writes nothing there."""
    target = place / "outside" / "logs" / "x.toml"
    out = run("-w", str(place / "ws"), "log", "session", "k1", *SESSION, "--file", str(target))
    assert out.exit_code == 2 and not target.exists()


def test_file_option_plain_name_is_written_under_logs(place, run):
    """The one thing --file does: a plain name, written under the cohort's logs/."""
    out = run("-w", str(place / "ws"), "log", "session", "k1", *SESSION, "--file", "catatan-rina")
    assert out.exit_code == 0, out.output
    assert (place / "ws/cohorts/k1/logs/catatan-rina.toml").is_file()


# --- files are data ---------------------------------------------------------------------------------------------

CODE_LIKE = [
    "__import__('os').system('touch pwned')",
    "{0.__class__.__mro__}",
    "%s%s%n",
    "$(touch pwned) `touch pwned`",
    "'; DROP TABLE people; --",
    "!!python/object/apply:os.system ['touch pwned']",
    "<script>alert(1)</script>",
]


def test_text_that_looks_like_code_is_only_text(tmp_path, run, monkeypatch):
    """Names, titles and notes that look like code are loaded as text and printed as text; nothing runs."""
    monkeypatch.chdir(tmp_path)
    cohort = COHORT.replace('name = "Aminah"', f"name = {json.dumps(CODE_LIKE[0])}")
    log = "".join(
        f'[[session]]\ndate = 2015-03-0{n + 2}\nmentor = "rina"\nhours = 1\nattended = ["p01"]\nnotes = {json.dumps(text)}\n\n'
        for n, text in enumerate(CODE_LIKE)
    )
    root = make_workspace(tmp_path / "ws", {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": cohort,
                                             "cohorts/k1/logs/rina.toml": log})
    ws, found = load_workspace(root)
    assert found == []
    assert [s.notes for s in ws.cohorts["k1"].logs[0].sessions] == CODE_LIKE
    assert ws.cohorts["k1"].people[0].name == CODE_LIKE[0]
    out = run("-w", str(root), "participants", "k1", "--as-of", "2015-03-31", "--format", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["participants"][0]["name"] == CODE_LIKE[0]
    out = run("-w", str(root), "participants", "k1", "--as-of", "2015-03-31")
    assert out.exit_code == 0 and CODE_LIKE[0] in out.stdout
    assert not list(tmp_path.rglob("pwned"))


def test_a_reference_that_looks_like_code_is_only_an_unknown_id(tmp_path, run):
    """An id reference that looks like a format string or code is named as written in the problem."""
    log = '[[session]]\ndate = 2015-03-02\nmentor = "{0.__class__}"\nhours = 1\nattended = ["%s"]\n'
    root = make_workspace(tmp_path, {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": COHORT,
                                      "cohorts/k1/logs/rina.toml": log})
    out = run("-w", str(root), "check")
    assert out.exit_code == 1
    assert out.stdout.splitlines()[:2] == [
        'cohorts/k1/logs/rina.toml:3: error: session.mentor: unknown mentor "{0.__class__}"',
        'cohorts/k1/logs/rina.toml:5: error: session.attended: unknown participant "%s"',
    ]


#: The one module allowed to run another program: `mentoring serve --commit` runs git (and only git, with an
#: argument list, no shell, hooks off) to commit a record just written; see its docstring.
MAY_RUN_GIT = {"web/git.py": {"subprocess"}}


def test_the_package_never_evaluates_or_unpickles():
    """No module of the package, in any of its subpackages, calls eval, exec, compile or __import__, or imports
    pickle, marshal, shelve, yaml or subprocess (but the web app's git module, subprocess): a workspace's files
    (and the cache) can only ever be data."""
    banned_calls = {"eval", "exec", "compile", "__import__"}
    banned_modules = {"pickle", "marshal", "shelve", "yaml", "subprocess", "dill", "cloudpickle"}
    package = Path(mentoring.__file__).parent
    sources = sorted(package.rglob("*.py"))
    assert {"cli/log.py", "web/views.py", "web/git.py"} <= {s.relative_to(package).as_posix() for s in sources}
    for source in sources:
        name = source.relative_to(package).as_posix()
        banned = banned_modules - MAY_RUN_GIT.get(name, set())
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in banned_calls, (name, node.lineno)
            if isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & banned, (name, node.lineno)
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in banned, (name, node.lineno)


# --- --redact -----------------------------------------------------------------------------------------------

REDACT_COHORT = """
curriculum = "sosmed"
start = 2015-03-01
end = 2015-03-31

[[people]]
id = "siti-aminah"
name = "Siti Aminah Nasution"
role = "participant"
organisation = "Serikat Perempuan"
group = "Kelompok A"
contact = "+62 812 3456 7890"

[[people]]
id = "dewi-lestari"
name = "Dewi Lestari Sitompul"
role = "participant"
group = "Kelompok B"
contact = "dewi@example.org"

[[people]]
id = "rina"
name = "Rina Mentor"
role = "mentor"
contact = "0811 0000"
"""
REDACT_LOG = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["siti-aminah"]

[[output]]
date = 2015-03-03
participant = "dewi-lestari"
kind = "post"
title = "Tulisan pertama"
assignment = "a1"
status = "accepted"
"""
SECRETS = ["Siti", "Aminah", "Nasution", "Dewi", "Lestari", "Sitompul", "siti-aminah", "dewi-lestari",
           "+62 812", "3456", "dewi@example.org", "0811"]


@pytest.fixture
def redact_root(tmp_path):
    return make_workspace(tmp_path, {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": REDACT_COHORT,
                                     "cohorts/k1/logs/rina.toml": REDACT_LOG})


def test_redact_participants_csv_has_no_name_or_contact(redact_root, run):
    """`participants --format csv --redact`: no participant's id, name or contact; the figures and groups stay,
    and each participant keeps one stable pseudonym."""
    args = ["-w", str(redact_root), "participants", "k1", "--as-of", "2015-03-31", "--format", "csv", "--redact"]
    out = run(*args)
    assert out.exit_code == 0, out.output
    for secret in SECRETS:
        assert secret not in out.stdout, secret
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [row["group"] for row in rows] == ["Kelompok A", "Kelompok B"]
    assert [row["attendance"] for row in rows] == ["100", "0"]
    assert len({row["id"] for row in rows}) == 2
    assert run(*args).stdout == out.stdout


@pytest.mark.parametrize("command, extra", [
    ("participants", ["--format", "json"]), ("participants", ["--format", "markdown", "--by", "group"]),
    ("participants", []), ("report", ["--format", "json", "--by", "organisation"]), ("report", ["--format", "csv"]),
])
def test_redact_on_every_reading_command_and_format(redact_root, run, command, extra):
    """--redact leaves no name, id or contact in any format of report or participants."""
    out = run("-w", str(redact_root), command, "k1", "--as-of", "2015-03-31", "--redact", *extra)
    assert out.exit_code == 0, out.output
    for secret in SECRETS:
        assert secret not in out.stdout, secret


def test_cohorts_names_no_one_with_or_without_redact(redact_root, run):
    """`cohorts` prints no person at all; it accepts --redact for symmetry."""
    for flags in ([], ["--redact"]):
        out = run("-w", str(redact_root), "cohorts", "--as-of", "2015-03-31", "--format", "json", *flags)
        assert out.exit_code == 0
        for secret in SECRETS:
            assert secret not in out.stdout


#: A log of the redaction workspace that quotes names and contacts where ids belong: in problem messages.
QUOTING_LOG = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["Siti Aminah Nasution", "+62 812 3456 7890"]

[[output]]
date = 2015-03-03
participant = "dewi@example.org"
kind = "post"
title = "Tulisan pertama"
reviewed_by = "Dewi Lestari Sitompul"
"""
#: Names and contacts of the participants: what a redacted message may not quote (ids stay, FORMAT.md).
PERSONAL = ["Siti", "Aminah", "Nasution", "Dewi", "Lestari", "Sitompul", "+62 812", "3456", "dewi@example.org"]


def alias(person: str) -> str:
    """A participant's stand-in in cohort k1, by the rule docs/reports.md gives: the first eight hex digits
    of the BLAKE2b (4-byte digest) of `k1/<id>`."""
    return "Participant " + hashlib.blake2b(f"k1/{person}".encode(), digest_size=4).hexdigest()


@pytest.fixture
def quoting_root(tmp_path):
    return make_workspace(tmp_path, {"curricula/sosmed.toml": CURRICULUM, "cohorts/k1/cohort.toml": REDACT_COHORT,
                                     "cohorts/k1/logs/rina.toml": QUOTING_LOG})


def test_check_redact_replaces_names_and_contacts_quoted_in_messages(quoting_root, run):
    """`check --redact`: a name quoted in a message becomes the participant's pseudonym, a contact (a phone number,
    an e-mail address) becomes [contact]; ids, lines and the summary are unchanged."""
    log = "cohorts/k1/logs/rina.toml"
    out = run("-w", str(quoting_root), "check", "--redact")
    assert out.exit_code == 1
    assert out.stdout.splitlines() == [
        f'{log}:5: error: session.attended: unknown participant "{alias("siti-aminah")}" (that is the name of "siti-aminah"; write the id)',
        f'{log}:5: error: session.attended: unknown participant "[contact]"',
        f'{log}:9: error: output.participant: unknown participant "[contact]"',
        f'{log}:12: error: output.reviewed_by: unknown person "{alias("dewi-lestari")}"',
        "4 errors, 0 warnings (1 curriculum, 1 cohort checked)",
    ]
    plain = run("-w", str(quoting_root), "check").stdout
    assert all(secret in plain for secret in ["Siti Aminah Nasution", "+62 812 3456 7890", "dewi@example.org"])


@pytest.mark.parametrize("command", ["report", "participants"])
def test_redacted_report_refused_for_errors_quotes_no_name_or_contact(quoting_root, run, command):
    """A redacted report or list of participants refused for errors prints those errors redacted as
    `check --redact` does: no participant's name or contact, exit 1."""
    out = run("-w", str(quoting_root), command, "k1", "--as-of", "2015-03-31", "--redact")
    assert out.exit_code == 1
    for secret in PERSONAL:
        assert secret not in out.output, secret
    checked = run("-w", str(quoting_root), "check", "--redact").stdout.splitlines()[:-1]
    assert out.stdout.splitlines() == checked
    assert out.stderr == "4 errors: not reported on; run `mentoring check` for details\n"
