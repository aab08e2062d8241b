"""The first screen's three questions, as data: answers, help, and what they change.

The panic page shows these as big buttons; this module says which answers
exist, which questions take several answers, which help article explains
each question, and how an answer changes the case. "I don't know" never
stands next to a real answer: choosing it clears the others, and choosing a
real answer clears it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.i18n import N_

if TYPE_CHECKING:
    from checks.panic.case import Case

DONT_KNOW = "dont_know"
OTHER_WALLET = "other"
OTHER_WALLET_NAME = N_("Another wallet or exchange")


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # N_-marked, or a brand name (never translated)
    translate: bool = True


@dataclass(frozen=True)
class Question:
    id: str  # "funds", "how", "wallet"
    text: str
    options: tuple[Option, ...]
    multiple: bool = False
    help_article: str = ""  # an article id of the help centre
    hint: str = ""


FUNDS = Question(
    "funds",
    N_("Is there still money in the wallet?"),
    (
        Option("yes", N_("Yes, some is left")),
        Option("no", N_("No, it's all gone")),
        Option(DONT_KNOW, N_("I don't know")),
    ),
    help_article="seed-exposed",
)
HOW = Question(
    "how",
    N_("What happened?"),
    (
        Option("typed_seed", N_("I typed my seed phrase somewhere")),
        Option("signed", N_("I signed or approved something on a website")),
        Option("installed_app", N_("I installed an app from a link")),
        Option("exchange_taken", N_("My exchange account was taken")),
        Option("phone_stopped", N_("My phone number stopped working")),
        Option("funds_moved", N_("Money moved out without me doing anything")),
        Option(DONT_KNOW, N_("I don't know")),
    ),
    multiple=True,
    help_article="token-approvals",
    hint=N_("Choose every answer that fits."),
)


def directory_names() -> list[tuple[str, str, bool]]:
    """(id, name, custodial) of each directory entry, in its order.

    Read from the file without the directory's checks: panic mode's first
    screen shows these before the window is painted, and the whole
    directory (``checks.directory``, every channel checked) waits for the
    pages that show channels. Anything unexpected: the whole directory is
    loaded after all, and it says what is wrong (tests/test_panic_rules.py
    compares both readings).
    """
    from resources import FOLDER

    try:
        path = os.path.join(FOLDER, "support_directory.json")
        with open(path, encoding="utf-8") as stream:
            entries = json.load(stream)["entries"]
        return [(e["id"], e["name"], e["custodial"] is True) for e in entries]
    except (OSError, ValueError, KeyError, TypeError):
        from checks.directory import load_directory

        return [(e.id, e.name, e.custodial) for e in load_directory().entries]


def wallet_question() -> Question:
    """Wallets first, then exchanges (people cash out there), then "another"."""
    entries = directory_names()
    ordered = [e for e in entries if not e[2]] + [e for e in entries if e[2]]
    options = tuple(Option(id_, name, translate=False) for id_, name, _custodial in ordered)
    return Question(
        "wallet",
        N_("Which wallet or exchange?"),
        (*options, Option(OTHER_WALLET, OTHER_WALLET_NAME)),
        help_article="freeze-refund",
    )


def questions() -> tuple[Question, ...]:
    return (FUNDS, HOW, wallet_question())


def toggle(current: tuple[str, ...], value: str, on: bool) -> tuple[str, ...]:
    """The answers of a several-answer question after one button changed."""
    if not on:
        return tuple(v for v in current if v != value)
    if value == DONT_KNOW:
        return (DONT_KNOW,)
    return (*(v for v in current if v not in (value, DONT_KNOW)), value)


def answer(case: Case, question: str, value: str, on: bool = True) -> Case:
    """The case with one answer changed (``on`` matters for several-answer questions)."""
    if question == "funds":
        return case.with_triage(funds_left=value)
    if question == "how":
        return case.with_triage(what_happened=toggle(case.what_happened, value, on))
    if question == "wallet":
        # One answer: it replaces the first wallet; wallets added later stay.
        rest = tuple(w for w in case.wallets[1:] if w != value)
        return case.with_triage(wallets=(value, *rest) if on else rest)
    raise ValueError(question)


def chosen(case: Case, question: str) -> tuple[str, ...]:
    """The answers given so far, as the buttons should show them."""
    if question == "funds":
        return (case.funds_left,) if case.funds_left else ()
    if question == "how":
        return case.what_happened
    return case.wallets[:1]
