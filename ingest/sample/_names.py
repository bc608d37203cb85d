"""Hand-made bilingual name pools (deterministic; no Faker).

Chinese strings are paired with their pinyin so that an English name, an e-mail
address and a domain can be derived from the same draw, as happens in reality.
Tables are kept compact as "hanzi:pinyin[:extra]" items and parsed once at import.
"""

from __future__ import annotations

from typing import NamedTuple


class City(NamedTuple):
    zh: str
    en: str
    country: str  # ISO 3166 alpha-2
    region: str
    territory: str
    area: str  # trunk-less area code
    local_len: int  # digits of a landline subscriber number
    tz: str  # fixed UTC offset used for timestamps


CN_CITIES: tuple[City, ...] = (
    City("上海", "Shanghai", "CN", "East China", "East-Shanghai", "21", 8, "+08:00"),
    City("苏州", "Suzhou", "CN", "East China", "East-Jiangsu", "512", 8, "+08:00"),
    City("南京", "Nanjing", "CN", "East China", "East-Jiangsu", "25", 8, "+08:00"),
    City("无锡", "Wuxi", "CN", "East China", "East-Jiangsu", "510", 8, "+08:00"),
    City("常州", "Changzhou", "CN", "East China", "East-Jiangsu", "519", 8, "+08:00"),
    City("杭州", "Hangzhou", "CN", "East China", "East-Zhejiang", "571", 8, "+08:00"),
    City("宁波", "Ningbo", "CN", "East China", "East-Zhejiang", "574", 8, "+08:00"),
    City("合肥", "Hefei", "CN", "East China", "East-Zhejiang", "551", 8, "+08:00"),
    City("北京", "Beijing", "CN", "North China", "North-Beijing", "10", 8, "+08:00"),
    City("天津", "Tianjin", "CN", "North China", "North-Beijing", "22", 8, "+08:00"),
    City("青岛", "Qingdao", "CN", "North China", "North-Shandong", "532", 8, "+08:00"),
    City("济南", "Jinan", "CN", "North China", "North-Shandong", "531", 8, "+08:00"),
    City("沈阳", "Shenyang", "CN", "North China", "North-Northeast", "24", 8, "+08:00"),
    City("大连", "Dalian", "CN", "North China", "North-Northeast", "411", 8, "+08:00"),
    City("广州", "Guangzhou", "CN", "South China", "South-Guangdong", "20", 8, "+08:00"),
    City("深圳", "Shenzhen", "CN", "South China", "South-Guangdong", "755", 8, "+08:00"),
    City("东莞", "Dongguan", "CN", "South China", "South-Guangdong", "769", 8, "+08:00"),
    City("佛山", "Foshan", "CN", "South China", "South-Guangdong", "757", 8, "+08:00"),
    City("厦门", "Xiamen", "CN", "South China", "South-Fujian", "592", 7, "+08:00"),
    City("福州", "Fuzhou", "CN", "South China", "South-Fujian", "591", 8, "+08:00"),
    City("武汉", "Wuhan", "CN", "Central China", "Central", "27", 8, "+08:00"),
    City("长沙", "Changsha", "CN", "Central China", "Central", "731", 8, "+08:00"),
    City("郑州", "Zhengzhou", "CN", "Central China", "Central", "371", 8, "+08:00"),
    City("成都", "Chengdu", "CN", "West China", "West", "28", 8, "+08:00"),
    City("重庆", "Chongqing", "CN", "West China", "West", "23", 8, "+08:00"),
    City("西安", "Xi'an", "CN", "West China", "West", "29", 8, "+08:00"),
)
CN_CITY_WEIGHTS = (14, 9, 6, 5, 3, 7, 4, 3, 10, 5, 3, 3, 2, 2, 8, 8, 4, 3, 2, 2, 4, 3, 3, 4, 3, 3)

US_CITIES: tuple[City, ...] = (
    City("波士顿", "Boston", "US", "North America", "Intl-Americas", "617", 7, "-05:00"),
    City("芝加哥", "Chicago", "US", "North America", "Intl-Americas", "312", 7, "-06:00"),
    City("休斯顿", "Houston", "US", "North America", "Intl-Americas", "713", 7, "-06:00"),
    City("圣地亚哥", "San Diego", "US", "North America", "Intl-Americas", "619", 7, "-08:00"),
    City("明尼阿波利斯", "Minneapolis", "US", "North America", "Intl-Americas", "612", 7, "-06:00"),
    City("克利夫兰", "Cleveland", "US", "North America", "Intl-Americas", "216", 7, "-05:00"),
)
DE_CITIES: tuple[City, ...] = (
    City("慕尼黑", "München", "DE", "Europe", "Intl-Europe", "89", 8, "+01:00"),
    City("柏林", "Berlin", "DE", "Europe", "Intl-Europe", "30", 8, "+01:00"),
    City("汉堡", "Hamburg", "DE", "Europe", "Intl-Europe", "40", 8, "+01:00"),
    City("法兰克福", "Frankfurt am Main", "DE", "Europe", "Intl-Europe", "69", 8, "+01:00"),
    City("斯图加特", "Stuttgart", "DE", "Europe", "Intl-Europe", "711", 7, "+01:00"),
    City("科隆", "Köln", "DE", "Europe", "Intl-Europe", "221", 7, "+01:00"),
)
ALL_CITIES: tuple[City, ...] = CN_CITIES + US_CITIES + DE_CITIES
CITY_BY_EN = {c.en: c for c in ALL_CITIES}
CITY_BY_ZH = {c.zh: c for c in ALL_CITIES}

_DISTRICTS = """
城东:Chengdong 城西:Chengxi 城南:Chengnan 城北:Chengbei 江北:Jiangbei 江南:Jiangnan 高新:Gaoxin
经开:Jingkai 新城:Xincheng
"""
_BRANDS = """
瑞:Rui:瑞 华:Hua:華 精:Jing:精 恒:Heng:恆 达:Da:達 鑫:Xin:鑫 泰:Tai:泰 宏:Hong:宏 远:Yuan:遠
博:Bo:博 创:Chuang:創 德:De:德 隆:Long:隆 诚:Cheng:誠 安:An:安 康:Kang:康 汇:Hui:匯 海:Hai:海
天:Tian:天 立:Li:立 联:Lian:聯 金:Jin:金 永:Yong:永 盛:Sheng:盛 明:Ming:明 光:Guang:光 峰:Feng:峰
源:Yuan:源 通:Tong:通 捷:Jie:捷 嘉:Jia:嘉 凯:Kai:凱 卓:Zhuo:卓 越:Yue:越 宇:Yu:宇 晨:Chen:晨
星:Xing:星 佳:Jia:佳 和:He:和 正:Zheng:正 东:Dong:東 方:Fang:方 启:Qi:啟 航:Hang:航 腾:Teng:騰
锐:Rui:銳 迅:Xun:迅 益:Yi:益 丰:Feng:豐 荣:Rong:榮 威:Wei:威 信:Xin:信 新:Xin:新 中:Zhong:中
美:Mei:美 力:Li:力 科:Ke:科 润:Run:潤 昌:Chang:昌 祥:Xiang:祥
"""
_SURNAMES = """
王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 吴:Wu 周:Zhou 徐:Xu 孙:Sun 马:Ma
朱:Zhu 胡:Hu 郭:Guo 何:He 林:Lin 高:Gao 罗:Luo 郑:Zheng 梁:Liang 谢:Xie 宋:Song 唐:Tang 韩:Han
冯:Feng 邓:Deng 曹:Cao 彭:Peng 曾:Zeng 肖:Xiao 田:Tian 董:Dong 潘:Pan 袁:Yuan 蒋:Jiang 蔡:Cai 余:Yu
杜:Du 叶:Ye 程:Cheng 魏:Wei 苏:Su 丁:Ding 沈:Shen 任:Ren 姚:Yao
"""
_GIVEN = """
磊:Lei:m 伟:Wei:m 芳:Fang:f 敏:Min:f 静:Jing:f 丽:Li:f 强:Qiang:m 军:Jun:m 洋:Yang:m 勇:Yong:m
艳:Yan:f 杰:Jie:m 娟:Juan:f 涛:Tao:m 明:Ming:m 超:Chao:m 霞:Xia:f 平:Ping:m 刚:Gang:m 英:Ying:f
华:Hua:m 建:Jian:m 国:Guo:m 文:Wen:m 海:Hai:m 晓:Xiao:f 婷:Ting:f 宇:Yu:m 浩:Hao:m 鹏:Peng:m
辉:Hui:m 峰:Feng:m 琳:Lin:f 欣:Xin:f 雪:Xue:f 慧:Hui:f 佳:Jia:f 志:Zhi:m 红:Hong:f 玲:Ling:f
斌:Bin:m 俊:Jun:m 凯:Kai:m 思:Si:f 瑶:Yao:f 晨:Chen:m 博:Bo:m 然:Ran:f
"""
_EN_FIRST = """
James:m Michael:m Sarah:f Emily:f David:m Jennifer:f Robert:m Linda:f Daniel:m Laura:f Kevin:m
Rachel:f Brian:m Megan:f Steven:m Amanda:f Thomas:m Jessica:f Mark:m Karen:f
"""
_DE_FIRST = """
Lukas:m Anna:f Jonas:m Lena:f Felix:m Julia:f Stefan:m Katrin:f Markus:m Sabine:f Tobias:m Claudia:f
Matthias:m Petra:f
"""
_EN_LAST = """
Miller Johnson Carter Hughes Bennett Foster Griffin Hayes Morgan Reed Coleman Ward Brooks Price
Sullivan Parker Russell Fisher Palmer Walsh Hart Lawson Ellis Grant
"""
_DE_LAST = """
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Koch Richter Klein Wolf
Neumann Braun
"""
_EN_WORDS = """
Summit Harbor Crest Pioneer Keystone Granite Beacon Lakeside Northfield Riverside Sterling Cedar
Atlas Evergreen Bluewater Ironwood Meridian Westbrook Silverline Redwood Oakridge Clearview
"""
_DE_WORDS = """
Rhein Alpen Isar Elbe Main Nord Süd Hansa Berg Tal Brücken Stern Adler Falken Linden Eichen
"""


def _split(table: str) -> list[list[str]]:
    return [item.split(":") for item in table.split()]


DISTRICTS: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _split(_DISTRICTS))
# Brand syllables for company names: (hanzi, pinyin, traditional).
BRAND_CHARS: tuple[tuple[str, str, str], ...] = tuple((a, b, c) for a, b, c in _split(_BRANDS))
# Simplified -> traditional for characters used in the pools (partial on purpose).
TRAD = str.maketrans(
    "苏达机电医药华东广门车业气丰宁锐腾荣联诚远恒龙庆汉无锡岛阳长郑济厦术设备装环团属"
    "学妇儿疗检验测实纺织导体制国际贸经总务财监购产质区汇凯启润责限司诊乡卫镇动维连饮"
    "圳莞沈庄试剂仪",
    "蘇達機電醫藥華東廣門車業氣豐寧銳騰榮聯誠遠恆龍慶漢無錫島陽長鄭濟廈術設備裝環團屬"
    "學婦兒療檢驗測實紡織導體製國際貿經總務財監購產質區匯凱啟潤責限司診鄉衛鎮動維連飲"
    "圳莞瀋莊試劑儀",
)
SURNAMES: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _split(_SURNAMES))
SURNAME_WEIGHTS = tuple(max(1, 30 - i) for i in range(len(SURNAMES)))
# Given-name characters: (hanzi, pinyin, usually female?)
GIVEN_CHARS: tuple[tuple[str, str, bool], ...] = tuple((a, b, g == "f") for a, b, g in _split(_GIVEN))
EN_FIRST: tuple[tuple[str, bool], ...] = tuple((a, g == "f") for a, g in _split(_EN_FIRST))
DE_FIRST: tuple[tuple[str, bool], ...] = tuple((a, g == "f") for a, g in _split(_DE_FIRST))
EN_LAST = tuple(_EN_LAST.split())
DE_LAST = tuple(_DE_LAST.split())
EN_WORDS = tuple(_EN_WORDS.split())
DE_WORDS = tuple(_DE_WORDS.split())
FREEMAIL_CN = ("163.com", "126.com", "qq.com", "sina.com")
FREEMAIL_INTL = ("gmail.com", "outlook.com", "web.de")


def to_fullwidth(text: str) -> str:
    """ASCII to full-width forms, as some Chinese input methods type Latin letters."""
    out = []
    for ch in text:
        o = ord(ch)
        out.append("\u3000" if ch == " " else chr(o + 0xFEE0) if 0x21 <= o <= 0x7E else ch)
    return "".join(out)


def to_traditional(text: str) -> str:
    return text.translate(TRAD)
