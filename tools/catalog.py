"""Bring the Indonesian catalog up to date with the labels in the code and templates.

    python tools/catalog.py          # add new labels (untranslated), drop labels no longer used
    python tools/catalog.py --check  # exit 1 listing labels without a translation (as the tests do)

Labels are marked in Python with `N_("...")` (or `_`/`gettext`) and in templates with `_("...")`
or `N_("...")`; the English text is the message id. Translations already in the catalog are kept.
After adding, write the Indonesian for every empty `msgstr` in
src/mentoring/i18n/id/LC_MESSAGES/mentoring.po.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from mentoring.i18n import CATALOGS, DOMAIN, messages  # noqa: E402

FIXED = datetime.datetime(2015, 1, 1, tzinfo=datetime.timezone.utc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list labels without a translation")
    parser.add_argument("--lang", default="id")
    args = parser.parse_args()
    path = CATALOGS / args.lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    old = read_po(path.open("rb"), locale=args.lang) if path.exists() else Catalog(locale=args.lang)
    found = messages()
    missing = sorted(m for m in found if not (old.get(m) and old.get(m).string))
    if args.check:
        for message in missing:
            print(f"no translation: {message!r}")
        return 1 if missing else 0
    # Fixed dates, so that the file changes only when a label does.
    new = Catalog(locale=args.lang, project="mentoring", version="1", domain=DOMAIN,
                  creation_date=FIXED, revision_date=FIXED, last_translator="mentoring", language_team="mentoring",
                  header_comment="# Indonesian labels of mentoring's reports (tools/catalog.py keeps this file up to date).",
                  charset="utf-8", fuzzy=False)
    for message, places in sorted(found.items(), key=lambda item: item[1][0]):
        kept = old.get(message)
        new.add(message, kept.string if kept else "", locations=sorted(set(places)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, new, width=100, omit_header=False, sort_output=False, include_lineno=False)
    print(f"{path.relative_to(ROOT)}: {len(found)} labels, {len(missing)} without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
