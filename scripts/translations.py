"""Keep the translations in step with the code — one command.

    python scripts/translations.py update    # extract strings, merge into the zh_CN .po
    python scripts/translations.py compile   # .po → .mo (commit both)
    python scripts/translations.py check     # what is missing or broken (exit 1 if any)

Strings are found by Babel: ``_("…")`` and ``N_("…")`` in checks/ and
desktop/. The test suite runs the same :func:`problems` check.
"""

from __future__ import annotations

import io
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "wallet_checkup"
LANGUAGES = ("zh_CN",)
SOURCE_DIRS = ("checks", "desktop")
KEYWORDS = {"_": None, "N_": None}


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def extract() -> Catalog:
    """Every marked string in the source, as a template catalogue."""
    template = Catalog(project="wallet-checkup", domain=DOMAIN)
    for folder in SOURCE_DIRS:
        found = extract_from_dir(ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS)
        for filename, lineno, message, _comments, context in found:
            template.add(message, locations=[(f"{folder}/{filename}", lineno)], context=context)
    return template


def read_catalog(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def update_catalogs() -> None:
    template = extract()
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True, include_lineno=False)
    for language in LANGUAGES:
        catalog = read_catalog(language)
        catalog.update(template, no_fuzzy_matching=True)
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        with po_path(language).open("wb") as handle:
            write_po(
                handle,
                catalog,
                sort_output=True,
                include_lineno=False,
                ignore_obsolete=True,
                width=100,
            )


def compile_catalogs() -> None:
    for language in LANGUAGES:
        with mo_path(language).open("wb") as handle:
            write_mo(handle, read_catalog(language), use_fuzzy=False)


def fields(text: str) -> set[str]:
    try:
        return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}
    except ValueError:
        return {"<malformed>"}


def problems() -> list[str]:
    """Missing, fuzzy or field-mismatched translations, and stale .mo files."""
    found: list[str] = []
    template = extract()
    for language in LANGUAGES:
        catalog = read_catalog(language)
        for message in template:
            if not message.id:
                continue
            entry = catalog.get(message.id, context=message.context)
            where = message.locations[0][0] if message.locations else "?"
            if entry is None or not entry.string or entry.fuzzy:
                found.append(f"{language}: no translation for {message.id!r} ({where})")
            elif fields(message.id) != fields(str(entry.string)):
                found.append(
                    f"{language}: fields differ in {message.id!r}: "
                    f"{sorted(fields(message.id))} vs {sorted(fields(str(entry.string)))}"
                )
        compiled = mo_path(language)
        if not compiled.exists():
            found.append(f"{language}: {compiled.name} missing — run compile")
            continue
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        with compiled.open("rb") as handle:
            current = {m.id: m.string for m in read_mo(handle) if m.id}
        fresh = {m.id: m.string for m in read_mo(io.BytesIO(buffer.getvalue())) if m.id}
        if current != fresh:
            found.append(f"{language}: {compiled.name} is out of date — run compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update_catalogs()
    elif command == "compile":
        compile_catalogs()
    elif command != "check":
        print(__doc__)
        return 2
    found = problems()
    for line in found:
        print(line)
    print(f"{len(found)} problem(s) in {', '.join(LANGUAGES)}")
    return 1 if found and command == "check" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
