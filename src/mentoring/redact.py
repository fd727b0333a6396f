"""Redaction for reports that leave the organisation: no participant's name, id or contact.

The same stand-in serves figures and problem messages alike, so that a redacted report and a
redacted `check` name each participant by the same pseudonym.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import attrs

from .model import Cohort
from .problems import Problem
from .progress import Progress


def pseudonym(cohort: str, person: str) -> str:
    """A stable stand-in for a person's id: the same person of the same cohort always gets the same one."""
    return "p-" + hashlib.blake2b(f"{cohort}/{person}".encode(), digest_size=4).hexdigest()


def alias_name(cohort: str, person: str) -> str:
    """What a redacted report shows for a participant's name: `Participant 1a2b3c4d`."""
    return f"Participant {pseudonym(cohort, person)[2:]}"


def redact(figures: Progress) -> Progress:
    """The same figures with participants' ids and names replaced by stable pseudonyms.
    Groups and organisations are kept."""
    people = tuple(
        attrs.evolve(person, id=pseudonym(figures.cohort, person.id), name=alias_name(figures.cohort, person.id))
        for person in figures.participants
    )
    return attrs.evolve(figures, participants=people)


def swaps(cohorts: Iterable[Cohort]) -> list[tuple[str, str]]:
    """What redaction replaces in messages, in order: each participant's name by their pseudonym
    (as in redacted reports), each contact by "[contact]"."""
    out: list[tuple[str, str]] = []
    for cohort in cohorts:
        for person in cohort.participants:
            out.append((person.name, alias_name(cohort.id, person.id)))
            if person.contact:
                out.append((person.contact, "[contact]"))
    return [(old, new) for old, new in out if old.strip()]


def apply_swaps(replacements: Iterable[tuple[str, str]], problems: Iterable[Problem]) -> list[Problem]:
    """Problems whose messages have each swap made, in order."""
    replacements = list(replacements)
    out = []
    for problem in problems:
        message = problem.message
        for old, new in replacements:
            message = message.replace(old, new)
        out.append(attrs.evolve(problem, message=message) if message != problem.message else problem)
    return out


def redact_messages(cohorts: Iterable[Cohort], problems: Iterable[Problem]) -> list[Problem]:
    """Problems whose messages name no participant and quote no contact: each name becomes the
    participant's pseudonym (as in redacted reports), each contact "[contact]"."""
    return apply_swaps(swaps(cohorts), problems)
