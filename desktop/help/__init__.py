"""The help centre window and "report a problem"."""
