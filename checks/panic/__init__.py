"""Panic mode, as data and pure functions (no Qt).

* :mod:`.case` — a theft case: triage, steps done, timeline, transactions,
  evidence, contacts, status; stored encrypted through :mod:`checks.store`;
* :mod:`.evidence` — evidence files copied in (encrypted) with size and
  SHA-256 in a manifest, and a check that nothing changed since;
* :mod:`.lockdown` — the ordered lockdown plan chosen from the triage;
* :mod:`.messages` — support and police texts filled from the case.
"""
