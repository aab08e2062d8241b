"""What the home screen should tell the user right now, decided without Qt.

:func:`notices` turns the state of the data (checkup history, open cases,
files kept aside, where the key lives) into an ordered list of
:class:`Notice` that the home page shows as banners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from checks.checkup.reminders import is_overdue, next_due
from checks.checkup.score import grade_label, grade_of, score_severity
from checks.files import KeptAside
from checks.findings import Severity
from checks.i18n import N_, Msg, msg

if TYPE_CHECKING:  # the home screen is painted before the store is loaded
    from checks.storage.store import CaseSummary, RunSummary
    from checks.storage.upkeep import DamagedRecord

CLOSED = "closed"

_KEPT_ASIDE_REASONS = {
    "damaged": N_("the file was damaged"),
    "newer-version": N_("it was saved by a newer version of Wallet Checkup"),
    "key-missing": N_("its key is no longer in your system keyring"),
    "key-mismatch": N_("the key in your system keyring does not fit it"),
    "passphrase-forgotten": N_("you chose to start again without the passphrase"),
    "foreign": N_("it is not a Wallet Checkup file — it may belong to another program"),
    "symlink": N_("it was a link to a file elsewhere, which Wallet Checkup does not follow"),
}

# One damaged record: (with its date, without).
_RECORD_WORDS = {
    "case": (N_("a theft case last changed {date}"), N_("a theft case")),
    "checkup": (N_("the checkup of {date}"), N_("a checkup")),
    "draft": (N_("the checkup you had started"), N_("the checkup you had started")),
}
DAMAGED_RECORDS = N_(
    "Part of your saved data could not be read: {records}. We kept it aside in {folder}"
    " and took it out of your lists; everything else is here and works. Nothing was deleted."
)
LIST_SEPARATOR = N_(", ")
MORE_RECORDS = N_("and {count} more")
_NAMED_RECORDS = 4


@dataclass(frozen=True)
class Notice:
    id: str
    severity: Severity
    text: Msg
    action: str | None = None  # "panic", "checkup", … — what its button opens


@dataclass(frozen=True)
class Standing:
    """Where the user stands, for the home screen's summary (as password
    managers' health pages show it): the last score, the urgent problems and
    when the next checkup is due. Each open case's next step is a banner of
    its own (:func:`notices`)."""

    severity: Severity  # the worst of it, for the icon and colour (never alone)
    lines: tuple[Msg, ...]


def standing(
    *,
    runs: Sequence[RunSummary],
    reminder_day: int,
    today: date,
) -> Standing:
    """The summary of the checkup history."""
    last = max(runs, key=lambda run: run.created_at, default=None)
    lines: list[Msg] = []
    if last is None:
        severity = Severity.TIP
        lines.append(msg(N_("No checkup yet. The first one takes about 10 minutes.")))
    else:
        day = last.created_at.astimezone().date()
        severity = score_severity(last.score)
        lines.append(
            msg(
                N_("Last checkup on {date}: {score} of 100 ({grade})."),
                date=day.isoformat(),
                score=last.score,
                grade=Msg(grade_label(grade_of(last.score))),
            )
        )
        if last.urgent_count:
            severity = Severity.URGENT
            lines.append(
                msg(
                    N_("Urgent problems to fix: {count}. Open History to see them."),
                    count=last.urgent_count,
                )
            )
        else:
            lines.append(msg(N_("No urgent problems were found.")))
        due = next_due(day, reminder_day)
        if due is not None and today >= due:
            lines.append(msg(N_("Your next checkup is due now (since {date})."), date=str(due)))
        elif due is not None:
            lines.append(msg(N_("Next checkup due on {date}."), date=str(due)))
    return Standing(severity, tuple(lines))


def kept_aside_reason(reason: str) -> str:
    """Why a file was kept aside, in words (N_-marked: translate at display)."""
    return _KEPT_ASIDE_REASONS.get(reason, N_("the file could not be read"))


def describe_record(record: DamagedRecord) -> Msg:
    """A damaged record in words: "a theft case last changed 2026-11-20"."""
    dated, undated = _RECORD_WORDS.get(record.kind, (N_("a saved record"),) * 2)
    return msg(dated, date=record.date) if record.date else Msg(undated)


def kept_aside_notice(kept: KeptAside) -> Notice:
    reason = kept_aside_reason(kept.reason)
    return Notice(
        id=f"kept-aside:{kept.kept_at.name}",
        severity=Severity.IMPORTANT,
        text=msg(
            N_(
                "We could not read a saved file ({reason}), so we kept it aside at {path}"
                " and started fresh. Nothing was deleted."
            ),
            reason=Msg(reason),
            path=str(kept.kept_at),
        ),
    )


def damaged_records_notice(records: Sequence[DamagedRecord]) -> Notice:
    """One banner for every record kept aside at this start (said once: it is
    out of the database, so the next start does not find it again)."""
    parts = [describe_record(record) for record in records[:_NAMED_RECORDS]]
    if len(records) > _NAMED_RECORDS:
        parts.append(msg(MORE_RECORDS, count=len(records) - _NAMED_RECORDS))
    fields = {f"r{number}": part for number, part in enumerate(parts)}
    joined = "{sep}".join(f"{{{name}}}" for name in fields)  # a list, not a sentence
    return Notice(
        id="damaged-records",
        severity=Severity.IMPORTANT,
        text=msg(
            DAMAGED_RECORDS,
            records=msg(joined, sep=Msg(LIST_SEPARATOR), **fields),
            folder=str(records[0].kept_at.parent),
        ),
    )


def notices(
    *,
    runs: Sequence[RunSummary],
    cases: Sequence[CaseSummary],
    reminder_day: int,
    today: date,
    kept_aside: Sequence[KeptAside] = (),
    keeps_data: bool = True,
    case_notices: Sequence[Notice] = (),
    draft: bool = False,
    damaged_records: Sequence[DamagedRecord] = (),
) -> list[Notice]:
    """Banners for the home screen, most pressing first.

    ``case_notices`` (one per open case, with its next action) replace the
    plain count of open cases when the caller could read the cases.
    ``draft`` is true when a checkup was left half-way (a saved draft):
    then a banner offers to continue it (action ``"checkup-resume"``).
    """
    found: list[Notice] = list(case_notices)
    open_cases = [case for case in cases if case.status != CLOSED]
    if open_cases and not case_notices:
        found.append(
            Notice(
                "open-cases",
                Severity.URGENT,
                msg(
                    N_("Open theft cases: {count}. Continue where you left off."),
                    count=len(open_cases),
                ),
                action="panic",
            )
        )
    if draft:
        found.append(
            Notice(
                "checkup-draft",
                Severity.TIP,
                msg(N_("You have a checkup in progress — continue where you left off.")),
                action="checkup-resume",
            )
        )
    last = max((run.created_at for run in runs), default=None)
    last_day = last.astimezone().date() if last else None
    if is_overdue(last_day, reminder_day, today):
        due = next_due(last_day, reminder_day)
        found.append(
            Notice(
                "checkup-overdue",
                Severity.IMPORTANT,
                msg(N_("Your monthly checkup is due (since {date})."), date=str(due)),
                action="checkup",
            )
        )
    found.extend(kept_aside_notice(kept) for kept in kept_aside)
    if damaged_records:
        found.append(damaged_records_notice(damaged_records))
    if not keeps_data:
        found.append(
            Notice(
                "not-saving",
                Severity.TIP,
                msg(
                    N_(
                        "Nothing you enter is kept after you close the app this time."
                        " To keep your data, set up your system keyring or a passphrase"
                        " and start the app again."
                    )
                ),
            )
        )
    return found
