"""Roads, streets and squares named in a plan's works: 开工新建西环路, 改造提升新城路、像山路,
完成新安大道一期工程, 建成唐塔北路延伸段, 依托符离大道, 培育浙商步行街, 在东岳广场举行.

County and city plans list the roads they build or renovate by name.  A road's name is often
made of everyday words (人民路, 和平大道, 青年路, 新城路), so the name alone does not mark it:
a road is read only where its position does, as the object of a verb or function word
(建成, 依托, 打造), in a list (、), or before the part of it that is built (一期, 延伸段,
南延线, 快速化改造).  No kind of road (城市道路, 农村公路, 高速公路, 断头路), no way of doing
(发展新路, 绿色发展之路, 治水思路) and no network (路网, 路线, 路径) makes one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .everyday import before_a_name, common_words, everyday_words
from .lexicon import Lexicon
from .minted import named_place
from .tokens import Hit, is_han, trim
from .words import NUMERALS

# the heads of roads and streets; a direction may end the name before 路 (康庄东路, 唐塔北路)
_HEAD = re.compile("(?:大道|大街|步行街|广场|路|街)")
# what follows 路, 街 or 大道 in a word that is no road's name: 路网, 路线, 路径, 路段 (but 唐塔
# 北路延伸段), 路口, 街道, 街区 (read by the patterns), 大道理
_NOT_AFTER = {
    "路": "网线径段面口况基子灯标由演费桥轨牌况政长",
    "街": "道区镇乡办头景巷坊市小",
    "大道": "理",
    "大街": "小",
    "步行街": "区",
    "广场": "舞",
}
# the characters that make a word with 路 or 街 before them, a kind of road or a way of doing
# (公路, 铁路, 水路, 思路, 道路, 出路, 新路, 之路, 马路, 电路, 管路, 商业街, 美食街): no road's
# name ends so
_NOT_BEFORE = {
    "路": frozenset(
        "公铁道水网线思出丝之新门套老弯近来去进歧陆航马生活财退后前半一大小里头电回通岔海空管油气光链"
    ),
    "街": frozenset("大步商食色市创闲范夜老沿上逛满"),
}
# what stands after a road that is built or renovated: 新安大道一期工程, 唐塔北路延伸段,
# 和平大道南延线, 白沙洲大道快速化改造, 高新二路示范段
_WORKS_AFTER = re.compile(
    "(?:[东西南北]?延(?:伸段|长段|线)|[一二三四五]期|快速化|示范段|[东西南北中]段|两侧|沿线"
    "|改造|提升|拓宽|改扩建|建设工程|工程|项目)"
)
# the kinds of area whose roads a plan speaks of (农村路, 城市路, 园区路): no name
_AREA_ENDS = ("农村", "城市", "乡村", "城乡", "城区", "园区", "景区", "乡镇", "社区", "小区")
# the kinds of rural and urban road that plans build by the kilometre (产业路、旅游路、资源路,
# 通村路, 机耕路, 主次干路, 快速路, 致富路): what a road serves, no road's name
_ROAD_KINDS = (
    *("产业", "旅游", "资源", "通村", "通组", "通户", "入户", "机耕", "生产", "田间", "作业"),
    *("主干", "次干", "支干", "快速", "致富", "扶贫", "小康", "连通", "联网", "景观", "连接"),
    *("联络", "疏港", "进港", "出口", "应急", "消防", "防火", "巡护", "林区", "矿区"),
)
# the kinds of square (公园广场, 道路广场, 文化广场, 市民广场): no square's name
_SQUARE_KINDS = (
    *("公园", "道路", "文化", "城市", "休闲", "市民", "中心", "体育", "健身", "商业", "文体"),
    *("社区", "公共", "小型", "大型", "街头", "绿地", "景观", "游憩", "站前", "集散"),
)
_LISTED_AFTER = "、和及与等"
# a road's section given by its ends in brackets after it, the works of county and district
# plans: 二中北路(平安街-龙井大街), 将军大道(龙山电厂-状元街段), 宏图路(北环西路—金山路)
_DASHES = "-—~"
_SECTION = re.compile(f"\\([^()]{{2,16}}[{_DASHES}][^()]{{2,16}}\\)")
_SECTION_END = "段)"
# what opens no end of a section: (含支路-小巷) says what the works include
_NOT_AN_END = frozenset("含至从到经由自及")


def _an_end_of_a_section(norm: str, start: int, end: int, section_end: bool) -> bool:
    """A road is one end of a section in brackets: (平安街-, -龙井大街), -状元街段)."""
    before = norm[start - 1 : start]
    after = norm[end : end + 1]
    return (before == "(" and after != "" and after in _DASHES) or (
        before != "" and before in _DASHES and (after == ")" or section_end)
    )


def named_roads(
    text: str, norm: str, covered: bytearray, titles: bytearray, lex: Lexicon
) -> Iterator[Hit]:
    """The roads and streets a sentence names where its position marks them."""
    for m in _HEAD.finditer(norm):
        p, q = m.start(), m.end()
        head = m.group()
        section_end = norm.startswith(_SECTION_END, q)  # (龙山电厂-状元街段): the end of a section
        if norm[q : q + 1] and norm[q] in _NOT_AFTER[head] and not section_end:
            continue
        if any(covered[p:q]) or titles[p]:
            continue
        j = p
        while j > 0 and not covered[j - 1] and is_han(norm[j - 1]) and p - j < 10:
            j -= 1
        run = norm[j:p]
        item = j > 0 and norm[j - 1] == "、" and 2 <= len(run) <= 5  # 、和平大道: an item whole
        cut = 0 if item else trim(run)
        cut += before_a_name(run[cut:])  # 完工 + 友谊大道
        forced = len(run) - cut < 2  # 新建西环路: 环 ends no verb here, a name has two
        cut = min(cut, max(0, len(run) - 2))
        stem = run[cut:]
        if forced and (stem in everyday_words() or trim(run[:cut]) != cut):
            continue  # 实施背街小巷: no name starts inside a verb
        direction = stem[-1:] in ("东", "西", "南", "北", "中") and head == "路"
        core = stem[:-1] if direction and len(stem) >= 3 else stem
        if not 2 <= len(core) <= 4 or not _a_name(core, head):
            continue
        start = j + cut
        marked = (
            cut > 0
            or (start > 0 and norm[start - 1] == "、")
            or (norm[q : q + 1] != "" and norm[q] in _LISTED_AFTER)
            or _WORKS_AFTER.match(norm, q) is not None
            or _SECTION.match(norm, q) is not None  # 二中北路(平安街-龙井大街): a road's section
            or (
                not forced
                and norm[start] not in _NOT_AN_END
                and _an_end_of_a_section(norm, start, q, section_end)
            )
        )
        if not marked or norm[start:q] in common_words() or norm[start:q] in everyday_words():
            continue
        if head == "路" and norm.startswith("步行街", q):
            q += 3  # 青年路步行街: the pedestrian street of a road
        covered[start:q] = b"\x01" * (q - start)
        yield Hit(start, q, named_place(text[start:q], "Area", None), "pattern")


def _a_name(core: str, head: str) -> bool:
    """The characters before a road's head can be its name: Han characters, no numeral
    first (三条路), no kind of area (农村路) or road (产业路) and no word with the head (公路,
    思路).  Generic
    words are names of roads (新城路, 中华路, 人民路)."""
    return (
        all(is_han(c) for c in core)
        and core[0] not in NUMERALS
        and core[-1] not in _NOT_BEFORE.get(head, frozenset())
        and not core.endswith(_AREA_ENDS)
        and not core.endswith(_ROAD_KINDS)
        and not (head == "广场" and core.endswith(_SQUARE_KINDS))
        and (core[-1] not in NUMERALS or len(core) >= 3)  # 高新二路, not 推进三路两街
        and "的" not in core
    )
