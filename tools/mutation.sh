#!/usr/bin/env bash
# Mutation testing of the engine with mutmut 3, run by hand (never by .ci/run).
#
#   tools/mutation.sh [MODULE ...]      default: progress checks logbook loader cache
#
# Each MODULE is a file src/mentoring/MODULE.py. The working tree (without .git) is copied to
# a scratch folder ($MUTATION_DIR, default /tmp/mentoring-mutation) and mutmut runs there, so the
# worktree gets no mutants/ folder. Tests run from that copy, so they find the shared folder through
# $MENTORING_SHARED (set here to the repository's real ../shared unless already set).
#
# The tests are the engine's: every test file but the documentation's and the benchmark
# generator's, without the tests marked slow (many processes, 50 MB files, hypothesis searches; see
# docs/testing.md) and the invalid-TOML corpus one document at a time, with hypothesis derandomized.
# mutmut then runs, for each mutant, only the tests that called the function it changed, quickest
# first. Needs: python3 -m pip install mutmut (3.x).
#
# At the end, one line per module: killed of mutants, and the kill rate ("timeout" counts as killed,
# as mutmut's own score does; "no tests" as surviving). Surviving mutants are listed with
# `cd $MUTATION_DIR && mutmut results`; `mutmut show NAME` shows one.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then set -- progress checks logbook loader cache; fi
work=${MUTATION_DIR:-${TMPDIR:-/tmp}/mentoring-mutation}
export MENTORING_SHARED=${MENTORING_SHARED:-$(cd "$repo/.." && pwd)/shared}
export MENTORING_MUTATION=1   # tests/conftest.py: the quick, specific tests first

for module in "$@"; do
    [ -f "$repo/src/mentoring/$module.py" ] || { echo "mutation.sh: no module src/mentoring/$module.py" >&2; exit 2; }
done
command -v mutmut >/dev/null || { echo "mutation.sh: mutmut not found: python3 -m pip install mutmut" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work"
# The working tree as it is (uncommitted changes too), without git's folder and caches.
tar -C "$repo" --exclude=./.git --exclude=__pycache__ --exclude=.pytest_cache --exclude=.hypothesis -cf - . | tar -C "$work" -xf -
{
    echo "[mutmut]"
    echo "only_mutate ="
    for module in "$@"; do echo "    src/mentoring/$module.py"; done
    echo "also_copy ="        # all but src/ and tests/ (which mutmut copies itself): tests read docs/, the examples...
    for entry in "$work"/* "$work"/.[!.]*; do
        name=$(basename "$entry")
        case "$name" in src|tests|mutants|setup.cfg|'.[!.]*') ;; *) [ -e "$entry" ] && echo "    $name" ;; esac
    done
    echo "pytest_add_cli_args_test_selection ="
    echo "    tests"
    echo "    --ignore=tests/test_docs.py"
    echo "    --ignore=tests/test_benchmark_generate.py"
    # The 509 invalid TOML documents one by one test the parser and the wording of syntax errors
    # (lines.py); the 18 of them run through the command stay.
    echo "    --deselect=tests/test_corpus.py::test_invalid_document_as_log_and_as_cohort"
    echo "    -m"
    echo "    not slow"
    echo "pytest_add_cli_args ="
    echo "    -p"
    echo "    no:cacheprovider"
    # pytest's check for unraisable exceptions runs gc.collect() five times at the end of every
    # session: in a worker forked from mutmut's large process that is most of a mutant's time.
    echo "    -p"
    echo "    no:unraisableexception"
    echo "    --hypothesis-profile=mutation"
} > "$work/setup.cfg"

cd "$work"
start=$(date +%s)
# Subprocesses the tests start (python -m mentoring) import the mutated package too. The folder is
# made first: Python remembers a path that did not exist when it started as one to skip.
mkdir -p "$work/mutants/src"
PYTHONPATH="$work/mutants/src" mutmut run
echo "mutation.sh: $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s on $(nproc 2>/dev/null || echo '?') cores, $(date +%F)"
mutmut results --all true | python3 -c '
import collections, sys
counts = collections.defaultdict(collections.Counter)
for line in sys.stdin:
    name, _, status = line.strip().rpartition(": ")
    if name:
        counts[name.split(".")[1]][status] += 1
for module in sys.argv[1:]:
    c = counts[module]
    total, killed = sum(c.values()), c["killed"] + c["timeout"]
    rest = ", ".join(f"{n} {s}" for s, n in sorted(c.items()) if s not in ("killed", "timeout")) or "none left"
    rate = 100 * killed / total if total else 0
    print(f"{module:10} {killed:4} of {total:4} killed  {rate:5.1f}%  ({rest})")
' "$@"
