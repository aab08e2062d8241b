"""The Wallet Checkup window: thin views over :mod:`checks`."""
