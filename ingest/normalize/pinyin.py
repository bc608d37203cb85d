"""Chinese -> pinyin with ``pypinyin`` (ships its dictionary), the bridge between 瑞金 and "Ruijin"."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from .text import is_cjk_char

# Surnames whose reading differs from the character's most common reading.
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao", "盖": "ge",
    "尉": "yu", "乐": "yue", "缪": "miao", "翟": "zhai", "覃": "qin", "黑": "he", "燕": "yan", "繁": "po",
    "种": "chong", "秘": "bi", "折": "she", "員": "yun", "长孙": "zhangsun",
}  # fmt: skip
# Toneless pinyin syllables (from pypinyin's dictionary), for telling "Taiyong" from "Precision".
_SYLLABLE_TEXT = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai
can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di
dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng
fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha
hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo
long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan
nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou
shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong
you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng
zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
"""
SYLLABLES = frozenset(_SYLLABLE_TEXT.split())
_MAX_SYLLABLE = max(len(s) for s in SYLLABLES)
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "慕容",
        "皇甫",
        "令狐",
        "夏侯",
        "尉迟",
        "长孙",
        "公孙",
        "司徒",
        "端木",
        "宇文",
    }
)


@lru_cache(maxsize=65536)
def syllables(text: str) -> tuple[str, ...]:
    """Pinyin syllables of the CJK characters in ``text`` (no tones); other characters are dropped."""
    cjk = "".join(ch for ch in text if is_cjk_char(ch))
    if not cjk:
        return ()
    return tuple(s for s in lazy_pinyin(cjk, style=Style.NORMAL, v_to_u=False) if s.isalpha())


READINGS = 3  # a character is read at most this many ways


@lru_cache(maxsize=65536)
def syllable_choices(text: str) -> tuple[tuple[str, ...], ...]:
    """Each CJK character of ``text`` with its readings, the one its context gives first: a brand
    may use another ("大参林" is "Dashenlin", where 参 alone reads "can" first)."""
    cjk = "".join(ch for ch in text if is_cjk_char(ch))
    if not cjk:
        return ()
    first = lazy_pinyin(cjk, style=Style.NORMAL, v_to_u=False)
    every = pinyin(cjk, style=Style.NORMAL, heteronym=True, v_to_u=False)
    if len(first) != len(every):
        return tuple((s,) for s in first if s.isalpha())
    return tuple(
        tuple(dict.fromkeys(r for r in (f, *more) if r.isalpha()))[:READINGS]
        for f, more in zip(first, every, strict=True)
    )


def split_chinese_name(name: str) -> tuple[str, str]:
    """("欧阳明华") -> ("欧阳", "明华"); single-character surname otherwise."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def person_pinyin(name: str) -> tuple[str, str]:
    """Family and given name of a Chinese personal name in pinyin: "郭婷瑶" -> ("guo", "tingyao")."""
    family, given = split_chinese_name(name)
    fam = SURNAME_READINGS.get(family) or "".join(syllables(family))
    return fam, "".join(syllables(given))


@lru_cache(maxsize=65536)
def pinyin_split(word: str) -> tuple[str, ...] | None:
    """Split a Latin word into pinyin syllables ("taiyong" -> ("tai", "yong")); None if it is not pinyin."""
    if not word:
        return ()
    for n in range(min(_MAX_SYLLABLE, len(word)), 0, -1):
        head = word[:n]
        if head in SYLLABLES:
            rest = pinyin_split(word[n:])
            if rest is not None:
                return (head, *rest)
    return None
