"""``wallet-checkup doctor``: open the data folder exactly as the app does and
say what was found, for users and for support.

Opening is :func:`checks.storage.store.open_store` itself: the folder is made
if it is new, the same lock is held, the database is checked, every record is
read (damaged ones are kept aside, :mod:`checks.storage.upkeep`), and file
modes are fixed. Nothing else is changed. The report holds no content of any
record: counts, dates, reasons and paths only.

Exit codes (DESIGN.md): 0 healthy, 1 damage found and kept aside, 2 the data
could not be opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks.files import KeptAside
from checks.paths import Paths
from checks.storage import store as data
from checks.storage.keystore import KeyringState
from checks.storage.upkeep import DamagedRecord

HEALTHY, DAMAGE_KEPT_ASIDE, COULD_NOT_OPEN = "healthy", "damage-kept-aside", "could-not-open"
EXIT_CODES = {HEALTHY: 0, DAMAGE_KEPT_ASIDE: 1, COULD_NOT_OPEN: 2}
TABLES = {"cases": "cases", "checkups": "checkup_runs", "drafts": "drafts"}

AskPassphrase = Callable[[], "str | None"]  # None: no one can be asked


@dataclass
class DoctorReport:
    data_folder: Path
    status: str = HEALTHY
    keyring: str = KeyringState.AVAILABLE.value
    key: str | None = None  # "keyring", "passphrase", or None while nothing is saved
    records: dict[str, int] = field(default_factory=dict)
    kept_aside: list[KeptAside] = field(default_factory=list)
    damaged_records: list[DamagedRecord] = field(default_factory=list)
    problem: str | None = None  # why the data could not be opened (a word, not a sentence)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.status]

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "data_folder": str(self.data_folder),
            "keyring": self.keyring,
            "key": self.key,
            "records": dict(self.records),
            "kept_aside": [{"path": str(k.kept_at), "reason": k.reason} for k in self.kept_aside],
            "damaged_records": [
                {"kind": r.kind, "date": r.date, "kept_at": str(r.kept_at)}
                for r in self.damaged_records
            ],
            "problem": self.problem,
        }


def examine(
    paths: Paths,
    keyring_backend: Any = None,
    ask_passphrase: AskPassphrase | None = None,
    clock: data.Clock = data.utc_now,
) -> DoctorReport:
    """Open the data as the app does and report. Blocking (keyring, disk)."""
    report = DoctorReport(paths.data_dir)
    try:
        outcome = data.open_store(paths, keyring_backend, clock)
    except OSError as exc:  # the folder cannot be made or read, or stays locked
        report.status, report.problem = COULD_NOT_OPEN, type(exc).__name__
        return report
    report.kept_aside = list(outcome.kept_aside)
    report.keyring = outcome.keyring_state.value
    store = outcome.store
    if store is None and outcome.need is data.Need.PASSPHRASE and outcome.db is not None:
        report.key = data.KeySource.PASSPHRASE.value
        store = _unlock(outcome.db, ask_passphrase, report)
    elif store is None:
        if outcome.db is not None:
            outcome.db.close()
        if outcome.keyring_holds_data:  # saved data, locked in a keyring we cannot reach
            report.key = data.KeySource.KEYRING.value
            report.status, report.problem = COULD_NOT_OPEN, f"keyring-{report.keyring}"
            return report
    if store is not None:
        report.key = store.source.value
        report.damaged_records = list(store.damaged)
        for name, table in TABLES.items():
            row = store.db.query_one(f"SELECT count(*) FROM {table}")
            report.records[name] = int(row[0]) if row else 0
        store.close()
    elif report.status == COULD_NOT_OPEN:
        return report
    if report.kept_aside or report.damaged_records:
        report.status = DAMAGE_KEPT_ASIDE
    return report


def _unlock(db: Any, ask: AskPassphrase | None, report: DoctorReport) -> data.Store | None:
    passphrase = ask() if ask is not None else None
    if passphrase is None:
        db.close()
        report.status, report.problem = COULD_NOT_OPEN, "passphrase-needed"
        return None
    try:
        return data.unlock_with_passphrase(db, passphrase)
    except data.WrongPassphrase:
        db.close()
        report.status, report.problem = COULD_NOT_OPEN, "wrong-passphrase"
        return None
