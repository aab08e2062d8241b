"""The public name of the Wi-Fi parser (DESIGN.md, *Contracts*).

The code lives in :mod:`checks.probes.wifi`; this module only keeps
``checks.network.parse_wifi`` importable for code that relies on it.
"""

from checks.probes.wifi import WifiStatus, parse_wifi

__all__ = ["WifiStatus", "parse_wifi"]
