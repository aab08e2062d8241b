"""``python -m desktop`` — the same as the ``wallet-checkup`` command."""

import sys

from desktop.cli import main

sys.exit(main())
