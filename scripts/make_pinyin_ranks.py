"""Print the pinyin syllables ordered by how often they are read in Chinese text.

The output is ``SYLLABLES_BY_FREQUENCY`` in checks/password_zh_data.py. Run it
in a throw-away virtual environment; the app itself needs neither package::

    python3 -m venv /tmp/pinyin && /tmp/pinyin/bin/pip install jieba==0.42.1 pypinyin==0.55.0
    /tmp/pinyin/bin/python scripts/make_pinyin_ranks.py

Every word of jieba's dictionary (dict.txt: about 349,000 words with their
frequencies in a large corpus) is read with pypinyin, which knows the reading
of a character inside a word (银行 háng, 行走 xíng); each syllable scores the
frequency of every word it is read in. Tones are dropped and ü is written v,
as people type it.
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections import Counter
from pathlib import Path

INTERJECTIONS = {"m", "n", "ng", "hm", "hng", "r"}  # readings, not syllables one types


def syllable_counts(dictionary: Path) -> Counter[str]:
    from pypinyin import Style, lazy_pinyin

    han = re.compile(r"[\u4e00-\u9fff]+")
    counts: Counter[str] = Counter()
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            word, frequency, *_ = line.split()
            if not han.fullmatch(word):
                continue
            for syllable in lazy_pinyin(word, style=Style.NORMAL, v_to_u=False, errors="ignore"):
                counts[syllable] += int(frequency)
    return counts


def main() -> int:
    import jieba

    counts = syllable_counts(Path(jieba.__file__).parent / "dict.txt")
    ranked = [s for s, _ in counts.most_common() if s not in INTERJECTIONS and s.isalpha()]
    print(textwrap.fill(" ".join(ranked), width=92, initial_indent="    ",
                        subsequent_indent="    "))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
