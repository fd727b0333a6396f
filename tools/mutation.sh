#!/usr/bin/env bash
# Mutation testing of the engine with mutmut 3, run by hand (never by .ci/run).
#
#   tools/mutation.sh [MODULE ...]
#
# default: the engine, every module that computes (not the rendering, the web app or the CLI):
# progress checks logbook loader cache periods rollup actions intake export/iati.
#
# Each MODULE is a file src/mentoring/MODULE.py, measured in a run of its own, with the tests that
# exercise it: tests/test_NAME.py (NAME: the file's name) and the files `relevant` lists below (add a
# line there when a module's behaviour is also tested elsewhere). The working tree (without .git) is
# copied to $MUTATION_DIR/MODULE (default /tmp/mentoring-mutation/MODULE, "/" as "-") and mutmut runs there, so the
# worktree gets no mutants/ folder. Tests run from that copy, so they find the shared folder through
# $MENTORING_SHARED (set here to the repository's real ../shared unless already set).
#
# Left out: tests marked slow (many processes, 50 MB files, hypothesis searches; see
# docs/testing.md) and the invalid-TOML corpus one document at a time (it tests the parser and
# lines.py; the documents run through the command stay). Hypothesis is derandomized. mutmut runs,
# for each mutant, only the tests that called the function it changed, quickest first.
# Needs: python3 -m pip install mutmut (3.x).
#
# At the end, one line per module: killed of mutants, and the kill rate ("timeout" counts as killed,
# as mutmut's own score does; "no tests" as surviving). Surviving mutants are listed with
# `cd $MUTATION_DIR/MODULE && mutmut results`; `mutmut show NAME` shows one.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then set -- progress checks logbook loader cache periods rollup actions intake export/iati; fi
base=${MUTATION_DIR:-${TMPDIR:-/tmp}/mentoring-mutation}
export MENTORING_SHARED=${MENTORING_SHARED:-$(cd "$repo/.." && pwd)/shared}
export MENTORING_MUTATION=1   # tests/conftest.py: quickest tests first; child processes unmutated

# Test files, besides tests/test_MODULE.py, whose tests exercise MODULE.
relevant() {
    case "$1" in
        progress) echo "test_cli_report test_door test_periods test_rollup test_explain" ;;
        checks)   echo "test_bad test_loader" ;;
        loader)   echo "test_bad test_corpus test_cache test_security test_cli_check test_toml_parsers test_settings test_results test_explain" ;;
        logbook)  echo "test_cli_log test_cli_log_input test_security" ;;
        cache)    echo "test_loader" ;;
        periods)  echo "test_progress test_rollup test_period_formats" ;;  # not test_iati: 34 s for each mutant it cannot kill
        rollup)   echo "test_door test_period_formats" ;;
        actions)  echo "test_cli_actions test_logbook test_reflection_formats" ;;
        intake)   echo "test_cli_setup test_cli_log_input" ;;
        export/iati) echo "test_settings" ;;
    esac
}

for module in "$@"; do
    [ -f "$repo/src/mentoring/$module.py" ] || { echo "mutation.sh: no module src/mentoring/$module.py" >&2; exit 2; }
done
command -v mutmut >/dev/null || { echo "mutation.sh: mutmut not found: python3 -m pip install mutmut" >&2; exit 2; }

measure() {
    local module=$1 work=$base/${1//\//-} name test
    rm -rf "$work"
    mkdir -p "$work"
    # The working tree as it is (uncommitted changes too), without git's folder and caches.
    tar -C "$repo" --exclude=./.git --exclude=__pycache__ --exclude=.pytest_cache --exclude=.hypothesis -cf - . \
        | tar -C "$work" -xf -
    {
        echo "[mutmut]"
        echo "only_mutate ="
        echo "    src/mentoring/$module.py"
        echo "also_copy ="    # all but src/ and tests/ (which mutmut copies itself): tests read docs/, the examples
        for entry in "$work"/* "$work"/.[!.]*; do
            name=$(basename "$entry")
            case "$name" in src|tests|mutants|setup.cfg|'.[!.]*') ;; *) [ -e "$entry" ] && echo "    $name" ;; esac
        done
        echo "pytest_add_cli_args_test_selection ="
        for test in "test_$(basename "$module")" $(relevant "$module"); do
            [ -f "$work/tests/$test.py" ] && echo "    tests/$test.py"
        done
        echo "    --deselect=tests/test_corpus.py::test_invalid_document_as_log_and_as_cohort"
        echo "    -m"
        echo "    not slow"
        echo "pytest_add_cli_args ="
        echo "    -p"
        echo "    no:cacheprovider"
        # pytest's check for unraisable exceptions runs gc.collect() five times at the end of every
        # session: in a worker forked from mutmut's large process that was most of a mutant's time.
        echo "    -p"
        echo "    no:unraisableexception"
        echo "    --hypothesis-profile=mutation"
    } > "$work/setup.cfg"
    # Child processes the tests start (python -m mentoring) import the copy too. The folder is made
    # first: Python remembers a path that did not exist when it started as one to skip.
    mkdir -p "$work/mutants/src"
    # A mutant that loops while filling a list (a period that never advances) would take every byte
    # of memory before mutmut's CPU-time limit stops it: 4 GB of address space each, and it fails
    # (MemoryError counts as killed).
    (cd "$work" && ulimit -v $((4 * 1024 * 1024)) && PYTHONPATH="$work/mutants/src" mutmut run)
}

summary() {
    local module=$1
    (cd "$base/${module//\//-}" && mutmut results --all true) | python3 -c '
import collections, sys
module = sys.argv[1]
counts = collections.Counter(line.strip().rpartition(": ")[2] for line in sys.stdin if line.strip())
total, killed = sum(counts.values()), counts["killed"] + counts["timeout"]
rest = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()) if status not in ("killed", "timeout"))
rest = rest or "none left"
rate = 100 * killed / total if total else 0
print(f"{module:10} {killed:4} of {total:4} killed  {rate:5.1f}%  ({rest})")
' "$module"
}

start=$(date +%s)
for module in "$@"; do
    measure "$module"
done
took=$(( $(date +%s) - start ))
echo
echo "mutation.sh: $(date +%F), $((took / 60)) min $((took % 60)) s on $(nproc 2>/dev/null || echo '?') cores"
for module in "$@"; do
    summary "$module"
done
