"""The vocabulary of abbreviations: the groupings of one-character abbreviations with the places
they stand for, the abbreviations strong enough to start a run, and what may follow a run.

Read by :mod:`.abbreviations` (runs of abbreviations), :mod:`.lexicon` and :mod:`.reading`."""

from __future__ import annotations

from .words import words_of

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
ABBREVIATION_CUES = words_of(
    "合作 交界 跨界 跨境 跨省 共治 共建 共保 共享 共管 协同 协调 协作 联动 联防 联控 联合 "
    "一体化 两地 三地 四地 边界 毗邻 接壤 生态廊道 科技园区 绿色科技园区 合作区 深度合作区 "
    "都市圈 城市群 经济圈 电入 环境 数据 清洁生产 地区 区域 通道 融合 同城 "
    "两岸 口岸 产业 创新"
)
# the works a run of abbreviations names by the places it joins (港珠澳大桥, 京张高速铁路,
# 京沪高铁, 川藏铁路, 西气东输 is no run): the bridge or the line, no mention of those places
WORKS_AFTER_ABBREVIATIONS = words_of(
    "大桥 跨海大桥 铁路 高速铁路 高铁 城际 城际铁路 客运专线 客专 高速公路 高速 公路 运河 "
    "输电通道 特高压 直流 线 管道 输气管道 输油管道 航线 机场"
)
JOINERS = "与和及、"

# province abbreviations that, with a direction, name a part of the province (川南, 陕北)
DIRECTIONAL_ABBREVIATIONS = frozenset("冀晋辽苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇陕陇蒙")
