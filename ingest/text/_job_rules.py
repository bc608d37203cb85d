"""WORKS_AT rules: how notes say who works where, with what title, and who has left."""

from __future__ import annotations

from ._rule_grammar import Rule, rules_of

#: a department written before a title in parentheses: "信息科技部", "IT"
_UNIT_WORDS = r"(?:[\u4e00-\u9fff]{1,10}?(?:部|科|处|室|中心|局|办|组|所|车间)|[A-Z][A-Za-z&]{1,10})"

#: departments a person is said to be in or from ("Joyce Kimura in Procurement")
_EN_UNITS = (
    r"(?:IT|HR|Procurement|Purchasing|Finance|Legal|Compliance|Facilities|Security|Operations|Ops|"
    r"Engineering|Marketing|Sales|Risk|Audit|Treasury|Quality|QA|EHS|Maintenance|Logistics|Supply Chain|"
    r"Corporate Real Estate|Real Estate|Infrastructure|Nursing|Radiology|Pharmacy|Biomed|"
    r"Biomedical Engineering|Clinical Engineering|Information Security|InfoSec|Accounts Payable|Payroll|"
    r"H&S|HSE|Health (?:and|&) Safety|Fleet|Estates|Transport|Digital|Data|Customer Service)"
)

JOB_RULES: list[Rule] = [
    *rules_of(
        "en",
        "WORKS_AT",
        [
            r"{P} \({T}\),? (?:at|of|from|with) {C}",
            # "the new CIO at Kestrel is Sam Okafor", "a new Head of Planning at Rotorwest, Callum Fraser,"
            r"(?:(?:the|their|our|its|new|current|acting|interim) )*{T} (?:at|of|for) {C}"
            r"(?: is (?:now )?|, ){P}",
            r"{P}, (?:the )?{T} (?:of|at|from|@) {C}",
            # "Apologies: Nikhil Rao, Voltek's Operations Director"
            r"{P}, (?:the )?{C}['’]s? (?:(?:new|current|acting|interim) )?{T}",
            r"{P} from {C}[;,] (?:she|he|«P\d+») is (?:the|their) {T}",
            r"{C}'s? (?:new )?{T},? {P}",
            r"{P} [—–-]+ (?:the )?{T} (?:at|of) {C}",
            r"{P} is (?:now )?(?:the )?(?:new )?{T} (?:at|of) {C}",
            r"{T} {P} (?:of|at|from) {C}",
            # "(HRIS analyst, reports to Lorraine W.)": more of the aside after the title, no company
            r"{P} \((?:(?:the|their|our|its|new|old|former|acting|interim|incoming|outgoing) )*{T}"
            r"(?:[,;] (?:[^()«»\n]|«[PTXDK]\d+»){1,80})?\)",
            r"{P}(?: is|'s|'m| am| was| =) (?:now |still |currently )?(?:(?:the|their|our|a|an) )?"
            r"(?:new )?{T}"
            r"(?! (?:at|of|from|with|for) «O)",
            r"{P}, (?:(?:the|their|our|its|new|current|currently|now|still|acting|interim|former|a|an|senior|"
            r"junior|principal) "
            r"|«P\d+»['’]s "
            r"|[A-Z][a-z]+['’]s )*{T}"
            r"(?=\s*$|\s*[.,;:|()（\n]| [-–—] | (?:and|who|is|was|will|has|said|says|since|on|in)\b"
            r"| at (?!«O))",
            r"(?:^(?:[-*•·–]\s*)?|[,;:(=]\s*|\band |\bwith |\bmet |\bcalled |\bto |\bby |\bfrom |\bunder "
            # "a new controls engineer, Piotr", "Greer's plant manager, Teresa"
            # "Her chief of staff, Philippa Grange" (not a body in lower case: "the cruise line's CEO"
            # is as often another company's)
            r"|\bthe |\bour |\ban? |\b[A-Z][a-z]+['’]s |«P\d+» "
            # "added HR Director Janet Okafor"
            r"|\b[Tt]heir |\b[Hh]is |\b[Hh]er |\b(?:said|says|added|adds|noted|explained|according to|w/) )"
            r"(?:(?:[Tt]he|[Tt]heir|our|[Ii]ts|[Nn]ew|[Cc]urrent|[Aa]cting|[Ii]nterim) )*{T},? "
            r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.? )?{P}",
            r"(?:named|appointed|hired|promoted|made|welcomed|brought in) {P},? (?:as |to )?"
            r"(?:the |its |their |our )?"
            r"(?:new )?{T}",
            r"{P} [-–—] (?:the |their |our |a |an )?(?:new )?{T}",
            r"{P} \({T}(?:[^()«»\n]|«T\d+»){1,40}\)",  # "王海涛 (厂长 / plant manager)"
            r"{P} \({T}(?:,| at| @) {C}\)",  # "Celeste Moreau (VP People, Quayside)"
            # employment without a title: "Sam Okafor from Kestrel", "Kestrel's Sam", "Sam (Kestrel)"
            r"{P},? (?:from|at|of) (?:the )?{C}(?!['’]s? (?:competitor|rival))(?! (?:and|or) )",
            r"(?<![\w»])(?<!with )(?<!to )(?<!from )(?<!for )(?<!by )(?<!of )(?<!at )(?<!against )"
            r"(?<!than )(?<!vs ){C}['’]s (?:own )?{P}",
            r"{P} \({C}\)",
            # "Janet Ellison joined as CIO in March", "was promoted to VP Ops"
            r"{P},? (?:has )?(?:joined|started|came on board|was hired|was appointed|has been appointed|"
            r"(?:was|has been|had been|got|just got|just been) promoted|moved up|(?:got )?bumped up|"
            r"stepped up)"
            r"(?: from [^«»\n,;.]{1,30}?)?(?: (?:at|to) {C})?(?: as| to)? "
            r"(?:the |their |our )?"
            r"(?:new |interim |acting )?{T}",
            # "The new CIO is Janet Ellison", "their head of IT is now Sam Okafor"
            # "New QA Manager at Corby is Daniel Okoro", "Nurse Manager, 4 West: Kendra Lowe"
            r"(?:^(?:[-*•·–]\s*)?|[:;(]\s*|\b(?:the|their|our|its|new|current) )"
            r"(?:[Nn]ew |[Cc]urrent |[Aa]cting |[Ii]nterim )?{T}"
            r"(?: (?:at|in|for) [A-Z][\w-]+(?= is| was)|, [\w -]{1,16}(?=:))?"
            r"(?: (?:is|was|=)|\s?:) (?:now )?{P}",
            # signature lines: "Graham Pike | CFO | St. Aldric Medical Center"
            r"{P}\s*[|/]\s*{T}(?:\s*[|/]\s*{C})?",
            # "Olivia Grant is acting Finance Director", "has been confirmed as permanent Finance Director"
            r"{P}(?: is| was| has been| had been)? (?:now )?(?:(?:confirmed|named|appointed|made) as )?"
            r"(?:(?:the|their|our|a|an) )?(?:acting|interim|permanent|incoming) {T}"
            r"(?! (?:at|of|from|with|for) «O)",
            # "His replacement as EHS Manager is Tanya Brooks"
            r"\b(?:replacement|successor|stand-in) as {T} (?:is|was|will be) (?:now )?{P}",
            # a department, no title: "Joyce Kimura in Procurement", "Hugo Brandt from IT"
            rf"{{P}},? (?:in|from) (?:the |their )?(?P<unit>{_EN_UNITS})"
            r"(?: (?:team|department|dept|group|office))?"
            r"(?![\w-]| (?:at|of) «O)",
            # the account's person we deal with: "New procurement contact is Hannah Cole"
            r"(?:^(?:[-*•·–]\s*)?|\b(?:the|their|our|new|main) )(?i:new |main |primary |day-to-day )?"
            r"(?:[A-Za-z&-]+ )?(?:contact|counterpart|point of contact)(?: there)? (?:is|is now|=|:) {P}",
            # "Linda Webb (TRWA ops dir)", "Meenakshi Pillai (Lumisense, Regional Sales Manager – India)"
            r"{P} \({C},? (?:(?:the|their|new|acting|interim|incoming) )*{T}(?: [-–—] [^()«»\n]{1,30})?\)",
            # the name glossing a title: "the CEO (Tom Baptiste)", "Oga CFO (Mr Adeyemi)"
            r"(?<!», ){T} \((?:(?:Dr|Mr|Mrs|Ms|Prof)\.? )?{P}\)",
            # the company and more about it: "Liam O'Rourke (Northgate, our partner; …)"
            r"{P} \({C}[,;] (?:[^()«»\n]|«[A-Z]\d+»){1,80}\)",
            # the person glossing the company: "Bridgeworks (Neil Fairbanks) will do the interfaces"
            r"{C}(?:['’]s)? \((?:(?:Dr|Mr|Mrs|Ms|Prof)\.? )?{P}\)",
            # an attendee table's dotted leader: "Dwayne Hollis ......... E&I Supervisor"
            r"{P}[ \t]*[.·…_]{3,}[ \t]*{T}",
            # "sent Bill Tremblay over from the Brantford plant as interim Plant Mgr"
            # (not whom someone took over from: "she's taken over from Mike Rowntree as Engineering Manager")
            r"(?<!from )(?<!replacing )(?<!replaced )(?<!succeeding )(?<!succeeded )(?<!after )"
            r"{P},?(?: over| in| across)?(?: from [^«»\n,;.]{1,40}?)? as (?:the |their |our |its )?"
            r"(?:new |interim |acting |permanent )?{T}",
            # a title in quotes: 'new guy Dev Anand, "Head of Platform", is doing the tech eval'
            r"{P},? [\"“‘']{T}[\"”’']",
            # a team named by its own initials or words: "Nadia Rahman from their HRIS team"
            r"{P},? (?:in|from|on) (?:the |their )(?P<unit>(?:[A-Z][\w&/-]* ){0,2}[A-Z][\w&/-]*) "
            r"(?:team|department|dept|group|office)\b(?! (?:at|of) «O)",
        ],
    ),
    *rules_of(
        "en",
        "WORKS_AT",
        [
            r"{P} (?:has )?(?:left|quit|resigned from) {C}",
            r"{P} is no longer (?:with|at) {C}",
            r"{P} is no longer (?:the |their |our )?{T}(?! (?:at|of|for) «O)",  # "no longer the CFO"
            r"{P} (?:has )?(?:moved on|gone elsewhere|moved to another (?:company|hospital|bank|job))",
            r"{P} (?:has )?(?:left|quit|resigned|retired)\b(?! (?:a|the|us|it|for)\b)(?! «O)",
            # the account by what it is: "Rebecca Thorne has left the bank"
            r"{P} (?:has |had )?(?:left|quit) the (?:bank|company|hospital|firm|business|organi[sz]ation|"
            r"group|trust|university|council|agency|plant|school|district|county|city|practice|clinic)\b",
            # "has gone from lukewarm to hostile", "has gone quiet" are no leaving
            r"{P}(?:['’]s| is| has) (?:now |since )?"
            r"(?:(?:retired|left)\b(?! (?:a|the|us|it|for|to)\b)(?! «O)|"
            r"gone(?=\s*(?:[.,;:!)\n–-]|$|now\b|since\b)))",
            r"{P},? who (?:has |had )?(?:since )?(?:left|quit|resigned|retired)\b(?! (?:a|the|us|it|for)\b)",
            r"{P} \({T}\) (?:has )?(?:left|quit) {C}",
            # "Ray Dutton (the safety guy who picked ISC) retired last yr"
            r"{P} \([^()«»\n]{1,60}\) (?:has |had )?(?:since |just |recently )?"
            r"(?:retired|left|quit|resigned)\b(?! (?:a|the|us|it|for)\b)(?! «O)",
            # "Dean Fairweather used to be CFO": the title held no longer
            r"{P} (?:used to be|was formerly|was previously|was once) (?:the |their |our |a |an )?{T}"
            r"(?! (?:at|of|for) «O)",
            # "he left for a Magic Circle firm", "left for another job"
            r"{P}(?: has| had)? left (?:(?:«O\d+»|us|them|the company) )?for (?:another|an?) ",
            # shorthand: "Marcus gone; Grace now decides", "- Brian Tolley – retired.", "(ex-VP, retired)"
            r"{P} gone(?=\s*(?:[.,;:!)\n–-]|$))",
            r"{P}\s*[-–—:]\s*(?:retired|left|gone|resigned|moved on)\b(?=\s*(?:[.,;:!)\n]|$))",
            r"{P} \((?:[^()«»\n]|«T\d+»){0,40}\b(?:retired|left|gone)\)",
            # the title held until then: "Martin Lyle, who retired in January after 14 years as the
            # bank's CIO", "the old I&E lead Rusty Comeaux retired in May", "the previous facilities
            # director, Alan Whitby, … when he left the company"
            r"{P},? who (?:has |had )?(?:since )?(?:left|quit|resigned|retired)\b"
            r"(?:[^«»\n;.]|«D\d+»){0,60}? as (?:(?:the|their|its|our) )?(?:[A-Za-z]+['’]s )?{T}",
            r"(?:old|previous|former|outgoing|ex-)\s?{T},? {P},? (?:has |had )?(?:since |just |recently )?"
            r"(?:left|quit|resigned|retired)\b",
            r"(?:previous|former|old) {T}, {P},(?:[^«»\n;.]|«[OXDK]\d+»){0,80}?\b(?:he|she) "
            r"(?:left|quit|resigned|retired)\b",
        ],
        current="false",
    ),
    *rules_of(
        "zh",
        "WORKS_AT",
        # a promotion names the title held now, whatever the clause said before it (read first, so the
        # title it leaves does not take its place): "吴静以前是
        # 质量部总监，上个月升了副总经理"
        [
            r"{P}(?:[^«»\n。；;]|«[DT]\d+»){0,30}?(?:升了|升任|升为|晋升为|晋升|提拔为|被提拔为|提为|升职为|扶正为|转正为|接任|出任|改任|升)"
            r"了?{T}",
        ],
        promoted="true",
    ),
    *rules_of(
        "zh",
        "WORKS_AT",
        [
            r"{C}的{P}[（(]{T}[）)]",
            r"{C}(?:新来)?的?{T}{P}",
            r"{P}是{C}的(?:新任)?{T}",
            # "吴静（副总经理，分管质量）", "罗婷 13900001111（设备部经理，一期项目负责人）"
            # "刘振华（信息科技部 GM）", "何建国（VP Ops／副总经理）": a department before the title, a
            # second title after a slash or 兼 ("总经理兼CTO"); "曹立 Tony（运营总监）": an English
            # name between
            # "郑处（郑文华 副处长）": the full name inside, then the title
            rf"{{P}}\s?(?:[A-Z][a-z]+\s?)?(?:\+?\d[\d -]{{6,16}}\d\s?)?[（(]\s?(?:«P\d+»[\s，,、]?)?"
            rf"(?:我们|我司|他们|咱们|公司|集团)?的?(?P<dept>{_UNIT_WORDS}\s?)?{{T}}"
            r"(?:[，,、；;/／兼](?:[^（）()\n«»]|«[TKXD]\d+»){0,30})?[）)]",  # "（副总，分管«K»）"
            r"{C}{_}{T}{P}",
            # "我是中心的冷链管理员": the place before the title
            # "他是郑爽手下的架构师": someone's subordinate
            r"{P}(?:是|为|担任)(?:我们|他们|咱们|对方|院里|厂里|行里|«P\d+»(?:手下|组里|团队|下面)"
            r"|(?![原前曾以])[^«»，,。；;\n]{1,6}?(?=的))?的?"
            r"(?:新任|现任)?{T}",
            r"{C}(?:那边)?的{P}(?!«T)",
            # (after a verb or preposition whose object it is: "让安全部曹部长来评估", "找设备科孙科长")
            r"(?:^|[，、：:；;\s（(\d.•·*-]|和|与|及|让|找|约|请|由|跟|向|给|问|见|联系|拜访|通知)(?P<unit>(?:(?![我你他她是的在和与及跟向对由从被把给])[\u4e00-\u9fff])"
            r"{1,6}?(?:科|处|部|室|中心|局|办|组))的?(?:同事|小伙伴)?{P}(?!«T)",
            r"(?P<dept>(?:(?![我你他她是的在和与及跟向对由从被把给])[\u4e00-\u9fff]){1,6}?(?:科|处|部|室|中心|局|办|组))?{P}{T}",
            r"(?:^|[，、：:；;\s（(•·*-]|和|与|及|的|是|有|新来的|新任)(?P<dept>(?:(?![我你他她是的在和与及跟向对由从被把给])"
            r"[\u4e00-\u9fff]){1,6}?(?:科|处|部|室|中心|局|办|组))?的?{T}\s?(?:[A-Z][a-z]+\s?)?{P}",
            # apposition: "何建国，副总经理，分管生产", "彭小川，设备部工程师，罗婷的下属",
            # "张建国，华兴设备处处长，", "对接人：李明 信息中心主任 13800001111"
            # "沈卫东，分管后勤和信息化的副院长。": the remit before the title
            # "任国梁，三号库设备主管，": a place before the title
            r"{P}(?:[，,:：｜]\s?|\s?[—–－-]{1,2}\s?|\s)(?:现任|任|是)?(?:{C}的?)?(?:分管[^，,。；;«»\n]{1,12}的"
            r"|(?![我你他她是在和与及跟向对由从被把给负原前曾现已])[\u4e00-\u9fff\d]{1,4}?的?)?"
            r"(?:新来的|新任的?|刚来的|现任的?)?{T}"
            # (a bar before a company is a signature's line: "范思远｜区域总监｜绿岸能源科技")
            r"(?=\s*(?:[，,。；;、)）:：\n（(]|[｜|](?!\s*«O)|\d|$))",
            r"{P}\s?[（(]\s?{C}\s?的?{T}[）)]",  # "张建国（华兴精机设备处处长）", "唐颖（瑞丰 生产部经理）"
            r"{T}\s?[：:]\s?{P}(?!«T)",  # a label: "采购部经理：周丽", "技术负责人：王磊"
            r"{T}[，,]?\s?(?:叫|名叫|姓名)\s?{P}",  # "信息中心新来的主任叫李强", "新来了一个副经理，叫陈刚"
            # a title right before a name names it, whatever precedes ("先找设备科工程师韦佳")
            # (an English given name between: "商品总监 Helen 谭慧玲", "IT 负责人 Frank 彭飞")
            r"{T}\s?(?:[A-Z][a-z]+\s?)?{P}",
            # the title's holder: "新的采购经理是孟婕"
            r"(?:新的?|现在的?|目前的?|现任)?{T}(?:是|为|换成了?|由){P}(?!«T|的)",
            r"{C}{P}(?!«T|的|[（(])",  # "润泽钱总来电", "市卫健委韩局"
            r"{P}\s?[（(]\s?{C}\s?[）)]",  # a chat speaker's company: "杜涛(华医)：", "闫磊（九衡）"
            # a table's row: "| 曹振华 | 人力资源部总经理 | 最终决策 |"
            r"[|｜]\s*{P}\s*[|｜]\s*{T}\s*(?=[|｜]|$)",
            # a row with an English name after the Chinese ("| 孙婷婷 Tina | 会员中心负责人 |") or no
            # opening bar ("周建国 | 生产副总 | 二期拍板人"); not a signature's company after the title
            r"(?:^|[|｜\n])\s*{P}(?:\s?[A-Z][a-z]+)?\s*[|｜]\s*{T}\s*(?=[|｜](?!\s*«))",
            # a department alone in brackets: "陈曦（技术部）", "刘明（IT部，负责接口）"
            r"{P}\s?[（(](?P<unit>(?:(?![我你他她是的在和与及跟向对由从被把给])[\u4e00-\u9fffA-Za-z]){1,8}?"
            r"(?:科|处|部|室|中心|组|办|部门))(?:[，,、；;](?:[^（）()\n«»]|«[TKXD]\d+»){0,30})?[）)]",
            # the person glossing the company: "天衡（黄经理）会配合", "鼎实（马骏）负责实施"
            r"{C}\s?[（(]\s?{P}\s?[）)]",
            # a function before a reference: "采购王经理（王慧）", "财务李总", "IT小王"
            r"(?<![\u4e00-\u9fffA-Za-z])(?P<unit>采购|财务|IT|信息|技术|设备|生产|质量|人事|行政|运营|法务|工程|物流|仓储|"
            r"安全|后勤|医务|护理|商务)(?=«P\d+»)(?:{P})",
        ],
    ),
    *rules_of(
        "zh",
        "WORKS_AT",
        [
            r"{P}(?:已经)?从{C}离职",
            r"{T}{P}(?:已经|已|早就|刚刚?|上个?月|去年|今年|年初|前不久|最近|«D\d+»){0,3}(?:离职|辞职|离开|走了|退休|调走)",
            # "冯总已于上周正式离职", "刘芳处长已退休", "Lisa（李莎）已经离职去了盒马"
            r"{P}[）)]?(?:«T\d+»)?(?:已经|已|早就|刚刚?|去年|今年|上个?月|上周|前不久|最近|年初|«D\d+»)(?:[^，,。；;«»\n]|«D\d+»){0,10}?"
            r"(?:离职|辞职|离开了|走了|退休|调走|调(?:到|去|往)(?!我))",
            # "曹建华（生产副总）8月底退休了", "刘静主任（采购中心）离职了"
            r"{P}(?:«T\d+»)?(?:\s?[（(][^（）()«»\n]{1,20}[）)])?"
            r"(?:«D\d+»|[\d一二三四五六七八九十]{1,2}月(?:初|中|底|份)?|年初|年底|上个?月|上周|去年|今年)?"
            r"(?:离职|辞职|退休|调走)了",
            r"{P}(?:«T\d+»)?(?:已经|已|早就|刚刚?|上个月|去年)?(?:调到|调去|调往|跳槽到|跳槽去|被调到|调任)(?!«O\d+»)",
            r"{P}（{T}）{_}离开了{C}",
            r"{P}{_}离开了{C}",
            r"{C}的{P}已经?离职",
            # "郭强郭主任已经离开通达了": the name and its reference, then the company left
            r"{P}(?:«P\d+»)?(?:已经|已|早就|上个?月|去年)?离开(?:了)?{C}",
        ],
        current="false",
    ),
]
