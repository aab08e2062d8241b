"""A finished checkup run: answers in, findings and score out; comparisons.

A run is what gets stored (encrypted) and printed: the date, the app
version, the answers (option values only — never a password or secret),
the finding ids, the risks the user accepted (with their reasons) and the
score. :func:`compare` says what is new, fixed and unchanged since a
previous run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checks import __version__
from checks.checkup.catalog import CATALOG
from checks.checkup.flow import CheckupFlow
from checks.checkup.questions import QUESTIONS, TOPIC_IDS
from checks.checkup.rules import finding_ids
from checks.checkup.score import ScoreReport, accepted_ids, can_accept, compute
from checks.findings import Finding, Severity, by_severity
from checks.i18n import N_, InputError, msg

MAX_REASON = 500
CANNOT_ACCEPT = N_(
    "This risk cannot be accepted: a seed phrase that may be exposed, or a wallet app from an "
    "unofficial source, can empty your wallet at any moment. Move your funds to a new wallet "
    "instead."
)


@dataclass(frozen=True)
class CheckupRun:
    created_at: datetime
    app_version: str
    answers: Mapping[str, Any]
    finding_ids: tuple[str, ...]
    accepted: Mapping[str, str] = field(default_factory=dict)

    @property
    def score(self) -> ScoreReport:
        answered = {topic for topic in TOPIC_IDS if _answered(topic, self.answers)}
        return compute(answered, self.finding_ids, self.accepted)

    @property
    def findings(self) -> list[Finding]:
        """Urgent first; accepted risks stay listed."""
        return by_severity([CATALOG[fid] for fid in self.finding_ids if fid in CATALOG])

    @property
    def problems(self) -> list[Finding]:
        """What to fix, urgent first (accepted risks included): every finding not good."""
        return [f for f in self.findings if f.severity is not Severity.GOOD]

    @property
    def already_good(self) -> list[Finding]:
        """What is already right: shown apart from the problems, never as news."""
        return [f for f in self.findings if f.severity is Severity.GOOD]

    @property
    def urgent_count(self) -> int:
        return sum(
            1
            for fid in self.finding_ids
            if fid in CATALOG
            and CATALOG[fid].severity is Severity.URGENT
            and fid not in accepted_ids(self.accepted)
        )

    def with_accepted(self, finding_id: str, reason: str) -> CheckupRun:
        """Accept a risk with a reason: it stops lowering the score but stays listed."""
        if finding_id not in self.finding_ids:
            raise InputError(msg(N_("This finding is not part of this checkup.")))
        if not can_accept(finding_id):
            raise InputError(msg(CANNOT_ACCEPT))
        reason = reason.strip()
        if not reason:
            raise InputError(msg(N_("Please say in a few words why you accept this risk.")))
        if len(reason) > MAX_REASON:
            raise InputError(
                msg(N_("Please keep the reason under {limit} characters."), limit=MAX_REASON)
            )
        from checks.secrets import guard_free_text  # on first use, as in checks.panic.case

        guard_free_text(reason)
        return CheckupRun(
            self.created_at,
            self.app_version,
            self.answers,
            self.finding_ids,
            {**self.accepted, finding_id: reason},
        )

    def without_accepted(self, finding_id: str) -> CheckupRun:
        accepted = {k: v for k, v in self.accepted.items() if k != finding_id}
        return CheckupRun(
            self.created_at, self.app_version, self.answers, self.finding_ids, accepted
        )

    def to_payload(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at.isoformat(),
            "app_version": self.app_version,
            "answers": dict(self.answers),
            "finding_ids": list(self.finding_ids),
            "accepted": dict(self.accepted),
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> CheckupRun:
        return cls(
            created_at=datetime.fromisoformat(str(data["created_at"])),
            app_version=str(data.get("app_version", "")),
            answers=dict(data.get("answers") or {}),
            finding_ids=tuple(str(f) for f in data.get("finding_ids") or ()),
            accepted={str(k): str(v) for k, v in (data.get("accepted") or {}).items()},
        )


def _answered(topic: str, answers: Mapping[str, Any]) -> bool:
    return any(q.topic == topic and q.id in answers for q in QUESTIONS)


def build_run(
    flow: CheckupFlow, now: datetime, accepted: Mapping[str, str] | None = None
) -> CheckupRun:
    """The finished run for the flow's answers. Same answers, same run."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    answers = flow.effective_answers()
    ids = tuple(finding_ids(answers))
    kept = {
        fid: reason for fid, reason in (accepted or {}).items() if fid in ids and can_accept(fid)
    }
    return CheckupRun(now, __version__, answers, ids, kept)


@dataclass(frozen=True)
class Comparison:
    new: tuple[str, ...]
    fixed: tuple[str, ...]
    unchanged: tuple[str, ...]
    score_change: int


def compare(previous: CheckupRun, current: CheckupRun) -> Comparison:
    """What changed since ``previous``: problems only (good findings are not news)."""

    before = [f.id for f in previous.problems]
    after = [f.id for f in current.problems]
    return Comparison(
        new=tuple(f for f in after if f not in before),
        fixed=tuple(f for f in before if f not in after),
        unchanged=tuple(f for f in after if f in before),
        score_change=current.score.overall - previous.score.overall,
    )
