"""The words that name a buying role, per role and language: (English, Chinese) regex lists.

A cue marked ">" names its person only after it ("all meetings go through Li", "先找李主任");
the others also name the person before them ("Karen makes the final call"). A cue may start
with a lookbehind on the end of a person slot (``(?<=»)``: "«P3»'s call", "«P3»来定").
"""

from __future__ import annotations

#: how it is built: signing that off is the technical sign-off, not the budget's ("signed off security")
_BUILT = r"(?:security|integration|architecture|design|interface|spec|specs|requirements|sso|api|technical)\b"
_NOT_BUILT = rf"(?! (?:on )?(?:the |our |their |its )?(?:[\w-]+ )?{_BUILT})"

#: letting it go ahead: the decision's, and a supporter's stance ("gave it the nod", "has approved
#: going ahead with the pilot")
GO_AHEAD = (
    r"(?:gave|gives|give|giving|given) (?:it |this |us )?the (?:final )?(?:nod|go-ahead|green light)"
    r"|(?:has |have )?approved (?:going ahead|moving forward|the go-ahead)"
)

#: where a decision or a budget lies: "sits with", "will rest with", "now lies with"
_LIES = (
    r"(?:(?:will|would|should|is going to|now|still|currently) )*(?:sits?|lies|lie|rests?|stays?|remains?)"
)

ROLE_CUES: dict[str, tuple[list[str], list[str]]] = {
    "economic_buyer": (
        [
            # signing off how it is built is the technical sign-off: "signed off security"
            rf"(?<!final )signs? (?:off{_NOT_BUILT}|the (?:cheque|check|po|contract|renewal|order|"
            r"purchase order|agreement))",
            r"signs? (?:it|this|that|the deal) off",
            rf"signed (?:off on{_NOT_BUILT}|off{_NOT_BUILT}|the (?:cheque|check|po|contract|order))",
            r"(?:has|have|needs?) to (?:approve|sign off|countersign|release the budget)",
            r"countersign\w*",
            r"approves? (?:anything|everything|all|any|every|purchases?|deals?|spend(?:ing)?|capex|"
            r"the money)",
            r">(?:has to be |must be |needs to be |gets? )?(?:approved|signed off|funded) by",
            rf">budget (?:{_LIES}|is) with",
            # "all proc budget goes thru him": what the money passes is its holder, no door
            r">(?:budget|money|spend|spending|funds?|funding) (?:goes|go|has to go|must go) through",
            r"sign-off on (?:the )?(?:budget|spend)",
            # a spending limit above which it goes to them: "anything over £50k goes to our FD, Helen",
            # "Nathan signs for anything over $2M"
            r">(?:anything|everything|any spend|spend|purchases?|orders?|deals?) (?:over|above) "
            r"[£$€]?\s?\d[\d,.]*\s?(?:k|m|million|bn)?\b(?: [\w-]+)?,? "
            r"(?:goes|go|needs to go|has to go|must go) (?:up )?to",
            r"signs? (?:off )?for (?:anything|everything|any spend|purchases|orders|deals) (?:over|above)",
            r"approv\w* (?:the )?(?:po|purchase order|spend|budget|funding|capex)\b",
            r"budget (?:holder|owner)",
            # "has budget sign-off", "budget sign-off goes to their CFO" (not one waited for or needed)
            r"(?<!need )(?<!needs )(?<!for )(?<!the )(?<!awaiting )(?<!get )(?<!gets )"
            r"(?<!pending )(?<!without )budget sign-?off\b",
            # whose money it is: "it's her budget", "(his budget)", "she's the money", "so Greg's the
            # money guy?"
            r">(?:it['’]?s|its|it is|it['’]ll be|\()\s?"
            r"(?=«P\d+»(?:['’]s)? (?:own )?(?:[\w-]+ )?(?:budget|money)\b)",
            r"(?<=»)(?:['’]s| is) (?:the )?(?:money|purse)(?: (?:guy|man|woman|person))?\b"
            r"(?! (?:side|question|issue))",
            r"(?:the )?(?:budget|money) (?:guy|man|woman|person)\b",
            r"releas(?:es|ed|ing|e) (?:the )?(?:[\w-]+ )?(?:budget|funds|funding|money)\b",
            # "does own the bond budget", "will handle the budget release", "'s got the budget now"
            r"(?:holds|holding|controls|controlling|owns|owning|approves|manages|signs off|handles?|handling|"
            r"administers|(?<=does )own|(?<=does )hold|(?<=does )control|(?:'s|has|have) got)"
            r"(?: the| all| our| his| her| their| «P\d+»)?(?: own)? "
            r"(?:drawdown of )?(?:the )?"
            r"(?:[$€£¥]?\d[\d.,]*\s?(?:[kmb]n?|million|bn)?\s)?"  # "drawdown of the $2.1m grant"
            r"(?:[A-Za-z][\w-]* ){0,3}?"  # "owns her own HR-tech budget", "owns the Measure K bond budget"
            r"(?:budget|purse strings|money|spend|spending|funding|allocation|funds|grant|capex|capital|"
            r"appropriation"
            r"|\$\$?)",
            r"budget (?:is |gets )?(?:approved|signed off|controlled|owned) by",
            r"approv(?:es|e|ed|ing) (?:the )?(?:[\w-]+ ){0,3}?(?:spend|funding|purchase|capex|budget|"
            r"business case|po|purchase order|investment)\b",
            # "Iyer (CFO) to approve.", "Conor approves now", "it's his to approve"
            r"(?:approves|to approve)(?= ?(?:now\b|[.;!\n]|$))",
            rf">(?:the )?(?:budget|\$\$?|money|funding|funds) {_LIES} (?:with|w/)",
            r">(?:grant|budget|fund|funds|funding)\b[^.;«»\n]{0,40}?administered by",
            r"(?:handles?|owns?|runs?|leads?) the commercial (?:side|piece|part|sign-off)",
            # "it goes to Charlotte Benn, the CEO, for approval"
            r">(?:goes|go|will go|is going) to"
            r"(?= «P\d+»[^.;\n]{0,40}? for (?:final )?(?:approval|sign-off|funding))",
            r">(?:the )?(?:contract|po|purchase order|paperwork) (?:goes|go|will go|went|is going) to",
            r">(?:the )?(?:po|purchase order|invoice|paperwork) (?:is )?(?:now )?"
            r"(?:sitting|sits|lies|rests) with",
            r"final (?:budget|financial) (?:approval|sign-off)",
            r"economic buyer",
            r"(?<![A-Za-z])EB(?![A-Za-z])",
            # "not the one with the cheque book, that's Kylie Pham", "the ultimate say on the budget",
            # "Priya's call, Angela's money", "gives the okay for the budget", "signed the pilot PO"
            r"(?:cheque|check) ?book",
            r"(?:final|ultimate|last) say (?:on|over) (?:the )?(?:budget|money|spend|spending|funding)",
            # (not "Mina's budget request went to the board")
            r"(?<=»)['’]s (?:own )?(?:money|budget|cheque ?book|check ?book)\b"
            r"(?! (?:request|line|cut|review|meeting|cycle|process|submission|proposal|plan|deadline"
            r"|figures?))",
            r"(?:gives?|gave|giving) (?:the )?(?:okay|ok|go-ahead|nod|green light) (?:for|on|to) (?:the )?"
            r"(?:budget|money|spend|funding)",
            r"signed the [\w-]+ (?:po|purchase order|cheque|check|contract|order)\b",
            r"hold(?:s|ing)? the purse",
            r"(?:the )?money (?:person|decision)",
            r">(?:budget|money|spend) (?:is|'s) (?:all )?(?=«P\d+»(?:[,.;]|$| and))",  # "The budget is his"
            r">(?:the )?(?:budget|money|funds?|funding) (?:is |are |was )?held(?= by)",
            r"(?:cuts?|raises?|issues?|releases?) the (?:po|purchase order)\b",
            # "he controls the release", "who'll be releasing the funds", "has to clear the budget"
            r"controls the release\b|releas(?:e|es|ing) (?:the )?(?:funds|budget|money)\b",
            r"clears? the budget\b",
            # "she agreed to fund the 2nd floor out of the EHS budget"
            r"(?:agreed|agrees|offered|promised) to (?:fund|pay for|cover the cost)|(?:will|'ll) fund\b",
            # "Remi signs anything over 25k", "the one who'll sign the PO", "capex >$100k needs Frank"
            r"signs? (?:anything|everything|all|any|every) (?:over|above|bigger|larger|>)",
            r"the one (?:who(?:'ll| will)? )?sign(?:s|ing)? (?:the )?"
            r"(?:po|purchase order|contract|cheque|check)",
            rf">(?:budget|spend) (?:approval|sign-off) (?:{_LIES}|is) with",
            r">(?:capex|spend|anything|purchases?)[^.;\n«»]{0,20}?(?:needs|requires) (?=«P\d+»(?!['’]s))",
            r">(?:the )?(?:contract|po|purchase order|paperwork) (?:is )?(?:now )?(?:w/|with) "
            r"(?=«P\d+» for (?:signature|sign-off|approval))",
        ],
        [
            # "预算也在何总手里", "预算归他管", "预算口子在她那里"
            # the holder follows: "预算在分管副行长袁立手里" is 袁立's, not the sentence subject's
            r">预算(?:口子|盘子|这块|大权|的事)?(?:也|都|还)?(?:最终)?(?:(?=由|归|在)|由|归|在)",
            r">(?:预算|钱)(?:和|与)[^«»，,。；;]{1,8}?(?:都是|都归|都在|都由)",  # "预算和最终决定都是他"
            r">预算(?:这块|方面|这边|的事)?(?:最终)?(?:是|得|要|在|归|都是)",
            r"(?<![A-Za-z])EB(?![A-Za-z])",
            # "由她最终审批", "许国强（董事长）签字"
            r"(?<=[»）)])(?:这里|那里|这边|那边)?(?:来|负责|亲自|自己|能|可以|统筹|已经|已|最终|最后|就|上周|昨天|当场){0,3}"
            r"(?:审批|批|签(?:了)?字)(?![评准次到])",
            # a limit under which they sign alone: "30万以内她自己就能签"
            r">\d[\d.]*\s?(?:万|w|W|k|K)(?:元)?(?:以内|以下|之内)(?:的)?[\u4e00-\u9fff]{0,4}?[，,]?\s?"
            r"(?=«P\d+»(?:自己|本人)?(?:就)?(?:能|可以)(?:直接)?(?:签|批|审批))",
            r"预算审批人",
            r"(?:负责|管|掌握|控制)(?:着)?预算",
            r"(?<!对)预算.{0,4}(?:审批|签字|把关|说了算)",  # not "意见对预算审批影响很大": an influence
            r"管钱",
            r"(?:钱|经费|资金)(?:最终)?(?=归|由)",  # "钱归他批": the person after it
            r">钱袋子(?:也|都|还)?(?:一直)?(?:在|归|由)",  # "钱袋子在她手里"
            r"(?:批|定)(?:预算|钱|经费)",  # "冯总和财务总监袁丽一起定预算"
            r"(?<=[»）)])(?:来|负责|最后|最终)?签(?:合同|单)",  # "总经理邢总签合同"
            r"经济决策",
            r"财务审批",
            r"签字(?:权|批准)",
            r"(?<![A-Za-z])[Bb]udget(?:\s?approval)?\s?(?:也|都|还)?(?=在|由|归)",  # "Budget 在马骏手上"
            r">(?:钱|经费|资金)(?:都|也|还|一直)?在(?=«P\d+»(?:的)?手)",  # "钱在她手里"
            r"出钱",  # "真正出钱的是于处"
            r"一支笔",  # "局里大的项目现在都是他一支笔": the one pen that signs
            r"(?<![A-Za-z])[Bb]udget\s?(?:owner|holder)",  # "Budget owner 是局办公室主任龚卫平"
            # "钱在集团新能源部付总手里", "预算最后是她审批"
            r">(?:钱|经费|资金|预算)(?:都|也|还|一直)?在[^«»，,。；;\n]{1,10}?(?=«P\d+»(?:的)?手)",
            r">预算(?:最后|最终)?(?:是|由|归)(?=«P\d+»(?:来)?(?:审批|批|签字|定))",
            # "钱的事最后要过 Amy"
            r">(?:钱|预算|经费)的事(?:最后|最终)?(?:要|得|都|还)?(?:过|找|归|听)\s?(?=«P\d+»)",
            # "最后掏不掏钱还是胡总签"
            r">(?:最后|最终)?(?:掏不掏钱|出不出钱|给不给钱|批不批)(?:还|都|最终|最后)?(?:是|由|看|听)(?=«P)",
        ],
    ),
    "decision_maker": (
        [
            r"final (?:call|decision|say|word|sign[- ]?off|choice|verdict)",
            r"decision[- ]?maker",
            r"(?<![A-Za-z])DM(?![A-Za-z])",
            r"makes? the (?:(?:final|ultimate|renewal|purchasing|buying|vendor|award|selection|procurement|"
            r"system|solution|software|supplier|technology|tool|"
            r"sourcing|operational|commercial|business|big|real|"
            r"platform|contract|formal) ){0,2}(?:call|decision|choice)",
            r"decides",
            r"will decide",
            r"has the last word",
            r"calls the shots",
            r"ultimately decid\w*",
            # "final decision sits with the CEO, Mr Lim", "the decision itself sits with our MD, Harriet"
            r">(?:the )?(?:final |ultimate )?(?:decision|call)(?: itself)? "
            rf"{_LIES} with",
            r"(?:casting|deciding) vote",
            r">(?:will|would|is to|are to|to)(?: \w+ly)? be (?:decided|made|taken|signed off) by",
            r">(?:is|are|was|gets) (?:decided|made) by",
            r"the decider",
            r"made the (?:(?:final|ultimate|renewal|purchasing|buying|vendor|award|selection|procurement|"
            r"sourcing|"
            r"platform|contract|formal) ){0,2}(?:call|decision|choice)",
            r"owns? (?:that|the|this) (?:final )?decision",
            r"(?<=») (?:own |final )?call\b",
            # "it's Ewa's call", not "from Ewa's call + Tunde's email" (a phone call)
            r"(?<=»)'s? (?:(?:final |ultimate )?decision|(?:final|ultimate) call|"
            r"call(?=\s*(?:[.;,!)\n]|$|on |to make|whether|in the end|ultimately)))",
            # "she's the one making the call", "still the one who decides", "gave it the nod"
            r"the one (?:who(?:'s| is| will| will be)? )?(?:making|makes|to make|make) the (?:final )?"
            r"(?:call|decision)",
            r"the one who (?:decides|gets to decide|calls it)",
            r"the one to (?:decide|call it|sign it off)",
            # "will approve the panel's recommendation"
            r"approves? (?:the )?(?:panel's |committee's |team's |board's |evaluation )?recommendation",
            r"approves? the (?:contract )?award\b",
            # "Mr Yousef approved RevPilot", "the approving authority for this project"
            r"approv(?:ed|es|e) (?:the )?(?:«[OK]\d+»|renewal|deal|contract|selection|switch|move)\b",
            r"(?:final )?(?:approving authority|approver)\b",
            GO_AHEAD,
            # "nothing gets bought without her say-so", "the CAFM decision will be his"
            r"(?<=»)['’]s say-so",
            r">(?:the )?(?:[\w-]+ )?decision (?:will be|is|'s going to be) (?=«P\d+»['’]s\b)",
        ],
        [
            r"拍[板版]",  # "最后他拍版": typed in a hurry
            r"(?<![A-Za-z])DM(?![A-Za-z])",
            r"最终(?:商务|采购)?决策",
            r"(?<!经济)决策人",
            r"(?<!经济)决策者",
            r"说了算",
            r"最终决定",
            r"定夺",
            r"最后决定",
            r"一锤定音",
            r"决定权",
            # "最后由他来定", "邓院长基本就能定"
            r"(?<=»)(?:基本上?|就|能|可以|来|最终|最后|自己|亲自|一个人|一人)?"
            r"(?:基本上?|就|能|可以|来|最终|最后|自己|亲自){0,3}(?:定夺|拍板|决定|定)(?![位义制期价稿预])",
            r"(?<=»)(?:最终|最后)?点头",  # "这事儿得赵总点头才行"
            r"(?<=»)(?:的)?一句话(?:的事)?(?=[，,。；;！!—–\s]|$)",  # "最后选谁就是孙蔓一句话"
            r"最终\s?(?:sign[ -]?off|call|decision)",  # "蔡总（GM）做的最终 sign-off"
            r"decision[- ]?maker",
            r">(?:拍板|决定权|最终决定)(?:权)?(?:也|都|还)?(?:在|归)",  # "钱和拍板都在赵总那边"
            r">final (?:call|decision|say)\s?(?:也|都|还)?(?:在|归|由)",  # "final call在他"
            r"同意立项|(?<=»)(?:来|负责)?(?:批准|拍定)立项",
            r">立项(?:也|都|还)?(?:是)?(?=«P\d+»定)",  # "立项她定"
            # "要报 GM 沈国栋 sign off": whom it goes up to for the last word
            r">(?:要|需要|得|还要|最后|最终)(?:上)?报(?:给)?(?=\s?(?:[A-Z]{2,4}\s?)?«P\d+»\s?(?:sign|拍板|定|签字|审批))",
            # "由刘主任定": a title between the name and the verb
            r"(?<=»)(?:主任|总监|总|局长|处长|科长|部长|厂长|院长|校长|经理|董事长|董|书记|主管)"
            r"(?:来|最终|最后|亲自)?(?:定夺|拍板|决定|定)(?![位义制期价稿预])",
            # "最后定不定是赵总", "选谁还是郑总说了算"
            r">(?:最后|最终)?(?:定不定|买不买|选谁|用谁|签不签|换不换|上不上)(?:还|都|最终|最后)?(?:是|由|看|听)(?=«P)",
        ],
    ),
    "technical_evaluator": (
        [
            r"technical (?:evaluat\w+|review|assessment|validation|sign-off|lead on)",
            r"tech(?:nical|incal|inical)? (?:review|assessment|eval|sign-off|signoff)",
            # "will assess the hosting questionnaire", "runs RFP scoring", "reviews the validation package"
            r"(?:assess|review|complet|answer|fill|do|doing|does)\w* (?:out )?the (?:[\w-]+ )?"
            r"(?:security|hosting|technical|it|vendor|infosec) questionnaires?",
            r"(?:runs?|ran|leads?|led) (?:rfp |tender |bid )?(?:scoring|evaluation)\b",
            r"review\w* the (?:validation|test|qualification) (?:package|protocols?|plan|documents?)",
            # "the technical sign-off belongs to her manager, Ravi Subramanian"
            r">(?:the )?(?:technical|tech) sign-?off (?:belongs to|is with|sits with|lies with|rests with)"
            r"(?: (?:his|her|their) (?:manager|boss),?)? ?",
            r"evaluat\w* the (?:specs|technical|solution|product|options|vendors|bids)",
            r"(?<![A-Za-z])TE(?![A-Za-z])",
            r"(?:runs?|ran|leads?|led|running|leading|owns?|owned|chairs?|chaired|chairing|drives|drove|"
            r"driving) (?:the|our|their|this) (?:[\w-]+ )?(?:technical )?"
            r"(?:evaluation|eval|pilot|poc|trial|testing|benchmark|bake-off|proof of concept|side-by-side|"
            r"shoot-?out|head-to-head)\b",
            r"scor(?:es?|ing|ed) the (?:technical|functional|requirements|bids|responses)",
            # "is judging the reliability side", "will need to review the network side"
            r"(?:judg|review|assess|vett?|check)(?:es|s|e|ing|ed)? the "
            r"(?!(?:commercial|contract|contractual|financial|finance|legal|price|pricing|cost|budget|business)\b)"
            r"[\w-]+ (?:side|part|aspects?)\b",
            # "will be the one testing how you connect", "Tomasz drives the CDU spec"
            r"the one (?:who(?:'ll| will)? )?(?:testing|evaluating|reviewing|assessing|vetting|tests?|"
            r"evaluates?|reviews?|assess(?:es)?|vets?)\b",
            r"(?:drives|drove|owns|owned) the (?:[\w/-]+ ){0,2}"
            r"(?:spec|specs|specification|requirements? spec|technical requirements)\b",
            # "does the electrical side of the review", "covers the security part of the evaluation"
            r"(?:do|does|doing|did|runs?|running|leads?|leading|owns?|handles?|handling|covers?|covering) "
            r"the [\w-]+ (?:side|part|section) of the (?:review|evaluation|assessment|scoring|tender)",
            r"assess\w* the technical",
            r"vets? (?:the )?(?:vendors|solutions|specs)",
            r"(?:will|'ll|to) (?:lead |run |do )?(?:the )?evaluat(?:e|ion)\b"
            r"(?! (?:of )?(?:us|our|whether|if))",
            r"technical veto",
            rf"sign(?:s|ed|ing)? off (?:on )?(?:the |our |their |its )?(?:[\w-]+ )?{_BUILT}",
            r"(?:sign|lead|own|run|handl|review|approv)\w*(?: off)? [^.;«»]{0,40}? on the technical side",
            # a review of how it is built: "will review our architecture", "assess the Epic integration"
            r"(?:review|assess|evaluat|validat|vet|judg|check|test|scor|look)\w*(?: (?:at|over))?"
            r"(?: (?:our|the|their|your|all|any))?(?: (?:[\w-]+|«[OK]\d+»))?? "
            r"(?:architecture|integrations?|interfaces?|api|sso|infrastructure|"
            r"security (?:side|review|model|design|setup)|data model|tech stack)\b",
            r"(?:doing|does|do|run\w*|lead\w*|own\w*|handl\w*) the (?:technical|tech) "
            r"(?:comparison|due diligence|scoring|side|deep[- ]dive|questionnaire|requirements|fit)",
            # "the technical panel is Imogen and Kwame"
            r">(?:the )?(?:technical|tech|evaluation|scoring) (?:panel|evaluators?|scorers?|committee) "
            r"(?:is|are|=|:) ?",
            # "will sit on the scoring panel", "the evaluation is Hollis's show"
            r"(?:sits?|sitting|will sit|'ll sit) on the (?:scoring|evaluation|selection|tender|technical) "
            r"(?:panel|committee)",
            r">(?:the )?(?:technical )?(?:evaluation|eval)(?: is|'s) (?:all )?"
            r"(?=«P\d+»['’]s (?:show|baby|call))",
            # "Nate will be your technical contact", "Pete is your technical contact"
            r"(?:technical|tech) (?:contact|point of contact|owner)\b",
            r"(?:technical|tech) lead (?:for|on) the (?:evaluation|eval|pilot|poc|selection|trial)",
            # "Mei-Ling writes the test criteria", "Dwayne will review the technical submittals"
            r"(?:writes?|wrote|sets?|owns?|drafts?|defines?) the "
            r"(?:test|evaluation|scoring|selection|acceptance) criteria",
            r"(?:review|assess|evaluat|vet|check|scor)\w* (?:the |all )?technical "
            r"(?:submittals?|proposals?|bids?|responses?|specs?|specifications|documentation|answers)",
            # "Sunita is the technical assessor", "Jens is the technical guy", "Aidan and Kenji do the
            # evaluation"
            r"(?:technical|tech) (?:assessor|evaluator|reviewer|guy|person|one)\b",
            r"(?:do|does|doing|did) the (?:technical |tech )?(?:evaluation|eval|assessment)\b",
            # "he'll kick the tyres on anything", "Dwayne does the hands-on testing"
            r"kick(?:s|ed|ing)? the (?:tyres|tires)",
            r"hands-on (?:testing|evaluation|trials?|validation|assessment)",
            # "signs off on anything technical", "green-lit the integration after her tech review"
            r"sign(?:s|ed|ing)? off on (?:anything|everything|all) technical",
        ],
        [
            r"技术评估",
            r"技术把关",
            r"技术选型",
            r"负责(?:技术)?(?:测试|评估|评测|验证|选型)",
            r"技术评审",
            r"(?:技术|参数)[^，,。；;]{0,4}把关",
            r"技术论证",
            r"牵头(?:做)?(?:评估|测试|评测|选型|试用|论证|验证)",  # "罗婷牵头评估"
            r"技术(?:牵头|负责)人",
            r"(?<=»)(?:那边|这边|那里)?(?:来|负责)?(?:定|审|审核|把关)技术(?:要求|参数|规范|方案|指标)",
            r"(?<![A-Za-z])TE(?![A-Za-z])",
            r"technical (?:evaluat\w+|review|owner)",
            # "小白管技术对接", "负责技术打分"
            r"(?:负责|管)技术(?:对接|打分|评分)|技术(?:对接|对口)人|技术组(?:组长|长)",
            # "这次技术评标马总（马骏）当组长": who heads the technical evaluation
            r">技术(?:评标|评审|评分|评估)(?:小?组)?(?:由)?(?=«P\d+»\s?(?:[（(][^（）()]{1,12}[）)])?(?:当|任|做|担任)组长)",
            # "丁工会牵头做技术评分", "范宁宁在做技术比选表", "技术方案让杜工把关"
            r"(?:牵头|负责|在)?做技术(?:评分|打分|比选|评比|比对)",
            r">技术(?:评分|打分|比选)(?:表)?(?:也|都|还|仍)?(?:是|由|归)(?=«P)",
            r">技术方案(?:让|由|归|交给)(?=«P\d+»把关)",
            # "以后技术方案都要他把关", "负责接口测试"
            r">技术(?:方案|参数|选型)(?:也|都|还)?(?:要|得|需要|须|必须)(?:先)?(?:让|由|给|经)?(?=«P\d+»(?:来)?(?:把关|审|评估|评审))",
            r"负责[\u4e00-\u9fff]{1,4}?(?:测试|评测|验证)",
            # "好不好用让安全部曹部长来评估"
            r"(?<=»)(?:来|去|会|要|负责)(?:做|牵头)?(?:评估|评测|测试|验证)(?!报告|结果|费)",
            # "技术审核已通过", "参数都亲自看", "给了我们技术分最高分"
            r"技术(?:审核|审查)",
            r"参数(?:都|也)?(?:是)?(?:亲自|自己)(?:看|审|把关|定)",
            r"技术分(?:给|打)|给(?:了)?(?:我们|你们)?(?:的)?技术分",
            # "参数林科来写", "我这边出技术意见"
            r">参数(?:由|让|交给)?(?=«P\d+»(?:来)?(?:写|定|出|把关))",
            r"(?:出|给)技术意见",
            # "二期技术方案主要由谢部长和林经理来评估", "技术分主要他打"
            r">技术(?:方案|参数|选型|评估)(?:主要|也|都|还)?(?:让|由|归|交给)(?=«P\d+»(?:和«P\d+»)?(?:来|负责)?(?:把关|审|评估|评审|打分))",
            r">技术分(?:主要|都|也|还)?(?:是|由)?(?=«P\d+»(?:来|会)?打)",
            # "技术评估人郑思远", "评标组技术部分由王总牵头", "评估组成员", "成员有葛文涛和…", "牵头这次选型"
            r">技术(?:评估|评审|负责|对接)人(?:是|为|[:：])?\s?(?=«P)",
            r">技术(?:部分|方面|这块|这边)(?:主要|也|都)?(?:由|归|让|交给)(?=«P\d+»)",
            r"(?:评估|评审|评分|评标|技术|选型)(?:小)?组(?:成员|组员)",
            r">(?:评估|评审|评分|评标|技术|选型)(?:小)?组(?:[^。；;\n«»]|«P\d+»){0,16}?成员(?:还)?(?:有|是|包括|[:：])(?=«P)",
            r"牵头(?:这次|本次|此次|这个|这轮)(?:的)?(?:评估|测试|评测|选型|试用|论证|验证)",
            r"tech(?:nical)? (?:evaluator|assessor|reviewer|eval)\b",
            # who judges it: "技术评委", "技术评标组长还是马骏", "方案评估牵头人", "两位技术评委里，田雨…"
            r"技术评委|(?:技术|方案)(?:评标|评审|评估|评分)(?:小?组)?(?:组长|牵头人|负责人)",
            r">(?:[两三四几]位)?技术评委(?:里|中|当中|之中)[，,]?\s?(?=«P)",
        ],
    ),
    "champion": (
        [
            r"on our side",
            r"champion",
            r"push(?:es|ing)? (?:hard )?(?:for )?our (?:proposal|solution|offer|bid|case|pitch)",
            r"push(?:es|ing)? (?:hard |strongly |really hard )?for us",
            r"supports? our (?:proposal|solution|offer)",
            r"big fan of (?:us|our)",
            r"(?:our )?(?:biggest|number one|#1) fan",
            r"our (?:\w+ )?(?:internal )?(?:advocate|sponsor|coach|ally|champion|supporter)",
            r"advocat\w+ for us",
            r"(?:sells?|sold|selling) (?:it|us|this|our \w+) internally",
            r"in our corner",
            r"push(?:es|ing)? (?:[\w-]+ ){0,3}internally",  # "actively pushing the idea internally"
            r"our way in",
            r"(?:offered|volunteered|agreed) to (?:write|draft|build|present|put together) (?:the |our |a )?"
            r"business case",
            r"(?:is|are|'s) (?:completely |totally |fully |now )?sold on (?:us|our\b)",
            r"(?:openly |actively |strongly |fully )back(?:s|ing) us\b",  # "now openly backing us"
            # "has become a real ally"
            r"(?:become|is|'s|was) (?:a |our )(?:real |strong |genuine |key |true )ally\b",
            # "the one driving this internally", "banging the drum for us", "selling it to her charge nurses"
            r"driv(?:e|es|ing) (?:this|it|the (?:project|change|case|rollout)) internally",
            r"bang(?:s|ing)? the drum for (?:us|our\b)",
            r"(?:is |'s )?(?:already )?selling (?:it|us|this) to (?:her|his|their|the) ",
            r"(?:is |'s )?selling (?:it|us|this) (?:hard|internally) ",
            r"carr(?:y|ies|ied) the room for us",
            # "she'll fight our corner", "a genuine fan of ours"
            r"fight(?:s|ing)? (?:our|for our) corner|fights? for us\b",
            r"(?:genuine|real|big|huge) fan of (?:ours|us)\b",
            # "still speaks up for us with Katarzyna", "Dmitri is our guy", "puts in a good word for us"
            r"(?:speak|speaks|spoke|speaking) up for (?:us|our\b)",
            r"(?:is|'s) (?:our|the) (?:guy|girl|man|woman|person) (?:inside|in there|on the inside)"
            r"|(?:is|'s) our (?:guy|girl|man|woman)\b",
            r"puts? in a (?:good|kind) word for (?:us|our\b)",
            # "Tonya = pretty much our champ now", "she has our back internally"
            r"(?:our|the) champ\b",
            r"(?:has|have|got|had) (?:got )?our back",
            # "still firmly backing us", "now fully behind us, pushing it herself", "pushing hard for the
            # full LIMS w/ us", "taking it to the capital committee herself"
            r"(?:openly |actively |strongly |fully |firmly )?backing us\b",
            r"(?:fully|firmly|squarely) behind us\b",
            r"push(?:es|ing)? (?:it|this) (?:herself|himself|themselves|internally)",
            r"push(?:es|ing)? (?:hard |strongly )?for (?:the )?(?:[\w-]+ ){1,4}(?:w/|with) us\b",
            r"tak(?:es|ing|e) (?:it|this) to the (?:[\w-]+ ){0,3}(?:committee|cmte|board|exec team|execs) "
            r"(?:herself|himself|themselves)",
        ],
        [
            r"支持我们的方案",
            r"(?:最大的|坚定的|内部的?)?支持者",
            r"内部支持者",
            r"积极推动",
            r"力挺我们",
            # "马主任一直力挺", "陈敏：我们的铁杆"
            r"(?<=»)(?:还是|一直|始终|也|都|很|非常)?力挺(?!«O)",
            r"(?:我们|咱们)的铁杆(?!粉)",
            # on our behalf, however said: "帮我们在院务会上推", "一直替你们说话" (a third party to us)
            r"(?:帮|替|为)(?:我们|我方|咱们|你们|贵司)[^，,。；;«»\n]{0,10}?"
            r"(?:推动|说话|说说|推进|争取|推|美言|说好话|吹风|敲边鼓|站台|背书|撑腰|约|引荐|牵线)",
            r"一直(?:在)?推(?![进迟后广出荐])",  # "这个项目我一直在推"
            r"(?:在)?内部\s*(?:一直)?\s*(?:推|push)",
            r"champion",
            r"(?<!not )(?<!not a )sponsor",
            r"内线",
            r"(?<![A-Za-z])[Cc]oach(?![A-Za-z])",
            r"教练",
            r"我们的支持者",
            r"(?:主要|最大的|内部的?)?推动者",
            # "当年就是他力推的我们", "内部评审时我会帮着说话", "我这边只能尽量推"
            r"力推(?:的)?(?:我们|我方|咱们|你们|贵司)",
            r"帮着?(?:说话|说好话|美言)",
            r"(?:尽量|尽力|使劲|拼命)推(?![进迟后广出荐])",
            r"(?:明显|一直|私下|主动)在帮(?:我们|咱们|我方)",
        ],
    ),
    "influencer": (
        [
            r"opinion carries",
            r"key influencer",
            r"influential",
            r"carr(?:y|ies) (?:a lot of |real |some |serious )?weight",
            r"has the ear of",
            r"influences? the (?:decision|choice)",
            r"strong voice",
            r"\binfluencer\b",
            r"(?:will )?(?:have|has) (?:a|some|real|the|a lot of)(?: big| large| strong| major| real)? say",
            r"(?:has|with|carries|holds) (?:\w+ )?(?:real |a lot of |huge |strong )?(?:influence|sway|clout)",
            # a vote without the call: "Marisol Vega – voting member", "has a vote on the panel"
            r"(?<!non-)(?<!non )\bvoting member",
            r"(?:has|gets|with) a vote\b",
            # advice that is asked for
            r"(?:is|are|gets|get) consulted\b",
            r"(?:trusted|key) advis[eo]r|sounding board",
        ],
        [
            r"很有分量",
            r"(?:关键|重要的?)影响者",
            r"影响力很大",
            r"说话很有分量",
            r"有影响力",
            r"意见很重要",
            r"话语权",
            r"(?:重要|关键)力量",
            r"influencer",
            # "说话挺管用", "说话还挺有分量的", "发言权很大", "潘经理的意见对预算审批影响很大"
            r"(?:说话|意见|话)(?:还|也|都)?(?:挺|很|比较|非常|相当)?(?:有分量|管用|好使|算数)",
            r"发言权",
            r"(?:意见|看法|态度)[^，,。；;«»\n]{0,8}?影响(?:很|挺|比较|非常)?大",
            r"(?:会|要|可以)(?:参与|一起)?(?:提|给)(?:意见|建议)",  # "王主任和周主任会提意见"
            r"推荐意见",
            r"(?<=»)(?:[^«»，,。；;\n]{0,6})推荐(?![信我咱你])",  # "用友那家是罗经理推荐的", "由他向沈董推荐"
            r"有投票权",  # a vote without the call
        ],
    ),
    "gatekeeper": (
        [
            r"go(?:es)? through (?:him|her|them)",
            r"gatekeep\w*",
            r"controls access",
            r"handles (?:all |the )?(?:vendor|supplier) (?:meetings|access|contact|calls|relations)",
            r"controls (?:the )?(?:vendor (?:process|access)|(?:our |vendor )?access|(?:his|her|the) "
            r"(?:calendar|diary|agenda))",
            r">(?:approach|reach|contact) (?:him|her|them) (?:via|through)",
            r">(?:all|every|any) (?:requests?|meetings?|calls?|questions|queries|correspondence|contact) "
            r"(?:go|goes|must go|have to go|are to go) (?:through|to|via)",
            r"(?<=») is the gate\b",  # "So Gail is the gate now"
            r">(?<!budget )(?<!money )(?<!spend )(?<!funds )(?:go|goes|going|has to go|have to go) "
            r"(?:through|via|past)",
            r"books (?:the|his|her) (?:meetings|calendar|diary)",
            r"sets the (?:\S+ )?agenda",
            r"single point of contact",  # "Oliver Haines is now the single point of contact for all bidders"
            # "controls who gets near the plant networks", "decides who gets a meeting with the CEO"
            r"(?:controls|decides) who (?:gets|sees|meets|talks|has access)",
            # "he controls every contact during the blackout", "route all questions to Ray Dominguez"
            r"controls (?:all|every|any) (?:vendor |supplier )?(?:contact|communication|access)",
            r">(?:route|send|direct|channel) (?:all |any |every )?(?:questions|queries|correspondence|"
            r"contact|communications?|requests)(?: \w+){0,2} (?:to|through|via)",
        ],
        [
            r">都要先经过",
            r"对接窗口",
            r">要先经过",
            r">(?<!有事)先找",  # "有事先找他" is whom to call, not who guards the door
            r">得先找",
            r">先通过",
            r">(?:必须|都要|都得|要|得)(?:通过|经过)",
            r"把关口",
            r"安排见面",
            r"安排(?:行|院|厂|公司)?领导的日程",
            # "想见院领导必须走他这里", "需先经他登记"
            r">(?:必须|都要|都得|要|得|需)?(?:先)?(?:走|经)(?=«P)",
            r"(?<=»)这一?关",  # "想见院长必须先过办公室主任周明这一关"
            # "所有报价都得先经过他", "要约领导都得先过她" (not "都要过他签字": his signature)
            r">(?:必须|都要|都得|都需|需要|需|要|得)?先(?:过|经|走|通过|经过)(?=«P)",
            r">(?:必须|都要|都得|都需|需要|需|要|得)(?:通过|经过)(?=«P)",
            r"(?:管|排|安排)(?:领导的?|院长的?|[\u4e00-\u9fff]总的?)?日程",
            r">日程(?:都|也)?(?:是|由|归)",  # "院长的日程都是她在排"
            r"gatekeeper",
            r"挡驾",  # "钱总的秘书小何挡驾很厉害"
            r"(?<=»)(?:那|那里|那边|这里|处)?报备",  # "所有厂商接触都要先在他那报备"
        ],
    ),
    "user": (
        [
            r"day-to-day users?",
            r"(?:main|power|future|key|primary|daily|heavy|heaviest|biggest|pilot|first)(?: [\w/]+)? users?",
            r"(?:using|uses?|in|carry|carries|carrying|operate|operates|operating) "
            r"(?:[\w-]+ |«[OXK]\d+» ){0,4}"
            r"(?:every day|daily|every shift|each shift|on every shift)",
            r"the one (?:actually )?using",
            r"main user",
            r"end users?",
            r"will use (?:it|the system|the platform) (?:daily|every day)",
            r"(?:own|run|handle|do)s? (?:the )?day-to-day",
            r"day-to-day (?:use|usage|operation|alert|running)",
            r"uses? it every day",
            r"hands-on user",
            r"day-to-day (?:(?:system|platform|tool) )?(?:admin|administrator|owner)",
            r"uses? (?:the |our )?[\w-]+ (?:app|system|tool|module) (?:on )?(?:every|each) (?:shift|day)",
            # "the ones who'd live in the system day to day", "using it day2day"
            r"liv(?:e|es|ing) in (?:the|it|our|that) ?(?:system|tool|platform|app)?",
            r"using it (?:day ?(?:to|2) ?day|daily|every day)",
            # "the one running the console day to day"
            r"(?:running|using|on|in) (?:it|the [\w-]+) day[- ]to[- ]day",
            # "will own day2day use of the system", "Trish's team would be the day-to-day users"
            r"own\w* (?:the )?day ?(?:-?to-?|2) ?day (?:use|usage|running)",
            # "the one who'll actually use the energy dashboards day to day"
            r"the ones? (?:who|that)(?:'ll|'d| will| would)? (?:actually )?use\b",
        ],
        [
            r"日常使用者",
            r"使用部门负责人",
            r"(?:主要|一线)(?:使用者|使用人|用户)",
            r"最终用户",
            r"使用科室",
            r"日常使用",
            r"日常(?:运维|维护|操作)",
            r"天天(?:都|也)?(?:要|会|得)?(?:用|在用)",
            r"日常(?:就是|都是|主要是?|就|都)(?:在)?用",  # "他日常就是用这些仪器的"
            r"(?:key|heavy|power|main|end) user",
            r"使用方",
            # "平台上线后主要是他们在用", "以后平台日常就是她在用"
            r">(?:日常|平时|以后|上线后)?(?:主要|就|都)是(?=«P\d+»(?:们|那组|那边|团队|组里)?(?:在|来)?用)",
            r"(?:以后|将来|上线后)(?:的|是|做)?(?:系统)?管理员",  # "孟琳以后是系统管理员"
            # "系统重度用户", "是以后实际用系统的人"
            r"(?:重度|核心|主力|关键|高频)(?:使用者|用户)",
            r"[|｜]\s*使用者\s*[|｜]",  # a table's role column: "| 方芳 | 核保部高级核保师 | 使用者 |"
            r"(?:实际|日常|真正|天天|每天|平时)(?:在)?用(?:系统|平台|软件|这套系统|它)?的(?:人|那个人?)",
        ],
    ),
    "blocker": (
        [
            r"push(?:es|ing)? back",
            r"main opponent",
            r"blocker",
            r"against (?:us|our (?:proposal|solution|offer|bid))",
            r"opposes",
            r"block(?:s|ing)? (?:us|the deal|our)",
            r"(?:try|tries|trying|tried) (?:to|and) (?:kill|block|stall|derail|sink|torpedo)",
            r"(?:most )?likely to (?:slow|stall|block|derail|kill) (?:things|it|us|the deal|this)",
            # "Ross is dead against switching", "lobbying to just extend them", "stonewalling the SSO review"
            r"(?:dead|firmly|strongly|flatly|totally|very much) against (?:us|it|this|"
            r"the (?:change|switch|move|project|proposal|idea)|switching|changing|moving|any change)",
            r"lobby(?:ing|ies)? (?:hard )?to (?:just )?(?:keep|extend|renew|stay with)",
            r"stonewall\w*",
            r"dragg?(?:ing|ed|s)? (?:his|her|their) feet",
            # "will argue against any further rollout", "working against us behind the scenes"
            r"(?:argu|campaign|lobby|lobbi|work)\w* (?:hard )?against "
            r"(?:us|it|this|any|our|the|switching|changing)",
            r"(?:to|will|would|could|may|might|'ll|'d) block\b(?! (?:out|off|time|book))",
            r"(?:will|'ll|going to|would) fight "
            r"(?:it|this|us|the (?:project|deal|rollout|proposal|change))\b",
            # "the main obstacle on the Safety deal", "our biggest hurdle"
            r"(?:main|biggest|real|only|key) (?:obstacle|roadblock|hurdle|stumbling block)",
        ],
        [
            r"抵触",
            r"主要反对者",
            r"反对我们",
            r"阻力",
            r"阻挠",
            r"卡我们",
            r"唱反调",
            r"设置障碍",
            r"blocker",
            r"(?:挡|拦|压)着我们",
            r"(?:一直|总是)(?:在)?拖着|(?:故意|明显)(?:在)?拖(?:着|延|时间)?",
            r"(?:给我们|处处)?设卡",  # "在评分细则上给我们设卡"
        ],
    ),
}
