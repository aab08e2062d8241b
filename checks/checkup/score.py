"""The checkup score: 0–100, the same for the same answers, and explainable.

Formula (shown to the user by :func:`explain`):

1. Each topic starts at 100. Every finding in it that the user has not
   accepted as a risk takes off points by severity: urgent 60, important
   30, tip 10 (good findings take off nothing). A topic never goes below 0.
2. The overall score is the average of the answered topics, weighted by
   how much each protects your money (seed phrase 3, what a thief would
   find 3, passwords 2, two-step sign-in 2, device 1.5, fake apps and
   phishing 1.25, sending and signing 1.25, network 1, 2FA backup 1,
   savings 0.75, your hardware wallet 0.75), rounded to a whole number.
3. Any urgent finding not accepted as a risk caps the overall score at 49.

A leaked, digitally stored or pre-set seed phrase, a device a stranger has
controlled and a wallet app from an unofficial source (:data:`NOT_ACCEPTABLE`)
cannot be accepted: no reason makes them safe, so they always take their
points off and always cap the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from checks.checkup.catalog import CATALOG
from checks.checkup.questions import TOPICS_BY_ID
from checks.findings import Severity
from checks.i18n import N_, Msg, msg

PENALTY = {Severity.URGENT: 60, Severity.IMPORTANT: 30, Severity.TIP: 10, Severity.GOOD: 0}
# "Savings and cold storage" (1.5) and "Fake apps and phishing" (2.5) were each
# split in two pages; each half counts half of what the whole did, so every other
# topic keeps its share of the total (see the commit that split them for how the
# scores of stored runs moved).
WEIGHTS = {
    "seed": 3.0,
    "thief": 3.0,
    "passwords": 2.0,
    "two_factor": 2.0,
    "device": 1.5,
    "phishing": 1.25,
    "signing": 1.25,
    "network": 1.0,
    "totp_backup": 1.0,
    "cold_storage": 0.75,
    "hardware": 0.75,
}
URGENT_CAP = 49
NOT_ACCEPTABLE = frozenset(
    {"seed_exposed", "seed_digital", "install_unofficial", "hardware_prefilled", "remote_stranger"}
)


def can_accept(finding_id: str) -> bool:
    """Whether the user may accept this finding as a risk."""
    return finding_id not in NOT_ACCEPTABLE


def accepted_ids(accepted: Iterable[str]) -> frozenset[str]:
    """The accepted findings that count (a stored run may hold ones that no longer may)."""
    return frozenset(fid for fid in accepted if can_accept(fid))

GRADES = (
    (90, "excellent", N_("Excellent")),
    (75, "good", N_("Good")),
    (50, "needs_work", N_("Needs work")),
    (0, "at_risk", N_("At risk")),
)
_GRADE_SEVERITY = {
    "excellent": Severity.GOOD,
    "good": Severity.GOOD,
    "needs_work": Severity.IMPORTANT,
    "at_risk": Severity.URGENT,
}


def grade_of(score: int) -> str:
    """The grade key of a 0–100 score (overall or one topic's)."""
    return next(key for floor, key, _label in GRADES if score >= floor)


def grade_label(grade: str) -> str:
    """The words for a grade key ("Needs work"), marked for translation."""
    return next(label for _floor, key, label in GRADES if key == grade)


def grade_severity(grade: str) -> Severity:
    """How a grade is shown (colour, icon, words), the same in the window and the report."""
    return _GRADE_SEVERITY[grade]


def score_severity(score: int) -> Severity:
    """:func:`grade_severity` of a score, e.g. for one topic's bar."""
    return grade_severity(grade_of(score))


@dataclass(frozen=True)
class Deduction:
    finding_id: str
    points: int


@dataclass(frozen=True)
class TopicScore:
    topic: str
    score: int
    weight: float
    deductions: tuple[Deduction, ...]


@dataclass(frozen=True)
class ScoreReport:
    overall: int
    topics: tuple[TopicScore, ...]
    capped: bool  # an urgent finding capped the score at 49
    uncapped: int

    @property
    def grade(self) -> str:
        return grade_of(self.overall)

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade)

    @property
    def severity(self) -> Severity:
        return grade_severity(self.grade)

    def topic(self, topic: str) -> TopicScore | None:
        return next((t for t in self.topics if t.topic == topic), None)


def compute(
    answered_topics: Iterable[str], finding_ids: Iterable[str], accepted: Mapping[str, str]
) -> ScoreReport:
    ids = [fid for fid in finding_ids if fid in CATALOG]
    accepted = dict.fromkeys(accepted_ids(accepted), "")
    topics: list[TopicScore] = []
    for topic in WEIGHTS:
        if topic not in answered_topics:
            continue
        deductions = tuple(
            Deduction(fid, PENALTY[CATALOG[fid].severity])
            for fid in ids
            if CATALOG[fid].topic == topic
            and fid not in accepted
            and PENALTY[CATALOG[fid].severity] > 0
        )
        score = max(0, 100 - sum(d.points for d in deductions))
        topics.append(TopicScore(topic, score, WEIGHTS[topic], deductions))
    total_weight = sum(t.weight for t in topics)
    uncapped = round(sum(t.score * t.weight for t in topics) / total_weight) if topics else 100
    urgent = any(CATALOG[fid].severity is Severity.URGENT and fid not in accepted for fid in ids)
    overall = min(uncapped, URGENT_CAP) if urgent else uncapped
    return ScoreReport(overall, tuple(topics), urgent and uncapped > URGENT_CAP, uncapped)


def explain(report: ScoreReport) -> list[Msg]:
    """'Why is my score 62?' — the formula applied to this run, line by line."""
    lines = [
        msg(
            N_(
                "Each topic starts at 100. Each problem takes points off: urgent 60,"
                " important 30, tip 10. Risks you accepted take nothing off."
            )
        )
    ]
    lines.append(
        msg(
            N_(
                "Topics where a problem costs more money count more: a topic that counts"
                " 3× weighs three times as much in the total as one that counts 1×."
            )
        )
    )
    for topic in report.topics:
        lines.append(
            msg(
                N_("{topic}: {score} (counts {weight}×)"),
                topic=Msg(TOPICS_BY_ID[topic.topic].title),
                score=topic.score,
                weight=f"{topic.weight:g}",
            )
        )
        for deduction in topic.deductions:
            lines.append(
                msg(
                    N_("  − {points}: {finding}"),
                    points=deduction.points,
                    finding=Msg(str(CATALOG[deduction.finding_id].title)),
                )
            )
    lines.append(msg(N_("Weighted average of the topics: {score}."), score=report.uncapped))
    if report.capped:
        lines.append(
            msg(
                N_("Because at least one problem is urgent, the score is capped at {cap}."),
                cap=URGENT_CAP,
            )
        )
    return lines
