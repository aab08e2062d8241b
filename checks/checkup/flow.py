"""The checkup as a state machine the window walks, one topic per page.

It knows the topics in order, which questions apply given the answers so
far (skip rules), what is answered and what is left, answers that cannot
both be true, and where the user is; whether "Next" may go on or the
checkup is finished (:meth:`CheckupFlow.advance`), whether an answer
showed or hid a question, and which topics' probes were started. It can be
saved half-way
(:meth:`CheckupFlow.to_dict`) and resumed (:meth:`CheckupFlow.from_dict`).
It holds no secret: the password page stores only the score, the 2FA page
only the outcome, and a probe's words never name the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from checks.checkup.detect import Proposal
from checks.checkup.questions import (
    BY_ID,
    DONT_KNOW,
    QUESTIONS,
    SKIPPED,
    TOPIC_IDS,
    TOPICS_BY_ID,
    Kind,
    Question,
    conflicts,
)
from checks.i18n import N_, InputError, Msg, msg
from checks.scan.findings import valid_answer

USER = "user"
PROBE = "probe"
DRAFT_NAME = "checkup"  # the store's draft that holds a checkup left half-way
CORRECT_IT = N_("If this is wrong, choose the right answer.")
LEGACY_BASIS = N_("Detected with {basis}.")
ANSWER_FIRST = N_("Please answer every question on this page first.")


@dataclass(frozen=True)
class Advance:
    """What "Next" did: went on, finished the checkup, or stayed and says why."""

    topic: str  # the topic to show now
    finished: bool = False  # every page is done: build the run
    problem: Msg | None = None  # why the user cannot go on yet
    missing: tuple[str, ...] = ()  # questions still to answer, in page order
    to_fix: str | None = None  # the question to focus


# "Detected with lsblk: …" names a tool most people never heard of: one line says what it is.
TOOL_NOTE = N_(
    "{tool} is a tool that comes with your system and shows this setting; the checkup only"
    " reads what it says and changes nothing."
)
_DETECTED_WITH = re.compile(r"Detected with ([A-Za-z][\w.-]*)")


def tool_named(basis: Msg) -> str | None:
    """The system tool a probe's words name ("Detected with lsblk: …" → "lsblk")."""
    found = _DETECTED_WITH.match(basis.text)
    if found is not None:
        return found[1]
    if basis.text.startswith("Detected with {tool}") and isinstance(basis.args.get("tool"), str):
        return str(basis.args["tool"])
    if basis.text == LEGACY_BASIS and isinstance(basis.args.get("basis"), str):
        return str(basis.args["basis"]).split(":")[0].split()[0] or None
    return None


@dataclass
class CheckupFlow:
    answers: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # "user" or "probe"
    probed: dict[str, Proposal] = field(default_factory=dict)  # the latest probe, per question
    position: int = 0  # index into visible_topics()
    # Topics whose probes were started (once per checkup) and those still running;
    # not saved: a checkup resumed later probes again.
    probes_started: set[str] = field(default_factory=set)
    probes_running: set[str] = field(default_factory=set)

    # -- what applies --------------------------------------------------------

    def effective_answers(self) -> dict[str, Any]:
        """Answers to questions that still apply, in question order.

        A later question's skip rule sees only earlier effective answers, so
        changing "Do you have an exchange account?" to "No" drops the
        exchange 2FA answer from the result without deleting it.
        """
        effective: dict[str, Any] = {}
        for question in QUESTIONS:
            if question.applies(effective) and question.id in self.answers:
                effective[question.id] = self.answers[question.id]
        return effective

    def questions(self, topic: str) -> list[Question]:
        effective = self.effective_answers()
        return [q for q in QUESTIONS if q.topic == topic and q.applies(effective)]

    def visible_topics(self) -> list[str]:
        return [topic for topic in TOPIC_IDS if self.questions(topic)]

    def page_change(self, before: list[str]) -> Msg | None:
        """Why the number of pages changed since ``before`` (the visible topics
        then), e.g. "Page 3 of 8" became "Page 3 of 9": an answer added or
        removed a page. None when it did not change."""
        after = self.visible_topics()
        added = [topic for topic in after if topic not in before]
        removed = [topic for topic in before if topic not in after]
        if added:
            return msg(
                N_("Your answer added a page to the checkup: {topic}."),
                topic=Msg(TOPICS_BY_ID[added[0]].title),
            )
        if removed:
            return msg(
                N_("After your answer, a page is no longer needed: {topic}."),
                topic=Msg(TOPICS_BY_ID[removed[0]].title),
            )
        return None

    def missing(self, topic: str) -> list[str]:
        """Required questions of ``topic`` that have no answer yet."""
        return [q.id for q in self.questions(topic) if not q.optional and q.id not in self.answers]

    def topic_done(self, topic: str) -> bool:
        return not self.missing(topic)

    def conflicts(self, topic: str | None = None) -> dict[str, Msg]:
        """Answers (of ``topic``, or of any topic) that cannot be true together."""
        found = conflicts(self.effective_answers())
        return {
            qid: msg(text)
            for qid, text in found.items()
            if topic is None or BY_ID[qid].topic == topic
        }

    @property
    def is_complete(self) -> bool:
        done = all(self.topic_done(topic) for topic in self.visible_topics())
        return done and not self.conflicts()

    # -- navigation ----------------------------------------------------------

    @property
    def current_topic(self) -> str:
        topics = self.visible_topics()
        self.position = min(max(self.position, 0), len(topics) - 1)
        return topics[self.position]

    @property
    def progress(self) -> tuple[int, int]:
        """(number of the current page, number of pages), e.g. (3, 9)."""
        self.current_topic  # noqa: B018 (clamps the position)
        return self.position + 1, len(self.visible_topics())

    @property
    def at_end(self) -> bool:
        number, total = self.progress
        return number == total

    def next(self) -> str:
        """Go to the next topic; the current one must be answered first."""
        left = self.missing(self.current_topic)
        if left:
            raise InputError(msg(ANSWER_FIRST))
        clash = self.conflicts(self.current_topic)
        if clash:
            raise InputError(next(iter(clash.values())))
        if not self.at_end:
            self.position += 1
        return self.current_topic

    def _blocked(self, topic: str) -> Advance | None:
        missing = self.missing(topic)
        if missing:
            return Advance(
                topic, problem=msg(ANSWER_FIRST), missing=tuple(missing), to_fix=missing[0]
            )
        clash = self.conflicts(topic)
        if clash:
            first = next(iter(clash))
            return Advance(topic, problem=clash[first], to_fix=first)
        return None

    def advance(self) -> Advance:
        """ "Next": go on, or finish on the last page, or stay and say what is missing.

        On the last page, a page left unfinished earlier (a draft of an older
        version, an answer changed on the way back) is shown with what it misses.
        """
        topic = self.current_topic
        blocked = self._blocked(topic)
        if blocked is not None:
            return blocked
        if not self.at_end:
            return Advance(self.next())
        for earlier in self.visible_topics():
            blocked = self._blocked(earlier)
            if blocked is not None:
                self.go_to(earlier)
                return blocked
        return Advance(topic, finished=True)

    def back(self) -> str:
        if self.position > 0:
            self.position -= 1
        return self.current_topic

    def go_to(self, topic: str) -> str:
        self.position = self.visible_topics().index(topic)
        return self.current_topic

    # -- answering -----------------------------------------------------------

    def answer(self, question_id: str, value: Any, source: str = USER) -> bool:
        """Record an answer. True when it showed or hid a question on its page."""
        question = BY_ID.get(question_id)
        if question is None:
            raise InputError(msg(N_("There is no question called {id}."), id=question_id))
        checked = validate(question, value)
        before = self._shown(question.topic)
        self.answers[question_id] = checked
        self.sources[question_id] = source
        return self._shown(question.topic) != before

    def apply(self, proposal: Proposal) -> bool:
        """Record what a probe found. True when it answered the question.

        It never overrides what the user chose. A probe that could not tell
        still leaves its reason, for the page to show under the question.
        """
        qid = proposal.question
        if qid not in BY_ID:
            return False
        self.probed[qid] = proposal
        if self.sources.get(qid) == USER:
            return False
        if proposal.value is None:
            if self.sources.get(qid) == PROBE:  # an earlier probe's answer no longer holds
                self.clear(qid)
            return False
        try:
            self.answer(qid, proposal.value, PROBE)
        except InputError:
            return False
        return True

    def propose(
        self, question_id: str, value: str | None, basis: Msg | str, note: Msg | None = None
    ) -> bool:
        """Shorthand for :meth:`apply` (a plain-text basis reads "Detected with …")."""
        if isinstance(basis, str):
            basis = msg(LEGACY_BASIS, basis=basis)
        return self.apply(Proposal(question_id, value, basis, note))

    def probe_words(self, question_id: str) -> list[Msg]:
        """What to show under a question about its probe: the basis, or why it could not tell.

        Nothing once the user has chosen another answer over the probe's.
        """
        found = self.probed.get(question_id)
        if found is None:
            return []
        words = [found.basis] + ([found.note] if found.note is not None else [])
        tool = tool_named(found.basis)
        if tool is not None:
            words.append(msg(TOOL_NOTE, tool=tool))
        if found.value is None:
            return words
        if self.sources.get(question_id) == PROBE:
            return [*words, msg(CORRECT_IT)]
        return []

    def clear(self, question_id: str) -> bool:
        """Forget an answer (e.g. every box of a multiple choice was unticked).

        True when that showed or hid a question on its page.
        """
        question = BY_ID.get(question_id)
        before = self._shown(question.topic) if question is not None else []
        for table in (self.answers, self.sources):
            table.pop(question_id, None)
        return question is not None and self._shown(question.topic) != before

    def _shown(self, topic: str) -> list[str]:
        return [q.id for q in self.questions(topic)]

    # -- probes ----------------------------------------------------------------

    def start_probes(self, topic: str) -> bool:
        """Should the automatic checks of ``topic`` start now? Once a checkup, for a
        topic with a question they answer; if so they count as running."""
        wanted = any(question.probe for question in self.questions(topic))
        if not wanted or topic in self.probes_started:
            return False
        self.probes_started.add(topic)
        self.probes_running.add(topic)
        return True

    def probes_done(self, topic: str, proposals: list[Proposal]) -> list[str]:
        """The checks of ``topic`` finished (whatever page is shown now): record what
        they found; the questions they answered."""
        self.probes_running.discard(topic)
        return [proposal.question for proposal in proposals if self.apply(proposal)]

    # -- saving half-way -----------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": dict(self.answers),
            "sources": dict(self.sources),
            "probed": {
                qid: {
                    "value": found.value,
                    "basis": msg_to_data(found.basis),
                    "note": None if found.note is None else msg_to_data(found.note),
                }
                for qid, found in self.probed.items()
            },
            "position": self.position,
        }

    @classmethod
    def from_dict(cls, data: object) -> CheckupFlow:
        """Resume; answers that no longer fit (an older app version) are dropped."""
        flow = cls()
        if not isinstance(data, dict):
            return flow
        answers = _table(data, "answers")
        sources = _table(data, "sources")
        for question_id, value in answers.items():
            source = sources.get(question_id, USER)
            try:
                flow.answer(str(question_id), value, source if source in (USER, PROBE) else USER)
            except InputError:
                continue
        for qid, saved in _table(data, "probed").items():
            found = _proposal(str(qid), saved)
            if found is not None and found.question in BY_ID:
                flow.probed[found.question] = found
        for qid, basis in _table(data, "bases").items():  # drafts of earlier versions
            if isinstance(basis, str) and basis and qid in BY_ID and qid not in flow.probed:
                value = flow.answers.get(qid) if flow.sources.get(qid) == PROBE else None
                flow.probed[qid] = Proposal(qid, value, msg(LEGACY_BASIS, basis=basis))
        position = data.get("position")
        flow.position = position if isinstance(position, int) else 0
        return flow


def _table(data: dict[Any, Any], key: str) -> dict[Any, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _proposal(qid: str, saved: object) -> Proposal | None:
    if not isinstance(saved, dict):
        return None
    value = saved.get("value")
    basis = msg_from_data(saved.get("basis"))
    note = msg_from_data(saved.get("note"))
    if basis is None or not (value is None or isinstance(value, str)):
        return None
    return Proposal(qid, value, basis, note)


def msg_to_data(message: Msg) -> dict[str, Any]:
    """A message as plain JSON-able data (for the encrypted draft)."""
    return {
        "text": message.text,
        "args": {
            key: msg_to_data(value) if isinstance(value, Msg) else value
            for key, value in message.args.items()
        },
    }


def msg_from_data(data: object, depth: int = 0) -> Msg | None:
    """The message back from :func:`msg_to_data`; None for anything else or unusable."""
    if depth > 4 or not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return None
    args = data.get("args") if isinstance(data.get("args"), dict) else {}
    values: dict[str, object] = {}
    for key, value in (args or {}).items():
        if isinstance(value, dict):
            inner = msg_from_data(value, depth + 1)
            if inner is None:
                return None
            values[str(key)] = inner
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            values[str(key)] = value
        else:
            return None
    message = msg(data["text"], **values)
    try:
        message.render()
    except (KeyError, IndexError, ValueError, AttributeError):
        return None
    return message


def validate(question: Question, value: Any) -> Any:
    allowed = question.values()
    if question.kind is Kind.PASSWORD:
        if value == SKIPPED or (
            isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 4
        ):
            return value
    elif question.kind is Kind.TOTP:
        if value == SKIPPED or value in allowed:
            return value
    elif question.kind is Kind.SCAN:
        if value == SKIPPED or valid_answer(value):
            return value
    elif question.kind is Kind.CHOICE:
        if isinstance(value, str) and value in allowed:
            return value
    elif (
        isinstance(value, list)
        and value
        and all(isinstance(v, str) and v in allowed for v in value)
    ):
        ordered = [v for v in allowed if v in value]  # canonical order, no repeats
        if DONT_KNOW in ordered and len(ordered) > 1:
            ordered.remove(DONT_KNOW)
        return ordered
    raise InputError(msg(N_("That is not one of the answers to this question.")))
