"""Panic mode, as data and pure functions (no Qt).

* :mod:`.flow` — the sections in order, which lockdown steps apply and are
  done (ticked, or by what the case holds), progress, where to resume: what
  every screen and the incident report ask;
* :mod:`.case` — a theft case: triage, steps done, timeline, transactions,
  evidence, contacts, status; stored encrypted through :mod:`checks.storage.store`;
* :mod:`.triage` — the first screen's questions, answers and help articles;
* :mod:`.lockdown` — the ordered lockdown plan chosen from the triage;
* :mod:`.evidence` — evidence files copied in (encrypted, randomly named)
  with size and SHA-256 in the manifest, and a check that nothing changed;
* :mod:`.contacts` — a wallet's official channels, whether a logged contact
  counts as official, and where to look when the directory knows nothing;
* :mod:`.followup` — follow-ups through the escalation engine, for the
  wizard and the home screen;
* :mod:`.messages` — support and police texts filled from the case;
* :mod:`.cases` — every saved case as a line for a list.
"""
