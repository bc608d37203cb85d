"""A person's stance towards us from the words of their clause: supporter, opponent or neutral.

Cue words in both languages; a negated supporter cue ("isn't keen", "不太认可") reads as an
opponent, a negated opponent cue ("not against it", "并不反对") as neutral. The clause is
the text after the person's mention up to the next person (or the sentence's end), so "Karen
is keen, Tom is skeptical" gives each their own.
"""

from __future__ import annotations

import re

from ._modality import clause_start
from ._role_cues import GO_AHEAD

_SUPPORT = {
    "en": re.compile(
        r"\b(?:keen|enthusiastic|excited|supportive|supports? (?:us|our|the proposal)|in (?:our )?favou?r|"
        r"(?:push|pushes|pushing|pushed) (?:hard )?for (?:us|our|it\b)|pushing our|advocat\w+|fan of|"
        r"likes? (?:us|our|the)|"
        r"liked (?:us|our|the (?:demo|product|pilot|poc|platform|proposal|solution))|"
        r"lov(?:es?|ed) (?:us|our|the|it)|on board|on our side|sold on|positive about|"
        r"warm(?:s|ed|ing)? (?:up )?to|warm (?:on|towards?|about) (?:us|our)|"
        r"backs? us|backing us|ally|champions? (?:us|our)|sponsor\w*|impressed|"
        r"happy with (?:us|our|the demo|it|what (?:he|she|they) saw)|(?:a |big |huge |real )fan\b|"
        r"in our camp|recommend(?:s|ed|ing)? us|"
        r"prefer(?:s|red)? (?:us|our)|positive(?: on| about)?|"
        r"c[oa]me (?:right |all the way )?round|"
        # "she is fan already", "still our champ", "our strongest voice", "I'd like it to be you"
        r"(?:is|'s|are|already|real|huge|big) (?:a )?fan\b|"
        r"our (?:champ|strongest (?:voice|supporter|advocate|ally))\b|"
        r"(?:(?:'d|would) )?(?:like|want|wants|hope|hopes) it to be (?:you|us)\b|(?:is|'s|are|'re) all in\b|"
        r"warming up|on side|bought in|buy-in|pleased|delighted|thrilled|enthusiast\w*|friendly|"
        r"leans? (?:towards?|to) (?:us|our)|lean(?:s|ing)? our way|in our corner|"
        r"(?:biggest|number one|#1) fan|liked what (?:he|she|they|we|«P\d+») (?:saw|heard)|"
        r"(?:fully |firmly |squarely |right |solidly )?"
        r"behind (?:us|it|this|the (?:project|proposal|pilot|plan|bid))|"
        r"glad|(?:a |big )?advocate|(?:a |strong |big )?supporter|onside|thumbs up|"
        # "keeps asking when she can get her hands on a handset"
        r"get (?:her|his|their) hands on|can't wait to (?:get|start|use)|"
        # "has picked us", "comparing us favourably to Sentryx"
        r"(?:picked|chose|chosen|selected|shortlisted) us|compar\w+ us favou?rabl\w*|"
        rf"{GO_AHEAD}|pro us)\b",  # "gave it the nod", "v pro us"
        re.I,
    ),
    "zh": re.compile(
        # (what a system can do or a job's name is no stance: "要能支持", "原生支持", "售前支持")
        r"(?<!能)(?<!可以|原生|售前|售后|技术|运维|不再)支持|认可|力挺|看好|倾向(?:于)?(?:用|选|选择|使用)?(?:我们|我司|你们|贵司)|积极|热情|赞成|推动|欣赏|青睐|站在我们这边|帮我们说话|"
        r"偏向我们|(?:很|挺|非常|比较|特别|蛮|明显|相当|颇)(?:感兴趣|有兴趣)|兴趣(?:很|挺|非常|特别)大|满意|"
        r"印象(?:一直|还|都|也)?(?:很|挺|非常|比较)?(?:不错|很好|挺好|好)|(?<!中立)(?:偏|比较|挺|很)正面|好评|"
        r"很happy|very happy|push我们|推我们|"
        r"反馈(?:良好|不错|很好|挺好)|评价(?:很高|不错|挺好|很好)|好感|友好|认同|赞同|配合度(?:很|挺)?高|很配合|"
        r"挺我们|站我们|给力|大力推|主推我们|"
        # "明显偏我们", "态度明显转好", "比现在的好用多了", "整体比较 positive"
        r"(?<!不)偏我们|态度(?:明显|有所|已经)?(?:转好|好转)|好用(?:多了|得多)|(?:比较|很|挺|非常)?\s?positive|"
        # "胡总挺喜欢加盟店会员打通那块", "会上几次替我们说话", "他个人更希望是我们"
        r"(?:挺|很|非常|特别|蛮|比较)喜欢(?!«O)|替我们说话|希望(?:是|选)我们|希望我们(?:能)?(?:中标|中|赢|胜出|拿下)|lean\s?向(?:我们|我哋|我地|我司)|"
        # "帮我们在会上说了几句话", "当场拍板跟我们进入商务谈判", "会给正面结论", "impression 不错"
        r"帮我们[^，,。；;«»]{0,8}?说[^，,。；;«»]{0,4}?话|拍板(?:上|选|用|跟|和)我们|给正面|正面(?:结论|评价|反馈)|"
        r"impression\s?(?:不错|很好|挺好)|friendly|"
        r"觉得(?:思路|方案|产品|系统)?(?:对|不错|挺好|很好)(?![^，,。；;]{0,3}?(?:吗|？|\?))"
    ),
}
_OPPOSE = {
    "en": re.compile(
        r"\b(?:skeptic\w*|sceptic\w*|oppos\w+|opponent|"
        # "dead against adding another SaaS bill"
        r"against (?:us|our|the|it|this|switching|change|adding|buying|spending|another|any new)|"
        r"not convinced|"
        r"unconvinced|resist\w*|push(?:es|ing)? back|hostile|negative (?:about|on)|"
        r"(?:is|'s|pretty|quite|very|rather|still) negative|doubts?|doubtful|"
        r"reluctant|wary|cold on|not a fan|dislikes?|critical of|loyal to|"
        r"blocker|blocking|block(?:s|ed)? (?:us|our|it|this|the)|prefers? (?!us|our)\w+|"
        r"in (?:the )?\w+'s camp|lean(?:s|ing)? (?:towards?|to) (?!us|our)\w+|hesitant|"
        # "Ian might be leaning their way", "is leaning Sitewise" (a rival named after the lean)
        r"lean(?:s|ing)? (?:their|the other) way|lean(?:s|ing)? «[OX]\d+»|"
        r"unhappy with (?:us|our)|pricier|too (?:expensive|pricey|costly)|overpriced|"
        r"unimpressed|dismissive|objects? to|pushback|cool (?:on|towards?)|"
        r"(?:main|biggest|real) obstacle|(?:main |biggest )?(?:headwind|detractor))\b",
        re.I,
    ),
    "zh": re.compile(
        r"反对|保留意见|质疑|抵触|不认可|不支持|不看好|不满|消极|怀疑|持观望|观望|冷淡|阻挠|卡我们|"
        r"倾向(?:于)?(?!(?:用|选|选择|使用)?(?:我们|我司|你们|贵司))[\u4e00-\u9fffA-Za-z]{1,6}|偏向(?!我们|你们|贵司)|犹豫|顾虑|有意见|不太感冒|不爽|担心|"
        r"skeptical|not convinced|持怀疑|太贵|偏贵|价格(?:太|偏)高|阻力|嫌|不配合|抗拒|排斥|"
        r"不买账|唱反调|刁难|挑刺|否定|不感冒|泼冷水|持否定"
    ),
}
_NEGATION = {
    "en": re.compile(r"\b(?:not|never|no longer|hardly)\b|n't\b", re.I),
    "zh": re.compile(r"不太|不是很|并不|不再|没有|没那么|不|没"),
}


_RIVAL_PREFERENCE = {  # a clause's «O3» is a competitor (callers mark only market companies)
    "en": re.compile(
        r"\b(?:prefers?|lean(?:s|ing)?(?: (?:towards?|to))?|loyal to|in favou?r of|likes?|pushing for|"
        r"swears? by|"
        r"sold on|steer(?:s|ing)? (?:them )?towards?)"
        r"\s+(?:the )?«O",
        re.I,
    ),
    "zh": re.compile(
        r"(?:倾向(?:于)?|偏向|偏爱|偏|更喜欢|力挺|支持|看好|(?:比较|很|更|只|就)认(?:可)?)(?:用|使用|选)?«O"
        # "对东软比较有好感"
        r"|对«O»(?:(?!不|没)[^，,。；;«»]){0,6}?(?:有好感|好感|认可|满意|青睐|印象(?:不错|很好|挺好))"
    ),
}
# a cue said of a competitor right before it (zh) or after it (en): "对«O»不太满意", "unhappy with
# «O»"; in Chinese also of a topic: "对«K»很感兴趣" is an interest in it, not a side taken
_ABOUT_RIVAL = {
    "zh": re.compile(r"对«[OK]\d*»[^，,。；;«»]{0,6}$"),
    "en": re.compile(r"[\w' -]{0,20}?\b(?:with|about|of|on) (?:the )?«O", re.I),
}


def _about_rival(text: str, at: int, lang: str) -> bool:
    if lang == "zh":
        return _ABOUT_RIVAL["zh"].search(text[max(0, at - 12) : at]) is not None
    return _ABOUT_RIVAL["en"].match(text, at, at + 40) is not None


ABOUT_US = {"en": re.compile(r"\b(?:us|our|we)\b", re.I), "zh": re.compile(r"我们|我司|我方|咱们")}


def stance_in(text: str, lang: str) -> str | None:
    """The stance the clause ``text`` (a skeleton: «O» marks a competitor) states, or None.

    Favouring a competitor is opposing us; in a mixed-language clause the later cue of either
    language speaks ("is the technical evaluator; he 持保留意见")."""
    said = stance_cue(text, lang)
    return said[1] if said else None


def _languages(lang: str) -> tuple[str, ...]:
    """The cue languages a clause is read in: both for a mixed-language clause."""
    return ("en", "zh") if lang == "mixed" else ("zh",) if lang == "zh" else ("en",)


def says_neutral(text: str, lang: str) -> bool:
    """Whether the clause says in words that the person takes no side ("now neutral", "没表态")."""
    return any(_NEUTRAL[one].search(text) for one in _languages(lang))


def stance_cue(text: str, lang: str) -> tuple[int, str] | None:
    """(where, stance) of the cue that decides the clause's stance, or None."""
    said = [_stance_at(text, one) for one in _languages(lang)]
    found = [s for s in said if s is not None]
    return max(found) if found else None


def _stance_at(text: str, lang: str) -> tuple[int, str] | None:
    """(where, stance) of the clause's deciding cue in one language."""
    lang = "zh" if lang == "zh" else "en"
    rival = _RIVAL_PREFERENCE[lang].search(text)
    if rival is not None and not _negated(text, rival.start(), lang):
        return rival.start(), "opponent"
    # the last cue wins: "moved from lukewarm to cautiously supportive"
    cues = [(m.start(), "opponent") for m in _OPPOSE[lang].finditer(text)]
    cues += [(m.start(), "supporter") for m in _SUPPORT[lang].finditer(text)]
    cues = [c for c in cues if not _in_the_past(text, c[0], lang)]
    # "no longer lukewarm" is no neutral
    cues += [
        (m.start(), "neutral") for m in _NEUTRAL[lang].finditer(text) if not _negated(text, m.start(), lang)
    ]
    for lean in _LEANING[lang].finditer(text):
        cues = [c for c in cues if not lean.start() <= c[0] < lean.end()] + [(lean.start(), "neutral")]
    for at, said in sorted(cues, reverse=True):
        if said == "neutral":
            return at, said
        if _about_rival(text, at, lang) or _UNREAL[lang].search(text, clause_start(text, at, lang), at):
            continue  # "对Maximo不太满意" says nothing of us; "need him on side" is a goal
        return _negated_cue(text, at, said, cues, lang) if _negated(text, at, lang) else (at, said)
    return None


def _negated_cue(text: str, at: int, said: str, cues: list[tuple[int, str]], lang: str) -> tuple[int, str]:
    """What a negated cue says: not for us is against us, not against us is neutral."""
    if any(c[1] == "neutral" and c[0] < at for c in cues):
        return at, "neutral"  # "中立偏正面，还没到支持的程度": not yet a side
    if said == "opponent":
        # "叶晨自己倾向我们……不会偏向金印": not favouring the rival leaves the support said before it
        earlier = [c for c in cues if c[1] == "supporter" and c[0] < at and not _negated(text, c[0], lang)]
        return max(earlier) if earlier else (at, "neutral")
    return at, "opponent"


#: before a cue, what makes it a goal, a condition or a risk rather than how the person stands
_UNREAL = {
    "en": re.compile(
        r"\b(?:if|unless|would|could|might|may|need|needs|want|wants|get|getting|hope|hoping|try|trying|"
        r"aim|risk|in case|otherwise|make sure)\b",
        re.I,
    ),
    "zh": re.compile(
        r"如果|(?<![主需只重])要是|假如|万一|可能会|或许会|会不会|估计会?|争取|需要(?:把|让)?|希望(?:他|她)|一旦|否则|避免"
    ),
}


#: a stance said to be held now without a side: "现在态度回到中立了", "still on the fence"
_NEUTRAL = {
    "en": re.compile(
        r"\b(?:neutral|on the fence|undecided|non-?committal|no strong (?:view|opinion)|not taken sides|"
        r"hasn't taken (?:a )?side|has no preference|lukewarm)\b",
        re.I,
    ),
    "zh": re.compile(
        r"中立|不偏不倚|没表态|未表态|没有表态|态度不明|不置可否|没有明确态度|不冷不热|不温不火|"
        r"(?:态度|口风|立场)(?:[^，,。；;]{0,6})?(?:松动|变了)"
    ),
}
#: neutral with a lean, which is still no side: "neutral to mildly positive", "中立偏积极"
_LEANING = {
    "en": re.compile(
        r"\bneutral[ -]+(?:to|leaning)[ -]+(?:(?:slightly|mildly|somewhat|cautiously|a bit|more) )?"
        r"(?:positive|negative|supportive|sceptical|skeptical|warm|favou?rable)\b",
        re.I,
    ),
    "zh": re.compile(r"中立偏(?:积极|正面|支持|消极|负面|谨慎)"),
}
# a cue said of the past ("黄总之前…一直反对", "used to be skeptical") unless a later "now" returns
_PAST = {
    "en": re.compile(
        r"\b(?:used to|previously|formerly|originally|at first|initially|earlier on|last year)\b", re.I
    ),
    "zh": re.compile(r"(?<![比跟和同较])(?:之前|以前|原来|原先)|曾经|起初|一开始|去年|早先"),
}  # "比原来好用多了" compares with the past and says how they stand now
_NOW = {
    "en": re.compile(r"\b(?:now|currently|these days|today|since then|but)\b", re.I),
    "zh": re.compile(r"现在|目前|如今|最近|后来|但|不过"),
}


#: a state that held until some point: "he was openly sceptical of us until the workshop"
_UNTIL = re.compile(r"\b(?:was|were|had been)\b[^.;]*$", re.I)
_UNTIL_AFTER = re.compile(r"[^.;]*?\buntil\b", re.I)


#: a past written after the cue, then what holds now: "was against it before, now she wants it"
_PAST_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:before|at first|initially|early on|in the beginning)\b[^.;]*?\b(?:now|but)\b", re.I
)


def _in_the_past(text: str, at: int, lang: str) -> bool:
    if lang == "en" and _PAST_AFTER.match(text, at):
        return True
    if (
        lang == "en"
        and _UNTIL.search(text, clause_start(text, at, lang), at)
        and _UNTIL_AFTER.match(text, at)
    ):
        return True
    said = list(_PAST[lang].finditer(text, 0, at))
    return bool(said) and _NOW[lang].search(text, said[-1].end(), at) is None


def _negated(text: str, at: int, lang: str) -> bool:
    window = text[clause_start(text, at, lang) : at]
    if lang == "zh":
        window = window[-4:]
    return _NEGATION[lang].search(window) is not None
