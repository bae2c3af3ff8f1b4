"""What frames a name in the pages users save: the title of a document it cites, a news
report's dateline, the works that build a route, an everyday word it sits inside.

- a division named in a book title (《江苏省生态河湖行动计划》, 视察河南重要讲话) is a place the
  text names; waters and regions in titles stay the title's (《太湖流域管理条例》);
- the place of a dateline (新华社北京8月19日电) is where the report was filed, no place of
  the plan unless the plan's area holds it (本报济南8月25日讯 on 山东's plan); a news outlet
  named after a place outside the plan's area (福建日报, 闽南网) is no place of the plan;
- a corridor followed by a phase of works (南水北调东线二期工程) is the project;
- a two-character alias read out of an everyday word (维修水闸: 修水, the 修河) is none;
- a page's footer (版权所有, ICP备, 联系电话:, a street address) names the site's own places,
  an injected gambling advertisement (澳门金沙…【投注官网平台】) its own, and a contest
  (欧洲杯) no place, and a person a role names (记者 王长江, 县委书记王海南主持) none;
- a site before 断面 names the monitoring section (团结闸断面), a place before 示范区 and its
  management committee the zone (通州湾示范区管委会).
"""

from __future__ import annotations

import re

from plangraph import model

from .everyday import everyday_words
from .lexicon import Lexicon
from .minted import named_place
from .tokens import Hit

_DIVISION_KINDS = frozenset(model.DIVISION_KINDS)


def issuing_areas(norm: str, titles: bytearray, lex: Lexicon) -> None:
    """Unmask the divisions named in a book title: the area that issued the document it
    cites (《江苏省生态河湖行动计划》, 《关于印发西藏自治区…》) or that its subject is
    (视察河南重要讲话, 《贵州贵安新区…总体方案》) is a place the text names; waters and
    regions in a title stay no place of the plan (《太湖流域管理条例》, 《长江保护法》).
    A province by any of its names, a city or county by its full name (西湖区, not 西湖)."""
    for title in re.finditer(r"《[^《》]*》", norm):
        for start, end, word in lex.names.finditer(title.group()):
            places = () if word in lex.weak else lex.places.get(word, ())
            if any(
                p.kind == "Province"
                or (p.kind in _DIVISION_KINDS and word[-1] in "市县区州盟旗")
                or (p.kind == "DevelopmentZone" and word.endswith("新区"))  # 《贵州贵安新区…》
                for p in places
            ):
                at = title.start() + start
                titles[at : at + end - start] = bytes(end - start)


def inside_a_word(norm: str, start: int, word: str, places: tuple[model.Place, ...]) -> bool:
    """Whether a two-character alias starts inside an everyday word: 维修水闸 holds no 修水
    (the 修河); canonical names (黄河 in 治黄河) are read wherever they stand."""
    return (
        len(word) == 2
        and start > 0
        and all(p.name != word for p in places)
        and norm[start - 1 : start + 1] in everyday_words()
    )


#: A news report's dateline: 新华社北京8月19日电, 人民网成都3月5日电 (where it was filed).
_DATELINE_BEFORE = re.compile(r"(?:社|网|报|台|频道|客户端)$")
_DATELINE_AFTER = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")


#: A phase of works after a corridor's name: 南水北调东线二期工程 is a project, not the route.
_PHASE = re.compile(r"(?:[一二三四]|后续)期")


def works(norm: str, hit: Hit) -> bool:
    """Whether a corridor is named as the works that build it (南水北调东线二期工程), or a
    district's short name as the airport or station named after it (北京大兴国际机场)."""
    if hit.place.kind == "Corridor" and _PHASE.match(norm, hit.end):
        return True
    return (
        hit.place.kind == "District"
        and norm[hit.start : hit.end] != hit.place.name
        and norm.startswith(_FACILITIES, hit.end)
    )


#: What a short name names when one of these follows it: the airport or the station.
_FACILITIES = ("国际机场", "机场", "火车站", "高铁站", "东站", "西站", "南站", "北站")


#: What follows a place's name in the name of a newspaper, a news site or a station: 福建日报,
#: 泉州晚报, 闽南网, 晋江新闻网讯, 东南卫视, 北京青年报 (not 网格, 网络, 管网: a 网 that
#: starts a word)
_OUTLET = re.compile(
    r"日报|晚报|早报|晨报|时报|都市报|商报|电子报|青年报|法治报|新闻网|网讯|网(?![格络点箱])"
    r"|电视台|广播电视台|广播电台|卫视|融媒体"
)


def framed_out(norm: str, hit: Hit, in_area: bool) -> bool:
    """Whether what frames a name makes it no place of the plan: a news dateline, the works
    that build a corridor, a reposted page's byline or a news outlet outside the plan's area
    (``in_area``: the plan's area holds the place; a report filed there, 本报济南8月25日讯
    on 山东's plan, names it)."""
    if (
        (dateline(norm, hit.start, hit.end) and not in_area)
        or works(norm, hit)
        or advertised(norm, hit)
        or person(norm, hit)
    ):
        return True
    if in_area:
        return False
    bylined = ":" in norm or "：" in norm
    return (bylined and byline(norm, hit.start)) or outlet(norm, hit.end)


def outlet(norm: str, end: int) -> bool:
    """Whether a name is the start of a news outlet's name (福建日报, 闽南网): the outlet
    is no place the text names."""
    return bool(_OUTLET.match(norm, end))


def dateline(norm: str, start: int, end: int) -> bool:
    """Whether a name is the place of a news report's dateline, no place of the plan."""
    return bool(_DATELINE_AFTER.match(norm, end) and _DATELINE_BEFORE.search(norm, 0, start))


#: A saved page's byline: the publisher or the author of the page, no place of the plan
#: (来源:广西壮族自治区林业局, 来源:河北某某管业有限公司).
_BYLINE = re.compile(r"(?:来源|出处|作者|编辑|编译者|发布单位|发布机构)\s*[:：]\s*[^\s,，。;；]*$")


def byline(norm: str, start: int) -> bool:
    """Whether a name is part of a page's byline (来源:…, 作者:…)."""
    return bool(_BYLINE.search(norm, max(0, start - 30), start))


#: A saved page's footer: its copyright notice, its registration, the site's contacts and
#: street address (版权所有, 版权归原作者所有, 版權聲明, 京ICP备…号, 联系电话:, 邮箱:,
#: 上海市金山区干林路 2188号); a plan's sentence on copyright (加强版权保护) is none of them.
_FOOTER = re.compile(
    r"版[权權](?:所有|[归歸]|[声聲]明|与免责|與免責)|ICP[备備]|公网安备|公網安備|Copyright|©"
    r"|(?:联系|聯繫|热线|熱線)?(?:电话|電話|传真|傳真|邮箱|郵箱|电子邮件|電子郵件)\s*[:：]"
    r"|[\w.-]+@[\w-]+\.[a-z]{2,}"
    r"|^[^，。；,;]{2,30}(?:路|街|大道|巷|弄)\s*\d+\s*[号號]"
)


def footer_lines(norm: str) -> list[tuple[int, int]]:
    """The lines of a sentence that are a saved page's footer (a sentence of a page may run
    over several lines: 热线电话 : and, on the next line, the title): the names in them are
    the site's, no place the text is about."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in norm.split("\n"):
        end = start + len(line)
        if _FOOTER.search(line):
            spans.append((start, end))
        start = end + 1
    return spans


#: What a gambling advertisement injected into a saved page says (澳门金沙城中心_欧洲杯足球网
#: -【投注官网平台】): the places in its clause are the advertisement's.
_GAMBLING = re.compile(
    r"投注|博彩|赌场|娱乐城|真人娱乐|官网平台|足球网|百家乐|葡京|威尼斯人|金沙城"
)
_CLAUSE = re.compile(r"[^，。；！？,;!?\n]+")


#: A person named by the role before the name (记者 王长江, 通讯员 李江南, 县委书记王海南
#: 主持, 王长江同志), and the people listed after it (县领导陈荣昌、黄清参加会议): two or three
#: characters each that end where a person's name ends.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟"
    "殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
)
_PERSON = re.compile(
    r"(?:记者|通讯员|摄影|摄像|编辑|作者|撰稿|主播|书记|主任|委员|常委|负责人|院士|教授"
    rf"|[省市县区镇乡]领导(?=[{_SURNAMES}])"
    r"|(?:(?<![一-鿿])|(?<=副))[省市县区镇乡局厅部处科]长)"
    rf"[\s:：]*([\u4e00-\u9fff]{{2,3}}(?:、[{_SURNAMES}][\u4e00-\u9fff]{{1,2}})*)"
    r"(?=[\s)）,，。、:：;；]|$|同志|主持|报道|表示|指出|说|介绍|强调|出席|参加|讲话|一行|带队|率)"
)


def person(norm: str, hit: Hit) -> bool:
    """Whether a name lies inside a person's name that a role introduces."""
    return any(m.start(1) <= hit.start and hit.end <= m.end(1) for m in _PERSON.finditer(norm))


def advertised(norm: str, hit: Hit) -> bool:
    """Whether a name is inside the clause of an injected gambling advertisement, or names a
    contest (欧洲杯, 亚洲杯: the cup, not the place)."""
    if norm.startswith("杯", hit.end):
        return True
    if not _GAMBLING.search(norm):
        return False
    return any(
        m.start() <= hit.start and hit.end <= m.end() and _GAMBLING.search(m.group())
        for m in _CLAUSE.finditer(norm)
    )


#: A zone that a management committee runs, named by the place it lies at: 通州湾示范区管委会.
_MANAGED_ZONE = re.compile(r"(示范区|试验区|合作区|实验区)(?:管委会|管理委员会)")


def managed_zone(text: str, norm: str, hit: Hit) -> Hit:
    """A place right before 示范区 and its management committee names the zone (通州湾示范区
    管委会 in 南通's notice): a development zone, not the bay."""
    m = _MANAGED_ZONE.match(norm, hit.end)
    if m is None:
        return hit
    end = m.end(1)
    zone = named_place(text[hit.start : end], "DevelopmentZone", hit.place.province)
    return Hit(hit.start, end, zone, "pattern")


def section(text: str, norm: str, hit: Hit) -> Hit:
    """A monitoring section named by a site no table knows is the section (红旗闸断面,
    团结闸断面), the way plans count it; a known place keeps its name (长江干流断面)."""
    if hit.how != "pattern" or not norm.startswith("断面", hit.end):
        return hit
    end = hit.end + 2
    return Hit(
        hit.start,
        end,
        named_place(text[hit.start : end], hit.place.kind, hit.place.province),
        "pattern",
    )
