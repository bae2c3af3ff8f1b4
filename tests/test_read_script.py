"""Plans printed in traditional characters: read in simplified ones, quoted as printed
(``read/script.py``, ``graph/printed.py``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import opencc
import pytest

from plangraph.api import build_corpus
from plangraph.extract import extract
from plangraph.graph import corpus_items
from plangraph.read import read_text
from plangraph.read.script import to_simplified

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt"
EXCERPTS = ROOT / "tests" / "realplans" / "excerpts10"
ZH = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
QUOTE = "https://w3id.org/plangraph/ontology#quote"


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_traditional(seed: str) -> str:
    """The seed as a portal's 繁體 version prints it."""
    printed: str = opencc.OpenCC("s2t.json").convert(seed)
    assert len(printed) == len(seed) and printed != seed
    return printed


def test_a_plan_in_simplified_characters_is_read_as_it_is(seed: str) -> None:
    assert to_simplified(seed) is None
    assert all(plan.printed is None for plan in read_text(seed, "seed.txt"))


def test_the_seed_printed_in_traditional_characters_gives_the_same_facts(
    seed: str, seed_traditional: str
) -> None:
    simple = read_text(seed, "seed.txt")
    printed = read_text(seed_traditional, "seed.txt")
    assert [p.title for p in printed] == [p.title for p in simple]
    assert [p.text for p in printed] == [p.text for p in simple]
    for plan in printed:
        assert plan.printed is not None and len(plan.printed) == len(plan.text)
        assert plan.printed in seed_traditional  # offset for offset, as the file prints it
        assert any("traditional characters" in c for c in plan.caveats)
    a, b = extract(simple), extract(printed)
    assert len(b.targets) == len(a.targets) == 84
    assert [(t.value, t.unit, t.target_year, t.indicator.id) for t in b.targets] == [
        (t.value, t.unit, t.target_year, t.indicator.id) for t in a.targets
    ]
    assert len(b.place_mentions) == 318
    assert [m.target for m in b.place_mentions] == [m.target for m in a.place_mentions]


def test_the_graph_quotes_the_printed_characters(seed_traditional: str) -> None:
    plans = read_text(seed_traditional, "seed.txt")
    items = corpus_items(build_corpus_from(plans))
    quotes = [o[0] for s, p, o in items if p == QUOTE]
    assert quotes and all(q in seed_traditional for q in quotes)
    assert "年均濃度降至33微克" in "".join(quotes)  # not 浓度
    labels = {o[0] for s, p, o in items if "/indicator/" in s and len(o) == 3 and o[2] == "zh"}
    assert any("濃度" in label for label in labels)
    # shared nodes keep their simplified names, so that plans in either script meet there,
    # and carry the printed ones as alternative labels in traditional script
    reservoir = {o for s, p, o in items if s.endswith("/place/miyunshuiku") and len(o) == 3}
    assert ("密云水库", ZH, "zh") in reservoir and ("密雲水庫", ZH, "zh-hant") in reservoir


def build_corpus_from(plans: tuple[object, ...]) -> object:
    from plangraph.model import Corpus

    return Corpus(plans, extract(plans))  # type: ignore[arg-type]


def test_a_traditional_notice_of_a_year_plan_is_read_and_quoted_as_printed() -> None:
    # excerpts10/25: 丽水 2020 annual plan, saved from a copy in traditional characters;
    # a notice that hands the plan down (关于下达…计划的通知) with its goals, no numbered parts
    path = next(EXCERPTS.glob("25-*.txt"))
    corpus = build_corpus([path])
    (plan,) = corpus.plans
    assert plan.id == "lishui-2020" and plan.region == "丽水市"
    found = {t.quote.text: t for t in corpus.extraction.targets}
    gdp = found["地区生产总值力争增长7.5%左右"]  # the extraction reads simplified characters
    assert gdp.value == Decimal("7.5") and gdp.target_year == 2020
    assert plan.printed is not None
    start, end = gdp.quote.start, gdp.quote.end
    assert plan.printed[start:end] == "地區生產總值力爭增長7.5%左右"


def test_a_pages_ruby_readings_are_not_read_as_its_text() -> None:
    from plangraph.read.html import extract as page_text

    lead = "为深入推进新型工业化,加快建设制造强市,结合本市实际,制定本行动计划。"
    page = (
        "<html><body><article><h1>济南市推进新型工业化行动计划</h1>"
        f"<p>{lead * 3}</p>"
        "<p>到2025年,<ruby>規<rp>(</rp><rt>guī</rt><rp>)</rp></ruby>上工业营收突破1万亿元。</p>"
        "</article></body></html>"
    ).encode()
    text = page_text(page, "page.html")
    assert "到2025年,規上工业营收突破1万亿元。" in text and "guī" not in text


def test_pinyin_printed_after_characters_is_read_without_it_and_quoted_with_it() -> None:
    # excerpts10/13: a repost of 济南's 新型工业化 plan, in traditional characters, whose
    # mirror prints a reading after many (規(guī)模以上工業(yè)營(yíng)業(yè)收入突破1萬(wàn)億元)
    path = next(EXCERPTS.glob("13-*.txt"))
    printed = path.read_text(encoding="utf-8")
    corpus = build_corpus([path])
    (plan,) = corpus.plans
    assert "(yè)" not in plan.text and plan.printed is not None and "(yè)" in plan.printed
    assert any("pinyin" in c for c in plan.caveats)
    found = {t.indicator.label_zh: t for t in corpus.extraction.targets}
    revenue = found["规模以上工业营业收入"]  # read as words, not 规(guī)模以上工业(yè)…
    assert revenue.value == Decimal(1) and revenue.unit == "pg:TrillionYuan"
    assert revenue.comparator == "Above" and revenue.target_year == 2025
    share = found["数字经济核心产业增加值占 GDP 比重"]
    assert share.value == Decimal(21) and share.comparator == "AtLeast"
    # the graph quotes the file as it prints it, readings and all
    quotes = [o[0] for s, p, o in corpus_items(corpus) if p == QUOTE]
    assert quotes and all(q in printed for q in quotes)
    assert "規(guī)模以上工業(yè)營(yíng)業(yè)收入突破1萬(wàn)億元" in quotes


def test_a_reading_needs_a_tone_mark_after_a_character() -> None:
    from plangraph.read.script import without_readings

    assert without_readings("城镇(zhèn)新增就业(yè)1.35万人") == "城镇新增就业1.35万人"
    # enumerations, units and Latin words in brackets are the text's own
    kept = "(a)项目、PM2.5(μg/m³)、国家(China)、区(qu)域"
    assert without_readings(kept) == kept


def test_variant_forms_opencc_leaves_are_read_as_simplified() -> None:
    # a mirror's 陜西 (the variant of 陝西) and 衞生: the places and words later stages know
    text = "陜西省衞生健康委員會關於印發陜南、陜北地區醫療衞生服務體系規劃的通知"
    assert (
        to_simplified(text)
        == "陕西省卫生健康委员会关于印发陕南、陕北地区医疗卫生服务体系规划的通知"
    )
