"""Codecs (checks.encoding), address / tx-hash checks (checks.chains) and
block-explorer links (checks.chains.explorers), on real public values."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.chains import CHAINS, eip55, guess_chain, rules, validate_address, validate_tx_hash
from checks.chains.explorers import ExplorerLink, extract_from_explorer_url
from checks.encoding import (
    B58_ALPHABET,
    Bech32Error,
    ChecksumMismatch,
    InvalidCharacter,
    _sponge256,
    b58check_decode,
    b58check_encode,
    b58decode,
    b58encode,
    bech32_decode,
    decode_segwit_address,
    encode_segwit_address,
    keccak256,
)

FIXTURES = Path(__file__).parent / "fixtures" / "chains"
REAL = json.loads((FIXTURES / "real_values.json").read_text(encoding="utf-8"))
BECH32 = json.loads((FIXTURES / "bech32_vectors.json").read_text(encoding="utf-8"))
VITALIK = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"
GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
USDT_TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
FIRST_ETH_TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
PIZZA_TX = "a1075db55d416d3ca199f55b6084e2115b9345e16c5cf302fc80e9d5fbf5d48d"
SOLANA_SIG = next(iter(REAL["solana_signatures"]))


def text(validation_msg: object) -> str:
    assert validation_msg is not None
    return validation_msg.render()  # type: ignore[attr-defined,no-any-return]


def one_char_changed(value: str, alphabet: str, position: int = -1) -> str:
    """``value`` with the character at ``position`` replaced by another of ``alphabet``."""
    old = value[position]
    new = next(c for c in alphabet if c != old and c.lower() != old.lower())
    chars = list(value)
    chars[position] = new
    return "".join(chars)


# --- codecs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "digest"),
    [
        (b"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        (b"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        (b"hello world", "47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad"),
        (
            b"Transfer(address,address,uint256)",
            "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
        ),
    ],
)
def test_keccak256_known_vectors(data: bytes, digest: str) -> None:
    assert keccak256(data).hex() == digest


def test_keccak256_is_not_sha3() -> None:
    assert keccak256(b"") != hashlib.sha3_256(b"").digest()


@pytest.mark.parametrize("length", [0, 1, 135, 136, 137, 271, 272, 273, 500])
def test_same_sponge_with_sha3_padding_matches_hashlib(length: int) -> None:
    """Checks the permutation and multi-block absorbing against an independent implementation."""
    data = bytes(range(256)) * 2
    assert _sponge256(data[:length], 0x06) == hashlib.sha3_256(data[:length]).digest()


@pytest.mark.security  # hostile input: only documented errors, never a crash
@given(st.binary(max_size=80))
def test_base58_round_trip(data: bytes) -> None:
    assert b58decode(b58encode(data)) == data
    assert b58check_decode(b58check_encode(data)) == data


def test_base58_leading_zeros_and_bad_character() -> None:
    assert b58encode(b"\0\0\x01") == "112"
    assert b58decode("11111111111111111111111111111111") == bytes(32)
    with pytest.raises(InvalidCharacter) as error:
        b58decode("abc0")
    assert (error.value.char, error.value.position) == ("0", 3)


def test_base58check_real_address_and_broken_checksum() -> None:
    assert b58check_decode(GENESIS).hex() == "0062e907b15cbf27d5425399ebf6f0fb50ebb88f18"
    with pytest.raises(ChecksumMismatch):
        b58check_decode(one_char_changed(GENESIS, B58_ALPHABET))


@pytest.mark.parametrize("vector", BECH32["valid_bech32"])
def test_bech32_valid_vectors(vector: str) -> None:
    assert bech32_decode(vector)[2] == "bech32"


@pytest.mark.parametrize("vector", BECH32["valid_bech32m"])
def test_bech32m_valid_vectors(vector: str) -> None:
    assert bech32_decode(vector)[2] == "bech32m"


@pytest.mark.parametrize("vector", BECH32["invalid_bech32"] + BECH32["invalid_bech32m"])
def test_bech32_invalid_vectors(vector: str) -> None:
    try:
        _, _, variant = bech32_decode(vector)
    except Bech32Error:
        return
    # A string may be valid in the *other* variant; the vector lists are per variant.
    expected = "bech32m" if vector in BECH32["invalid_bech32"] else "bech32"
    assert variant == expected


@pytest.mark.parametrize(("address", "script"), BECH32["valid_address"])
def test_segwit_address_vectors(address: str, script: str) -> None:
    hrp, version, program = decode_segwit_address(address)
    expected = bytes([version + 0x50 if version else 0, len(program)]) + program
    assert expected.hex() == script
    assert encode_segwit_address(hrp, version, program) == address.lower()


@pytest.mark.parametrize("address", BECH32["invalid_address"])
def test_segwit_invalid_address_vectors(address: str) -> None:
    with pytest.raises(Bech32Error):
        decode_segwit_address(address)
    assert not validate_address("bitcoin", address).ok


# --- EVM ---------------------------------------------------------------------------------


@pytest.mark.parametrize("address", list(REAL["evm_addresses"]))
def test_real_evm_addresses_pass_on_every_evm_chain(address: str) -> None:
    for chain in (c.id for c in CHAINS.values() if c.family == "evm"):
        result = validate_address(chain, address)
        assert result.ok, (chain, address, result.problem)
        assert result.value == eip55(address[2:])


def test_eip55_vectors_are_their_own_checksum() -> None:
    mixed = [a for a in REAL["evm_addresses"] if a[2:] not in (a[2:].lower(), a[2:].upper())]
    assert len(mixed) >= 5
    for address in mixed:
        assert eip55(address[2:].lower()) == address


def test_evm_one_character_changed_is_a_checksum_problem() -> None:
    broken = VITALIK[:-1] + "6"
    result = validate_address("ethereum", broken)
    assert not result.ok
    assert text(result.problem) == (
        "The checksum does not match — one character is probably mistyped."
    )
    flipped = VITALIK[:2] + VITALIK[2].swapcase() + VITALIK[3:]  # d -> D
    assert text(validate_address("ethereum", flipped).problem) == text(result.problem)


def test_evm_lower_case_has_no_checksum_note() -> None:
    result = validate_address("bsc", VITALIK.lower())
    assert result.ok and result.value == VITALIK
    assert result.note is not None and "no checksum" in text(result.note)


def test_evm_length_message_counts_characters() -> None:
    result = validate_address("ethereum", VITALIK[:-1])
    assert text(result.problem) == (
        "Addresses on Ethereum have 42 characters (0x and 40 letters or digits); "
        "this one has 41."
    )


def test_evm_tx_hash_in_address_field_and_address_in_tx_field() -> None:
    assert text(validate_address("ethereum", FIRST_ETH_TX).problem) == (
        "This looks like a transaction hash, not an address."
    )
    assert text(validate_tx_hash("ethereum", VITALIK).problem) == (
        "This looks like an address, not a transaction hash."
    )


def test_evm_tx_hash_normalised_and_missing_0x_added() -> None:
    assert validate_tx_hash("polygon", FIRST_ETH_TX.upper().replace("0X", "0x")).value == (
        FIRST_ETH_TX
    )
    fixed = validate_tx_hash("ethereum", FIRST_ETH_TX[2:])
    assert fixed.ok and fixed.value == FIRST_ETH_TX and fixed.note is not None


def test_full_width_and_spaces_from_chinese_input_are_cleaned() -> None:
    typed = "０ｘ" + VITALIK[2:22] + " \n" + VITALIK[22:] + "\u200b"
    result = validate_address("ethereum", typed)
    assert result.ok and result.value == VITALIK
    assert text(result.note) == "We removed spaces and line breaks from inside it."


def test_non_hex_character_is_named() -> None:
    result = validate_address("ethereum", VITALIK[:-1] + "g")
    assert "“g”" in text(result.problem)


# --- Bitcoin -----------------------------------------------------------------------------


@pytest.mark.parametrize("address", list(REAL["bitcoin_addresses"]))
def test_real_bitcoin_addresses(address: str) -> None:
    result = validate_address("bitcoin", address)
    assert result.ok and result.note is None, result.problem


@pytest.mark.parametrize("address", list(REAL["bitcoin_testnet_addresses"]))
def test_bitcoin_testnet_addresses_pass_with_a_note(address: str) -> None:
    result = validate_address("bitcoin", address)
    assert result.ok
    assert "testnet" in text(result.note)


@pytest.mark.parametrize("address", list(REAL["bitcoin_addresses"]))
def test_bitcoin_one_character_changed_fails(address: str) -> None:
    alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l" if address[:3].lower() == "bc1" else B58_ALPHABET
    broken = one_char_changed(address, alphabet.upper() if address.isupper() else alphabet, 10)
    result = validate_address("bitcoin", broken)
    assert not result.ok
    assert "mistyped" in text(result.problem)


def test_bitcoin_bech32_upper_case_is_normalised_and_mixed_case_refused() -> None:
    upper = "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"
    assert validate_address("bitcoin", upper).value == upper.lower()
    mixed = "Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    assert "capital and small letters" in text(validate_address("bitcoin", mixed).problem)


def test_bitcoin_confusable_character_is_explained() -> None:
    result = validate_address("bitcoin", GENESIS[:-1] + "0")
    assert "“0”" in text(result.problem) and "0, O, I and l" in text(result.problem)


@pytest.mark.parametrize("txid", list(REAL["bitcoin_txids"]))
def test_real_bitcoin_txids(txid: str) -> None:
    assert validate_tx_hash("bitcoin", txid.upper()).value == txid
    with_0x = validate_tx_hash("bitcoin", "0x" + txid)
    assert with_0x.ok and with_0x.value == txid
    assert "without 0x" in text(with_0x.note)


def test_bitcoin_txid_length() -> None:
    assert text(validate_tx_hash("bitcoin", PIZZA_TX[:-2]).problem) == (
        "Transaction IDs on Bitcoin have 64 letters and digits; this one has 62."
    )


# --- TRON and Solana -----------------------------------------------------------------------


@pytest.mark.parametrize("address", list(REAL["tron_addresses"]))
def test_real_tron_addresses(address: str) -> None:
    assert validate_address("tron", address).ok
    broken = one_char_changed(address, B58_ALPHABET, 20)
    assert "mistyped" in text(validate_address("tron", broken).problem)


def test_tron_hex_form_is_converted() -> None:
    hex_form = b58check_decode(USDT_TRON).hex()
    assert hex_form.startswith("41")
    result = validate_address("tron", hex_form)
    assert result.ok and result.value == USDT_TRON and result.note is not None


def test_bitcoin_address_on_tron_is_named() -> None:
    assert text(validate_address("tron", GENESIS).problem) == (
        "This looks like an address for Bitcoin, but the network chosen is TRON."
    )
    assert "for TRON" in text(validate_address("bitcoin", USDT_TRON).problem)
    assert "Ethereum-style" in text(validate_address("tron", VITALIK).problem)


def test_tron_txid() -> None:
    txid = next(iter(REAL["tron_txids"]))
    assert validate_tx_hash("tron", txid).ok
    assert not validate_tx_hash("tron", txid + "a").ok


@pytest.mark.parametrize("address", list(REAL["solana_addresses"]))
def test_real_solana_addresses_pass_with_no_checksum_note(address: str) -> None:
    result = validate_address("solana", address)
    assert result.ok and "no checksum" in text(result.note)


@pytest.mark.parametrize("signature", list(REAL["solana_signatures"]))
def test_real_solana_signatures(signature: str) -> None:
    assert validate_tx_hash("solana", signature).ok
    assert "signature, not an address" in text(validate_address("solana", signature).problem)
    assert "on Solana" in text(validate_tx_hash("ethereum", signature).problem)
    assert not validate_tx_hash("solana", signature[:-3]).ok


def test_solana_refuses_other_families() -> None:
    assert "for TRON" in text(validate_address("solana", USDT_TRON).problem)
    assert not validate_tx_hash("solana", PIZZA_TX).ok


# --- other, guessing, robustness -----------------------------------------------------------


@pytest.mark.parametrize("chain", ["other", "no-such-chain"])
def test_unknown_chain_is_free_text_with_a_note(chain: str) -> None:
    result = validate_address(chain, "  addr_test1vq…  ")
    assert result.ok and result.value == "addr_test1vq…" and result.note is not None
    assert validate_tx_hash(chain, "abc").ok


def test_empty_input() -> None:
    assert text(validate_address("bitcoin", " \n").problem) == "Please enter an address."
    assert text(validate_tx_hash("tron", "").problem) == "Please enter a transaction hash."


def test_guess_chain() -> None:
    (evm,) = guess_chain(VITALIK.lower())
    assert (evm.kind, evm.family, evm.value) == ("address", "evm", VITALIK)
    assert {"ethereum", "bsc", "polygon"} <= set(evm.chains)
    assert [(g.kind, g.family) for g in guess_chain(PIZZA_TX)] == [
        ("tx", "bitcoin"),
        ("tx", "tron"),
        ("tx", "evm"),
    ]
    assert [g.family for g in guess_chain(USDT_TRON)] == ["tron"]
    assert [g.family for g in guess_chain(GENESIS)] == ["bitcoin"]
    assert [(g.kind, g.family) for g in guess_chain(SOLANA_SIG)] == [("tx", "solana")]
    assert [(g.kind, g.family) for g in guess_chain(FIRST_ETH_TX)] == [
        ("tx", "evm"),
        ("tx", "bitcoin"),
        ("tx", "tron"),
    ]
    assert guess_chain("hello, world") == ()


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=300)
@given(st.sampled_from([*CHAINS, "unknown"]), st.text(max_size=300))
def test_validators_never_raise(chain: str, value: str) -> None:
    for check in (validate_address, validate_tx_hash):
        result = check(chain, value)
        assert result.ok == (result.problem is None)
        if result.problem is not None:
            assert result.problem.render()


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=100)
@given(st.sampled_from([*CHAINS]), st.text(alphabet=B58_ALPHABET + "0x", max_size=120))
def test_validators_never_raise_on_address_like_text(chain: str, value: str) -> None:
    validate_address(chain, value)
    validate_tx_hash(chain, value)
    guess_chain(value)


@pytest.mark.security  # hostile input: only documented errors, never a crash
@given(st.binary(min_size=20, max_size=20), st.integers(min_value=0, max_value=39))
def test_eip55_any_case_flip_of_a_letter_is_caught(raw: bytes, position: int) -> None:
    address = eip55(raw.hex())
    assert validate_address("ethereum", address).ok
    body = address[2:]
    if not body[position].isalpha() or body.lower() == body or body.upper() == body:
        return
    flipped = body[:position] + body[position].swapcase() + body[position + 1 :]
    if flipped.lower() == flipped or flipped.upper() == flipped:
        return  # the only letter flipped: no checksum left to check
    assert not validate_address("ethereum", "0x" + flipped).ok


def test_messages_have_no_stray_fields() -> None:
    """Every message constant renders once its {fields} are filled."""
    for name in dir(rules):
        value = getattr(rules, name)
        if name.isupper() and isinstance(value, str) and name not in ("_HEX",):
            value.format(chain="X", count=1, char="y", found="Z")


# --- block-explorer links --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://etherscan.io/tx/{FIRST_ETH_TX}", ("tx", "ethereum", FIRST_ETH_TX)),
        (f"etherscan.io/address/{VITALIK.lower()}#tokentxns", ("address", "ethereum", VITALIK)),
        (f"https://www.bscscan.com/address/{VITALIK}", ("address", "bsc", VITALIK)),
        (f"https://polygonscan.com/tx/{FIRST_ETH_TX}", ("tx", "polygon", FIRST_ETH_TX)),
        (f"https://arbiscan.io/address/{VITALIK}", ("address", "arbitrum", VITALIK)),
        (
            f"https://tronscan.org/#/transaction/{next(iter(REAL['tron_txids']))}",
            ("tx", "tron", next(iter(REAL["tron_txids"]))),
        ),
        (f"https://tronscan.org/#/address/{USDT_TRON}/transfers", ("address", "tron", USDT_TRON)),
        (f"https://mempool.space/tx/{PIZZA_TX}", ("tx", "bitcoin", PIZZA_TX)),
        (f"https://blockstream.info/address/{GENESIS}", ("address", "bitcoin", GENESIS)),
        (f"https://solscan.io/tx/{SOLANA_SIG}?cluster=mainnet", ("tx", "solana", SOLANA_SIG)),
        (
            "https://solscan.io/account/EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
            ("address", "solana", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"),
        ),
        (f"https://blockchair.com/bitcoin/transaction/{PIZZA_TX}", ("tx", "bitcoin", PIZZA_TX)),
        (
            f"https://www.blockchain.com/explorer/addresses/btc/{GENESIS}",
            ("address", "bitcoin", GENESIS),
        ),
    ],
)
def test_explorer_links(url: str, expected: tuple[str, str, str]) -> None:
    assert extract_from_explorer_url(url) == ExplorerLink(*expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url",
    [
        f"https://etherscam.io/tx/{FIRST_ETH_TX}",  # look-alike host
        f"https://etherscan.io/tx/{FIRST_ETH_TX[:-1]}",  # broken hash
        f"https://tronscan.org/#/address/{GENESIS}",  # Bitcoin address on tronscan
        "https://etherscan.io/",
        "not a url at all",
        "",
    ],
)
def test_explorer_links_that_are_not_recognised(url: str) -> None:
    assert extract_from_explorer_url(url) is None


@pytest.mark.security  # hostile input: only documented errors, never a crash
@given(st.text(max_size=200))
def test_explorer_parser_never_raises(url: str) -> None:
    extract_from_explorer_url(url)
    extract_from_explorer_url("https://etherscan.io/tx/" + url)
