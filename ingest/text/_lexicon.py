"""Words the rules key on, in both languages: honorifics, titles, role cues, topics, months."""

from __future__ import annotations

import re

EN_HONORIFICS = ("Dr.", "Mr.", "Ms.", "Mrs.", "Prof.", "Dr", "Mr", "Ms", "Mrs")
# Appended to a surname in Chinese: 王主任, 李总, 张工, 孙处, 韩局, 何院 (not 科 or 部: "孙科",
# "王部" are as often whole names). A deputy's form comes before
# the form it ends with ("钟副处长" is 钟 + 副处长), a title before its short form.
ZH_HONORIFICS = (
    "副院长", "院长", "副主任", "主任", "董事长", "护士长", "副总经理", "总经理", "副总监", "总监",
    "副经理", "经理", "副科长", "科长", "副处长", "处长", "副部长", "部长", "主管", "副厂长", "厂长",
    "书记", "会计", "秘书", "老师", "医生", "博士", "教授", "先生", "女士", "小姐", "副局长", "局长",
    "副行长", "行长", "所长", "组长", "总工", "董事", "副校长", "校长", "副站长", "站长", "副场长", "场长",
    "副馆长", "馆长", "副支队长", "支队长", "局", "处", "所", "董", "总", "工", "院",
)  # fmt: skip
# Common Chinese surnames: an unknown name is a surname plus one or two characters.
ZH_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    # more of the Hundred Family Surnames, less those that are mostly words of their own (常, 全, 宁 ...)
    "童柏苗符庞聂包鲁葛伍翟洪施滕殷毕邬傅卞齐康穆萧湛祁禹狄米贝臧茅纪舒屈项祝阮蓝闵席季麻娄危颜盛刁樊凌霍虞"
    "柯管房裘缪宗宣郁诸左吉钮嵇邢裴荣翁甄芮储靳焦巴牧宓仲伊栾厉戎詹束黎薄蒲邰鄂卓蔺屠蒙乔胥谭姬冉雍桑桂濮牛"
    "寿扈燕冀浦庄晏柴瞿阎慕茹戈廖耿寇欧沃蔚隆巩晁敖辛阚饶曾鞠巢桓温倪俞鲍岳柳艾麦易"
    # and frequent ones of the 2020 census not in the Hundred Family Surnames' first lines
    "章赖尤申丛涂牟卜费隋辜戚丘苑苟褚廉奚郎邸郜喻揭窦仇竺冼佟栗匡巫荆谌岑骆梅闻"
    # and rarer ones of the census that no everyday word begins with
    "佘邝庾綦鄢郦仝蒯阙逯粟庹尉矫雒邴"
)
# Frequent surnames that are more often everyday words ("常用", "文件", "安全", "成本"): a name
# with one of these is read only where its context says name (before a title, opening a list item
# before a dash or a bracket), and then wherever the note writes it again.
ZH_WORDY_SURNAMES = "常文安成宁关单华车路连解强景司甘谷曲游卫查宫尚迟边封古池简党谈展农明云平元商官帅兰"
# Characters that follow a name rather than end one: a known two-character name ("王志") before
# another character is more likely a longer, unknown name ("王志涛") unless that character is one
# of these; an unknown name takes a third character only if it is not one of these.
ZH_AFTER_NAME = frozenset(
    "是的和向在对也今参要负非团已上下昨从说将会等主来去跟把被为于与及审拍很通多希目最所就还不没归接升挡（(，,。、：；"
)
# Titles seen in notes beyond the graph's own (which are added from Person.title).
EN_TITLES = (
    "CEO", "CFO", "CTO", "CIO", "COO", "General Manager", "Deputy General Manager", "President",
    "Vice President", "Chief Accountant", "Head of Procurement", "Procurement Manager", "Purchasing Manager",
    "Head of the Equipment Department", "Head of Equipment", "Director of Procurement", "Head of IT",
    "IT Manager", "IT Director", "Head of Finance", "Finance Director", "Finance Manager", "Plant Manager",
    "Production Manager", "Quality Manager", "Head of Quality", "Head of Laboratory", "Lab Manager",
    "Director of Nursing", "Head Nurse", "Head of ICU", "Head of Surgery", "Maintenance Manager",
    "Engineering Manager", "Chief Engineer", "Operations Director", "Sales Director", "EHS Manager",
    "Supply Chain Manager", "Buyer", "Senior Buyer", "Department Head", "Chief Physician",
)  # fmt: skip
ZH_TITLES = (
    "总经理", "副总经理", "董事长", "院长", "副院长", "总会计师", "财务总监", "财务经理", "财务部经理",
    "采购经理", "采购主管", "采购部经理", "采购总监", "设备科主任", "设备科副主任", "采购中心主任",
    "信息科主任", "检验科主任", "护理部主任", "护士长", "ICU主任", "外科主任", "财务处处长", "采购科科长",
    "厂长", "副厂长", "生产经理", "生产总监", "质量经理", "质量总监", "IT经理", "IT总监", "工程师",
    "总工程师", "设备经理", "维修主管", "安全主管", "技术总监", "运营总监", "主任医师", "首席执行官",
    "首席财务官", "首席技术官", "会计", "采购员", "采购专员", "护士", "安全员", "技术员",
)  # fmt: skip
EN_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
ZH_QUARTERS = "一二三四"
# id, English, Chinese: themes a note may raise; Topic nodes already in the graph are added.
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("TOPIC-infection-control", "infection control", "感染控制"),
    ("TOPIC-remote-monitoring", "remote patient monitoring", "远程监护"),
    ("TOPIC-lab-automation", "lab automation", "实验室自动化"),
    ("TOPIC-drg-cost-control", "DRG cost control", "DRG成本控制"),
    ("TOPIC-cloud-security", "cloud security", "云安全"),
    ("TOPIC-equipment-lifecycle", "equipment lifecycle management", "设备全生命周期管理"),
    ("TOPIC-predictive-maintenance", "predictive maintenance", "预测性维护"),
    ("TOPIC-eco-materials", "eco-friendly materials", "环保材料"),
    ("TOPIC-energy-efficiency", "energy efficiency", "节能降耗"),
    ("TOPIC-workplace-safety", "workplace safety", "安全生产"),
    ("TOPIC-localization", "domestic substitution", "国产替代"),
    ("TOPIC-digital-transformation", "digital transformation", "数字化转型"),
    ("TOPIC-cost-reduction", "cost reduction", "降本增效"),
)
# Sentiment of a sentence towards us: cue words, counted (a lexicon, not a model).
SENTIMENT_CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # lang: (positive, negative)
    "en": (
        ("positive", "happy", "satisfied", "strong", "smoothly", "constructive", "on our side", "fan of",
         "likes our", "liked the", "pleased"),
        ("frustrat", "complain", "questioning our", "unhappy", "pushing back", "pushes back", "angry",
         "disappointed", "too expensive", "escalat", "undercut us"),
    ),
    "zh": (
        ("满意", "稳定", "顺利", "支持我们", "认可", "积极推动", "好评"),
        ("不满意", "投诉", "有意见", "紧张", "抵触", "反对", "抱怨", "太贵", "抢单"),
    ),
}  # fmt: skip
# A title's department, from words in it (both languages); the first match wins.
DEPARTMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Procurement", ("procurement", "purchasing", "buyer", "采购")),
    ("Equipment", ("equipment", "biomedical", "maintenance", "设备", "器械")),
    ("IT", ("it ", "it manager", "it director", "head of it", "information", "cio ", "信息", "it经理",
            "it总监")),
    ("Finance", ("finance", "financial", "cfo", "accountant", "财务", "会计")),
    ("Laboratory", ("laboratory", "lab ", "lab supervisor", "lab manager", "检验", "实验室")),
    ("Nursing", ("nurs", "护理", "护士")),
    ("Quality", ("quality", "qa ", "质量", "品质")),
    ("EHS", ("ehs", "safety", "安全", "安环")),
    ("Surgery", ("surgery", "surgical", "外科")),
    ("ICU", ("icu", "intensive care", "重症")),
    ("Production", ("production", "plant", "operations", "operating", "process", "coo ", "生产", "厂长",
                    "运营", "工艺")),
    ("Engineering", ("engineering", "工程部", "工程总监", "工程经理")),
    ("Management", ("ceo", "gm ", "general manager", "president", "总经理", "院长", "董事长", "首席执行官")),
)  # fmt: skip


def department_of(title: str) -> str | None:
    low = title.lower() + " "
    return next((dept for dept, words in DEPARTMENTS if any(w in low for w in words)), None)


# surnames that are far more often words of their own (prepositions, conjunctions, numbers)
#: an elder colleague called sister or brother after the surname: "冯姐", "张哥"
ZH_FAMILIAR_AFTER = "姐哥"
FUNCTION_SURNAMES = frozenset("向于和与从由为对给把被在跟万管将")  # 管 and 将 are verbs first ("是管钱的")
#: letters after a name for a degree, licence or membership ("Janet Okafor, SPHR", "Theresa Vance, DNP"):
#: the person's, never a job (MD and other chief officers' letters are titles and not listed)
POSTNOMINALS = (
    "RN", "DNP", "MSN", "BSN", "NP", "PhD", "Ph.D.", "Ph.D", "MBA", "CPA", "CFA", "CMA", "PE", "P.Eng.",
    "P.Eng", "CEng", "SPHR", "PHR", "CSP", "CFPS", "CIH", "PMP", "CISSP", "CISA", "CISM", "FCA", "ACA",
    "FCCA", "ACCA", "MCIPS", "MRCVS", "DVM", "BVSc", "FRCS", "MRCP", "FACHE", "Esq.", "Esq", "JD", "LLM",
    "MPH", "DrPH", "OBE", "MBE", "CBE", "KC", "QC", "MSc", "BSc", "FRICS", "MRICS", "RA", "AIA", "LEED AP",
)  # fmt: skip
#: one such after a name, with its comma or space: ", SPHR", " MSN", ", P.Eng."
LETTERS_AFTER_NAME = (
    r"(?:,?[ \t]+(?:"
    + "|".join(re.escape(p) for p in sorted(POSTNOMINALS, key=len, reverse=True))
    + r")(?![\w.]))"
)
