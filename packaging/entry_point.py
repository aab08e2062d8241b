"""The frozen program's entry point: the same as ``python -m desktop``.

It lives outside ``desktop/`` on purpose: PyInstaller adds the entry
script's folder to its module search path, and ``desktop/`` holds modules
(``app``, ``cli``, ``i18n`` …) that must never be importable as top-level
names.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
