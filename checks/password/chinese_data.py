"""What a cracker who knows Chinese password habits tries first: the data.

Read by :mod:`checks.password_zh`. Every list is ordered, most likely first: a
word's position (1-based) is its rank, the number of guesses a cracker who
walks the list in order needs to reach it. Nothing here was copied from a
leaked password file; where a list is taken from a publication, the source
is named beside it. Sources (checked 2025):

[WANG19] Ding Wang, Ping Wang, Debiao He, Yuan Tian. "Birthday, Name and
    Bifacial-security: Understanding Passwords of Chinese Web Users". USENIX
    Security 2019, pp. 1537-1555 (73.1 million Chinese passwords): Chinese
    users build passwords from pinyin names, birthdays in several formats and
    digits with a meaning (5201314); they fall to online guessing (10^1..10^4
    guesses) more often than English ones.
    https://www.usenix.org/conference/usenixsecurity19/presentation/wang-ding
[LI14] Zhigong Li, Weili Han, Wenyuan Xu. "A Large-Scale Empirical Analysis
    of Chinese Web Passwords". USENIX Security 2014: adding pinyin (about 2.3%
    more dictionary entries) and Chinese date rules to a PCFG cracker made it
    34% more efficient.
    https://www.usenix.org/system/files/conference/usenixsecurity14/sec14-paper-li-zhigong.pdf
[HAN17] Gang Han, Yu Yu, Xiangxue Li, Kefei Chen, Hui Li. "Characterizing the
    semantics of passwords: The role of Pinyin for Chinese Netizens". Computer
    Standards & Interfaces, 2017 (141 million passwords): over 4% are pure
    pinyin (93% of those from 2-4 characters), nearly 5% pinyin plus a date,
    17% pinyin plus other digits.
[12306] "12306 Paper, preliminary results", github.com/qingyuanxingsi/
    12306_passcracking, file 12306result.md: an aggregate analysis of the
    131,389 accounts leaked from China's railway ticket site in 2014. Its
    "most frequently used passwords" table (top 20, with shares) and its most
    common pinyin syllables; [NAME][BD] (name then birthday) is the most
    common structure built from personal information (3.3% of all passwords).
[MPS19] Ministry of Public Security, household registration research centre,
    "二〇一九年全国姓名报告" (20 January 2020), as reported by China News
    Service and Xinhua: the ten most common full names, the most common
    characters in given names (英 华 文 玉 秀 明 丽 兰 红 金 first), the
    2020 report's most common newborn names, the largest compound surnames.
[NBS10] National Bureau of Statistics, the 20 largest surnames in the 2010
    census (王 李 张 刘 陈 杨 黄 赵 周 吴 徐 孙 马 胡 朱 郭 何 罗 高 林), as
    published by 上海发布 and reported in 现代快报, 25 June 2014.
[NUM] The meaning of number codes: Newsgd.com, "Numbers and meanings in
    China" (21 March 2018): 520 "I love you", 1314 "a lifetime", 5201314,
    88 "bye-bye", 6/8/9 lucky; People's Daily French edition, 13 June 2014:
    521, 510, 3399, 748; Guangming Online, 20 May 2019: 520, 1314.
[XKCD936] Randall Munroe, "Password Strength", xkcd 936 (10 August 2011):
    "correct horse battery staple" and "Tr0ub4dor&3", now in every cracking
    list because they are the world's best-known example passwords.
[RISING11] China.org.cn, 28 November 2011: the most common online passwords
    published by Rising (abc123, 123456, xiaoming, 12345678, iloveyou, admin,
    qq123456, taobao, root) and by Qihoo 360 (666666 and 888888 among
    Chinese users).
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Every toneless pinyin syllable (ü written v, as on a keyboard), ordered by
# how often it is read in Chinese text: the character readings of the words
# in jieba 0.42.1's dictionary (dict.txt, MIT licence), each weighted by the
# word's frequency and read with pypinyin 0.55.0 (MIT licence); made by
# scripts/make_pinyin_ranks.py. Interjection-only readings (m, n, ng, hm, hng)
# are left out: they would let almost any string of consonants pass as pinyin.
SYLLABLES_BY_FREQUENCY = _words(
    """
    shi yi ji zhi bu you ren zhong wei li guo zhe he da yu zai le qi dao di jian ge zi wu ta
    gong yuan xiang cheng xing sheng de ye hui shang jing xian jin jia chu xi fu zhu zheng
    qu jie ke fa men shu nian er jiu tong hua lai wo yao xin bei fang si shou xiao zuo shen
    yan chang jiao guan dong ming ju xue xia zhang mei ti hou dui qing hai wen liang quan
    jiang qian yang ci fen hu dai min zhan shuo ying yin bao ru huo yong bi bian dan tian
    yue ni dian gao na du duo hao gu ba deng wang xie jun wan an she dang mian ling bing dou
    ding ben lu nan ban zu neng fan cai xu shan lian biao mu suo chan tai tou ran shui ri
    liu zhen kai zhou ping bai gan feng han tu fei san zui ma wai jue cong gui gai chi zhao
    mi su zong ting kan huang me lv lao nei ya mo kou guang duan cha zhuan pin zao que sui
    yun chuan shao qiu xuan huan tiao qiang luo ze bo lei zhuang gou tan lin hong hen qin
    chao chong kong te pai lun liao pi e chen gang geng gen rong xun zou bie mao nv sha che
    qiao la qie cun po se nong ai kao man xiu tang kuai lie song kuang gei ce can tao tui
    bang hang pu pian ceng lan chuang mai zeng long tuan diao xiong suan rang ku pei meng
    tie kang pan cao tuo kuo zhun a qun dun re shuang chun ruo pao cuo miao hun chou lou sai
    zen peng lang juan hei ou huai pa zan nao sun nu mou heng cang zhuo wa luan mang ao lve
    nai kuan ning rou gua pang reng niu zha piao ne kun zhai leng niang shun zhui die za cu
    shuai kui guai ha chui zang sou ka sa fou en ken ruan cui zun rao bin teng nuo nin rui
    mie chai zhua niao kua sao sen run sang gun pen qiong zei nuan tun nie seng qia fo shua
    beng zuan weng keng ang ca nang diu nen ga cuan o lia cen chuo shai jiong cou pie yo pou
    shuan chuai nve zhuai miu dei nou shei ei rua chua dia den
    """
)

# Syllables seen most often in passwords ([12306]: its pinyin table in order,
# without "a", "o", "e" and "lo", which come mostly from "a123456" and "love";
# then chen, er, le, da, de from its tables of the letters left once names
# were taken out). A syllable's rank is the better of this order and the one
# above.
SYLLABLES_IN_PASSWORDS = _words(
    "wo li ai ni wang yu wei xiao ma liu yang shi zhang chen er le da de"
)

# Surnames in pinyin. The first 20 in census order [NBS10]; then other
# surnames of the 2019 hundred largest [MPS19] in roughly that order (only
# the top five of that list are ranked in the sources we could read).
# Several characters share one spelling (许/徐 xu, 于/余 yu ...): listed once.
SURNAMES = _words(
    """
    wang li zhang liu chen yang huang zhao zhou wu xu sun ma hu zhu guo he luo gao lin
    zheng liang xie tang song han feng deng cao peng zeng xiao tian dong pan yuan cai
    jiang yu du ye cheng wei su lv ding ren lu yao shen zhong cui tan fan liao shi jin
    jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long tao mao hao
    gu gong shao wan qian lai hong dai mo kong xiang chang ou
    ouyang shangguan huangfu linghu zhuge situ sima
    """
)

# Whole given names: the given names of the ten most common full names, the
# most common given-name characters, the 2020 top newborn names, and the two
# most common names with 国 [MPS19].
GIVEN_NAMES = _words(
    """
    wei na fang jing min ying hua wen yu xiu ming li lan hong jin
    yichen yuxuan haoyu yuchen zimo yuhang haoran zihao yinuo xinyi zihan yutong
    xinyan kexin yuxi mengyao jianguo guoying
    """
)

# The ten most common full names in China, in order [MPS19]; xiaoming, the
# name in every Chinese textbook, is third on Rising's list [RISING11].
FULL_NAMES = _words(
    "zhangwei wangwei lina wangfang liwei wangjing lijing zhangmin liuwei zhangjing xiaoming"
)

# Number codes, most used first: love codes, lucky numbers, the emergency
# numbers, the keypad runs and short runs that fill Chinese password lists
# [NUM], [WANG19], [12306], [RISING11]. The order is ours, guided by the
# shares in [12306] (5201314 before 7758521 before 1314520).
NUMBER_CODES = _words(
    """
    123456 520 1314 5201314 521 111111 123 000000 888 666 88 66 123123 1314520 7758521
    168 999 8888 6666 888888 666666 99 1234 5211314 1314521 12345678 123456789 520520
    521521 9999 999999 88888888 66666666 100200 584520 9420 3344 7758 7758258 1234567
    12345 112233 123321 147258369 159357 147258 258369 741852963 123654 789456123 110
    119 120 110120 110120119 510 3399 748 250 5845201314 52013145201314 1314520520
    31415926 11 00 01 007 1111 0000
    """
)

# Whole passwords, most common first: the top 20 of [12306] in its order, then
# the rest of Rising's list and Qihoo 360's two [RISING11], then pinyin
# phrases built the way the studies describe ([HAN17]: 2-4 characters, and
# woaini is the most common pinyin in [12306]). The phrases are ours.
COMMON_PASSWORDS = _words(
    """
    123456 a123456 123456a 5201314 111111 woaini1314 123123 qq123456 000000 1qaz2wsx
    1q2w3e4r qwe123 7758521 123qwe a123123 woaini520 123456aa 1314520 100200 woaini
    abc123 xiaoming 12345678 iloveyou admin taobao root 666666 888888
    aini woaini521 woaini123 aini1314 aini520 woaiwojia woshishui nihao wobuzhidao
    mima wodemima zhongguo laopo laogong baobao baobei qinaide woaiwolaopo woainima
    tiantian kuaile xingfu pingan zhangsan lisi wangwu
    """
)

# Example passwords from famous advice, as word lists: every cracker tries
# them with spaces, dashes, dots, underscores or nothing between the words,
# and the first three words alone [XKCD936].
FAMOUS_EXAMPLES: tuple[tuple[str, ...], ...] = (
    ("correct", "horse", "battery", "staple"),
    ("tr0ub4dor&3",),
    ("troubador",),
)
