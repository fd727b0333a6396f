"""The cache of read log files: served only for the same bytes, never trusted, rebuilt when broken."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from mentoring import loader, model
from mentoring.cache import VERSION, Cache

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
