"""The vocabulary of place names: generic words, boundaries and generic heads (the
abbreviations' vocabulary is in :mod:`.abbreviation_words`).

Every table is listed once here and read by the matching modules."""

from __future__ import annotations

import re

from plangraph.model import ADMINISTRATIVE_KINDS, DIVISION_KINDS, PlaceKind
from plangraph.vocab import LIANG, MULTIPLIERS, ONE_TO_NINE, ONE_TO_TEN

from .parks import CANAL_HEADS, PARK_BAD_NEXT, PARK_HEADS

TRANSLATE = str.maketrans(
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

#: Places with a government of their own: the administrative areas and development zones
#: (which a 管委会 runs).
ADMIN_KINDS: frozenset[PlaceKind] = ADMINISTRATIVE_KINDS | {"DevelopmentZone"}
#: The divisions a county-level name follows directly (张家口崇礼区, 海南东方).
ABOVE_COUNTY_KINDS: frozenset[PlaceKind] = DIVISION_KINDS - {"District"}
#: The divisions below a province (a prefecture-level city, a county-level district or county),
#: which carry a 民政部 code and lie in a province.
BELOW_PROVINCE_KINDS: frozenset[PlaceKind] = DIVISION_KINDS - {"Province"}


# Generic words that contain place-like characters.  They take part in the longest match,
# so their characters can start neither a gazetteer name nor a suffix pattern.
def words_of(text: str) -> tuple[str, ...]:
    """The words of a space-separated list."""
    return tuple(text.split())


GENERIC_WORDS = words_of(
    "河流 河道 河湖 河长 河网 河床 河势 河滩 河谷 江河 江河湖库 江河湖海 湖泊 湖库 湖区 内陆河 "
    "湖长 山区 山地 山体 山水 山林 山洪 浅山 丘陵 山水林田湖草沙 山水林田湖草 绿水青山 金山银山 "
    "矿山 荒山 江山 海湾 内湾 港口 港航 港湾 海港 空港 渔港 疏港 集港 进港 "
    "离港 出港 到港 靠港 海岛 岛屿 岛礁 生态岛 入河 入海 入湖 入江 入海口 入河口 跨界河流 "
    "主要河流 重要河流 美丽河湖 美丽海湾 美丽湾区 候鸟湾区 无废湾区 湖光山色 穿山甲 白海豚 "
    "中华 长治久安 幸福安康 日照时数 新乡贤 工程 政府 蓝天 海洋 海域 沿海 近海 近岸 深海 远海 "
    "海上 海水 海陆 海岸 海堤 城市湿地 重要湿地 国际重要湿地 滨海湿地 红树林 大河 内河 "
    "平原地区 重点区域 交界地区 毗邻地区 沿海地区 山区城市 生态城 亚洲 欧洲 非洲 美洲 大洋洲 澳洲 "
    "绿洲 沙洲 三角洲 市场 城市 区域 县域 市域 冰山 冰川雪山 分水岭 山岭 峻岭 海峡两岸 峡谷 "
    "一江两湖 一江一河 两江四岸 一江清水 自由贸易港 自由贸易区 自由贸易试验区 自贸港 自贸区 "
    "贸易港 东北部 东北方 东北角 咬定青山 无水港 苏区 老区 "
    "水闸 涵闸 船闸 节制闸 拦河闸 泄洪闸 分洪闸 挡潮闸 橡胶坝 闸坝 闸门 闸站 泵闸 "
    "表里山河 林田湖 亚高山 长治久清 长治久安 名山大川 名山名川 大江大河 山川 "
    "海滩 沙滩 险滩 滩涂 滩地 滩区 沟渠 干渠 支渠 水渠 渠道 河浜 "  # 闸坡海滩: the beach of 闸坡
    "绿色长城 华南虎 东北虎 "  # a shelter belt called a green Great Wall; species
    "亚热带 中亚热带 南亚热带 北亚热带"  # climate zones, not 中亚 or 南亚
)

# Characters and words that make a candidate name generic.
STOP_PARTS = words_of(
    "重点 主要 重要 美丽 跨界 跨省 跨境 跨区域 相关 各类 各地 地方 区域 城市 城乡 乡村 农村 "
    "生态 绿色 低碳 清洁 和美 国家 国际 世界 全国 全球 省级 市级 县级 沿海 近岸 近海 滨海 内河 "
    "入河 入海 上游 下游 中游 干流 支流 流域 全域 外围 周边 毗邻 交界 丘陵 滩涂 红树林 水鸟 "
    "候鸟 典型 示范 试点 大型 小型 中型 小微 一批 若干 其他 有关 所在 骨干 重大 现代 智慧 数字 "
    "产业 工业 农业 海洋 海上 深远 自然 人工 天然 野生 饮用 水源 黑臭 零碳 无废 国有 集体 新建 "
    "现有 已有 所有 各级 本地 当地 我国 中国 中华 湿地 森林 草原 水体 岸线 公园 景观 通风 廊道 "
    "保护 修复 治理 建设 开发 利用 发展 管理 规划 工程 项目 体系 机制 标准 一体化 协同 联合 "
    "共同 沿线 沿岸 两岸 周围 附近 地区 东部 西部 南部 北部 中部 平原 地下 深度 融入 融合 "
    "病险 新城 中心 城区 老城 主城 郊区 园区 市区 县城 医院 核心 自贸 综合 高新 经开 功能 试验 "
    "区 片 带 块 类 型 性 化 级 个 条 座 处 批 项 种 些 多 等 的 及 和 与 或 在 对 为 将 把 被 "
    "由 从 向 至 到 其 该 每 各 并 段 省 幸福 安澜 母亲 生命 水生态 冰川 退化 沙化 荒漠 "
    "岸线 江段 河段 湖区 库区 灌区 一江 两湖 贸易 自由 物流 化工 石化 医药 沙漠 黄金 浅海 "
    "陆域 新型 贫困 偏远 全市 全省 全县 全区 农田 尺度 文旅 革命 蓝色 铁路 "
    "岩溶 城郊 "
    "浅滩 受损 连续 滨水 滨河 垃圾 魅力 画廊 秀美 第一 大堤 油路 污染 系 通道 "
    "行政 传统 特色 民族 空心 城中 搬迁 安置 亩 公顷 公里 平方 "
    "土地 耕地"  # classes of land use: 裸土地沙地
)

# Where a name starts: after these verbs and function words.
BOUNDARY_WORDS = tuple(
    sorted(
        words_of(
            "加强 推进 实施 开展 建设 保护 治理 打造 营造 推动 深化 支持 完善 提升 强化 共建 共筑 "
            "共保 加快 持续 优化 构建 健全 建立 形成 落实 探索 鼓励 引导 促进 发展 开发 利用 "
            "整治 修复 "
            "恢复 改善 巩固 统筹 协同 联合 共同 全面 深入 积极 稳步 稳妥 有序 着力 聚焦 围绕 依托 "
            "发挥 保障 维护 管控 监测 申报 创建 编制 出台 制定 组织 参与 联动 衔接 对接 融合 贯通 "
            "连通 串联 覆盖 包括 涉及 位于 沿着 环绕 以及 及其 其中 加大 扩大 做好 抓好 提高 降低 "
            "减少 严格 禁止 规范 改造 启动 谋划 研究 加速 守护 筑牢 系统 全力 大力 进一步 "
            "逐步 率先 继续 推广 复制 设立 设置 划定 打通 实现 完成 达到 保持 确保 争创 创新 "
            "开放 连接 联通 带动 辐射 承接 接入 携手 联手 重点 深度 融入 "
            "和 与 及 等 的 在 对 为 将 把 被 向 至 到 从 由 以 是 即 使 各 每 该 其 并 或 经 "
            "其间 之间 最高峰 主峰 "  # 其间群山, 最高峰巾子山
            "入 环 沿 同 跨 还 共护 共治 共促 共筑 让 成为 造福 指导 推行 组建 减轻 为主 "
            "新建 建成 由于 域内 区内 市内 境内 内 增强 争取 延伸 侵蚀 转变 培育 通过 遏制 "
            "调整 合理 新增 清理 疏浚 拓展 打响 擦亮 守望 呵护 美化 绿化 净化 涵养 保育 "
            "经开区 开发区 高新区 园区 城区 片区 界定 科学 结合 支流 干流 流域 上游 中游 下游 "
            "超过 高于 低于 仅次于 相当于 比 "  # comparisons: 超过欧盟人均水平
            # a place made better or won (做美古佛山景区, 做强安陶小镇景区, 创成省级旅游度假区)
            "做精 做强 做美 做优 做靓 做大 做实 做响 做活 做足 创成 "
            # the level that assesses a monitoring section: 国考姚港断面, 省考团结闸断面
            "国考 省考 市考 县考 国控 省控 市控"
        ),
        key=len,
        reverse=True,
    )
)

# suffix -> (kind, longest prefix in characters)
SUFFIXES: dict[str, tuple[PlaceKind, int]] = {
    "国家级自然保护区": ("ProtectedArea", 6),
    # reserves of a province, a city or a county: 泉州湾河口湿地省级自然保护区
    "省级自然保护区": ("ProtectedArea", 8),
    "市级自然保护区": ("ProtectedArea", 8),
    "县级自然保护区": ("ProtectedArea", 8),
    "国家森林公园": ("Forest", 6),
    "经济开发区": ("DevelopmentZone", 6),
    "经济圈": ("Area", 6),
    "经济区": ("Area", 6),
    "经济带": ("Area", 6),
    "城市群": ("Area", 6),
    "都市圈": ("Area", 6),
    "自然保护区": ("ProtectedArea", 6),
    "风景名胜区": ("ProtectedArea", 6),
    "国家公园": ("ProtectedArea", 6),
    # the national cultural parks named by their river, wall or route: 长江国家文化公园
    "国家文化公园": ("Area", 6),
    "城市森林公园": ("Forest", 6),
    "湿地公园": ("Wetland", 6),
    "森林公园": ("Forest", 6),
    "地质公园": ("ProtectedArea", 6),
    "生态廊道": ("Corridor", 6),
    # the belts and barriers of the national ecological security pattern (三区四带):
    # 东北森林带, 北方防沙带, 南方丘陵山地带, 青藏高原生态屏障区
    "生态屏障区": ("Area", 6),
    "森林带": ("Area", 5),
    "防沙带": ("Area", 5),
    "山地带": ("Area", 6),
    "国家自主创新示范区": ("DevelopmentZone", 11),  # 苏南国家自主创新示范区
    "生态大走廊": ("Corridor", 6),  # 江淮生态大走廊
    "谷地": ("Area", 4),  # 汾河谷地
    "大峡谷": ("Area", 4),  # 晋陕大峡谷, 雅鲁藏布大峡谷
    "瀑布": ("Area", 4),  # 壶口瀑布, 黄果树瀑布
    "经济走廊": ("Corridor", 6),  # 中蒙俄经济走廊
    "故道": ("River", 4),  # a river's former course: 黄河故道
    "生态走廊": ("Corridor", 6),
    "植物园": ("ProtectedArea", 6),
    "林场": ("Forest", 6),
    "湿地": ("Wetland", 6),
    "水库": ("Reservoir", 6),
    # springs and their catchments (娘子关泉, 城头会泉域), shoals and flats (硝池滩), canals
    # (姚暹渠), headstreams named by a direction (浊漳北源), volcano fields (大同火山群)
    "泉域": ("Area", 5),
    "泉": ("Area", 4),
    "滩": ("Area", 4),
    "渠": ("River", 4),
    "北源": ("River", 3),
    "南源": ("River", 3),
    "西源": ("River", 3),
    "东源": ("River", 3),
    "火山群": ("Area", 4),
    # the bay areas of a coastal province (环珠江口湾区, 大汕头湾区) and the zones of
    # cooperation across borders (粤桂合作特别试验区, 闽粤经济合作区, 广清经济特别合作区)
    "湾区": ("Area", 5),
    # the old revolutionary base areas named by their provinces: 川陕革命老区, 湘鄂赣革命老区
    "革命老区": ("Area", 6),
    "特别试验区": ("DevelopmentZone", 6),
    "经济特别合作区": ("DevelopmentZone", 6),
    "特别合作区": ("DevelopmentZone", 6),
    "经济合作区": ("DevelopmentZone", 6),
    "国家石漠公园": ("ProtectedArea", 8),  # 乳源西京古道国家石漠公园
    "石漠公园": ("ProtectedArea", 8),
    "产业园区": ("DevelopmentZone", 6),
    "产业园": ("DevelopmentZone", 6),
    "工业园区": ("DevelopmentZone", 6),
    "工业园": ("DevelopmentZone", 6),
    "物流园区": ("DevelopmentZone", 6),
    "物流园": ("DevelopmentZone", 6),
    "科技园区": ("DevelopmentZone", 6),
    "科技园": ("DevelopmentZone", 6),
    "健康谷": ("DevelopmentZone", 6),
    "国家水利风景区": ("ProtectedArea", 6),
    "水利风景区": ("ProtectedArea", 6),
    # scenic areas named by their place (湖光岩风景区, 宝泉景区, 万仙山景区; not 旅游景区,
    # 4A级景区, 核心景区): a proper head, as for parks
    "风景区": ("ProtectedArea", 6),
    "景区": ("ProtectedArea", 5),
    "度假区": ("ProtectedArea", 8),  # 柳叶湖旅游度假区: 柳叶湖 is named too
    # zones named by a place and a short proper name: 杨凌示范区, 山西综改示范区, 泉州台商投资区,
    # 厦门海沧保税港区, 福州自贸片区 (not 先行示范区, 化肥示范区: kinds of zone)
    "示范区": ("DevelopmentZone", 2),
    "投资区": ("DevelopmentZone", 4),
    "保税港区": ("DevelopmentZone", 4),
    "自贸片区": ("DevelopmentZone", 4),
    "国家湿地公园": ("Wetland", 6),
    "科技城": ("DevelopmentZone", 6),
    "新区": ("DevelopmentZone", 6),
    "高新技术产业开发区": ("DevelopmentZone", 6),
    "经济技术开发区": ("DevelopmentZone", 6),
    "新技术开发区": ("DevelopmentZone", 6),
    "开发区": ("DevelopmentZone", 6),
    # the short forms of the zones' names: 葛店经开区 (经济技术开发区), 某某高新区 below
    "经开区": ("DevelopmentZone", 6),
    # zones of a city's functions, named by a place or a proper name: 宁波保税区, 嘉定工业区,
    # 虹桥商务区, 羊山湿地片区, 秦巴片区 (not 重点片区, 老工业区, 中央商务区)
    "综合保税区": ("DevelopmentZone", 6),
    "保税区": ("DevelopmentZone", 6),
    "工业区": ("DevelopmentZone", 6),
    "商务区": ("DevelopmentZone", 6),
    "片区": ("Area", 8),
    # county-level zones run by a management committee: 西湖管理区, 西洞庭管理区 (常德)
    "管理区": ("Area", 6),
    # old towns and historic quarters named by their place: 武昌古城, 汉口历史文化风貌区
    "古城": ("Area", 4),
    "渔场": ("Area", 4),  # 北麂渔场, 舟山渔场
    "历史文化风貌区": ("Area", 6),
    "风貌区": ("Area", 8),
    "历史文化街区": ("Area", 6),
    "高新区": ("DevelopmentZone", 6),
    "雪山": ("Mountain", 5),
    "山区": ("Area", 4),
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
    "浜": ("River", 4),  # the creeks of the Yangtze delta: 张家浜, 周家浜
    "湖": ("Lake", 5),
    "湾": ("Bay", 5),
    # a port's harbour districts and its wharves, named by a proper stem: 海沧港区, 大窑湾港区,
    # 朝天门码头 (not 集装箱码头, 老港区: kinds of them)
    "港区": ("Port", 5),
    "码头": ("Port", 5),
    "港": ("Port", 5),
    "山": ("Mountain", 5),
    "岭": ("Mountain", 4),
    "峡": ("Area", 4),
    "川": ("Area", 3),  # plains of the north: 土默川, 敕勒川 (a one-character name never)
    "闸": ("Area", 4),  # sluices that name river sections: 某某闸 (not 水闸, 节制闸)
    "岛": ("Island", 5),
    "洲": ("Island", 4),
    "区": ("District", 3),  # only right after a province or city: 张家口崇礼区
    "县": ("District", 3),
    "市": ("City", 3),
    "街道": ("Town", 4),  # towns, only right after the division they lie in: 东营市史口镇
    "镇": ("Town", 4),
    "乡": ("Town", 4),
    # villages and their Mongolian counterparts, only right after their division too:
    # 清水河县老牛湾村, 回民区东乌素图村, 某某旗某某嘎查, 某某苏木; the communities of a
    # town or a district the same way (澧源镇朱家台社区)
    "村": ("Town", 5),
    "社区": ("Town", 5),
    "嘎查": ("Town", 5),
    "苏木": ("Town", 5),
}
SUFFIXES.update(PARK_HEADS)  # 虹桥体育公园, 青城古镇
SUFFIXES.update(CANAL_HEADS)  # 都江堰灌区
# the level words that end the name of a division below a province (崇礼区, 史口镇, 某某嘎查):
# the name must follow a province or city name directly.  Not the level words of a province
# (省, 自治区 …): those are vocab.PROVINCE_SUFFIXES.
BELOW_PROVINCE_SUFFIXES = frozenset(
    {"区", "县", "市", "镇", "乡", "街道", "村", "社区", "嘎查", "苏木"}
)
# what a village or a community is praised or classed as, no name of one: 文明村, 老旧社区
VILLAGE_KINDS = frozenset(
    words_of(
        "文明 老旧 完整 平安 宜居 示范 试点 星级 精品 绿色 智慧 和谐 美丽 无疫 安全 文化 "
        "生态 卫生 小康 先进 模范 特色 传统 空心 城中 中心 行政 自然 重点 贫困 脱贫 搬迁 "
        "安置 困难 薄弱 新型 现代 数字 低碳 零碳 健康 书香 法治 善治 整洁 清洁 民主"
    )
)
# the landforms and settlements that end the names of villages, whose first two characters
# are often a word or a surname and 家 (龙洞坪, 朱家台, 叶家桥, 王家庄)
VILLAGE_NAME_ENDS = frozenset("坪台桥庄坝湾沟岭坡寨堡屯店营铺塘岗垭坳峪冲垸洲渡坑峁塬岔")
# towns and villages lie in districts and counties too
TOWN_SUFFIXES = frozenset({"镇", "乡", "街道", "村", "社区", "嘎查", "苏木"})
# one-character names (沱湖, 罗山) are taken only inside an enumeration (、)
SHORT_SUFFIXES = frozenset("河江湖山岛湾") | {"河口"}  # 灌河口 in 射阳河口、灌河口
NOT_SHORT_NAMES = frozenset(
    "大小中上下内外前后东西南北各该本全入出沿环跨治护等和与及或新老旧此其冰雪火高名矿荒深浅群江河湖海山岛湾"
    "诸众"  # determiners: 七里海诸河 (the rivers of 七里海)
    "省市县区乡镇村"  # level words: 跨县江河 (rivers that cross counties)
    "青绿碧翠蓝"  # colours: 绿化青山 is no mountain
    "滨临傍近"  # positions: 滨江新城 is the riverside new town, no river 滨江
)
# the belts of the ecological security pattern are named by a direction and a terrain, words
# that are generic elsewhere: 南方丘陵山地带, 东北森林带
BELT_HEADS = frozenset({"生态屏障区", "森林带", "防沙带", "山地带"})
# the key ecological zones named by their river: 黄河重点生态区, 长江重点生态区
RIVER_ZONE_HEADS = ("重点生态区",)
BELT_DIRECTIONS = words_of(
    "东北 西北 东南 西南 南方 北方 东部 西部 南部 北部 中部 华北 华南 华东 华中"
)
BELT_TERRAINS = words_of("丘陵 高原 平原 山地 草原 沙漠 荒漠 森林 湿地")
# natural zones named the same way: 东北黑土区, 西部高寒区, 西南岩溶区
ZONE_HEADS = words_of("黑土区 高寒区 干旱区 半干旱区 岩溶区 石漠化区 风沙区")
# a suffix followed by one of these is part of another word (河流, 港口, 山区, 湖泊 …)
BAD_NEXT = {
    "河": "流道湖长口床势网谷滩塘渠沟库浜",  # 河库长, 影响河库健康: rivers and reservoirs
    "江": "河湖山口",
    "溪": "流水",
    "湖": "泊库区长",
    "湾": "区",
    "港": "口区航务城澳湾",
    "山": "区地体水林洪系坡顶头湿茶居",  # 山居: 富春山居图 is a painting
    "岛": "屿礁链湾",
    "水库": "群",
    "泉": "水眼群州城",
    "滩": "涂地区头羊桥大",
    "渠": "道系首",
    "洲": "际",
    "岭": "南",
    "峡": "谷",
    "川": "渝藏黔陕甘滇桂剧菜东西南北中草平",
    "闸": "门坝口站室群阀",
    "平原": "区",
    "高原": "湖",  # 高原湖泊: the lakes of a plateau, a kind (九大高原湖泊)
    "区": "域间内外划位",
    "市": "场民政区级",
    "县": "域级城",
    "镇": "域级区村",
    "乡": "村镇土级",
    "村": "民级委庄落镇",
    **PARK_BAD_NEXT,
}
ADMIN_NEXT = "市县镇乡村路街线"  # 新港线: a metro line named after it
# heads of the names of regions: 鲁南经济圈, 天山北坡城市群, 胶东经济圈
REGION_HEADS = frozenset({"经济圈", "经济区", "经济带", "城市群", "都市圈"})
# nature reserves below the state's: 泉州湾河口湿地省级自然保护区
LOCAL_RESERVES = frozenset({"省级自然保护区", "市级自然保护区", "县级自然保护区"})
# scenic areas: named like parks, by a place or a proper name (宝泉景区, 湖光岩风景区)
SCENIC_SUFFIXES = frozenset({"风景区", "景区", "度假区"})
# zones whose name is a place and a short proper name (杨凌示范区, 山西综改示范区)
NAMED_ZONE_SUFFIXES = frozenset({"示范区", "投资区", "保税港区", "自贸片区"})
# parks of industry: named after a place (东方临港产业园, 三亚崖州湾科技城) or by a proper
# name that no generic or industry word starts (金桥产业园, 蒙树生态科技园; not 化工产业园)
PARK_SUFFIXES = frozenset(
    {"产业园区", "产业园", "科技城", "工业园区", "工业园", "物流园区", "物流园"}
    | {"科技园区", "科技园", "健康谷", "综合保税区", "保税区", "工业区", "商务区", "片区"}
    | {"古城", "历史文化风貌区", "风貌区", "历史文化街区", "渔场"}
    | SCENIC_SUFFIXES
    | NAMED_ZONE_SUFFIXES
    | frozenset(PARK_HEADS)
)
# words that start the generic names of parks and zones (新能源产业园, 化工园区)
INDUSTRY_WORDS = words_of(
    "远洋 近海 外海 深海 中央 "  # 远洋渔场, 中央商务区
    "新能源 新材料 化工 煤炭 煤化工 电子 信息 装备 制造 医药 生物 食品 纺织 汽车 光伏 "
    "氢能 储能 节能 环保 循环 静脉 文化 旅游 科技 创新 创业 电商 高端 先进 特色 专业 精细 "
    "有色 冶金 钢铁 建材 农产品 乳业 家具 服装 软件 大数据 数据 云计算 智能 健康 养老 "
    "航空 航天 临港 临空 港口 保税 加工 承接 转移 合作 双创 孵化 众创 总部 电力 能源 "
    "光电 新型 传统 产城 现代 智慧 数字 绿色 低碳 零碳 生态 高新 农业 林业 牧业 渔业 畜牧 "
    "新兴 排放 碳 近零 自治区 省级 市级 县级 国家 示范 重点 各类 氢 燃料 生活 垃圾 节水 技术 "
    "再生 资源 固废 危废 污水 废弃"
)
# a known river or region may stand alone before these (辽河平原, 呼伦贝尔草原)
AFTER_NATURE = frozenset({"平原", "草原", "盆地", "故道", "谷地"})
# the name may be a gazetteer place alone before these suffixes (秦皇岛港, 黄河口国家公园)
AFTER_ANY_PLACE = frozenset(
    {"国家级自然保护区", "自然保护区", "风景名胜区", "国家公园", "湿地公园", "森林公园", "地质公园"}
    | LOCAL_RESERVES
    | {"城市森林公园", "高新技术产业开发区", "经济技术开发区", "新技术开发区", "开发区", "高新区"}
    | {"经开区", "国家文化公园"}
    | {"国家森林公园", "经济开发区", "国家水利风景区", "水利风景区", "国家湿地公园"}
    | {"国家自主创新示范区", "生态屏障区", "森林带", "防沙带", "山地带", "故道", "管理区"}
    | PARK_SUFFIXES
    | REGION_HEADS
    | frozenset(CANAL_HEADS)
)
# a head that makes the name before it a modifier: 牛路岭水库 is a reservoir, not 牛路岭;
# 白山水库 names no city.  A place named right before one of these is only a part.
STRONG_HEADS = (
    *("港区", "码头"),  # 大窑湾港区 is a harbour district, not the bay 大窑湾
    *("水库", "新区", "产业园", "科技城", "国家森林公园", "森林公园", "国家公园"),
    *("湿地公园", "国家级自然保护区", "自然保护区", "风景名胜区", "国家水利风景区"),
    *("省级自然保护区", "市级自然保护区", "县级自然保护区"),
    *("水利风景区", "国家湿地公园", "风景区", "景区", "度假区", "旅游度假区"),
    *PARK_HEADS,  # 宝湖公园 is a park, not the lake 宝湖
    *CANAL_HEADS,  # 都江堰灌区 is an irrigation district, not the city
)
DEMOTING_HEADS = frozenset(
    {"水库", "湖", "河", "江", "湾", "港", "岛", "山", "岭", "平原", "草原", "河口", "盆地"}
    | {"故道", "谷地"}  # 黄河故道, 汾河谷地: the river is only a part of the name
    | {"管理区"}  # 西湖管理区 is no lake
    | REGION_HEADS
)
AFTER_ADMIN_PLACE = frozenset(
    {"港", "湾", "岛", "新区", "水库", "林场", "岸段", "植物园", "平原", "盆地", "海峡"}
    | {"火山群", "湾区"}  # 大同火山群, 大汕头湾区
)
# zones of cooperation named by a run of abbreviations (粤桂合作特别试验区, 广清经济特别合作区)
COOPERATION_SUFFIXES = frozenset({"特别试验区", "经济特别合作区", "特别合作区", "经济合作区"})
# heads whose names may start with 大 (the greater …) or 环 (around …): 大汕头湾区, 环大亚湾湾区
GREATER_HEADS = frozenset({"湾区"})
# heads whose names may start with 大 where a known name follows it: 大南昌都市圈, 大湘西地区,
# 大西安都市圈 (the greater city or area; not 大部分地区, 大城市群)
GREATER_KNOWN_HEADS = frozenset({"都市圈", "地区", "城市群", "经济圈"})
# heads whose stem must not end in an everyday verb or adjective (采取泉组, 人水和谐滹沱河)
CHECKED_HEADS = frozenset(
    {"泉", "泉域", "滩", "渠", "北源", "南源", "西源", "东源", "火山群", "湾区"}
)
# heads of a city's zones: a stem of an everyday word alone is none (城市更新片区), one that
# a proper name opens is (广清接合片区)
CITY_ZONE_HEADS = frozenset(
    {"综合保税区", "保税区", "工业区", "商务区", "片区", "古城", "风貌区", "历史文化街区"}
    | {"历史文化风貌区", "管理区"}
    | SCENIC_SUFFIXES  # 精品景区, 红色景区
)
# a port's harbour districts and wharves: a stem that is or ends in an everyday word names a
# kind of them (集装箱码头, 沿江港区, 危险品码头) unless it follows its port (厦门港 + 海沧港区)
PORT_HEADS = frozenset({"港区", "码头"})
# heads of a kind of land: their stem must not end in an everyday word (冲击平原, 山间小盆地)
TERRAIN_HEADS = frozenset({"平原", "盆地"})
# development zones whose name may start with a run of abbreviations (川渝高竹新区)
# the heads of development zones, whose name is no everyday word (低丘缓坡开发区 is a kind)
DEVELOPMENT_ZONES = frozenset(
    {"开发区", "经济开发区", "经济技术开发区", "高新技术产业开发区", "新技术开发区", "经开区"}
    | {"高新区"}
)
# the genre's phrase for a change of administrative status before the new level:
# 撤地设市, 撤县设区, 撤县建市, 撤乡并镇, 撤市改区 (the old level, then the verb)
RESTRUCTURING = re.compile("撤[^撤]{1,3}[设建并改]$")
ZONE_SUFFIXES = frozenset(
    {"新区", "高新技术产业开发区", "经济技术开发区", "新技术开发区", "开发区", "高新区"}
    | {"经济开发区", "经开区", "大峡谷"}  # 晋陕大峡谷
    | REGION_HEADS
    | COOPERATION_SUFFIXES
    | {"革命老区"}  # 川陕革命老区, by its provinces only (巴中革命老区 is the city)
)
# a one-character generic head: a compound of such names (幕阜山—九岭山) names each part
SIMPLE_SUFFIXES = frozenset("河江溪湖湾港山岭岛")
# heads of single features, which a compound of two names shares with none: 幕阜山—九岭山,
# 玉龙雪山—虎跳峡 (two places; 燕山—塞罕坝国家公园 is one park)
FEATURE_SUFFIXES = SIMPLE_SUFFIXES | {"峡", "洲"}
# a name ending in a numeral counts things (一江两湖, 九省区), it names nothing
# and the vague counts 几, 多, 数 (数县)
NUMERALS = frozenset(ONE_TO_NINE + LIANG + MULTIPLIERS[:4] + "几多数")
COMPOUND_KINDS: frozenset[PlaceKind] = frozenset({"ProtectedArea", "Corridor"})


# two-character names that are also everyday words (东方 "the east", 白沙 "white sand"): taken
# only in a list of places (东方、儋州), before 市/县/区, or as the owner of a longer name
COMMON_WORD_NAMES = frozenset({"东方", "白沙"})
# direction and size prefixes that make another river of a known one (东辽河, 大辽河)
RIVER_PREFIXES = "东西南北大小"
# prefixes that make another river of a known one: 东辽河, 大辽河, and 新沂河, 新洋河 (new
# channels dug beside an old river)
RENAMING_PREFIXES = RIVER_PREFIXES + "新"
# what may follow 口 after a river when it is no estuary: 黑河口岸 is a port of entry
NOT_ESTUARY_NEXT = frozenset("岸径罩袋号子碑门")
# what a water's name and one of these name: its mouth (沂河口), its basin (嘉陵江流域), the
# reaches of a river that plans name as regions (长江上游生态屏障)
WATER_PARTS: dict[str, tuple[PlaceKind, frozenset[PlaceKind]]] = {
    "口": ("Estuary", frozenset({"River"})),
    "流域": ("Basin", frozenset({"River", "Lake"})),
    "上游": ("Area", frozenset({"River"})),
    "中游": ("Area", frozenset({"River"})),
    "下游": ("Area", frozenset({"River"})),
}
REACHES = frozenset({"上游", "中游", "下游"})
# paired prefixes sharing one name: 大小兴安岭 -> 大兴安岭, 小兴安岭
PAIRED_PREFIXES = {"小": "大", "西": "东", "北": "南", "下": "上"}
ORDINAL = re.compile(rf"第[{ONE_TO_TEN}]$")
# one-character words after which a name starts
SINGLE_BOUNDARIES = frozenset(w for w in BOUNDARY_WORDS if len(w) == 1) | frozenset("、，,；;：: ")
# pure direction names: not before 部, 方, 侧 … and not after a province abbreviation
DIRECTION_NAMES = frozenset({"东北", "西北", "东南", "西南"})


# initiatives named like a region: they name the area along them only before an area word
# (一带一路沿线, 一带一路国家) or joined to another place (“一带一路”和东北亚), not as the
# initiative (共建绿色“一带一路”, “一带一路”建设)
INITIATIVE_NAMES = frozenset({"一带一路"})
INITIATIVE_AREAS = words_of("沿线 国家 地区 区域 各国")
INITIATIVE_JOINERS = frozenset("和与及")
# heads of the names of banks, weather systems, pests and diseases that start with a region's
# name (亚洲开发银行, 渤海银行, 东亚季风, 非洲猪瘟, 东亚飞蝗): the region is no place of the plan
PROPER_NOUN_HEADS = words_of(
    "银行 季风 猪瘟 飞蝗 白对虾 "
    "证券 保险 汽车 日报 晚报 卫视"  # companies and outlets: 长江证券, 太平洋保险, 长城汽车
)
# what follows the name of a company, not of a place: 某某山化工, 某西化工集团
COMPANY_HEADS = words_of("集团 股份 公司 有限 实业 控股 企业")
# and the estates and hospitals named like places: 凯旋御珑湾小区, 市奇山医院
COMPANY_HEADS += words_of("小区 医院")
COMPANY_TRADES = words_of(
    "化工 钢铁 煤业 制药 药业 水泥 矿业 化肥 石化 纸业 乳业 电力 能源 建材 焦化 煤化"
)
# what may follow a trade and still name a place (宁东化工园区, 长山化工基地)
TRADE_PLACES = tuple("园区基地")
# a one-character adjective after a river or lake in a four-character phrase: 水净河清, 河畅湖美
PREDICATES = frozenset("清畅美绿净蓝秀晏澈")
# numerals that count named things: 四大经济圈, 两个城市群
COUNTERS = frozenset("大个类项条座批")
# regions named by a run of city abbreviations before one of these: 呼包鄂榆城市群, 呼包鄂区域
GROUP_HEADS = words_of("城市群 都市圈 经济圈 经济区 经济带 区域 地区")
CLOSING_QUOTES = frozenset('”"’」』')
# classes of terrain by height, listed together: 高山、中山、低山 (中山 is also a city)
TERRAIN_WORDS = words_of("高山 中山 低山 浅山 深山 中低山 中高山 丘陵 平坝 河谷 平原")
