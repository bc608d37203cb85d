"""SUPPLIES rules: who supplies, installs, services or distributes for an account, as English and
Chinese notes say it (a service provider's rules carry ``service``)."""

from __future__ import annotations

from ._rule_grammar import Rule, rules_of

SUPPLY_RULES: list[Rule] = [
    *rules_of(
        "en",
        "SUPPLIES",
        [
            r"{S} (?:supplies|delivers|provides) {C}",
            r"{C} (?:sources|buys|gets|procures) {_}from {S}",
            r"{S} is {C}'s? {_}supplier",
            r"{S} is (?:the|a) {_}supplier (?:to|of|for) {C}",
        ],
    ),
    *rules_of(
        "en",
        "SUPPLIES",
        [
            r"{S} (?:(?:still|also|now|already|currently) )?"
            r"(?:supplies|supplied|supplying|delivers|delivered|provides|"
            r"provided|distributes|ships|is supplying|has supplied|has been supplying|is still supplying|"
            r"delivering|supplying)\b",
            r"(?:supplied|delivered|provided|sourced|distributed|bought|purchased) "
            r"(?:\w+ly |outright |direct )?"
            r"(?:by|from|through|via) {S}",
            r"{S} (?:is|are|was|as) (?:the|their|our|a|an|its|«O\d+»['’]s?) {_}"
            r"(?:supplier|distributor|vendor|reseller|provider)",
            r"(?:buy|buys|bought|source|sources|procure|procures|order|orders|get|gets) {_}from {S}",
            r"(?:come|comes|came|coming) (?:in )?(?:from|via|through|thru) (?:an? )?{S}",
            r"{S} \([^()«»\n]{1,20}\) (?:supplies|supplied|delivers|provides)\b",
            r"(?:supplier|distributor|reseller|provider) (?:is|are|was) {S}",
            r"(?:^|\n)\s*(?:[-*•]\s*)?(?i:supplier|distributor|reseller|installer|integrator)s?\s?:\s*{S}",
            # who bills the account sells to it: "tooling invoices from Kentwood Tool & Die"
            r"(?:invoices?|bills|shipments|deliveries) (?:from|sent by|raised by|billed by) {S}",
            # "Financed through Northgate Equipment Finance, 48-month lease"
            r"(?:financed|leased|funded) (?:through|via|by|with) {S}",
        ],
    ),
    # a service provider: runs, hosts or maintains something of the account's, is its SI or
    # MSP, is on site, or orders go through it ("Computacenter run our managed network",
    # "NCS is their SI for all infra", "supplied and serviced by Siemens", "the PO will come
    # through Datacom"); not said of a competitor, whose product the account uses
    *rules_of(
        "en",
        "SUPPLIES",
        [
            r"{S}(?: \((?:I )?think they|,? who)? (?:still |also |now |currently |already )?"
            r"(?:run|runs|ran|host|hosts|hosted|manage|manages|managed|maintain|maintains|maintained|"
            r"service|services|serviced|support|supports|operate|operates|look after|looks after|"
            r"implemented|installed|integrated|built|deployed) (?:all |most |the |our |their |your |its |"
            r"the whole |all of (?:the |their |our )?|«O\d+»['’]s? )",
            r"(?:supplied|serviced|maintained|managed|hosted|run|installed|implemented|integrated|built|"
            r"deployed)(?: and (?:supplied|serviced|maintained|managed|supported|installed|run))? by {S}",
            r"{S} (?:is|are|was|as|remains?|has been) (?:still |now )?(?:the|their|our|a|an|its) "
            r"(?!(?:proposed|prospective|potential|possible|candidate|preferred)\b){_}"
            r"\b(?:SI|MSP|integrator|partner|contractor|outsourcer|consultancy|maintainer|installer|"
            r"managed service provider|service provider)\b",
            r"{S} (?:is |are |remains? |stays? |still )*on[- ]site\b",
            r"(?:PO|POs|order|orders|purchase|purchases|invoices?|billing) {_}(?:come|comes|go|goes|went|"
            r"came|run|runs|routed?|placed) (?:through|via) {S}",
            # "Triad did the original camera install", "still holds the service contract"
            r"{S} (?:did|does|doing|handled|handles|handling) (?:the |all the |their )?"
            r"(?:original |initial )?(?:[\w-]+ ){0,2}"
            r"(?:install|installation|integration|implementation|fit-?out|wiring|cabling)\b",
            r"{S} (?:still |also )?(?:holds|has|have) the (?:service|maintenance|support) "
            r"(?:contract|agreement)",
            # "that Granite Peak built and still support under contract", "continues to supply"
            r"{S} (?:built|installed|implemented|integrated)(?: it)? and (?:still |now )?"
            r"(?:support|supports|maintain|maintains|run|runs|service|services)\b",
            r"{S} (?:still |also )?(?:support|supports|maintain|maintains|service|services) (?:it |them )?"
            r"under (?:a |the )?(?:contract|maintenance|support)",
            r"{S} (?:continues?|continued|keeps?|kept) (?:to )?(?:supply|supplying|deliver|delivering|"
            r"provide|providing|service|servicing|support|supporting)\b",
            # "Graymark do all their installs and servicing", "Tolland now do all electrical + installs"
            r"{S} (?:(?:still|also|now) )?(?:do|does|handle) (?:all |most )?(?:of )?(?:the |their |its )?"
            r"(?:[\w+-]+ ){0,3}?(?:installs?|installation|servicing|service|maintenance|cabling|wiring|"
            r"electrical|calibration|hosting)\b",
            # "Ostravik use Graymark for installs", "guarding is outsourced to Bracken"
            r"(?:use|uses|using|used) {S} (?:for|to do) (?:all |the |their )?(?:[\w-]+ ){0,2}?"
            r"(?:installs?|installation|servicing|maintenance|support|cabling|integration|hosting)\b",
            r"outsourced to {S}",
            # "Kestrel Advisory, the bank's long-standing systems integrator, would do the integration"
            r"{S}, (?:the|their|its|our|«O\d+»['’]s?|the [\w-]+['’]s?) (?:[\w-]+ ){0,3}?"
            r"(?:SI|MSP|integrator|systems integrator|implementation partner|reseller|distributor|supplier|"
            r"contractor|outsourcer|managed service provider|service provider)\b",
            # "their check printing is done by Cheqprint", "Brightwater did their D365 rollout"
            r"(?:done|handled|processed|performed|printed|carried out|looked after|outsourced) by {S}",
            r"{S} (?:did|does|handled|handles|ran|runs|led) (?:the |their |its )?(?:original |initial )?"
            r"(?:[\w-]+ |«O\d+» ){0,2}"
            r"(?:rollout|roll-out|go-live|deployment|migration|upgrade|implementation)\b",
            # "Minewire put in the leaky feeder and still maintains it", "Caltek comes in twice a year to
            # calibrate them", "Keystone already does our SCBA"
            r"{S} (?:put in|fitted|wired|laid) (?:the |their |its |our |all )",
            r"{S} (?:still |also )?(?:maintains|services|supports|runs) (?:it|them)\b",
            r"{S} comes? (?:in|out|on site|onsite)\b[^«»\n.;]{0,25}? to "
            r"(?:calibrate|service|maintain|inspect|"
            r"test|check|repair|fix)\b",
            r"{S} (?:already |still |also |now )?(?:does|do|handles|handle) (?:all )?(?:of )?"
            r"(?:our|their|your) ",
            # "Glacier finished the compressor retrofit", "MetroCal did our last mapping study", "Northgate
            # are doing a process review for them", "Polaris just signed Glacier for the retrofit"
            r"{S} (?:just |already )?(?:finished|completed|did|delivered) (?:the |their |our |its |a )?"
            r"(?:last |original |initial )?(?:[\w-]+ ){0,2}?"
            r"(?:retrofit|study|survey|audit|review|validation|qualification|upgrade|install|installation|"
            r"mapping)\b",
            r"{S} (?:is|are) (?:currently |still )?doing (?:a|the|their) (?:[\w-]+ ){0,2}?"
            r"(?:review|study|audit|survey|roadmap|install|upgrade|retrofit)\b",
            r"signed (?:with )?{S} (?:for|to do)\b",
            r"(?:^|\n|[.;:] )\s*(?:[-*•]\s*)?(?i:hosting|hosted|connectivity|carrier)\s?(?:is |:)?\s?"
            r"(?:via|through|with|on|by) {S}",
        ],
        service="true",
    ),
    *rules_of(
        "zh",
        "SUPPLIES",
        [
            r"由{S}(?:负责|承担)?(?:供货|供应|提供|配送|代理|经销|集成|承建|运维|实施|维护|建设)",
            r"由{S}\s?(?:supply|supplies|provide|deliver)",
            r"(?:是|都是|全是|均由){S}(?:给|帮)?(?:供|提供|供应|供货|给)的",
            r"{S}(?:负责|代理|统一|直接)?(?:供货|供应|是.{0,6}(?:供应商|经销商|代理商|集成商))",
            r"(?:从|向|找){S}(?:采购|进货|买|订)",
            # "信创服务器是通过卓远信息采购的", "Server 和存储都是浪潮 supply 的", "汇川：新线 PLC/伺服主供"
            r"(?:通过|经由){S}(?:采购|购买|买|订购|进)",
            r"{S}\s?(?:supply|supplies|supplied|供)\s?的",
            r"{S}\s?[:：][^«»，,。；;\n]{0,12}?主供",
            r"主供(?:应商)?(?:是|为)\s?{S}",
            r"(?:供应商|经销商|代理商|集成商)(?:是|为){S}",
            # "西门子是他们开关柜产线的主要设备供应商", "西门子作为分拣线的供应商", "都由赛默飞直供"
            r"{S}\s?(?:目前|一直|也)?(?:是|作为|只是)(?:[^«»，,。；;\n]|«O\d+»){0,20}?"
            r"(?:供应商|供货商|经销商|代理商|维保商|服务商|运维商|集成商)",
            r"{S}(?:直供|直接供货)",
            # "一直是锐通在给医院供货"
            r"(?:是|都是|一直是){S}(?:在|一直在)?(?:给|为|向)[^«»，,。；;\n]{0,6}?(?:供货|供应|供的货)",
            # "集成商：中科弘业，合作多年"
            r"(?:^|\n)\s*(?:[-*•·]\s*)?(?:供应商|供货商|经销商|代理商|集成商|维保商|服务商|运维商|实施方|"
            r"实施(?:伙伴|商|合作伙伴))\s*[:：]\s*{S}",
            # "采购基本都走信达科技", "网络和弱电这些年一直是联创网络在做"
            r"(?:采购|进货|订货|下单|买东西)[^«»，,。；;\n]{0,6}?走{S}",
            r"(?:一直|都|向来|多年)是{S}在(?:做|维护|负责|运维|供)",
            # "核心系统是卓远信息做的": who built it
            r"(?:系统|平台|网络|机房|弱电|集成|项目|一期|二期)(?:也|都|当时|当初|原来)?是{S}(?:做|建|开发|实施|集成|搭建?|承建)的",
            # "EPC是华建", "设计院是西岭院", "维保是恒达在做", "EPC已经定了华建电力"
            r"(?:EPC|总包(?:方|单位)?|设计院|设计单位|设计方|施工方|施工单位|实施方|维保(?:方|单位)?|"
            r"运维(?:方|单位)|监理(?:方|单位)?)\s?(?:也|都|还|已经)?(?:是|为|由|定了|选了|找的)\s?{S}",
        ],
    ),
    *rules_of(
        "zh",
        "SUPPLIES",
        [
            r"{S}是{C}的{_}供应商",
            r"{C}的{_}(?:主要)?由{S}(?:供货|供应|提供)",
            r"{S}(?:给|为|向){C}(?:供货|供应|提供)",
            # "江南银行给速驰做现金管理和代发工资", "一期NC就是他们(中软汇通)实施的"
            r"{S}(?:现在|目前|一直|也|还|就|在){0,3}(?:给|为|帮){C}(?:做|提供|实施|运维|维护|代理|供)",
        ],
    ),
    # a service provider, as Chinese notes say it (not a competitor, whose system the account uses:
    # "薪资核算外包给用友了")
    *rules_of(
        "zh",
        "SUPPLIES",
        [
            # "IT外包给天睿", "天睿负责硬件集成", "Nordlund原厂负责维护", "网络是天睿在做",
            # "两台质谱是博诚代理的", "华仪现在还在做驻场运维"
            r"外包给{S}",
            r"{S}(?:原厂)?(?:负责|承担)[^«»，,。；;\n]{0,6}?(?:集成|实施|运维|维护|维保|安装|供货|配送|驻场)",
            r"是{S}在(?:做|维护|负责|运维)(?=\s*(?:[，,。；;\n]|$))",
            r"是{S}(?:代理|经销|集成实施|集成|实施|安装)的",
            r"{S}(?:现在|目前|一直)?还?在(?:做|负责)(?:驻场)?(?:运维|维护|维保)",
            # "航信现在就在给全市行政事业单位提供财政电子票据服务": the note's account among them
            r"{S}(?:现在|目前|一直|也|还|就|在){0,3}(?:给|为)[^«»，,。；;\n]{1,15}?提供[^«»，,。；;\n]{0,12}?服务",
        ],
        service="true",
    ),
]
