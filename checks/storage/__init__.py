"""What the app keeps: the encrypted database, its key, settings, and erasing it all."""
