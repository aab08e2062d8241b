"""The user's preferences: language, reminder day, window geometry.

Kept as a small JSON file in the data folder (not in QSettings), so that
"delete all my data" really removes everything and tests can point it at a
temporary folder. Nothing secret lives here. A damaged file is kept aside
and the defaults are used.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NamedTuple

from checks.files import KeptAside, keep_aside, stamp, write_private
from checks.paths import Paths

if TYPE_CHECKING:
    from datetime import datetime

LANGUAGES = ("en", "zh_CN")
MIN_REMINDER_DAY = 1
MAX_REMINDER_DAY = 28  # every month has it
MAX_BYTES = 64 * 1024  # ours are a few hundred bytes; anything larger is not ours


class Settings(NamedTuple):
    """Read before the first paint: a named tuple, like ``Paths``."""

    language: str | None = None  # None: follow the system
    reminder_day: int = 1
    window_geometry: str | None = None  # base64 of QWidget.saveGeometry()

    def with_changes(self, **changes: object) -> Settings:
        return _clean(self._replace(**changes))  # type: ignore[arg-type]


def _clean(settings: Settings) -> Settings:
    language = settings.language if settings.language in LANGUAGES else None
    day = settings.reminder_day
    if not isinstance(day, int) or isinstance(day, bool):
        day = 1
    day = min(max(day, MIN_REMINDER_DAY), MAX_REMINDER_DAY)
    geometry = settings.window_geometry if isinstance(settings.window_geometry, str) else None
    return Settings(language=language, reminder_day=day, window_geometry=geometry)


def load_settings(paths: Paths, now: datetime | None = None) -> tuple[Settings, KeptAside | None]:
    """Read settings; a damaged file is moved aside (stamped ``now``, by
    default the current time) and defaults are returned."""
    path = paths.settings
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError:  # none yet, or not a file we can read: the defaults
        return Settings(), None
    try:
        if len(raw) > MAX_BYTES:
            raise ValueError("far too large for settings")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        known = {k: data[k] for k in ("language", "reminder_day", "window_geometry") if k in data}
        return _clean(Settings(**known)), None
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
        # RecursionError: e.g. 1,000 nested brackets, which json cannot read either.
        if now is None:
            from datetime import datetime, timezone  # datetime: not before the first paint

            now = datetime.now(timezone.utc)
        kept_at = keep_aside(path, paths.damaged_dir, "damaged", stamp(now))
        return Settings(), KeptAside(original=path, kept_at=kept_at, reason="damaged")


def save_settings(paths: Paths, settings: Settings) -> None:
    data = json.dumps(settings._asdict(), indent=2, sort_keys=True).encode("utf-8")
    write_private(paths.settings, data)
