"""Parks and old towns named by a proper name and their kind word: 虹桥体育公园, 宝湖公园,
毓秀公园, 青城古镇, 阿干古镇 (not 城市公园, 口袋公园, 小微公园, 千年古镇: kinds of them);
irrigation districts named by their place (都江堰灌区).

The name before the head may end with the park's kind (体育, 河滨, 农业: 虹桥体育公园 is
the 虹桥 sports park); what is left must be a proper name of two characters or more."""

from __future__ import annotations

from plangraph.model import PlaceKind


def _words(text: str) -> tuple[str, ...]:
    """The words of a text, longest first (口袋式 before 口袋)."""
    return tuple(sorted(text.split(), key=len, reverse=True))


# the heads, their kind and the longest name before them
PARK_HEADS: dict[str, tuple[PlaceKind, int]] = {"公园": ("Area", 6), "古镇": ("Area", 4)}
# a character after the head that makes it part of another word: 公园城市, 公园绿地, 公园化
PARK_BAD_NEXT = {"公园": "城绿化", "古镇": "区"}
# the kinds of parks and old towns that stand between the proper name and the head
PARK_KINDS = _words(
    "主题 口袋 小微 微型 迷你 城市 乡村 社区 郊野 体育 运动 文化 遗址 湿地 森林 地质 "
    "农业 生态 休闲 滨江 滨河 河滨 滨湖 湖滨 滨海 海滨 滨水 沿河 街头 街心 带状 综合 "
    "儿童 植物 动物 海洋 矿山 沙漠 石漠 水利 考古 国家 中心 河湖 科技 工业 "
    "健身 全民健身 纪念 红色 党建 法治 廉政 历史 千年 特色 名 老 水乡 旅游 民俗 "
    "口袋式 小型 大型 新建 各类 城区 城镇 县城 市民 百姓 人民 中央 音乐 雕塑 游乐"
)


# irrigation districts named by their place: 都江堰灌区, 驷马山灌区 (not 大型灌区, 重点灌区)
CANAL_HEADS: dict[str, tuple[PlaceKind, int]] = {"灌区": ("Area", 5)}
# the kinds of irrigation districts: by how the water comes (引黄自流灌区, 提水灌区) or their size
CANAL_KINDS = _words(
    "自流 提水 提灌 扬水 引水 引黄 引江 井灌 渠灌 纯井 井渠 蓄水 生产 农业 节水 生态 "
    "现代化 大中型 大型 中型 小型 重点 万亩 千亩 十万亩 百万亩 灌溉 高效"
)


def kind_before_park(norm: str, p: int) -> bool:
    """A park's kind word starts at ``p`` and the head follows it: 虹桥河滨公园 (河 is no
    river's head there)."""
    return any(
        norm.startswith(kind, p) and norm.startswith(tuple(PARK_HEADS), p + len(kind))
        for kind in PARK_KINDS
    )


def park_stem(name: str, head: str = "公园") -> str:
    """The proper name of a park named ``name`` + head, its kind words taken off its end
    (虹桥体育 -> 虹桥, 天宸农业 -> 天宸, 引黄自流 -> ``""``); empty where only kind words
    make it."""
    kinds = CANAL_KINDS if head in CANAL_HEADS else PARK_KINDS
    stem = name
    while stem:
        kind = next((k for k in kinds if stem.endswith(k)), None)
        if kind is None:
            break
        stem = stem[: -len(kind)]
    return stem
