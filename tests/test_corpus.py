"""The TOML project's own invalid documents (toml-test, see ../shared/corpora/README.md).

Each of the 509 files, dropped into a workspace as a log and as a cohort.toml, must make
`mentoring check` exit 1 with an error naming that file and a line, and never a traceback. 500 are
invalid TOML; the other 9 are valid TOML 1.1 whose keys no workspace file allows (an unknown record
kind in a log, unknown and missing keys in a cohort.toml). The corpus is in the shared folder
(`../shared`, or $MENTORING_SHARED: see conftest.shared_path); without it these tests are skipped,
saying how to get it, and fail when CI is set.
"""

from __future__ import annotations

import re

import pytest
import tomli

from conftest import COHORT, CURRICULUM, make_workspace, require_shared, shared_path, workspace_problems

PARTS = ("corpora", "toml-test-invalid")
CORPUS = shared_path(*PARTS)
CASES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.toml")) if CORPUS.is_dir() else []
#: Without the corpus, one placeholder case, so that each test still runs and says why it cannot.
MISSING = ["corpus-missing"]


@pytest.fixture(autouse=True, scope="module")
def _corpus() -> None:
    """Every test here needs the corpus: skipped without it (failed when CI is set)."""
    require_shared(*PARTS)

LOG = "cohorts/k1/logs/x.toml"
COH = "cohorts/k1/cohort.toml"


@pytest.fixture(scope="module")
def as_log(tmp_path_factory):
    """A valid workspace whose one log is replaced by each corpus file in turn."""
    return make_workspace(tmp_path_factory.mktemp("as-log"), {"curricula/sosmed.toml": CURRICULUM, COH: COHORT, LOG: ""})


@pytest.fixture(scope="module")
def as_cohort(tmp_path_factory):
    """A workspace with a valid curriculum whose one cohort.toml is replaced by each corpus file in turn."""
    return make_workspace(tmp_path_factory.mktemp("as-cohort"), {"curricula/sosmed.toml": CURRICULUM, COH: ""})


def test_corpus_is_complete():
    """The corpus holds the 509 documents its README announces."""
    assert len(CASES) == 509


def assert_rejected(lines: list[str], rel: str, last: int) -> None:
    """Problem lines as `mentoring check` prints them: each names the file at a line from 1 to `last`
    (the file's last line; a parser at the end of the text may stand on the line after the final newline),
    and one of them is an error."""
    placed = [re.match(rf"^{re.escape(rel)}:(\d+): (error|warning): .+", line) for line in lines]
    assert placed and all(placed), lines
    assert all(1 <= int(match.group(1)) <= last for match in placed), lines
    assert any(match.group(2) == "error" for match in placed), lines


@pytest.mark.parametrize("case", CASES or MISSING)
def test_invalid_document_as_log_and_as_cohort(case, as_log, as_cohort):
    """The document, as a log and as a cohort.toml, gives an error naming that file and a line, and no exception."""
    raw = (CORPUS / case).read_bytes()
    last = raw.count(b"\n") + 1
    (as_log / LOG).write_bytes(raw)
    assert_rejected(workspace_problems(as_log), LOG, last)
    (as_cohort / COH).write_bytes(raw)
    assert_rejected(workspace_problems(as_cohort), COH, last)


def _parses(case: str) -> bool:
    try:
        tomli.loads((CORPUS / case).read_bytes().decode("utf-8-sig"))
    except (tomli.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return False
    return True


#: Through the command itself (slower): the documents tomli accepts, and the first of each folder.
COMMAND_CASES = sorted({case for case in CASES if _parses(case)}
                       | {min(c for c in CASES if c.split("/")[0] == folder) for folder in {c.split("/")[0] for c in CASES}})


def test_command_cases_include_the_valid_toml_ones():
    """The 9 documents that are valid TOML 1.1 (but no valid workspace file) are run through the command."""
    assert sum(_parses(case) for case in COMMAND_CASES) == 9


@pytest.mark.parametrize("case", COMMAND_CASES or MISSING)
def test_check_command_exits_1(case, run, as_log, as_cohort):
    """`mentoring check` on the document as a log and as a cohort.toml exits 1, naming the file, without a traceback."""
    raw = (CORPUS / case).read_bytes()
    for root, rel in [(as_log, LOG), (as_cohort, COH)]:
        (root / rel).write_bytes(raw)
        result = run("-w", str(root), "check")
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output and result.stderr == "", result.output
        *lines, summary = result.stdout.splitlines()
        assert_rejected(lines, rel, raw.count(b"\n") + 1)
        assert re.fullmatch(r"[1-9]\d* errors?, \d+ warnings? \(1 curriculum, 1 cohort checked\)", summary), summary
