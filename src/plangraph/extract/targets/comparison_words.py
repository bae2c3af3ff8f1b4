"""Words of comparison and change around a figure: the qualifiers printed after it (以上,
以内, 左右), the comparator words and signs before it (不低于, 控制在, ≥), the verbs that bring
it down to a ceiling (降至) and the verbs of change with the direction they give (提升,
下降, 保持, 消除)."""

from __future__ import annotations

import re

from plangraph import model
from plangraph.vocab import alternation

#: After a word of change, what makes it a measure rather than a verb: 提高率, 下降幅度,
#: 减少量 name quantities (比例 比重 率 量 幅度 值), they commit to nothing.
NOT_A_MEASURE = r"(?!比例|比重|率|量|幅度|值)"


#: Qualifiers printed after a number, by the comparator they make (民法典 第1259条:
#: 以上/以下/以内 include the number).
QUALIFIERS: dict[str, model.Comparator] = {
    "及以上": "AtLeast",
    "以上": "AtLeast",
    "及以下": "AtMost",
    "以下": "AtMost",
    "以内": "AtMost",
    "之内": "AtMost",
    "左右": "About",
    "上下": "About",
}
QUALIFIER = re.compile(alternation(QUALIFIERS))


#: Comparator words printed before a number, by the comparator they make.
STRICT_WORDS: dict[str, model.Comparator] = {
    **dict.fromkeys(("不少于", "不低于", "不小于", "不下于", "至少", "最少"), "AtLeast"),
    **dict.fromkeys(("不高于", "不超过", "不大于", "最多", "至多", "控制在", "控制到"), "AtMost"),
    **dict.fromkeys(("超过", "高于", "多于", "大于", "突破"), "Above"),
    **dict.fromkeys(("低于", "少于", "小于", "不满", "不足"), "Below"),
    "约": "About",
    "超": "Above",  # 比重超38%: bare 超 before a number
    # signs, as tables and lists of goals print them (知晓率≥90%, 准确率>95%)
    **dict.fromkeys(("≥", "⩾", "≧", ">="), "AtLeast"),
    **dict.fromkeys(("≤", "⩽", "≦", "<="), "AtMost"),
    ">": "Above",
    "<": "Below",
}
#: The bare signs > and <, read only right before a number and not closing a markup tag
#: (<div>46.3 is a cell of a web page's table, not "above 46.3").
_BARE_SIGNS = ("约", "超", ">", "<")
#: 约 is "about" only on its own: 节约, 制约, 契约, 简约, 公约, 预约, 条约, 邀约, 集约, 签约,
#: 履约, 合约, 违约, 特约 are words, and so are 约束 and 约定.
_NOT_ABOUT = "节制契简公预条邀集签履合违特"
STRICT = re.compile(
    rf"""
      {alternation(w for w in STRICT_WORDS if w not in _BARE_SIGNS)}   # 不少于 … ≥
    | (?<![{_NOT_ABOUT}])约(?![束定])                       # 约 alone, not 节约
    | 超(?=\s?\d|$)                                         # 比重超38%, 超 75 公里; not 超低
    | (?<![A-Za-z0-9"'/=-]) [<>] (?![=<>]) (?=\s*\d)         # >95%, not <div>46.3
    """,
    re.VERBOSE,
)


#: "Down to" verbs: the number is a ceiling (降至30微克/立方米 is AtMost).
DOWN_TO_VERBS = (
    "降至",
    "降到",
    "下降到",
    "下降至",
    "降低到",
    "降低至",
    "减少到",
    "减少至",
    "减至",
    "压减到",
    "压减至",
    "压降至",
    "削减至",
    "缩短到",
    "缩短至",
    "压缩到",
    "压缩至",
)
DOWN_TO = re.compile(alternation(DOWN_TO_VERBS))


#: Verbs of change before a number, by the direction they give.
DIRECTION_VERBS: dict[str, tuple[str, ...]] = {
    "inc": (
        *("提升", "提高", "增加", "增长", "上升", "增至", "升至", "扩大"),
        *("延长", "提前到", "提前至"),  # a forecast's range, a warning's lead time
    ),
    "dec": (
        *("下降", "降低", "减少", "降至", "降到", "压减", "压降", "削减", "消减", "减至"),
        *("缩短", "压缩"),  # a time to wait or to travel
    ),
    "keep": ("保持", "稳定在", "维持"),
    "elim": ("消除",),
}
DIRECTION = re.compile(
    rf"""
    (?: (?P<inc>  {alternation(DIRECTION_VERBS["inc"])} )     # 提升到
      | (?P<dec>  {alternation(DIRECTION_VERBS["dec"])} )     # 下降, 降至
      | (?P<keep> {alternation(DIRECTION_VERBS["keep"])} )    # 保持, 稳定在
      | (?P<elim> {alternation(DIRECTION_VERBS["elim"])} )    # 消除
    ) {NOT_A_MEASURE}
    """,
    re.VERBOSE,
)


DIR_NAME: dict[str, model.Direction] = {
    "inc": "Increase",
    "dec": "Decrease",
    "keep": "Maintain",
    "elim": "Eliminate",
}
