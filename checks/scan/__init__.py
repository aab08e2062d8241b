"""What a thief would find on this computer (issue 20): a local, offline scan.

* :mod:`checks.scan.files` — seed phrases and keys in the user's own files
  (walk: :mod:`~checks.scan.walk`; formats: :mod:`~checks.scan.text`,
  :mod:`~checks.scan.office`; detection: :mod:`~checks.scan.seeds`, whose
  :func:`~checks.scan.seeds.secrets_in_text` serves any other text source);
* :mod:`checks.scan.extensions` — impostor wallet browser extensions;
* :mod:`checks.scan.remote` — remote-control tools, installed or running;
* :mod:`checks.scan.hosts` — the hosts file and proxy settings;
* :mod:`checks.scan.clipboard` — the clipboard-hijacker test's logic;
* :mod:`checks.scan.engine` runs them all; :mod:`checks.scan.report` makes the
  ``scan --json`` object and :mod:`checks.scan.findings` the findings.

Nothing here changes the user's disk, opens a connection, or keeps any
part of a secret: results hold a path and a kind.
"""
