"""The cache of read log files: served only for the same bytes, never trusted, rebuilt when broken."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os

import pytest
from conftest import fresh_import

from mentoring import loader, model
from mentoring.cache import VERSION, Cache, default_folder
from mentoring.problems import Problem, Severity

LOG = """
# Rina's log
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01", "p02"]

[[output]]
date = 2015-03-03
participant = "p01"
kind = "post"
title = "Hello"
status = "accepted"

[[assessment]]
date = 2015-03-04
participant = "p01"
competency = "facebook"
level = "basic"
by = "rina"

[[measurement]]
date = 2015-03-05
result = "visitors"
value = 12.5
"""


def filled(root, cache):
    """Load twice, so that the cache keeps every log (a log's records are kept on its second
    reading); the second load's result."""
    loader.load_workspace(root, cache=cache)
    return loader.load_workspace(root, cache=cache)


@pytest.fixture
def setup(workspace, minimal, tmp_path_factory):
    """A workspace with one log, and a cache in a folder of its own."""
    root = workspace({**minimal, "cohorts/k1/logs/rina.toml": LOG})
    cache = Cache.for_workspace(root, tmp_path_factory.mktemp("cache"))
    return root, cache, root / "cohorts/k1/logs/rina.toml"


def test_a_warm_load_equals_a_cold_one_without_parsing_the_log(setup, monkeypatch):
    """The second load serves the log from the cache (no parse) and gives the same cohort and problems."""
    root, cache, _ = setup
    cold = filled(root, cache)
    seen = []
    real = loader.parse_toml
    monkeypatch.setattr(loader, "parse_toml", lambda text: seen.append(text) or real(text))
    warm = loader.load_workspace(root, cache=cache)
    assert warm == cold
    assert not any("# Rina's log" in text for text in seen)
    assert warm[0].cohorts["k1"].logs[0].measurements[0].value == 12.5


def test_actions_and_their_dates_and_statuses_come_back_from_the_cache(workspace, minimal, tmp_path_factory, monkeypatch):
    """[[action]] records are cached too, optional dates, statuses and lists included, and come back equal."""
    root = workspace({**minimal, "cohorts/k1/logs/actions.toml": """
        [[action]]
        id = "more-posts"
        date = 2015-03-10
        text = "Post twice a week"
        due = 2015-03-24
        results = ["posts"]

        [[action]]
        id = "more-posts"
        date = 2015-03-20
        status = "done"
    """})
    cache = Cache.for_workspace(root, tmp_path_factory.mktemp("cache"))
    cold = filled(root, cache)
    monkeypatch.setattr(loader, "_records_of", lambda *args: pytest.fail("a cached log was read again"))
    warm = loader.load_workspace(root, cache=cache)
    assert warm == cold
    first, update = warm[0].cohorts["k1"].logs[0].actions
    assert (first.due, first.results, first.status) == (dt.date(2015, 3, 24), ("posts",), None)
    assert (update.due, update.status) == (None, model.ActionStatus.DONE)


def test_a_changed_file_of_the_same_size_and_time_is_not_served(setup):
    """Bytes are hashed: an edit that keeps size and modification time is still read afresh."""
    root, cache, log = setup
    filled(root, cache)
    stat = log.stat()
    log.write_text(log.read_text().replace("hours = 2", "hours = 3"))
    os.utime(log, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert log.stat().st_size == stat.st_size
    ws, _ = loader.load_workspace(root, cache=cache)
    assert ws.cohorts["k1"].logs[0].sessions[0].hours == 3


def test_a_truncated_file_is_not_served(setup):
    """A log cut short after caching gives the problem of the cut file, not the cached records."""
    root, cache, log = setup
    filled(root, cache)
    log.write_bytes(log.read_bytes()[:60])
    _, problems = loader.load_workspace(root, cache=cache)
    assert any(p.path == "cohorts/k1/logs/rina.toml" and p.is_error for p in problems)


def test_a_deleted_file_is_not_served(setup):
    """A log deleted after caching is gone from the cohort."""
    root, cache, log = setup
    filled(root, cache)
    log.unlink()
    ws, _ = loader.load_workspace(root, cache=cache)
    assert ws.cohorts["k1"].logs == ()


@pytest.mark.parametrize("garbage", [b"", b"\x00\xff not json", b'{"version": %d}' % VERSION, b"[]",
                                     b'{"version": %d, "logs": []}' % VERSION,
                                     b'{"version": %d, "logs": {"cohorts/k1/logs/rina.toml": {"size": 0}}}' % VERSION,
                                     b'{"version": %d, "logs": {}}' % (VERSION - 1)])
def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(setup, garbage):
    """A cache entry that is not what it should be is ignored: the log is read again and the entry rewritten."""
    root, cache, _ = setup
    cold = filled(root, cache)
    (entry,) = cache.folder.glob("*.json")
    entry.write_bytes(garbage)
    assert loader.load_workspace(root, cache=cache) == cold
    assert json.loads(entry.read_bytes())["version"] == VERSION  # rebuilt


def test_a_tampered_entry_of_the_wrong_shape_is_ignored(setup):
    """An entry whose rows do not fit the records is ignored, never half-used."""
    root, cache, log = setup
    cold = filled(root, cache)
    (entry,) = cache.folder.glob("*.json")
    data = json.loads(entry.read_bytes())
    data["logs"]["cohorts/k1/logs/rina.toml"]["data"]["sessions"][0] = ["not a date", "rina"]
    entry.write_text(json.dumps(data))
    assert loader.load_workspace(root, cache=cache) == cold


def test_one_appended_record_reparses_only_its_own_file(setup, monkeypatch):
    """After a record is appended to one log, only that log is parsed again."""
    root, cache, log = setup
    other = root / "cohorts/k1/logs/p01.toml"
    other.write_text('[[output]]\ndate = 2015-03-06\nparticipant = "p01"\nkind = "post"\ntitle = "Two"\n')
    filled(root, cache)
    with open(log, "a") as handle:
        handle.write('\n[[session]]\ndate = 2015-03-09\nmentor = "rina"\nhours = 1\nattended = []\n')
    seen = []
    real = loader.parse_toml
    monkeypatch.setattr(loader, "parse_toml", lambda text: seen.append(text) or real(text))
    ws, _ = loader.load_workspace(root, cache=cache)
    logs = [text for text in seen if "[[session]]" in text or "[[output]]" in text]
    assert len(logs) == 1 and "# Rina's log" in logs[0]
    assert len(ws.cohorts["k1"].logs[1].sessions) == 2


def test_a_log_is_kept_on_its_second_reading_and_served_on_its_third(setup, monkeypatch):
    """The first reading keeps only the log's hash (no record written), the second the records,
    and the third is served without parsing; a changed log starts again from a hash."""
    root, cache, log = setup
    parsed = []
    real = loader.parse_toml
    monkeypatch.setattr(loader, "parse_toml", lambda text: parsed.append(text) or real(text))
    rel = "cohorts/k1/logs/rina.toml"

    def kept():
        (shelf,) = cache.folder.glob("*.json")
        return json.loads(shelf.read_bytes())["logs"][rel]

    first = loader.load_workspace(root, cache=cache)
    assert "data" not in kept() and kept()["digest"] and "Hello" not in json.dumps(kept())
    assert loader.load_workspace(root, cache=cache) == first and "data" in kept()
    reads = sum("# Rina's log" in text for text in parsed)
    assert loader.load_workspace(root, cache=cache) == first
    assert sum("# Rina's log" in text for text in parsed) == reads == 2
    log.write_text(log.read_text().replace("hours = 2", "hours = 3"))
    loader.load_workspace(root, cache=cache)
    assert "data" not in kept()


def test_no_cache_writes_nothing(run, workspace, minimal, tmp_path_factory, monkeypatch):
    """`mentoring --no-cache check` neither reads nor writes the cache folder."""
    folder = tmp_path_factory.mktemp("nocache")
    monkeypatch.setenv("MENTORING_CACHE_DIR", str(folder))
    root = workspace({**minimal, "cohorts/k1/logs/rina.toml": LOG})
    assert run("--no-cache", "-w", str(root), "check").exit_code == 0
    assert list(folder.rglob("*")) == []
    assert run("-w", str(root), "check").exit_code == 0
    assert len(list(folder.rglob("*.json"))) == 1


# --- what is kept, and where ---------------------------------------------------------------------

BROKEN = """
[[session]]
date = 2015-03-02
mentor = "rina"
hours = 2
attended = ["p01"]

[[session]]
date = 2015-03-03
mentor = "rina"
hours = "two"
attended = []

[[output]]
date = 2015-03-04
participant = "p01"
kind = "post"
title = "t"
colour = "red"
"""


def parses(monkeypatch) -> list[str]:
    """Every text the loader hands to the TOML parser from now on."""
    seen: list[str] = []
    real = loader.parse_toml
    monkeypatch.setattr(loader, "parse_toml", lambda text: seen.append(text) or real(text))
    return seen


def test_a_warm_load_keeps_the_problems_and_the_records_left_out(workspace, minimal, tmp_path_factory, monkeypatch):
    """A log with a record that does not structure: the warm load, served from the cache without parsing,
    gives the same problems (path, message, severity, keys, line) and the same records left out; so does
    a log that is not TOML, whose problem carries its line."""
    root = workspace({**minimal, "cohorts/k1/logs/rina.toml": BROKEN, "cohorts/k1/logs/x.toml": "a = = 1\n"})
    cache = Cache.for_workspace(root, tmp_path_factory.mktemp("cache"))
    cold = filled(root, cache)
    assert cold[0].cohorts["k1"].logs[0].skipped == {"session": (1,), "output": (0,)}
    assert [(p.message, p.line) for p in cold[1]] == [
        ('session.hours: expected a number, got "two"', None), ('output: unknown key "colour"', None),
        ("malformed TOML: Invalid value", 1)]
    seen = parses(monkeypatch)
    warm = loader.load_workspace(root, cache=cache)
    assert [text for text in seen if "[[session]]" in text or "a = = 1" in text] == []
    assert warm == cold
    assert [(p.path, p.severity, p.keys, p.line) for p in warm[1]] == [(p.path, p.severity, p.keys, p.line) for p in cold[1]]


def test_codecs_built_anew_round_trip_every_field_of_every_record_kind():
    """Each record kind becomes a JSON row and back with every field's type restored (dates, statuses,
    tuples, levels as numbers or names, absent values), and so do the records left out and the problems;
    the codecs are built anew here from the model's field types (see conftest.fresh_import)."""
    fresh = fresh_import("mentoring.cache")
    day = dt.date(2015, 3, 2)
    log = model.LogFile(
        "cohorts/k1/logs/x.toml",
        sessions=(model.Session(day, "rina", 2.5, ("p01", "p02"), ("p01", "p02", "p03"), ("m1",), "Opening", ("Post twice",)),
                  model.Session(day, "rina", 1.0, ())),
        outputs=(model.Output(day, "p01", "post", "Hello", "o1", "a1", model.Status.PUBLISHED, "https://x.org", "rina", "n"),
                 model.Output(day, "p01", "post", "Bye")),
        assessments=(model.Assessment(day, "p01", "facebook", 2, "rina", "n"), model.Assessment(day, "p01", "facebook", "basic", "self")),
        measurements=(model.Measurement(day, "visitors", 12.5, "sign-in sheet", "n"), model.Measurement(day, "visitors", 3.0)),
        skipped={"session": (2, 5), "output": (0,)},
    )
    problems = [Problem(log.path, 'session.hours: expected a number, got "two"', Severity.ERROR, keys=("session", 2, "hours"), line=12),
                Problem(log.path, "a warning", Severity.WARNING, keys=())]
    back = fresh.decode_log(log.path, json.loads(json.dumps(fresh.encode_log(log, problems))))
    assert back == (log, problems)
    assert type(back[0].sessions[0].attended) is tuple and type(back[0].sessions[0].expected) is tuple


def test_the_cache_folder_is_the_users_unless_named(monkeypatch, tmp_path):
    """Without a folder named, the cache is under $XDG_CACHE_HOME/mentoring, else ~/.cache/mentoring."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "mentoring"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_folder() == tmp_path / "home" / ".cache" / "mentoring"
    assert Cache.for_workspace(tmp_path).folder.parent == tmp_path / "home" / ".cache" / "mentoring"


def test_one_folder_per_workspace_one_shelf_per_cohort(run, workspace, minimal, tmp_path_factory, monkeypatch):
    """The command keeps a workspace's cache in a folder named by 8 bytes of BLAKE2b of the workspace's real
    path, each cohort's logs in `<12 bytes of BLAKE2b of its id>.json`, each log under its path with its size,
    modification time and 16-byte BLAKE2b digest; a folder given by $MENTORING_CACHE_DIR is made if need be."""
    folder = tmp_path_factory.mktemp("cache") / "not" / "yet"
    monkeypatch.setenv("MENTORING_CACHE_DIR", str(folder))
    root = workspace({**minimal, "cohorts/k1/logs/rina.toml": LOG, "cohorts/k2/cohort.toml": minimal["cohorts/k1/cohort.toml"],
                      "cohorts/k2/logs/rina.toml": LOG})
    assert run("-w", str(root), "check").exit_code == 0
    blake = lambda data, size: hashlib.blake2b(data, digest_size=size).hexdigest()  # noqa: E731
    mine = folder / blake(str(root.resolve()).encode(), 8)
    assert sorted(p.name for p in mine.iterdir()) == sorted([blake(b"k1", 12) + ".json", blake(b"k2", 12) + ".json"])
    shelf = json.loads((mine / (blake(b"k1", 12) + ".json")).read_bytes())
    log = root / "cohorts/k1/logs/rina.toml"
    entry = shelf["logs"]["cohorts/k1/logs/rina.toml"]
    assert (shelf["version"], entry["size"], entry["mtime_ns"], entry["digest"]) == (
        VERSION, log.stat().st_size, log.stat().st_mtime_ns, blake(log.read_bytes(), 16))


def test_a_warm_run_writes_no_shelf(setup):
    """When nothing changed, the shelf file is not written again."""
    root, cache, _ = setup
    filled(root, cache)
    (shelf,) = cache.folder.glob("*.json")
    os.utime(shelf, ns=(1, 1))
    loader.load_workspace(root, cache=cache)
    assert shelf.stat().st_mtime_ns == 1


def test_a_deleted_log_leaves_the_shelf(setup):
    """A log deleted since the last run is dropped from its cohort's shelf."""
    root, cache, log = setup
    loader.load_workspace(root, cache=cache)
    log.unlink()
    loader.load_workspace(root, cache=cache)
    (shelf,) = cache.folder.glob("*.json")
    assert json.loads(shelf.read_bytes())["logs"] == {}


def test_a_shelf_of_another_version_is_not_used(setup, monkeypatch):
    """A shelf written by another version of the cache is ignored whole: the log is parsed again."""
    root, cache, _ = setup
    filled(root, cache)
    (shelf,) = cache.folder.glob("*.json")
    data = json.loads(shelf.read_bytes())
    shelf.write_text(json.dumps({**data, "version": 0}))
    seen = parses(monkeypatch)
    loader.load_workspace(root, cache=cache)
    assert any("# Rina's log" in text for text in seen)
