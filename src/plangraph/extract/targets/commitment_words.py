"""The words of commitments without numbers: the changes of a measure, the states and the
progress a plan commits to (closed lists), the openings that commit or stand without a
deadline, and the state or direction a commitment's words name when nothing else gives one.

``commitments`` assembles the clauses these words are found in; ``sentences`` gives the
commitments left without a deadline, a state or a direction the ones their words name
(:func:`state_in_words`) and keeps only those one could check (:func:`checkable`).
"""

from __future__ import annotations

import re

from plangraph import model
from plangraph.vocab import alternation

from .clauses import Draft
from .comparison_words import NOT_A_MEASURE

# --------------------------------------------------------------------------- changes

#: Adverbs of a steady change (持续下降, 稳步提升).
STEADY = ("持续", "稳步", "逐步", "逐渐", "逐年", "明显", "大幅", "进一步", "显著", "不断")
#: Changes without a number that a commitment names, by kind (the group names of
#: STATE_CHANGE): falls, rises, holds, eliminations.
FALL_VERBS = ("下降", "降低", "减少", "压减", "削减", "消减")
RISE_VERBS = ("提升", "提高", "增加", "增长", "上升")
HOLD_WORDS = (
    *("保持基本稳定", "保持总体稳定", "保持稳定", "稳定保持", "基本稳定", "总体稳定"),
    *("持续稳定", "维持稳定", "稳中向好", "不减少", "不降低", "不下降"),
    *("总体保持稳定", "基本保持稳定", "总体保持平稳", "零增长"),  # 化肥农药使用量零增长
)
_CLASS_AHEAD = "(?=[ⅠⅡⅢⅣⅤIV]+类)"
STATE_CHANGE = re.compile(
    rf"""
      (?P<reach> (?:稳定|基本|全面)?                                   # 稳定达到Ⅲ类 at the end,
                 (?:达到|达|提升至|提升到|提高至|提高到|改善至|改善到|恢复至|恢复到|稳定在|保持在)
                 (?:或(?:优于|好于))? (?:地表水)?          # 提升至Ⅳ类, 稳定在地表水Ⅲ类
                 (?=[ⅠⅡⅢⅣⅤIV]+类 (?:水质)? (?:标准)? \s*$) )
    | (?P<dec> (?:{alternation((*STEADY, "保持"))})? (?<!不)          # 持续下降, not 不下降
               (?:{alternation(FALL_VERBS)})
               (?: {NOT_A_MEASURE} (?:趋势)?
                 | 幅度 (?:大于|高于|超过|不低于|不小于) )   # 下降幅度大于全社会下降幅度
      )
    | (?P<inc> (?:{alternation(STEADY)})? (?<![负零])                 # 稳步提升, not 负增长, 零增长
               (?:{alternation(RISE_VERBS)}) {NOT_A_MEASURE} )
    | (?P<keep> {alternation(HOLD_WORDS)} | 保持{_CLASS_AHEAD}        # 保持稳定, 保持Ⅱ类
              | ^\s*稳定 (?=[^,;。]{{2,16}}(?:率|比例|比重)\s*$) )  # 稳定自然岸线保有率
    | (?P<elim> (?: (?:基本|全面|彻底)?消除 | (?:动态|全面|基本)?清零 ) {NOT_A_MEASURE}
               | (?:基本)?无(?=劣[ⅣⅤIV五四]) )                   # 地表水无劣Ⅴ类水体
    | (?P<cover> (?:基本实现|实现|基本)? (?<!健)全覆盖 )               # not 健全覆盖…
    | (?P<secure> (?:得到|获得) (?:有效|切实|基本)? 保障 )
    | (?P<peak> (?:基本|率先|提前|尽早)? (?:实现)? (?:达峰|达到峰值) )
    """,
    re.VERBOSE,
)


#: The state each kind of change above reaches (the changes themselves have a direction).
KIND_STATE: dict[str, model.State] = {
    "elim": "Eliminated",
    "peak": "Peaked",
    "cover": "Covered",
    "reach": "ClassReached",
    "keep": "ClassReached",  # only with a class: 保持Ⅱ类
    "secure": "Secured",
    "curb": "Curbed",
}


# --------------------------------------------------------------------------- states

#: States a commitment reaches, by the words that say so (a closed list: 广泛形成, 更加完善,
#: 明显改善 say how much, not what state, and make no target).
STATE_WORDS: dict[model.State, tuple[str, ...]] = {
    "Established": (
        "基本形成",
        "初步形成",
        "全面形成",
        "基本建成",
        "全面建成",
        "初步建成",
        "基本建立",
        "初步建立",
        "全面建立",
        "基本完善",
        *("基本成型", "初步成型", "基本定型"),  # 全省现代水网格局基本成型: a system in place
    ),
    "Completed": (
        *("全面完成", "全部完成", "基本完成", "如期完成", "圆满完成", "顺利完成"),
        *("整治到位", "全部到位", "到位"),
        *("完工", "竣工", "建成投用", "投入使用", "建成通车", "通车"),  # 年内完工: works finished
        *("开通运营", "开通初期运营", "投入运营"),  # 轨交6、7、8号线开通初期运营
    ),
    "Eliminated": ("全部退出", "全部整合退出", "全部淘汰", "全部关停", "全部取缔", "全面取缔"),
    # 水质达标: a standard met, bare, at the end of its clause (达标率 is a measure's name)
    "StandardMet": ("总体达标", "全面达标", "稳定达标", "基本达标", "达标排放", "达标"),
    "NegativeGrowth": ("负增长",),
    "StableThenDecline": ("稳中有降",),
    "Curbed": (
        *("得到有效控制", "得到控制", "得到有效遏制", "得到遏制", "得到基本遏制"),
        *("得到有效管控", "得到管控"),  # a risk brought under control
    ),
    "Peaked": ("达到峰值", "实现达峰", "达峰"),
}
WORD_STATE = {w: s for s, words in STATE_WORDS.items() for w in words}
_STATE_ALT = "|".join(sorted(WORD_STATE, key=len, reverse=True))
#: ``…基本形成`` at the end of a clause (the subject is before it), or a standard met:
#: ``全部优于一级A标准排放``, ``全部达到绿色建筑标准``.
STATE_AT_END = re.compile(
    rf"""
    (?: 实现 | 率先 | 提前 | 后 )?                      # 实现负增长, 达峰后稳中有降
    (?: (?P<word> {_STATE_ALT} )
      | (?P<standard> (?:全部|全面|稳定|持续稳定)?(?:达到|优于|好于)[^,;。]{{1,16}}标准
                      (?:排放|先进值|要求)?                    # 达到国家能耗限额标准先进值
                    | (?:全部|全面|均|一律)(?:执行|按照|符合|实施|采用)[^,;。]{{1,16}}标准
                      (?:进行)?(?:设计建造|设计|建造|建设)?  # 全面执行…二星级以上绿色建筑标准
                    | (?:全部|全面|均)? 达到 (?:相应|规定|有关|上级)? 的? 要求 )  # 达到相应要求
      | (?P<assigned> (?:达到|实现)(?:国家|省|自治区|市)?(?:下达的?|规定的?)?
                      (?:考核|约束性|计划)?(?:目标|指标)(?:要求|任务)?  # 达到国家考核目标
                    | 达到 [^,;。]{{1,16}}? 创建 (?:目标|指标|标准|要求) )  # 达到…奖创建指标
    ) \s* $
    """,
    re.VERBOSE,
)
#: Verbs that put the state before what reaches it: ``全面建成生活垃圾分类处理系统``,
#: ``全省钢铁企业完成超低排放改造``, ``基本消除城市建成区生活污水直排口``.
STATE_VERBS: dict[str, model.State] = {
    **dict.fromkeys(
        ("全面建成", "基本建成", "初步建成", "建成", "基本形成", "基本建立", "基本实现"),
        "Established",
    ),
    **dict.fromkeys(("全面完成", "全部完成", "基本完成", "如期完成", "完成"), "Completed"),
    **dict.fromkeys(("基本消除", "全面消除", "全部淘汰", "基本淘汰", "全部关停"), "Eliminated"),
    **dict.fromkeys(("全部迁入", "全部搬迁进入", "全部搬迁入"), "Completed"),
}
#: Verbs of moving: what reaches the state is who moves (高污染企业全部迁入合规园区), not
#: where to.
MOVES = frozenset({"全部迁入", "全部搬迁进入", "全部搬迁入"})
STATE_FIRST = re.compile(
    rf"""
    (?P<subject> [^,;。]{{0,32}}? )                       # who: 全省钢铁企业 (may be absent)
    (?P<word> {"|".join(sorted(STATE_VERBS, key=len, reverse=True))} )
    (?! 率|比例|区|后|进展|进度|情况|形势 )     # 完成率 a measure, 建成区 a place, 建成后 a time
    (?P<object> [^,;。]{{2,40}} ) \s* $                   # what: 超低排放改造
    """,
    re.VERBOSE,
)


#: Any word of a state: a sentence without a number and without one of these (or of the
#: changes above) holds no commitment and is not split.
ANY_STATE = re.compile("|".join(sorted({*WORD_STATE, *STATE_VERBS, "标准"}, key=len, reverse=True)))


# --------------------------------------------------------------------------- progress

#: Progress a plan commits to without a figure, closing a clause under a deadline (a
#: closed list): 取得积极进展, 取得重大战略成果, 实现规模化应用, 全面确立, 成为新常态,
#: 得到有效保护, 明显下降, 大幅提高.  How much alone (广泛形成, 更加完善) is none.
PROGRESS_AT_END = re.compile(
    r"""
    (?: 取得 了? (?:积极|重大|明显|显著|决定性|实质性|突破性|阶段性|长足|突出|丰硕|标志性
                    |新的?)* (?:战略性?)?
          (?:进展|成效|成果|突破|进步) (?:应用)?
      | 实现 新? (?:进步|突破|跨越)
      | 实现 (?:规模化|产业化|工程化|商业化)? (?:应用|示范)
      | (?:规模化|产业化|工程化|商业化) (?:应用|示范)           # 实现…技术产业化示范
      | (?:全面|基本|初步|有效) (?:确立|落实|发挥)
      | (?:明显|显著|大幅|大幅度|整体|根本)(?:改善|提升|提高|下降|降低|减少|增强|增长|增加|好转)
      | 成为新常态 | 建立完善 | 长治久清
      | (?:初步|基本|有效)? 得到 (?:有效|基本|初步|全面)? (?:恢复|保护|提升)
      | (?:基本|总体)? 匹配 | 采补平衡 | 零填埋 | (?:动态|全面)? 清零 | 进一步 (?:优化|增强)
      | (?:基本实现|实现)? 全覆盖 | 不降低 | 不减少 | 不改变 | 不下降
      | 实现? (?:翻一番|翻两番|翻番|倍增)
      | 应 (?P<idiom>[\u4e00-\u9fff]) 尽 (?P=idiom)              # 应救尽救, 应保尽保
      | 控制在 [^,;。]{0,10}? (?:目标|指标|计划) (?:内|以内|之内|范围内)
    ) [”"]? \s* $
    """,
    re.VERBOSE,
)
#: The same progress named before what makes it (突破…低碳技术, 基本实现清洁取暖,
#: 大幅降低生产能耗, 全面淘汰国三及以下柴油货车).
PROGRESS_FIRST = re.compile(
    r"""
    (?: 突破 | 基本实现 | (?:有效)?遏制(?=[^,;。]{2,30}(?:趋势|势头|态势)\s*$)
      | (?:明显|显著|大幅|持续)(?:降低|减少|提高|提升) | (?:切实|进一步)改善
      | (?:全面|全部|基本)(?:淘汰|落实|消除)
      | 有效(?:遏制|压减|减少|降低|防控|防范|管控|保障)  # 有效压减较大火灾, 有效防控…风险
      | (?:初步|基本|全面)构建(?=[^,;。]{2,40}(?:体系|格局|机制|网络)\s*$)
      | 全面覆盖                                   # 全面覆盖长江、黄河等重点流域干流
      | 具备(?=[^,;。]{1,20}(?:能力|条件)\s*$)       # 具备抗御6级地震能力
    ) (?P<object> [^,;。]{2,40} ) \s* $
    """,
    re.VERBOSE,
)
#: The same, anywhere in a sentence (a sentence without one holds no progress).
ANY_PROGRESS = re.compile(PROGRESS_FIRST.pattern.replace(r"\s* $", ""), re.VERBOSE)


# --------------------------------------------------------------------------- openings

#: A clause that says the plan makes sure of a state, even with no year of its own in a
#: plan whose period gives one: 确保…, 实现…, 力争…, or a steady change (持续降低, 稳步提升).
COMMITTING = re.compile(
    r"^\s*(?:推进|推动)?(?:确保|实现|力争|基本实现|全面实现|基本消除|全面淘汰|基本淘汰)"
    r"|(?:全部|全面|一律)(?:按照|执行|实施|采用)[^,;。]{1,16}标准"
    r"|持续|稳步|逐步|有效遏制|全部落实|进一步(?:提高|提升|降低|减少)"
    r"|(?:尽早|率先|提前)(?:实现)?达峰\s*$|(?<!健)全覆盖\s*$"
    r"|^\s*稳定(?=[^,;。]{2,16}(?:率|比例|比重)\s*$)"
    r"|^\s*(?:把|将)[^,;。]{1,20}?(?:建成|建设成为|打造成为?)"  # 把平远建成…示范县
    # a clause labelled as the goal (目标水环境质量总体保持稳定), or one that holds every unit
    # of a kind to a standard (所有工业企业排放废水…达到…标准)
    r"|^\s*(?:总体|主要|工作)?目标(?:是|为)?(?![任值要])"
    r"|^\s*(?:所有|全部)(?=[^,;。]{2,40}(?:达到|优于|符合)[^,;。]{1,20}标准\s*$)"
)


#: Words that may open a standing commitment (one without a deadline): see ``pledges``.
STANDING = re.compile(
    r"确保|建成|实现|消除|全部迁|达到[^,;。]{0,16}?(?:先进|领先)|前列"
    r"|(?:基本|彻底|根本)解决|成功创建"
    r"|全面禁止|一律禁止|全面停止|全部(?:采用|使用|实行)"
    # a place or a trade made into something (努力将旅游业培育成为…): an aim of the principles
    r"|(?:把|将)[^,;。]{1,20}?(?:建成|打造成|建设成|改造成|培育成|发展成)"
)


#: The goal a clause names as the aim of the whole plan (以建设创新型省份为总体目标): what is
#: to be built (a vision, 以实现…现代化为目标, is none).
NAMED_GOAL = re.compile(
    r"以(?P<verb>建设|建成|打造|构建|形成|创建)(?P<goal>[^,;。]{2,30}?)"
    r"为(?:总体|主要|最终|根本|工作|发展|奋斗)?目标(?=\s*(?:[,;。]|$))"
)


# --------------------------------------------------------------------------- states in words

#: A commitment's words of getting better (城镇基础设施明显改善, 迈上新台阶, 布局更加合理,
#: 取得显著进展, 师资配置基本均衡): its direction.
BETTER = re.compile(
    r"改善|提升|提高|增强|优化|完善|加强|好转|向好|迈上|跃上|跨上|更加|更为|进展|均衡|取得"
)
#: …the states it reaches where its words name one: a standard or a set of criteria met
#: (达到中国人居环境奖创建指标, 达到相应要求), a problem solved (得到有效解决), work done
#: (确保…建设按时按质完成).
STATES_IN_WORDS: tuple[tuple[re.Pattern[str], model.State], ...] = (
    (re.compile(r"达到[^,;。]{0,20}?(?:标准|指标|要求)"), "StandardMet"),
    (re.compile(r"(?:得到|得以)(?:有效|妥善|根本)?解决|彻底解决"), "Eliminated"),
    (re.compile(r"完成"), "Completed"),
)


def state_in_words(draft: Draft, text: str) -> None:
    """Give a commitment that has neither a deadline nor a state or direction (its year lost
    by a repost: 年年底前,…城镇基础设施明显改善) the state or direction its words name."""
    if not checkable(draft):
        words = text[draft.start : draft.end]
        draft.state = next(
            (state for words_of, state in STATES_IN_WORDS if words_of.search(words)), None
        )
        if draft.state is None and BETTER.search(words):
            draft.direction = "Increase"


def checkable(draft: Draft) -> bool:
    """Whether a target says something one could check, as the graph's shapes require: a
    value, a direction, a state or a deadline (not 研究解决…问题 with no year in a report)."""
    return bool(
        draft.value is not None or draft.direction or draft.state or draft.target_year is not None
    )
