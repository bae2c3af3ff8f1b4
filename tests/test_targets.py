"""Target extraction: the seed plans (content checked by reading) and genre sentences."""

from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest
from target_helpers import plan_from_text, real_targets, resolve, targets_of

from plangraph import model
from plangraph.extract.targets import extract_targets, load_indicators, slugify


def _fields(plan: model.Plan) -> dict[str, object]:
    return {name: getattr(plan, name) for name in model.Plan.__dataclass_fields__}


# --------------------------------------------------------------------------- the seed

# owner | indicator | value | unit | count noun | comparator | direction | year | base year |
# scope | A(spirational) R(ecurrence annual), then the quote on the next line: written by
# reading every sentence of the seed that has a number or a deadline.
SEED_TARGETS = {
    "京津冀": """
    plan | sheng-tai-huan-jing-zhi-liang |  |  |  |  | Increase | 2027 |  |  |
        > 区域生态环境质量显著改善
    plan | pm25 | 33 | qudt:MicroGM-PER-M3 |  | AtMost | Decrease | 2027 |  |  |
        > 细颗粒物(PM2.5)年均浓度降至33微克/立方米
    plan | heavy-pollution-days |  |  |  |  | Eliminate | 2027 |  |  |
        > PM2.5为首要污染物的重度污染天气和劣Ⅴ类水体、黑臭水体基本消除
    plan | inferior-v-water |  |  |  |  | Eliminate | 2027 |  |  |
        > PM2.5为首要污染物的重度污染天气和劣Ⅴ类水体、黑臭水体基本消除
    plan | black-odorous-water |  |  |  |  | Eliminate | 2027 |  |  |
        > PM2.5为首要污染物的重度污染天气和劣Ⅴ类水体、黑臭水体基本消除
    plan | good-water-ratio | 3.2 | pg:PercentagePoint |  | Exactly | Increase | 2027 | 2024 |  |
        > 优良水体比例比2024年提升3.2个百分点
    plan | groundwater-quality |  |  |  |  | Maintain | 2027 |  |  |
        > 地下水和近岸海域水质保持稳定
    plan | coastal-water-quality |  |  |  |  | Maintain | 2027 |  |  |
        > 地下水和近岸海域水质保持稳定
    plan | pollutant-emissions |  |  |  |  | Decrease | 2027 |  |  |
        > 主要污染物排放总量持续减少
    plan | carbon-intensity |  |  |  |  | Decrease | 2027 |  |  |
        > 碳排放强度持续下降
    plan | lv-se-sheng-chan-sheng-huo-fang-shi |  |  |  |  |  | 2030 |  |  |
        > 绿色生产生活方式广泛形成
    plan | sheng-tai-huan-jing-zhi-liang |  |  |  |  | Increase | 2030 |  |  |
        > 生态环境质量全面改善
    plan | sheng-tai-xi-tong |  |  |  |  |  | 2030 |  |  |
        > 生态系统更加稳定
    plan | jing-jin-ji-mei-li-zhong-guo-xian-xing-qu |  |  |  |  |  | 2030 |  |  |
        > 京津冀美丽中国先行区基本建成
    plan | zhi-cheng-mei-li-zhong-guo-jian-she |  |  |  |  |  | 2030 |  |  |
        > 支撑美丽中国建设取得新的重大进展
    task:1 | green-factories | 700 | pg:Count | 家 | AtLeast |  | 2027 |  |  | A
        > 力争累计建成国家级绿色工厂700家以上
    task:2 | gao-wu-ran-ran-liao-jin-ran-qu |  |  |  |  |  |  |  |  |
        > 平原地区全面建成高污染燃料禁燃区
    task:2 | coal-consumption |  |  |  |  | Decrease | 2027 |  |  |
        > 区域煤炭消费总量保持下降趋势
    task:2 | renewable-share | 10 | pg:PercentagePoint |  | About | Increase | 2027 | 2020 | bj |
        > 北京可再生能源消费占比较2020年提高10个百分点左右
    task:2 | non-fossil-share | 7.3 | pg:PercentagePoint |  | About | Increase | 2027 | 2020 | tj |
        > 天津、河北非化石能源消费占比分别较2020年提高7.3、7个百分点左右
    task:2 | non-fossil-share | 7 | pg:PercentagePoint |  | About | Increase | 2027 | 2020 | he |
        > 天津、河北非化石能源消费占比分别较2020年提高7.3、7个百分点左右
    task:3 | clean-transport-ratio | 80 | qudt:PERCENT |  | AtLeast |  | 2027 |  |  |
        > 重点行业清洁运输比例达到80%以上
    task:3 | clean-transport-ratio | 80 | qudt:PERCENT |  | Exactly |  | 2027 |  |  | A
        > 沿海主要港口焦炭、铁矿石等集疏港清洁运输比例力争达到80%
    task:3 | clean-transport-ratio | 90 | qudt:PERCENT |  | Exactly |  | 2027 |  |  | A
        > 煤炭疏港清洁运输比例力争达到90%
    task:3 | clean-transport-ratio | 100 | qudt:PERCENT |  | Exactly |  | 2027 |  |  |
        > 集港基本实现100%清洁运输
    task:6 | beautiful-rivers-lakes-rate | 42 | qudt:PERCENT |  | Exactly |  | 2027 |  |  |
        > 美丽河湖、美丽海湾建成率分别达到42%、55%
    task:6 | beautiful-bays-rate | 55 | qudt:PERCENT |  | Exactly |  | 2027 |  |  |
        > 美丽河湖、美丽海湾建成率分别达到42%、55%
    task:7 | polluted-farmland-safe-use-rate |  |  |  |  |  | 2027 |  |  |
        > 受污染耕地和建设用地安全利用得到有效保障
    task:7 | contaminated-land-safe-use-rate |  |  |  |  |  | 2027 |  |  |
        > 受污染耕地和建设用地安全利用得到有效保障
    task:7 | groundwater-quality |  |  |  |  | Maintain | 2027 |  |  |
        > 国控点位地下水环境质量保持稳定
    task:8 | hazardous-waste-landfill-share |  |  |  |  | Decrease | 2027 |  |  |
        > 危险废物填埋处置量占比逐步降低
    task:8 | zero-waste-city-coverage |  |  |  |  |  | 2027 |  |  |
        > “无废城市”建设全覆盖
    task:8 | zero-waste-cities-built | 1 | pg:Count | 个 | AtLeast |  | 2027 |  |  |
        > 至少建成1个“无废城市”
    task:10 | eqi |  |  |  |  | Maintain | 2027 |  |  |
        > 区域生态质量指数(EQI)基本稳定
    task:17 | beautiful-city-count | 18 | pg:Count | 个 | Exactly |  | 2027 |  |  |
        > 梯次推进18个市(区)率先开展美丽城市建设
    task:17 | beautiful-village-pilots | 12 | pg:Count | 个 | Exactly |  | 2027 |  |  |
        > 重点推进12个涉农区、72个县率先推进美丽乡村建设
    task:17 | beautiful-village-pilots | 72 | pg:Count | 个 | Exactly |  | 2027 |  |  |
        > 重点推进12个涉农区、72个县率先推进美丽乡村建设
    task:17 | beautiful-villages-county-ratio | 41 | qudt:PERCENT |  | Exactly |  | 2027 |  |  |
        > 美丽乡村整县建成比例达到41%
""",
    "长三角": """
    plan | lv-se-di-tan-fa-zhan |  |  |  |  |  | 2027 |  |  |
        > 区域绿色低碳发展深入推进
    plan | sheng-tai-huan-jing-zhi-liang |  |  |  |  | Increase | 2027 |  |  |
        > 生态环境质量持续改善
    plan | xian-dai-hua-sheng-tai-huan-jing-zhi-li-ti-xi-jian-she |  |  |  |  |  | 2027 |  |  |
        > 现代化生态环境治理体系建设取得新突破
    plan | xian-xing-qu-jian-she |  |  |  |  |  | 2027 |  |  |
        > 先行区建设取得显著成效
    plan | pollutant-emissions |  |  |  |  | Decrease | 2027 |  |  |
        > 主要污染物排放总量和碳排放强度持续下降
    plan | carbon-intensity |  |  |  |  | Decrease | 2027 |  |  |
        > 主要污染物排放总量和碳排放强度持续下降
    plan | pm25 | 30 | qudt:MicroGM-PER-M3 |  | AtMost | Decrease | 2027 |  |  |
        > 细颗粒物(PM2.5)年均浓度降至30微克/立方米
    plan | good-water-ratio | 2.1 | pg:PercentagePoint |  | Exactly | Increase | 2027 | 2024 |  |
        > 优良水体比例比2024年提升2.1个百分点
    plan | groundwater-quality |  |  |  |  | Maintain | 2027 |  |  |
        > 地下水和近岸海域水质保持稳定
    plan | coastal-water-quality |  |  |  |  | Maintain | 2027 |  |  |
        > 地下水和近岸海域水质保持稳定
    plan | lv-se-sheng-chan-sheng-huo-fang-shi |  |  |  |  |  | 2030 |  |  |
        > 绿色生产生活方式广泛形成
    plan | sheng-tai-huan-jing-zhi-liang |  |  |  |  | Increase | 2030 |  |  |
        > 生态环境质量全面改善
    plan | zhang-san-jiao-mei-li-zhong-guo-xian-xing-qu |  |  |  |  |  | 2030 |  |  |
        > 长三角美丽中国先行区基本建成
    plan | zhi-cheng-mei-li-zhong-guo-jian-she |  |  |  |  |  | 2030 |  |  |
        > 支撑美丽中国建设取得新的重大进展
    task:3 | shore-power-coverage |  |  |  |  |  | 2027 |  |  | A
        > 力争实现区域各类码头泊位标准化岸电设施全覆盖
    task:4 | vocs-substitution-projects | 1000 | pg:Count | 项 | AtLeast |  |  |  |  | R
        > 每年完成不少于1000项VOCs源头替代项目
    task:5 | water-quality-class |  |  |  |  | Maintain | 2027 |  | yangtze-river |
        > 区域内长江干流段、新安江水质稳定保持Ⅱ类
    task:5 | water-quality-class |  |  |  |  | Maintain | 2027 |  | xin-an-river |
        > 区域内长江干流段、新安江水质稳定保持Ⅱ类
    task:5 | water-quality-class |  |  |  |  | Maintain | 2027 |  | huai-river |
        > 淮河水质保持Ⅲ类
    task:5 | beautiful-rivers-lakes-rate | 44 | qudt:PERCENT |  | Exactly |  | 2027 |  |  |
        > 美丽河湖建成率达到44%
    task:6 | beautiful-bays-rate | 40 | qudt:PERCENT |  | AtLeast |  | 2027 |  |  |
        > 美丽海湾建成率达到40%以上
    task:8 | gu-ti-fei-wu-jin-ling-tian-mai |  |  |  |  |  |  |  | shanghai |
        > 上海率先实现固体废物近零填埋
    task:8 | wei-xian-fei-wu-qu-ling-tian-mai |  |  |  |  |  |  |  | zhejiang |
        > 浙江实现危险废物趋零填埋
    task:8 | zero-waste-city-coverage | 60 | qudt:PERCENT |  | Above |  | 2027 |  |  |
        > “无废城市”建设比例超过60%
    task:8 | zero-waste-cities-built | 4 | pg:Count | 个 | Exactly |  | 2027 |  |  | A
        > 力争建成4个“无废城市”
task:10 | zhang-san-jiao-chang-jiang-gan-liu-sheng-tai-lang-dao-sheng-ji |  |  |  |  |  |  |  |  |
        > 基本实现长三角长江干流生态廊道省级贯通
    task:12 | species-protection-rate | 88 | qudt:PERCENT |  | Exactly |  | 2027 |  |  |
        > 国家重点保护野生动植物物种保护率达到88%
    task:20 | beautiful-city-count | 10 | pg:Count | 个 | About |  |  |  |  |
        > 推动10个左右美丽城市建设取得标志性成果
    task:20 | beautiful-villages-county-ratio | 50 | qudt:PERCENT |  | Exactly |  | 2027 |  |  |
        > 美丽乡村整县建成比例达到50%
""",
    "粤港澳大湾区": """
    plan | pm25 | 20 | qudt:MicroGM-PER-M3 |  | AtMost | Decrease | 2027 |  |  |
        > 区域细颗粒物(PM2.5)年均浓度降至20微克/立方米以下
    plan | co2-emissions-peak |  |  |  |  |  | 2027 |  |  |
        > 二氧化碳排放总量基本达峰
    plan | good-water-ratio |  |  |  |  | Increase | 2027 |  |  |
        > 优良水体比例持续提升
    plan | coastal-water-quality |  |  |  |  | Maintain | 2027 |  |  |
        > 近岸海域水质保持稳定
    plan | pollutant-emissions |  |  |  |  | Decrease | 2027 |  |  |
        > 主要污染物排放总量持续减少
    plan | lv-se-di-tan-sheng-chan-sheng-huo-fang-shi |  |  |  |  |  | 2030 |  |  |
        > 绿色低碳生产生活方式广泛形成
    plan | da-wan-qu-mei-li-zhong-guo-xian-xing-qu |  |  |  |  |  | 2030 |  |  |
        > 大湾区美丽中国先行区基本建成
    plan | zhi-cheng-mei-li-zhong-guo-jian-she |  |  |  |  |  | 2030 |  |  |
        > 支撑美丽中国建设取得新的重大进展
    task:4 | clean-transport-ratio | 80 | qudt:PERCENT |  | AtLeast |  | 2027 |  | gd |
        > 广东重点行业大宗货物清洁运输比例达到80%以上
    task:4 | nev-share-new-vehicles | 50 | qudt:PERCENT |  | AtLeast |  | 2027 |  | gd |
        > 新增汽车中新能源汽车占比达到50%以上
    task:5 | moderate-pollution-days |  |  |  |  | Eliminate | 2027 |  |  |
        > 消除以PM2.5为首要污染物的中度及以上污染天气
    task:6 | beautiful-rivers-lakes-rate | 45 | qudt:PERCENT |  | Exactly |  | 2027 |  | prd |
        > 建成率达到45%
    task:7 | beautiful-bays-rate | 45 | qudt:PERCENT |  | Exactly |  | 2027 |  | gd |
        > 广东美丽海湾建成率达到45%
    task:8 | eqi |  |  |  |  | Maintain | 2027 |  | prd |
        > 珠三角生态质量指数(EQI)基本稳定
    task:11 | beautiful-villages-county-ratio | 50 | qudt:PERCENT |  | Exactly |  | 2027 |  | gd |
        > 广东美丽乡村整县建成比例达到50%
    task:15 | wu-fei-wan-qu-jian-she |  |  |  |  |  | 2027 |  |  |
        > “无废湾区”建设取得明显成效
    task:15 | zero-waste-cities-built | 2 | pg:Count | 个 | Exactly |  | 2027 |  |  | A
        > 力争建成2个“无废城市”
""",
}


def _row(t: model.Target) -> str:
    owner = t.owner.kind + (":" + t.owner.key if t.owner.key else "")
    flags = ("A" if t.aspirational else "") + ("R" if t.recurrence == "annual" else "")
    cells = [
        owner,
        t.indicator.id,
        "" if t.value is None else str(t.value),
        t.unit or "",
        t.count_noun or "",
        t.comparator or "",
        t.direction or "",
        str(t.target_year or ""),
        str(t.base_year or ""),
        t.scope or "",
        flags,
    ]
    return " | ".join(cells) + " > " + t.quote.text


def _expected(table: str) -> list[str]:
    lines = [line.strip() for line in table.strip().splitlines()]
    rows = []
    for fields, quote in zip(lines[::2], lines[1::2], strict=True):
        assert quote.startswith("> ")
        rows.append(" | ".join(c.strip() for c in fields.split("|")) + " " + quote)
    return rows


@pytest.fixture(scope="module")
def seed(plan_by_region: dict[str, model.Plan]) -> dict[str, model.Plan]:
    """The three seed plans, read by the project's reader (conftest)."""
    return plan_by_region


@pytest.mark.parametrize("region", list(SEED_TARGETS))
def test_seed_targets(seed: dict[str, model.Plan], region: str) -> None:
    found = [_row(t) for t in extract_targets(seed[region], resolve)]
    assert found == _expected(SEED_TARGETS[region])


@pytest.mark.parametrize("region", list(SEED_TARGETS))
def test_seed_quotes_and_indices(seed: dict[str, model.Plan], region: str) -> None:
    plan = seed[region]
    sentences = {s.index: s for s in plan.sentences}
    targets = extract_targets(plan, resolve)
    assert [t.index for t in targets] == list(range(1, len(targets) + 1))
    for t in targets:
        q = t.quote
        assert plan.text[q.start : q.end] == q.text
        s = sentences[q.sentence]
        assert s.start <= q.start < q.end <= s.end
        assert t.plan == plan.id
        if t.value is not None:
            assert isinstance(t.value, Decimal)
            assert t.unit is not None and t.comparator is not None
        if t.unit == "pg:Count":
            assert t.count_noun
        else:
            assert t.count_noun is None


def test_seed_numbers_that_are_not_targets(seed: dict[str, model.Plan]) -> None:
    quotes = " ".join(t.quote.text for p in seed.values() for t in extract_targets(p, resolve))
    for name in ["19条", "六大行动", "22项", "三改联动", "国三", "一张网", "两高", "一批", "百县"]:
        assert name not in quotes


# --------------------------------------------------------------------------- genre sentences


def one(clause: str) -> model.Target:
    """The single target of a task sentence governed by 到2027年."""
    found = targets_of("二、任务\n(一)任务。到2027年," + clause + "。")
    assert len(found) == 1, [t.quote.text for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("clause", "comparator", "value"),
    [
        ("空气质量优良天数比率达到85%以上", "AtLeast", "85"),
        ("PM2.5浓度降至20微克/立方米以下", "AtMost", "20"),
        ("重度及以上污染天数比率控制在1%以内", "AtMost", "1"),
        ("重度及以上污染天数比率控制在1%", "AtMost", "1"),
        ("“无废城市”建设比例超过60%", "Above", "60"),
        ("森林覆盖率高于25%", "Above", "25"),
        ("重度及以上污染天数比率低于2%", "Below", "2"),
        ("重度及以上污染天数比率不满2%", "Below", "2"),
        ("湿地保护率不低于55%", "AtLeast", "55"),
        ("自然岸线保有率不少于35%", "AtLeast", "35"),
        ("至少建成3个“无废城市”", "AtLeast", "3"),
        ("PM2.5浓度不高于30微克/立方米", "AtMost", "30"),
        ("PM2.5浓度不超过30微克/立方米", "AtMost", "30"),
        ("非化石能源消费比重达到25%左右", "About", "25"),
        ("森林覆盖率达到约30%", "About", "30"),
        ("PM2.5浓度降至33微克/立方米", "AtMost", "33"),
        ("PM2.5浓度下降到28微克/立方米", "AtMost", "28"),
        ("美丽河湖建成率达到42%", "Exactly", "42"),
        ("湿地保护率提升到55%", "Exactly", "55"),
        ("优良水体比例比2024年提升3.2个百分点", "Exactly", "3.2"),
        ("单位GDP能耗降低13.5%", "Exactly", "13.5"),
        ("氮氧化物排放总量下降10%以上", "AtLeast", "10"),
        ("建成2个“无废城市”", "Exactly", "2"),
        ("培育3—5个示范园区", "AtLeast", "3"),
    ],
)
def test_comparators(clause: str, comparator: str, value: str) -> None:
    t = one(clause)
    assert (t.comparator, t.value) == (comparator, Decimal(value))
    assert t.quote.text == clause


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        ("优良水体比例比2024年提升3.2个百分点", "Increase"),
        ("可再生能源消费占比较2020年提高10个百分点左右", "Increase"),
        ("单位地区生产总值二氧化碳排放比2020年下降18%", "Decrease"),
        ("PM2.5浓度降至33微克/立方米", "Decrease"),
        ("森林覆盖率保持在35%以上", "Maintain"),
        ("美丽河湖建成率达到42%", None),
        ("力争累计建成国家级绿色工厂700家以上", None),
    ],
)
def test_directions(clause: str, direction: str | None) -> None:
    assert one(clause).direction == direction


@pytest.mark.parametrize(
    ("clause", "value", "unit", "noun"),
    [
        ("PM2.5浓度降至33微克/立方米", "33", "qudt:MicroGM-PER-M3", None),
        ("PM2.5浓度降至33μg/m3", "33", "qudt:MicroGM-PER-M3", None),
        ("优良水体比例提升3.2个百分点", "3.2", "pg:PercentagePoint", None),
        ("森林覆盖率达到25.5%", "25.5", "qudt:PERCENT", None),
        ("森林覆盖率达到百分之二十五", "25", "qudt:PERCENT", None),
        ("生活垃圾分类覆盖率达到百分之百", "100", "qudt:PERCENT", None),
        ("森林覆盖率达到三成以上", "30", "qudt:PERCENT", None),
        ("力争累计建成国家级绿色工厂700家以上", "700", "pg:Count", "家"),
        ("每年完成不少于1000项VOCs源头替代项目", "1000", "pg:Count", "项"),
        ("建成两个“无废城市”", "2", "pg:Count", "个"),
        ("新增国家级绿色工厂1.5万家", "15000", "pg:Count", "家"),
        ("煤炭消费总量控制在1.2亿吨以内", "1.2", "pg:HundredMillionTonne", None),
        ("化学需氧量重点工程减排量达到5万吨", "5", "pg:TenThousandTonne", None),
        ("可再生能源装机容量达到5000万千瓦", "5000", "pg:TenThousandKiloW", None),
        ("完成生态环保投资120亿元", "120", "pg:HundredMillionYuan", None),
        ("新建污水管网500公里", "500", "qudt:KiloM", None),
        ("新增水土流失治理面积2000平方公里", "2000", "qudt:KiloM2", None),
        ("完成造林绿化面积3万公顷", "3", "pg:TenThousandHA", None),
        ("完成造林绿化面积100万亩", "100", "pg:TenThousandMu", None),
        ("空气质量优良天数达到300天以上", "300", "qudt:DAY", None),
    ],
)
def test_values_and_units(clause: str, value: str, unit: str, noun: str | None) -> None:
    t = one(clause)
    assert (t.value, t.unit, t.count_noun) == (Decimal(value), unit, noun)


def test_full_width_text_keeps_offsets() -> None:
    """Full-width digits and letters are read as half-width; the quote indexes that text."""
    body = "二、任务\n(一)任务。到２０２７年，全省ＰＭ２．５年均浓度降至３０微克／立方米。"
    plan = plan_from_text(body)
    (t,) = extract_targets(plan, resolve)
    assert (t.value, t.unit, t.target_year) == (Decimal(30), "qudt:MicroGM-PER-M3", 2027)
    assert t.indicator.id == "pm25"
    assert t.quote.text == "全省PM2.5年均浓度降至30微克/立方米"
    assert plan.text[t.quote.start : t.quote.end] == t.quote.text


@pytest.mark.parametrize(
    "sentence",
    [
        "深化19条水鸟生态廊道建设。",
        "深入实施绿美广东生态建设六大行动。",
        "提出了6方面、22项主要任务。",
        "加快现役煤电机组“三改联动”。",
        "完成国三营运柴油货车区域整体淘汰。",
        "打造区域新能源汽车充换电基础设施“一张网”。",
        "坚决遏制“两高”项目盲目上马。",
        "打造一批美丽城市、美丽乡村样板。",
        "建设若干个万亿元级绿色低碳产业集群。",
        "打造千万千瓦级绿色蓄能基地,建设1000万千瓦级基地。",
        "深入实施“百县千镇万村高质量发展工程”。",
        "推动PM2.5和O3协同控制。",
        "开展第二次全国污染源普查。",
        "全省现有国家级自然保护区11个。",
        "截至2024年底,已建成污水处理厂120座。",
        "2024年,全市PM2.5浓度为32微克/立方米,比2020年下降了15%。",
    ],
)
def test_numbers_that_are_not_targets(sentence: str) -> None:
    assert targets_of("二、任务\n(一)任务。" + sentence) == []


def test_year_governs_the_paragraph_until_another_year() -> None:
    found = targets_of(
        "二、任务\n"
        "(一)任务。到2027年,森林覆盖率达到30%。湿地保护率达到55%。"
        "到2030年,森林覆盖率达到32%。\n"
        "(二)任务。湿地保护率不低于50%。2027年前,基本消除重污染天气。\n"
        "(三)任务。2026年底,森林覆盖率达到31%。2025—2027年,每年完成不少于5项治理。"
    )
    years = [(t.quote.text, t.target_year) for t in found]
    assert years == [
        ("森林覆盖率达到30%", 2027),
        ("湿地保护率达到55%", 2027),
        ("森林覆盖率达到32%", 2030),
        ("湿地保护率不低于50%", None),
        ("基本消除重污染天气", 2027),
        ("森林覆盖率达到31%", 2026),
        ("每年完成不少于5项治理", 2027),
    ]
    assert found[-1].recurrence == "annual"
    assert found[4].direction == "Eliminate"
    assert found[4].indicator.id == "heavy-pollution-days"


def test_base_years() -> None:
    assert one("单位GDP二氧化碳排放比2020年下降18%").base_year == 2020
    assert one("可再生能源消费占比较2020年提高10个百分点").base_year == 2020
    found = targets_of("二、任务\n(一)任务。到2025年,与2020年相比,单位GDP能耗下降13.5%。")
    assert [(t.base_year, t.target_year) for t in found] == [(2020, 2025)]
    t = one("城市生活污水集中收集率由2020年的60%提高到70%以上")
    assert (t.value, t.comparator, t.base_year) == (Decimal(70), "AtLeast", 2020)


def test_aspiration_applies_to_its_clause() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到2027年,清洁运输比例力争达到80%,集港基本实现100%清洁运输。"
        "力争到2030年,非化石能源消费比重达到30%,碳排放强度持续下降。"
    )
    assert [t.aspirational for t in found] == [True, False, True, True]


def test_distributive_places_and_indicators() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到2027年,"
        "天津、河北非化石能源消费占比分别较2020年提高7.3、7个百分点左右,"
        "美丽河湖、美丽海湾建成率分别达到42%和55%,"
        "北京、天津、河北PM2.5浓度均降至35微克/立方米,"
        "化学需氧量和氨氮排放总量分别下降8%。"
    )
    rows = [(t.indicator.id, t.scope, t.value, t.comparator) for t in found]
    assert rows == [
        ("non-fossil-share", "tj", Decimal("7.3"), "About"),
        ("non-fossil-share", "he", Decimal("7"), "About"),
        ("beautiful-rivers-lakes-rate", None, Decimal(42), "Exactly"),
        ("beautiful-bays-rate", None, Decimal(55), "Exactly"),
        ("pm25", "bj", Decimal(35), "AtMost"),
        ("pm25", "tj", Decimal(35), "AtMost"),
        ("pm25", "he", Decimal(35), "AtMost"),
        ("cod-emissions", None, Decimal(8), "Exactly"),
        ("ammonia-emissions", None, Decimal(8), "Exactly"),
    ]
    assert found[0].quote == found[1].quote


def test_a_list_of_modifiers_is_one_target() -> None:
    t = one("沿海主要港口焦炭、铁矿石等集疏港清洁运输比例力争达到80%")
    assert (t.indicator.id, t.value, t.aspirational) == ("clean-transport-ratio", 80, True)


def test_scope_of_a_sentence_carries_to_its_later_clauses() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到2027年,珠三角全域推进美丽河湖建设,建成率达到45%。"
        "到2027年,广东重点行业清洁运输比例达到80%以上,新增汽车中新能源汽车占比达到50%以上。"
        "到2027年,区域煤炭消费总量保持下降趋势,北京可再生能源消费占比提高10个百分点,"
        "森林覆盖率达到30%。"
    )
    rows = [(t.indicator.id, t.scope) for t in found]
    assert rows == [
        ("beautiful-rivers-lakes-rate", "prd"),
        ("clean-transport-ratio", "gd"),
        ("nev-share-new-vehicles", "gd"),
        ("coal-consumption", None),
        ("renewable-share", "bj"),
        ("forest-coverage", None),
    ]
    assert found[0].quote.text == "建成率达到45%"


def test_a_narrower_place_after_a_province_is_the_scope() -> None:
    found = targets_of("二、任务\n(一)任务。到2027年,江苏盐城、浙江温州美丽海湾建成率达到60%。")
    # one value for the places named together (no 分别, 各, 均): one target, as readers of
    # real plans count it (issue 12, fourth round), scoped to the cities, not the provinces
    assert [(t.indicator.id, t.scope, t.scope_text) for t in found] == [
        ("beautiful-bays-rate", "yancheng", "盐城、温州"),
    ]
    found = targets_of(
        "二、任务\n(一)任务。到2027年,江苏盐城、浙江温州美丽海湾建成率分别达到60%、50%。"
    )
    assert [(t.scope, t.value) for t in found] == [("yancheng", 60), ("wenzhou", 50)]


def test_places_of_a_lead_clause_are_the_scope_of_an_elliptical_target() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到2027年,深圳、广州全面推进美丽城市建设,建成率达到50%。"
    )
    assert [(t.indicator.label_zh, t.scope, t.value) for t in found] == [
        ("美丽城市建成率", "shenzhen", Decimal(50)),
        ("美丽城市建成率", "guangzhou", Decimal(50)),
    ]


def test_the_plan_region_is_no_scope() -> None:
    plan = plan_from_text("二、任务\n(一)任务。到2027年,京津冀PM2.5浓度降至30微克/立方米。")
    plan = model.Plan(**{**_fields(plan), "region": "京津冀"})  # type: ignore[arg-type]
    (t,) = extract_targets(plan, {"京津冀": "jjj"}.get)
    assert t.scope is None


@pytest.mark.parametrize(
    ("clause", "indicators", "direction"),
    [
        (
            "PM2.5为首要污染物的重度污染天气和劣Ⅴ类水体、黑臭水体基本消除",
            ["heavy-pollution-days", "inferior-v-water", "black-odorous-water"],
            "Eliminate",
        ),
        ("基本消除重污染天气", ["heavy-pollution-days"], "Eliminate"),
        ("城市建成区黑臭水体动态清零", ["black-odorous-water"], "Eliminate"),
        (
            "地下水和近岸海域水质保持稳定",
            ["groundwater-quality", "coastal-water-quality"],
            "Maintain",
        ),
        ("区域生态质量指数(EQI)基本稳定", ["eqi"], "Maintain"),
        ("主要污染物排放总量持续减少", ["pollutant-emissions"], "Decrease"),
        ("区域煤炭消费总量保持下降趋势", ["coal-consumption"], "Decrease"),
        ("优良水体比例持续提升", ["good-water-ratio"], "Increase"),
        ("二氧化碳排放总量基本达峰", ["co2-emissions-peak"], None),
        ("力争实现区域各类码头泊位标准化岸电设施全覆盖", ["shore-power-coverage"], None),
        ("“无废城市”建设全覆盖", ["zero-waste-city-coverage"], None),
        ("淮河水质保持Ⅲ类", ["water-quality-class"], "Maintain"),
        (
            "受污染耕地和建设用地安全利用得到有效保障",
            ["polluted-farmland-safe-use-rate", "contaminated-land-safe-use-rate"],
            None,
        ),
    ],
)
def test_qualitative_targets(clause: str, indicators: list[str], direction: str | None) -> None:
    found = targets_of("二、任务\n(一)任务。到2027年," + clause + "。")
    assert [t.indicator.id for t in found] == indicators
    assert {t.direction for t in found} == {direction}
    assert {(t.value, t.unit, t.comparator) for t in found} == {(None, None, None)}
    assert {t.quote.text for t in found} == {clause}


@pytest.mark.parametrize(
    "clause",
    [
        "生态环境质量全面改善",
        "区域生态环境质量显著改善",
        "生态系统更加稳定",
        "区域生态安全屏障更加稳固",
        "绿色生产生活方式广泛形成",
        "形成一批城市、园区减污降碳协同创新样板",
        "太湖、巢湖水生态环境持续改善",
        "空气质量在全国城市群持续领先",
        "供水和饮水安全得到保障",
        "生态环境质量稳步提升",
        "臭氧浓度下降趋势得到扭转",
        "用水总量增长得到控制",
    ],
)
def test_vague_or_unmeasured_clauses_are_no_targets(clause: str) -> None:
    assert targets_of("二、任务\n(一)任务。到2027年," + clause + "。") == []


def test_qualitative_targets_need_a_target_year() -> None:
    assert targets_of("二、任务\n(一)任务。确保地下水环境质量保持稳定。") == []


def test_owners() -> None:
    found = targets_of(
        "为推进工作,制定本方案。\n"
        "一、总体要求\n"
        "到2027年,PM2.5浓度降至30微克/立方米。\n"
        "二、重点任务\n"
        "到2027年,森林覆盖率达到30%。\n"
        "(一)任务。到2027年,湿地保护率达到55%。\n"
        "(二)任务。到2027年,建成2个“无废城市”。"
    )
    assert [t.owner for t in found] == [
        model.Owner("plan"),
        model.Owner("section", "2"),
        model.Owner("task", "1"),
        model.Owner("task", "2"),
    ]
    goals = targets_of(
        "一、工作安排\n(一)任务。到2027年,森林覆盖率达到30%。\n"
        "二、主要目标\n到2027年,湿地保护率达到55%。"
    )
    assert [t.owner for t in goals] == [model.Owner("task", "1"), model.Owner("plan")]


def test_a_subject_left_out_is_the_previous_targets() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到2027年,PM2.5浓度降至30微克/立方米,力争达到28微克/立方米。"
    )
    assert [(t.indicator.id, t.value, t.aspirational) for t in found] == [
        ("pm25", Decimal(30), False),
        ("pm25", Decimal(28), True),
    ]


def test_list_items_continue_the_year_of_the_paragraph_that_announces_them() -> None:
    found = targets_of(
        "一、总体要求\n(二)主要目标。到2025年,主要目标是:\n"
        "——单位地区生产总值能耗和二氧化碳排放分别下降14%和18%;\n"
        "——森林覆盖率达到30%。\n"
        "二、重点任务\n(一)任务。湿地保护率达到31%。"
    )
    rows = [(t.indicator.id, t.value, t.target_year, t.owner.kind) for t in found]
    assert rows == [
        ("energy-intensity", Decimal(14), 2025, "plan"),
        ("carbon-intensity", Decimal(18), 2025, "plan"),
        ("forest-coverage", Decimal(30), 2025, "plan"),
        ("wetland-protection-rate", Decimal(31), None, "task"),
    ]
    assert found[0].quote.text == "单位地区生产总值能耗和二氧化碳排放分别下降14%和18%"


@pytest.mark.parametrize(
    ("clause", "indicator", "comparator", "direction"),
    [
        ("县级城市建成区黑臭水体消除比例达到90%", "black-odorous-water", "Exactly", None),
        ("港口集装箱铁水联运量年均增长15%以上", "港口集装箱铁水联运量", "AtLeast", "Increase"),
        ("全省新能源装机规模突破1亿千瓦", "renewable-capacity", "Above", None),
        (
            "城市生活污水集中收集率由2020年的60%提高到70%以上",
            "sewage-collection-rate",
            "AtLeast",
            "Increase",
        ),
    ],
)
def test_verbs_inside_names(
    clause: str, indicator: str, comparator: str, direction: str | None
) -> None:
    t = one(clause)
    assert indicator in (t.indicator.id, t.indicator.label_zh)
    assert (t.comparator, t.direction) == (comparator, direction)


def test_elliptical_rate_takes_its_name_from_the_clause_before() -> None:
    found = targets_of("二、任务\n(一)任务。到2027年,推进美丽海湾建设,建成率达到40%。")
    assert [t.indicator.id for t in found] == ["beautiful-bays-rate"]


def test_unlisted_indicator_gets_a_label_and_a_pinyin_slug() -> None:
    t = one("城市污泥无害化处置率达到95%")
    assert t.indicator.label_zh == "城市污泥无害化处置率"
    assert t.indicator.id == "cheng-shi-wu-ni-wu-hai-hua-chu-zhi-lv"
    counted = one("新建污水处理厂5座")
    assert counted.indicator.label_zh == "新建污水处理厂"
    assert (counted.unit, counted.count_noun) == ("pg:Count", "座")


def test_past_years_are_status_but_the_plan_year_is_a_target() -> None:
    found = targets_of("二、任务\n(一)任务。2025年,森林覆盖率达到30%。", year=2025)
    assert [t.target_year for t in found] == [2025]
    assert targets_of("二、任务\n(一)任务。2023年,森林覆盖率达到30%。", year=2025) == []


# --------------------------------------------------------------------------- the table


def test_indicator_table_is_well_formed() -> None:
    table = load_indicators()
    ids = [i.id for i in table.indicators]
    assert len(ids) == len(set(ids))
    for ind in table.indicators:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", ind.id), ind.id
        assert ind.label_zh and ind.label_en
    owners: dict[str, str] = {}
    for key, ind in table.patterns:
        assert owners.setdefault(key, ind.id) == ind.id, f"{key} names two indicators"
    for required in [
        "pm25",
        "good-water-ratio",
        "beautiful-rivers-lakes-rate",
        "beautiful-bays-rate",
        "beautiful-villages-county-ratio",
        "clean-transport-ratio",
        "zero-waste-cities-built",
        "zero-waste-city-coverage",
        "green-factories",
        "renewable-share",
        "non-fossil-share",
        "vocs-substitution-projects",
        "species-protection-rate",
        "nev-share-new-vehicles",
        "eqi",
        "heavy-pollution-days",
        "inferior-v-water",
        "black-odorous-water",
        "groundwater-quality",
        "coastal-water-quality",
        "pollutant-emissions",
        "carbon-intensity",
        "co2-emissions-peak",
        "shore-power-coverage",
        "water-quality-class",
        "coal-consumption",
    ]:
        assert required in ids


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("二氧化碳排放总量达峰", "co2-emissions-peak"),
        ("二氧化碳排放总量", "co2-emissions"),
        ("“无废城市”建设比例", "zero-waste-city-coverage"),
        ("建成“无废城市”", "zero-waste-cities-built"),
        ("细颗粒物(PM2.5)年均浓度", "pm25"),
        ("劣V类水体", "inferior-v-water"),
        ("地表水国控断面水质优良(达到或好于Ⅲ类)比例", "good-water-ratio"),
    ],
)
def test_indicator_matching_prefers_the_longest_name(text: str, indicator: str) -> None:
    found = load_indicators().match(text)
    assert found is not None and found.id == indicator


def test_slugify_is_ascii() -> None:
    assert slugify("危险废物填埋处置量占比") == "wei-xian-fei-wu-tian-mai-chu-zhi-liang-zhan-bi"
    assert slugify("“无废城市”(PM2.5)") == "wu-fei-cheng-shi"
    assert re.fullmatch(r"[a-z0-9-]+", slugify("重点行业VOCs排放量"))


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "line",
    [
        "到2027年" + "PM2.5浓度降至30微克/立方米以上和" * 5000,
        "到2027年," + "优良水体比例达到80%," * 5000,
        "北京天津河北" * 20000,
        "到2027年“" + "达到80%" * 10000,
        "到2027年" + "(" * 20000 + "达到80%",
        "2027年至2028年" * 5000,
        "到2027年," + "北京、" * 10000 + "PM2.5浓度降至30微克/立方米",
        "到2027年," + "1" * 100000 + "%",
        "到2027年," + "一二三" * 30000 + "个",
        "到2027年," + "的" * 50000 + "浓度降至30微克/立方米",
        "到2027年," + "提高下降保持消除" * 10000 + "30%",
        "到2027年," + "优良水体比例和" * 10000 + "保持稳定",
    ],
    ids=lambda line: line[:12],
)
def test_enormous_lines_stay_fast(line: str) -> None:
    plan = plan_from_text("一、总体要求\n" + line)
    # CPU time of this process, not the wall clock: a busy machine does not make it fail,
    # a quadratic or backtracking pass (minutes on these lines) still does
    start = time.process_time()
    targets = extract_targets(plan, resolve)
    assert time.process_time() - start < 5.0  # linear: well under a second here
    for t in targets[:50]:
        assert plan.text[t.quote.start : t.quote.end] == t.quote.text


# --------------------------------------------------------------------------- more of the genre


@pytest.mark.parametrize(
    ("clause", "value", "comparator", "direction"),
    [
        ("清洁取暖率达到四分之三", "75", "Exactly", None),
        ("清洁能源装机比重达到三分之一以上", "33.33", "AtLeast", None),
        ("新能源汽车保有量较2020年翻一番", "100", "Exactly", "Increase"),
        ("新能源汽车保有量翻两番", "300", "Exactly", "Increase"),
        ("公共机构能耗下降两成", "20", "Exactly", "Decrease"),
        ("公共机构能耗下降两成以上", "20", "AtLeast", "Decrease"),
        ("绿色出行比例达到百分之七十以上", "70", "AtLeast", None),
        ("新建城市绿道约2000公里", "2000", "About", None),
        ("重度及以上污染天数比率不超过0.5%", "0.5", "AtMost", None),
        ("PM10平均浓度低于70微克/立方米", "70", "Below", None),
        ("秸秆综合利用率稳定在92%以上", "92", "AtLeast", "Maintain"),
    ],
)
def test_shares_multiples_and_words_before_the_number(
    clause: str, value: str, comparator: str, direction: str | None
) -> None:
    (t,) = targets_of(f"二、任务\n(一)任务。到2025年,{clause}。")
    assert (t.value, t.unit, t.comparator, t.direction) == (
        Decimal(value),
        "qudt:PERCENT"
        if "%" in clause or "之" in clause or "番" in clause or "成" in clause
        else t.unit,
        comparator,
        direction,
    )


def test_a_list_of_years_gives_each_value_its_year() -> None:
    found = targets_of(
        "二、任务\n(一)任务。2023年、2024年、2025年,岸电设施使用率分别达到40%、50%、60%。"
        "到2025年和2030年,非化石能源消费比重分别达到20%和25%。",
        year=2022,
    )
    assert [(t.value, t.target_year) for t in found] == [
        (40, 2023),
        (50, 2024),
        (60, 2025),
        (20, 2025),
        (25, 2030),
    ]


def test_five_year_plan_periods_are_years() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到“十四五”末,森林覆盖率达到42.6%。"
        "“十四五”期间,累计完成造林绿化150万亩。"
        "到2027年,碳排放强度比“十三五”末降低18%。"
        "到“十五五”末,湿地保护率提高到60%。",
        year=2022,
    )
    assert [(t.value, t.target_year, t.base_year) for t in found] == [
        (Decimal("42.6"), 2025, None),
        (150, 2025, None),
        (18, 2027, 2020),
        (60, 2030, None),
    ]


def test_goals_go_on_in_paragraphs_without_a_year() -> None:
    body = (
        "一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n"
        "到2027年,全省生态环境质量保持全国领先。\n"
        "空气质量优良天数比率保持在98%以上。\n"
        "到2030年,森林覆盖率达到66%。\n"
        "二、任务\n(一)任务。到2027年,湿地保护率达到60%。"
    )
    found = targets_of(body)
    assert [(t.value, t.target_year, t.owner.kind) for t in found] == [
        (98, 2027, "plan"),
        (66, 2030, "plan"),
        (60, 2027, "task"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "到2025年,完成全省2000吨/日以下水泥熟料生产线整合退出。",
        "到2025年,县级城市基本淘汰每小时10蒸吨及以下燃煤锅炉。",
        "沿江1公里范围内不得新建、扩建化工园区和化工项目。",
        "到2025年,严禁新建35蒸吨以下燃煤锅炉。",
    ],
)
def test_sizes_and_rules_are_no_targets(sentence: str) -> None:
    found = targets_of(f"二、任务\n(一)任务。{sentence}")
    assert [t.value for t in found if t.value is not None] == []
    if "不得" in sentence or "严禁" in sentence:
        assert found == []  # a standing rule commits to nothing


def test_a_size_inside_a_commitment_leaves_the_commitment() -> None:
    task = "二、任务\n(一)任务。到2025年,"
    (done,) = targets_of(task + "完成全省2000吨/日以下水泥熟料生产线整合退出。")
    assert (done.value, done.state, done.target_year) == (None, "Completed", 2025)
    assert done.indicator.label_zh == "2000吨/日以下水泥熟料生产线整合退出"
    (gone,) = targets_of(task + "县级城市基本淘汰每小时10蒸吨及以下燃煤锅炉。")
    assert (gone.value, gone.state, gone.scope_text) == (None, "Eliminated", None)


def test_an_attribute_inside_the_subject_is_no_target() -> None:
    (t,) = targets_of(
        "二、任务\n(一)任务。到2025年,城市污水处理厂进水生化需氧量(BOD)浓度高于100毫克/升的"
        "规模达到70%以上。"
    )
    assert (t.value, t.comparator) == (70, "AtLeast")


def test_scope_of_a_place_list_or_water_body_does_not_carry() -> None:
    found = targets_of(
        "二、任务\n(一)任务。到2027年,深圳、广州PM2.5浓度分别降至19、17微克/立方米以下,"
        "全省重度污染天数比率不超过0.5%。"
        "到2027年,太湖水质保持Ⅲ类,重点湖泊水生植被覆盖度提高5个百分点。"
        "到2027年,北京PM2.5浓度降至30微克/立方米,全市重度污染天数比率不超过1%。"
    )
    assert [(t.value, t.scope) for t in found] == [
        (19, "shenzhen"),
        (17, "guangzhou"),
        (Decimal("0.5"), None),
        (None, "taihu-lake"),
        (5, None),
        (30, "bj"),
        (1, None),
    ]


def test_an_elliptical_place_type_takes_the_previous_measure() -> None:
    a, b = targets_of("二、任务\n(一)任务。到2025年,县城污水处理率达到95%,建制镇达到70%。")
    assert a.indicator == b.indicator and b.value == 70


# --------------------------------------------------------------------------- scope rules


def test_abbreviations_with_a_count_distribute() -> None:
    found = real_targets(
        "二、任务\n(一)任务。到2027年,苏浙两省森林覆盖率分别达到25%、62%。"
        "到2027年,晋冀鲁豫四省PM2.5浓度分别降至40、38、39、42微克/立方米。"
    )
    assert [(t.scope, str(t.value)) for t in found] == [
        ("jiangsu", "25"),
        ("zhejiang", "62"),
        ("shanxi", "40"),
        ("hebei", "38"),
        ("shandong", "39"),
        ("henan", "42"),
    ]
    assert found[0].indicator.id == found[1].indicator.id


def test_abbreviations_need_the_count_to_match() -> None:
    # three characters, "两省": not a run of abbreviations
    found = real_targets("二、任务\n(一)任务。到2027年,苏浙沪两省森林覆盖率分别达到25%、62%。")
    assert {t.scope for t in found} == {None}


def test_counted_list_of_places_skips_the_count() -> None:
    (a, b) = real_targets("二、任务\n(一)任务。到2027年,河北、山西两省湿地保护率分别达到50%、55%。")
    assert (a.scope, b.scope) == ("hebei", "shanxi")
    assert "两省" not in a.indicator.label_zh


def test_land_type_zone_is_no_scope() -> None:
    (t,) = real_targets("二、任务\n(一)任务。到2027年,东北黑土区治理侵蚀沟不少于5000条。")
    assert t.scope is None
    # an administrative unit before the zone word stays the scope
    (u,) = real_targets("二、任务\n(一)任务。到2027年,河北山区森林覆盖率达到40%。")
    assert u.scope == "hebei"


def test_water_bodies_in_a_list_scope_their_quality() -> None:
    found = real_targets(
        "二、任务\n(一)任务。到2027年,南渡江、昌化江、万泉河干流水质稳定保持Ⅱ类。", "海南"
    )
    assert [t.scope for t in found] == ["nandujiang", "changhuajiang", "wanquanhe"]
    assert {t.direction for t in found} == {"Maintain"}


def test_water_body_named_in_the_subject_scopes_it() -> None:
    (t,) = real_targets("二、任务\n(一)任务。到2027年,推动松花江干流水质稳定达到Ⅱ类。")
    assert t.scope == "songhuajiang"
    assert t.direction == "Maintain"


def test_curbed_rise_is_a_qualitative_target() -> None:
    (t,) = real_targets("二、任务\n(一)任务。到2027年,全省二氧化氮浓度上升势头基本遏制。")
    assert (t.value, t.direction, t.scope, t.target_year) == (None, None, None, 2027)
    assert t.indicator.label_zh == "二氧化氮浓度上升势头"
