"""The checkup as a state machine the window walks, one topic per page.

It knows the topics in order, which questions apply given the answers so
far (skip rules), what is answered and what is left, and where the user is.
It can be saved half-way (:meth:`CheckupFlow.to_dict`) and resumed
(:meth:`CheckupFlow.from_dict`). It holds no secret: the password page
stores only the score, the 2FA page only the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.checkup.questions import (
    BY_ID,
    DONT_KNOW,
    QUESTIONS,
    SKIPPED,
    TOPIC_IDS,
    Kind,
    Question,
)
from checks.i18n import N_, InputError, msg

USER = "user"
PROBE = "probe"


@dataclass
class CheckupFlow:
    answers: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # "user" or "probe"
    bases: dict[str, str] = field(default_factory=dict)  # what a probe's answer was based on
    position: int = 0  # index into visible_topics()

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

    def missing(self, topic: str) -> list[str]:
        """Required questions of ``topic`` that have no answer yet."""
        return [q.id for q in self.questions(topic) if not q.optional and q.id not in self.answers]

    def topic_done(self, topic: str) -> bool:
        return not self.missing(topic)

    @property
    def is_complete(self) -> bool:
        return all(self.topic_done(topic) for topic in self.visible_topics())

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
            raise InputError(msg(N_("Please answer every question on this page first.")))
        if not self.at_end:
            self.position += 1
        return self.current_topic

    def back(self) -> str:
        if self.position > 0:
            self.position -= 1
        return self.current_topic

    def go_to(self, topic: str) -> str:
        self.position = self.visible_topics().index(topic)
        return self.current_topic

    # -- answering -----------------------------------------------------------

    def answer(self, question_id: str, value: Any, source: str = USER, basis: str = "") -> None:
        question = BY_ID.get(question_id)
        if question is None:
            raise InputError(msg(N_("There is no question called {id}."), id=question_id))
        self.answers[question_id] = validate(question, value)
        self.sources[question_id] = source
        if basis:
            self.bases[question_id] = basis
        else:
            self.bases.pop(question_id, None)

    def propose(self, question_id: str, value: str | None, basis: str) -> bool:
        """A probe's answer; it never overrides what the user chose."""
        if value is None or self.sources.get(question_id) == USER:
            return False
        self.answer(question_id, value, PROBE, basis)
        return True

    def clear(self, question_id: str) -> None:
        for table in (self.answers, self.sources, self.bases):
            table.pop(question_id, None)

    # -- saving half-way -----------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": dict(self.answers),
            "sources": dict(self.sources),
            "bases": dict(self.bases),
            "position": self.position,
        }

    @classmethod
    def from_dict(cls, data: object) -> CheckupFlow:
        """Resume; answers that no longer fit (an older app version) are dropped."""
        flow = cls()
        if not isinstance(data, dict):
            return flow
        answers = data.get("answers") if isinstance(data.get("answers"), dict) else {}
        sources = data.get("sources") if isinstance(data.get("sources"), dict) else {}
        bases = data.get("bases") if isinstance(data.get("bases"), dict) else {}
        for question_id, value in (answers or {}).items():
            source = (sources or {}).get(question_id, USER)
            basis = (bases or {}).get(question_id, "")
            try:
                flow.answer(
                    str(question_id),
                    value,
                    source if source in (USER, PROBE) else USER,
                    basis if isinstance(basis, str) else "",
                )
            except InputError:
                continue
        position = data.get("position")
        flow.position = position if isinstance(position, int) else 0
        return flow


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
