"""checks.password.chinese and .engine: the Chinese password patterns zxcvbn does not know."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.password import assess
from checks.password import chinese as zh
from checks.password import chinese_data as data
from checks.password.chinese import chinese_matches
from checks.password.engine import estimate

# Written by us from the patterns the studies describe (checks/password/chinese_data.py):
# names and birthdays in Chinese date formats, names with love and lucky numbers,
# pinyin words and phrases with codes, number codes and common passwords.
NAME_AND_DATE = """
zhangwei1990 zhangwei19900101 wangwei19851012 lina19920315 wangfang880808 liwei0521
wangjing1987 lijing19910606 zhangmin0910 liuwei1995 zhangjing950101 chen19880808
yang19930315 huang891010 zhaolei1989 zhouyu19960101 wuhao0612 xuli1990 sunli890101
mali1208 hujun1985 zhuhong0405 guojing1992 luoyi1998 gaoyuan0707 linfeng1988
liuyang1988 wangxiaoming1990 1988zhangwei 19900101lina 0808wangfang
"""
NAME_AND_CODE = """
wangfang88 liuyang123 huangwei520 zhangwei520 lina1314 wangwei888 liwei666 chenjing168
yanglin521 wangjun123456 liming5201314 zhangyong1314 liuxin88 xiaoming123 wanghao666
lihua123 huangyan520 zhoujie1314 maliang888 520lina
"""
PINYIN = """
aini1314520 5201314aini woaini1314 woaini520 woaini521 aini1314 woaini123 woaini5201314
1314woaini 520woaini woaiwojia woshishui nihao123 wobuzhidao woainima wodemima mima123
mima520 zhongguo123 zhongguo1949 beijing2008 shanghai123 laopo520 laogong1314 baobei520
qinaide1314 tiantian123 kuaile888 xingfu520 pingan168 woaini aini nihao
"""
NUMBERS_AND_COMMON = """
5201314 1314520 7758521 5211314 168168 888888 666666 19880808 19900101 880808 123456
a123456 qq123456 123456a 147258369 520520 1314521 584520
"""
CAPITALISED = "Zhangwei1990 ZhangWei1990 Woaini1314 Wangfang88 Liuyang123 LiNa1314 Chen19880808"
CHINESE_STYLE = [
    word
    for group in (NAME_AND_DATE, NAME_AND_CODE, PINYIN, NUMBERS_AND_COMMON, CAPITALISED)
    for word in group.split()
]

ENGLISH_WORDS = """
anchor basket candle dolphin engine forest garden harbor island jacket kettle lemon marble
needle orbit pepper quartz rocket saddle ticket umbrella velvet walnut yellow zipper bridge
cactus desert feather glacier hammer insect jungle ladder meadow napkin oyster pillow rabbit
silver tunnel violin window barrel cobalt falcon ginger helmet juniper kayak lantern magnet
""".split()
PINYIN_WORDS = """
shuiguo lanqiu feiji tiankong xiongmao dianshi yinyue shudian huoche baozi jiaozi mianbao
xigua caomei putao yezi shitou luobo qingwa hudie diannao shouji chuanghu menkou huayuan
gongyuan yundong youyong paobu hongcha lvcha kafei niunai jidan yumao qiqiu zhuozi yizi
taiyang yueliang xingxing yunduo xueren binggan tangguo guozhi lazhu chaye fengzheng
""".split()


def _strong_samples() -> list[str]:
    rng = random.Random(18)
    printable = string.ascii_letters + string.digits + string.punctuation
    samples = [
        "".join(rng.choice(printable) for _ in range(rng.choice((12, 16)))) for _ in range(40)
    ]
    for words in (ENGLISH_WORDS, PINYIN_WORDS):
        for count, separator in ((3, "-"), (4, "-"), (4, " "), (4, ".")):
            samples += [separator.join(rng.sample(words, count)) for _ in range(10)]
    return samples


def test_the_table_is_large_and_made_of_distinct_passwords() -> None:
    assert len(CHINESE_STYLE) >= 100
    assert len(set(CHINESE_STYLE)) == len(CHINESE_STYLE)


@pytest.mark.parametrize("password", CHINESE_STYLE)
def test_common_chinese_style_passwords_are_weak(password: str) -> None:
    report = assess(password)
    assert report.score <= 1
    assert report.warning


def test_most_of_the_table_was_rated_fair_or_better_by_zxcvbn_alone() -> None:
    from zxcvbn import zxcvbn

    before = [zxcvbn(password)["score"] for password in CHINESE_STYLE]
    assert sum(score >= 2 for score in before) >= len(CHINESE_STYLE) // 2


def test_a_rarer_name_with_an_older_full_birthday_is_still_far_weaker() -> None:
    from zxcvbn import zxcvbn

    report = estimate("zhuhong19750405")
    assert report["score"] <= 2
    assert report["guesses_log10"] < zxcvbn("zhuhong19750405")["guesses_log10"] - 3


@pytest.mark.parametrize("password", _strong_samples())
def test_random_passwords_and_passphrases_stay_strong(password: str) -> None:
    assert assess(password).score >= 3


def test_only_adds_knowledge_where_no_chinese_pattern_is_found() -> None:
    from zxcvbn import zxcvbn

    for password in ("orbit maple gnome ticket", "Xq7#mLp2@vN9", "P@ssw0rd!", "qwerty"):
        assert estimate(password)["guesses"] == zxcvbn(password)["guesses"]


def _spans(password: str, kind: str = "") -> dict[str, int]:
    """Token -> guesses of the Chinese matches (of one kind, when given)."""
    return {
        match["token"]: match["guesses"]
        for match in chinese_matches(password)
        if not kind or kind in match["zh_kind"].split("+")
    }


def test_a_token_of_pinyin_syllables_is_ranked_by_its_syllables() -> None:
    rank = zh.SYLLABLE_RANK
    pinyin = _spans("woaini", zh.PINYIN)
    assert pinyin["woaini"] == rank["wo"] * rank["ai"] * rank["ni"]
    assert rank["wo"] < rank["zhuai"]  # common syllables are cheap
    assert "woaini" in _spans("Xwoaini7", zh.PINYIN)  # anywhere in the password
    # No syllable starts "xq", "qz" ...: only single letters (the start of a syllable).
    assert set(_spans("xqztk", zh.PINYIN)) == {"x", "q", "z", "t", "k"}


@pytest.mark.parametrize("phrase", ["wo ai ni yi sheng yi shi", "wo-ai-ni", "shi de yi ge ren"])
def test_pinyin_typed_a_syllable_at_a_time_is_still_one_phrase(phrase: str) -> None:
    report = assess(phrase)
    assert report.score <= 1
    assert report.warning == zh.NOTE_PINYIN


def test_ambiguous_pinyin_takes_the_cheapest_reading() -> None:
    rank = zh.SYLLABLE_RANK
    expected = min(rank["xian"], rank["xi"] * rank["an"])
    assert _spans("xian", zh.PINYIN)["xian"] == expected


def test_v_and_u_spellings_of_the_umlaut_both_count() -> None:
    assert "lvse" in _spans("lvse")  # lv is also a surname: read as a name
    assert "nvren" in _spans("nvren", zh.PINYIN)
    assert zh.SYLLABLE_RANK["lue"] == zh.SYLLABLE_RANK["lve"]


def test_an_unfinished_syllable_at_the_end_costs_a_little_more_not_nothing() -> None:
    assert _spans("wangz")["wangz"] == zh.SURNAME_RANK["wang"] * zh.LETTERS
    assert _spans("shuiguoz")["shuiguoz"] == (
        zh.SYLLABLE_RANK["shui"] * zh.SYLLABLE_RANK["guo"] * zh.LETTERS
    )


def test_names_surname_and_given_name() -> None:
    names = _spans("zhangwei", zh.NAME)
    assert names["zhangwei"] == 1  # the most common full name
    assert _spans("zhang", zh.NAME)["zhang"] == zh.SURNAME_RANK["zhang"]
    assert names["zhang"] == zh.MIN_SUBMATCH_MULTI_CHAR  # zxcvbn's floor for a part
    assert _spans("ouyangxiu", zh.NAME)["ouyangxiu"] == (
        zh.SURNAME_RANK["ouyang"] * zh.GIVEN_RANK["xiu"]
    )
    liuyang = _spans("liuyang", zh.NAME)["liuyang"]
    assert liuyang == zh.SURNAME_RANK["liu"] * zh.SYLLABLE_RANK["yang"]


@pytest.mark.parametrize(
    ("token", "guesses"),
    [
        ("19880808", 29 * 365),  # YYYYMMDD: years from 2017, as zxcvbn counts them
        ("20100101", 20 * 365),  # at least 20 years
        ("880808", 29 * 365),  # YYMMDD
        ("050505", 20 * 365),  # 2005
        ("0808", 366),  # MMDD
        ("1231", 366),
        ("1990", 27),  # a year
        ("1332", None),  # month 13
        ("0230", 366),  # 30 February passes: a cracker tries every day 1-31
        ("0000", None),
        ("19000101", 117 * 365),
        ("18991231", None),  # before 1900: not a birthday
        ("1234567", None),
    ],
)
def test_chinese_date_formats(token: str, guesses: int | None) -> None:
    assert zh._date_guesses(token) == guesses


def test_number_codes_are_cheap_and_templates_join_letters_and_digits() -> None:
    assert _spans("3344", zh.CODE)["3344"] == zh.CODE_RANK["3344"]
    template = {m["token"]: m for m in chinese_matches("zhangwei1990")}["zhangwei1990"]
    assert template["zh_kind"] == "name+date"
    assert template["guesses"] == zh.TEMPLATE_ORDERS * 1 * 27
    reverse = {m["token"]: m for m in chinese_matches("5201314aini")}["5201314aini"]
    assert reverse["zh_kind"] == "code+pinyin"


def test_capitals_cost_what_zxcvbn_charges_for_them() -> None:
    plain = {m["token"]: m["guesses"] for m in chinese_matches("zhangwei1990")}
    capital = {m["token"]: m["guesses"] for m in chinese_matches("Zhangwei1990")}
    assert capital["Zhangwei1990"] == 2 * plain["zhangwei1990"]


@pytest.mark.parametrize(
    ("password", "warning"),
    [
        ("zhangwei1990", zh.NOTE_NAME_AND_BIRTHDAY),
        ("chen19880808", zh.NOTE_NAME_AND_BIRTHDAY),
        ("aini1314520", zh.NOTE_NUMBER_CODES),
        ("wangfang88", zh.NOTE_NUMBER_CODES),
        ("woaini1314", zh.NOTE_COMMON),
        ("woshishui", zh.NOTE_COMMON),
        ("zhangwei", zh.NOTE_NAME),
        ("kaixin", zh.NOTE_PINYIN),
    ],
)
def test_feedback_names_the_pattern_and_suggests_a_passphrase(password: str, warning: str) -> None:
    feedback = estimate(password)["feedback"]
    assert feedback["warning"] == warning
    assert zh.SUGGEST_PASSPHRASE in feedback["suggestions"]
    assert warning not in feedback["suggestions"]


def test_strong_passwords_get_no_chinese_feedback() -> None:
    for password in ("yinyue-dianshi-yezi-jidan", "Kx7#mQ2pLw9z"):
        feedback = estimate(password)["feedback"]
        assert feedback == {"warning": "", "suggestions": []}


def test_every_password_of_the_table_gets_a_warning_mostly_ours() -> None:
    ours = 0
    for password in CHINESE_STYLE:
        feedback = estimate(password)["feedback"]
        assert feedback["warning"], password
        assert password not in repr(feedback)
        ours += feedback["warning"] in zh.FEEDBACK_TEXTS
    assert ours >= len(CHINESE_STYLE) * 9 // 10  # the rest: zxcvbn's repeats, sequences


def test_the_data_is_consistent() -> None:
    syllables = set(data.SYLLABLES_BY_FREQUENCY)
    assert len(syllables) == len(data.SYLLABLES_BY_FREQUENCY) > 400
    assert set(data.SYLLABLES_IN_PASSWORDS) <= syllables
    assert not {"m", "n", "ng", "hm", "hng"} & syllables
    for words in (data.SURNAMES, data.GIVEN_NAMES, data.FULL_NAMES, data.NUMBER_CODES,
                  data.COMMON_PASSWORDS):  # fmt: skip
        assert len(set(words)) == len(words)
    for word in (*data.SURNAMES, *data.GIVEN_NAMES, *data.FULL_NAMES):
        assert zh._syllable_paths(word, 0, len(word)).get(len(word)), word
    assert all(code.isdigit() for code in data.NUMBER_CODES)
    assert all(word.isascii() and word.isalnum() for word in data.COMMON_PASSWORDS)
    assert data.SURNAMES[:5] == ("wang", "li", "zhang", "liu", "chen")
    assert data.FULL_NAMES[0] == "zhangwei"


@pytest.mark.parametrize("password", ["İİİzhangwei1990", "ǅzhangwei", "ßwoaini1314", "ﬃaini520"])
def test_letters_whose_lower_case_is_longer_do_not_shift_the_patterns(password: str) -> None:
    for match in chinese_matches(password):
        assert password[match["i"] : match["j"] + 1] == match["token"]
        assert match["j"] < len(password)
    assert estimate(password)["score"] <= 2


def test_estimate_refuses_what_zxcvbn_refuses() -> None:
    with pytest.raises(ValueError):
        estimate("")
    with pytest.raises(ValueError):
        estimate("x" * 73)


CHINESE_TOKENS = st.sampled_from(
    [*data.SYLLABLES_BY_FREQUENCY[:80], *data.SURNAMES[:30], *data.GIVEN_NAMES,
     *data.NUMBER_CODES[:40], *data.COMMON_PASSWORDS[:30], *"0123456789abcxyzA-_!@ "]
)  # fmt: skip
NEXT_CHAR = st.sampled_from(string.ascii_lowercase + string.digits + "A-!")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(password=st.text(min_size=1, max_size=72))
def test_estimate_never_raises(password: str) -> None:
    result = estimate(password)
    assert 0 <= result["score"] <= 4


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(CHINESE_TOKENS, min_size=1, max_size=6), char=NEXT_CHAR)
def test_adding_a_character_never_makes_a_password_dramatically_weaker(
    tokens: list[str], char: str
) -> None:
    """At most one score step, and no steeper than zxcvbn's own estimate falls.

    zxcvbn itself can fall far when a key completes a word or a repeat
    ("master!master" then "!"); the Chinese patterns must not add such cliffs.
    """
    from zxcvbn import zxcvbn

    password = "".join(tokens)[:40]
    before, after = estimate(password), estimate(password + char)
    own_fall = zxcvbn(password)["guesses_log10"] - zxcvbn(password + char)["guesses_log10"]
    assert after["score"] >= before["score"] - 1
    assert before["guesses_log10"] - after["guesses_log10"] <= max(own_fall, 0) + 2
