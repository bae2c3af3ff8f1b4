"""The shared vocabulary (``plangraph.vocab``) entry by entry, and the closed sets of
``plangraph.model`` against the ontology and shapes that are their authority."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from plangraph import model, vocab
from plangraph.extract import agencies, gazetteer
from plangraph.extract.places import words
from plangraph.extract.targets import numbers, unit_words
from plangraph.graph import _RECURRENCE
from plangraph.read import area, release, structure
from plangraph.read.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
PG = rdflib.Namespace("https://w3id.org/plangraph/ontology#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


# --------------------------------------------------------------------------- character widths


@pytest.mark.parametrize(
    ("wide", "ascii_"),
    [
        ("，", ","),  # the comma of every Chinese sentence
        ("（", "("),
        ("）", ")"),
        ("：", ":"),
        ("；", ";"),
        ("％", "%"),
        ("０", "0"),
        ("９", "9"),
        ("Ａ", "A"),
        ("ｚ", "z"),
        ("！", "!"),
        ("～", "~"),  # the last full-width ASCII form, U+FF5E
        ("\u3000", " "),  # the ideographic space of indented paragraphs
    ],
)
def test_half_width(wide: str, ascii_: str) -> None:
    assert wide.translate(vocab.HALF_WIDTH) == ascii_
    assert len(vocab.HALF_WIDTH) == 94 + 1  # U+FF01 … U+FF5E and U+3000, nothing else


@pytest.mark.parametrize("keep", ["、", "。", "“", "”", "《", "》", "—", "…", "·", "〔", "〕"])
def test_half_width_keeps_chinese_punctuation(keep: str) -> None:
    assert keep.translate(vocab.HALF_WIDTH) == keep


@pytest.mark.parametrize("space", ["\u00a0", "\u2002", "\u2003", "\u2009"])
def test_other_spaces(space: str) -> None:
    assert space.translate(vocab.OTHER_SPACES) == " "
    assert normalize(f"大气{space}治理", "x.txt").lines == ("大气 治理",)


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\ufeff"])
def test_invisible(invisible: str) -> None:
    assert f"碳{invisible}达峰".translate(vocab.INVISIBLE) == "碳达峰"
    assert normalize(f"碳{invisible}达峰", "x.txt").lines == ("碳达峰",)


# --------------------------------------------------------------------------- Chinese numerals


@pytest.mark.parametrize(
    ("char", "value"), list(zip("一二三四五六七八九", range(1, 10), strict=True))
)
def test_one_to_nine(char: str, value: int) -> None:
    assert vocab.ONE_TO_NINE.index(char) + 1 == value
    assert vocab.cn_number(char) == value  # cn2an reads it the same


@pytest.mark.parametrize(
    ("text", "value"), [("十", 10), ("十七", 17), ("二十二", 22), ("九十九", 99)]
)
def test_one_to_ten(text: str, value: int) -> None:
    assert re.fullmatch(f"[{vocab.ONE_TO_TEN}]{{1,3}}", text)
    assert vocab.cn_number(text) == value


@pytest.mark.parametrize(
    ("digit", "value"), list(zip("〇一二三四五六七八九", range(10), strict=True))
)
def test_digits(digit: str, value: int) -> None:
    assert vocab.DIGITS[value] == digit
    assert digit.translate(vocab.DIGIT_VALUES) == str(value)


@pytest.mark.parametrize("zero", ["〇", "零", "○"])
def test_zeros(zero: str) -> None:
    assert vocab.cn_year(f"二{zero}二五") == 2025


@pytest.mark.parametrize(
    ("entry", "printed", "value"),
    [
        ("两", "两千", 2000),
        ("十", "十", 10),
        ("百", "一百", 100),
        ("千", "三千", 3000),
        ("万", "一万", 10_000),
        ("亿", "一亿", 100_000_000),
    ],
)
def test_liang_and_multipliers(entry: str, printed: str, value: int) -> None:
    import cn2an

    assert entry in vocab.LIANG + vocab.MULTIPLIERS and entry in printed
    assert cn2an.cn2an(printed, "smart") == value


@pytest.mark.parametrize(
    ("printed", "count"),
    [
        ("围绕六个方面", 6),
        ("提出二十二项重点任务", 22),
        ("等十七个部门", 17),
        ("一百零五项", 105),
    ],
)
def test_count_numerals(printed: str, count: int) -> None:
    run = re.search(f"[{vocab.COUNT_NUMERALS}]+", printed)
    assert run is not None
    assert vocab.cn_number(run.group()) == count


@pytest.mark.parametrize(
    ("printed", "run"),
    [("新建二十个", "二十"), ("两千个", "两千"), ("三百五十万", "三百五十万"), ("零排放", "零")],
)
def test_numerals(printed: str, run: str) -> None:
    found = re.search(f"[{vocab.NUMERALS}]+", printed)
    assert found is not None and found.group() == run
    assert numbers.NUMERAL.search("建成两千个") is not None


@pytest.mark.parametrize(("printed", "year"), [("二〇二一", 2021), ("二零三五", 2035)])
def test_year_numerals(printed: str, year: int) -> None:
    assert re.fullmatch(f"[{vocab.YEAR_NUMERALS}]{{4}}", printed)
    assert vocab.cn_year(printed) == year


# --------------------------------------------------------------------------- years and dates


@pytest.mark.parametrize(
    ("text", "is_year"),
    [
        ("2025", True),
        ("1998", True),
        ("2035", True),
        ("1899", False),
        ("2125", False),
        ("25", False),
    ],
)
def test_year(text: str, is_year: bool) -> None:
    assert bool(re.fullmatch(vocab.YEAR, text)) is is_year


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二〇二一年十二月二十日", "2021-12-20"),  # a signature's date
        ("二〇二二年五月", "2022-05"),  # a cover's
        ("二零二三年一月三日", "2023-01-03"),
        ("二○二一年五月", None),  # the typed circle is not read in a release date (yet)
    ],
)
def test_cn_date(text: str, iso: str | None) -> None:
    assert bool(re.fullmatch(vocab.CN_DATE, text)) is (iso is not None)
    assert release.parse_date(text) == iso


@pytest.mark.parametrize(
    ("printed", "numeral", "end"),
    [("“十三五”", "三", 2020), ("十四五", "四", 2025), ("“十五五”时期", "五", 2030)],
)
def test_five_year_plan(printed: str, numeral: str, end: int) -> None:
    m = re.search(vocab.FIVE_YEAR_PLAN, printed)
    assert m is not None and m.group("n") == numeral
    assert vocab.five_year_plan_end(numeral) == end


# --------------------------------------------------------------------------- level words


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("香港特别行政区", "特别行政区"),
        ("新疆维吾尔自治区", "维吾尔自治区"),
        ("广西壮族自治区", "壮族自治区"),
        ("宁夏回族自治区", "回族自治区"),
        ("内蒙古自治区", "自治区"),
        ("山东省", "省"),
        ("上海市", "市"),
    ],
)
def test_province_suffixes(name: str, suffix: str) -> None:
    # the first level word that ends the name is its own: 维吾尔自治区 before 自治区
    assert next(s for s in vocab.PROVINCE_SUFFIXES if name.endswith(s)) == suffix


@pytest.mark.parametrize(("full", "short", "_id"), area.PROVINCES)
def test_every_province_ends_with_a_province_suffix(full: str, short: str, _id: str) -> None:
    level = next((s for s in vocab.PROVINCE_SUFFIXES if full.endswith(s)), None)
    assert level is not None, full
    assert full.startswith(short)


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("张家口崇礼区", "区"),
        ("重庆忠县", "县"),
        ("韶关南雄市", "市"),
        ("东营市史口镇", "镇"),
        ("某某县某某乡", "乡"),
        ("某某区某某街道", "街道"),
        ("清水河县老牛湾村", "村"),
        ("某某旗某某嘎查", "嘎查"),
        ("某某旗某某苏木", "苏木"),
    ],
)
def test_below_province_suffixes(name: str, suffix: str) -> None:
    assert suffix in words.BELOW_PROVINCE_SUFFIXES
    assert name.endswith(suffix)
    kind, _ = words.SUFFIXES[suffix]  # the suffix pattern reads an administrative area
    assert kind in model.ADMINISTRATIVE_KINDS
    assert suffix not in vocab.PROVINCE_SUFFIXES or suffix == "市"  # 市 ends both levels


@pytest.mark.parametrize(
    ("name", "word", "kind"),
    [
        ("香港特别行政区", "特别行政区", "Province"),
        ("内蒙古自治区", "自治区", "Province"),
        ("延边朝鲜族自治州", "自治州", "City"),
        ("长阳土家族自治县", "自治县", "District"),
        ("山西省", "省", "Province"),
        ("巴中市", "市", "City"),
        ("忠县", "县", "District"),
        ("恩阳区", "区", "District"),
        ("锡林郭勒盟", "盟", "City"),
        ("四子王旗", "旗", "District"),
    ],
)
def test_division_level_words(name: str, word: str, kind: str) -> None:
    assert next(w for w in vocab.DIVISION_LEVEL_WORDS if name.endswith(w)) == word
    assert kind in {p.kind for p in gazetteer.places_named(name)}  # a real division
    # an agency's English names the level of each word it knows (省 -> Provincial)
    assert set(agencies._LEVEL_WORD) <= set(vocab.DIVISION_LEVEL_WORDS)


@pytest.mark.parametrize(
    ("name", "end"),
    [
        ("山东省发展和改革委员会", "委员会"),
        ("山西省生态环境厅", "厅"),
        ("巴中市统计局", "局"),
        ("巴中市发展改革委", "委"),
        ("江苏省应对气候变化工作领导小组办公室", "办公室"),
        ("恩阳区河长办", "办"),
    ],
)
def test_department_ends(name: str, end: str) -> None:
    assert next(e for e in vocab.DEPARTMENT_ENDS if name.endswith(e)) == end
    assert release._LOCAL_BODY.fullmatch(name)
    found = agencies._LOCAL_DEPARTMENT.match(name)
    assert found is not None and found["kind"] == end


@pytest.mark.parametrize(
    ("name", "end"),
    [
        ("山西省人民政府办公厅", "人民政府办公厅"),
        ("上海市人民政府办公室", "人民政府办公室"),
        ("山西省人民政府", "人民政府"),
        ("国务院办公厅", "办公厅"),
        ("国务院研究室", "室"),
        ("国家发展和改革委员会", "委员会"),
        ("中共中央", "中央"),
        ("国务院", "国务院"),
        ("国家市场监督管理总局", "总局"),
        ("中国人民银行", "银行"),
        ("国家发展改革委", "委"),
        ("生态环境部", "部"),
        ("国家能源局", "局"),
        ("海关总署", "署"),
        ("中国科学院", "院"),
        ("国务院扶贫办", "办"),
        ("中华全国总工会", "会"),
    ],
)
def test_agency_ends(name: str, end: str) -> None:
    assert end in release.AGENCY_ENDS
    assert next(e for e in release.AGENCY_ENDS if name.endswith(e)) == end
    assert release._AGENCY_NAME.match(name)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("京津冀生态环境保护2025年行动方案", "方案"),
        ("巴中市“十四五”生态环境保护规划", "规划"),
        ("农业农村减排固碳实施方案", "方案"),
        ("减污降碳协同增效行动计划", "计划"),
        ("长江经济带发展规划纲要", "规划纲要"),
        ("全国生态环境监测纲要", "纲要"),
        ("关于深入打好污染防治攻坚战的意见", "意见"),
        ("排污许可管理办法", "办法"),
        ("关于印发某某方案的通知", "通知"),
        ("河长制工作实施细则", "实施细则"),
        ("碳达峰碳中和技术路线图", "路线图"),
        ("国家适应气候变化战略2035", "战略"),
    ],
)
def test_plan_kinds(title: str, kind: str) -> None:
    assert kind in structure.PLAN_KINDS
    assert structure._TITLE_LINE.match(title)
    assert not structure._TITLE_LINE.match(title.replace(kind, "工作"))


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (["开发区", "高新技术产业开发区", "新区"], "高新技术产业开发区|开发区|新区"),
        (["超过", "不超过"], "不超过|超过"),
        (("μg/m3", "%"), r"μg/m3|%"),
        (["PM2.5"], r"PM2\.5"),
    ],
)
def test_alternation(words: list[str], pattern: str) -> None:
    assert vocab.alternation(words) == pattern
    longest = max(words, key=len)
    assert re.match(vocab.alternation(words), longest + "后").group() == longest  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["黄河", "黄河流域", "淮河"], "推进黄河流域生态保护", ["黄河流域"]),  # the longest
        (["黄河", "黄河流域", "淮河"], "黄河、淮河", ["黄河", "淮河"]),
        (
            ["长江", "长江经济带", "长江三角洲"],
            "长江三角洲和长江经济带",
            ["长江三角洲", "长江经济带"],
        ),
        (["pm2.5", "vocs"], "PM2.5和VOCs协同控制", []),  # case matters unless asked
        (["区", "a+b", "[x]"], "a+b区[x]", ["a+b", "区", "[x]"]),  # escaped, classes too
    ],
)
def test_trie_pattern(words: list[str], text: str, found: list[str]) -> None:
    assert [m.group() for m in re.finditer(vocab.trie_pattern(words), text)] == found


@pytest.mark.parametrize(
    ("text", "found"), [("PM2.5和VOCs", ["PM2.5", "VOCs"]), ("pm2.5与vocs", ["pm2.5", "vocs"])]
)
def test_trie_pattern_either_case(text: str, found: list[str]) -> None:
    pattern = vocab.trie_pattern(["pm2.5", "vocs"], either_case=True)
    assert [m.group() for m in re.finditer(pattern, text)] == found


# --------------------------------------------------------------------------- pinyin


@pytest.mark.parametrize(
    ("name", "place_slug", "plain_slug"),
    [
        ("长沙", "changsha", "changsha"),
        ("漯河", "luohe", "tahe"),
        ("苕溪", "tiaoxi", "shaoxi"),
        ("霍林郭勒", "huolinguole", None),
        ("蚌埠", "bengbu", "bengbu"),
        ("朝阳", "chaoyang", "zhaoyang"),
        ("闵行", "minhang", "minxing"),
        ("昌都", "changdu", "changdou"),
        ("六安", "luan", "luan"),
    ],
)
def test_place_readings(name: str, place_slug: str, plain_slug: str | None) -> None:
    assert vocab.slugify(name) == place_slug
    if plain_slug is not None:
        assert vocab.slugify(name, place_name=False) == plain_slug
    covered = set(vocab.PLACE_CHAR_READINGS) | set(vocab.PLACE_PHRASE_READINGS)
    assert any(word in name for word in covered) or name == "长沙"


@pytest.mark.parametrize(
    ("text", "kwargs", "slug"),
    [
        ("新港山", {}, "xingangshan"),
        (
            "危险废物填埋处置量",
            {"sep": "-", "place_name": False},
            "wei-xian-fei-wu-tian-mai-chu-zhi-liang",
        ),
        ("PM2.5浓度", {"sep": "-", "place_name": False}, "pm2-5-nong-du"),
        ("G20峰会", {}, "g20fenghui"),
        ("G20峰会", {"place_name": False, "hanzi_only": True}, "fenghui"),
        ("", {}, "x"),
        ("", {"default": "plan"}, "plan"),
    ],
)
def test_slugify(text: str, kwargs: dict[str, object], slug: str) -> None:
    assert vocab.slugify(text, **kwargs) == slug  # type: ignore[arg-type]


def test_romanize() -> None:
    assert vocab.romanize("新港山") == "Xingangshan"
    assert vocab.romanize("长治") == "Changzhi"


# --------------------------------------------------------------------------- closed sets


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in ("plangraph.ttl", "units.ttl", "shapes.ttl"):
        graph.parse(ROOT / "ontology" / name, format="turtle")
    return graph


def _local(term: rdflib.term.Node) -> str:
    return str(term).removeprefix(str(PG))


def _shape_values(graph: rdflib.Graph, path: rdflib.URIRef) -> set[str]:
    """The values ``sh:in`` allows on ``path``."""
    for prop in graph.subjects(SH.path, path):
        for listed in graph.objects(prop, SH["in"]):
            return {_local(v) for v in rdflib.collection.Collection(graph, listed)}
    raise AssertionError(f"no sh:in on {path}")


def test_place_kinds_are_the_ontology_place_classes(ontology: rdflib.Graph) -> None:
    classes = {
        _local(c)
        for c in ontology.subjects(RDF.type, OWL.Class)
        if PG.Place in set(ontology.transitive_objects(c, RDFS.subClassOf)) and c != PG.Place
    }
    assert classes - {"AdministrativeArea"} == model.PLACE_KINDS  # abstract: never a kind


def test_administrative_kinds_are_its_subclasses(ontology: rdflib.Graph) -> None:
    below = {_local(c) for c in ontology.subjects(RDFS.subClassOf, PG.AdministrativeArea)}
    assert below == model.ADMINISTRATIVE_KINDS
    assert model.DIVISION_KINDS < model.ADMINISTRATIVE_KINDS


@pytest.mark.parametrize(
    ("values", "cls"),
    [
        (model.COMPARATORS, PG.Comparator),
        (model.DIRECTIONS, PG.Direction),
        (model.STATES, PG.TargetState),
        (set(_RECURRENCE.values()), PG.Recurrence),
    ],
)
def test_individuals(ontology: rdflib.Graph, values: frozenset[str], cls: rdflib.URIRef) -> None:
    assert set(values) == {_local(i) for i in ontology.subjects(RDF.type, cls)}


def test_recurrences_are_all_written() -> None:
    assert set(_RECURRENCE) == model.RECURRENCES


@pytest.mark.parametrize(
    ("values", "path"),
    [
        (model.AGENCY_KINDS, PG.agencyKind),
        (model.NUMBERINGS, PG.numbering),
        (model.MEDIA_TYPES, rdflib.URIRef("http://purl.org/dc/terms/format")),
        (model.COMPARATORS, PG.comparator),
        (model.DIRECTIONS, PG.direction),
        (set(_RECURRENCE.values()), PG.recurrence),
    ],
)
def test_shapes_allow_the_closed_sets(
    ontology: rdflib.Graph, values: frozenset[str], path: rdflib.URIRef
) -> None:
    assert _shape_values(ontology, path) == set(values)


def test_unit_codes(ontology: rdflib.Graph) -> None:
    declared = {
        "pg:" + _local(u)
        for u in ontology.subjects(RDF.type, rdflib.URIRef("http://qudt.org/schema/qudt/Unit"))
    }
    pg_codes = {c for c in model.UNIT_CODES if c.startswith("pg:")}
    assert pg_codes == declared  # units.ttl declares exactly the pg: units targets write
    assert all(re.fullmatch(r"(?:qudt|pg):[A-Za-z0-9-]+", c) for c in model.UNIT_CODES)
    written = {
        *unit_words.UNITS.values(),
        *unit_words.MAGNITUDES.values(),
        unit_words.PG_COUNT,
        unit_words.PERCENT,
        unit_words.UNITLESS,
    }
    assert written == model.UNIT_CODES  # every code is one a printed unit is read as


def test_gazetteer_kinds_are_closed() -> None:
    assert {p.kind for p in gazetteer.places()} <= model.PLACE_KINDS
    assert {a.kind for a in gazetteer.agencies()} <= model.AGENCY_KINDS
    bad = "id\tname\taliases\tkind\tprovince\tname_en\nx\tX\t\tCounty\t\tX\n"
    with pytest.raises(gazetteer.GazetteerError, match=r"t\.tsv:2: unknown kind 'County'"):
        gazetteer.parse_places(bad, "t.tsv")


@pytest.mark.parametrize(
    ("text", "hanzi_only", "found"),
    [
        ("国发", False, "gf"),
        ("发改环资", False, "fghz"),
        ("G20峰会", False, "G20fh"),
        ("G20峰会", True, "fh"),
    ],
)
def test_initials(text: str, hanzi_only: bool, found: str) -> None:
    assert vocab.initials(text, hanzi_only=hanzi_only) == found


@pytest.mark.parametrize(("name", "slug"), [("芦溪河", "lu2xi1he2"), ("鹿溪河", "lu4xi1he2")])
def test_toned_slug(name: str, slug: str) -> None:
    assert vocab.slugify(name) == "luxihe"  # the toneless slugs of the two rivers are one
    assert vocab.toned_slug(name) == slug
