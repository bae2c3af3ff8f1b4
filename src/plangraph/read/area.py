"""The area a plan covers and its level of government, read from its title or its issuer, and
the readable id made from it.

The area is a region of ``data/regions.tsv`` (京津冀, 黄河流域 …), a province, city or county named
at the start of the title (山西省…, 支持宁夏…, 巴中市…, 昌黎县…), else the area of the issuing
government (X省人民政府), else the whole country (全国): national bodies and plans that name no
area cover China.  Never an arbitrary fragment of the title.  Nothing here knows about RDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ..model import AreaLevel
from ..vocab import slugify

NATIONAL = "全国"

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")

# --------------------------------------------------------------------------- areas

# province-level areas: full name, the short form titles use, and the id used in plan ids
PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("北京市", "北京", "beijing"),
    ("天津市", "天津", "tianjin"),
    ("河北省", "河北", "hebei"),
    ("山西省", "山西", "shanxi"),
    ("内蒙古自治区", "内蒙古", "neimenggu"),
    ("辽宁省", "辽宁", "liaoning"),
    ("吉林省", "吉林", "jilin"),
    ("黑龙江省", "黑龙江", "heilongjiang"),
    ("上海市", "上海", "shanghai"),
    ("江苏省", "江苏", "jiangsu"),
    ("浙江省", "浙江", "zhejiang"),
    ("安徽省", "安徽", "anhui"),
    ("福建省", "福建", "fujian"),
    ("江西省", "江西", "jiangxi"),
    ("山东省", "山东", "shandong"),
    ("河南省", "河南", "henan"),
    ("湖北省", "湖北", "hubei"),
    ("湖南省", "湖南", "hunan"),
    ("广东省", "广东", "guangdong"),
    ("广西壮族自治区", "广西", "guangxi"),
    ("海南省", "海南", "hainan"),
    ("重庆市", "重庆", "chongqing"),
    ("四川省", "四川", "sichuan"),
    ("贵州省", "贵州", "guizhou"),
    ("云南省", "云南", "yunnan"),
    ("西藏自治区", "西藏", "xizang"),
    ("陕西省", "陕西", "shaanxi"),
    ("甘肃省", "甘肃", "gansu"),
    ("青海省", "青海", "qinghai"),
    ("宁夏回族自治区", "宁夏", "ningxia"),
    ("新疆维吾尔自治区", "新疆", "xinjiang"),
    ("台湾省", "台湾", "taiwan"),
    ("香港特别行政区", "香港", "hongkong"),
    ("澳门特别行政区", "澳门", "macao"),
)
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_NATIONAL_BODIES = re.compile(
    r"^(?:中共中央|中国共产党中央|国务院|全国人民代表大会|全国人大|中央|国家|中华人民共和国)"
)
# words a title opens with before the area it names: 关于推进…, 支持宁夏建设…
_TITLE_LEAD = re.compile(r"^(?:关于|支持|推进|推动|加快|深入|全面|进一步|加强|促进|新时代)+")
_REGION_KIND = re.compile(
    r"^([^\s《》“”]{1,10}?(?:流域|经济带|城市群|都市圈|经济圈|新区|经济区|生态区|示范区))"
)
# a city named at the start (巴中市…, 阿拉善盟…); not 城市, 市场, 都市圈 or 市级
_CITY = re.compile(r"^([\u4e00-\u9fff]{1,6}?(?:自治州|市(?![场民政级圈群化域容辖内])|盟))")
_COUNTY = re.compile(r"^([\u4e00-\u9fff]{1,6}?(?:自治县|县|旗|区))(?=人民政府|$)")


@cache
def _regions() -> tuple[tuple[str, str, str], ...]:
    """(printed name, canonical name, id) of every region and alias in data/regions.tsv."""
    from ..resources import table

    names: list[tuple[str, str, str]] = []
    for row in table("data", "regions.tsv"):
        names.append((row["name"], row["name"], row["id"]))
        for alias in filter(None, row.get("aliases", "").split("|")):
            names.append((alias, row["name"], row["id"]))
    return tuple(sorted(names, key=lambda p: -len(p[0])))


@cache
def _divisions() -> tuple[dict[str, str], ...]:
    from ..resources import parse_table, read_text

    text = read_text("data", "divisions.tsv")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return parse_table(body, "data/divisions.tsv")


@cache
def _division_names() -> frozenset[str]:
    """The full names of every division of data/divisions.tsv (成都市, 昌黎县)."""
    return frozenset(row["name"] for row in _divisions())


@cache
def _county_names() -> frozenset[str]:
    """The full names of the county-level divisions of data/divisions.tsv (昌黎县, 崇明区),
    but for the names of two characters that are also everyday words (城区, 郊区, 矿区)."""
    return frozenset(
        row["name"] for row in _divisions() if row["kind"] == "District" and len(row["name"]) >= 3
    )


def _county_at(text: str) -> str | None:
    """The county, district or banner whose full name a title opens with."""
    names = _county_names()
    return next((text[:k] for k in range(8, 2, -1) if text[:k] in names), None)


def _province_at(text: str) -> tuple[str, int] | None:
    """The province-level area ``text`` opens with (full name or short form) and its length."""
    for full, _short, _ in PROVINCES:
        if text.startswith(full):
            return full, len(full)
    for full, short, _ in PROVINCES:
        if text.startswith(short) and not text.startswith(short + "市"):
            return full, len(short)
    return None


def _named_area(text: str) -> tuple[str, AreaLevel] | None:
    """The area a title or an issuing government's name opens with."""
    for name, canonical, _ in _regions():
        if text.startswith(name):
            return canonical, "regional"
    province = _province_at(text)
    rest = text
    if province is not None:
        rest = text[province[1] :]
    city = _CITY.match(rest)
    if city and not _REGION_KIND.match(rest):
        name = city.group(1)
        if name in _division_names() or not name.endswith(
            ("城市", "都市", "各市", "全市", "本市", "县市", "省市")
        ):  # 成都市 is a city, 城市 and 国际大都市 are none
            if province is not None and province[0] in _MUNICIPALITIES:
                return province[0], "provincial"
            return name, "municipal"
    county = _COUNTY.match(rest)
    if county and province is None:
        return county.group(1), "county"
    county_name = _county_at(text) if province is None else None
    if county_name is not None:  # 昌黎县碧水保卫战三年行动计划, 宁海县生态环境“十四五”规划
        return county_name, "county"
    if province is not None:
        level: AreaLevel = "provincial"
        return province[0], level
    region = _REGION_KIND.match(text)
    # (not a goal to build: 打造成渝城市群全域旅游目的地 names where the plan aims, not its area)
    if region and not re.match(
        r"^(?:现代化|现代|重点|国家级|各类|各|全国|我国|新型|打造|建设|创建|争创|构建|建成|共建)",
        text,
    ):
        return region.group(1), "regional"
    return None


def area_of(title: str, issuers: Sequence[str] = ()) -> tuple[str, AreaLevel]:
    """The area a plan covers and its level: from the title, else its issuer, else 全国."""
    subject = title
    if "关于" in subject:  # 国务院关于推进某地…的实施方案: the subject follows 关于
        subject = subject.split("关于", 1)[1]
    subject = subject.lstrip("•·・●○■□◆◇▪*-— \u3000")  # • 临汾市…
    subject = _TITLE_LEAD.sub("", re.sub(r"^(?:印发|转发)《?", "", subject))  # 关于印发成都市…
    # 2022年钟楼区…实施方案, a headline's 今年云南省将…
    subject = re.sub(r"^(?:(?:19|20)\d\d\s*年度?|今年|明年|近日|日前)", "", subject)
    found = _named_area(subject)
    if found is not None:
        return found
    if subject.startswith(("国家", "全国", "中国")):
        return NATIONAL, "national"
    for issuer in issuers:
        if _NATIONAL_BODIES.match(issuer) or not re.search(r"[省市县区州盟旗]", issuer[:8]):
            continue
        found = _named_area(issuer)
        if found is not None:
            return found
    # a news headline whose slogan comes first (树立“项目为王”理念 四川公路水路建设投资…,
    # 聚焦高质量发展:某市…): the area opens one of its later parts
    for part in re.split(r"[\s:—]+", subject)[1:]:
        found = _named_area(part)
        if found is not None:
            return found
    return NATIONAL, "national"


def _year_from_name(source: str) -> int | None:
    match = _YEAR.search(Path(source).name)
    return int(match.group(1)) if match else None


def region_slug(region: str) -> str:
    """A readable ASCII id for an area: its id in the regions table, china for 全国, the id of a
    province (宁夏回族自治区 -> ningxia), else the pinyin of its name without the level word
    (巴中市 -> bazhong, 松辽流域 -> songliaoliuyu)."""
    if region == NATIONAL:
        return "china"
    for name, canonical, region_id in _regions():
        if region == canonical and name == canonical:
            return region_id
    for full, short, slug in PROVINCES:
        if region in (full, short):
            return slug
    bare = re.sub(r"(?:特别行政区|自治区|自治州|自治县|省|市|地区|盟|县|旗)$", "", region)
    return slugify(bare or region, place_name=False, hanzi_only=True, default="plan")


def _plan_id(region: str, year: int | None) -> str:
    slug = region_slug(region)
    return f"{slug}-{year}" if year else slug
