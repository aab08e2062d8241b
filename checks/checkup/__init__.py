"""The monthly checkup, as data and pure functions (no Qt).

* :mod:`.questions` — the topics and questions, with skip rules and probes;
* :mod:`.flow` — the state machine a wizard walks (answers, position, resume);
* :mod:`.catalog` — every finding the checkup can report, by id;
* :mod:`.rules` — which findings a set of answers produces;
* :mod:`.score` — the 0–100 score, explained;
* :mod:`.run` — answers in, a finished, storable checkup run out; comparisons.
"""
