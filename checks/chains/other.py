"""Values on a network we cannot check (chain ``other``): still never a secret.

We do not know the format of every network, so an address or hash on
"Other network" is accepted as written — but only as *one* value: no
spaces inside (a seed phrase has them), and nothing the secret guard
recognises as a seed phrase, private key or extended key. A lone 64-hex
value is how most networks write a transaction hash, so it is accepted in
the hash field (exactly as on Ethereum, Bitcoin or TRON); in an address
field it is refused, because it is what a raw private key looks like.
"""

from __future__ import annotations

from checks.chains.rules import NOTE_OTHER_ADDRESS, NOTE_OTHER_TX, Chain, Validation
from checks.i18n import N_, msg

NOT_ONE_VALUE = N_(
    "An address or a transaction hash is one piece of letters and digits, without spaces. "
    "Please copy only that."
)
SECRET_NOT_VALUE = N_(
    "This looks like a seed phrase or a private key, not an address or a transaction hash, "
    "so it was not kept. Never type it into any app or give it to anyone."
)
KEY_NOT_ADDRESS = N_(
    "This has 64 letters and digits, like a transaction hash or a private key, not like an "
    "address. If it is a transaction hash, put it in the transaction field."
)


def _problem(value: str, kind: str) -> str | None:
    # checks.secrets on first use: `--panic` and the checkup paint without it
    from checks.secrets import find_secrets, looks_like_tx_hash

    if len(value.split()) > 1:
        return SECRET_NOT_VALUE if find_secrets(value) else NOT_ONE_VALUE
    found = find_secrets(value)
    if not found:
        return None
    hash_shaped = all(looks_like_tx_hash(value[m.start : m.end]) for m in found)
    if hash_shaped:
        return None if kind == "tx" else KEY_NOT_ADDRESS
    return SECRET_NOT_VALUE


def other_address(chain: Chain, value: str) -> Validation:
    problem = _problem(value, "address")
    if problem is not None:
        return Validation(False, value, msg(problem))
    return Validation(True, value, note=msg(NOTE_OTHER_ADDRESS))


def other_tx(chain: Chain, value: str) -> Validation:
    problem = _problem(value, "tx")
    if problem is not None:
        return Validation(False, value, msg(problem))
    return Validation(True, value, note=msg(NOTE_OTHER_TX))
