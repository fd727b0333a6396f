"""Every example in docs/*.md runs, so that the documentation cannot drift from the program.

Two kinds of example are collected from the Markdown files:

- a ```toml block with `<!-- file: PATH -->` on the line just above it (blank lines between are
  allowed) is a complete file at PATH; the blocks of one document together form a small workspace,
  which must load and check without an error;
- a ```console block holds commands, each on a line starting with `$ `. Those starting with
  `$ mentoring ` are run in order through typer's CliRunner against a copy of the repository's
  example workspace (curricula/, cohorts/ and mentoring.toml), and must exit 0. A command may
  continue onto the next line after a trailing `\\`; a `#` comment at its end is ignored. The lines
  after a command, up to the next `$ ` line or the end of the block, are its output: in the
  documents named in `COMPARED` they must be exactly what the command prints (trailing spaces and
  trailing blank lines aside).

Documents in `FROM_EMPTY_FOLDER` (getting-started.md) are run instead in one empty folder, from the
first command to the last, and their outputs compared.

Commands that write (`mentoring log ...`) change the copy, so before the commands of one block run,
the writing commands of the same document's earlier blocks are replayed on a fresh copy: a block
sees the workspace as a reader following the document would.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pytest
from typer.testing import CliRunner

from mentoring.cli import app
import mentoring
from mentoring.problems import format_problem

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
#: Documents whose console blocks must show the exact output of their commands.
COMPARED = frozenset({"reports.md", "reflection.md"})
#: Documents whose console blocks run in order in one empty folder (the files of their marked blocks,
#: of any language, written there first), each command's output compared as in COMPARED.
FROM_EMPTY_FOLDER = frozenset({"getting-started.md"})
#: Documents whose every ```toml block must be a complete file (carry a file marker).
ALL_TOML_MARKED = frozenset({"format.md"})
#: Documents that must hold at least one example of each kind (guards against a parser that finds nothing).
MUST_HAVE = {"format.md": "toml", "reports.md": "console", "reflection.md": "console", "serve.md": "console"}

_MARKER = re.compile(r"^\s*<!--\s*file:\s*(\S+?)\s*-->\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)")


@dataclass
class Block:
    """A fenced code block of a Markdown document."""

    doc: str
    """The document's file name, such as `reports.md`."""
    line: int
    """1-based line of the opening fence."""
    lang: str
    """The fence's info word (`toml`, `console`), or ""."""
    text: list[str]
    """The lines between the fences."""
    marker: str | None = None
    """The path of a `<!-- file: PATH -->` marker just above the block."""


@dataclass
class Command:
    """A `$ mentoring ...` line of a console block and the output shown after it."""

    line: int
    """1-based line in the document."""
    text: str
    """The command as written, without `$ ` (continuation lines joined)."""
    args: list[str]
    """Its arguments after `mentoring`."""
    output: list[str] = field(default_factory=list)
    """The lines shown after it."""


def doc_files() -> list[Path]:
    """The Markdown documents under docs/, sorted by name."""
    return sorted(DOCS.glob("*.md")) if DOCS.is_dir() else []


def blocks(path: Path) -> list[Block]:
    """Every fenced block of a document, each with the file marker above it, if any."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    marker: str | None = None
    n = 0
    while n < len(lines):
        line = lines[n]
        fence = _FENCE.match(line)
        if fence is None:
            match = _MARKER.match(line)
            if match:
                marker = match.group(1)
            elif line.strip():
                marker = None
            n += 1
            continue
        opening, lang = fence.group(1), fence.group(2).lower()
        end = n + 1
        while end < len(lines):
            closing = _FENCE.match(lines[end])
            if closing and closing.group(1)[0] == opening[0] and len(closing.group(1)) >= len(opening) and not closing.group(2):
                break
            end += 1
        found.append(Block(path.name, n + 1, lang, lines[n + 1:end], marker))
        marker = None
        n = end + 1
    return found


def commands(block: Block) -> list[Command]:
    """The `$ mentoring` commands of a console block, each with the output lines shown after it."""
    found: list[Command] = []
    current: Command | None = None
    n = 0
    while n < len(block.text):
        line = block.text[n]
        if not line.startswith("$ "):
            if current is not None:
                current.output.append(line)
            n += 1
            continue
        start = n
        text = line[2:]
        while text.rstrip().endswith("\\") and n + 1 < len(block.text):
            n += 1
            text = text.rstrip()[:-1] + " " + block.text[n].strip()
        n += 1
        words = shlex.split(text, comments=True)
        if words[:1] == ["mentoring"]:
            current = Command(block.line + 1 + start, text.strip(), words[1:])
            found.append(current)
        else:
            current = None  # another program (git, cd): its output is not ours to check
    return found


def writes_a_file(command: Command) -> bool:
    """Whether a command writes its output to a file (and so prints nothing)."""
    return "--output" in command.args


def trimmed(lines: list[str]) -> list[str]:
    """Lines without trailing spaces, and without blank lines at the end."""
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def toml_docs() -> list[Path]:
    """Documents holding at least one ```toml block with a file marker."""
    return [doc for doc in doc_files() if any(b.lang == "toml" and b.marker for b in blocks(doc))]


def console_blocks() -> list[Block]:
    """Console blocks holding at least one `$ mentoring` command, in document order."""
    return [b for doc in doc_files() if doc.name not in FROM_EMPTY_FOLDER
            for b in blocks(doc) if b.lang == "console" and commands(b)]


def copy_example_workspace(dest: Path) -> Path:
    """The repository's example workspace (curricula/, cohorts/ and its settings, mentoring.toml) copied under dest."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("curricula", "cohorts"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns(".mentoring-log.lock", ".*.tmp-*"))
    if (ROOT / "mentoring.toml").is_file():
        shutil.copyfile(ROOT / "mentoring.toml", dest / "mentoring.toml")
    return dest


def run(args: list[str], workspace: Path):
    """Run `mentoring ARGS` in-process with MENTORING_WORKSPACE set to the workspace, from inside it
    (so that a file an example names, such as a sheet of people, is found as a reader there would)."""
    here = os.getcwd()
    os.chdir(workspace)
    try:
        return CliRunner().invoke(app, args, env={"MENTORING_WORKSPACE": str(workspace), "NO_COLOR": "1"})
    finally:
        os.chdir(here)


def describe(command: Command, block: Block, result) -> str:
    """Where a command is and what it printed, for a failure message."""
    where = f"docs/{block.doc}:{command.line}: $ {command.text}"
    crash = f"\nexception: {result.exception!r}" if result.exception and not isinstance(result.exception, SystemExit) else ""
    return f"{where}\nexit code {result.exit_code}{crash}\n--- printed ---\n{result.output}"


# --- tests ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", [pytest.param(d, id=d.name) for d in toml_docs()])
def test_toml_examples_form_a_valid_workspace(doc: Path, tmp_path: Path) -> None:
    """The marked ```toml blocks of a document, written to their paths, load and check without an error."""
    written: dict[str, int] = {}
    for block in blocks(doc):
        if block.lang != "toml" or not block.marker:
            continue
        rel = PurePosixPath(block.marker)
        assert not rel.is_absolute() and ".." not in rel.parts, f"docs/{doc.name}:{block.line}: {rel} is not inside the workspace"
        assert block.marker not in written, (
            f"docs/{doc.name}:{block.line}: {rel} was already given at line {written[block.marker]}")
        written[block.marker] = block.line
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(block.text) + "\n", encoding="utf-8")
    ws = mentoring.open_workspace(tmp_path, search=False)
    errors = [format_problem(p) for p in ws.errors]
    assert not errors, f"docs/{doc.name}: its example files have errors:\n" + "\n".join(errors)
    cohort_folders = {p.name for p in (tmp_path / "cohorts").iterdir()} if (tmp_path / "cohorts").is_dir() else set()
    assert set(ws.cohorts) == cohort_folders


@pytest.mark.parametrize("doc", sorted(ALL_TOML_MARKED))
def test_every_toml_block_is_a_marked_file(doc: str) -> None:
    """Every ```toml block of a document written as complete files carries a `<!-- file: PATH -->` marker."""
    path = DOCS / doc
    assert path.is_file(), f"docs/{doc} is missing"
    unmarked = [b.line for b in blocks(path) if b.lang == "toml" and not b.marker]
    assert not unmarked, f"docs/{doc}: ```toml blocks without a file marker at lines {unmarked}"


@pytest.mark.parametrize("doc, kind", sorted(MUST_HAVE.items()))
def test_examples_are_found(doc: str, kind: str) -> None:
    """The collector finds the examples these documents are known to hold, so a parsing slip cannot hide them."""
    path = DOCS / doc
    assert path.is_file(), f"docs/{doc} is missing"
    if kind == "toml":
        assert any(b.lang == "toml" and b.marker for b in blocks(path))
    else:
        found = [c for b in blocks(path) if b.lang == "console" for c in commands(b)]
        assert found, f"docs/{doc}: no `$ mentoring` command in a ```console block"
        if doc in COMPARED:
            silent = [c.text for c in found if not trimmed(c.output) and not writes_a_file(c)]
            assert not silent, f"docs/{doc}: a command shows no output: {silent}"


@pytest.mark.parametrize("block", [pytest.param(b, id=f"{b.doc}:{b.line}") for b in console_blocks()])
def test_console_examples_run(block: Block, tmp_path: Path, serve_stops_at_once) -> None:
    """Each `$ mentoring` command of a console block exits 0 and, in COMPARED documents, prints what
    the block shows; one that writes `--output FILE` (relative to the copy) makes that file.
    `mentoring serve` starts and stops at once; for `serve --commit` the copy is made a git repository
    first, as the document asks its reader to (`git init`)."""
    workspace = copy_example_workspace(tmp_path / "workspace")
    if any(c.args[:1] == ["serve"] and "--commit" in c.args for c in commands(block)):
        if shutil.which("git") is None:
            pytest.skip("git is not installed")
        subprocess.run(["git", "init", "-q"], cwd=workspace, check=True)
    earlier = [b for b in console_blocks() if b.doc == block.doc and b.line < block.line]
    for previous in earlier:
        for command in commands(previous):
            if command.args[:1] == ["log"]:
                result = run(command.args, workspace)
                assert result.exit_code == 0, "replaying an earlier block: " + describe(command, previous, result)
    for command in commands(block):
        result = run(command.args, workspace)
        assert result.exit_code == 0, describe(command, block, result)
        if writes_a_file(command):
            written = workspace / command.args[command.args.index("--output") + 1]
            assert written.is_file() and written.stat().st_size > 0, describe(command, block, result)
        if block.doc in COMPARED and trimmed(command.output):
            shown = "\n".join(trimmed(command.output))
            printed = "\n".join(trimmed(result.stdout.splitlines()))
            assert printed == shown, f"docs/{block.doc}:{command.line}: $ {command.text}\nthe document shows a different output"


@pytest.mark.parametrize("doc", sorted(FROM_EMPTY_FOLDER))
def test_from_an_empty_folder(doc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document that starts from an empty folder runs as written there: its files written, then every
    `$ mentoring` command in order, each exiting 0 and printing what the document shows; getting-started
    does it in ten commands."""
    path = DOCS / doc
    assert path.is_file(), f"docs/{doc} is missing"
    for block in blocks(path):
        if block.marker:
            (tmp_path / block.marker).write_text("\n".join(block.text) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = [(block, command) for block in blocks(path) if block.lang == "console" for command in commands(block)]
    if doc == "getting-started.md":
        assert len(found) == 10, f"docs/{doc}: {len(found)} commands, not ten"
    for block, command in found:
        result = run(command.args, tmp_path)
        assert result.exit_code == 0, describe(command, block, result)
        if trimmed(command.output):
            assert "\n".join(trimmed(result.output.splitlines())) == "\n".join(trimmed(command.output)), (
                f"docs/{doc}:{command.line}: $ {command.text}\nthe document shows a different output:\n{result.output}")


# --- Python examples (docs/library.md) -------------------------------------------------------------

#: Documents whose ```python blocks run, in order, in one namespace.
PYTHON_DOCS = ("library.md",)


def python_examples(path: Path) -> list[tuple[Block, list[str] | None]]:
    """Each ```python block of a document with the ```text block right after it (what it prints), if any."""
    found = blocks(path)
    out = []
    for n, block in enumerate(found):
        if block.lang == "python":
            after = found[n + 1] if n + 1 < len(found) else None
            out.append((block, after.text if after is not None and after.lang == "text" else None))
    return out


@pytest.mark.parametrize("doc", PYTHON_DOCS)
def test_python_examples_run_and_print_what_is_shown(doc: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The Python examples of a document run in order, from a copy of the example workspace, and each
    prints exactly the ```text block shown under it."""
    examples = python_examples(DOCS / doc)
    assert len(examples) >= 3, f"docs/{doc}: the collector found only {len(examples)} Python examples"
    monkeypatch.chdir(copy_example_workspace(tmp_path / "workspace"))
    namespace: dict = {"__name__": "__doc_example__"}
    for block, shown in examples:
        exec(compile("\n".join(block.text) + "\n", f"docs/{doc}:{block.line}", "exec"), namespace)  # noqa: S102
        printed = capsys.readouterr().out
        if shown is not None:
            assert trimmed(printed.splitlines()) == trimmed(shown), f"docs/{doc}:{block.line}: prints otherwise:\n{printed}"
