"""The web app (`mentoring serve`), through Flask's test client: every page, every form, and what it refuses.

The workspace is conftest's minimal programme with two more results, `sessions` (target 4) and
`attendance` (target 80%): cohort k1 runs 2015-03-01 to 2015-03-31 with participants p01 (Aminah)
and p02 (Dewi, who leaves on 2015-03-20), mentor rina (Rina), implementer imp, observer obs.
Pages are asked "as of 2015-03-31" unless a test says otherwise.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import COHORT, make_workspace
from live import RINA_LOG, web_workspace

from mentoring.web import NotARepository, create_app
from mentoring.web.security import CSRF_FIELD

AS_OF = "as_of=2015-03-31"
SESSION = {"date": "2015-03-05", "mentor": "rina", "hours": "2", "everyone": "yes"}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return web_workspace(tmp_path / "ws")


@pytest.fixture
def client(root: Path):
    return create_app(root).test_client()


def token(client, url: str = "/cohorts/k1/log/session") -> str:
    """The CSRF token of a form page (the session cookie that goes with it stays in the client)."""
    page = client.get(url).get_data(as_text=True)
    return re.search(rf'name="{CSRF_FIELD}" value="([^"]+)"', page).group(1)


def post(client, kind: str, data: dict, **kwargs):
    """Post a form of the cohort k1 with a valid token."""
    return client.post(f"/cohorts/k1/log/{kind}?{AS_OF}", data={CSRF_FIELD: token(client, f"/cohorts/k1/log/{kind}"), **data},
                       **kwargs)


def shown(response) -> str:
    """A page's text as the browser shows it (entities such as &#34; turned back into characters)."""
    return html.unescape(response.get_data(as_text=True))


def rows(page: str, table: str) -> list[dict[str, str]]:
    """The rows of a table drawn by the reports' templates (`<table id="table-NAME">`), each as the text of its
    cells by their `data-key`; a row that leaves its id empty (a result's next period, its next cohort) has the id
    of the row above."""
    block = re.search(rf'<table id="table-{table}">(.*?)</table>', page, re.S).group(1)
    out: list[dict[str, str]] = []
    for tr in re.findall(r"<tr>(.*?)</tr>", block, re.S):
        cells = {key: html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
                 for key, text in re.findall(r'<td data-key="([^"]+)"[^>]*>(.*?)</td>', tr, re.S)}
        if cells:
            if "id" in cells and not cells["id"] and out:
                cells["id"] = out[-1]["id"]
            out.append(cells)
    return out


def cell(page: str, row: str, key: str) -> str:
    """The `key` cell of the first row whose id is `row`, in the report's results or the participants table."""
    table = "participants" if 'id="table-participants"' in page else "results"
    return next(r[key] for r in rows(page, table) if r["id"] == row)


def field_errors(page: str, name: str) -> list[str]:
    """The messages shown beside a form's field."""
    block = re.search(rf'data-field="{name}">(.*?)</div>\s*(?:<div class="field|<button)', page, re.S)
    return [html.unescape(m) for m in re.findall(r'<p class="field-error"[^>]*>(.*?)</p>', block.group(1), re.S)]


# --- reading pages ------------------------------------------------------------------------------


def test_cohorts_page_lists_each_cohort_under_its_programme_with_its_status(client):
    """The front page names programme sosmed, cohort k1, its 2 participants, 0 of 4 results met and its status as of the date."""
    page = client.get(f"/?{AS_OF}").get_data(as_text=True)
    assert 'data-programme="sosmed"' in page and "Social media mentoring" in page
    row = re.search(r'data-cohort="k1">(.*?)</tr>', page, re.S).group(1)
    assert ">2<" in row and "0 of 4" in row and "running" in row
    assert "not started" in client.get("/?as_of=2015-02-01").get_data(as_text=True)


def test_report_page_shows_every_result_with_its_figures(client, root):
    """Before any session: sessions 0 of 4, attendance empty (no one expected yet); the links keep the as-of date."""
    response = client.get(f"/cohorts/k1/?{AS_OF}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert [cell(page, r, "actual") for r in ("posts", "visitors", "sessions-held", "attendance")] == ["0", "-", "0", "-"]
    assert f'href="/cohorts/k1/participants?{AS_OF}"' in page


def test_participants_and_participant_pages(client, root):
    """A session on 03-05 that p01 attended and p02 missed: attendance 100% and 0% on the participants page, and
    p01's page lists that session as attended."""
    make_workspace(root, {RINA_LOG: '[[session]]\ndate = 2015-03-05\nmentor = "rina"\nhours = 2\nattended = ["p01"]\n'})
    page = client.get(f"/cohorts/k1/participants?{AS_OF}").get_data(as_text=True)
    assert (cell(page, "p01", "attendance"), cell(page, "p02", "attendance")) == ("100.0%", "0.0%")
    assert 'href="/cohorts/k1/participants/p01?as_of=2015-03-31"' in page
    page = client.get(f"/cohorts/k1/participants/p01?{AS_OF}").get_data(as_text=True)
    assert "Aminah" in page and "2015-03-05" in page and "✓ came" in page


def test_each_actual_links_to_where_it_comes_from(client, root):
    """Sessions on 03-05 and 04-05 in rina.toml (headers at lines 1 and 7): as of 03-31 the report's 1 session held
    links to its explanation, which counts the first at rina.toml:1 and leaves out the second as dated after as-of."""
    make_workspace(root, {RINA_LOG: '[[session]]\ndate = 2015-03-05\nmentor = "rina"\nhours = 2\nattended = ["p01"]\n\n'
                                    '[[session]]\ndate = 2015-04-05\nmentor = "rina"\nhours = 2\nattended = ["p01"]\n'})
    page = client.get(f"/cohorts/k1/?{AS_OF}").get_data(as_text=True)
    assert f'<a href="/cohorts/k1/explain/sessions-held?{AS_OF}"' in page and cell(page, "sessions-held", "actual") == "1"
    page = client.get(f"/cohorts/k1/explain/sessions-held?{AS_OF}").get_data(as_text=True)
    found = [(r["record"], r["counted"], r["reason"]) for r in rows(page, "records")]
    assert found == [("cohorts/k1/logs/rina.toml:1", "yes", "-"), ("cohorts/k1/logs/rina.toml:7", "no", "dated after as-of")]


def test_a_participants_completion_is_explained_and_unknown_ids_are_404(client):
    """p01's page links to why she is complete or not, a page of each requirement; an unknown result or participant is 404."""
    page = client.get(f"/cohorts/k1/participants/p01?{AS_OF}").get_data(as_text=True)
    assert f'href="/cohorts/k1/participants/p01/explain?{AS_OF}"' in page
    page = client.get(f"/cohorts/k1/participants/p01/explain?{AS_OF}").get_data(as_text=True)
    assert 'id="table-requirements"' in page
    assert client.get(f"/cohorts/k1/explain/no-such-result?{AS_OF}").status_code == 404
    assert client.get(f"/cohorts/k1/participants/nobody/explain?{AS_OF}").status_code == 404


def test_breakdown_by_group_and_a_bad_control(client):
    """`by=group` adds the results by group; a date that is not one and an unknown `by` are a 400 saying what was
    expected, whose links do not keep the bad value."""
    page = client.get(f"/cohorts/k1/?{AS_OF}&by=group").get_data(as_text=True)
    assert {r["group"] for r in rows(page, "groups")} == {"not recorded"}  # conftest's people have no group
    response = client.get("/cohorts/k1/?as_of=2015-02-30")
    assert response.status_code == 400 and "expected a date such as 2015-03-31" in response.get_data(as_text=True)
    assert 'href="/problems"' in response.get_data(as_text=True)  # its links leave the bad date behind
    response = client.get("/cohorts/k1/?by=grup")
    assert response.status_code == 400 and 'did you mean "group"' in shown(response)


def test_problems_page_names_path_and_line(client, root):
    """A session whose mentor is misspelt is listed as `mentoring check` prints it, and the cohort's report
    says it is not reported on, with the same line."""
    make_workspace(root, {RINA_LOG: '[[session]]\ndate = 2015-03-05\nmentor = "rinaa"\nhours = 2\nattended = []\n'})
    expected = 'cohorts/k1/logs/rina.toml:3: error: session.mentor: unknown mentor "rinaa" (did you mean "rina"?)'
    assert expected in shown(client.get("/problems"))
    page = shown(client.get(f"/cohorts/k1/?{AS_OF}"))
    assert "not shown" in page and expected in page


def session_log(*days: str) -> str:
    """rina's log holding one two-hour session on each day, everyone expected, p01 attending."""
    return "".join(f'[[session]]\ndate = {day}\nmentor = "rina"\nhours = 2\nattended = ["p01"]\n\n' for day in days)


def test_report_over_monthly_periods(client, root):
    """k1 moved to run 2015-01-01 to 03-31 (89 days), a session on 01-10, 02-10 and 03-10: each month adds one;
    expected = 4 x elapsed: 4 x 30/89 = 1.3 by 01-31, 4 x 58/89 = 2.6 by 02-28, 4 at the due date; so behind,
    behind, then missed (3 of 4 on the due date)."""
    make_workspace(root, {"cohorts/k1/cohort.toml": COHORT.replace("start = 2015-03-01", "start = 2015-01-01"),
                          RINA_LOG: session_log("2015-01-10", "2015-02-10", "2015-03-10")})
    page = client.get(f"/cohorts/k1/?{AS_OF}&period=month").get_data(as_text=True)
    held = [(r["start"], r["end"], r["actual"], r["change"], r["expected"], r["status"])
            for r in rows(page, "periods") if r["id"] == "sessions-held"]
    assert held == [("2015-01-01", "2015-01-31", "1", "+1", "1.3", "behind"),
                    ("2015-02-01", "2015-02-28", "2", "+1", "2.6", "behind"),
                    ("2015-03-01", "2015-03-31", "3", "+1", "4", "missed")]
    assert 'id="table-periods"' not in client.get(f"/cohorts/k1/?{AS_OF}").get_data(as_text=True)
    assert client.get(f"/cohorts/k1/?{AS_OF}&period=week").status_code == 400


def test_programme_page_adds_up_its_cohorts(client, root):
    """k2 runs the same curriculum: k1 holds 1 session and k2 2, so the programme has 3 of 4 + 4 = 8; by cohort,
    each cohort's own actual."""
    make_workspace(root, {"cohorts/k2/cohort.toml": COHORT, RINA_LOG: session_log("2015-03-05"),
                          "cohorts/k2/logs/rina.toml": session_log("2015-03-05", "2015-03-12")})
    page = client.get(f"/programmes/sosmed?{AS_OF}").get_data(as_text=True)
    held = next(r for r in rows(page, "results") if r["id"] == "sessions-held")
    assert (held["target"], held["actual"]) == ("8", "3")
    page = client.get(f"/programmes/sosmed?{AS_OF}&by=cohort").get_data(as_text=True)
    held = [(r["cohort"], r["actual"]) for r in rows(page, "results") if r["id"] == "sessions-held"]
    assert held == [("all", "3"), ("k1", "1"), ("k2", "2")]
    assert 'href="/programmes/sosmed?' in client.get(f"/?{AS_OF}").get_data(as_text=True)
    assert client.get("/programmes/nope").status_code == 404 and client.get("/programmes/..%2Fsosmed").status_code == 404


ACTION_LOG = """
[[action]]
id = "more-posts"
date = 2015-03-10
text = "Two posts a week"
owner = "p01"
due = 2015-03-20
results = ["posts"]
cause = "No one had time to write"
"""


def test_actions_reflection_and_due_pages(client, root):
    """Action more-posts (owner p01, Aminah), due 03-20 and still open: as of 03-31 it is overdue on the actions
    page; the reflection lists its cause and text under result posts; and it is the one thing due, 31 - 20 = 11
    days late (no session was held, so no one is absent or silent, and no assignment has a due day)."""
    make_workspace(root, {"cohorts/k1/logs/actions.toml": ACTION_LOG})
    page = client.get(f"/cohorts/k1/actions?{AS_OF}").get_data(as_text=True)
    assert [(r["id"], r["action"], r["owner"], r["due"], r["status"]) for r in rows(page, "actions")] == [
        ("more-posts", "Two posts a week", "Aminah", "2015-03-20", "open, overdue")]
    page = client.get(f"/cohorts/k1/reflect?{AS_OF}").get_data(as_text=True)
    posts = page[page.index("(<span translate=\"no\">posts</span>)"):page.index('id="table-plan-posts"')]
    assert "No one had time to write" in posts
    assert [r["text"] for r in rows(page, "plan-posts")] == ["Two posts a week"]
    page = client.get(f"/cohorts/k1/due?{AS_OF}").get_data(as_text=True)
    assert [(r["kind"], r["what"], r["when"]) for r in rows(page, "due")] == [
        ("action", "action more-posts: Two posts a week", "11 days late")]


def test_pages_speak_the_language_asked_for_else_the_workspaces(client, root):
    """`lang=id` gives Indonesian menus, controls, dates and the report's own labels; a workspace whose
    mentoring.toml says `lang = "id"` is Indonesian unless `lang=en` is asked; a language that is not one is a 400."""
    page = client.get(f"/cohorts/k1/?{AS_OF}&lang=id").get_data(as_text=True)
    assert '<html lang="id">' in page and ">Laporan<" in page and "Per tanggal" in page and "31 Maret 2015" in page
    assert "hasil yang diharapkan" in page and 'href="/cohorts/k1/participants?as_of=2015-03-31&amp;lang=id"' in page
    make_workspace(root, {"mentoring.toml": 'lang = "id"\n'})
    assert ">Laporan<" in client.get(f"/cohorts/k1/?{AS_OF}").get_data(as_text=True)
    english = client.get(f"/cohorts/k1/?{AS_OF}&lang=en").get_data(as_text=True)
    assert ">Report<" in english and "expected results" in english
    form = post(client, "session", {**SESSION, "mentor": ""}).get_data(as_text=True)
    assert "Catat sesi" in form and field_errors(form, "mentor") == ["wajib: isi bagian ini"]
    assert client.get(f"/cohorts/k1/?{AS_OF}&lang=fr").status_code == 400


# --- forms ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["session", "output", "assessment", "measurement", "action"])
def test_every_form_has_a_token_and_its_fields(client, kind):
    """Each record kind's form carries the CSRF token and a field for each required key."""
    page = client.get(f"/cohorts/k1/log/{kind}").get_data(as_text=True)
    assert f'name="{CSRF_FIELD}"' in page
    required = {"session": ["date", "mentor", "hours", "attended"], "output": ["participant", "kind", "title"],
                "assessment": ["participant", "competency", "level", "by"], "measurement": ["result", "value"],
                "action": ["id", "date", "text"]}[kind]
    for name in required:
        assert f'data-field="{name}"' in page, name


def test_session_form_ticks_everyone_and_lists_participants(client):
    """"Everyone came" is ticked on an empty form, and each participant is a checkbox (p02 marked as having left)."""
    page = client.get("/cohorts/k1/log/session").get_data(as_text=True)
    assert re.search(r'name="everyone" value="yes" checked', page)
    assert 'name="attended" value="p01"' in page and "Dewi (left 2015-03-20)" in page
    assert re.search(r'<option value="rina" selected>', page)  # the one mentor is chosen already


def test_logging_a_session_for_everyone_changes_the_report(client, root):
    """A session on 03-05 with everyone ticked: both p01 and p02 were enrolled that day, so the log gets
    attended = ["p01", "p02"]; the report then shows 1 session and attendance 2 of 2 = 100%."""
    response = post(client, "session", SESSION)
    assert response.status_code == 303 and response.headers["Location"] == f"/cohorts/k1/?{AS_OF}"
    assert 'attended = ["p01", "p02"]' in (root / RINA_LOG).read_text()
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Written: [[session]] at cohorts/k1/logs/rina.toml:1." in page
    assert (cell(page, "sessions-held", "actual"), cell(page, "attendance", "actual")) == ("1", "100.0%")


def test_logging_a_session_with_chosen_participants(client, root):
    """"Everyone" unticked, only p01 ticked: attendance 1 of the 2 expected = 50%; on 03-25 (after p02 left)
    a second session with p01 alone adds 1 of 1: 2 of 3 = 66.7%."""
    assert post(client, "session", {**SESSION, "everyone": "", "attended": ["p01"]}).status_code == 303
    assert post(client, "session", {**SESSION, "date": "2015-03-25", "everyone": "", "attended": ["p01"]}).status_code == 303
    page = client.get(f"/cohorts/k1/?{AS_OF}").get_data(as_text=True)
    assert (cell(page, "sessions-held", "actual"), cell(page, "attendance", "actual")) == ("2", "66.7%")


def test_a_refused_record_shows_each_problem_beside_its_field_and_writes_nothing(client, root):
    """Hours "two" is not a number: 422, the message beside the hours field, and the log byte for byte as it was;
    no mentor chosen: "required" beside the mentor field."""
    make_workspace(root, {RINA_LOG: "# Rina's log\n"})
    before = (root / RINA_LOG).read_bytes()
    response = post(client, "session", {**SESSION, "hours": "two"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Nothing was written" in page
    assert field_errors(page, "hours") == ['expected a number, got "two"']
    assert field_errors(page, "mentor") == []
    no_mentor = post(client, "session", {**SESSION, "mentor": ""}).get_data(as_text=True)
    assert field_errors(no_mentor, "mentor") == ["required: fill this in"]
    assert 'value="two"' in page  # the value stays, to be corrected
    assert (root / RINA_LOG).read_bytes() == before


def test_cross_reference_problems_land_on_their_fields(client, root):
    """An output for an unknown kind and by someone who is not a participant: each message beside its own field."""
    response = post(client, "output", {"date": "2015-03-05", "participant": "rina", "kind": "vlog", "title": "T",
                                       "status": "submitted"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert field_errors(page, "kind") == ['unknown output kind "vlog"']
    assert field_errors(page, "participant") == ['"rina" is a mentor, not a participant']
    assert not (root / "cohorts/k1/logs").exists()


def test_each_record_kind_is_written(client, root):
    """An output, an assessment (by level number), a measurement and an action each reach their log."""
    assert post(client, "output", {"date": "2015-03-05", "participant": "p01", "kind": "post", "title": "Hari Ibu",
                                   "assignment": "a1", "status": "accepted"}).status_code == 303
    assert post(client, "assessment", {"date": "2015-03-06", "participant": "p01", "competency": "facebook",
                                       "level": "2", "by": "rina"}).status_code == 303
    assert post(client, "measurement", {"date": "2015-03-07", "result": "visitors", "value": "40"}).status_code == 303
    assert post(client, "action", {"id": "more-posts", "date": "2015-03-08", "text": "Two posts a week",
                                   "owner": "p01", "results": ["posts"]}).status_code == 303
    logs = root / "cohorts/k1/logs"
    assert 'title = "Hari Ibu"' in (logs / "p01.toml").read_text()
    assert "level = 2" in (logs / "rina.toml").read_text()
    assert "value = 40" in (logs / "measurements.toml").read_text()
    assert 'results = ["posts"]' in (logs / "actions.toml").read_text()
    page = client.get(f"/cohorts/k1/?{AS_OF}").get_data(as_text=True)
    assert (cell(page, "posts", "actual"), cell(page, "visitors", "actual")) == ("1", "40")


def test_who_logs_a_record_appends_it_to_their_own_log(client, root):
    """An output of p01 logged by her mentor rina goes to rina's log, not p01's; a "Logged by" that names no one
    in the cohort (a path, say) is refused and nothing is written."""
    output = {"date": "2015-03-05", "participant": "p01", "kind": "post", "title": "Hari Ibu", "status": "submitted"}
    assert post(client, "output", {**output, "logged_by": "rina"}).status_code == 303
    assert 'title = "Hari Ibu"' in (root / RINA_LOG).read_text() and not (root / "cohorts/k1/logs/p01.toml").exists()
    before = (root / RINA_LOG).read_bytes()
    assert post(client, "output", {**output, "logged_by": "../../x"}).status_code == 400
    assert (root / RINA_LOG).read_bytes() == before and not (root / "cohorts/k1/logs/p01.toml").exists()


def test_a_date_outside_the_cohort_is_written_with_its_warning_shown(client, root):
    """A session dated after the cohort's end is written, and the warning is shown on the next page."""
    response = post(client, "session", {**SESSION, "date": "2015-04-02", "everyone": "", "attended": []},
                    follow_redirects=True)
    assert "warning:" in response.get_data(as_text=True) and (root / RINA_LOG).exists()


# --- files changed underneath ---------------------------------------------------------------------


def test_an_edit_in_an_editor_shows_on_the_next_page_load(client, root):
    """A session appended by hand after the report was shown is counted on the next load."""
    assert cell(client.get(f"/cohorts/k1/?{AS_OF}").get_data(as_text=True), "sessions-held", "actual") == "0"
    make_workspace(root, {RINA_LOG: '[[session]]\ndate = 2015-03-05\nmentor = "rina"\nhours = 2\nattended = ["p01"]\n'})
    assert cell(client.get(f"/cohorts/k1/?{AS_OF}").get_data(as_text=True), "sessions-held", "actual") == "1"


def test_a_form_posted_after_the_files_changed_is_checked_against_them_as_they_are(client, root):
    """The form was shown while rina was the cohort's mentor; she is made an observer before it is sent:
    the session is refused, since an observer cannot hold one, and nothing is written."""
    form_token = token(client)
    cohort = root / "cohorts/k1/cohort.toml"
    cohort.write_text(cohort.read_text().replace('id = "rina"\nname = "Rina"\nrole = "mentor"',
                                                 'id = "rina"\nname = "Rina"\nrole = "observer"'))
    response = client.post(f"/cohorts/k1/log/session?{AS_OF}", data={CSRF_FIELD: form_token, **SESSION})
    assert response.status_code == 422
    assert field_errors(response.get_data(as_text=True), "mentor") == ['"rina" is an observer, not a facilitator or mentor']
    assert not (root / RINA_LOG).exists()


# --- security ---------------------------------------------------------------------------------------


def test_a_post_without_the_token_is_refused_and_writes_nothing(client, root):
    """No token, or another session's token: 400 and no log written."""
    assert client.post("/cohorts/k1/log/session", data=SESSION).status_code == 400
    other = create_app(root).test_client()
    assert client.post("/cohorts/k1/log/session", data={CSRF_FIELD: token(other), **SESSION}).status_code == 400
    assert not (root / "cohorts/k1/logs").exists()


@pytest.mark.parametrize("url", [
    "/cohorts/k1/participants/p09", "/cohorts/nope/actions", "/cohorts/..%2Fk1/due", "/cohorts/..%2F..%2Fetc/", "/cohorts/%2e%2e/", "/cohorts/../../etc/passwd", "/cohorts/k1/participants/..%2Fcohort.toml",
    "/cohorts/k1/participants/rina", "/cohorts/k1/log/..%2F..%2Fcohort", "/cohorts/k1/log/notes", "/cohorts/K1/",
    "/cohorts/k1%2Flogs/", "/static/../cohorts/k1/cohort.toml", "/cohorts/k1/cohort.toml",
])
def test_a_url_that_is_not_a_page_is_404(client, url):
    """Ids in URLs are looked up among what exists; a path in their place, a mentor as a participant, a kind
    that is not one: 404."""
    assert client.get(url).status_code == 404


def test_a_post_with_a_path_for_an_id_writes_nothing_anywhere(client, root, tmp_path):
    """Posting to a URL whose cohort or kind is a path is a 404 before anything is read or written."""
    before = sorted(p for p in tmp_path.rglob("*"))
    for url in ["/cohorts/..%2Fws/log/session", "/cohorts/k1/log/..%2Fsession"]:
        assert client.post(url, data={CSRF_FIELD: token(client), **SESSION}).status_code == 404
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_writes_are_post_only(client, root):
    """A GET of the form's URL with a record in its query writes nothing; PUT and DELETE are 405."""
    assert client.get("/cohorts/k1/log/session?date=2015-03-05&mentor=rina&hours=2&everyone=yes").status_code == 200
    assert client.put("/cohorts/k1/log/session", data=SESSION).status_code == 405
    assert client.delete("/cohorts/k1/").status_code == 405
    assert not (root / "cohorts/k1/logs").exists()


def test_a_foreign_host_name_is_refused(client):
    """A request naming another host (a DNS-rebinding page) gets 400; 127.0.0.1 and localhost are served."""
    assert client.get("/", headers={"Host": "evil.example:8080"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8080"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost"}).status_code == 200


def test_text_from_the_files_is_escaped_and_pages_forbid_scripts(root):
    """A participant named like a script shows as text; every page says no script may run."""
    make_workspace(root, {"cohorts/k1/cohort.toml": COHORT.replace('name = "Aminah"', 'name = "<script>alert(1)</script>"')})
    response = create_app(root).test_client().get(f"/cohorts/k1/participants?{AS_OF}")
    page = response.get_data(as_text=True)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"


def test_create_app_refuses_a_folder_that_is_no_workspace(tmp_path):
    """A folder without curricula/ or cohorts/ is a usage error, named."""
    import mentoring

    with pytest.raises(mentoring.UsageError, match="is not a workspace"):
        create_app(tmp_path)


# --- --commit ----------------------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


@needs_git
def test_commit_needs_a_git_repository(root):
    """--commit on a workspace outside any git repository says so, and how to make one."""
    with pytest.raises(NotARepository, match="is not in a git repository.*git init"):
        create_app(root, commit=True)


@needs_git
def test_each_record_is_committed_with_its_logger_as_author(root):
    """A session logged by the implementer Yusuf goes to his own log, in one commit of that log alone, authored
    "Yusuf <imp@k1.invalid>"; a file changed but not written through the app stays out of it."""
    git(root, "init", "-q")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "add", ".")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    (root / "notes.txt").write_text("not for the app to commit\n")
    client = create_app(root, commit=True).test_client()
    response = post(client, "session", {**SESSION, "logged_by": "imp"}, follow_redirects=True)
    assert "committed to git as Yusuf <imp@k1.invalid>" in shown(response)
    assert git(root, "log", "-1", "--format=%an <%ae>|%s").strip() == "Yusuf <imp@k1.invalid>|session in k1, logged by Yusuf through mentoring serve"
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["cohorts/k1/logs/imp.toml"]
    assert "notes.txt" in git(root, "status", "--porcelain")
    post(client, "session", {**SESSION, "date": "2015-03-06"})  # no one named: the record's author, the mentor
    assert git(root, "log", "-1", "--format=%an <%ae>").strip() == "Rina <rina@k1.invalid>"
    assert git(root, "rev-list", "--count", "HEAD").strip() == "3"


# --- the command ---------------------------------------------------------------------------------------


def test_serve_listens_on_this_machine_and_prints_the_url(root, run, serve_stops_at_once):
    """`mentoring serve` listens on 127.0.0.1 port 8080, prints the URL, warns of nothing, and stops cleanly."""
    out = run("-w", str(root), "serve")
    assert out.exit_code == 0, out.output
    assert serve_stops_at_once == [("127.0.0.1", 8080)]
    assert f"Serving {root} at http://127.0.0.1:8080/" in out.stdout and out.stderr == ""
    assert out.stdout.endswith("Stopped.\n")


def test_serve_on_another_address_warns_that_anyone_there_can_write(root, run, serve_stops_at_once):
    """`--host 0.0.0.0 --port 9000` warns that anyone on the network can read and write the workspace."""
    out = run("-w", str(root), "serve", "--host", "0.0.0.0", "--port", "9000")
    assert out.exit_code == 0
    assert "warning: listening on 0.0.0.0: anyone who can reach this machine on that network can read and write" in out.stderr
    assert serve_stops_at_once == [("0.0.0.0", 9000)]


def test_serve_with_commit_outside_a_repository_is_a_usage_error(root, run, serve_stops_at_once):
    """--commit where there is no git repository: exit 2, one line saying so; no server is started."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    out = run("-w", str(root), "serve", "--commit")
    assert out.exit_code == 2 and out.stderr.startswith("mentoring: error: --commit: ") and "git init" in out.stderr
    assert serve_stops_at_once == []


def test_serve_on_a_port_in_use_is_a_usage_error(root, run):
    """A port another program listens on: exit 2 with the reason, no traceback."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        out = run("-w", str(root), "serve", "--port", str(taken.getsockname()[1]))
    assert out.exit_code == 2 and out.stderr.startswith("mentoring: error: cannot listen on 127.0.0.1 port")
    assert "Traceback" not in out.output


def test_serve_answers_on_the_url_it_prints_and_stops_on_ctrl_c(root):
    """The command as a user runs it: the URL it prints serves the cohorts page; Ctrl+C (SIGINT) stops it, exit 0."""
    import os
    import signal
    import sys
    import urllib.request

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([sys.executable, "-m", "mentoring", "-w", str(root), "serve", "--port", "0"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        first = child.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", first).group(1)
        with urllib.request.urlopen(url + "?as_of=2015-03-31", timeout=20) as response:
            assert response.status == 200 and 'data-cohort="k1"' in response.read().decode()
    finally:
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=20)
    assert child.returncode == 0 and "Stopped." in out


@needs_git
def test_commits_from_many_clients_at_once_are_one_per_record(root):
    """4 clients log 5 sessions each, two into k1 and two into k2, through an app that commits: 20 records and
    20 commits (after the first one, 21), and no log left uncommitted."""
    import threading

    make_workspace(root, {"cohorts/k2/cohort.toml": COHORT, ".gitignore": ".mentoring-log.lock\n.mentoring-log.holder\n"})
    git(root, "init", "-q")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "add", ".")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    app = create_app(root, commit=True)
    codes = []

    def client_logs(cohort: str) -> None:
        client = app.test_client()
        form_token = token(client, f"/cohorts/{cohort}/log/session")
        for n in range(5):
            response = client.post(f"/cohorts/{cohort}/log/session", data={CSRF_FIELD: form_token, **SESSION,
                                                                            "notes": f"{threading.get_ident()} {n}"})
            codes.append(response.status_code)

    threads = [threading.Thread(target=client_logs, args=(cohort,)) for cohort in ("k1", "k1", "k2", "k2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert codes == [303] * 20
    assert git(root, "rev-list", "--count", "HEAD").strip() == "21"
    assert git(root, "status", "--porcelain", "--", "cohorts").strip() == ""
    logs = [root / "cohorts" / cohort / "logs/rina.toml" for cohort in ("k1", "k2")]
    assert [log.read_text().count("[[session]]") for log in logs] == [10, 10]
