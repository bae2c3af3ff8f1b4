"""Places as a reader writes them: a division after its parents, rivers and mouths named by a
prefix, the belts and zones of the national pattern, and the world beyond China."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from plangraph import api
from plangraph.extract.places import find_places

PLACE = "https://w3id.org/plangraph/id/place/"


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


PLAN = (
    "江苏省“十四五”应对气候变化规划\n"
    "一、总体要求\n"
    "(一)推进试点。重点支持徐州市贾汪区等建设国家级示范区,推动东营利津、垦利建设,"
    "支持江苏省徐州市贾汪区开展试点。\n"
)


def alt_labels(graph: rdflib.Graph, slug: str) -> set[str]:
    return {str(o) for o in graph.objects(URIRef(PLACE + slug), SKOS.altLabel)}


def test_a_division_written_after_its_parents_keeps_the_compound_as_written(
    tmp_path: Path,
) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    graph = api.build_graph([source])
    assert {"徐州市贾汪区", "江苏省徐州市贾汪区", "贾汪"} <= alt_labels(graph, "jiawang")
    assert "东营利津" in alt_labels(graph, "lijin")
    assert "江苏省徐州市" in alt_labels(graph, "xuzhou")
    assert Literal("徐州市贾汪区", lang="zh") in set(
        graph.objects(URIRef(PLACE + "jiawang"), SKOS.altLabel)
    )


def test_a_division_after_a_place_it_does_not_lie_in_is_no_compound(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("江苏省规划\n一、总体要求\n推动南京贾汪区、苏州建设。\n", encoding="utf-8")
    graph = api.build_graph([source])
    assert not any(a.startswith("南京") for a in alt_labels(graph, "jiawang"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a new channel beside an old river is another river
        ("全面完成新沂河、新汴河和新洋河治理。", ["新沂河", "新汴河", "新洋河"]),
        # a river before 口 names its mouth; a one-character name in a list of mouths
        (
            "聚焦长江口、射阳河口、新洋河口、灌河口等河口及周边海域。",
            ["长江口", "射阳河口", "新洋河口", "灌河口"],
        ),
        ("治理沂河口。", ["沂河口"]),
        ("建设黑河口岸。", ["黑河"]),  # a port of entry, no mouth
        ("重新河道疏浚。", []),
    ],
)
def test_rivers_and_mouths_named_by_a_prefix_or_a_mouth(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


def test_the_river_of_a_mouth_is_only_a_part() -> None:
    hits, parts = find_places("治理沂河口。")
    assert [h.place.kind for h in hits] == ["Estuary"]
    assert [p.place.name for p in parts] == ["沂河"]


def test_canals_and_rivers_that_are_others_than_their_namesakes() -> None:
    assert names_in("长江、京杭运河、京杭大运河、中国大运河、吴淞江、苏州河") == [
        "长江",
        "京杭大运河",
        "京杭大运河",
        "大运河",
        "吴淞江",
        "苏州河",
    ]


def test_a_former_river_course_names_the_river_as_a_part() -> None:
    hits, parts = find_places("实施黄河故道综合治理。")
    assert [h.place.name for h in hits] == ["黄河故道"]
    assert [p.place.name for p in parts] == ["黄河"]


def test_belts_and_zones_named_by_a_direction_and_a_terrain() -> None:
    text = (
        "在长江和黄河重点生态区、东北森林带、北方防沙带、南方丘陵山地带、"
        "青藏高原生态屏障区、海岸带等开展监测,强化东北黑土区、西部高寒区治理。"
    )
    assert names_in(text) == [
        "长江",
        "黄河重点生态区",
        "东北森林带",
        "北方防沙带",
        "南方丘陵山地带",
        "青藏高原生态屏障区",
        "青藏高原",
        "东北黑土区",
        "西部高寒区",
    ]
    assert names_in("加强重点生态区保护,开展西北干旱半干旱地区监测。") == []


def test_corridors_named_by_a_region() -> None:
    assert names_in("加快生态廊道和江淮生态大走廊建设,共建中蒙俄经济走廊。") == [
        "江淮生态大走廊",
        "中蒙俄经济走廊",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "面向“一带一路”和东北亚等重点区域。深入开展西太平洋环境质量综合调查。",
            [("一带一路沿线", "Area"), ("东北亚", "Area"), ("西太平洋", "Sea")],
        ),
        ("超过欧盟人均水平,比欧盟平均水平低45%左右。", [("欧盟", "Area"), ("欧盟", "Area")]),
        ("对非洲国家、东盟国家开展南南合作。", [("非洲", "Area"), ("东盟", "Area")]),
        # an initiative names the area along it only before an area word or next to a place
        ("与一带一路沿线国家合作,加强与“一带一路”国家合作。", [("一带一路沿线", "Area")] * 2),
        ("推动共建绿色“一带一路”,以“一带一路”、西部大开发为引领。", []),
        # names of banks and weather systems, climate zones
        ("与亚洲开发银行、亚洲基础设施投资银行、渤海银行合作。", []),
        ("加强东亚季风研究,中亚热带和南亚热带地区。", []),
        ("防控非洲猪瘟、东亚飞蝗,养殖南美白对虾。", []),
        ("积极申请欧洲投资银行贷款。", []),
        # a world region's name inside a longer one: 澳大利西亚 is not 西亚
        (
            "保护东亚—澳大利西亚候鸟迁徙路线。",
            [
                ("东亚—澳大利西亚候鸟迁徙路线", "Corridor"),
                ("东亚", "Area"),
                ("澳大利西亚", "Area"),
            ],
        ),
        # countries are not read wholesale
        ("治理松材线虫病、美国白蛾等有害生物,沿海地区。", []),
    ],
)
def test_the_world_beyond_china(text: str, expected: list[tuple[str, str]]) -> None:
    hits, _ = find_places(text)
    assert [(h.place.name, h.place.kind) for h in hits] == expected


def test_a_water_before_liuyu_names_its_basin() -> None:
    hits, parts = find_places("嘉陵江流域甘陕川交界、湘江、资江、丹江流域及呼伦湖流域开展监测。")
    assert [(h.place.name, h.place.kind) for h in hits if h.place.kind == "Basin"] == [
        ("嘉陵江流域", "Basin"),
        ("丹江流域", "Basin"),
        ("呼伦湖流域", "Basin"),
    ]
    assert {"嘉陵江", "丹江", "呼伦湖"} <= {p.place.name for p in parts}
    assert names_in("加强海河流域综合治理。") == ["海河流域"]  # a known basin stays itself


def test_a_place_written_only_by_another_of_its_names_is_labelled_as_written(
    tmp_path: Path,
) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(
        "山东省规划\n一、总体要求\n(一)发展水运。推进京杭运河、小清河复航,建设京杭运河沿线生态带。\n"
        "(二)保护黄河。推进徐州市贾汪区建设。\n",
        encoding="utf-8",
    )
    graph = api.build_graph([source])
    canal = URIRef(PLACE + "jinghangdayunhe")
    assert {str(o) for o in graph.objects(canal, RDFS.label) if o.language == "zh"} == {"京杭运河"}
    assert "京杭大运河" in {str(o) for o in graph.objects(canal, SKOS.altLabel)}
    # a division written with its suffix (徐州市) is written by its canonical name
    city = URIRef(PLACE + "xuzhou")
    assert {str(o) for o in graph.objects(city, RDFS.label) if o.language == "zh"} == {"徐州"}


def test_valleys_canyons_and_waterfalls_named_by_a_place() -> None:
    hits, parts = find_places("推进汾河谷地治理,建设晋陕大峡谷生态廊道,保护壶口瀑布。")
    assert [h.place.name for h in hits if h.place.kind == "Area"] == [
        "汾河谷地",
        "晋陕大峡谷",
        "壶口瀑布",
    ]
    assert "汾河" in {p.place.name for p in parts}  # the river is a part of the valley's name
    assert names_in("打造大峡谷景观,保护峡谷和人工瀑布。") == []
