"""A deterministic synthetic workspace for benchmarks, written to FORMAT.md and valid under `mentoring check`.

    python benchmarks/generate.py OUT_DIR --participants N [--seed S]
    python benchmarks/generate.py OUT_DIR --shape programme [--seed S]

Two shapes. `--shape scale` (the default) grows with N, the number of participants:

- cohorts of about 25 participants (N // 25 cohorts, at least one; the first N % cohorts get one more),
  each with one or two mentors and an implementer, some participants joining late or leaving early;
- 20 sessions per participant, held at cohort level (a cohort of 25 holds 500 sessions): mostly group
  sessions whose `expected` is the default (everyone enrolled that day) with about 80% of those
  enrolled attending, and one in ten a one-to-one session with an explicit `expected`;
- 10 `[[output]]` records per participant, status changes sharing an `id` (draft, submitted,
  returned, accepted, published), some single-record outputs without an id;
- 5 assessments per participant: one self-assessment, three by their mentor, one by the implementer;
- 4 measurements per `reported` result per cohort.

So 10,000 participants give 400 cohorts, 200,000 sessions, 100,000 output records and 50,000
assessments. Three curricula between them use every measure (participants as a count and as a
percentage, outputs, sessions, hours, attendance, cadence, reported), a custom level scale, optional
assignments, a `min_status`, target overrides.

Logs are split per author, as the CLI writes them: `logs/<mentor>.toml` (sessions and that mentor's
assessments), `logs/<implementer>.toml` (assessments), `logs/<participant>.toml` (outputs and the
self-assessment) and `logs/measurements.toml`. Every record is dated within its cohort's dates and
every person attends or is expected only while enrolled, so `mentoring check` finds no error and
no warning.

`--shape programme` is one national programme as it stands after two years: 9 cohorts of 45
participants (405), each running for two years with a session every week (105 a cohort, one in ten
one-to-one), 24 `[[output]]` records per participant (about one a month), 8 assessments per
participant (a self-assessment, six by their mentor, one a quarter, and one by the implementer) and
8 measurements per `reported` result per cohort; about 450 files. It is the shape the reading
commands' start-up and warm runs are measured at (benchmarks/run.py --shape programme).

Each cohort draws from its own `random.Random(f"{seed}/{index}")`, so a cohort of a given size is
the same whatever N is (at 1,000 and 10,000 participants every cohort has 25, so the small scale's
40 cohorts are the large scale's first 40). TOML is written with f-strings.
`benchmark.json` at the workspace root records the parameters and the counts written; the runner
uses it to reuse a workspace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple, Optional

GENERATOR_VERSION = 1
MANIFEST = "benchmark.json"

COHORT_SIZE = 25
SESSIONS_PER_PARTICIPANT = 20
OUTPUT_RECORDS_PER_PARTICIPANT = 10
ASSESSMENTS_PER_PARTICIPANT = 5
MEASUREMENTS_PER_REPORTED_RESULT = 4
ONE_TO_ONE_SHARE = 0.1


class Shape(NamedTuple):
    """What a generated workspace looks like, apart from the number of participants."""

    name: str
    cohort_size: int
    """Participants per cohort (about: the participants are shared out among the cohorts)."""
    cohorts: Optional[int]
    """A fixed number of cohorts, or None: as many as the participants fill."""
    start_spread: int
    """Cohorts start on a day drawn from this many days after FIRST_START."""
    days: tuple[int, int]
    """A cohort's length in days, drawn from [low, high)."""
    session_every: Optional[int]
    """A session every this many days; None: SESSIONS_PER_PARTICIPANT per participant on random days."""
    output_records: int
    """[[output]] records per participant."""
    mentor_assessments: int
    """Assessments per participant by their mentor, spread evenly (besides the self-assessment and the implementer's)."""
    measurements: int
    """Measurements per `reported` result per cohort."""


SHAPES = {
    "scale": Shape("scale", COHORT_SIZE, None, 8 * 365, (240, 366), None, OUTPUT_RECORDS_PER_PARTICIPANT,
                   ASSESSMENTS_PER_PARTICIPANT - 2, MEASUREMENTS_PER_REPORTED_RESULT),
    "programme": Shape("programme", 45, 9, 365, (729, 730), 7, 24, 6, 8),
}

DAY = dt.timedelta(days=1)
FIRST_START = dt.date(2016, 1, 4)

# --- the curricula ------------------------------------------------------------------------------

CURRICULA: list[dict[str, Any]] = [
    {
        "id": "digital-advocacy",
        "prefix": "advocacy",
        "title": "Mentoring in social media for advocacy",
        "summary": "Cadres of member unions learn to run the federation's Facebook page and website "
                   "and to turn union work into knowledge products that can be shared.",
        "organisation": "Federation of women's unions",
        "language": "id",
        "objectives": [
            ("share-knowledge", "Turn data from union work into knowledge products that can be shared."),
            ("run-facebook", "Manage the Facebook page as a channel for the unions' advocacy."),
            ("run-website", "Write, edit and publish articles on the website."),
            ("routine-theme", "Keep one advocacy theme updated routinely."),
        ],
        "competencies": [
            ("facebook-page", "Managing the Facebook page", None),
            ("website", "Managing the website", None),
            ("advocacy-writing", "Writing for advocacy", None),
            ("documentation", "Documenting union work in photo, audio and video",
             ["not yet", "with help", "alone", "fluent", "teaches others"]),
        ],
        "modules": [
            ("km-refresher", "From data to knowledge products", 4, ["share-knowledge"]),
            ("facebook", "Managing the Facebook page", 6, ["run-facebook"]),
            ("website", "Managing the website", 6, ["run-website"]),
            ("writing", "Writing for advocacy", 8, ["share-knowledge", "run-website"]),
            ("multimedia", "Photo, audio and video", 4, ["share-knowledge"]),
            ("editorial", "Editorial plan: one theme, updated routinely", 3, ["routine-theme"]),
        ],
        "output_kinds": [
            ("facebook-post", "Post on the Facebook page", "social media"),
            ("website-article", "Article on the website", "web"),
            ("visual", "Photo story, poster or infographic", "visual"),
            ("audio-visual", "Video documentation", "audio-visual"),
            ("print", "Leaflet, bulletin or book", "print"),
        ],
        # id, title, module, output kind, due_day, required, min_status
        "assignments": [
            ("first-post", "First post on the advocacy theme", "facebook", "facebook-post", 21, True, None),
            ("website-article", "An article on a union's advocacy, published", "writing", "website-article", 60, True, "published"),
            ("photo-story", "Photo story of a union activity", "multimedia", "visual", 90, True, None),
            ("digitise-product", "Digitise one knowledge product kept at the secretariat", "km-refresher", None, 120, False, None),
        ],
        "free_kinds": ["facebook-post", "facebook-post", "website-article", "visual", "audio-visual"],
        "completion": {"assignments": "required", "attendance": "60%",
                       "competencies": {"facebook-page": "independent", "website": 1}},
        "results": [
            {"id": "cadres-skilled", "statement": "Cadres able to manage the page and the website",
             "measure": "participants", "target": 15,
             "criteria": {"competencies": {"facebook-page": "independent", "website": "independent"}}},
            {"id": "completed-share", "statement": "Share of cadres who complete the mentoring",
             "measure": "participants", "target": "70%"},
            {"id": "theme-updated", "statement": "The advocacy theme updated every fortnight (two posts or articles)",
             "measure": "cadence", "target": "75%", "kinds": ["facebook-post", "website-article"],
             "every_days": 14, "from_day": 14, "per_period": 2},
            {"id": "sessions-held", "statement": "Mentoring sessions held", "measure": "sessions", "target": 400},
            {"id": "writing-sessions", "statement": "Sessions on writing and the website",
             "measure": "sessions", "target": 120, "modules": ["writing", "website"]},
            {"id": "mentoring-hours", "statement": "Hours of mentoring", "measure": "hours", "target": 900},
            {"id": "attendance", "statement": "Cadres attend the sessions they are expected at",
             "measure": "attendance", "target": "80%"},
            {"id": "articles-published", "statement": "Articles published on the website",
             "measure": "outputs", "target": 40, "kinds": ["website-article"], "min_status": "published"},
            {"id": "photo-stories", "statement": "Photo stories accepted", "measure": "outputs",
             "target": 20, "assignment": "photo-story", "due_day": 150},
            {"id": "page-followers", "statement": "People following the Facebook page",
             "measure": "reported", "target": 1000, "baseline": 350},
            {"id": "catalogue", "statement": "Kinds of knowledge product catalogued",
             "measure": "reported", "target": 12, "baseline": 0, "due_day": 120},
        ],
        "reported": {"page-followers": (350, 1100), "catalogue": (0, 12)},
    },
    {
        "id": "ngo-fundraising",
        "prefix": "fundraising",
        "title": "Fundraising with digital material for NGO activists",
        "summary": "Activists of local NGOs learn to plan a fundraising campaign, make its material "
                   "and report to donors.",
        "organisation": "Volunteer cooperation programme",
        "language": "en",
        "objectives": [
            ("plan-campaign", "Plan a fundraising campaign with a target and a timeline."),
            ("make-material", "Make the campaign's material: a proposal, a video, posts."),
            ("report-donors", "Report to donors what their money did."),
        ],
        "competencies": [
            ("campaign-planning", "Planning a campaign", None),
            ("proposal-writing", "Writing a proposal", None),
            ("video-making", "Making a short video", ["none", "basic", "good"]),
        ],
        "modules": [
            ("why-fundraise", "Why and from whom to raise funds", 3, ["plan-campaign"]),
            ("campaign", "Planning the campaign", 6, ["plan-campaign"]),
            ("proposal", "Writing the proposal", 8, ["make-material"]),
            ("video", "Shooting and editing a short video", 6, ["make-material"]),
            ("reporting", "Reporting to donors", 4, ["report-donors"]),
        ],
        "output_kinds": [
            ("proposal", "Funding proposal", "print"),
            ("video", "Campaign video", "audio-visual"),
            ("post", "Campaign post", "social media"),
            ("donor-report", "Report to donors", "print"),
        ],
        "assignments": [
            ("campaign-plan", "A campaign plan with a target and a timeline", "campaign", None, 30, True, None),
            ("proposal", "A proposal to one real donor", "proposal", "proposal", 75, True, None),
            ("video", "A two-minute campaign video", "video", "video", 110, True, "accepted"),
            ("donor-report", "A report to donors", "reporting", "donor-report", 160, False, "submitted"),
        ],
        "free_kinds": ["post", "post", "post", "video", "proposal"],
        "completion": {"assignments": ["campaign-plan", "proposal", "video"], "attendance": "70%",
                       "competencies": {"proposal-writing": "basic"}},
        "results": [
            {"id": "activists-complete", "statement": "Activists who complete the training",
             "measure": "participants", "target": 18},
            {"id": "video-makers", "statement": "Share of activists who make a good video",
             "measure": "participants", "target": "40%",
             "criteria": {"assignments": ["video"], "competencies": {"video-making": "good"}}},
            {"id": "proposals", "statement": "Proposals accepted by the mentors", "measure": "outputs",
             "target": 25, "kinds": ["proposal"]},
            {"id": "posts", "statement": "Campaign posts submitted or better", "measure": "outputs",
             "target": 100, "kinds": ["post"], "min_status": "submitted"},
            {"id": "sessions", "statement": "Training sessions held", "measure": "sessions", "target": 450},
            {"id": "hours", "statement": "Training hours", "measure": "hours", "target": 1000},
            {"id": "proposal-hours", "statement": "Hours on proposals and reporting", "measure": "hours",
             "target": 250, "modules": ["proposal", "reporting"]},
            {"id": "attendance", "statement": "Attendance at the video sessions", "measure": "attendance",
             "target": "75%", "modules": ["video"]},
            {"id": "weekly-posts", "statement": "A campaign post accepted every week", "measure": "cadence",
             "target": "50%", "kinds": ["post"], "every_days": 7},
            {"id": "funds-raised", "statement": "Funds raised by the campaigns (million rupiah)",
             "measure": "reported", "target": 250, "baseline": 0},
        ],
        "reported": {"funds-raised": (0, 300)},
    },
    {
        "id": "community-health",
        "prefix": "health",
        "title": "Community health volunteers' outreach",
        "summary": "Volunteers of the local branches learn first aid, hygiene promotion and how to "
                   "document their outreach.",
        "organisation": "National Red Cross society",
        "language": "id",
        "objectives": [
            ("first-aid", "Give first aid and teach it."),
            ("hygiene", "Promote hygiene in households and schools."),
            ("document", "Document outreach for the branch and its donors."),
        ],
        "competencies": [
            ("first-aid", "First aid", None),
            ("hygiene-promotion", "Hygiene promotion", None),
            ("outreach-reporting", "Reporting outreach", None),
        ],
        "modules": [
            ("first-aid", "First aid", 10, ["first-aid"]),
            ("hygiene", "Hygiene promotion", 8, ["hygiene"]),
            ("schools", "Working with schools", 4, ["hygiene"]),
            ("documentation", "Documenting outreach", 4, ["document"]),
        ],
        "output_kinds": [
            ("outreach-report", "Outreach report", "print"),
            ("photo", "Photo documentation", "visual"),
            ("school-plan", "School hygiene plan", "print"),
        ],
        "assignments": [
            ("first-report", "A first outreach report", "documentation", "outreach-report", 45, True, None),
            ("school-plan", "A hygiene plan agreed with one school", "schools", "school-plan", 120, True, None),
        ],
        "free_kinds": ["outreach-report", "outreach-report", "photo"],
        "completion": {"assignments": "required", "attendance": "65%",
                       "competencies": {"first-aid": "independent"}},
        "results": [
            {"id": "volunteers-ready", "statement": "Volunteers able to teach first aid",
             "measure": "participants", "target": 10,
             "criteria": {"competencies": {"first-aid": "can teach others"}}},
            {"id": "complete", "statement": "Share of volunteers who complete",
             "measure": "participants", "target": "75%"},
            {"id": "reports", "statement": "Outreach reports accepted", "measure": "outputs", "target": 120,
             "kinds": ["outreach-report"]},
            {"id": "school-plans", "statement": "School plans accepted", "measure": "outputs", "target": 20,
             "assignment": "school-plan"},
            {"id": "sessions", "statement": "Sessions held", "measure": "sessions", "target": 480},
            {"id": "first-aid-hours", "statement": "Hours of first aid training", "measure": "hours",
             "target": 300, "modules": ["first-aid"]},
            {"id": "attendance", "statement": "Attendance", "measure": "attendance", "target": "80%"},
            {"id": "monthly-reports", "statement": "Outreach reported every month", "measure": "cadence",
             "target": "90%", "kinds": ["outreach-report"], "every_days": 30, "min_status": "submitted"},
            {"id": "households", "statement": "Households reached", "measure": "reported",
             "target": 5000, "baseline": 0},
            {"id": "schools-reached", "statement": "Schools reached", "measure": "reported",
             "target": 25, "baseline": 2, "due_day": 200},
        ],
        "reported": {"households": (0, 5600), "schools-reached": (2, 27)},
    },
]

STATUS_PATTERNS = [  # weight, statuses of one output's records in date order
    (30, ["submitted", "accepted"]),
    (15, ["submitted", "returned", "submitted", "accepted"]),
    (15, ["submitted", "accepted", "published"]),
    (10, ["draft", "submitted", "accepted"]),
    (10, ["submitted"]),
    (10, ["accepted"]),
    (5, ["draft"]),
    (5, ["submitted", "returned"]),
]
PUBLISHED_PATTERNS = [
    (60, ["submitted", "accepted", "published"]),
    (20, ["draft", "submitted", "published"]),
    (20, ["submitted", "accepted"]),
]

FIRST_NAMES = (
    "aminah dewi sri kartini lestari nurhayati rahmawati rosmawati juliana siti wahyuni yuliana fitri "
    "ratna indah ani eka tuti yanti endang suryani marlina mega putri ayu nur dian ika lina maria "
    "agustina hartini kurniasih listiani maya novita purnama ratih safitri tri umi wulan yohana zainab "
    "budi agus andi bambang dedi eko hendra irwan joko made nyoman rudi slamet teguh wayan yusuf ahmad "
    "bayu fajar gilang hadi ilham rizki surya taufik"
).split()
MENTOR_NAMES = "rina kartika hasanah irma lusi darmawan harun sitorus melati yanto".split()
LAST_NAMES = (
    "Siregar Nasution Lubis Harahap Simanjuntak Pane Hutapea Wijaya Santoso Pratama Saputra Hidayat "
    "Rahman Susanti Utami Handayani Kusuma Permata Sari Ginting Tarigan Sembiring Manurung"
).split()
PLACES = (
    "medan binjai asahan batubara labuhanbatu kupang makassar jayapura padang pontianak ambon mataram "
    "palu kendari manado yogyakarta semarang surabaya malang bandung"
).split()
ORGANISATIONS = [
    "Serikat Perempuan Independen", "Serikat Petani Sawit", "Serikat Nelayan", "Yayasan Pesisir",
    "Forum Warga", "Koperasi Perempuan", "Perkumpulan Guru", "Serikat Buruh Kebun",
]
GROUPS = ["already on social media", "new to social media", "union officers", "youth wing", "district office"]
TITLES = [
    "Women farmers and the health insurance card", "How the union won the land case", "Voices from the market",
    "Why the cooperative matters", "A day with the fishing families", "Clean water for the village school",
    "The long queue at the district office", "Training the next cadres", "Our campaign in pictures",
    "What the budget hearing decided", "Mothers' savings group, one year on", "Listening to the plantation workers",
]
NOTES = [
    "Practised on the participants' own phones.", "Went through last week's posts together.",
    "Power cut halfway; finished by hand.", "Reviewed drafts one by one.", "Guest speaker from the district office.",
    "Short session: the hall was needed for a wedding.",
]
FOLLOW_UPS = ["Send the edited drafts back by Friday", "Ask the secretariat for the photo archive",
              "Book the hall for next month", "Share the checklist in the group chat"]


# --- writing TOML -------------------------------------------------------------------------------


def q(text: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def ids(items: list[str]) -> str:
    """A one-line TOML array of plain ids (slugs need no escaping)."""
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def value(item: Any) -> str:
    """A TOML value: string, bool, number, date, list or inline table."""
    if isinstance(item, str):
        return q(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return repr(item)
    if isinstance(item, dt.date):
        return item.isoformat()
    if isinstance(item, list):
        return "[" + ", ".join(value(x) for x in item) + "]"
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(v)}" for k, v in item.items()) + " }"
    raise TypeError(f"no TOML for {item!r}")


def key(name: str) -> str:
    """A bare key when it can be one, else a quoted one."""
    return name if name.replace("-", "").replace("_", "").isalnum() and name.isascii() else q(name)


def curriculum_text(cur: dict[str, Any]) -> str:
    """A curriculum file."""
    out = [f"# Synthetic benchmark curriculum (benchmarks/generate.py, version {GENERATOR_VERSION}).", ""]
    for name in ("title", "summary", "organisation", "language"):
        out.append(f"{name} = {q(cur[name])}")
    for id_, text in cur["objectives"]:
        out += ["", "[[objectives]]", f'id = "{id_}"', f"text = {q(text)}"]
    for id_, title, levels in cur["competencies"]:
        out += ["", "[[competencies]]", f'id = "{id_}"', f"title = {q(title)}"]
        if levels:
            out.append(f"levels = {value(levels)}")
    for id_, title, hours, objectives in cur["modules"]:
        out += ["", "[[modules]]", f'id = "{id_}"', f"title = {q(title)}", f"hours = {hours}",
                f"objectives = {ids(objectives)}"]
    for id_, title, medium in cur["output_kinds"]:
        out += ["", "[[output_kinds]]", f'id = "{id_}"', f"title = {q(title)}", f"medium = {q(medium)}"]
    for id_, title, module, output, due_day, required, min_status in cur["assignments"]:
        out += ["", "[[assignments]]", f'id = "{id_}"', f"title = {q(title)}", f'module = "{module}"']
        if output:
            out.append(f'output = "{output}"')
        out.append(f"due_day = {due_day}")
        if not required:
            out.append("required = false")
        if min_status:
            out.append(f'min_status = "{min_status}"')
    out += ["", "[completion]"] + [f"{name} = {value(item)}" for name, item in cur["completion"].items()]
    for result in cur["results"]:
        out += ["", "[[results]]"] + [f"{key(name)} = {value(item)}" for name, item in result.items()]
    return "\n".join(out) + "\n"


# --- one cohort ---------------------------------------------------------------------------------


class Person:
    __slots__ = ("id", "name", "role", "organisation", "group", "joined", "left", "contact", "first", "last", "mentor")

    def __init__(self, id_: str, name: str, role: str):
        self.id, self.name, self.role = id_, name, role
        self.organisation: Optional[str] = None
        self.group: Optional[str] = None
        self.joined: Optional[dt.date] = None
        self.left: Optional[dt.date] = None
        self.contact: Optional[str] = None
        self.first = self.last = dt.date.min  # the first and last day enrolled
        self.mentor = ""

    def text(self) -> str:
        out = ["[[people]]", f'id = "{self.id}"', f"name = {q(self.name)}", f'role = "{self.role}"']
        for name in ("organisation", "group", "joined", "left", "contact"):
            item = getattr(self, name)
            if item is not None:
                out.append(f"{name} = {value(item)}")
        return "\n".join(out)


def weighted(rng: random.Random, table: list[tuple[int, list[str]]]) -> list[str]:
    return rng.choices([item for _, item in table], weights=[w for w, _ in table])[0]


def clamp(day: dt.date, lo: dt.date, hi: dt.date) -> dt.date:
    return lo if day < lo else hi if day > hi else day


class CohortWriter:
    """Everything about one cohort: its people, then its records, grouped into one text per log file."""

    def __init__(self, root: Path, index: int, size: int, seed: int, shape: Shape = SHAPES["scale"]):
        self.rng = rng = random.Random(f"{seed}/{index}")
        self.shape = shape
        self.cur = CURRICULA[index % len(CURRICULA)]
        self.index = index
        self.id = f"{self.cur['prefix']}-{PLACES[index % len(PLACES)]}-{index + 1:04d}"
        self.folder = root / "cohorts" / self.id
        self.start = FIRST_START + dt.timedelta(days=rng.randrange(0, shape.start_spread))
        self.end = self.start + dt.timedelta(days=rng.randrange(*shape.days))
        self.days = (self.end - self.start).days
        taken: set[str] = {"measurements"}

        def new_id(first: str) -> str:
            id_, n = first, 2
            while id_ in taken:
                id_, n = f"{first}-{n}", n + 1
            taken.add(id_)
            return id_

        self.participants: list[Person] = []
        for n in range(size):
            first = rng.choice(FIRST_NAMES)
            person = Person(new_id(first), f"{first.capitalize()} {rng.choice(LAST_NAMES)}", "participant")
            person.organisation = rng.choice(ORGANISATIONS)
            if rng.random() < 0.8:
                person.group = rng.choice(GROUPS)
            if rng.random() < 0.3:
                person.contact = f"+62 8{rng.randrange(10**9, 10**10)}"
            person.first, person.last = self.start, self.end
            if n and rng.random() < 0.05:  # joined late (the first participant stays throughout)
                person.joined = self.start + dt.timedelta(days=rng.randrange(7, 46))
                person.first = person.joined
            if n and rng.random() < 0.05:  # left early (the last day enrolled is the day before `left`)
                person.left = self.start + dt.timedelta(days=rng.randrange(120, self.days - 20))
                person.last = person.left - DAY
            self.participants.append(person)
        self.mentors = []
        for _ in range(1 if rng.random() < 0.5 else 2):
            first = rng.choice(MENTOR_NAMES)
            mentor = Person(new_id(first), f"{first.capitalize()} {rng.choice(LAST_NAMES)}",
                            "facilitator" if rng.random() < 0.2 else "mentor")
            self.mentors.append(mentor)
        first = rng.choice(MENTOR_NAMES)
        self.implementer = Person(new_id(first), f"{first.capitalize()} {rng.choice(LAST_NAMES)}", "implementer")
        self.implementer.organisation = self.cur["organisation"]
        for n, person in enumerate(self.participants):
            person.mentor = self.mentors[n % len(self.mentors)].id
        self.modules = [m[0] for m in self.cur["modules"]]
        self.levels = {c[0]: (c[2] or ["not yet", "basic", "independent", "can teach others"])
                       for c in self.cur["competencies"]}
        # log file name to [(date, record text)], kept in the order records are made
        self.logs: dict[str, list[tuple[dt.date, str]]] = {}
        self.counts = {"sessions": 0, "output_records": 0, "outputs": 0, "assessments": 0, "measurements": 0}

    def day(self, lo: dt.date, hi: dt.date) -> dt.date:
        return lo + dt.timedelta(days=self.rng.randrange(0, (hi - lo).days + 1))

    def add(self, author: str, date: dt.date, text: str) -> None:
        self.logs.setdefault(author, []).append((date, text))

    # -- cohort.toml

    def cohort_text(self) -> str:
        cur = self.cur
        out = [f"# Synthetic benchmark cohort (benchmarks/generate.py, version {GENERATOR_VERSION}).",
               f'curriculum = "{cur["id"]}"', f"title = {q(cur['title'] + ', ' + self.id)}",
               f"location = {q(PLACES[self.index % len(PLACES)].capitalize())}",
               f"organisation = {q(cur['organisation'])}", 'funder = "Benchmark Foundation"',
               f"start = {self.start}", f"end = {self.end}"]
        if self.index % 3 == 1:  # override a count target and a rate target
            counts = [r for r in cur["results"] if r["measure"] in ("sessions", "outputs")]
            rates = [r for r in cur["results"] if r["measure"] in ("attendance", "cadence")]
            out += ["", "[targets]", f'{counts[0]["id"]} = {int(counts[0]["target"] * 0.9)}',
                    f'{rates[0]["id"]} = "70%"']
        for person in (*self.participants, *self.mentors, self.implementer):
            out += ["", person.text()]
        return "\n".join(out) + "\n"

    # -- sessions

    def sessions(self, count: int) -> None:
        """`count` sessions on random days, or (with the shape's session_every) one every so many days."""
        rng = self.rng
        if self.shape.session_every:
            dates = [self.start + dt.timedelta(days=day) for day in range(0, self.days + 1, self.shape.session_every)]
            count = len(dates)
        else:
            dates = sorted(self.start + dt.timedelta(days=rng.randrange(0, self.days + 1)) for _ in range(count))
        changes = sorted({p.first for p in self.participants} | {p.last + DAY for p in self.participants})
        enrolled: list[Person] = []
        next_change = 0
        mentors = self.mentors
        for n, date in enumerate(dates):
            if next_change < len(changes) and date >= changes[next_change]:
                while next_change < len(changes) and date >= changes[next_change]:
                    next_change += 1
                enrolled = [p for p in self.participants if p.first <= date <= p.last]
            modules = rng.sample(self.modules, 1 if rng.random() < 0.7 else 2)
            lines = ["[[session]]", f"date = {date}"]
            if rng.random() < ONE_TO_ONE_SHARE:
                person = rng.choice(enrolled)
                lines += [f'mentor = "{person.mentor}"', f"hours = {rng.choice((1, 1, 1.5))}",
                          f"modules = {ids(modules)}", f'expected = ["{person.id}"]',
                          f'attended = ["{person.id}"]' if rng.random() < 0.85 else "attended = []"]
                mentor = person.mentor
            else:
                mentor = mentors[n % len(mentors)].id
                k = round(len(enrolled) * rng.uniform(0.7, 0.9))
                chosen = sorted(rng.sample(range(len(enrolled)), k))
                lines += [f'mentor = "{mentor}"', f"hours = {rng.choice((2, 2, 3, 3, 4, 1.5))}",
                          f"modules = {ids(modules)}", f"attended = {ids([enrolled[i].id for i in chosen])}"]
            if rng.random() < 0.3:
                lines.append(f"notes = {q(rng.choice(NOTES))}")
            if rng.random() < 0.1:
                lines.append(f"follow_up = {value(rng.sample(FOLLOW_UPS, 2))}")
            self.add(mentor, date, "\n".join(lines))
        self.counts["sessions"] += count

    # -- outputs

    def outputs(self, person: Person, budget: int) -> None:
        rng = self.rng
        plan: list[tuple[str, Optional[str], list[str], dt.date]] = []  # kind, assignment, statuses, first day
        for id_, _title, _module, kind, due_day, required, min_status in self.cur["assignments"]:
            if rng.random() < (0.9 if required else 0.5):
                patterns = PUBLISHED_PATTERNS if min_status == "published" else STATUS_PATTERNS
                due = self.start + dt.timedelta(days=due_day - rng.randrange(0, 15))
                plan.append((kind or rng.choice(self.cur["free_kinds"]), id_, weighted(rng, patterns), due))
        while sum(len(p[2]) for p in plan) < budget:
            plan.append((rng.choice(self.cur["free_kinds"]), None, weighted(rng, STATUS_PATTERNS),
                         self.day(person.first, person.last)))
        left = budget
        for n, (kind, assignment, statuses, first) in enumerate(plan):
            if left == 0:
                break
            statuses = statuses[:left]
            left -= len(statuses)
            self.counts["outputs"] += 1
            output_id = f"{person.id}-{kind}-{n + 1}" if len(statuses) > 1 or rng.random() < 0.5 else None
            title = rng.choice(TITLES)
            date = clamp(first, person.first, person.last)
            for step, status in enumerate(statuses):
                if step:
                    date = min(date + dt.timedelta(days=rng.randrange(2, 15)), person.last)
                lines = ["[[output]]", f"date = {date}"]
                if output_id:
                    lines.append(f'id = "{output_id}"')
                lines += [f'participant = "{person.id}"', f'kind = "{kind}"']
                if assignment:
                    lines.append(f'assignment = "{assignment}"')
                lines += [f"title = {q(title)}", f'status = "{status}"']
                if status in ("accepted", "returned", "published"):
                    lines.append(f'reviewed_by = "{person.mentor}"')
                if status == "published":
                    lines.append(f'url = "https://example.org/{self.id}/{output_id or person.id}"')
                self.add(person.id, date, "\n".join(lines))
        self.counts["output_records"] += budget

    # -- assessments

    def assessment(self, person: Person, by: str, date: dt.date, competency: str, level: int,
                   author: str, notes: Optional[str] = None) -> None:
        scale = self.levels[competency]
        level = min(level, len(scale) - 1)
        written = f"{q(scale[level])}" if self.rng.random() < 0.3 else str(level)
        lines = ["[[assessment]]", f"date = {date}", f'participant = "{person.id}"',
                 f'competency = "{competency}"', f"level = {written}", f'by = "{by}"']
        if notes:
            lines.append(f"notes = {q(notes)}")
        self.add(author, date, "\n".join(lines))
        self.counts["assessments"] += 1

    def assessments(self, person: Person) -> None:
        rng = self.rng
        competencies = list(self.levels)
        span = (person.last - person.first).days
        steps = self.shape.mentor_assessments
        part = dt.timedelta(days=span // steps)
        self.assessment(person, "self", self.day(person.first, person.first + dt.timedelta(days=min(7, span))),
                        rng.choice(competencies), rng.randrange(0, 2), person.id,
                        "Self-assessment at the start.")
        for step in range(steps):  # by the mentor, spread over the enrolment (early, middle, late); levels rise
            lo = person.first + part * step
            self.assessment(person, person.mentor, self.day(lo, min(lo + part, person.last)),
                            rng.choice(competencies), step + rng.randrange(0, 2), person.mentor)
        self.assessment(person, self.implementer.id, self.day(person.first + part * (steps - 1), person.last),
                        rng.choice(competencies), 2 + rng.randrange(0, 2), self.implementer.id,
                        "End-of-programme review.")

    # -- measurements

    def measurements(self) -> None:
        rng = self.rng
        for result, (low, high) in self.cur["reported"].items():
            steps = self.shape.measurements
            for step in range(1, steps + 1):
                date = self.start + dt.timedelta(days=self.days * step // steps)
                figure = low + (high - low) * step // steps + rng.randrange(-2, 3)
                lines = ["[[measurement]]", f"date = {date}", f'result = "{result}"', f"value = {max(figure, 0)}",
                         'source = "branch records"']
                self.add("measurements", date, "\n".join(lines))
                self.counts["measurements"] += 1

    # -- all of it

    def write(self) -> dict[str, int]:
        size = len(self.participants)
        self.sessions(SESSIONS_PER_PARTICIPANT * size)
        for person in self.participants:
            self.outputs(person, self.shape.output_records)
            self.assessments(person)
        self.measurements()
        logs = self.folder / "logs"
        logs.mkdir(parents=True)
        (self.folder / "cohort.toml").write_text(self.cohort_text(), encoding="utf-8")
        for author, records in self.logs.items():
            records.sort(key=lambda pair: pair[0])  # stable: same-day records keep the order they were made
            header = f"# Log of {author} in cohort {self.id} (synthetic, benchmarks/generate.py).\n\n"
            (logs / f"{author}.toml").write_text(header + "\n\n".join(text for _, text in records) + "\n",
                                                 encoding="utf-8")
        return {**self.counts, "participants": size, "people": size + len(self.mentors) + 1,
                "log_files": len(self.logs)}


# --- the workspace ------------------------------------------------------------------------------


def participants_of(shape: Shape, participants: Optional[int]) -> int:
    """The number of participants: as asked, or the shape's own when it has a fixed number of cohorts."""
    if shape.cohorts is not None:
        fixed = shape.cohorts * shape.cohort_size
        if participants not in (None, fixed):
            raise ValueError(f"--shape {shape.name} has {fixed} participants; leave out --participants")
        return fixed
    if participants is None:
        raise ValueError(f"--shape {shape.name} needs --participants")
    if participants < 3:
        raise ValueError("--participants must be at least 3")
    return participants


def cohort_sizes(participants: int, shape: Shape = SHAPES["scale"]) -> list[int]:
    """Participants per cohort: about the shape's cohort size each, all of them placed."""
    count = shape.cohorts or max(1, participants // shape.cohort_size)
    return [participants // count + (1 if n < participants % count else 0) for n in range(count)]


def promised(participants: int, shape: Shape = SHAPES["scale"]) -> dict[str, int]:
    """The counts the generator writes, from its parameters alone."""
    cohorts = len(cohort_sizes(participants, shape))
    if shape.session_every:  # every cohort of the shape lasts days[0] days: a session on day 0, 7, ...
        sessions = cohorts * len(range(0, shape.days[0] + 1, shape.session_every))
    else:
        sessions = SESSIONS_PER_PARTICIPANT * participants
    return {
        "participants": participants,
        "cohorts": cohorts,
        "sessions": sessions,
        "output_records": shape.output_records * participants,
        "assessments": (shape.mentor_assessments + 2) * participants,
    }


def read_manifest(out: Path) -> Optional[dict[str, Any]]:
    """The manifest of a generated workspace, or None."""
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def generate(out: Path, participants: Optional[int] = None, seed: int = 1, shape: str = "scale") -> dict[str, Any]:
    """Write the workspace into `out` (empty, missing, or an earlier generated workspace) and return its manifest."""
    form = SHAPES[shape]
    participants = participants_of(form, participants)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if read_manifest(out) is None:
            raise FileExistsError(f"{out} is not empty and holds no {MANIFEST}; refusing to overwrite it")
        for name in ("curricula", "cohorts", MANIFEST):
            path = out / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    started = time.perf_counter()
    (out / "curricula").mkdir(parents=True)
    for cur in CURRICULA:
        (out / "curricula" / f"{cur['id']}.toml").write_text(curriculum_text(cur), encoding="utf-8")
    totals: dict[str, int] = {}
    last_end = FIRST_START
    for index, size in enumerate(cohort_sizes(participants, form)):
        writer = CohortWriter(out, index, size, seed, form)
        for name, n in writer.write().items():
            totals[name] = totals.get(name, 0) + n
        last_end = max(last_end, writer.end)
    files = [p for p in out.rglob("*.toml")]
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "shape": shape,
        "participants": participants,
        "seed": seed,
        "curricula": len(CURRICULA),
        "cohorts": len(cohort_sizes(participants, form)),
        **totals,
        "toml_files": len(files),
        "toml_bytes": sum(p.stat().st_size for p in files),
        "as_of": last_end.isoformat(),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def workspace(base: Path, participants: Optional[int], seed: int = 1,
              shape: str = "scale") -> tuple[Path, dict[str, Any], Optional[float]]:
    """The generated workspace at this scale (`participants-N`) or of this shape (`programme`)
    under base, reused when its manifest matches, else written by this script in a child process;
    its manifest; seconds spent generating (None when reused). The benchmarks share it through
    `--keep DIR`."""
    root = Path(base) / (f"participants-{participants}" if shape == "scale" else shape)
    manifest = read_manifest(root)
    if (manifest and manifest.get("shape", "scale") == shape and manifest.get("seed") == seed
            and (participants is None or manifest.get("participants") == participants)
            and manifest.get("generator_version") == GENERATOR_VERSION):
        return root, manifest, None
    started = time.perf_counter()
    size = [] if participants is None else ["--participants", str(participants)]
    subprocess.run([sys.executable, str(Path(__file__).resolve()), str(root), *size, "--shape", shape,
                    "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    return root, read_manifest(root) or {}, time.perf_counter() - started


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the workspace folder to write (empty, missing, or generated before)")
    parser.add_argument("--participants", type=int,
                        help="number of participants (everything scales with it); --shape programme has its own 405")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="scale",
                        help="scale (the default: grows with --participants) or programme (9 cohorts of 45, two years)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    try:
        manifest = generate(args.out, args.participants, args.seed, args.shape)
    except (ValueError, FileExistsError) as exc:
        print(f"generate.py: error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
