"""Performance benchmark for Wallet Checkup (issue 9): ``python -m bench``.

Run it from the repository root in the project's virtual environment. It
measures start-up against a bare PySide6 window in the same run, typing
into the password meter, the automatic checkup probes, printing, a large
history and the secret guard, prints a table and writes ``bench/RESULTS.md``.
``python -m bench --quick`` is a smoke run (one run each, nothing written).

Nothing here is imported by the application; importing this package has
no side effects and loads no Qt.
"""
