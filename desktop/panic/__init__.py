"""Panic mode in the window: one page per section over a theft case."""
