"""Which findings a set of answers produces.

One small function per topic, each reading only effective answers (see
:meth:`CheckupFlow.effective_answers`) and returning catalogue ids.
"I don't know" always leads to advice of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from checks.checkup.questions import DONT_KNOW, conflicts

Answers = Mapping[str, object]
HIGH_VALUE = ("10k_100k", "over_100k")
DIGITAL_SEED = {"photo", "cloud_note", "chat", "email"}
WEAK_2FA = ("none", "sms")


def passwords(a: Answers) -> list[str]:
    found = []
    score = a.get("password_strength")
    if isinstance(score, int):
        found.append(
            "password_weak" if score <= 1 else "password_fair" if score == 2 else "password_strong"
        )
    found += {
        "same_everywhere": ["password_same_everywhere"],
        "some_reused": ["password_some_reused"],
        "unique": ["password_unique"],
        DONT_KNOW: ["password_reuse_unknown"],
    }.get(str(a.get("password_reuse")), [])
    manager = a.get("password_manager")
    if manager in ("no", DONT_KNOW):
        found.append("no_password_manager")
    elif manager == "yes":
        found.append("password_manager")
    return found


def two_factor(a: Answers) -> list[str]:
    found = []
    email, exchange = a.get("email_2fa"), a.get("exchange_2fa")
    has_exchange = a.get("exchange_account") == "yes"
    if a.get("exchange_account") == DONT_KNOW:
        found.append("exchange_unknown")
    if email == "none":
        found.append("email_no_2fa_exchange" if has_exchange else "email_no_2fa")
    elif email == "sms":
        found.append("email_sms_2fa")
    if exchange == "none":
        found.append("exchange_no_2fa")
    elif exchange == "sms":
        found.append("exchange_sms_2fa")
    account = a.get("wallet_account_2fa")
    if account == "none":
        found.append("wallet_account_no_2fa")
    elif account == "sms":
        found.append("wallet_account_sms_2fa")
    asked = [value for value in (email, exchange, account) if value is not None]
    if DONT_KNOW in asked:
        found.append("twofa_unknown")
    strong = [value for value in asked if value in ("app", "key", "no_account")]
    if asked and len(strong) == len(asked):
        found.append("strong_2fa")
    uses_sms = "sms" in asked
    pin = a.get("carrier_pin")
    if pin in ("no", DONT_KNOW):
        found.append("carrier_pin_missing" if uses_sms else "carrier_pin_tip")
    return found


def totp_backup(a: Answers) -> list[str]:
    return {
        "works": ["totp_backup_works"],
        "failed": ["totp_backup_failed"],
        "no_backup": ["totp_no_backup"],
    }.get(str(a.get("totp_backup")), [])


def network(a: Answers) -> list[str]:
    found = []
    wifi, public, vpn = a.get("wifi_security"), a.get("public_wifi"), a.get("vpn")
    # "Opens a wallet on it": on such networks, without an always-on VPN.
    exposed = public in ("sometimes", "often") and vpn != "always"
    if wifi == "open":
        found.append("wifi_open_wallet" if exposed else "wifi_open")
    elif wifi == "wep":
        found.append("wifi_wep_wallet" if exposed else "wifi_old")
    elif wifi == "wpa":
        found.append("wifi_old")
    elif wifi in ("wpa2", "wpa3", "enterprise", "wired"):
        found.append("wifi_good")
    elif wifi == DONT_KNOW:
        found.append("wifi_unknown")
    if public == "often" and vpn != "always":
        found.append("public_wifi_no_vpn")
    elif public in ("sometimes", "often"):
        found.append("public_wifi_some")
    elif public == DONT_KNOW:
        found.append("public_wifi_unknown")
    return found


def device(a: Answers) -> list[str]:
    found = []
    if a.get("disk_encryption") == "no":
        found.append("disk_not_encrypted")
    elif a.get("disk_encryption") == DONT_KNOW:
        found.append("disk_unknown")
    if a.get("firewall") == "no":
        found.append("firewall_off")
    if a.get("screen_lock") == "no":
        found.append("no_screen_lock")
    updates = a.get("os_updates")
    if updates == "behind":
        found.append("updates_behind")
    elif updates == "manual":
        found.append("updates_manual")
    remote = a.get("remote_control")
    if remote in ("stranger", DONT_KNOW):
        found.append("remote_stranger" if remote == "stranger" else "remote_app_installed")
    elif remote == "installed":
        found.append("remote_app_installed")
    checks = ("disk_encryption", "firewall", "screen_lock", "os_updates")
    if any(a.get(key) == DONT_KNOW for key in ("firewall", "screen_lock", "os_updates")):
        found.append("device_unknown")
    good = ("yes", "yes", "yes", "automatic")
    if all(a.get(key) == value for key, value in zip(checks, good, strict=True)):
        found.append("device_good")
    return found


def seed(a: Answers) -> list[str]:
    found = []
    kept = a.get("seed_storage")
    kept = set(kept) if isinstance(kept, list) else set()
    if a.get("seed_exposed") in ("website", "person"):
        found.append("seed_exposed")
    elif a.get("seed_exposed") == DONT_KNOW:
        found.append("seed_exposure_unknown")
    if kept & DIGITAL_SEED:
        found.append("seed_digital")
    if "not_backed_up" in kept:
        found.append("seed_not_backed_up")
    if "not_sure_what" in kept:
        found.append("seed_what_is_it")
    if "password_manager" in kept:
        found.append("seed_in_password_manager")
    if kept and kept <= {"paper", "metal"} and "seed_exposed" not in found:
        found.append("seed_offline")
    copies = a.get("seed_copies")
    if copies == "one":
        found.append("seed_one_copy")
    elif copies == "same_place":
        found.append("seed_same_place")
    elif copies == DONT_KNOW:
        found.append("seed_copies_unknown")
    return found


def cold_storage(a: Answers) -> list[str]:
    """Tiered advice: by what sits in apps, and by the total when there is no hardware wallet.

    * hot savings (10k+ in apps not spent daily, any 100k+ in apps; with a
      hardware wallet also 1k–10k kept as savings) -> move them offline;
    * no hardware wallet: 10k+ in total -> savings need an offline home;
      1k–10k -> a hardware wallet is worth it; under 1k -> an app is fine;
    * over 100k: passphrase or multisig; 10k+: a written inheritance plan.

    Savings are "stored sensibly" only if the hardware wallet that holds
    them raises no doubt either (see :func:`hardware`).
    """
    found = []
    hot, total, spending = a.get("hot_value"), a.get("total_value"), a.get("spending")
    owns = a.get("hardware_wallet") == "yes"
    if a.get("hardware_wallet") == DONT_KNOW:
        found.append("hardware_wallet_unknown")
    if spending == DONT_KNOW:
        found.append("spending_unknown")
    hot_savings = (
        (hot in HIGH_VALUE and spending != "daily")
        or hot == "over_100k"
        or (owns and hot == "1k_10k" and spending == "rarely")
    )
    if hot_savings:
        found.append("hot_savings_with_hardware" if owns else "hot_savings_no_hardware")
    elif not owns and total in HIGH_VALUE:
        found.append("savings_no_hardware")
    elif not owns and total == "1k_10k":
        found.append("hardware_wallet_tip")
    if a.get("cashout") in ("otc", DONT_KNOW):
        found.append("otc_cashout")
    if a.get("extra_protection") in ("no", DONT_KNOW):
        found.append("extra_protection")
    if a.get("inheritance") in ("no", DONT_KNOW):
        found.append("inheritance_plan")
    if DONT_KNOW in (hot, total):
        found.append("value_unknown")
    if not found and not hardware(a) and hot is not None and not conflicts(a):
        found.append("cold_storage_good" if owns else "cold_storage_small")
    return found


def hardware(a: Answers) -> list[str]:
    """The hardware wallet itself (asked only of those who own one): is it genuine,
    and are addresses checked on its own screen?"""
    found = []
    if a.get("verify_on_device") in ("no", DONT_KNOW):
        found.append("verify_on_device")
    source = a.get("hardware_source")
    if source == "prefilled":
        found.append("hardware_prefilled")
    elif source in ("marketplace", DONT_KNOW):
        found.append("hardware_marketplace")
    return found


def phishing(a: Answers) -> list[str]:
    found = []
    wallets = a.get("wallets")
    if isinstance(wallets, list) and DONT_KNOW in wallets:
        found.append("wallets_unknown")
    found += {
        "search": ["install_unofficial"],
        "link": ["install_unofficial"],
        DONT_KNOW: ["install_unknown"],
        "official": ["install_official"],
    }.get(str(a.get("install_source")), [])
    if a.get("bookmarks") in ("no", DONT_KNOW):
        found.append("no_bookmarks")
    if a.get("support_contact") in ("search_social", DONT_KNOW):
        found.append("support_unofficial")
    # "Your habits keep fake sites away" only if how you send and sign does too.
    bad = {"install_unofficial", "install_unknown", "no_bookmarks", "support_unofficial"}
    careless = {"approvals_stale", "blind_signing", "address_from_history", "address_not_checked"}
    risky = bad & set(found) or careless & set(signing(a))
    if "install_official" in found and not risky and a.get("bookmarks") == "yes":
        found.append("phishing_good")
    return found


def signing(a: Answers) -> list[str]:
    """Sending and signing: approvals, blind signatures, where addresses come from."""
    found = []
    approvals = a.get("approvals")
    if approvals in ("long_ago", "never"):
        found.append("approvals_stale")
    elif approvals == "what_is_that":
        found.append("approvals_explained")
    if a.get("blind_signing") in ("sometimes", DONT_KNOW):
        found.append("blind_signing")
    if a.get("address_source") in ("history", DONT_KNOW):
        found.append("address_from_history")
    if a.get("address_check") in ("ends", "none", DONT_KNOW):
        found.append("address_not_checked")
    elif a.get("address_check") == "whole" and a.get("address_source") == "fresh":
        found.append("address_checked")
    return found


def thief(a: Answers) -> list[str]:
    """The scan's records ([finding id, detail] pairs), one finding per kind of problem."""
    records = a.get("thief_scan")
    if not isinstance(records, list):
        return []
    return list(dict.fromkeys(str(record[0]) for record in records))


RULES: dict[str, Callable[[Answers], list[str]]] = {
    "passwords": passwords,
    "two_factor": two_factor,
    "totp_backup": totp_backup,
    "network": network,
    "device": device,
    "thief": thief,
    "seed": seed,
    "cold_storage": cold_storage,
    "hardware": hardware,
    "phishing": phishing,
    "signing": signing,
}


def finding_ids(answers: Answers) -> list[str]:
    """All finding ids for these (effective) answers, topic by topic."""
    found: list[str] = []
    for rule in RULES.values():
        found.extend(rule(answers))
    return found
