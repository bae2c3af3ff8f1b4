"""Commitments in the genre's other phrasings: a level reached, a state an adverb of degree
marks, a completion verb first, and what the plan makes sure of (确保…).

The three closed lists of ``commitments`` (changes of a measure, states, progress) read the
phrasings of a deadline: ``到2025年,…基本形成``.  Plans also commit in ways those lists
miss, and these are read here, from named phrase tables built from the genre's vocabulary:

* **a state at the end of its clause** (``REACHED_AT_END``): the subject, then an adverb of
  degree and a verb of state (``风险评估水平有效提升``, ``气候风险管理和防范体系基本成熟``),
  ``得到`` and how (``灾害风险得到有效防控``), a level (``达到同期国际先进水平``, ``走在全国
  前列``), a state no longer seen (``不再出现“城市看海”现象``) or a pace against another
  (``下降幅度大于全社会下降幅度``), a need met (``基本满足管理需求``), every unit covered
  (``覆盖所有区县``), a state kept (``总体水质保持优良``).  It needs a deadline (``到2025年``,
  or the plan's period); adverbs that say only how much (``更加完善``, ``广泛形成``), a
  plain ``改善`` or ``得到保障`` (no measure, no manner), and visions (``美丽中国``,
  ``…现代化基本实现``) count only in the plan's goals (主要目标) under a year, where every
  clause is one; the vision nouns (``生态环境质量``) there only in a change (``明显改善``).
* **a completion verb first** (``COMPLETED_FIRST``): ``建成…``, ``形成…``, ``构建起…``,
  ``实现…``, ``全面消除…``, after at most a short subject (``园区内实现污染处理设施全覆盖``).
  Under a deadline any of them; without one, as a standing goal of a task, only those that
  cannot be an action under way: ``建成``, ``实现``, ``全部/全面消除``, ``全部迁入``.
* **what the plan makes sure of** under a deadline: a clause opened by ``确保``, as printed
  (``确保建成区长治久清``); without a deadline it is a duty, not a goal.
* **not a commitment**: a task's imperative (``加强…``, ``推进…``, ``全面提升…能力``: the
  verb of doing, first), a purpose (``为实现…``), an object that ends in a number (the
  numeric target's), a count without a number (``形成一批…``), ``实现`` inside a noun
  (``价值实现路径``), and what was assigned (``实现上述目标``, ``确保规划顺利实施``).
"""

from __future__ import annotations

import re

from plangraph import model

from .clauses import Clause, Draft, match_key
from .indicators import VAGUE, derived_indicator, noun_phrase

#: Adverbs of degree or manner that turn a verb at the end of a clause into a state.
DEGREE = (
    "基本|全面|初步|总体|稳定|持续|明显|显著|大幅度|大幅|有效|进一步|逐步|稳步|根本|不断|"
    "切实|普遍|充分|较好|更加|更趋|更为|广泛|有序|深入|全部|均|继续|较大幅度|较大|日趋|日益|逐渐|"
    "提前|率先|快速|高速|较快|更"
)
#: Adverbs that say how much and reach no state (更加完善, 广泛形成): a commitment only in
#: the plan's goals.
DEGREE_ONLY = re.compile(r"^(?:更加|更趋|更为|更|广泛|进一步|不断|日趋|日益)+$")

#: What a subject reaches, at the end of its clause (the subject is before it).
REACHED_AT_END = re.compile(
    rf"""
    (?: (?P<level>                                      # a level: 达到同期国际先进水平
          (?:达到|保持|处于|跻身) [^,;。]{{0,16}}? (?:先进|领先|一流|标杆|前列) (?:水平|值|地位)?
        | (?:走在|位居|位于|进入) [^,;。]{{0,8}}? (?:前列|前茅|第一方阵)
        | 达到 [^,;。]{{0,12}}? (?:考核|管理|国家|省)[^,;。]{{0,4}}? 要求   # 达到国家考核要求
        | (?<![须应当要]) 符合 [^,;。]{{0,16}}? (?:要求|标准|条件)   # 排放符合…要求, not 须符合
        | (?:优于|高于|好于|低于|接近) [^,;。]{{0,8}}? 平均水平 )   # 健康指标优于全市平均水平
      | (?P<got>                                        # 得到有效防控, 得到全面保护
          (?:得到|获得) (?:{DEGREE}|合理|严格)*             # 能源消费总量得到合理控制
          (?:防控|治理|保障|保护|恢复|修复|提升|改善|控制|遏制|落实|管控|监控|缓解|解决|应用推广|
             推广应用|应用|推广|发挥|巩固|加强|增强|满足|优化|根治|处理|利用|认同|认可)
          (?: (?:或|和|与|及) [^,;。]{{1,6}}? (?:利用|处置|处理) )? )  # 得到有效处理或资源化利用
      | (?P<formed>                                     # 基本成熟, 全面推广, 基本协调
          (?P<formed_how> (?:{DEGREE})+ )
          (?:形成|建成|建立|确立|成熟|完善|健全|落实|到位|普及|推广|推行|开展|推进|实施|协调|
             匹配|相适应|相协调|转变|转型|恢复|稳定|好转|畅通|扭转|深化|合理|科学|高效|完备|
             精准|规范|顺畅|巩固|发挥|绿化|管控|应用|防控|
             丰富|壮大|涌现|成网|                           # 供给更加丰富, 高速公路基本成网
             良好|优良|优美|清洁|明显) )                       # 地下水水质持续良好, 总体优良
      | (?P<kept>                                       # 总体水质保持优良
          (?:{DEGREE})* (?:保持|维持|稳定在|保持在) (?:优良|良好|优|稳定|较好|较高)(?:水平|状态)?
        | (?:控制|保持|稳定)在合理(?:区间|范围|水平)           # 碳排放控制在合理区间
        | (?:保持|维持) 合理 [^,;。]{{0,4}}? 水平 )              # 棉花、糖料保持合理自给水平
      | (?P<grows> (?:保持|实现) (?:稳定|平稳|较快|合理|持续|稳步|适度)增长  # 保持适度增长
          | 与 [^,;。]{{1,12}}? (?:基本)?同步 (?:增长|提高|提升)? )   # 收入与全省同步增长
      | (?P<rooted> 深入人心 | 蔚然成风 | 成为(?:新)?常态 | 全面覆盖
          | 稳中(?:趋|向)好 | (?:持续|总体)向好 | 稳中有(?:升|进|降)   # 近岸海域环境质量稳中趋好
          | (?:迈上|再上|跃上|登上)(?:一个)?新(?:的)?台阶      # 绿色低碳理念深入人心
          | (?:达到|迈上|跃上|提升到|提高到)新(?:的)?(?:水平|高度)     # 民生福祉达到新水平
          | (?:步入|迈入|走上|进入) [^,;。]{{0,8}}? (?:轨道|快车道) )  # 林业步入高质量发展轨道
      | (?P<meets>                                      # 监测能力基本满足管理需求
          (?:{DEGREE})* (?:满足|适应|适配) [^,;。]{{0,24}}? (?:需求|需要|要求) )
      | (?P<covers>                                     # 监测网络覆盖所有区县
          (?:{DEGREE})* 覆盖 (?:到)? (?:所有|全部|全[省市国区县]|各[省市区县]) [^,;。]{{0,16}} )
      | (?P<better>                                     # 有效提升, 明显降低
          (?P<better_how> (?:{DEGREE})+ )
          (?P<better_verb> 提升|提高|增强|改善|加强|优化|降低|下降|减少|减轻|缓解|减弱|扩大|增加|
                           跃升|增长|上升) )                    # 信息化发展水平大幅跃升
      | (?P<gone>                                       # 易涝积水点全面消除
          (?:基本|全面|彻底|全部|动态|逐步)+ (?:消除|清零|消灭|杜绝) )
      | (?P<progress>                                   # 取得重大进展, 实现新进步
          (?:取得|实现) 了? (?:积极|重大|重要|明显|显著|决定性|实质性|突破性|阶段性|长足|新的?|
                              较大|关键性?|历史性|标志性)*
          (?:战略性?)? (?:进展|成效|成果|突破|进步|跨越|实效)
        | 实现 (?:规模化|产业化|工程化|商业化|示范)+ (?:应用|示范|推广)? )  # 实现产业化应用
      | (?P<never> 不再 (?:出现|发生|新增) (?P<never_what> [^,;。]{{0,16}} ) )  # 不再出现…现象
      | (?P<pace>                                       # 下降幅度大于全社会下降幅度
          (?:幅度|增速|速度|水平) (?:均|都)?                     # 增速均高于GDP增速
          (?:大于|高于|快于|优于|低于|小于|慢于) [^,;。]{{0,16}} )
    ) [”"]? \s* $
    """,
    re.VERBOSE,
)

#: Verbs and adjectives of a state that the plan's goals close a clause with, alone or two
#: together (建立健全, 成熟定型, 协调统一, 落实到位, 构建形成, 健全完善).
GOAL_VERBS = (
    "成熟|定型|建立|健全|完善|协调|统一|明确|落实|到位|构建|形成|补齐|实现|确立|夯实|筑牢|"
    "巩固|凸显|显现|提升|提高|增强|优化|改善|降低|下降|减少|好转|完备|规范|高效|畅通|顺畅|"
    "良好|优良|和谐|合理|丰富|壮大|上升|增长"
)
#: How the goals say a state is reached at the end of a clause (among the goals under a
#: year only, where every clause is a goal): ``…格局更加成熟定型``, ``…体系建立健全``,
#: ``…能源体系加快构建``, ``…能力得到新提升``, ``碳达峰具备坚实基础``, ``…与碳排放“脱钩”``,
#: ``…迈入国际先进行列``, ``碳排放提前达峰后持续下降``, ``…现代化基本实现``.
GOAL_AT_END = re.compile(
    rf"""
    (?: (?P<goal_how> (?:{DEGREE}|加快|得到新?|实现新?)* ) (?P<goal_verb> (?:{GOAL_VERBS}){{1,2}} )
      | 具备 [^,;。]{{0,6}} 基础
      | 脱钩
      | (?:迈入|跻身|进入|迈进) [^,;。]{{0,8}}? (?:行列|前列|水平)
      | (?:提前|率先|尽早)? 达峰 后? (?:{DEGREE})* (?:下降|回落) )
    [”"]? \s* $
    """,
    re.VERBOSE,
)


#: Any of those states, anywhere in a sentence (a sentence without one holds none of them).
ANY_PLEDGE = re.compile(
    REACHED_AT_END.pattern.replace('[”"]? \\s* $', "")
    + "|"
    + GOAL_AT_END.pattern.replace('[”"]? \\s* $', "")
    + r"|形成|构建起|建立起|成为|打造成|摸清|出台|禁止|不再|停止|全部(?:采用|使用|实行)"
    + r"|守住|建立(?:较为|比较|更加)?(?:完善|健全|完备)的"
    + r"|解决|缓解|创建|补齐|编制完成|制定完成|修编完成|修订完成|退出|摘掉|摘除|甩掉",
    re.VERBOSE,
)

#: Verbs that open a clause with the state its object reaches (completion, not an action).
#: ``anywhere``: a standing goal even without a deadline; the others need one.
COMPLETED_FIRST = re.compile(
    r"""
    (?P<verb>
        (?P<anywhere>
            (?:全面|基本|初步|率先)? 建成 (?!区|后|投运|投产|使用)
          | (?:率先|全面|基本|力争|逐步|真正)? 实现 (?!了|的|路径|模式|机制|形式|方式|途径)
          | (?:全部|全面|彻底|基本)? 消除
          | 全部 (?:依法依规)? (?:迁入|迁出|搬迁|退出|关停|淘汰|取缔|纳入|进入|入园|采用|使用|实行
                              |停止)                                # 全部依法依规停止运行
          | (?:全面|一律) (?:禁止|停止)                      # 全面禁止天然林商业性采伐
          | (?:初步|全面|基本|彻底) 摸清 )                     # 初步摸清…底数
      | (?:全面|基本) 普及 (?!率|程度|水平)                     # 全面普及学前三年教育
      | 构建起 | 建立起 | 形成 | 打造成为? | 建设成为 | 成为 | 出台
      | (?P<solved> (?: (?:基本|彻底|从根本上|根本|全面|有效|切实) 解决
                     | (?:基本|彻底|全面|有效|切实|明显|逐步)? (?P<eased> 缓解) )
                   (?=[^,;。]{2,30}问题\s*$)                   # 基本解决草原过牧问题
                 | (?:基本|彻底|从根本上|根本) 扭转 (?=[^,;。]{2,30}(?:局面|状况)\s*$) )
      | (?<!择优)(?<!积极)(?<!择机)                            # 择优创建: a task's manner
        (?:成功|力争|全力|努力)? (?:创建|创成|争创|获评) (?:成功|成为)?  # 创建…示范市
          (?= [^,;。]{2,36}? (?:示范|先行|试验|实验)区 [”"]?\s*$
            | [^,;。]{0,12}(?:示范|先进|模范|文明|卫生|园林|森林|生态|特色|实践创新|标杆|样板
                            |国家级|省级|市级|全国|国家|省)
              [^,;。]{0,24}(?:省|市|县|城市|城|镇|乡|村|州|旗|盟|基地|园区|单位|称号|品牌
                            |片区|县城|强县|强镇|名村|名镇)
              [”"]?\s*$)
      | (?P<passed> (?:顺利|全面|成功|力争)? 通过 )             # 通过国家…示范县考核验收
          (?=[^,;。]{2,30}(?:验收|复核|复审|考核|评估|认定|认证|评审|核查|创建)\s*$)
      | (?P<left> (?:全面|率先|如期|成功|全部)? (?:退出|摘掉|摘除|甩掉)
                 (?=[^,;。]{2,30}(?:行列|帽子|名单|序列)[”"]?\s*$) )  # 退出…不达标县行列
      | (?:在[^,;。]{1,8})? 全面 (?:实施|推行|建立) (?=[^,;。]{1,12}制\s*$)   # 全面实施河长制
      | 打造形成 | (?:基本|全面)? 补齐 (?=[^,;。]{2,30}(?:短板|弱项)\s*$)  # 基本补齐…短板
      | (?:编制|制定|修编|修订)完成 (?=[^,;。]{2,30}(?:规划|方案|计划|办法|标准|清单)\s*$)
      | (?:初步|有效|基本|坚决)? 遏制 (?=[^,;。]{2,24}(?:趋势|势头|态势)\s*$)  # 初步遏制…加剧的趋势
      | (?:较大幅度|大幅度|大幅|明显|显著) 地? (?:减少|降低|削减)    # 较大幅度地减少污染严重水体
      | 建立 (?=(?:较为|比较|更加)?(?:完善|健全|完备)的)          # 建立较为完善的…体系
      | (?P<built> 建立 (?!健全|完善|和|与)
                   (?=[^,;。]{2,30}(?:体系|机制|平台|制度|清单|名录|数据库)\s*$) )
                                                          # 建立…指标体系 (among the goals)
      | (?<![未已成]) (?:全面|基本|如期)? 完成 (?!率|后|了|形势|情况|进展|进度)  # 完成…造林绿化
      | (?:坚决)? 守住 (?=[^,;。]{2,30}(?:底线|红线)\s*$)      # 坚决守住…的底线
      | (?P<ban> 禁止 (?:生产|销售|使用|新建|进口) | 不再 (?:主动)? 提供
                | 停止 (?:生产|销售|使用|供应) ) )             # under a deadline: 禁止使用…
    (?P<object> [^,;。]{2,} ) \s* $
    """,
    re.VERBOSE,
)

#: A problem solved at the root (基本解决, 从根本上解决): a state reached, even without a
#: deadline; plain 解决 in a task is the work of solving.
SETTLED = re.compile(r"基本|彻底|从根本上|根本")
#: 将/把 before what is made into something (将…打造成为…示范区).
_MADE_INTO = re.compile(r"^(?:将|把)[^,;。]{1,20}$")

#: A document released (出台《…工作方案》, 出台…“十四五”规划): reported, not committed to.
_RELEASED = re.compile(r"(?:规划|方案|计划|意见|通知)》?\s*$")
#: Who releases it, or when, in a report (市政府出台…, 九江市近日出台…, 贵州省出台…).
_REPORTER = re.compile(r"近日|日前|政府|[省市县区厅局委办]$")
#: A clause that continues a list of nouns (以及…, 及…).
_JOINED = re.compile(r"^(?:以及|及|和|与|或)")
#: A routine or the things it is done to, before 完成 (每1-3年完成…, 对…完成…).
_ROUTINE = re.compile(r"每|对|按")


def obj_is_open(obj: str) -> bool:
    """An object that lists steps and leaves the list open (…分析化验等)."""
    return obj.rstrip().endswith("等")


#: The state a thing is built in, before it (较为完善的…体系): the thing is the measure.
_OF_STATE = re.compile(r"^(?:较为|比较|更加)?(?:完善|健全|完备)的")
#: A level reached, verb first: what reaches it stands between the verb and whose level it is.
_LEVEL_OF = re.compile(
    r"(?:保持|达到|处于)(?P<what>[^,;。]{2,12}?)(?:全国|全省|国内|国际|世界|同行业|行业)"
)

#: Verbs of doing that open a task's clause (加强…): what follows is the action, and a
#: state at its end the action's aim, not a commitment.  推动/推进/促进 wrap a commitment
#: (推动黄河岸线…高污染企业全部迁入合规园区) and are not here.
IMPERATIVE = re.compile(
    r"""^(?:加强|强化|完善|健全|构建|建立|实施|开展|深化|加快|支持|鼓励|引导|落实|坚持|发展|
          优化|提升|提高|增强|保护|保障|加大|探索|组织|制定|编制|严格|规范|研究|建设|打造|
          培育|做好|抓好|狠抓|抓实|着力|统筹|扩大|减少|降低|控制|防范|防止|推广|提供|发挥|注重|聚焦|
          依托|围绕|结合|针对|利用|借助|通过|按照|根据|依据|为|把|将|拓展|拓宽|明确|
          营造|倡导|创造|甚至|采用|运用|应用|采取|体现|带动)
       (?!区|地区|范围)                      # 保护区, 发展区: a noun, not a verb of doing""",
    re.VERBOSE,
)
#: How a task is done, before its verb (积极拓宽…).
_MANNER = re.compile(
    r"^(?:积极|大力|加快|着力|全力|努力|持续|不断|进一步|有序|稳步|深入|切实|逐步)+"
)
#: Manners of doing (加快形成…, 大力实现…): an action under way, not a state reached.
_DOING = re.compile(r"(?:加快|大力|积极|着力|深入|切实|抓紧|加速)$")
#: A subject that is only an adverb (稳定进入…轨道): what reaches the state is named before.
_ADVERB_ONLY = re.compile(rf"\s*(?:{DEGREE})+\s*")
#: The words of a wrapper that may stand before the subject of a state (推动…全部迁入).
_WRAPPER = re.compile(r"^(?:推动|推进|促进|确保|力争|争取|努力|使|让|全力)+")

#: A subject that is no noun phrase: a purpose or a statement (为…, 是…, …的位置).
_NOT_A_SUBJECT = re.compile(
    r"^为|被|是|在[^,;。]{0,12}中|的位置|如果|一旦|若|仍将|将会|可能|的基础上|的前提下|过程中"
    r"|^用[^,;。]{1,6}时间|^涉及"  # 用两年时间巩固提升: how long; 涉及…: what it covers
)
#: A vision: the country's or the region's future as a whole (美丽中国先行区, 治理能力
#: 现代化): a commitment only in the plan's goals.
VISION = re.compile(
    r"美丽(?:中国|[\u4e00-\u9fff]{1,3}(?:建设|目标|先行区))|现代化(?:水平)?$|小康|远景|愿景"
)
#: What was assigned rather than what is reached: 实现上述目标, 完成各项任务.
_ASSIGNED = re.compile(
    r"^(?:上述|以上|各项|既定|规划|本规划|全年|年度|国家|省)*的?(?:目标|任务|指标)"
    r"|^[一二两三四五六七八九十\d]+(?:大|项|个)[^,;。]{0,4}(?:目标|任务)"  # 实现四大具体目标
    r"|各项(?:任务|工作|措施)|任务和措施|目标任务|规划[^,;。]{0,4}实施|落到实处|落地见效|取得实效"
)
#: An object that ends in a quantity (建成高标准农田10.75亿亩) is the numeric target's.
_ENDS_IN_NUMBER = re.compile(r"\d(?:\.\d+)?\s*(?!号)[^\d\s,;。]{0,4}\s*$")  # not 19号线, a name
#: Already done or under way: 已建成, 正在…
_DONE = re.compile(r"已|正在|曾|业已|后将?$")
#: A subject that is itself a change (用水总量增长): when it is held, no state is reached.
_CHANGE = re.compile(r"(?:增长|上升|下降|增加|减少|趋势|势头|态势)$")
#: A worsening (加剧趋势, 恶化势头): curbing it is a goal, unlike a growth that stops.
_WORSENING = re.compile(
    r"(?:加剧|恶化|蔓延|退化|加重|丧失|流失|减少|下降)(?:的)?(?:趋势|势头|态势)$"
)  # 生物多样性下降势头得到基本控制: a loss curbed
_CURB = re.compile(r"遏制|控制|扭转")
_QUOTES = re.compile(r"[“”\"‘’]")
#: A clause that makes sure (确保…), under a deadline, commits to what follows as printed.
_ENSURED = re.compile(r"确保|保证")

#: The state each phrasing reaches, and the direction of a change.
_LEVEL_STATE: model.State = "StandardMet"
_DIRECTION = {
    **dict.fromkeys(
        (
            "提升",
            "提高",
            "增强",
            "改善",
            "加强",
            "优化",
            "扩大",
            "增加",
            "跃升",
            "壮大",
            "增长",
            "上升",
        ),
        "Increase",
    ),
    **dict.fromkeys(("降低", "下降", "减少", "减轻", "缓解", "减弱"), "Decrease"),
}
#: A clause that states the ground or the course of a goal (在…基础上, 在…前提下, 在…过程中).
_CIRCUMSTANCE = re.compile(
    r"\s*在[^,;。]{2,40}(?:的)?(?:基础上|前提下|过程中|条件下|要求下|背景下|形势下)\s*$"
)


_FORMED_STATE: dict[str, model.State] = {
    **dict.fromkeys(("形成", "建成", "建立", "确立", "成熟", "完善", "健全"), "Established"),
    **dict.fromkeys(("落实", "到位"), "Completed"),
    "协调": "Secured",
    "匹配": "Secured",
}


def pledge_targets(
    clause: Clause,
    places: list[str],
    *,
    dated: bool,
    goals: bool,
    year: bool = False,
) -> list[Draft]:
    """A commitment in one of the phrasings above, one target per clause, or none.

    ``dated``: a deadline governs the clause (a year, or the plan's period); ``goals``: the
    clause is among the plan's goals under a year (主要目标); ``year``: a year of its own
    governs it (到2025年年底, 2021年7月1日起), which alone makes a ban (禁止使用…) a goal."""
    text = clause.text.rstrip()
    if _CIRCUMSTANCE.match(clause.masked, clause.body):
        return []  # 在总结试点形成的经验做法基础上: the ground of the goal, not a goal
    lead = clause.masked[: clause.body]
    body = _QUOTES.sub("", text[clause.subject_at :]).strip().lstrip("—-·")
    whole = _QUOTES.sub("", text[clause.body - min(clause.body, 4) :]).strip()
    found = _at_end(body, dated=dated, goals=goals)
    if found is None:
        found = _first(whole, dated=dated, goals=goals, year=year)
    if found is None and dated and _ENSURED.search(lead):
        found = _ensured(_QUOTES.sub("", text[clause.body :]).strip())
    if found is None:
        return []
    label, state, direction = found
    return [
        Draft(
            sentence=0,
            start=clause.subject_at,
            end=len(text),
            order=0,
            indicator=derived_indicator(label),
            state=state,
            direction=direction,
            scope=places[0] if len(places) == 1 else None,
            scope_text=clause.categories[0] if len(clause.categories) == 1 else None,
        )
    ]


#: A document as a report refers to it (《规划》, 该方案): it states goals, it reaches none
#: (a document named in full, 推动出台《生态环境监测条例》, may be a goal).
_DOCUMENT = re.compile(
    r"《?(?:该|本|此|这一?|新|上述)?(?:行动计划|实施方案|规划|方案|意见|通知|文件|纲要|计划|办法|要点)》?"
)


def _subject_ok(subject: str, goals: bool, *, headline: bool = False) -> bool:
    """A subject that names what is committed to: a noun phrase, not a purpose or a time; a
    vision noun (生态环境质量) only in the goals' headline change (…明显改善), and a vision
    (美丽中国…, …现代化) only among the goals."""
    key = match_key(subject)
    if len(key) < 2 or _NOT_A_SUBJECT.search(subject) or _DONE.search(subject):
        return False
    if _DOCUMENT.fullmatch(subject.strip()):
        return False  # 《规划》明确,到2025年…: a report's frame, the document says what follows
    if key in VAGUE and not headline:
        return False  # 生态环境质量保持全国领先: no measure says what is reached
    return goals or VISION.search(subject) is None


def _at_end(
    body: str, *, dated: bool, goals: bool
) -> tuple[str, model.State | None, model.Direction | None] | None:
    """``风险评估水平有效提升``: the subject, then the state it reaches."""
    found = _reached(body, dated=dated, goals=goals)
    if found is None and goals:
        return _goal_at_end(body)  # 碳排放提前达峰后持续下降, not 持续下降 alone
    return found


def _reached(
    body: str, *, dated: bool, goals: bool
) -> tuple[str, model.State | None, model.Direction | None] | None:
    m = REACHED_AT_END.search(body)
    if m is None or not dated:
        return None
    subject = body[: m.start()]
    how = m.group("formed_how") or m.group("better_how") or ""
    if not goals and how and DEGREE_ONLY.fullmatch(how):
        return None  # 更加完善: how much, not which state
    if not goals and m.group("better") and m.group("better_verb") == "改善":
        return None  # 水生态环境持续改善: better, but no measure says how much
    if not goals and m.group("got") and not re.search(DEGREE + "|合理", m.group("got")):
        return None  # 供水和饮水安全得到保障: a duty, unless said how (得到有效保障)
    wrapped = _WRAPPER.sub("", subject)
    if IMPERATIVE.match(_MANNER.sub("", wrapped)) or _ASSIGNED.search(wrapped):
        return None  # 加强…, 全面提升…能力: an action and its aim
    subject = noun_phrase(wrapped) or wrapped
    subject = re.sub(r"(?:实现)?较?$", "", subject)  # 排放量实现较大幅度下降
    level = _LEVEL_OF.match(m.group("level") or "")
    if level is not None and len(match_key(subject)) < 2:
        subject = level.group("what")  # 保持「海上风电」全国领先水平: the verb comes first
    if m.group("never"):
        subject = subject + m.group("never_what")  # 新城区…“城市看海”现象
    headline = goals and bool(m.group("better") or m.group("formed"))
    if not _subject_ok(subject, goals, headline=headline) or _ADVERB_ONLY.fullmatch(subject):
        return None  # 稳定进入…轨道: the subject is in the clause before
    if (m.group("formed") or "").endswith("明显") and _CHANGE.search(subject):
        return None  # 少子化趋势更加明显: a trend described, not a goal
    worsening = m.group("got") and _WORSENING.search(subject) and _CURB.search(m.group("got"))
    if m.group("got") and _CHANGE.search(subject) and not worsening:
        return None  # 用水总量增长得到控制: a change that stops, neither level nor direction
    state: model.State | None = None
    direction: model.Direction | None = None
    if m.group("level"):
        state = _LEVEL_STATE
    elif m.group("formed"):
        verb = m.group("formed")[len(how) :]
        state = _FORMED_STATE.get(verb)
    elif m.group("better"):
        direction = _DIRECTION.get(m.group("better_verb"))  # type: ignore[assignment]
    elif worsening:
        state = "Curbed"  # 地下水污染加剧趋势得到初步遏制: a worsening is stopped
    elif m.group("got"):
        state = "Secured" if "保障" in m.group("got") else None
    elif m.group("gone"):
        state = "Eliminated"
    elif m.group("kept"):
        direction = "Maintain"
    elif m.group("grows"):
        direction = "Increase"
    elif m.group("meets"):
        state = "Secured"
    elif m.group("covers") or m.group("rooted") == "全面覆盖":
        state = "Covered"
    return subject, state, direction


#: The vision of modernisation (…治理体系和治理能力现代化): the seed's reading keeps it out
#: of the commitments even among the goals (readers of other plans differ: see issue 12).
_MODERNISED = re.compile(r"现代化$")


def _goal_at_end(body: str) -> tuple[str, model.State | None, model.Direction | None] | None:
    """Among the goals under a year: ``…质量监督体系建立健全``, ``碳达峰具备坚实基础``."""
    m = GOAL_AT_END.search(body)
    if m is None:
        return None
    wrapped = _WRAPPER.sub("", body[: m.start()])
    if IMPERATIVE.match(_MANNER.sub("", wrapped)) or _ASSIGNED.search(wrapped):
        return None  # 加强…: an action and its aim
    subject = noun_phrase(wrapped) or wrapped
    if not _subject_ok(subject, True, headline=True) or _MODERNISED.search(subject):
        return None  # …治理能力现代化基本实现: the vision of the seed's reading, not a state
    verb = m.group("goal_verb") or ""
    state: model.State | None = None
    direction: model.Direction | None = None
    pieces = [verb[i : i + 2] for i in range(0, len(verb), 2)]  # 构建形成: 构建, 形成
    formed = [_FORMED_STATE[p] for p in pieces if p in _FORMED_STATE]
    changed = [_DIRECTION[p] for p in pieces if p in _DIRECTION]
    if formed:
        state = formed[0]
    elif changed:
        direction = changed[0]  # type: ignore[assignment]
    elif "达峰" in m.group():
        state = "Peaked"
    return subject, state, direction


def _first(
    whole: str, *, dated: bool, goals: bool, year: bool = False
) -> tuple[str, model.State | None, model.Direction | None] | None:
    """``建成世界知名生态与民族文化旅游地``: a completion verb, then what it completes; a ban
    (``禁止使用不可降解塑料袋``, ``不再主动提供一次性塑料用品``) only under a year of its own:
    under the plan's period it is a rule of conduct, not a goal reached by a date."""
    m = COMPLETED_FIRST.search(whole)
    if m is None or (m.group("ban") and not year):
        return None
    before = _WRAPPER.sub("", whole[: m.start()].strip().lstrip("—-·"))
    if _DOING.search(before):
        return None  # 加快形成…: the pace of an action, not a state reached
    prefix = _MANNER.sub("", before)
    if re.match(r"(?:打造|建设)成", m.group("verb")) and _MADE_INTO.match(prefix):
        prefix = ""  # 将京津冀及周边地区打造成为…示范区: the place is made into what follows
    if (
        m.group("verb") == "出台"
        and _REPORTER.search(prefix)
        and _RELEASED.search(m.group("object"))
    ):
        return None  # 市政府出台《…工作方案》: a report of a plan's release, not a goal
    if _JOINED.match(prefix):
        return None  # 以及…形成的集水区域: the verb inside a noun that continues a list
    if len(prefix) > 20 or IMPERATIVE.match(prefix) or _DONE.search(prefix):
        return None  # 加强…建成…: the verb serves an action
    if "完成" in m.group("verb") and (_ROUTINE.match(prefix) or obj_is_open(m.group("object"))):
        return None  # 每1-3年完成一轮监测: a routine; 完成样品采集、分析化验等: steps of a task
    settled = m.group("solved") and SETTLED.match(m.group("solved"))
    if not (dated or m.group("anywhere") or settled):
        return None  # 形成一批…: an action under way unless a deadline makes it a goal
    if m.group("built") and not goals:
        return None  # 建立…机制 in a task is the work; among the goals, the system to have
    obj = m.group("object").strip()
    if (
        _ENDS_IN_NUMBER.search(obj)
        or _ASSIGNED.match(obj)
        or (obj.startswith("一批") and "建成" not in m.group("verb"))
    ):
        # 建成…10.75亿亩: the numeric target's; 形成一批…样板: a count without a number
        # (建成一批…先行区 completes them: a commitment)
        return None
    label = noun_phrase(obj) or obj
    label = label.removeprefix("一批")  # 建成一批碳排放达峰先行区: the kind completed
    if re.fullmatch(r"全部(?:依法依规)?(?:采用|使用|实行|停止)", m.group("verb")) and (
        len(match_key(prefix)) >= 2
    ):
        # 大宗物料全部采用…方式运输: what is carried; …项目全部停止运行: what stops
        label = noun_phrase(prefix) or prefix
    label = _OF_STATE.sub("", label)  # 建立较为完善的「…处置体系」
    if len(match_key(label)) <= 4 and prefix:
        label = prefix + label  # 生态环境实现根本好转: the state alone names nothing
    if not _subject_ok(label, goals):
        return None
    verb = m.group("verb")
    if m.group("eased") == "缓解":
        return label, None, "Decrease"  # 缓解城市热岛效应…等问题: less of it, not gone
    if m.group("solved") or m.group("left"):
        return label, "Eliminated", None  # 基本解决草原过牧问题: the problem is gone
    if re.search(r"减少|降低|削减", verb):
        return label, None, "Decrease"  # 较大幅度地减少污染严重水体: a change, no state
    if "遏制" in verb:
        return label, "Curbed", None  # 初步遏制…加剧的趋势: the rise stops
    return label, _completed_state(verb, label), None


#: What an object realised (实现…) names of its state, checked in this order.
_OBJECT_STATE: tuple[tuple[re.Pattern[str], model.State], ...] = (
    (re.compile(r"全覆盖|全面覆盖"), "Covered"),
    (re.compile(r"零|清零|消除"), "Eliminated"),  # 近零填埋, 趋零填埋, 污水零直排
    (re.compile(r"达峰"), "Peaked"),
    (re.compile(r"达标"), "StandardMet"),
)


def _completed_state(verb: str, label: str) -> model.State:
    """The state a completion verb first reaches: every one reaches one, so that a standing
    goal without a year still says what it commits to (建成 -> Established)."""
    if "建成" in verb:
        return "Established"  # 建成…达峰先行区: places built, not a peak reached
    if "通过" in verb:
        return "Completed"  # 通过…考核验收: an assessment passed
    for pattern, state in _OBJECT_STATE:
        if pattern.search(label):
            return state
    if "普及" in verb:
        return "Covered"  # 全面普及学前三年教育: everyone reached
    if "消除" in verb:
        return "Eliminated"
    if "守住" in verb:
        return "Secured"  # 坚决守住不发生重特大森林草原火灾…的底线
    if re.search(r"禁止|停止|不再|取缔|关停|淘汰|退出", verb):
        return "Eliminated"  # 禁止使用不可降解塑料袋, 全部关停
    if verb.startswith("全部") or re.search(r"(?:编制|制定|修编|修订)完成|补齐", verb):
        return "Completed"  # 编制完成…规划, 基本补齐…短板  # 全部迁入合规园区, 全部采用清洁方式运输
    return "Established"  # 建成, 形成, 构建起, 实现…, 成为


def _ensured(body: str) -> tuple[str, model.State | None, model.Direction | None] | None:
    """``确保建成区长治久清``, ``确保动态清零``: what the plan makes sure of, as printed."""
    if len(match_key(body)) < 2 or IMPERATIVE.match(_MANNER.sub("", body)):
        return None  # 确保…, 加强…: the duty of doing
    if _ENDS_IN_NUMBER.search(body) or _ASSIGNED.search(body) or _DONE.search(body):
        return None
    if match_key(body) in VAGUE or _NOT_A_SUBJECT.search(body):
        return None
    return body, ("Eliminated" if re.search(r"清零|消除", body) else None), None


#: A day of the calendar alone in its clause (2021年7月1日起, 自2023年7月1日): the date a
#: rule takes effect, which makes the clause after it a goal as printed.
EFFECTIVE_DATE = re.compile(
    r"^\s*(?:自|从|于)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?"
    r"(?:起|开始|以后|前|以前|之前|底前)?\s*$"
)
#: The verb that puts a rule in force (实施…标准): what is in force is its object.
_IN_FORCE = re.compile(r"^(?:全面|全国|全省|统一)?(?:实施|执行|施行|启用|推行)")


def effective_targets(clause: Clause, places: list[str]) -> list[Draft]:
    """What a plan puts in force from a day of the calendar (``2023年7月1日,实施轻型车和重型车
    国6b排放标准``): one target, the rule as printed; a standard is met, a ban eliminates."""
    body = _QUOTES.sub("", clause.text[clause.body :]).strip()
    rule = _IN_FORCE.sub("", body)
    key = match_key(rule)
    if len(key) < 4 or _ENDS_IN_NUMBER.search(body) or _ASSIGNED.search(body):
        return []
    if key in VAGUE or _NOT_A_SUBJECT.search(body) or _DONE.search(body):
        return []
    banned = re.search(r"禁止|停止|淘汰|不再|取缔", body)
    if not (banned or _IN_FORCE.match(body)):
        return []  # 2021年7月1日起,县级及以上城市建成区…: who, the rule comes after
    state: model.State | None = None
    if banned:
        state = "Eliminated"
    elif rule.endswith("标准"):
        state = "StandardMet"
    return [
        Draft(
            sentence=0,
            start=clause.body,
            end=len(clause.text.rstrip()),
            order=0,
            indicator=derived_indicator(noun_phrase(rule) or rule),
            state=state,
            scope=places[0] if len(places) == 1 else None,
            scope_text=clause.categories[0] if len(clause.categories) == 1 else None,
        )
    ]
