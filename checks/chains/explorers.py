"""Read a transaction hash or an address out of a block-explorer link, offline.

People paste the link their wallet or the support chat gave them
(``https://tronscan.org/#/transaction/…``); the case file wants the chain
and the bare value.  Only the text of the link is read — nothing is
fetched — and the value must pass :mod:`checks.chains` for that chain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

from checks.chains import validate_address, validate_tx_hash

LinkKind = Literal["tx", "address"]


class ExplorerLink(NamedTuple):
    kind: LinkKind
    chain: str
    value: str


#: Path words that introduce a transaction or an address.
_WORDS: Mapping[str, LinkKind] = MappingProxyType(
    {
        "tx": "tx",
        "txs": "tx",
        "transaction": "tx",
        "transactions": "tx",
        "address": "address",
        "addresses": "address",
        "account": "address",
        "contract": "address",
    }
)

#: Explorers whose links are ``/<word>/<value>`` for one chain.
_SINGLE_CHAIN: Mapping[str, str] = MappingProxyType(
    {
        "etherscan.io": "ethereum",
        "bscscan.com": "bsc",
        "polygonscan.com": "polygon",
        "arbiscan.io": "arbitrum",
        "optimistic.etherscan.io": "optimism",
        "basescan.org": "base",
        "snowtrace.io": "avalanche",
        "snowscan.xyz": "avalanche",
        "mempool.space": "bitcoin",
        "blockstream.info": "bitcoin",
        "blockchain.info": "bitcoin",
        "tronscan.org": "tron",
        "tronscan.io": "tron",
        "solscan.io": "solana",
        "explorer.solana.com": "solana",
        "solana.fm": "solana",
    }
)

#: Explorers for many chains, whose links name the chain in the path.
_CHAIN_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "bitcoin": "bitcoin",
        "btc": "bitcoin",
        "ethereum": "ethereum",
        "eth": "ethereum",
        "bsc": "bsc",
        "bnb": "bsc",
        "binance-smart-chain": "bsc",
        "polygon": "polygon",
        "arbitrum": "arbitrum",
        "arbitrum-one": "arbitrum",
        "optimism": "optimism",
        "op": "optimism",
        "base": "base",
        "avalanche": "avalanche",
        "avaxc": "avalanche",
        "tron": "tron",
        "trx": "tron",
        "solana": "solana",
        "sol": "solana",
    }
)
_MULTI_CHAIN = frozenset({"blockchair.com", "blockchain.com", "oklink.com"})


def extract_from_explorer_url(url: str) -> ExplorerLink | None:
    """The (kind, chain, value) a block-explorer link points at, or None.

    Accepts links with or without ``https://`` and ``www.``, with query
    strings, fragments (tronscan's ``#/transaction/…``) and trailing parts
    (``/tokentxns``).  None when the host is not a known explorer, no
    value follows a tx/address word, or the value is not valid there.
    """
    text = url.strip()
    if not text or len(text) > 2000 or any(char.isspace() for char in text):
        return None
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    segments += [s for s in parts.fragment.split("?")[0].split("/") if s]
    if host in _SINGLE_CHAIN:
        return _find(_SINGLE_CHAIN[host], segments)
    if host in _MULTI_CHAIN:
        # /<chain>/<word>/<value> (blockchair, oklink) or
        # /explorer/<word>/<chain>/<value> (blockchain.com)
        for position, segment in enumerate(segments):
            chain = _CHAIN_WORDS.get(segment.lower())
            if chain is None:
                continue
            after = segments[position + 1 : position + 3]
            found = _find(chain, after)
            if found is None and position > 0:
                found = _find(chain, [segments[position - 1], *after[:1]])
            if found is not None:
                return found
    return None


def _find(chain: str, segments: Sequence[str]) -> ExplorerLink | None:
    for position, segment in enumerate(segments[:-1]):
        kind = _WORDS.get(segment.lower())
        if kind is None:
            continue
        value = segments[position + 1]
        check = validate_tx_hash if kind == "tx" else validate_address
        result = check(chain, value)
        if result.ok:
            return ExplorerLink(kind, chain, result.value)
    return None
