"""The phrase tables of ``pledges``: the genre's other phrasings of a commitment without a
number (a level reached, a state an adverb of degree marks, a completion verb first, and what
the plan makes sure of: 确保…).

The three closed lists of ``commitments`` (changes of a measure, states, progress) read the
phrasings of a deadline: ``到2025年,…基本形成``.  Plans also commit in ways those lists
miss, and these are read here, from named phrase tables built from the genre's vocabulary:

* **a state at the end of its clause** (``REACHED_AT_END``): the subject, then an adverb of
  degree and a verb of state (``风险评估水平有效提升``, ``气候风险管理和防范体系基本成熟``),
  ``得到`` and how (``灾害风险得到有效防控``), a level (``达到同期国际先进水平``, ``走在全国
  前列``), a state no longer seen (``不再出现“城市看海”现象``) or a pace against another
  (``下降幅度大于全社会下降幅度``), a need met (``基本满足管理需求``), every unit covered
  (``覆盖所有区县``), a state kept (``总体水质保持优良``).  It needs a deadline (``到2025年``,
  or the plan's period); adverbs that say only how much (``更加完善``, ``广泛形成``), a
  plain ``改善`` or ``得到保障`` (no measure, no manner), and visions (``美丽中国``,
  ``…现代化基本实现``) count only in the plan's goals (主要目标) under a year, where every
  clause is one; the vision nouns (``生态环境质量``) there only in a change (``明显改善``).
* **a completion verb first** (``COMPLETED_FIRST``): ``建成…``, ``形成…``, ``构建起…``,
  ``实现…``, ``全面消除…``, after at most a short subject (``园区内实现污染处理设施全覆盖``).
  Under a deadline any of them; without one, as a standing goal of a task, only those that
  cannot be an action under way: ``建成``, ``实现``, ``全部/全面消除``, ``全部迁入``.
* **what the plan makes sure of** under a deadline: a clause opened by ``确保``, as printed
  (``确保建成区长治久清``); without a deadline it is a duty, not a goal.
* **not a commitment**: a task's imperative (``加强…``, ``推进…``, ``全面提升…能力``: the
  verb of doing, first), a purpose (``为实现…``), an object that ends in a number (the
  numeric target's), a count without a number (``形成一批…``), ``实现`` inside a noun
  (``价值实现路径``), and what was assigned (``实现上述目标``, ``确保规划顺利实施``).
"""

from __future__ import annotations

import re

#: Adverbs of degree or manner that turn a verb at the end of a clause into a state.
DEGREE = (
    "基本|全面|初步|总体|稳定|持续|明显|显著|大幅度|大幅|有效|进一步|逐步|稳步|根本|不断|"
    "切实|普遍|充分|较好|更加|更趋|更为|广泛|有序|深入|全部|均|继续|较大幅度|较大|日趋|日益|逐渐|"
    "提前|率先|快速|高速|较快|更"
)
#: Adverbs that say how much and reach no state (更加完善, 广泛形成): a commitment only in
#: the plan's goals.
DEGREE_ONLY = re.compile(r"^(?:更加|更趋|更为|更|广泛|进一步|不断|日趋|日益)+$")

#: What a subject reaches, at the end of its clause (the subject is before it).
REACHED_AT_END = re.compile(
    rf"""
    (?: (?P<level>                                      # a level: 达到同期国际先进水平
          (?:达到|保持|处于|跻身) [^,;。]{{0,16}}? (?:先进|领先|一流|标杆|前列|小康)
          (?: [^,;。]{{0,12}}? (?:水平|值|地位) )?        # 国际领先的热作农业现代化水平
        | (?:走在|位居|位于|位列|进入|排名|排在) [^,;。]{{0,8}}?
          (?:前列|前茅|第一方阵|前[一二三四五六七八九十]+(?:名|位)?)   # 增幅位列全市前三
        | 达到 [^,;。]{{0,12}}? (?:考核|管理|国家|省)[^,;。]{{0,4}}? 要求   # 达到国家考核要求
        | (?<![须应当要]) 符合 [^,;。]{{0,16}}? (?:要求|标准|条件)   # 排放符合…要求, not 须符合
        | (?:优于|高于|好于|低于|接近) [^,;。]{{0,8}}? 平均水平 )   # 健康指标优于全市平均水平
      | (?P<got>                                        # 得到有效防控, 得到全面保护
          (?:得到|获得) (?:{DEGREE}|合理|严格)*             # 能源消费总量得到合理控制
          (?:防控|治理|保障|保护|恢复|修复|提升|改善|控制|遏制|落实|管控|监控|缓解|解决|应用推广|
             推广应用|应用|推广|发挥|巩固|加强|增强|满足|优化|根治|处理|利用|认同|认可)
          (?: (?:或|和|与|及) [^,;。]{{1,6}}? (?:利用|处置|处理) )? )  # 得到有效处理或资源化利用
      | (?P<formed>                                     # 基本成熟, 全面推广, 基本协调
          (?P<formed_how> (?:{DEGREE})+ )
          (?:形成|建成|建立|确立|成熟|完善|健全|落实|到位|普及|推广|推行|开展|推进|实施|协调|
             匹配|相适应|相协调|转变|转型|恢复|稳定|好转|畅通|扭转|深化|合理|科学|高效|完备|
             精准|规范|顺畅|巩固|发挥|绿化|管控|应用|防控|
             丰富|壮大|涌现|成网|                           # 供给更加丰富, 高速公路基本成网
             良好|优良|优美|清洁|明显) )                       # 地下水水质持续良好, 总体优良
      | (?P<kept>                                       # 总体水质保持优良
          (?:{DEGREE})* (?:保持|维持|稳定在|保持在) (?:优良|良好|优|稳定|较好|较高)(?:水平|状态)?
        | (?:控制|保持|稳定)在合理(?:区间|范围|水平)           # 碳排放控制在合理区间
        | (?:保持|维持) 合理 [^,;。]{{0,4}}? 水平              # 棉花、糖料保持合理自给水平
        | (?:与 [^,;。]{{1,12}}?)? (?:基本|大体|总体)? 持平 )     # 与疫情前基本持平
      | (?P<grows> (?:保持|实现) (?:稳定|平稳|较快|合理|持续|稳步|适度)增长  # 保持适度增长
          | 与 [^,;。]{{1,12}}? (?:基本)?同步 (?:增长|提高|提升)? )   # 收入与全省同步增长
      | (?P<rooted> 深入人心 | 蔚然成风 | 成为(?:新)?常态 | 全面覆盖
          | 稳中(?:趋|向)好 | 稳中有(?:升|进|降)                    # 近岸海域环境质量稳中趋好
          | (?:持续|总体|稳定|逐步|不断|明显|进一步)+ (?:趋|向)好   # 安全生产形势持续稳定向好
          | 初具规模 | 初见成效 | 初显成效                          # 区域医疗中心建设初具规模
          | (?:保持)? (?:和谐稳定|安全稳定|安定有序|和谐有序|充满活力)  # 社会
                                                                      # 保持和谐稳定
          | (?:迈上|再上|跃上|登上)(?:一个)?新(?:的)?台阶      # 绿色低碳理念深入人心
          | (?:达到|迈上|跃上|提升到|提高到)新(?:的)?(?:水平|高度)     # 民生福祉达到新水平
          | (?:步入|迈入|走上|进入) [^,;。]{{0,8}}? (?:轨道|快车道) )  # 林业步入高质量发展轨道
      | (?P<meets>                                      # 监测能力基本满足管理需求
          (?:{DEGREE})* (?:满足|适应|适配) [^,;。]{{0,24}}? (?:需求|需要|要求) )
      | (?P<covers>                                     # 监测网络覆盖所有区县
          (?:{DEGREE})* 覆盖 (?:到)? (?:所有|全部|全[省市国区县]|各[省市区县]) [^,;。]{{0,16}}
        | (?:全面|基本|全部|均|都)+ (?:接入|连通|贯通|通达|联通|接通) [^,;。]{{1,20}} )
                                                        # 重要港口全面接入铁路专用线
      | (?P<better>                                     # 有效提升, 明显降低
          (?P<better_how> (?:{DEGREE})+ )
          (?P<better_verb> 提升|提高|增强|改善|加强|优化|降低|下降|减少|减轻|缓解|减弱|扩大|增加|
                           跃升|增长|上升) )                    # 信息化发展水平大幅跃升
      | (?P<gone>                                       # 易涝积水点全面消除
          (?:基本|全面|彻底|全部|动态|逐步)+ (?:消除|清零|消灭|杜绝) )
      | (?P<progress>                                   # 取得重大进展, 实现新进步
          (?:取得|实现) 了? (?:积极|重大|重要|明显|显著|决定性|实质性|突破性|阶段性|长足|新的?|
                              较大|关键性?|历史性|标志性)*
          (?:战略性?)? (?:进展|成效|成果|突破|进步|跨越|实效)
        | 实现 (?:规模化|产业化|工程化|商业化|示范)+ (?:应用|示范|推广)? )  # 实现产业化应用
      | (?P<never> 不再 (?:出现|发生|新增) (?P<never_what> [^,;。]{{0,16}} ) )  # 不再出现…现象
      | (?P<milestone>                                  # a project's milestone: 项目开工建设,
          (?:年内|年底前|如期|按期|提前|全面|全部|顺利|基本|建成|确保)*   # 年内投入营业
          (?<![推带驱启主联调互能公展离])                   # not 推动工
          (?:开工|动工|完工|竣工|通车|投入(?:营业|运营|使用|生产)|投产|投运|投用|达产|达效|
             并网|挂牌运营|创建成功){{1,2}} (?:建设|验收|发电)? )      # 达产达效, 建成通车
      | (?P<safe>                                       # 无重大旅游安全事故发生
          (?:无|不发生|杜绝) [^,;。]{{0,16}}? (?:事故|事件|案件|疫情|灾害) (?:发生)? )
      | (?P<usual>                                      # 示范街道常态化, …活动中心普及
          (?:{DEGREE})* (?:常态化|长效化) | 普及 )          # 普及 bare: among the goals
      | (?P<every>                                      # 每个社区都有便捷的体育健身设施
          (?:都|均|全部) (?:有|建有|配备|设有|配有) [^,;。]{{1,24}}
        | (?:将|全部|均|都)* 通 [^,;。]{{0,10}}? (?:路|公路|客车|班车|宽带|光纤|动车|高铁) )
      | (?P<pace>                                       # 下降幅度大于全社会下降幅度
          (?:幅度|增速|速度|水平) (?:均|都)?                     # 增速均高于GDP增速
          (?:大于|高于|快于|优于|低于|小于|慢于) [^,;。]{{0,16}} )
    ) [”"]? \s* $
    """,
    re.VERBOSE,
)

#: Adverbs of a degree that grows (not 基本, 全面: 基本原则, 全面安排 are nouns after them):
#: among the goals, any state after one (…能力持续强化, 贡献更加突出) is a goal.
GROWING = "持续|明显|显著|进一步|不断|更加|更趋|更为|日益|日趋|大幅"
#: What grows harder, the challenges a plan faces (任务更加繁重, 趋势更加明显), or a way of
#: doing (持续发展, 持续利用): no state reached.
HARDER = "繁重|严峻|艰巨|复杂|明显|发展|利用"

#: Verbs and adjectives of a state that the plan's goals close a clause with, alone or two
#: together (建立健全, 成熟定型, 协调统一, 落实到位, 构建形成, 健全完善).
GOAL_VERBS = (
    "成熟|定型|建立|健全|完善|协调|统一|明确|落实|到位|构建|形成|补齐|实现|确立|夯实|筑牢|"
    "巩固|凸显|显现|提升|提高|增强|优化|改善|降低|下降|减少|好转|完备|规范|高效|畅通|顺畅|"
    "良好|优良|和谐|合理|丰富|壮大|上升|增长|拓展|充足|齐全|有序|均衡|便捷|稳固|牢固|活跃|繁荣"
)
#: How the goals say a state is reached at the end of a clause (among the goals under a
#: year only, where every clause is a goal): ``…格局更加成熟定型``, ``…体系建立健全``,
#: ``…能源体系加快构建``, ``…能力得到新提升``, ``碳达峰具备坚实基础``, ``…与碳排放“脱钩”``,
#: ``…迈入国际先进行列``, ``碳排放提前达峰后持续下降``, ``…现代化基本实现``.
GOAL_AT_END = re.compile(
    rf"""
    (?: (?P<goal_how> (?:{DEGREE}|加快|得到新?|实现新?)* ) (?P<goal_verb> (?:{GOAL_VERBS}){{1,2}} )
      | (?<![可将会]) (?:{GROWING})+                     # 持续强化, 更加突出: a state an
        (?P<goal_state> (?!{HARDER}) [\u4e00-\u9fff]{{2}} )   # adverb of growth marks
      | 具备 [^,;。]{{0,6}} 基础
      | 脱钩
      | (?:迈入|跻身|进入|迈进) [^,;。]{{0,8}}? (?:行列|前列|水平)
      | (?:提前|率先|尽早)? 达峰 后? (?:{DEGREE})* (?:下降|回落) )
    [”"]? \s* $
    """,
    re.VERBOSE,
)


#: Any of those states, anywhere in a sentence (a sentence without one holds none of them).
ANY_PLEDGE = re.compile(
    REACHED_AT_END.pattern.replace('[”"]? \\s* $', "")
    + "|"
    + GOAL_AT_END.pattern.replace('[”"]? \\s* $', "")
    + r"|形成|构建起|建立起|成为|打造|搭建|摸清|出台|禁止|不再|停止|全部(?:采用|使用|实行)"
    + r"|守住|建立(?:较为|比较|更加)?(?:完善|健全|完备)的"
    + r"|解决|缓解|创建|补齐|编制完成|制定完成|修编完成|修订完成|退出|摘掉|摘除|甩掉",
    re.VERBOSE,
)

#: Verbs that open a clause with the state its object reaches (completion, not an action).
#: ``anywhere``: a standing goal even without a deadline; the others need one.
COMPLETED_FIRST = re.compile(
    r"""
    (?P<verb>
        (?P<anywhere>
            (?:全面|基本|初步|率先)? 建成 (?!区|后|投运|投产|使用)
          | (?:率先|全面|基本|力争|逐步|真正)? 实现 (?!了|的|路径|模式|机制|形式|方式|途径)
          | (?:全部|全面|彻底|基本)? 消除
          | 全部 (?:依法依规)? (?:迁入|迁出|搬迁|退出|关停|淘汰|取缔|纳入|进入|入园|采用|使用|实行
                              |停止)                                # 全部依法依规停止运行
          | (?:全面|一律) (?:禁止|停止)                      # 全面禁止天然林商业性采伐
          | (?:初步|全面|基本|彻底) 摸清 )                     # 初步摸清…底数
      | (?:初步|全面|基本|彻底)? 查明 | (?:初步|全面|基本) 掌握       # 基本掌握核心技术
      | (?<![推带驱启主联调互能公展离]) (?:开工|动工)         # 开工新港线西延线, not 推动工业,
        (?!作|具|业|人|资|仪式|率|项目数) (?:建设)?              # 公开工作
      | (?P<narrow> (?:逐步|努力|进一步|不断|持续|明显)? 缩小 (?=[^,;。]{2,30}差距\s*$) )
      | (?P<goal_built> (?:打造|搭建|构建) (?!成)                  # among the goals only:
          (?=[^,;。]{2,60}(?:格局|体系|机制|网络|屏障|高地|目的地|示范区|核心区|先行区|集聚区
                          |基地)[”"]?\s*$) )                     # 打造…数字政府新格局
      | (?:全面|基本) 普及 (?!率|程度|水平)                     # 全面普及学前三年教育
      | 构建起 | 建立起 | 形成 | (?:打造|建设|改造|培育|发展)成为? | 成为 | 出台
      | (?P<solved> (?: (?:基本|彻底|从根本上|根本|全面|有效|切实) 解决
                     | (?:基本|彻底|全面|有效|切实|明显|逐步)? (?P<eased> 缓解) )
                   (?=[^,;。]{2,30}问题\s*$)                   # 基本解决草原过牧问题
                 | (?:基本|彻底|从根本上|根本) 扭转 (?=[^,;。]{2,30}(?:局面|状况)\s*$) )
      | (?<!择优)(?<!积极)(?<!择机)                            # 择优创建: a task's manner
        (?:成功|力争|全力|努力)? (?:创建|创成|争创|获评) (?:成功|成为)?  # 创建…示范市
          (?= [^,;。]{2,36}? (?:示范|先行|试验|实验)区 [”"]?\s*$
            | [^,;。]{0,12}(?:示范|先进|模范|文明|卫生|园林|森林|生态|特色|实践创新|标杆|样板
                            |国家级|省级|市级|全国|国家|省)
              [^,;。]{0,24}(?:省|市|县|城市|城|镇|乡|村|州|旗|盟|基地|园区|单位|称号|品牌
                            |片区|县城|强县|强镇|名村|名镇|景区|度假区)
              [”"]?\s*$)
      | (?P<passed> (?:顺利|全面|成功|力争)? 通过 )             # 通过国家…示范县考核验收
          (?=[^,;。]{2,30}(?:验收|复核|复审|考核|评估|认定|认证|评审|核查|创建)\s*$)
      | (?P<left> (?:全面|率先|如期|成功|全部)? (?:退出|摘掉|摘除|甩掉)
                 (?=[^,;。]{2,30}(?:行列|帽子|名单|序列)[”"]?\s*$) )  # 退出…不达标县行列
      | (?:在[^,;。]{1,8})? 全面 (?:实施|推行|建立) (?=[^,;。]{1,12}制\s*$)   # 全面实施河长制
      | 打造形成 | (?:基本|全面)? 补齐 (?=[^,;。]{2,30}(?:短板|弱项)\s*$)  # 基本补齐…短板
      | (?:编制|制定|修编|修订)完成 (?=[^,;。]{2,30}(?:规划|方案|计划|办法|标准|清单)\s*$)
      | (?:初步|有效|基本|坚决)? 遏制 (?=[^,;。]{2,24}(?:趋势|势头|态势)\s*$)  # 初步遏制…加剧的趋势
      | (?:较大幅度|大幅度|大幅|明显|显著) 地? (?:减少|降低|削减)    # 较大幅度地减少污染严重水体
      | 建立 (?=(?:较为|比较|更加)?(?:完善|健全|完备)的)          # 建立较为完善的…体系
      | (?P<built> 建立 (?!健全|完善|和|与)
                   (?=[^,;。]{2,30}(?:体系|机制|平台|制度|清单|名录|数据库)\s*$) )
                                                          # 建立…指标体系 (among the goals)
      | (?<![未已成]) (?:全面|基本|如期)? 完成 (?!率|后|了|形势|情况|进展|进度)  # 完成…造林绿化
      | (?:坚决)? 守住 (?=[^,;。]{2,30}(?:底线|红线)\s*$)      # 坚决守住…的底线
      | (?P<ban> 禁止 (?:生产|销售|使用|新建|进口) | 不再 (?:主动)? 提供
                | 停止 (?:生产|销售|使用|供应) ) )             # under a deadline: 禁止使用…
    (?P<object> [^,;。]{2,} ) \s* $
    """,
    re.VERBOSE,
)


#: A government's list of the year's livelihood projects (十大民生实事, 十方面民生实事, 15件
#: 民生实事, 为民办好10件实事), or the year's list under any of the genre's names for it
#: (2024年民生实事项目, 2024年重点民生工程实施方案, 2023年为民办实事项目清单): every item is a
#: pledge for that year.  A year's projects named inside a task (完成2024年省民生实事…任务)
#: are no list.
LIVELIHOOD_LIST = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:件|项|大|个方面|方面)[^。;,，]{0,8}?"
    r"(?:民生实事|惠民实事|为民实事|实事)"
    r"|(?:19|20)\d\d\s*年[^。;,，]{0,12}?"
    r"(?:民生实事|惠民实事|为民办实事|民生工程|惠民工程|民生项目|实事)(?:项目|清单|安排|实施方案)"
)
#: How an item of such a list opens: a project (新建城南幼儿园, 开工…, 改造提升农贸市场), a
#: service provided to a group (为全县65岁以上老年人免费开展健康体检) or a system put in force
#: (全面推行…制度, 实行…), the verb first.
PROJECT_ITEM = re.compile(
    r"""^(?:全面|全省|全市|全县|全区|年内|继续|加快)?
        (?: (?:新建|改建|扩建|续建|迁建|新改建|新改扩建|建设|建成|开工|完工|完成|改造|提升|实施
              |推行|实行|落实|开展|新增|增设|配置|配备|发放|提供|建立|设立|开通|打通|创建|安装
              |更新|修缮|整治|治理|打造|免费|推出|启动|上线|解决)
          | (?:为|向)[^,;。]{2,30}?(?:免费|提供|发放|开展|接种|配备|实施|实行|建立|补贴)
          | 对[^,;。]{2,30}?进行 )                  # 对…学校运动场地进行改造""",
    re.VERBOSE,
)
#: An item's verb of effort (加强…, 推进…): the work, not what is pledged; an effort to
#: finish (加快建成…, 加快完成…) pledges what it finishes.
EFFORT_ITEM = re.compile(
    r"^(?:加强|强化|推进|推动|深化|持续|着力|积极|进一步|做好|抓好|加快|加大|完善|健全|优化|坚持"
    r"|支持|鼓励|引导|探索|深入|扎实|大力|切实)(?!建成|完成|竣工|完工)"
)
