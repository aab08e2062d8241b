"""Widgets, dialogs and guards shared by every page."""
