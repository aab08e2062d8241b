"""Asking this computer about itself: Wi-Fi and device settings, read from the
operating system's own tools with short timeouts, and parsed without Qt."""
