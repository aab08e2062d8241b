"""Translation at display time (gettext), and Qt's own strings.

``checks`` marks text with ``N_``; widgets call :func:`_` or :func:`tr`
when they show it. :func:`set_language` switches both our catalogue and
Qt's bundled ``qtbase`` translator (for Qt's own OK/Cancel buttons).
"""

from __future__ import annotations

import gettext
import os
from typing import TYPE_CHECKING, Any

import resources

if TYPE_CHECKING:
    from checks.i18n import Msg

DOMAIN = "wallet_checkup"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_qt_translator: Any = None


def _(text: str) -> str:
    """Translate an English source string into the current language."""
    return _translation.gettext(text) if text else text


def tr(text: str | Msg) -> str:
    """Translate a plain marked string or a :class:`Msg` with fields."""
    if isinstance(text, str):
        return _(text)
    return text.render(_)


def current_language() -> str:
    return _language


def normalise_language(name: str | None) -> str:
    """Map any locale name to one we ship: zh_* → zh_CN, else en."""
    if name and name.replace("-", "_").lower().startswith("zh"):
        return "zh_CN"
    return "en"


def cli_language(chosen: str | None) -> str:
    """For a command-line run: --lang, else the environment's locale (zh_* or Chinese
    → zh_CN), without Qt."""
    if chosen:
        return chosen
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX"):
            return normalise_language(value.split(":")[0])
    import locale  # the commands only: the window's start-up does without it

    system = locale.getlocale()[0] or ""
    return "zh_CN" if system.lower().startswith("chinese") else normalise_language(system)


def system_language() -> str:
    from PySide6.QtCore import QLocale  # Qt only in the window: the commands run without it

    return normalise_language(QLocale.system().name())


def catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``language`` (English: the identity)."""
    if language == "en":
        return gettext.NullTranslations()
    mo = os.path.join(resources.FOLDER, "locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    with open(mo, "rb") as file:
        return gettext.GNUTranslations(file)


def set_language(language: str, app: Any = None) -> None:
    """Switch our catalogue, and Qt's translator when an application exists."""
    global _translation, _language, _qt_translator
    _language = language if language in LANGUAGES else "en"
    _translation = catalog(_language)
    if app is None:
        return
    from PySide6.QtCore import QLocale  # Qt only in the window: the commands run without it

    # Qt's own words that are not in qtbase's catalogue (month and day names in
    # date pickers, number formats) follow the default locale.
    system = QLocale.system()
    if _language == "zh_CN":
        QLocale.setDefault(QLocale("zh_CN"))
    else:  # English: the system's English (en_GB dates stay British), else US English
        QLocale.setDefault(system if system.name().startswith("en") else QLocale("en_US"))

    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if _language != "en":
        from PySide6.QtCore import QLibraryInfo, QTranslator  # as above

        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{_language}", folder):
            app.installTranslator(translator)
            _qt_translator = translator
