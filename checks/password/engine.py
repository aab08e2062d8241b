"""zxcvbn 4.5's ``zxcvbn()``, with the Chinese patterns added to its matches.

zxcvbn has no hook for extra matchers, so this repeats its few top-level
steps (match, find the cheapest sequence, estimate times, give feedback)
with :func:`checks.password.chinese.chinese_matches` added to its own
matches, and puts the Chinese feedback first when a Chinese pattern made
the password weak. Everything else is zxcvbn's own code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checks.password import chinese

MAX_LENGTH = 72  # zxcvbn 4.5 refuses longer input


def estimate(password: str, user_inputs: Sequence[str] = ()) -> dict[str, Any]:
    """``zxcvbn.zxcvbn(password, user_inputs)`` that also knows the Chinese patterns.

    The same result dict (score, guesses, guesses_log10, crack times,
    sequence, feedback). Not thread-safe, like zxcvbn: it sets zxcvbn's
    module-global user-input dictionary, so the caller serialises calls.
    Raises ValueError on an empty password or one over 72 characters.
    """
    from zxcvbn import feedback, matching, scoring, time_estimates  # heavy: on first use

    if not password or len(password) > MAX_LENGTH:
        raise ValueError(f"estimate() takes 1 to {MAX_LENGTH} characters")
    ranked = matching.RANKED_DICTIONARIES
    ranked["user_inputs"] = matching.build_ranked_dict([word.lower() for word in user_inputs])
    matches = matching.omnimatch(password, ranked) + chinese.chinese_matches(password)
    result: dict[str, Any] = scoring.most_guessable_match_sequence(password, matches)
    result.update(time_estimates.estimate_attack_times(result["guesses"]))
    result["feedback"] = feedback.get_feedback(result["score"], result["sequence"])
    ours = chinese.feedback(result["sequence"]) if result["score"] <= 2 else None
    if ours is not None:
        warning, suggestions = ours
        theirs = [text for text in result["feedback"]["suggestions"] if text not in suggestions]
        result["feedback"] = {"warning": warning, "suggestions": [*suggestions, *theirs]}
    return result
