"""Reading the two data files of the directory (support channels, reporting
bodies): one loader and one way to check a field, with errors that say
which entry and which field is wrong.
"""

from __future__ import annotations

import json
from importlib.resources import files

from checks.i18n import N_, InputError, msg


class DataFileError(InputError):
    """A shipped data file is damaged; ``problem`` names the entry and the field."""

    TEXT = N_("A data file is damaged: {problem}")

    def __init__(self, problem: str) -> None:
        super().__init__(msg(self.TEXT, problem=problem))
        self.problem = problem


def read_resource(name: str, error: type[DataFileError]) -> object:
    """The decoded JSON of ``resources/<name>``; ``error`` if it cannot be read."""
    try:
        raw = files("resources").joinpath(name).read_text(encoding="utf-8")
        return json.loads(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise error(f"cannot read the file ({problem})") from problem


def is_url(value: object, *, allow_http: bool = False) -> bool:
    """A web address: https:// (or http:// when allowed), no white space."""
    schemes = ("https://", "http://") if allow_http else ("https://",)
    return (
        isinstance(value, str) and value.startswith(schemes) and not any(c.isspace() for c in value)
    )


class Fields:
    """Typed access to one object's fields; a problem raises ``error`` naming
    ``where`` the object sits and which field is wrong."""

    def __init__(self, item: object, where: str, error: type[DataFileError]) -> None:
        if not isinstance(item, dict):
            raise error(f"{where}: must be an object")
        self.item = item
        self.where = where
        self.error = error

    def fail(self, name: str, problem: str) -> DataFileError:
        return self.error(f"{self.where} field {name!r}: {problem}")

    def text(self, name: str, *, optional: bool = False) -> str | None:
        value = self.item.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "must be a non-empty text")
        return value

    def url(self, name: str, *, optional: bool = False, allow_http: bool = False) -> str | None:
        value = self.text(name, optional=optional)
        if value is None:
            return None
        if not is_url(value, allow_http=allow_http):
            start = "http:// or https://" if allow_http else "https://"
            raise self.fail(name, f"must be a web address starting with {start}")
        return value

    def flag(self, name: str) -> bool:
        value = self.item.get(name)
        if not isinstance(value, bool):
            raise self.fail(name, "must be true or false")
        return value

    def items(self, name: str, *, optional: bool = False) -> list[object]:
        value = self.item.get(name, [] if optional else None)
        if not isinstance(value, list):
            raise self.fail(name, "must be a list")
        return value


def label(item: object, index: int) -> str:
    """How an error names an object: its id, or its place in the list."""
    raw_id = item.get("id") if isinstance(item, dict) else None
    return repr(raw_id) if isinstance(raw_id, str) else f"#{index + 1}"
