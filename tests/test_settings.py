"""The workspace settings file `mentoring.toml` (FORMAT.md "Workspace settings"): read into
`Settings`, optional, and every mistake in it told as `path:line: error: message`."""

from __future__ import annotations

from mentoring import model
from mentoring.loader import load_settings, locate
from mentoring.problems import format_problem

from conftest import make_workspace


def settings_of(tmp_path, text=None):
    """Settings and located problems, by line, of a workspace whose mentoring.toml holds text (None: no file)."""
    root = make_workspace(tmp_path, {"mentoring.toml": text})
    settings, problems = load_settings(root)
    return settings, [format_problem(p) for p in sorted(locate(root, problems), key=lambda p: p.line or 0)]


def test_absent_file_means_the_defaults(tmp_path):
    """A workspace without mentoring.toml has the default settings (no language set, no IATI identity) and no problem."""
    assert settings_of(tmp_path) == (model.Settings(lang=None, iati=None), [])


def test_every_key_is_read(tmp_path):
    """lang and the three keys of [iati] are read into Settings as written."""
    text = '''
    lang = "id"

    [iati]
    reporting_org = "ID-AHU-1234"
    reporting_org_name = "Hapsari"
    reporting_org_type = "22"
    '''
    iati = model.IatiSettings(reporting_org="ID-AHU-1234", reporting_org_name="Hapsari", reporting_org_type="22")
    assert settings_of(tmp_path, text) == (model.Settings(lang=model.Lang.ID, iati=iati), [])


def test_empty_file_means_the_defaults(tmp_path):
    """An empty mentoring.toml sets nothing, and is no problem."""
    assert settings_of(tmp_path, "") == (model.Settings(), [])


def test_unknown_key_suggests_the_near_one(tmp_path):
    """A misspelt key is an error at its line, with the key probably meant."""
    text = '''
    # settings
    language = "id"
    '''
    assert settings_of(tmp_path, text)[1] == [
        'mentoring.toml:2: error: unknown key "language" (did you mean "lang"?)']


def test_language_outside_the_list(tmp_path):
    """lang is en or id: anything else is an error naming both, with the near one."""
    assert settings_of(tmp_path, 'lang = "ind"\n')[1] == [
        'mentoring.toml:1: error: lang: expected one of en, id, got "ind" (did you mean "id"?)']


def test_iati_keys_are_required_and_typed(tmp_path):
    """Within [iati] every key is required (placed at the table's header) and a string (placed at its line)."""
    text = '''
    lang = "en"
    [iati]
    reporting_org = "ID-AHU-1234"
    reporting_org_type = 22
    reporting_orgname = "Hapsari"
    '''
    assert settings_of(tmp_path, text)[1] == [
        'mentoring.toml:2: error: iati: missing required key "reporting_org_name"',
        'mentoring.toml:4: error: iati.reporting_org_type: expected a string, got 22',
        'mentoring.toml:5: error: iati: unknown key "reporting_orgname" (did you mean "reporting_org_name"?)',
    ]


def test_iati_as_a_value_not_a_table(tmp_path):
    """`iati = "..."` where a table is expected is a type error at its line; the defaults stand."""
    settings, problems = settings_of(tmp_path, 'iati = "ID-AHU-1234"\n')
    assert (settings, problems) == (model.Settings(), ['mentoring.toml:1: error: iati: expected a table, got "ID-AHU-1234"'])


def test_malformed_toml_is_placed_at_its_line(tmp_path):
    """A syntax error in mentoring.toml is told at its line, and the defaults stand."""
    settings, problems = settings_of(tmp_path, 'lang = "en"\nlang id\n')
    assert settings == model.Settings()
    assert [p.split(": error: ")[0] for p in problems] == ["mentoring.toml:2"]
