"""False places of the genre, by cause (round 16): a page's footer, a change of
administrative status, a stem of everyday words before a scenic or development zone's head, a
county read across a conjunction, and the tail of a long name used as a kind of zone.  Each
rule is checked both ways: where it fires and where the name it guards stays a place."""

from __future__ import annotations

import pytest

from plangraph.extract.places import find_places
from plangraph.extract.places.everyday import only_everyday_words


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        "本文版权归某某(北京)文化传播有限公司所有，转载请注明出处。",
        "版權聲明：凡注明來源為本網的稿件，均為本網原創。",
        "苏ICP备05003163号 技术支持：南京某某网络公司",
        "联系电话：0571-88489270，杭州市西湖区",
        "邮箱：someone@163.com 广州市越秀区",
        "上海市金山区某某路 2188号",
    ],
)
def test_a_pages_footer_names_no_place(text: str) -> None:
    assert names_in(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("加强版权保护，推进北京国际版权交易中心建设。", "北京"),
        ("沿上海市中山东一路推进滨江贯通。", "上海"),  # a road without a number
        ("开通杭州至衢州的旅游专线。", "衢州"),
    ],
)
def test_a_plans_own_sentences_on_copyright_and_roads_keep_their_places(
    text: str, place: str
) -> None:
    assert place in names_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "今年是丽水撤地设市20周年。",
        "稳妥推进撤县设区工作。",
        "支持具备条件的县撤县设市。",
    ],
)
def test_a_change_of_administrative_status_is_no_division(text: str) -> None:
    assert [n for n in names_in(text) if n.startswith("撤")] == []


@pytest.mark.parametrize(
    "text",
    [
        "全县缺少龙头火爆景区，精品景区建设滞后。",
        "旅游业依然存在着精品景区、景点建设比较滞后的问题。",
        "加快建设高端热门景区。",
    ],
)
def test_a_scenic_head_after_everyday_words_names_a_kind(text: str) -> None:
    assert [n for n in names_in(text) if n.endswith("景区")] == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("持续推进百山祖景区扩容提质。", "百山祖景区"),
        ("督促宝泉景区、八里沟景区、关山景区做好安全工作。", "关山景区"),
        ("加强湖光岩风景区保护。", "湖光岩风景区"),
    ],
)
def test_a_scenic_area_with_a_proper_name_stays_a_place(text: str, place: str) -> None:
    assert place in names_in(text)


def test_the_stem_of_a_kind_is_nothing_but_plain_words() -> None:
    assert only_everyday_words("龙头火爆") and only_everyday_words("着精品")
    # a syllable no word holds, or a proper name of the dictionary, may be a name
    assert not only_everyday_words("艺宿西川") and not only_everyday_words("宁波")


def test_a_development_zone_after_an_everyday_word_names_a_kind() -> None:
    assert names_in("重点防范山区人口集聚区和低丘缓坡开发区。") == []
    assert "托清经济开发区" in names_in("加大托清经济开发区基础设施建设。")


@pytest.mark.parametrize(
    "text",
    ["形成大中小城市协调发展和县乡村功能衔接互补的新格局。", "统筹城市和县城建设。"],
)
def test_a_county_read_across_a_conjunction_is_no_place(text: str) -> None:
    assert "和县" not in names_in(text)


@pytest.mark.parametrize("text", ["马鞍山和县农产品加工配送中心", "安徽和县、含山县联合开展巡查。"])
def test_a_county_after_its_city_or_in_a_list_stays(text: str) -> None:
    assert "和县" in names_in(text)


def test_the_tail_of_a_long_name_inside_a_phrase_is_a_kind_of_zone() -> None:
    zone = "长三角生态绿色一体化发展示范区"
    assert zone not in names_in("市经济开发区、城乡一体化示范区管委会，市政府各部门：")
    assert zone in names_in("总结长三角一体化示范区统一监测经验。")
    assert zone in names_in("推进一体化示范区建设。")
    assert "太行山" in names_in("构筑以我省太行山脉为主体的生态屏障。")


def test_a_footer_line_drops_only_its_own_line() -> None:
    # a saved page's sentence may run over lines: the hotline's line, then the title's
    names = names_in("热线电话 : 020-32068568 广州\n福建省全民健身实施计划")
    assert names == ["福建"]


@pytest.mark.parametrize(
    "text",
    [
        "于每月28日前将澳门金沙城中心_欧洲杯足球网-【投注官网平台】报送至县林业局。",
        "观看欧洲杯、亚洲杯比赛直播。",
    ],
)
def test_a_gambling_advertisement_or_a_cup_names_no_place(text: str) -> None:
    assert names_in(text) == []


def test_a_place_beside_the_advertisement_stays() -> None:
    names = names_in("推进澳门与横琴深度合作，某某娱乐城【投注官网平台】")
    assert "澳门" in names


@pytest.mark.parametrize(
    "text",
    [
        "（记者 王长江 报道）",
        "通讯员 李江南 记者 张黄河",
        "县委书记王海南主持会议。",
        "副县长刘长江带队检查。",
        "县领导陈荣昌、黄清参加会议。",  # 桑植 (excerpts16/36): people a role lists
    ],
)
def test_a_person_that_a_role_names_is_no_place(text: str) -> None:
    assert names_in(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("该市地处长江下游，水网密布。", "长江"),
        ("记者从海南省生态环境厅获悉。", "海南"),
    ],
)
def test_a_place_after_a_role_word_that_starts_no_name_stays(text: str, place: str) -> None:
    assert place in names_in(text)


@pytest.mark.parametrize(
    "text",
    [
        # 四川 (excerpts17/05): a figure and its measure word count the zones
        "还计划每年创建35家智慧景区、智慧公共文化场馆等数字化示范",
        # 怀远 (excerpts16/42), 烟台 (excerpts17/18): an estate and a hospital named like places
        "凯旋御珑湾小区沿街停车位65个",
        "对市奇山医院扩建",
        # 苍南 (excerpts17/23): the new district of the county town is a kind of district
        "县城新区江滨小学等15个学校",
    ],
)
def test_counts_estates_and_kinds_of_district_name_no_place(text: str) -> None:
    assert names_in(text) == []
