"""Bare names in an enumeration that a class of place or a count of them closes (lists.py).

The sentences follow the genre (excerpts12/07, a province's port layout; excerpts12/16, a
city's night economy); the names are the harbour districts and shopping districts as printed.
"""

from __future__ import annotations

from plangraph.extract.places import find_places


def names(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


def test_a_count_closes_a_list_of_harbour_districts() -> None:
    # 兴化 is lost: jieba reads it as a verb (a known limit)
    assert names("湄洲湾港规划有兴化、东吴、秀屿、肖厝、斗尾5个港区。")[-4:] == [
        *("东吴", "秀屿", "肖厝", "斗尾"),
    ]
    # a later item may describe its name first, up to 的
    assert names("厦门港包括石码及环东山湾的古雷、诏安9个港区。") == [
        *("厦门港", "石码", "东山湾", "古雷", "诏安"),
    ]
    assert names("建设3个港区。") == []  # a count after one word closes no list


def test_shopping_districts() -> None:
    assert names("重点打造西安路、香炉礁、中华路五大商圈。")[:2] == ["西安路", "香炉礁"]
    # 星海湾, whose characters the generic word 海湾 takes first, is an item among places
    assert names("积极推进东港、星海湾、机场前等区域商圈建设。") == ["东港", "星海湾", "机场前"]


def test_kinds_of_areas_are_no_names() -> None:
    # 地区 and 区域 close lists of kinds as often as lists of names
    assert names("在交通枢纽、大型体育场馆、景点等流量密集区域。") == []
    assert names("完善环评会商、联合执法、预警应急等区域协作机制。") == []


def test_items_among_places_that_end_like_a_small_place() -> None:
    # excerpts12/16 (大连): 星海湾 (星海 is a word), 付家庄 and 渔人码头 among places read
    found = names("1.重点打造塔河湾、小平岛、星海湾、付家庄、老虎滩、渔人码头、东港、西郊棠梨湖等")
    assert found == [
        *("塔河湾", "小平岛", "星海湾", "付家庄", "老虎滩", "渔人码头", "东港", "西郊棠梨湖"),
    ]


def test_an_enumeration_mostly_of_other_things_names_no_place() -> None:
    # a project among rivers ends like no small place; a list with one place names no others
    assert names("加强长江、黄河、南水北调、珠江等保护。") == ["长江", "黄河", "珠江"]
    assert names("推进太湖、产业园、工业港、物流港建设。") == ["太湖"]


def test_the_rivers_whose_basins_a_list_names() -> None:
    # excerpts17/07 (福建): the rivers before 等流域
    assert names("推进沙溪、建溪、富屯溪、赛江、晋江等流域防洪") == [
        *("沙溪", "建溪", "富屯溪", "赛江", "晋江")
    ]
    assert names("加强重点湖泊、重点河流等流域治理") == []
    assert names("开展上下游、左右岸等流域协同治理") == []
