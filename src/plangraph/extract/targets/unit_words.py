"""Units as plans print them: the unit code of each printed unit (``微克/立方米``, ``万亩``,
``个百分点``), the measure words of counted things (``个 家 项 …``, ``头 羽 枚``) and their scale
(``万人``, ``亿元``), on their own (an indicator table's ``（万亩）``) or after a figure."""

from __future__ import annotations

from decimal import Decimal

from plangraph import model

PG_PP: model.UnitCode = "pg:PercentagePoint"


PG_COUNT: model.UnitCode = "pg:Count"


PERCENT: model.UnitCode = "qudt:PERCENT"


#: Printed unit → unit code.  Scaled Chinese units (万吨, 亿元 …) keep the printed value.
UNITS: dict[str, model.UnitCode] = {
    "微克/立方米": "qudt:MicroGM-PER-M3",
    "μg/m3": "qudt:MicroGM-PER-M3",
    "μg/m³": "qudt:MicroGM-PER-M3",
    "µg/m3": "qudt:MicroGM-PER-M3",
    "µg/m³": "qudt:MicroGM-PER-M3",
    "ug/m3": "qudt:MicroGM-PER-M3",
    "微克每立方米": "qudt:MicroGM-PER-M3",  # the unit spelled out: 控制在29微克每立方米
    "毫克/立方米": "qudt:MilliGM-PER-M3",
    "毫克每立方米": "qudt:MilliGM-PER-M3",
    "毫克/升": "qudt:MilliGM-PER-L",
    "毫克每升": "qudt:MilliGM-PER-L",
    "个百分点": PG_PP,
    "百分点": PG_PP,
    "%": PERCENT,
    "‰": "qudt:PERMILLE",
    # a rate per 100,000 (孕产妇死亡率10/10万), written by readers as 1/10万
    "/10万": "pg:PerHundredThousand",
    "/十万": "pg:PerHundredThousand",
    "克标准煤/千瓦时": "pg:GramCoalEquivalentPerKiloWattHour",  # 供电煤耗
    "克标煤/千瓦时": "pg:GramCoalEquivalentPerKiloWattHour",
    "克/千瓦时": "pg:GramCoalEquivalentPerKiloWattHour",  # 供电煤耗…296克/千瓦时, as often printed
    "亿吨标准煤": "pg:HundredMillionTonneCoalEquivalent",
    "万吨标准煤": "pg:TenThousandTonneCoalEquivalent",
    "吨标准煤": "pg:TonneCoalEquivalent",
    "亿吨标煤": "pg:HundredMillionTonneCoalEquivalent",
    "万吨标煤": "pg:TenThousandTonneCoalEquivalent",
    "吨标煤": "pg:TonneCoalEquivalent",
    "万吨/日": "pg:TenThousandTonnePerDay",
    "万吨/年": "pg:TenThousandTonnePerYear",  # a yearly capacity (处置能力50万吨/年)
    "亿吨/年": "pg:HundredMillionTonnePerYear",
    # freight and passengers carried over a distance (运输总周转量1062亿吨公里)
    "亿吨公里": "pg:HundredMillionTonneKiloM",
    "万吨公里": "pg:TenThousandTonneKiloM",
    "亿人公里": "pg:HundredMillionPersonKiloM",
    "吨/年": "pg:TonnePerYear",
    "万吨/天": "pg:TenThousandTonnePerDay",
    "吨/日": "pg:TonnePerDay",
    "吨/天": "pg:TonnePerDay",
    "万立方米/日": "pg:TenThousandM3PerDay",  # 新增污水处理能力1200万立方米/日
    "万立方米/天": "pg:TenThousandM3PerDay",
    "万立方米/ 日": "pg:TenThousandM3PerDay",
    "万m3/d": "pg:TenThousandM3PerDay",
    "万m³/d": "pg:TenThousandM3PerDay",
    "立方米/日": "pg:M3PerDay",
    "立方米/天": "pg:M3PerDay",
    "m3/d": "pg:M3PerDay",
    "m³/d": "pg:M3PerDay",
    "亿公斤": "pg:HundredMillionKiloGM",  # 种量分别达到5.8亿公斤
    "万公斤": "pg:TenThousandKiloGM",
    "公斤": "qudt:KiloGM",
    "亿斤": "pg:HundredMillionJin",  # 粮食产量100亿斤以上 (a 斤 is half a kilogram)
    "万斤": "pg:TenThousandJin",
    "斤": "pg:Jin",
    "亿吨": "pg:HundredMillionTonne",
    "万吨": "pg:TenThousandTonne",
    "吨": "qudt:TONNE",
    "亿千瓦时": "pg:HundredMillionKiloWattHour",
    "万千瓦时": "pg:TenThousandKiloWattHour",
    "千瓦时": "qudt:KiloW-HR",
    "亿千瓦": "pg:HundredMillionKiloW",
    "万千瓦": "pg:TenThousandKiloW",
    "千瓦": "qudt:KiloW",
    "兆瓦": "qudt:MegaW",
    "吉瓦": "qudt:GigaW",
    # computing power and storage of a digital plan (算力规模超过300EFLOPS, 存储总量超过1800EB)
    "立方米/亩": "pg:M3PerMu",  # timber stock per mu (单位面积林木蓄积量达到4立方米/亩)
    "EFLOPS": "pg:ExaFLOPS",
    "PFLOPS": "pg:PetaFLOPS",
    "EB": "pg:ExaByte",
    "PB": "pg:PetaByte",
    # money per person (全员劳动生产率达到22万元/人) and in US dollars (人均GDP1.5万美元,
    # 实际使用外资50亿美元), before the yuan they start with
    "万元/人": "pg:TenThousandYuanPerPerson",
    "元/人": "pg:YuanPerPerson",
    "亿美元": "pg:HundredMillionUSDollar",
    "万美元": "pg:TenThousandUSDollar",
    "美元": "pg:USDollar",
    "万亿元": "pg:TrillionYuan",
    "亿元": "pg:HundredMillionYuan",
    "万元": "pg:TenThousandYuan",
    "元": "pg:Yuan",
    "万平方公里": "pg:TenThousandKiloM2",
    "万平方千米": "pg:TenThousandKiloM2",
    "平方公里": "qudt:KiloM2",
    "平方千米": "qudt:KiloM2",
    "万公里": "pg:TenThousandKiloM",
    "公里": "qudt:KiloM",
    "千米": "qudt:KiloM",
    "亿平方米": "pg:HundredMillionM2",
    "万平方米": "pg:TenThousandM2",
    "万m2": "pg:TenThousandM2",
    "万m²": "pg:TenThousandM2",
    "平方米": "qudt:M2",
    "m2": "qudt:M2",
    "m²": "qudt:M2",
    "亿立方米": "pg:HundredMillionM3",
    "万立方米": "pg:TenThousandM3",
    # the same in Latin letters, as water and gas plans print them (用水总量控制在24.76亿m3以内)
    "亿m3": "pg:HundredMillionM3",
    "亿m³": "pg:HundredMillionM3",
    "万m3": "pg:TenThousandM3",
    "万m³": "pg:TenThousandM3",
    "立方米": "qudt:M3",
    "m3": "qudt:M3",
    "m³": "qudt:M3",
    "米": "qudt:M",
    "万公顷": "pg:TenThousandHA",
    "公顷": "qudt:HA",
    "亿亩": "pg:HundredMillionMu",
    "万亩": "pg:TenThousandMu",
    "亩": "pg:Mu",
    "万标准箱": "pg:TenThousandTEU",
    "万标箱": "pg:TenThousandTEU",
    "万TEU": "pg:TenThousandTEU",
    "标准箱": "pg:TEU",
    "标箱": "pg:TEU",
    # visits, trips or treatments counted per person (旅客吞吐量1.3亿人次, 接待游客386万人次):
    # a unit of its own, not a count of people
    "亿人次": "pg:HundredMillionPersonTime",
    "万人次": "pg:TenThousandPersonTime",
    "人次": "pg:PersonTime",
    "分贝": "qudt:DeciB",
    "小时": "qudt:HR",
    "分钟": "qudt:MIN",
    # an age or a length of time in years: 人均预期寿命达到79岁, 平均受教育年限达11.3年 (a
    # figure with a decimal before 年: a whole number before it is a year, 2025年)
    "岁": "qudt:YR",
    "年": "qudt:YR",
    "天": "qudt:DAY",
}


#: Measure words of counted things (pg:Count, the word is kept as count_noun).
_COUNT_NOUNS = "家个项座条处所辆艘台套只株棵片种户人名次县镇村乡"


_COUNT_SCALE = {"万": Decimal(10000), "亿": Decimal(100000000)}


#: Measure words read after digits only: of more than one character (500万辆次 counts 辆次,
#: not 辆), or a numeral word's everyday companion (一张蓝图, 三张清单 count no beds: 30张 does;
#: 一头, 一枚 neither; 一场 neither), and the words farm output is counted in (出栏
#: 生猪39.8万头, 出笼乌鸡1600万羽, 鸡蛋4000万枚, 投放鱼苗100万尾).
COUNT_WORDS = (
    *("辆次", "吨次", "张", "栋", "幢", "架", "件", "头", "羽", "枚", "尾"),
    "盏",  # lamps installed (安装太阳能路灯1000盏)
    *("场次", "场"),  # events held (开展乡村旅游活动40场, 100场次)
)

UNITLESS: model.UnitCode = "qudt:UNITLESS"

#: A bare 万 or 亿 after a figure (用户数超过6000万): a count at that scale, the thing
#: counted named by the subject; the value is kept as printed.
MAGNITUDES: dict[str, model.UnitCode] = {"万": "pg:TenThousand", "亿": "pg:HundredMillion"}


def _unit(
    printed: str | None, value: Decimal | None
) -> tuple[model.UnitCode | None, str | None, Decimal | None]:
    if not printed or value is None:
        return None, None, value
    if printed in UNITS:
        return UNITS[printed], None, value
    if printed[0] in _COUNT_SCALE:
        scaled = value * _COUNT_SCALE[printed[0]]
        if scaled == scaled.to_integral_value():
            scaled = scaled.quantize(Decimal(1))
        return PG_COUNT, printed[1:], scaled
    return PG_COUNT, printed, value


def unit_of(printed: str) -> tuple[model.UnitCode, str | None] | None:
    """The unit code of a unit printed on its own (an indicator table's ``（万亩）``, ``（个）``)
    and, for counted things, the measure word; None for a unit not known."""
    printed = printed.strip()
    if printed in ("%", "％", "百分比"):
        return PERCENT, None
    if printed in UNITS:
        return UNITS[printed], None
    if len(printed) == 1 and printed in _COUNT_NOUNS + _PRINTED_COUNT_NOUNS:
        return PG_COUNT, printed
    if printed in COUNT_WORDS:
        return PG_COUNT, printed
    scaled = count_scale(printed)
    if scaled is not None:
        return PG_COUNT, printed[1:]
    return None


def count_scale(printed: str) -> Decimal | None:
    """The scale of a counted unit printed on its own with 万 or 亿 (an indicator table's
    ``（万人）``, ``（万张）``): its cells count in tens of thousands; None for any other unit."""
    printed = printed.strip()
    if len(printed) < 2 or printed[0] not in _COUNT_SCALE or printed in UNITS:
        return None
    rest = printed[1:]
    nouns = _COUNT_NOUNS + _PRINTED_COUNT_NOUNS
    counted = (len(rest) == 1 and rest in nouns) or rest in COUNT_WORDS
    return _COUNT_SCALE[printed[0]] if counted else None


def scale_count(value: Decimal, scale: Decimal | None) -> Decimal:
    """A table cell's count in the units it counts (1275.7 万人 -> 12757000)."""
    if scale is None:
        return value
    scaled = value * scale
    return scaled.quantize(Decimal(1)) if scaled == scaled.to_integral_value() else scaled


#: Measure words a unit cell or bracket prints (每万人口发明专利拥有量（件）, 每千名老人养老床位数
#: （张）): counts there; in prose only those of :data:`COUNT_WORDS` count, after digits.
_PRINTED_COUNT_NOUNS = "件张床部盏册"
