"""Places named by abbreviations: runs of one-character province and city names (苏皖与鲁豫
交界, 蒙电入沪), directions (川南, 陕北), established groupings (海澄文) and zones that start
with a run (川渝高竹新区)."""

from __future__ import annotations

from plangraph.extract.places import find_places


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


def test_abbreviation_rules() -> None:
    assert names_in("推动晋冀蒙交界地区联防联控。") == ["山西", "河北", "内蒙古"]
    assert names_in("实施疆电外送、青电入豫工程。") == ["新疆", "青海", "河南"]
    assert names_in("推动深莞惠一体化。") == ["深圳", "东莞", "惠州"]
    assert names_in("推进川渝合作。") == ["四川", "重庆"]
    # one-character abbreviations never stand alone, and need a cue or a known grouping
    assert names_in("深化改革,加快中长期规划,推进中新合作。") == []
    assert names_in("推进西电东送工程。") == []


def _names(text: str) -> list[str]:
    from plangraph.extract.places import find_places

    hits, _ = find_places(text)
    return [h.place.name for h in hits]


def test_direction_after_a_province_abbreviation_names_an_area() -> None:
    names = _names("推进鄂西、湘南、赣北生态保护。")
    assert names == ["鄂西", "湘南", "赣北"]
    assert _names("加强东北风防护。") == []


def test_strong_province_runs_need_no_cue() -> None:
    assert _names("推进湘赣鄂电网互联互济。") == ["湖南", "江西", "湖北"]


def test_a_zone_keeps_its_leading_abbreviations_and_city() -> None:
    assert "川渝高竹新区" in _names("推进川渝高竹新区建设。")
    assert "石首麋鹿国家级自然保护区" in _names("建设石首麋鹿国家级自然保护区。")


def test_spelled_out_city_groupings() -> None:
    assert names_in("推进海澄文一体化发展。") == ["海口", "澄迈", "文昌"]
    assert names_in("海澄文三地") == ["海口", "澄迈", "文昌"]
    assert names_in("打造大三亚旅游圈。") == ["三亚"]
    hits, _ = find_places("支持海口江东新区发展。")
    assert [(h.place.id, h.place.province) for h in hits] == [("jiangdongxinqu", "hainan")]
