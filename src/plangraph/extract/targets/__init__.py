"""Targets: the commitments with a measure that a plan makes.

A target is read from one clause (the stretch of a sentence between ``，,；;。:`` marks,
brackets and quotes kept whole), with rules a reader can check against the quote:

* **Numeric targets** are a number with a unit (``33微克/立方米``, ``80%``, ``3.2个百分点``,
  ``700家``, ``1.2亿吨``) that the clause commits to: it is governed by a target year, or
  carries a comparator (``以上 不少于 超过 左右`` …), a direction verb (``提高 下降 降至`` …),
  ``达到``, an action verb (``建成 完成 新增`` …), ``力争`` or ``每年``.  Clauses about the
  past (a year before the plan's year, ``截至``, ``以来``, ``已``, ``现有``, ``下降了``) are
  left out, and so are numbers that name things: inside quotes or brackets (``“两高”``
  ``(十七)``), years, ``PM2.5``, ordinals, ``万亿元级``, Chinese numerals without a measure
  word (``三改联动`` ``六大行动``) and ``一`` alone (``一批`` ``一张网``).  ``由2020年的40%``
  is a starting point, not a target.
* **Qualitative targets** have no number: a clause governed by a target year whose subject
  names an indicator-like noun (``浓度 比例 率 总量 强度 指数 水质 质量 天气 水体 覆盖`` …) and
  whose predicate is one of a closed list: Increase (``提升 提高 增加 增长 上升``), Decrease
  (``下降 降低 减少 压减 削减``, ``保持下降趋势``), Maintain (``保持稳定 稳定保持 基本稳定
  稳中向好 保持Ⅱ类`` …), Eliminate (``消除 清零``), or a state without direction (``全覆盖``,
  ``达峰``, ``达到Ⅲ类``, ``得到有效保障``, and a rise that is curbed: ``上升趋势得到有效遏制``
  — the trend stops, which says neither that the level falls nor that it holds, so the
  direction is left empty and the indicator is the trend, not the level).  ``改善 领先 形成
  稳固 更加稳定`` are not on the list, any other stopped change (``下降趋势得到扭转``,
  ``增长得到控制``) is none, and the general vision nouns (``生态环境质量``,
  ``生态环境品质`` …) never make a target.

Comparators follow the statutory reading of Chinese quantity words (民法典 第1259条):
``以上/以下/以内`` include the number; ``超过 高于 多于 大于 突破`` → Above; ``低于 少于 不满
不足`` → Below; ``不少于 不低于 至少`` → AtLeast; ``不高于 不超过 控制在`` → AtMost; ``左右 约``
→ About; ``降至 下降到`` → AtMost; a range ``3—5个`` → AtLeast its lower bound; otherwise
(bare ``达到 提升到 为``, ``比…提高 3.2个百分点``, ``建成4个``) → Exactly.  A qualifier after
the number wins over a word before it.  Direction comes from the verb before the number
(``降至`` is Decrease; bare ``达到`` has none).

Year, base year, scope and aspiration come from the context: ``到2027年`` (also
``2027年前``, ``2027年底``, a bare ``2027年`` not before the plan's year, the end of
``2025—2027年``) governs the following clauses and sentences of the paragraph, and the
list items (``——…``) of a paragraph that ends with a colon, until another year appears;
``比/较2024年``, ``与2020年相比``, ``由2020年的`` give the base year.  Places that head a
clause (``北京…``, ``天津、河北…分别…``; ``江苏盐城`` is 盐城) are its scope; places heading
the first clause of a sentence in which no other clause names one are the scope of its
later clauses too (``珠三角全域推进美丽河湖建设,建成率达到45%``); the plan's own region is
no scope.  A run of one-character abbreviations followed by their count (``吉黑两省``,
``苏浙沪两省一市``) names one place per character, and a count after a list of places
(``河北、山西两省``) is skipped.  A river, lake or bay heading a clause is its scope even when
the resolver lacks it (it is taken from the place finder: ``南渡江、昌化江、万泉河干流水质保持
Ⅱ类`` is one target per river); a water-quality subject with no heading place takes the water
bodies it names (``推动松花江干流水质…``).  A place that only describes a land-type zone
(``东北黑土区``, ``华北平原区``; zone words ``黑土区 平原区 山区 林区 牧区 农区 草原区`` …) is no
scope: the zone is a kind of land across the region, not a part of it; an administrative
unit before the zone word (``河北山区``) still is.  ``力争/争取`` make their clause
aspirational (a lead clause ``力争到2030年`` the whole sentence); ``每年`` makes it annual.

Lists distribute: ``A、B…分别…X、Y`` pairs subjects (or places) with values, a shared head
noun completes the parts (``地下水和近岸海域「水质」``), a shared modifier too
(``单位地区生产总值「能耗」和「二氧化碳排放」``), and ``焦炭、铁矿石等…比例`` stays one target.
The indicator is looked up in ``data/indicators.tsv`` (the longest pattern contained in the
subject, else in the counted object, else in the clause; a bare ``建成率`` borrows its
stem from the clause before; an omitted subject is the previous target's); one that is not
listed gets the subject as printed for a label and its pinyin as id.

Beyond those rules, as the provincial and municipal plans write them:

* **Indicator tables** (``tables``): the 主要指标 table, one line per row with TAB-separated
  cells, gives one target per row with its base value and year (``pg:baseValue``) and its
  firmness (``pg:binding``: 约束性 true, 预期性 false); a table whose target year is before
  the plan's period reviews the last plan and gives none.
* **States** (``commitments``): a commitment without a number reaches a state from a closed
  set (``pg:state``: Eliminated 基本消除, Established 基本形成/全面建成, Completed 全面完成,
  Peaked 达峰, ClassReached 稳定保持Ⅱ类, StandardMet 总体达标, NegativeGrowth 负增长,
  StableThenDecline 稳中有降, Curbed 得到有效控制, Covered 全覆盖, Secured 得到保障), one
  target per clause, its subject (or, verb first, its object) as the indicator; visions
  (美丽…, 现代化) and degrees (广泛形成, 更加完善) are none.
* **Kinds of area** (``scopes``): 重点区域, 县城, 地级及以上城市建成区, 沿海主要港口 … are no
  places; they are kept as printed (``pg:scopeText``) so that a value for them never reads as
  one for the whole area, and a 分别 list of areas gives each value its own scope.
* **Start years** (``years``): ``2022年起``, ``自2024年起`` make the target due from that year
  (``pg:startYear``); a “十四五” plan without a printed year has its period's first year.
* **The plan's period** (``years``): a goal without a year of its own is due at the end of
  the period the plan states (“十四五” in its title -> 2025, ``(2021—2025年)``, ``规划期为…``);
  a deadline within a year (``2021年秋冬季前``) is its sentence's only.
* **Progress** (``commitments``): under a deadline, a clause that ends in progress from a
  closed list (``取得积极进展``, ``大幅提升``, ``全面“清零”``, ``全覆盖``, ``不减少``) is a
  commitment; without a year, in a plan whose period gives one, only a clause that commits
  (``确保…``, ``实现…``, ``持续降低…``) is.
* **The genre's other commitments** (``pledges``): a level (``达到同期国际先进水平``, ``走在
  全国前列``), a state an adverb of degree marks (``体系基本成熟``, ``风险得到有效防控``,
  ``能力有效提升``, ``易涝积水点全面消除``), a completion verb first (``建成…``, ``实现…``,
  ``全部迁入…``: a standing goal even without a year, its state always named), and under a
  deadline ``形成…``, ``构建起…`` and what the plan makes sure of (``确保建成区长治久清``).
  Among the goals (主要目标, also as a task) under a year, degrees (``更加完善``), visions
  and the headline change (``生态环境质量明显改善``) count too; a task's imperative
  (``加强…``, ``加快形成…``), ``实现`` inside a noun (``价值实现路径``), principles
  (指导思想, 基本原则) and the problems a plan faces (面临的主要问题) never do.
* **Counts and shares** (``numeric``): in a list of counts (``培育30个A、20个B和100个C``)
  each number counts the noun after it, or the head noun after the last 的 of its
  description; 共/等 before a count total what follows (``…等16条铁路专用线``); a share of
  things that reach a state names who reaches what (``持证在采矿山100%达到绿色矿山建设标准``
  measures 持证在采矿山达到绿色矿山建设标准的比例); a kind of area as the scope of a target is
  written as its ``pg:scope`` too (a ``pg:AreaCategory`` node labelled as printed).
* **What is not a goal**: a count of the places a clause is about (``11个设区城市基本建成…``,
  ``博罗惠东龙门三县``), slogans of round numerals (``百名…千名…万名``), the notes under a
  table (``注:1.…``), a paragraph that profiles one project (``项目所在地为…``), a threshold
  inside a definition (``供热半径30公里范围内的``,
  ``500万人次以上的机场``), figures under a heading that looks back (“十三五”…取得的成效,
  发展基础, 面临的形势, 基本形势: the heading of the chapter or task, sub-headings included),
  a figure that names a standard (``节能65%标准``), and indicators named by a verb or a
  place: the measured noun, or the thing counted, is the indicator
  (``实施150个水生态保护修复项目`` counts 项目).

* **As plans scored blind wrote them** (issue 12, second round): a national plan's counts of
  the sites it sets up (``设置1734个…监测站点``, ``筛选…风险监控点9483个``, ``保障…N个…站…正常
  运行``) are counted targets, and who acts (``国家``, ``中央和地方共同``) names nothing
  measured, the thing counted does; a red line held (``坚守18亿亩耕地红线``); the capacity in
  brackets after a list of projects (``(装机约100万千瓦)``); a share of a whole measures the part
  (``非化石能源占能源消费总量的比重``), and a share of things reaching a state is no
  definition (``75%以上的可治理沙化土地得到治理``); a kind of area a threshold defines scopes
  its targets (``城区常住人口100万以上的城市``), sizes of city are kinds of area (``大城市``),
  and a kind of area that opens a listed indicator's name is none (``城市建成区绿化覆盖率``); a
  base year with a change of its own stays in its clause; no targets under ``规划背景`` or a
  heading of ``…新进展``, nor in what a clause focuses on (``以…为重点``), nor in ``千吨万人``.
  Among the goals under a year, a clause closed by a state (``…体系建立健全``, ``…格局更加
  成熟定型``, ``…能源体系加快构建``, ``碳达峰具备坚实基础``, ``…与碳排放“脱钩”``, ``迈入国际
  先进行列``, ``提前达峰后持续下降``) is a commitment; in tasks, under the plan's period: a level
  verb first (``保持海上风电全国领先水平``), ``建成一批…``, ``尽早达峰``, a standard applied in
  full (``全面执行…标准``), ``进一步提高…率``, ``稳定…保有率``, ``…全覆盖``, ``初步摸清…底数``
  and ``出台`` a law or plan.

* **As the 山西 plan (provincial, blind in the second round) and real excerpts wrote them**
  (issue 12, third round): the goals a quoted slogan lists in brackets are read one by one
  (``做到“五个全面”(环境空气质量全面改善、…)``), and a slogan's figure in brackets after its
  quote is a target (``进入“3时代”(低于40微克/立方米)``); a water class reached in the genre's
  other verbs (``提升至Ⅳ类水质``, ``稳定在地表水Ⅲ类``); a ban under a year of its own
  (``到2021年年底,…禁止使用不可降解塑料袋``, ``不再主动提供``), and in full whatever the
  deadline (``全面禁止/全面停止…``); a rule in force from a day of the calendar
  (``2021年7月1日起,全面实施…排放标准``); all of a kind by a standard or a means (``全部按照
  绿色建筑标准进行设计``, ``全部采用…运输``); ``完成…``, ``建立较为完善的…``, ``坚决守住…底线``
  under the plan's period; ``得到合理控制``, ``控制在合理区间``, ``保持稳定增长``; the
  positioning (战略定位) under a background chapter looks ahead; kinds of area of a province
  (``各设区城市``, ``其他县(市)``, ``每县(市、区)``) and a group of waters in quotes
  (``“七河”流域``) scope their targets; a threshold in a unit the table lacks (``高于9吨/月·
  平方公里的市``) defines; a four-character subject is elliptical only when it names where
  (``县城``, not ``工业投资``).

* **As short real texts write them** (issue 12, fourth round: reposted plans, news reports
  of a plan, one-year work plans and task tables): a count heading a measure of the things
  counted (``119个国控断面水质优良比例达98.3%``) says over how many the measure is taken; a
  plan counting its own parts (``重点指标17项``, ``133项具体任务``, ``34个牵头单位``), a count
  of the complete list just named (``电子信息、…、高端装备4个…``), an action verb inside a
  noun of a kind (``整治与生态修复类项目97个``), a book title's figures (``《…6条措施》``), a
  bare ``达`` without a deadline (``出境水量达264.3亿立方米``), the next item of what was done
  (``划分了4个…,12个亚区``) and a foreword (前言, 基本情况) set no goal; a level for places a
  clause names together (no 分别/各/均) is one target, and a group named after its list
  (``长江、…辽河等七大重点流域``, ``这七大重点流域``) is its scope; a kind of area before
  ``以上`` or a share of it (``城市建成区40%以上的面积``) is no scope; a news dateline
  (``新华社北京…电``) names no place of the plan.  Goals a release report states with their
  deadline (``文件提出:到2025年,…``) are the plan's, once; a page title printed twice gives
  its figure once.  A one-year work plan (``2018年度工作方案``, a task table's ``2024年底前``
  column) or a plan of N years (``三年行动方案``) dates its goals; a sentence without goals
  still sets its paragraph's time (``“十三五”期间,…。…``); a ``了`` marks what is done.  The
  goals section of a repost that lost its years, the paragraphs after one that announces
  goals (``…实现四大具体目标:``), a paragraph labelled ``工作目标:`` and, outside the numbered
  tasks, a sentence that opens with its deadline state goals; their states include
  ``得到严格控制``, ``稳中趋好``, ``广泛应用``, ``符合…要求`` (not ``须符合``), a change or a
  curb first (``较大幅度地减少…``, ``初步遏制…趋势``) and, among the goals only, a system
  established (``建立…指标体系``).  Counts name the works a building verb counts (``开工…
  等12个重点项目``, ``续建10条线路``), never who acts, when, or which batch (``首批``); a list of
  counts goes on past items without one; ``超25%`` is Above; ``力争`` heading a sentence's
  first goals covers the list after it until a new deadline.

* **As the genre prints them** (issue 12, sixth round): an indicator of the table is
  labelled by the name the plan prints for it (``非化石能源消费比重`` for the row
  ``非化石能源消费占比``; a stem kept for matching keeps the row's label), one label per
  indicator, the commonest; a head two measured things share is the part of the last that
  names a listed measure for each (受污染耕地和污染地块「安全利用率」: two targets); kinds
  of area named together without 分别 share one level (``中心城区及重点区域``); a share or a
  capacity closing a subject after a listed name is a measure of its own (``地下水质量极差
  比例``, ``生活垃圾分类收运能力``); a worsening trend curbed (``加剧趋势得到初步遏制``) and
  ``得到…监控`` are commitments; ``在…的基础上`` frames the next goal; an index's bare figure
  (``指数达65``) is a ratio; a title's period (``(2021-2025年)``) starts the plan; the same
  goal in the same words twice in one part (a report's lead and its body) is one; and an
  indicator table on its side, flattened with ``|`` (``transposed``), gives a target per
  column.

* **As development excerpts printed them** (issue 12, ninth round): a page of nothing but
  an indicator table on its side, its header cells spaced out (``2022 年 目 标 值``); goals a
  release report quotes from the plan (``规划总体目标提出,…实现…``) are the plan's, due at
  its deadline; a part of a goal in brackets (``(其中Ⅰ—Ⅱ类稳定在25%以上)``) is a goal where
  the whole is; a list of works goes on past ``;`` within its paragraph; kinds listed before
  the head they share (``县级及以上、农村…水质达标率分别达…``) and the items of a group closed
  by 等 (``A、B和C等主要污染物排放总量…分别下降…``) take one value each; states closed by an
  adjective or a result (``持续良好``, ``总体优良``, ``取得实效``, ``有效防控``); a measure
  narrowed by origin (``本地非化石能源…``) is another measure; a list of goals closed by its
  name (``…的总体目标``).

* **As the genre's unseen pages are shaped** (issue 12, eleventh round: mechanisms over
  families of shapes, checked on synthetic grids): an indicator table's rows under lines
  that head a group (经济发展, 一、绿色生态) and the goal in a column of the change over the
  period (年均/累计: 〔13.5〕 cumulative, 6左右 a yearly rate, 65 a level) where the target
  year's cell is a dash; a column marked as the present (2020年(现状)) is never the goals, and
  a table of a plan whose year is unknown states goals only from a marked column, with a
  属性 column, or over a plan's span; a report of what was done (工作总结, 情况汇报, 统计公报)
  states a goal only with a deadline, a word of intent or under a heading that plans ahead;
  a sentence that opens with a figure that is (已建成…, 目前共有…) reports the present to its
  end; titles won and assessments passed (创成/争创…示范县, 通过…验收) are commitments; and
  goals area by area (``area_lists``: a lead naming the measure, then 县名+figure).

* **Whole targets missed, or read where there is none** (issue 12, eighteenth round): the
  people or households a pledged service is for, heading their clause (``为62户贫困残疾人家庭
  实施…改造``), are counted under the plan's deadline; a sentence that says what something
  comprises (``矿产地38处,包括大型矿床13处、…``, ``实施范围包括,…26个县``) commits no count by
  its year alone; a share of a project's work (``精品古道项目60%的工程量``) is progress, its
  indicator the work (工程量) and the project its scope; a report that hands over to the
  document's words of intent (``《通知》指出,要确保完成90%…``) gives its goals, due at its
  deadline; a ratio to one is also written with 比 (``2.8比1``).

* **Whole targets missed, or read twice** (issue 12, nineteenth round): a range printed in
  full (``7.5%—8%``) is one goal at its lower bound; a count after a list closed by 等
  (``建成投用A、…、H等8家卫生院``) totals the works even where the names are as many; a share of
  things past a threshold (``实现20%的村集体年收入超30万元``, ``全县30%的行政村建成…``) is the
  goal, the threshold none; the title of a table of goals dates an excerpt that lost its plan's
  title (``宝应县“十四五”卫生健康主要发展指标``); a report of a release dates the past from the
  period of the plan it names (``从2015年到2020年…`` under ``《“十四五”…规划》``); a round sum
  without its figure (``突破万亿元``); projections listed after one a pace heads, or reached
  through the plan's means (``通过…,预计到2020年,…``), and the measure a level is restored for
  (``入境旅游人数逐步恢复到2019年水平,预计…达到24.71万人次``); what a plan plans over its period
  (``规划投资2103亿元``); what a count counts after ``对全县`` or a verb of works
  (``新(改、扩)建500个…``); and a goal given once where a news sub-heading, a report's lead
  relaying the plan's full title, or an undated news lead states it again.

* **The document's year and the year ahead** (issue 12, twentieth round): a text without a
  date is for the year its title names for a work report or a year's work (``2024年政府工作
  报告``, ``2025年国民经济和社会发展计划``, ``2026年工作要点``), else the year whose expected
  goals a work report gives (``2024年…主要预期目标是:``): what it dates earlier is the past,
  its ``今年`` that year; a heading of a plan carried out (``2024年计划执行情况``) looks back;
  in a report, a sentence that opens on the year ahead (``今年,全市要完成…``, ``会议指出,明年
  全市将…``) states the year's goals, and so do the sentences after it in its paragraph until
  one looks back; a projection (``预计到2027年…``) after a goal in its sentence leaves the goal,
  and the intent before a deadline (``计划到2027年``, ``拟到``, ``该市``) names no part of the
  measure.

The package follows those concerns, one module each: ``clauses`` (splitting and text forms),
``numbers`` (numbers, units, comparators), ``years`` (years, periods, base years),
``indicators`` (what is measured), ``scopes`` (where), ``numeric`` (numeric targets of a
clause) with ``measures`` (the indicator each number of it measures) and ``counts`` (what a
count counts, and the counts that set no goal), ``commitments`` (the clause assembly) with
``commitment_words`` (the changes, states, progress and openings it reads) and ``pledges``
(commitments without numbers), ``tables`` (indicator-table rows),
``transposed`` (tables on their side), ``area_lists`` (goals area by area), ``grouped``
(tables of tasks by area under year groups, pasted one cell per line) and ``sentences``
(the driver over units, paragraphs and sentences) with ``leads`` (how a sentence or a
paragraph opens: 到2025年, 其中, 目标:, 截至…, 预计…).
"""

from __future__ import annotations

from .indicators import IndicatorTable, load_indicators, slugify
from .repeats import one_label_each
from .scopes import Resolver
from .sentences import extract_targets

__all__ = [
    "IndicatorTable",
    "Resolver",
    "extract_targets",
    "load_indicators",
    "one_label_each",
    "slugify",
]
