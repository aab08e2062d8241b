"""The monthly checkup in the window: wizard, questions, results, history."""
