"""The checkup report: the score and why, each topic, the findings with their
fixes, and what changed since the previous saved checkup.

It is the same :class:`~checks.checkup.run.CheckupRun` the results page
shows (one result type: STYLE.md 3), so paper and screen cannot disagree.
Severity is never shown by colour alone: each finding carries a symbol
and its word ("‼ Urgent"), in print as on screen.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from checks import __version__
from checks.checkup.catalog import CATALOG
from checks.checkup.questions import TOPICS_BY_ID
from checks.checkup.run import CheckupRun, compare
from checks.checkup.score import accepted_ids, explain
from checks.findings import Finding, Severity
from checks.i18n import N_, msg
from checks.reports.html import (
    Report,
    Translate,
    Words,
    esc,
    finish,
    heading,
    lines,
    mono,
    ordered,
    paper_size,
    paragraphs,
    table,
    when_local,
)

TITLE = N_("Checkup report")
CHECKED = N_("Checked on {date}")
SCORE = N_("Score {score} of 100: {grade}")
URGENT_COUNT = N_("Urgent problems to fix first: {count}")
WHY = N_("Why this score")
CHANGES = N_("Since your last checkup")
CHANGE_LINE = N_("Since your last checkup ({date}): score {change:+d}.")
FIRST = N_("This is your first saved checkup, so there is nothing to compare yet.")
FIXED = N_("Fixed since then")
NEW = N_("New since then")
STILL_OPEN = N_("Still to fix: {count}")
TOPICS = N_("Scores by topic")
TOPIC = N_("Topic")
SCORE_COLUMN = N_("Score")
TO_FIX = N_("What to fix, most important first")
ALL_GOOD = N_("All good — nothing to fix this month. Well done.")
HOW = N_("How to fix it")
ACCEPTED = N_("You accepted this risk: “{reason}”. It no longer lowers your score.")
GOOD = N_("Already good")
NEXT = N_(
    "Do your next checkup in about a month. Keep this report private: it describes how your"
    " wallets are protected."
)
SYMBOLS = {Severity.URGENT: "‼", Severity.IMPORTANT: "!", Severity.TIP: "•", Severity.GOOD: "✓"}
CSS_CLASS = {
    Severity.URGENT: "urgent",
    Severity.IMPORTANT: "flag",
    Severity.TIP: "muted",
    Severity.GOOD: "good",
}
BAR_COLOURS = {
    "excellent": "#2e7d32",
    "good": "#2e7d32",
    "needs_work": "#ef6c00",
    "at_risk": "#c62828",
}


def checkup_report(
    run: CheckupRun,
    translate: Translate,
    *,
    language: str,
    now: datetime,
    tz: tzinfo,
    locale_name: str,
    previous: CheckupRun | None = None,
) -> Report:
    """The report for ``run``; ``previous`` is the saved run before it, if any."""
    words = Words(translate)
    report = run.score
    when = when_local(run.created_at, tz)
    grade = words(report.grade_label)
    body = [
        heading(1, words(TITLE)),
        paragraphs([words(msg(CHECKED, date=when))]),
        f'<h2><span class="{_grade_class(report.grade)}">'
        f"{esc(words(msg(SCORE, score=report.overall, grade=grade)))}</span></h2>\n",
    ]
    if run.urgent_count:
        body.append(
            f'<p class="urgent">{SYMBOLS[Severity.URGENT]} '
            f"{esc(words(msg(URGENT_COUNT, count=run.urgent_count)))}</p>\n"
        )
    body += [
        heading(3, words(WHY)),
        _explanation(words, run),
        _changes(words, run, previous, tz),
        _topics(words, run),
        _findings(words, run),
        paragraphs([words(NEXT)], "small muted"),
    ]
    return finish(
        "checkup-report",
        words,
        TITLE,
        "".join(body),
        language=language,
        paper=paper_size(locale_name),
        now=now,
        tz=tz,
        app_version=__version__,
    )


def _explanation(words: Words, run: CheckupRun) -> str:
    """The formula applied to this run, as a list: each topic with its score and
    weight, the problems that took points off indented under it, then the result.

    The lines come from :func:`checks.checkup.score.explain` (one source for the
    screen and the paper); a deduction is a line whose source text is indented.
    """
    explained = explain(run.score)
    intro, rest = explained[0], explained[1:]
    topics: list[tuple[str, list[str]]] = []
    closing: list[str] = []
    for line in rest:
        text = esc(words(line).strip().lstrip("−- ").strip())
        if line.text.startswith(" ") and topics:  # "  − {points}: {finding}"
            topics[-1][1].append(text)
        elif line.text.startswith("{topic}"):  # "{topic}: {score} (counts {weight}×)"
            topics.append((text, []))
        else:
            closing.append(text)
    items = []
    for topic, deductions in topics:
        inner = "".join(f"<li>− {d}</li>" for d in deductions)
        items.append(f"<li><b>{topic}</b>" + (f"<ul>{inner}</ul>" if inner else "") + "</li>")
    out = paragraphs([words(intro)])
    out += "<ul>" + "".join(items) + "</ul>\n"
    out += "".join(f"<p><b>{text}</b></p>\n" for text in closing)
    return out


def _grade_class(grade: str) -> str:
    return {"excellent": "good", "good": "good", "needs_work": "flag"}.get(grade, "urgent")


def _changes(words: Words, run: CheckupRun, previous: CheckupRun | None, tz: tzinfo) -> str:
    out = heading(2, words(CHANGES))
    if previous is None:
        return out + paragraphs([words(FIRST)])
    diff = compare(previous, run)
    date = previous.created_at.astimezone(tz).strftime("%Y-%m-%d")
    out += paragraphs([words(msg(CHANGE_LINE, date=date, change=diff.score_change))])
    for label, ids in ((FIXED, diff.fixed), (NEW, diff.new)):
        if ids:
            items = "".join(f"<li>{esc(words(CATALOG[f].title))}</li>" for f in ids)
            out += f"<p><b>{esc(words(label))}</b></p><ul>{items}</ul>\n"
    if diff.unchanged:
        out += paragraphs([words(msg(STILL_OPEN, count=len(diff.unchanged)))])
    return out


def _bar(score: int, grade: str) -> str:
    """A bar drawn with table cells (QTextDocument has no CSS widths on spans)."""
    cells = []
    if score > 0:
        cells.append(f'<td width="{score}%" bgcolor="{BAR_COLOURS[grade]}">&nbsp;</td>')
    if score < 100:
        cells.append(f'<td width="{100 - score}%" bgcolor="#e0e0e0">&nbsp;</td>')
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
        + "".join(cells)
        + "</tr></table>"
    )


def _topics(words: Words, run: CheckupRun) -> str:
    rows = []
    for topic in run.score.topics:
        grade = _topic_grade(topic.score)
        rows.append(
            [
                esc(words(TOPICS_BY_ID[topic.topic].title)),
                f"<b>{topic.score}</b>",
                _bar(topic.score, grade),
            ]
        )
    return heading(2, words(TOPICS)) + table(
        [words(TOPIC), words(SCORE_COLUMN), ""], rows, widths=[40, 10, 50]
    )


def _topic_grade(score: int) -> str:
    if score >= 75:
        return "good"
    return "needs_work" if score >= 50 else "at_risk"


def _findings(words: Words, run: CheckupRun) -> str:
    problems, goods = run.problems, run.already_good
    out = heading(2, words(TO_FIX))
    if not problems:
        out += f'<p class="good">{SYMBOLS[Severity.GOOD]} {esc(words(ALL_GOOD))}</p>\n'
    counted = accepted_ids(run.accepted)  # a leaked seed is never shown as accepted
    out += "".join(
        _finding(words, f, run.accepted.get(f.id) if f.id in counted else None) for f in problems
    )
    if goods:
        items = "".join(
            f'<li><span class="good">{SYMBOLS[Severity.GOOD]}</span> {esc(words(f.title))}</li>'
            for f in goods
        )
        out += heading(2, words(GOOD)) + f"<ul>{items}</ul>\n"
    return out


def _finding(words: Words, finding: Finding, accepted: str | None) -> str:
    severity = finding.severity
    label = f"{SYMBOLS[severity]} {esc(words(severity.label))}"
    badge = f'<span class="{CSS_CLASS[severity]}">{label}</span>'
    out = f"<h3>{badge} — {esc(words(finding.title))}</h3>\n"
    out += paragraphs([words(finding.why)])
    if accepted is not None:
        out += paragraphs([words(msg(ACCEPTED, reason=accepted))], "muted")
    if finding.fix_steps:
        out += f"<p><b>{esc(words(HOW))}</b></p>\n"
        out += ordered(esc(words(step)) for step in finding.fix_steps)
    if finding.links:
        out += (
            '<p class="small">'
            + lines(*(f"{esc(words(link.title))}: {mono(link.url)}" for link in finding.links))
            + "</p>\n"
        )
    return out
