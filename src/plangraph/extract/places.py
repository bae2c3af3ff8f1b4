"""Place mentions: gazetteer names, abbreviations and proper names found by their suffix.

Each sentence is read in three passes, all linear in its length:

1. **Gazetteer.**  One compiled trie-shaped regular expression holds every gazetteer name
   and alias, every region name and a list of generic words that contain place-like
   characters (河湖, 港口, 山水, 湾区 …).  Matches are leftmost-longest and never overlap,
   so 深圳河北岸 reads 深圳河 + 北岸, and a generic word shields its characters.  Region
   names (京津冀, 大湾区 …) are not places and are skipped.  Names that are compounds
   (燕山—塞罕坝国家公园, 黄山(牯牛降)国家公园, 珠江—西江经济带) also name their parts.
2. **Abbreviations.**  Runs of one-character province or city abbreviations: X电入Y
   (蒙电入沪, 陕电蒙电入皖), runs followed by a cue (苏皖与鲁豫交界, 深港跨界 …) and a set
   of established groupings (京津, 港澳, 珠中江 …).
3. **Suffix patterns.**  A name the gazetteer lacks is taken from the characters before a
   generic head (…水库 …河 …湖 …湾 …港 …山 …岛 …新区 …湿地 …国家公园 …) when they form a
   plausible proper name: 2–6 Han characters after the last verb or function word, none
   of them a generic modifier (重点, 美丽, 跨界, 城市 …), and not ending in a numeral
   (一江两湖, 九省区).  A compound of one-character heads (幕阜山—九岭山) names each part;
   a zone keeps a leading run of abbreviations or a city (川渝高竹新区, 石首麋鹿国家级自然
   保护区); a county may follow a listed administrative place (万州、涪陵、忠县).

Runs of strong province abbreviations (湘赣鄂, 晋豫) name provinces without a cue, and a
province abbreviation with a direction (川南, 陕北, 渝东北) names a part of the province.

Names inside book titles 《…》 are not places of the plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import plangraph.extract.gazetteer as gz
from plangraph import model

__all__ = ["extract_places", "find_places", "resolve_place"]

# one character in, one character out: offsets stay valid
_TRANSLATE = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "－": "—",
        "–": "—",
        "―": "—",
        "‐": "—",
        "‑": "—",
        "‒": "—",
        "-": "—",
        "~": "—",
        "～": "—",
    }
)

ADMIN_KINDS = frozenset({"Province", "City", "District", "DevelopmentZone"})
WATER_KINDS = frozenset({"River", "Lake", "Reservoir", "Basin", "Estuary", "Bay", "Sea"})


# Generic words that contain place-like characters.  They take part in the longest match,
# so their characters can start neither a gazetteer name nor a suffix pattern.
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GENERIC_WORDS = _words(
    "河流 河道 河湖 河长 河网 河床 河势 河滩 河谷 江河 江河湖库 江河湖海 湖泊 湖库 湖区 "
    "湖长 山区 山地 山体 山水 山林 山洪 浅山 丘陵 山水林田湖草沙 山水林田湖草 绿水青山 金山银山 "
    "矿山 荒山 江山 火山 海湾 湾区 内湾 港口 港区 港航 港湾 海港 空港 渔港 疏港 集港 进港 "
    "离港 出港 到港 靠港 海岛 岛屿 岛礁 生态岛 入河 入海 入湖 入江 入海口 入河口 跨界河流 "
    "主要河流 重要河流 美丽河湖 美丽海湾 美丽湾区 候鸟湾区 无废湾区 湖光山色 穿山甲 白海豚 "
    "中华 长治久安 幸福安康 日照时数 新乡贤 工程 政府 蓝天 海洋 海域 沿海 近海 近岸 深海 远海 "
    "海上 海水 海陆 海岸 海堤 城市湿地 重要湿地 国际重要湿地 滨海湿地 红树林 大河 内河 "
    "平原地区 重点区域 交界地区 毗邻地区 沿海地区 山区城市 生态城 亚洲 欧洲 非洲 美洲 大洋洲 澳洲 "
    "绿洲 沙洲 三角洲 市场 城市 区域 县域 市域 冰山 冰川雪山 分水岭 山岭 峻岭 海峡两岸 峡谷 "
    "一江两湖 一江一河 两江四岸 一江清水 自由贸易港 自由贸易区 自由贸易试验区 自贸港 自贸区 "
    "贸易港 东北部 东北方 东北角"
)

# Characters and words that make a candidate name generic.
STOP_PARTS = _words(
    "重点 主要 重要 美丽 跨界 跨省 跨境 跨区域 相关 各类 各地 地方 区域 城市 城乡 乡村 农村 "
    "生态 绿色 低碳 清洁 和美 国家 国际 世界 全国 全球 省级 市级 县级 沿海 近岸 近海 滨海 内河 "
    "入河 入海 上游 下游 中游 干流 支流 流域 全域 外围 周边 毗邻 交界 丘陵 滩涂 红树林 水鸟 "
    "候鸟 典型 示范 试点 大型 小型 中型 小微 一批 若干 其他 有关 所在 骨干 重大 现代 智慧 数字 "
    "产业 工业 农业 海洋 海上 深远 自然 人工 天然 野生 饮用 水源 黑臭 零碳 无废 国有 集体 新建 "
    "现有 已有 所有 各级 本地 当地 我国 中国 中华 湿地 森林 草原 水体 岸线 公园 景观 通风 廊道 "
    "保护 修复 治理 建设 开发 利用 发展 管理 规划 工程 项目 体系 机制 标准 一体化 协同 联合 "
    "共同 沿线 沿岸 两岸 周围 附近 地区 东部 西部 南部 北部 中部 平原 地下 深度 融入 融合 "
    "病险 新城 中心 城区 老城 主城 郊区 园区 市区 核心 自贸 综合 高新 经开 功能 试验 "
    "区 片 带 块 类 型 性 化 级 个 条 座 处 批 项 种 些 多 等 的 及 和 与 或 在 对 为 将 把 被 "
    "由 从 向 至 到 其 该 每 各 并 段 省 幸福 安澜 母亲 生命 水生态 冰川 退化 沙化 荒漠 "
    "岸线 江段 河段 湖区 库区 灌区 一江 两湖 贸易 自由 物流 化工 石化 医药"
)

# Where a name starts: after these verbs and function words.
BOUNDARY_WORDS = tuple(
    sorted(
        _words(
            "加强 推进 实施 开展 建设 保护 治理 打造 推动 深化 支持 完善 提升 强化 共建 共筑 共保 "
            "加快 持续 优化 构建 健全 建立 形成 落实 探索 鼓励 引导 促进 发展 开发 利用 整治 修复 "
            "恢复 改善 巩固 统筹 协同 联合 共同 全面 深入 积极 稳步 稳妥 有序 着力 聚焦 围绕 依托 "
            "发挥 保障 维护 管控 监测 申报 创建 编制 出台 制定 组织 参与 联动 衔接 对接 融合 贯通 "
            "连通 串联 覆盖 包括 涉及 位于 沿着 环绕 以及 及其 其中 加大 扩大 做好 抓好 提高 降低 "
            "减少 严格 禁止 规范 改造 启动 谋划 研究 加速 守护 筑牢 系统 全力 大力 进一步 "
            "逐步 率先 继续 推广 复制 设立 设置 划定 打通 实现 完成 达到 保持 确保 争创 创新 "
            "开放 连接 联通 带动 辐射 承接 接入 携手 联手 重点 深度 融入 "
            "和 与 及 等 的 在 对 为 将 把 被 向 至 到 从 由 以 是 使 各 每 该 其 并 或 经 "
            "入 环 沿 同 跨 还 共护 共治 共促 共筑 让 成为 造福 指导 推行 组建"
        ),
        key=len,
        reverse=True,
    )
)

# suffix -> (kind, longest prefix in characters)
SUFFIXES: dict[str, tuple[str, int]] = {
    "国家级自然保护区": ("ProtectedArea", 6),
    "自然保护区": ("ProtectedArea", 6),
    "风景名胜区": ("ProtectedArea", 6),
    "国家公园": ("ProtectedArea", 6),
    "城市森林公园": ("Forest", 6),
    "湿地公园": ("Wetland", 6),
    "森林公园": ("Forest", 6),
    "地质公园": ("ProtectedArea", 6),
    "生态廊道": ("Corridor", 6),
    "生态走廊": ("Corridor", 6),
    "植物园": ("ProtectedArea", 6),
    "林场": ("Forest", 6),
    "湿地": ("Wetland", 6),
    "水库": ("Reservoir", 6),
    "产业园区": ("DevelopmentZone", 6),
    "产业园": ("DevelopmentZone", 6),
    "科技城": ("DevelopmentZone", 6),
    "新区": ("DevelopmentZone", 6),
    "高新技术产业开发区": ("DevelopmentZone", 6),
    "经济技术开发区": ("DevelopmentZone", 6),
    "新技术开发区": ("DevelopmentZone", 6),
    "开发区": ("DevelopmentZone", 6),
    "高新区": ("DevelopmentZone", 6),
    "雪山": ("Mountain", 5),
    "沙漠": ("Area", 5),
    "沙地": ("Area", 5),
    "平原": ("Area", 4),
    "草原": ("Area", 5),
    "河口": ("Estuary", 4),
    "高原": ("Area", 4),
    "盆地": ("Area", 4),
    "海峡": ("Sea", 4),
    "岸段": ("Coast", 6),
    "水道": ("River", 5),
    "列岛": ("Island", 5),
    "群岛": ("Island", 5),
    "半岛": ("Area", 5),
    "运河": ("River", 5),
    "河": ("River", 5),
    "江": ("River", 5),
    "溪": ("River", 4),
    "湖": ("Lake", 5),
    "湾": ("Bay", 5),
    "港": ("Port", 5),
    "山": ("Mountain", 5),
    "岭": ("Mountain", 4),
    "峡": ("Area", 4),
    "岛": ("Island", 5),
    "洲": ("Island", 4),
    "区": ("District", 3),  # only right after a province or city: 张家口崇礼区
    "县": ("District", 3),
    "市": ("City", 3),
}
# administrative suffixes: the name must follow a province or city name directly
_ADMIN_SUFFIXES = frozenset({"区", "县", "市"})
# one-character names (沱湖, 罗山) are taken only inside an enumeration (、)
_SHORT_SUFFIXES = frozenset("河江湖山岛湾")
_NOT_SHORT_NAMES = frozenset(
    "大小中上下内外前后东西南北各该本全入出沿环跨治护等和与及或新老旧此其冰雪火高名矿荒深浅群江河湖海山岛湾"
)
# a suffix followed by one of these is part of another word (河流, 港口, 山区, 湖泊 …)
_BAD_NEXT = {
    "河": "流道湖长口床势网谷滩",
    "江": "河湖山口",
    "溪": "流水",
    "湖": "泊库区长",
    "湾": "区",
    "港": "口区航务城澳湾",
    "山": "区地体水林洪系坡顶头",
    "岛": "屿礁链",
    "水库": "群",
    "洲": "际",
    "岭": "南",
    "峡": "谷",
    "平原": "区",
    "区": "域间内外划",
    "市": "场民政区级",
    "县": "域级城",
}
_ADMIN_NEXT = "市县镇乡村路街"
# the name may be a gazetteer place alone before these suffixes (秦皇岛港, 黄河口国家公园)
_AFTER_ANY_PLACE = frozenset(
    {"国家级自然保护区", "自然保护区", "风景名胜区", "国家公园", "湿地公园", "森林公园", "地质公园"}
    | {"城市森林公园", "高新技术产业开发区", "经济技术开发区", "新技术开发区", "开发区", "高新区"}
    | {"产业园区", "产业园", "科技城"}
)
# parks and towns of industry are named after a place: 东方临港产业园, 三亚崖州湾科技城
_NEEDS_PLACE = frozenset({"产业园区", "产业园", "科技城", "草原"})
# a known river or region may stand alone before these (辽河平原, 呼伦贝尔草原)
_AFTER_NATURE = frozenset({"平原", "草原", "盆地"})
# a head that makes the name before it a modifier: 牛路岭水库 is a reservoir, not 牛路岭;
# 白山水库 names no city.  A place named right before one of these is only a part.
_STRONG_HEADS = ("水库", "新区", "产业园", "科技城")
_DEMOTING_HEADS = frozenset(
    {"水库", "湖", "河", "江", "湾", "港", "岛", "山", "岭", "平原", "草原", "河口", "盆地"}
)
_AFTER_ADMIN_PLACE = frozenset(
    {"港", "湾", "岛", "新区", "水库", "林场", "岸段", "植物园", "平原", "盆地", "海峡"}
)
# development zones whose name may start with a run of abbreviations (川渝高竹新区)
_ZONE_SUFFIXES = frozenset(
    {"新区", "高新技术产业开发区", "经济技术开发区", "新技术开发区", "开发区", "高新区"}
)
# a one-character generic head: a compound of such names (幕阜山—九岭山) names each part
_SIMPLE_SUFFIXES = frozenset("河江溪湖湾港山岭岛")
# a name ending in a numeral counts things (一江两湖, 九省区), it names nothing
_NUMERALS = frozenset("一二两三四五六七八九十百千万几多数")
_COMPOUND_KINDS = frozenset({"ProtectedArea", "Corridor"})

# ------------------------------------------------------------------------- abbreviations

# Established groupings of one-character abbreviations, with the places they stand for.
KNOWN_GROUPS: dict[str, tuple[str, ...]] = {
    "京津": ("beijing", "tianjin"),
    "京雄": ("beijing", "xionganxinqu"),
    "京张": ("beijing", "zhangjiakou"),
    "京唐": ("beijing", "tangshan"),
    "京沪": ("beijing", "shanghai"),
    "津冀": ("tianjin", "hebei"),
    "京冀": ("beijing", "hebei"),
    "晋冀": ("shanxi", "hebei"),
    "冀鲁": ("hebei", "shandong"),
    "鲁豫": ("shandong", "henan"),
    "苏皖": ("jiangsu", "anhui"),
    "豫皖": ("henan", "anhui"),
    "沪苏": ("shanghai", "jiangsu"),
    "沪浙": ("shanghai", "zhejiang"),
    "苏浙": ("jiangsu", "zhejiang"),
    "浙皖": ("zhejiang", "anhui"),
    "沪苏浙": ("shanghai", "jiangsu", "zhejiang"),
    "苏浙皖": ("jiangsu", "zhejiang", "anhui"),
    "沪苏浙皖": ("shanghai", "jiangsu", "zhejiang", "anhui"),
    "闽浙": ("fujian", "zhejiang"),
    "闽赣": ("fujian", "jiangxi"),
    "湘赣": ("hunan", "jiangxi"),
    "湘鄂": ("hunan", "hubei"),
    "鄂湘": ("hubei", "hunan"),
    "湘鄂赣": ("hunan", "hubei", "jiangxi"),
    "鄂湘赣": ("hubei", "hunan", "jiangxi"),
    "粤桂": ("guangdong", "guangxi"),
    "粤闽": ("guangdong", "fujian"),
    "闽粤": ("fujian", "guangdong"),
    "粤港": ("guangdong", "hongkong"),
    "粤澳": ("guangdong", "macao"),
    "港澳": ("hongkong", "macao"),
    "粤港澳": ("guangdong", "hongkong", "macao"),
    "深港": ("shenzhen", "hongkong"),
    "深澳": ("shenzhen", "macao"),
    "深莞": ("shenzhen", "dongguan"),
    "深莞惠": ("shenzhen", "dongguan", "huizhou"),
    "深汕": ("shenzhen", "shanwei"),
    "广佛": ("guangzhou", "foshan"),
    "广佛肇": ("guangzhou", "foshan", "zhaoqing"),
    "广深": ("guangzhou", "shenzhen"),
    "广深港": ("guangzhou", "shenzhen", "hongkong"),
    "穗港": ("guangzhou", "hongkong"),
    "穗深": ("guangzhou", "shenzhen"),
    "琴澳": ("hengqin", "macao"),
    "珠澳": ("zhuhai", "macao"),
    "港珠澳": ("hongkong", "zhuhai", "macao"),
    "珠中江": ("zhuhai", "zhongshan", "jiangmen"),
    "川渝": ("sichuan", "chongqing"),
    "遂潼": ("suining", "tongnan"),
    "渝川": ("chongqing", "sichuan"),
    "川黔": ("sichuan", "guizhou"),
    "渝黔": ("chongqing", "guizhou"),
    "滇黔": ("yunnan", "guizhou"),
    "黔桂": ("guizhou", "guangxi"),
    "滇桂": ("yunnan", "guangxi"),
    "川藏": ("sichuan", "xizang"),
    "青藏": ("qinghai", "xizang"),
    "甘青": ("gansu", "qinghai"),
    "陕甘": ("shaanxi", "gansu"),
    "陕甘宁": ("shaanxi", "gansu", "ningxia"),
    "晋陕": ("shanxi", "shaanxi"),
    "晋陕豫": ("shanxi", "shaanxi", "henan"),
    "晋陕蒙": ("shanxi", "shaanxi", "neimenggu"),
    "吉黑": ("jilin", "heilongjiang"),
    "辽吉黑": ("liaoning", "jilin", "heilongjiang"),
    "黑吉辽": ("heilongjiang", "jilin", "liaoning"),
    "沪宁": ("shanghai", "nanjing"),
    "沪宁合": ("shanghai", "nanjing", "hefei"),
    "沪杭": ("shanghai", "hangzhou"),
    "宁杭": ("nanjing", "hangzhou"),
    "杭甬": ("hangzhou", "ningbo"),
    "甬舟": ("ningbo", "zhoushan"),
    "杭嘉湖": ("hangzhou", "jiaxing", "huzhou"),
    "宁镇扬": ("nanjing", "zhenjiang", "yangzhou"),
    "苏锡常": ("suzhou", "wuxi", "changzhou"),
    "锡常泰": ("wuxi", "changzhou", "taizhou"),
    "厦漳泉": ("xiamen", "zhangzhou", "quanzhou"),
    "成德眉资": ("chengdu", "deyang", "meishan", "ziyang"),
    "呼包鄂": ("huhehaote", "baotou", "eerduosi"),
    "兰西": ("lanzhou", "xining"),
    "郑汴": ("zhengzhou", "kaifeng"),
    "沈抚": ("shenyang", "fushun"),
    "哈长": ("haerbin", "changchun"),
    "合芜": ("hefei", "wuhu"),
    "海澄文": ("haikou", "chengmai", "wenchang"),
}
# abbreviations that rarely stand for anything else; a run needs one of them
STRONG_ABBREVIATIONS = frozenset(
    "京津冀晋辽沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝黔滇陕港澳穗莞琴甬杭锡厦漳雄榕蓉汴"
)
# what may follow a run of abbreviations for it to name places
ABBREVIATION_CUES = _words(
    "合作 交界 跨界 跨境 跨省 共治 共建 共保 共享 共管 协同 协调 协作 联动 联防 联控 联合 "
    "一体化 两地 三地 四地 边界 毗邻 接壤 生态廊道 科技园区 绿色科技园区 合作区 深度合作区 "
    "都市圈 城市群 经济圈 电入 环境 数据 清洁生产 地区 区域 大桥 通道 高铁 城际 融合 同城 "
    "两岸 口岸 产业 创新"
)
_JOINERS = "与和及、"
# two-character names that are also everyday words (东方 "the east", 白沙 "white sand"): taken
# only in a list of places (东方、儋州), before 市/县/区, or as the owner of a longer name
COMMON_WORD_NAMES = frozenset({"东方", "白沙"})
# direction and size prefixes that make another river of a known one (东辽河, 大辽河)
_RIVER_PREFIXES = "东西南北大小"
# paired prefixes sharing one name: 大小兴安岭 -> 大兴安岭, 小兴安岭
_PAIRED_PREFIXES = {"小": "大", "西": "东", "北": "南", "下": "上"}
_ORDINAL = re.compile(r"第[一二三四五六七八九十]$")
# one-character words after which a name starts
_SINGLE_BOUNDARIES = frozenset(w for w in BOUNDARY_WORDS if len(w) == 1) | frozenset("、，,；;：: ")
# pure direction names: not before 部, 方, 侧 … and not after a province abbreviation
_DIRECTION_NAMES = frozenset({"东北", "西北", "东南", "西南"})

# province abbreviations that, with a direction, name a part of the province (川南, 陕北)
DIRECTIONAL_ABBREVIATIONS = frozenset("冀晋辽苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇陕陇蒙")


# ------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True, slots=True)
class _Lexicon:
    names: re.Pattern[str]  # gazetteer names, region names and generic words
    places: dict[str, tuple[model.Place, ...]]
    regions: dict[str, model.Region]
    generic: frozenset[str]
    abbreviations: dict[str, tuple[model.Place, ...]]
    runs: re.Pattern[str]  # runs of abbreviations joined by 与/和/及/、
    power: re.Pattern[str]  # 蒙电入沪, 陕电蒙电入皖, 疆电外送
    directions: re.Pattern[str]  # 川南, 渝东北, 陕北
    suffixes: re.Pattern[str]
    ids: frozenset[str]
    groups: re.Pattern[str] | None  # known groups not made of abbreviations (海澄文)


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression that matches the longest of ``words`` at a position."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: _Trie) -> str:
        leaves: list[str] = []
        branches: list[str] = []
        for ch in sorted(k for k in node if k):
            sub = build(node[ch])
            if sub:
                branches.append(re.escape(ch) + sub)
            else:
                leaves.append(re.escape(ch))
        alternatives = branches
        if leaves:
            alternatives = [*branches, leaves[0] if len(leaves) == 1 else f"[{''.join(leaves)}]"]
        if not alternatives:
            return ""
        body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if "" in node else body

    return build(trie)


@cache
def _lexicon() -> _Lexicon:
    gaz = gz.gazetteer()
    generic = frozenset(GENERIC_WORDS)
    words = set(gaz.place_names) | set(gaz.region_names) | generic
    names = re.compile(_trie_pattern(sorted(words)))
    abbreviations = gaz.abbreviations
    abbr_class = "[" + "".join(re.escape(c) for c in sorted(abbreviations)) + "]"
    province_chars = sorted(
        c for c, ps in abbreviations.items() if any(p.kind == "Province" for p in ps)
    )
    province_class = "[" + "".join(re.escape(c) for c in province_chars) + "]"
    runs = re.compile(f"{abbr_class}+(?:[{_JOINERS}]{abbr_class}+)*")
    power = re.compile(
        f"(?:{province_class}电)+(?:入|送|进){province_class}|{province_class}电外送"
    )
    suffixes = re.compile("|".join(re.escape(s) for s in sorted(SUFFIXES, key=len, reverse=True)))
    directional = sorted(c for c in province_chars if c in DIRECTIONAL_ABBREVIATIONS)
    directions = re.compile(
        "([" + "".join(directional) + "])(?:东北|东南|西北|西南|东|西|南|北)(?![风部面方侧边亚欧])"
    )
    spelled = sorted(
        (g for g in KNOWN_GROUPS if any(c not in abbreviations for c in g)), key=len, reverse=True
    )
    groups = re.compile("|".join(map(re.escape, spelled))) if spelled else None
    return _Lexicon(
        groups=groups,
        names=names,
        places=gaz.place_names,
        regions=gaz.region_names,
        generic=generic,
        abbreviations=abbreviations,
        runs=runs,
        power=power,
        directions=directions,
        suffixes=suffixes,
        ids=frozenset(gaz.place_ids),
    )


# ------------------------------------------------------------------------- resolving


def _best(candidates: tuple[model.Place, ...], word: str) -> model.Place:
    """The place a bare name stands for when nothing in the context decides."""
    for place in candidates:
        if place.name == word:
            return place
    return candidates[0]


def _choose(
    candidates: tuple[model.Place, ...],
    word: str,
    after: str,
    previous: model.Place | None,
) -> model.Place:
    if len(candidates) == 1:
        return candidates[0]
    admin = [p for p in candidates if p.kind in ADMIN_KINDS]
    nature = [p for p in candidates if p.kind not in ADMIN_KINDS]
    if admin and (
        after[:1] in ("市", "县", "区", "省")
        or (previous is not None and previous.kind in ("Province", "City"))
    ):
        return admin[0]
    if nature and after.startswith(
        ("流域", "干流", "支流", "水系", "沿岸", "上游", "中游", "下游", "水质", "河段", "国家公园")
    ):
        return nature[0]
    return _best(candidates, word)


_SUFFIX_STRIP = (
    "特别行政区",
    "维吾尔自治区",
    "回族自治区",
    "壮族自治区",
    "自治区",
    "地区",
    "省",
    "市",
)


def resolve_place(name: str) -> model.Place | None:
    """The gazetteer place named ``name``: canonical name, alias, or either with a generic
    suffix such as 省/市/地区 stripped or added; a one-character abbreviation gives its
    province.  None when the name is unknown."""
    word = name.strip().translate(_TRANSLATE)
    if not word:
        return None
    lex = _lexicon()
    found = lex.places.get(word)
    if found:
        return _best(found, word)
    for suffix in _SUFFIX_STRIP:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            found = lex.places.get(word[: -len(suffix)])
            if found:
                return _best(found, word[: -len(suffix)])
    for suffix in ("市", "省", "地区"):
        found = lex.places.get(word + suffix)
        if found:
            return found[0]
    if len(word) == 1 and word in lex.abbreviations:
        candidates = lex.abbreviations[word]
        provinces = [p for p in candidates if p.kind == "Province"]
        return provinces[0] if provinces else candidates[0]
    return None


# ------------------------------------------------------------------------- scanning


@dataclass(frozen=True, slots=True)
class Hit:
    """A place named at ``[start, end)`` of a sentence's text."""

    start: int
    end: int
    place: model.Place
    how: str  # gazetteer, pattern, abbreviation, compound, part


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _book_titles(text: str) -> bytearray:
    mask = bytearray(len(text))
    for m in re.finditer(r"《[^《》]*》", text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    place: model.Place | None  # None for regions and generic words


def find_places(text: str, own_region: frozenset[str] = frozenset()) -> tuple[list[Hit], list[Hit]]:
    """Places named in one sentence: ``(hits, parts)``.

    ``parts`` are places named by a prefix of a longer gazetteer name (天津 in 天津港, 长江
    in 长江口); callers keep them only where the plan names that place on its own too.
    ``own_region`` holds the names of the plan's region, which is never a place.
    """
    lex = _lexicon()
    norm = text.translate(_TRANSLATE)
    n = len(norm)
    titles = _book_titles(norm)
    covered = bytearray(n)
    tokens: list[_Token] = []
    hits: list[Hit] = []
    parts: list[Hit] = []

    weak: dict[int, Hit] = {}  # bare common-word names, kept only as owners of a longer name
    previous: model.Place | None = None
    previous_end = -1
    for m in lex.names.finditer(norm):
        start, end, word = m.start(), m.end(), m.group()
        place: model.Place | None = None
        candidates = lex.places.get(word)
        adjacent = previous if previous_end == start else None
        if candidates and word not in own_region:
            place = _choose(candidates, word, norm[end : end + 4], adjacent)
            if _hidden_province(norm, start, end, place, covered):
                continue
            if _inside_longer_name(norm, start, end, word, place, covered):
                continue
            if _bare_direction(norm, start, end, word, lex):
                continue
        covered[start:end] = b"\x01" * (end - start)
        tokens.append(_Token(start, end, word, place))
        previous, previous_end = place, end
        if place is None or titles[start]:
            continue
        prefixed, replaces = _prefixed(norm, start, end, word, place, covered, titles, lex)
        hits.extend(prefixed)
        if replaces:
            continue  # 东辽河 is another river than 辽河, 大辽河口 is not 辽河口
        hit = Hit(start, end, place, "gazetteer")
        owned = adjacent is not None and adjacent.kind in ("Province", "City")  # 海南东方
        if word in COMMON_WORD_NAMES and not owned and not _listed(norm, start, end):
            weak[start] = hit
            continue
        hits.append(hit)
        hits.extend(_components(word, start, place, lex))
        part = _prefix_place(word, start, place, lex)
        if part is not None:
            parts.append(part)

    short = list(_abbreviations(norm, covered, titles, lex))
    hits.extend(short)
    runs: dict[int, int] = {}  # end -> start of a run of abbreviations (川渝)
    for hit in sorted(short, key=lambda h: h.start):
        runs[hit.end] = runs.pop(hit.start, hit.start)
    used: set[int] = set()  # starts of tokens a pattern name was built on
    demoted: set[int] = set()  # starts of tokens that only modify a generic head (白山水库)
    hits.extend(
        _patterns(text, norm, covered, titles, tokens, lex, own_region, runs, used, demoted)
    )
    hits.extend(hit for at, hit in weak.items() if at in used and at not in demoted)
    if demoted:
        parts.extend(h for h in hits if h.how == "gazetteer" and h.start in demoted)
        hits = [h for h in hits if not (h.how == "gazetteer" and h.start in demoted)]
    hits.sort(key=lambda h: (h.start, -h.end))
    return hits, parts


def _listed(norm: str, start: int, end: int) -> bool:
    """A name in an enumeration (东方、儋州) or before an administrative suffix (东方市)."""
    return (start > 0 and norm[start - 1] == "、") or norm[end : end + 1] in (
        "、",
        "市",
        "县",
        "区",
    )


def _boundary_before(norm: str, at: int, covered: bytearray) -> bool:
    """A name may start at ``at``: the text starts there, or a token, a punctuation mark or
    a verb or function word ends there."""
    if (
        at == 0
        or covered[at - 1]
        or not _is_han(norm[at - 1])
        or norm[at - 1] in _SINGLE_BOUNDARIES
    ):
        return True
    run = norm[max(0, at - 4) : at]
    return _trim(run) == len(run)


def _inside_longer_name(
    norm: str, start: int, end: int, word: str, place: model.Place, covered: bytearray
) -> bool:
    """An alias that ends in a generic head, read inside a longer name of that head: 前湾
    (宁波前湾新区) in 铺前湾.  The suffix pattern then takes the longer name."""
    return (
        word != place.name
        and len(word) <= 3
        and word[-1] in _SIMPLE_SUFFIXES
        and not _boundary_before(norm, start, covered)
    )


def _bare_direction(norm: str, start: int, end: int, word: str, lex: _Lexicon) -> bool:
    """东北 is a place, but not in 湘东北 (a part of a province) or 东北风."""
    if word not in _DIRECTION_NAMES:
        return False
    if start > 0 and norm[start - 1] in DIRECTIONAL_ABBREVIATIONS:
        return True
    return norm[end : end + 1] in tuple("部方面侧角向风亚")


def _prefixed(
    norm: str,
    start: int,
    end: int,
    word: str,
    place: model.Place,
    covered: bytearray,
    titles: bytearray,
    lex: _Lexicon,
) -> tuple[list[Hit], bool]:
    """Rivers and ranges named by a prefix on a known name: 东辽河, 大辽河(口), 第二松花江
    are other rivers than 辽河 and 松花江; 大小兴安岭 names 大兴安岭 and 小兴安岭.  The flag
    says the new name replaces the known one."""
    if start == 0 or (place.kind not in ("River", "Estuary") and word[0] not in _PAIRED_PREFIXES):
        return [], False
    before = norm[start - 1]
    # 大小兴安岭: the opposite prefix stands before a name that starts with a prefix
    pair = _PAIRED_PREFIXES.get(word[0])
    if pair == before and len(word) >= 3 and not covered[start - 1]:
        other = lex.places.get(before + word[1:])
        if other and _boundary_before(norm, start - 1, covered):
            covered[start - 1] = 1
            return [Hit(start - 1, end, _best(other, before + word[1:]), "gazetteer")], False
    river = place
    stem_end = end
    if place.kind == "Estuary" and word.endswith("口"):
        found = lex.places.get(word[:-1])
        if not found or found[0].kind != "River":
            return [], False
        river, stem_end = found[0], end - 1  # 大辽河口: the river 大辽河 and its mouth
    if river.kind != "River":
        return [], False
    ordinal = _ORDINAL.search(norm, max(0, start - 2), start)
    if ordinal and not any(covered[ordinal.start() : start]):
        prefix_start = ordinal.start()
    elif before in _RIVER_PREFIXES and not covered[start - 1]:
        prefix_start = start - 1
    else:
        return [], False
    if not _boundary_before(norm, prefix_start, covered) or titles[prefix_start]:
        return [], False
    name = norm[prefix_start:stem_end]
    known = lex.places.get(name)
    new = _best(known, name) if known else _named_place(name, "River", river.province)
    covered[prefix_start:start] = b"\x01" * (start - prefix_start)
    return [Hit(prefix_start, stem_end, new, "gazetteer" if known else "pattern")], True


def _hidden_province(
    norm: str, start: int, end: int, place: model.Place, covered: bytearray
) -> bool:
    """河北 in ``…河北岸``: the end of an unknown river name plus a direction word."""
    return (
        place.kind == "Province"
        and norm[start] in "河湖江"
        and start > 0
        and _is_han(norm[start - 1])
        and not covered[start - 1]
        and end < len(norm)
        and norm[end] in "岸侧段麓畔"
    )


def _components(word: str, start: int, place: model.Place, lex: _Lexicon) -> Iterator[Hit]:
    """The places a compound name is made of: 燕山—塞罕坝国家公园 -> 燕山, 塞罕坝."""
    if not ("—" in word or "(" in word or place.kind in _COMPOUND_KINDS):
        return
    body = word
    for suffix in SUFFIXES:
        if body.endswith(suffix) and len(body) > len(suffix):
            body = body[: -len(suffix)]
            break
    offset = 0
    for piece in re.split(r"[—()]", body):
        for m in lex.names.finditer(piece):
            candidates = lex.places.get(m.group())
            if candidates and m.group() != word:
                found = _best(candidates, m.group())
                if found.id != place.id:
                    yield Hit(
                        start + offset + m.start(), start + offset + m.end(), found, "compound"
                    )
        offset += len(piece) + 1


def _prefix_place(word: str, start: int, place: model.Place, lex: _Lexicon) -> Hit | None:
    """天津 in 天津港, 长江 in 长江口, 太湖 in 太湖流域: the longest proper prefix name."""
    for size in range(len(word) - 1, 1, -1):
        candidates = lex.places.get(word[:size])
        if candidates:
            found = _best(candidates, word[:size])
            if found.id != place.id:
                return Hit(start, start + size, found, "part")
            return None
    return None


def _abbreviations(
    norm: str, covered: bytearray, titles: bytearray, lex: _Lexicon
) -> Iterator[Hit]:
    def free(a: int, b: int) -> bool:
        return not any(covered[a:b]) and not any(titles[a:b])

    def take(a: int, b: int) -> None:
        covered[a:b] = b"\x01" * (b - a)

    # 海澄文一体化: established groupings of first characters of city names, before a cue
    if lex.groups is not None:
        for m in lex.groups.finditer(norm):
            a, b = m.start(), m.end()
            if not free(a, b) or not norm.startswith(ABBREVIATION_CUES, b):
                continue
            if a > 0 and _is_han(norm[a - 1]) and not _boundary_before(norm, a, covered):
                continue
            for k, pid in enumerate(KNOWN_GROUPS[m.group()]):
                place = gz.place_by_id(pid)
                if place is not None:
                    yield Hit(a + k, a + k + 1, place, "abbreviation")
            take(a, b)

    # X电入Y, X电Y电入Z, X电外送
    for m in lex.power.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        for i in range(m.start(), m.end()):
            ch = norm[i]
            if ch in "电入送进外":
                continue
            province = _province_of(ch, lex)
            if province is not None:
                yield Hit(i, i + 1, province, "abbreviation")
        take(m.start(), m.end())

    # 川南, 渝东北, 陕北: a province abbreviation and a direction name a part of it
    for m in lex.directions.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        province = _province_of(m.group(1), lex)
        if province is not None:
            take(m.start(), m.end())
            yield Hit(m.start(), m.end(), _direction_place(m.group(), province), "abbreviation")

    for m in lex.runs.finditer(norm):
        a, b = m.start(), m.end()
        i = a
        while i < b - 1:
            for j in range(b, i + 1, -1):
                if not free(i, j):
                    continue
                resolved = _run_places(norm, i, j, lex)
                if resolved:
                    yield from resolved
                    take(i, j)
                    i = j
                    break
            else:
                i += 1


def _run_places(norm: str, a: int, b: int, lex: _Lexicon) -> list[Hit]:
    """The places a run of abbreviations ``norm[a:b]`` names, or [] when it names none."""
    text = norm[a:b]
    if text[0] in _JOINERS or text[-1] in _JOINERS:
        return []
    groups: list[tuple[int, str]] = []
    pos = a
    for piece in re.split(f"[{_JOINERS}]", text):
        if not piece:
            return []
        groups.append((pos, piece))
        pos += len(piece) + 1
    if sum(len(g) for _, g in groups) < 2:
        return []
    cue = norm.startswith(ABBREVIATION_CUES, b)
    resolved: list[Hit] = []
    for offset, group in groups:
        if group in KNOWN_GROUPS:
            for k, pid in enumerate(KNOWN_GROUPS[group]):
                place = gz.place_by_id(pid)
                if place is not None:
                    resolved.append(Hit(offset + k, offset + k + 1, place, "abbreviation"))
        elif cue and any(c in STRONG_ABBREVIATIONS for c in group):
            resolved.extend(_spell_out(offset, group, lex))
        elif (
            len(group) >= 2
            and len(set(group)) == len(group)
            and all(c in STRONG_ABBREVIATIONS and _province_of(c, lex) is not None for c in group)
        ):
            resolved.extend(_spell_out(offset, group, lex))  # 湘赣鄂, 晋豫: provinces only
        else:
            return []
    return resolved


@cache
def _direction_place(name: str, province: model.Place) -> model.Place:
    return model.Place(
        id=gz.slugify(name),
        name=name,
        kind="Area",
        name_en="".join(s.capitalize() if i == 0 else s for i, s in enumerate(gz.syllables(name))),
        province=province.id,
        source="pattern",
    )


def _province_of(ch: str, lex: _Lexicon) -> model.Place | None:
    for place in lex.abbreviations.get(ch, ()):
        if place.kind == "Province":
            return place
    return None


def _spell_out(offset: int, group: str, lex: _Lexicon) -> Iterator[Hit]:
    """Each character of a run as a place: provinces, unless the run holds a city."""
    readings = [lex.abbreviations.get(ch, ()) for ch in group]
    city_run = any(not any(p.kind == "Province" for p in r) for r in readings)
    for i, options in enumerate(readings):
        provinces = [p for p in options if p.kind == "Province"]
        cities = [p for p in options if p.kind != "Province"]
        place = (
            (cities[0] if cities else provinces[0])
            if city_run
            else (provinces[0] if provinces else cities[0])
        )
        yield Hit(offset + i, offset + i + 1, place, "abbreviation")


# ------------------------------------------------------------------------- patterns


def _patterns(
    text: str,
    norm: str,
    covered: bytearray,
    titles: bytearray,
    tokens: list[_Token],
    lex: _Lexicon,
    own_region: frozenset[str],
    runs: dict[int, int] | None = None,
    used: set[int] | None = None,
    demoted: set[int] | None = None,
) -> Iterator[Hit]:
    ends = {t.end: t for t in tokens if t.place is not None}
    runs = runs or {}
    used = set() if used is None else used
    demoted = set() if demoted is None else demoted
    for m in lex.suffixes.finditer(norm):
        p, q = m.start(), m.end()
        suffix = m.group()
        if any(covered[p:q]) or any(titles[p:q]):
            continue
        follower = norm[q : q + 1]
        if follower and (follower in _BAD_NEXT.get(suffix, "") or follower in _ADMIN_NEXT):
            continue
        if norm.startswith(_STRONG_HEADS, q):
            continue  # 牛路岭水库, 东方临港产业园: the longer name is taken at its own head
        found = _pattern_name(norm, p, suffix, covered, ends, lex)
        if found is None:
            continue
        start, segments, piece = found
        if suffix in _NEEDS_PLACE and all(s is None for s in segments):
            continue
        if len(segments) > 1 and suffix in _SIMPLE_SUFFIXES:
            # 幕阜山—九岭山: each part is a place of its own, the compound is none
            if segments[0] is None:
                place = _pattern_place(text[piece:q], suffix, piece, [None], ends)
                covered[start:q] = b"\x01" * (q - start)
                ends[q] = _Token(piece, q, norm[piece:q], place)
                yield Hit(piece, q, place, "pattern")
            continue
        if suffix in _ZONE_SUFFIXES and start in runs:
            start = runs[start]  # 川渝高竹新区
        name = text[start:q]
        key = norm[start:q]
        if key in own_region or (key in lex.regions and key not in lex.places):
            continue
        known = lex.places.get(key)
        if known:
            place = _best(known, key)
            how = "gazetteer"
        else:
            place = _pattern_place(name, suffix, start, segments, ends)
            how = "pattern"
        covered[start:q] = b"\x01" * (q - start)
        ends[q] = _Token(start, q, key, place)  # 寨子湖 + 湿地公园 may follow
        for s in segments:
            if s is not None:
                used.add(s.start)
        head = segments[0]
        if how == "pattern" and head is not None and head.end == p and suffix in _DEMOTING_HEADS:
            demoted.add(head.start)  # 白山水库 names no city
        yield Hit(start, q, place, how)


def _trim(run: str) -> int:
    """Offset in ``run`` where a name starts: after the last verb or function word."""
    best = 0
    for word in BOUNDARY_WORDS:
        at = run.rfind(word)
        if at >= 0 and at + len(word) > best:
            best = at + len(word)
    return best


def _generic(name: str) -> bool:
    return any(part in name for part in STOP_PARTS)


def _pattern_name(
    norm: str,
    p: int,
    suffix: str,
    covered: bytearray,
    ends: dict[int, _Token],
    lex: _Lexicon,
) -> tuple[int, list[_Token | None], int] | None:
    """The start of a proper name ending at ``p``, its segments (tokens or free runs) and
    the start of the segment right before the suffix."""
    _, longest = SUFFIXES[suffix]
    segments: list[_Token | None] = []
    pos = p
    piece = p
    while True:
        token = ends.get(pos)
        if token is not None:
            segments.append(token)
            start = token.start
            trimmed = False
        else:
            j = pos
            while j > 0 and not covered[j - 1] and _is_han(norm[j - 1]) and pos - j < 12:
                j -= 1
            run = norm[j:pos]
            cut = _trim(run)
            name = run[cut:]
            start = j + cut
            admin = False
            if suffix in _ADMIN_SUFFIXES:
                admin = not cut and _after_admin(norm, start, ends)
                if not admin:
                    return None
            if len(name) == 1 and not (
                (admin and suffix == "县") or _short_name(norm, name, start, p, suffix)
            ):
                return None
            if not (1 <= len(name) <= longest) or _generic(name) or name in lex.generic:
                return None
            if name[-1] in _NUMERALS:
                return None
            segments.append(None)
            trimmed = cut > 0
        if len(segments) == 1:
            piece = start
        if segments[-1] is None and not trimmed and suffix in _AFTER_ANY_PLACE:
            owner = ends.get(start)  # 石首 + 麋鹿国家级自然保护区
            if owner is not None and owner.place is not None and owner.place.kind in ADMIN_KINDS:
                segments.append(owner)
                start = owner.start
                break
        if (
            not trimmed
            and start >= 2
            and norm[start - 1] == "—"
            and (_is_han(norm[start - 2]) or start - 1 in ends)
        ):
            pos = start - 1
            continue
        if not trimmed and start >= 3 and norm[start - 1] == ")":
            opening = norm.rfind("(", max(0, start - 10), start - 1)
            if opening > 0 and _is_han(norm[opening - 1]):
                pos = opening
                continue
        break
    if all(s is not None for s in segments):
        kinds = {s.place.kind for s in segments if s is not None and s.place is not None}
        admin_only = bool(kinds) and kinds <= (ADMIN_KINDS | {"Area", "Island"})
        if not (
            suffix in _AFTER_ANY_PLACE
            or suffix in _AFTER_NATURE
            or (suffix in _AFTER_ADMIN_PLACE and admin_only)
        ):
            return None
    return start, segments, piece


def _after_admin(norm: str, start: int, ends: dict[int, _Token]) -> bool:
    """An administrative name follows its province or city (张家口崇礼区), or a listed
    administrative place (万州、涪陵、忠县)."""
    before = ends.get(start)
    if before is not None and before.place is not None:
        return before.place.kind in ("Province", "City")
    if start > 0 and norm[start - 1] == "、":
        listed = ends.get(start - 1)
        return listed is not None and listed.place is not None and listed.place.kind in ADMIN_KINDS
    return False


def _short_name(norm: str, name: str, start: int, p: int, suffix: str) -> bool:
    """A one-character name such as 沱湖 or 罗山, accepted only inside an enumeration."""
    end = p + len(suffix)
    listed = (start > 0 and norm[start - 1] == "、") or norm[end : end + 1] == "、"
    return suffix in _SHORT_SUFFIXES and listed and name not in _NOT_SHORT_NAMES


def _named_place(name: str, kind: str, province: str | None) -> model.Place:
    """A place found by a rule, not in the gazetteer."""
    slug = gz.slugify(name)
    if slug in _lexicon().ids and gz.place_by_id(slug) is not None:
        slug = f"{slug}-{kind.lower()}"
    english = "".join(s.capitalize() if i == 0 else s for i, s in enumerate(gz.syllables(name)))
    return model.Place(
        id=slug,
        name=name,
        kind=kind,
        name_en=english or slug,
        province=province,
        aliases=(),
        source="pattern",
    )


def _pattern_place(
    name: str, suffix: str, start: int, segments: list[_Token | None], ends: dict[int, _Token]
) -> model.Place:
    kind, _ = SUFFIXES[suffix]
    province: str | None = None
    before = ends.get(start)
    places = [s.place for s in segments if s is not None and s.place is not None]
    if before is not None and before.place is not None:
        places.insert(0, before.place)
    for place in places:
        if place.kind == "Province":
            province = place.id
            break
        if place.province:
            province = place.province
            break
    return _named_place(name, kind, province)


# ------------------------------------------------------------------------- plans


def _sentences(plan: model.Plan) -> Iterator[tuple[model.Owner, model.Sentence]]:
    if plan.preface:
        for s in plan.preface.sentences:
            yield model.Owner("preface"), s
    if plan.preamble:
        for s in plan.preamble.sentences:
            yield model.Owner("preamble"), s
    for section in plan.sections:
        for s in section.sentences:
            yield model.Owner("section", str(section.ordinal)), s
        for task in section.tasks:
            for s in task.sentences:
                yield model.Owner("task", task.key), s
    if plan.closing:
        for s in plan.closing.sentences:
            yield model.Owner("closing"), s


def own_region_names(plan: model.Plan) -> frozenset[str]:
    """The names that denote the plan's own region (never a place of the plan)."""
    region = gz.region_named(plan.region)
    names = {plan.region.strip()}
    if region is not None:
        names.update(gz.region_names(region))
    return frozenset(n for n in names if n)


def extract_places(
    plan: model.Plan,
) -> tuple[tuple[model.Place, ...], tuple[model.Mention, ...]]:
    """The places a plan names (in order of first mention) and one Mention per occurrence."""
    own = own_region_names(plan)
    mentions: list[model.Mention] = []
    pending: list[model.Mention] = []
    found: dict[str, model.Place] = {}
    for owner, sentence in _sentences(plan):
        hits, parts = find_places(sentence.text, own)
        for hit, bucket in [(h, mentions) for h in hits] + [(h, pending) for h in parts]:
            start = sentence.start + hit.start
            end = sentence.start + hit.end
            quote = model.Quote(sentence.index, start, end, plan.text[start:end])
            bucket.append(model.Mention(plan.id, owner, hit.place.id, quote, hit.how))
            if bucket is mentions:
                found.setdefault(hit.place.id, hit.place)
    named = set(found)
    mentions.extend(m for m in pending if m.target in named)
    mentions.sort(key=lambda m: (m.quote.sentence, m.quote.start, -m.quote.end, m.target))
    unique: list[model.Mention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in mentions:
        key = (m.quote.start, m.quote.end, m.target)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return tuple(found.values()), tuple(unique)
