"""Every marked string has a Simplified Chinese translation with the same fields."""

from __future__ import annotations

import translations  # scripts/translations.py (pythonpath in pyproject)

from checks.i18n import Msg, msg
from desktop import i18n


def test_catalogue_is_complete_and_compiled() -> None:
    assert translations.problems() == []


def test_field_check_catches_a_broken_translation() -> None:
    assert translations.fields("Open theft cases: {count}.") == {"count"}
    assert translations.fields("未结束的案件：{count} 个。") == {"count"}
    assert translations.fields("未结束的案件：{n} 个。") != {"count"}
    assert translations.fields("broken {") == {"<malformed>"}


def test_msg_is_translated_before_fields_are_filled() -> None:
    i18n.set_language("zh_CN")
    text = msg("Your monthly checkup is due (since {date}).", date="2026-12-01")
    assert i18n.tr(text) == "该做每月体检了（自 2026-12-01 起）。"
    nested = msg(
        "We could not read a saved file ({reason}), so we kept it aside at {path}"
        " and started fresh. Nothing was deleted.",
        reason=Msg("the file was damaged"),
        path="/x",
    )
    assert "文件已损坏" in i18n.tr(nested)


def test_language_detection() -> None:
    assert i18n.normalise_language("zh_TW") == "zh_CN"
    assert i18n.normalise_language("zh-Hans-CN") == "zh_CN"
    assert i18n.normalise_language("en_GB") == "en"
    assert i18n.normalise_language("de_DE") == "en"
    assert i18n.normalise_language(None) == "en"


def test_qt_dates_follow_the_chosen_language(qapp) -> None:
    """Date pickers and calendars are Qt's own: month and day names follow the
    default locale, which set_language sets (not only our catalogue)."""
    from PySide6.QtCore import QLocale

    i18n.set_language("zh_CN", qapp)
    try:
        assert QLocale().name() == "zh_CN"
        assert QLocale().monthName(12) == "十二月"
        assert QLocale().dayName(2) == "星期二"
    finally:
        i18n.set_language("en", qapp)
    assert QLocale().name().startswith("en")
    assert QLocale().monthName(12) == "December"
