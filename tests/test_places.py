"""Places in the seed plans: mentions, owners, exclusions and speed, and one synthetic plan
end to end.  The dataset is tested in test_places_dataset.py, the rules on small texts in
test_places_patterns.py, test_places_abbreviations.py and test_places_context.py."""

from __future__ import annotations

import pytest

from plangraph import model
from plangraph.extract import gazetteer as gz
from plangraph.extract.places import extract_places, find_places
from plangraph.read import read_text


def mentioned(plan: model.Plan) -> dict[str, set[str]]:
    """Place id -> owners ("task:6", "closing" …) where the plan mentions it."""
    _, mentions = extract_places(plan)
    out: dict[str, set[str]] = {}
    for m in mentions:
        key = f"{m.owner.kind}:{m.owner.key}" if m.owner.key else m.owner.kind
        out.setdefault(m.target, set()).add(key)
    return out


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


@pytest.fixture(scope="module")
def jjj(plan_by_region: dict[str, model.Plan]) -> dict[str, set[str]]:
    return mentioned(plan_by_region["京津冀"])


@pytest.fixture(scope="module")
def yrd(plan_by_region: dict[str, model.Plan]) -> dict[str, set[str]]:
    return mentioned(plan_by_region["长三角"])


@pytest.fixture(scope="module")
def gba(plan_by_region: dict[str, model.Plan]) -> dict[str, set[str]]:
    return mentioned(plan_by_region["粤港澳大湾区"])


def test_jjj_places(jjj: dict[str, set[str]]) -> None:
    assert "task:6" in jjj["miyunshuiku"]
    for pid in ("yuqiaoshuiku", "guantingshuiku", "ziyahe", "bohaiwan", "qinhuangdao", "tangshan"):
        assert "task:6" in jjj[pid], pid
    assert {"task:6", "task:13", "task:20"} <= jjj["yongdinghe"]
    assert "task:3" in jjj["tianjingang"]
    assert {"task:9"} <= jjj["taihangshan"] & jjj["yanshan"]
    assert "task:10" in jjj["huabeidiqu"] and "task:10" in jjj["saihanbajixielinchang"]
    for pid in ("xionganxinqu", "baiyangdian", "binhaixinqu", "zhongxintianjinshengtaicheng"):
        assert "task:15" in jjj[pid], pid


def test_jjj_compound_park(jjj: dict[str, set[str]]) -> None:
    # 燕山—塞罕坝国家公园: the park and both places it is named after
    assert "task:9" in jjj["yanshansaihanbaguojiagongyuan"]
    assert "task:9" in jjj["saihanba"]
    assert "task:9" in jjj["yanshan"]


def test_jjj_abbreviations(jjj: dict[str, set[str]], plan_by_region: dict[str, model.Plan]) -> None:
    # 京雄合作 -> 北京, 雄安新区; 京津深化 -> 北京, 天津
    assert "task:4" in jjj["xionganxinqu"]
    assert "task:4" in jjj["beijing"]
    _, mentions = extract_places(plan_by_region["京津冀"])
    abbreviated = {(m.quote.text, m.target) for m in mentions if m.how == "abbreviation"}
    assert {("京", "beijing"), ("雄", "xionganxinqu"), ("津", "tianjin")} <= abbreviated


def test_jjj_exclusions(jjj: dict[str, set[str]], plan_by_region: dict[str, model.Plan]) -> None:
    assert not any(gz.region_by_id(i) for i in jjj)  # 京津冀 is the region, not a place
    _, mentions = extract_places(plan_by_region["京津冀"])
    texts = {m.quote.text for m in mentions}
    assert "平原地区" not in texts
    # the plan's own region, where it names it, is a mention of its own (issue #12)
    own = {(m.quote.text, m.target) for m in mentions if m.how == "own"}
    assert own == {("京津冀", "jingjinji")}
    # elsewhere only as the first part of a longer name (京津冀及周边地区)
    assert {m.how for m in mentions if m.quote.text == "京津冀"} == {"own", "part"}


def test_yrd_places(yrd: dict[str, set[str]]) -> None:
    assert {"task:5", "task:21"} <= yrd["taipuhe"]
    assert {"task:5", "task:15"} <= yrd["xinanjiang"] & yrd["qiandaohu"]  # 新安江—千岛湖
    assert {"task:5", "task:10"} <= yrd["huaihe"] & yrd["hongzehu"]  # 淮河—洪泽湖
    assert "task:11" in yrd["changjiangkou"] and "task:11" in yrd["hangzhouwan"]  # 长江口—杭州湾
    assert "task:10" in yrd["wannan"] and "task:10" in yrd["zhexi"]  # 皖南—浙西山区
    assert "task:10" in yrd["wanxi"] and "task:10" in yrd["dabieshan"]
    assert "task:3" in yrd["shanghaigang"]
    assert "task:16" in yrd["pudongxinqu"] and "task:16" in yrd["chuzhou"]
    # 长三角生态绿色一体化发展示范区 (一体化示范区) is a development zone, not the region
    zone = "changsanjiaoshengtailvseyitihuafazhanshifanqu"
    assert {"task:5", "task:14", "task:21"} <= yrd[zone]


def test_yrd_parks(yrd: dict[str, set[str]]) -> None:
    for pid in (
        "qianjiangyuanbaishanzuguojiagongyuan",
        "qianjiangyuan",
        "baishanzu",
        "huangshanguniujiangguojiagongyuan",
        "guniujiang",
        "nanbeijiliedaoguojiagongyuan",
    ):
        assert "task:10" in yrd[pid], pid
    # 黄山 the mountain names the park; 安徽黄山 is the city
    assert "task:10" in yrd["huangshan"]
    assert "task:15" in yrd["huangshanshi"]


def test_yrd_power_lines(yrd: dict[str, set[str]]) -> None:
    # 蒙电入沪、蒙电入苏、甘电入浙、陕电蒙电入皖
    for pid in ("neimenggu", "gansu", "shaanxi", "shanghai", "jiangsu", "zhejiang", "anhui"):
        assert "task:2" in yrd[pid], pid
    # 苏皖与鲁豫交界地区
    for pid in ("jiangsu", "anhui", "shandong", "henan"):
        assert "task:4" in yrd[pid], pid


def test_gba_places(gba: dict[str, set[str]]) -> None:
    for pid in ("dongjiang", "xijiang", "beijiang", "xinfengjiang", "shenzhenhe", "qianshanhe"):
        assert "task:6" in gba[pid], pid
    assert "task:6" in gba["zhujiangxijiangjingjidai"] and "task:6" in gba["zhujiang"]
    for pid in ("nanling", "huananguojiazhiwuyuan", "wutongshan", "honghualing", "mipushidi"):
        assert "task:8" in gba[pid], pid
    for pid in ("yuedong", "yuexi", "yuebei", "nankunshan", "luofushan", "wanlvhu"):
        assert "task:11" in gba[pid], pid
    for pid in ("hengqin", "qianhai", "nanshaqu", "hetao"):
        assert "task:20" in gba[pid], pid
    assert "hebei" not in gba  # 深圳河北岸 is 深圳河 + 北岸


def test_gba_abbreviations(gba: dict[str, set[str]]) -> None:
    assert {"zhuhai", "zhongshan", "jiangmen"} <= {p for p, o in gba.items() if "task:1" in o}
    assert "task:8" in gba["hengqin"]  # 琴澳
    assert "task:8" in gba["shenzhen"] and "task:8" in gba["hongkong"]  # 深港
    assert "task:7" in gba["hongkong"]  # 粤港共治
    assert "closing" in gba["hongkong"] and "closing" in gba["macao"]  # 携手港澳


def test_mentions_quote_their_sentence(plans: tuple[model.Plan, ...]) -> None:
    for plan in plans:
        sentences = {s.index: s for s in plan.sentences}
        tasks = {t.key for t in plan.tasks}
        _, mentions = extract_places(plan)
        assert mentions
        for m in mentions:
            q = m.quote
            assert plan.text[q.start : q.end] == q.text
            s = sentences[q.sentence]
            assert s.start <= q.start < q.end <= s.end
            assert m.plan == plan.id
            if m.owner.kind == "task":
                assert m.owner.key in tasks


def test_a_plan_names_its_own_region_and_no_other(plans: tuple[model.Plan, ...]) -> None:
    own_place = {"京津冀": "京津冀", "长三角": "长三角", "粤港澳大湾区": "粤港澳大湾区"}
    region_words = {"京津冀", "长三角", "长三角区域", "粤港澳大湾区", "大湾区"}
    for plan in plans:
        places, mentions = extract_places(plan)
        by_id = {p.id: p for p in places}
        own = [m for m in mentions if m.how == "own"]
        # the plan's own region, where it names it, is a mention (issue #12), with its quote
        assert {by_id[m.target].name for m in own} == {own_place[plan.region]}, plan.id
        assert all(plan.text[m.quote.start : m.quote.end] == m.quote.text for m in own)
        others = {m.quote.text for m in mentions if m.how not in ("own", "part")}
        assert not region_words & others, plan.id


def test_no_pattern_noise_in_seed(plans: tuple[model.Plan, ...]) -> None:
    for plan in plans:
        places, _ = extract_places(plan)
        assert [p.name for p in places if p.source == "pattern"] == []


def test_synthetic_plan_end_to_end() -> None:
    text = (
        "成渝地区双城经济圈美丽中国先行区建设行动方案\n"
        "为贯彻落实党中央、国务院决策部署,制定本方案。\n"
        "一、总体要求\n"
        "到2027年,区域生态环境质量持续改善。\n"
        "二、共建长江上游生态屏障\n"
        "(一)加强跨界河流治理。推进川渝共建嘉陵江、涪江跨界河流联防联控,"
        "加强龙溪河生态修复,推进寨子湖湿地公园建设。\n"
        "区域内各省级人民政府对先行区建设负总责。\n"
    )
    (plan,) = read_text(text)
    places, mentions = extract_places(plan)
    by_id = {p.id: p for p in places}
    assert {"changjiang", "sichuan", "chongqing", "jialingjiang", "fujiang", "longxihe"} <= set(
        by_id
    )
    assert by_id["longxihe"].source == "pattern"
    assert any(p.name == "寨子湖湿地公园" and p.kind == "Wetland" for p in places)
    owners = {(m.target, m.owner) for m in mentions}
    assert ("changjiang", model.Owner("section", "2")) in owners
    assert ("jialingjiang", model.Owner("task", "1")) in owners
    assert not any(p.name.startswith("成渝") for p in places)  # the plan's own region
