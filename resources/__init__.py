"""Data and assets read at run time: see DESIGN.md, *Layout*.

Most code opens them with ``importlib.resources.files("resources")``. The
files the window needs before its first paint (icons, the Chinese
catalogue) are opened from :data:`FOLDER` instead: importing
``importlib.resources`` costs several ms there (bench/RESULTS.md). Both
name the same folder in a source tree, an installed package and a
PyInstaller bundle, which keep these files as plain files.
"""

import os

FOLDER = os.path.dirname(os.path.abspath(__file__))
