"""Roads, streets and squares a plan names (西环路, 新安大道, 唐塔北路, 浙商步行街, 东岳广场), read
only where their position marks them; kinds of road or square and ways of doing (产业路, 公园广场,
发展之路, 路网) stay words."""

from __future__ import annotations

import pytest

from plangraph.extract.places import find_places


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


@pytest.mark.parametrize(
    ("sentence", "roads"),
    [
        # a county's livelihood projects (excerpts14, 甘谷县): a verb, then a list of roads
        (
            "(2)开工新建西环路,改造提升新城路、像山路、渭川路、康庄东路。",
            ["西环路", "新城路", "像山路", "渭川路", "康庄东路"],
        ),
        ("(3)完成新安大道一期工程。", ["新安大道"]),
        # 洋县 (excerpts14): the part of the road that is built
        ("建成唐塔北路延伸段", ["唐塔北路"]),
        # 宿州 (excerpts9): a road the tourism is built along
        ("高水平打造符离大道生态旅游", ["符离大道"]),
        # 开远 (excerpts12): pedestrian streets in a list, one of them a road's
        ("着力培育浙商步行街、青年路步行街等商业聚集区", ["浙商步行街", "青年路步行街"]),
        # 武汉 (excerpts4): names made of everyday words, marked by their works
        (
            "完工友谊大道北段、和平大道南延线、白沙洲大道快速化改造、高新二路示范段等15条重点道路。",
            ["友谊大道", "和平大道", "白沙洲大道", "高新二路"],
        ),
    ],
)
def test_roads_named_by_their_works(sentence: str, roads: list[str]) -> None:
    found = names_in(sentence)
    assert [n for n in found if n in roads] == roads
    hits, _ = find_places(sentence)
    assert all(h.place.kind == "Area" for h in hits if h.place.name in roads)


@pytest.mark.parametrize(
    "sentence",
    [
        "坚持走生态优先、绿色发展之路,走出一条高质量发展新路子。",
        "走中国特色新型工业化道路,开辟发展新路。",
        "修建产业路、旅游路、资源路,新建机耕路20公里,实施城市主次干路工程。",
        "打通断头路20条,建设四好农村路50公里,完善高速公路网和路网结构。",
        "打造美食街、酒吧街,实施背街小巷和老旧街区改造。",
        "推进三路两街建设,集中清理城市道路、公园广场。",
        "实施建筑小区、公园绿地、道路广场等各类海绵建设项目,建设市民广场和文化广场。",
        "通过电子屏、广场设点等形式组织宣传,开展广场舞比赛。",
    ],
)
def test_kinds_of_road_are_no_places(sentence: str) -> None:
    assert names_in(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "square"),
    [
        # 璧山 (excerpts11, printed in traditional script and read in simplified): where the
        # ceremony is held
        ("2023年节能宣传周启动仪式在东岳广场举行。", "东岳广场"),
        # 开远 (excerpts12): a square in a list of the city's places of night life
        ("聚焦知花小镇、壹然文旅广场、新景盛世商业区等商业聚集区。", "壹然文旅广场"),
        # 大连 (excerpts12): a square among the shopping districts
        ("重点打造青泥洼--天津街、西安路、香炉礁、奥林匹克广场、中华路五大商圈", "奥林匹克广场"),
    ],
)
def test_squares_named_where_their_position_marks_them(sentence: str, square: str) -> None:
    hits, _ = find_places(sentence)
    found = [h for h in hits if sentence[h.start : h.end] == square]
    assert found and found[0].place.kind == "Area"


@pytest.mark.parametrize(
    ("sentence", "roads"),
    [
        # 涉县 (excerpts17): the ends of a section of works in brackets after the road
        ("建设二中北路(平安街-龙井大街)排水管网及其他附属设施", ["平安街", "龙井大街"]),
        ("铺设将军大道(龙山电厂-状元街段)供热主管网", ["状元街"]),
        # 宁波江北 (excerpts17, printed in traditional script): roads and their sections
        ("实施通惠路(长阳路—开元路)提升改造工程。", ["通惠路", "长阳路", "开元路"]),
        # what the works include is no end of a section
        ("改造城市道路(含支路-小巷)", []),
        ("完成道路(2021-2025年)建设", []),
    ],
)
def test_the_ends_of_a_section_of_road_works(sentence: str, roads: list[str]) -> None:
    assert names_in(sentence) == roads
