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
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from checks.i18n import N_
from checks.panic.lockdown import Step, plan

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
    directory_id: str = ""  # a wallet or exchange: its names come from the directory
    label_zh: str = ""  # its Chinese name there, if it has one

    def text(self, translate: Callable[[str], str], language: str) -> str:
        """The label in this UI language: one name per wallet (比特派, 币安, 欧易),
        as ``checks.directory.wallet_name`` gives it (a test compares)."""
        if self.directory_id:
            return self.label_zh if language.startswith("zh") and self.label_zh else self.label
        return translate(self.label) if self.translate else self.label


class DirectoryName(NamedTuple):
    id: str
    name: str
    name_zh_CN: str
    custodial: bool


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
        Option(
            "remote_control",
            N_("Someone controlled my device or saw my screen (remote control, screen sharing)"),
        ),
        Option("address_changed", N_("An address changed after I pasted it")),
        Option("wrong_address", N_("I sent to an address copied from my history")),
        Option("cant_transfer", N_("I can't send from my wallet (my USDT is stuck)")),
        Option("exchange_taken", N_("My exchange account was taken")),
        Option("phone_stopped", N_("My phone number stopped working")),
        Option("fake_police", N_("“Police” or officials contacted me about a “safe account”")),
        Option("funds_moved", N_("Money moved out without me doing anything")),
        Option(DONT_KNOW, N_("I don't know")),
    ),
    multiple=True,
    help_article="token-approvals",
    hint=N_("Choose every answer that fits."),
)


def directory_names() -> list[DirectoryName]:
    """Each directory entry's id, names and kind, in its order.

    Read from the file without the directory's checks: panic mode's first
    screen shows these before the window is painted, and the whole
    directory (``checks.directory``, every channel checked) waits for the
    pages that show channels. Anything unexpected: the whole directory is
    loaded after all, and it says what is wrong (tests/test_panic_rules.py
    compares both readings).
    """
    from resources import FOLDER  # a plain folder, cheaper than importlib.resources

    try:
        path = os.path.join(FOLDER, "support_directory.json")
        with open(path, encoding="utf-8") as stream:
            entries = json.load(stream)["entries"]
        return [
            DirectoryName(e["id"], e["name"], e.get("name_zh_CN") or "", e["custodial"] is True)
            for e in entries
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # The whole directory, checked, says what is wrong with the file.
        from checks.directory import load_directory

        return [
            DirectoryName(e.id, e.name, e.name_zh_CN or "", e.custodial)
            for e in load_directory().entries
        ]


def wallet_question() -> Question:
    """Wallets first, then exchanges (people cash out there), then "another"."""
    entries = directory_names()
    ordered = [e for e in entries if not e.custodial] + [e for e in entries if e.custodial]
    options = tuple(
        Option(e.id, e.name, translate=False, directory_id=e.id, label_zh=e.name_zh_CN)
        for e in ordered
    )
    return Question(
        "wallet",
        N_("Which wallet or exchange?"),
        (*options, Option(OTHER_WALLET, OTHER_WALLET_NAME)),
        help_article="freeze-refund",
    )


def defaults(what_happened: tuple[str, ...], funds_left: str) -> tuple[tuple[str, ...], str]:
    """The one default (checks.panic.flow): "I don't know" where nothing is answered."""
    return what_happened or (DONT_KNOW,), funds_left or DONT_KNOW


def first_actions(
    what_happened: tuple[str, ...] = (), funds_left: str = "", count: int | None = 3
) -> list[Step]:
    """The lockdown steps these answers ask for, urgent first (the first ``count``).

    The first screen shows the first three before any case exists (the case
    model loads after the window is painted); ``checks.panic.flow`` asks here
    for a case's answers.
    """
    return plan(*defaults(what_happened, funds_left))[:count]


def app_may_be_fake(what_happened: tuple[str, ...]) -> bool:
    """The wallet app came from a link, or the user does not know how it happened:
    its own "support" may be the thief's, so the escalation ladder skips it."""
    return "installed_app" in what_happened or DONT_KNOW in what_happened


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
