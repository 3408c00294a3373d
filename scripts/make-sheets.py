#!/usr/bin/env python3
"""Writes N synthetic county achievement sheets (layout sheet-a4) for benchmarks.

    scripts/make-sheets.py 500 /tmp/sheets            # sheet-00001.yaml … sheet-00500.yaml + photos/
    scripts/make-sheets.py 500 /tmp/sheets --seed 7   # a different, equally repeatable set
    scripts/make-sheets.py 60 /tmp/sheets --broken 3  # 3 of them with a deliberate error

The same arguments always give byte-identical files (random.Random(seed), no
clock, no environment), so benchmark runs compare like with like. Each sheet
is shaped like samples/counties/*.yaml — union, kicker, headline, a lead,
3–6 highlights, three sections of 2–3 paragraphs, a photo, a byline — with
about 860–1000 characters of text (fewer with more highlights), which fits
one A4 page. Unions and figures are made up from word lists; any
resemblance to a real county's report is chance. Photos are copied from samples/counties/photos/ into
OUTDIR/photos/ so the folder is self-contained (e.g. on a shared volume).

Only the Python 3 standard library is used.
"""

import argparse
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PHOTOS = os.path.join(HERE, "..", "samples", "counties", "photos")

# Text length of a sheet (paragraphs, headings, caption): what fits one page
# of sheet-a4 together with a column-wide photo and 3–4 highlights; each
# further row of the highlights box costs about a line of each column.
MAX_CHARS = 1000
CHARS_PER_EXTRA_HIGHLIGHT = 25
SPREAD = 90

PROVINCES = ["河北省", "山西省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省",
             "湖北省", "湖南省", "广东省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省"]
NAME_CHARS = "安宁平阳清河丰泽兴华源川山城东西新永乐昌德江林石临明泰和武定远长"
COUNTY_KINDS = ["县", "县", "县", "市", "区"]

# (industry, its jobs, its product or place)
INDUSTRIES = [
    ("竹木加工", ["竹编工", "木工", "质检员"], "竹木制品"),
    ("电子信息", ["贴片操作员", "设备工程师", "测试员"], "电子元器件"),
    ("装备制造", ["焊工", "钳工", "数控车工"], "工程机械"),
    ("纺织服装", ["缝纫工", "横机工", "裁剪工"], "针织服装"),
    ("食品加工", ["质检员", "包装工", "设备维修工"], "特色食品"),
    ("日用陶瓷", ["施釉工", "窑炉工", "彩绘工"], "日用瓷"),
    ("新能源", ["风电运维员", "光伏检修工", "储能管理员"], "清洁能源"),
    ("现代物流", ["叉车司机", "分拣员", "快递员"], "物流园区"),
    ("精细化工", ["仪表工", "化工操作工", "安全员"], "化工园区"),
    ("家具制造", ["木工", "油漆工", "雕刻工"], "实木家具"),
    ("设施农业", ["种植技术员", "嫁接工", "农机手"], "蔬菜园区"),
]

HEADING_LEFT = ["搭建竞赛平台", "建强创新阵地", "织密服务网络", "深化集体协商", "突出思想引领", "做实技能培训",
                "健全激励机制", "推进建会入会", "守护安全健康", "弘扬劳模精神"]
HEADING_RIGHT = ["激发创新活力", "促进成长成才", "凝聚奋进力量", "让职工安心扎根", "赋能产业升级",
                 "共享发展成果", "筑牢安全防线", "带动技能提升", "提升职工获得感", "营造崇尚技能氛围"]
HEADLINES = ["{ind}产业里走出新时代工匠", "技能“大比武”比出发展新动能", "让产业工人在{short}留得住干得好",
             "产改赋能{ind}提质增效", "工会服务跟着产业链走", "一线职工成长为技术骨干",
             "以“三个聚力”推动产改走深走实", "为{ind}转型培养高素质技术工人"]
KICKERS = ["聚焦{ind}产业 建强产业工人队伍", "深化产改 服务县域经济", "技能兴县 匠心筑梦",
           "服务特色产业 培育技能人才"]

LEAD = ("{short}{ind}产业集聚，一线产业工人超过{n1}万人。近年来，{union}紧扣县域经济发展大局，把产业工人队伍"
        "建设改革与{ind}产业发展结合起来，在思想引领、技能提升、创新创效、权益保障上持续用力，推动一线职工从"
        "“会干活”向“干好活”转变。")

# Sentences of a paragraph; {job} etc. are filled per sentence.
SENTENCES = [
    "{org}联合人社、经信等部门，每年举办{ind}行业职业技能竞赛{n2}场，参赛职工累计超过{n3}人次。",
    "竞赛成绩与职工成长挂钩，获奖选手按规定晋升技能等级，并在评优评先中优先考虑。",
    "{org}推动建立“首席技师—技术骨干—青年学徒”三级带徒机制，全县已结成师徒对子{n3}对。",
    "{job}{name}三年间从普通工人成长为企业技术骨干，他说：“比赛让我看到了努力的方向。”",
    "{org}每年安排专项资金扶持劳模和工匠人才创新工作室建设，已建成工作室{n2}家。",
    "工作室围绕工艺改进、节能降耗等难题开展攻关，近三年取得创新成果{n3}项，为企业节约成本{n2}00余万元。",
    "“五小”创新活动在车间班组遍地开花，一批来自生产一线的“土专家”走上领奖台。",
    "{org}推进区域性、行业性工资集体协商，协商成果覆盖企业{n3}家、职工{n1}万人。",
    "全县建成职工之家、爱心驿站等服务阵地{n2}0个，为外来务工人员提供子女暑托、免费体检、法律咨询等服务。",
    "{org}组建劳模工匠宣讲团，深入企业车间开展宣讲{n2}场，引导职工听党话、跟党走。",
    "针对{ind}企业季节性用工多的特点，{org}推行“一次入会、全年服务”，让流动职工也有了“娘家人”。",
    "{org}联合职业院校开设{job}等订单式课程，参训职工{n3}人次，培训合格者由企业落实技能津贴。",
    "{org}在重点企业选聘群众安全监督员{n3}名，班前讲风险、班中查隐患、班后抓整改。",
    "{product}企业的{job}{name}说：“工会办的培训很实用，学到的本事回到岗位马上就能用上。”",
    "{org}常态化开展“送温暖”“送清凉”“金秋助学”活动，近三年帮扶困难职工{n3}人次。",
]
CLOSING = "{union}表示，将继续深化产业工人队伍建设改革，让更多产业工人在{short}留得住、干得好、有奔头。"
EMPHASES = ["以赛促学、以赛促练。", "产业需要什么，培训就教什么。", "服务跟着职工走。", "榜样就在身边。",
            "安全是最大的福利。", "技能是职工的饭碗。"]

HIGHLIGHTS = [
    ("{n3}", "人次", "职工参加技能培训"), ("{n2}", "家", "劳模和工匠人才创新工作室"),
    ("{n3}", "项", "职工“五小”创新成果"), ("9{d}", "%", "规上企业集体合同覆盖率"),
    ("{n1}.{d}", "万人次", "职工参加劳动和技能竞赛"), ("{n2}0", "个", "职工服务阵地"),
    ("{n3}", "名", "职工通过竞赛晋升技能等级"), ("{n2}0", "万元", "帮扶困难职工资金"),
]
PHOTOS = [
    ("contest.jpg", "{short}{ind}行业职业技能竞赛现场，选手们同台比拼。"),
    ("lecture.jpg", "{union}劳模工匠宣讲团走进企业开展宣讲。"),
    ("studio.jpg", "{short}一家{product}企业的劳模创新工作室里，职工正在研究技术难题。"),
    ("station.jpg", "{short}一处工业园区内的职工驿站，为一线职工提供休息服务。"),
    ("classroom.jpg", "{union}组织{ind}企业职工参加技能提升培训。"),
    ("greenhouse.jpg", "{union}组织技术人员走进产业基地，为职工开展技术指导。"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国志海燕晓云峰"


def person(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def fill(rng, template, ctx):
    values = dict(ctx)
    values.update(n1=rng.randint(2, 30), n2=rng.randint(12, 90), n3=rng.randint(120, 4800),
                  d=rng.randint(0, 9), job=rng.choice(ctx["jobs"]), name=person(rng))
    return template.format(**values)


def quoted(text):
    """A YAML double-quoted scalar (the text never holds a backslash or a newline)."""
    return '"' + text.replace('"', '\\"') + '"'


def make_sheet(rng, broken):
    province = rng.choice(PROVINCES)
    kind = rng.choice(COUNTY_KINDS)
    short = "".join(rng.sample(NAME_CHARS, 2)) + kind
    ind, jobs, product = rng.choice(INDUSTRIES)
    ctx = dict(short=short, union=short + "总工会", org=kind + "总工会", ind=ind, jobs=jobs, product=product)

    lead = fill(rng, LEAD, ctx)
    headings = [h + " " + r for h, r in zip(rng.sample(HEADING_LEFT, 3), rng.sample(HEADING_RIGHT, 3))]
    photo, caption = rng.choice(PHOTOS)
    caption = fill(rng, caption, ctx)

    # Paragraphs of 2–3 sentences until the sheet is long enough, then the
    # closing sentence; sentences are not repeated within a sheet.
    figures = rng.sample(HIGHLIGHTS, rng.randint(3, 6))
    max_chars = MAX_CHARS - CHARS_PER_EXTRA_HIGHLIGHT * max(0, len(figures) - 4)
    min_chars = max_chars - SPREAD
    pool = list(SENTENCES)
    rng.shuffle(pool)
    sections = [[], [], []]
    length = len(lead) + sum(len(h) for h in headings) + len(caption)
    closing = fill(rng, CLOSING, ctx)
    s = 0
    # At most 8 before the closing one: three sections of 2–3 paragraphs.
    while pool and length + len(closing) < min_chars and sum(map(len, sections)) < 8:
        count = min(len(pool), rng.choice([2, 3]))
        paragraph = "".join(fill(rng, pool.pop(), ctx) for _ in range(count))
        if length + len(paragraph) + len(closing) > max_chars:
            continue
        if not sections[s]:
            paragraph = "**" + rng.choice(EMPHASES) + "**" + paragraph
        sections[s].append(paragraph)
        length += len(paragraph)
        s = (s + 1) % 3
    sections[2].append(closing)

    out = ["# Synthetic sheet made by scripts/make-sheets.py for benchmarks; names and figures are made up.",
           "layout: sheet-a4", "meta:", "  paper: 工会周刊", "  edition: 县域工会巡礼",
           "  date: 2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)), "  page: 1", "articles:",
           "  - union: " + province + ctx["union"],
           "    kicker: " + quoted(fill(rng, rng.choice(KICKERS), ctx))]
    # A deliberately broken sheet misspells a required key: one error at a known place.
    out.append(("    headlin: " if broken else "    headline: ") + quoted(fill(rng, rng.choice(HEADLINES), ctx)))
    out += ["    lead:", "      - " + quoted(lead), "    highlights:"]
    for value, unit, label in figures:
        out.append("      - {value: %s, unit: %s, label: %s}" % (quoted(fill(rng, value, ctx)), quoted(unit), label))
    out.append("    sections:")
    for heading, paragraphs in zip(headings, sections):
        out += ["      - heading: " + quoted(heading), "        paragraphs:"]
        out += ["          - " + quoted(p) for p in paragraphs]
    out += ["    photos:", "      - src: photos/" + photo, "        caption: " + quoted(caption),
            "        credit: 单位供图", "    byline: " + quoted("通讯员 %s %s" % (person(rng), person(rng)))]
    return "\n".join(out) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("count", type=int, help="how many sheets")
    p.add_argument("outdir", help="folder to write sheet-NNNNN.yaml and photos/ into")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--broken", type=int, default=0, help="how many sheets get a deliberate error")
    p.add_argument("--photos", default=DEFAULT_PHOTOS, help="folder of the JPEGs to copy")
    args = p.parse_args()
    if args.count < 1 or not 0 <= args.broken <= args.count:
        p.error("need count >= 1 and 0 <= broken <= count")

    rng = random.Random(args.seed)
    # Which sheets are broken is drawn first, so it does not shift the content.
    broken = set(rng.sample(range(args.count), args.broken))
    os.makedirs(os.path.join(args.outdir, "photos"), exist_ok=True)
    for name, _ in PHOTOS:
        shutil.copyfile(os.path.join(args.photos, name), os.path.join(args.outdir, "photos", name))
    width = max(5, len(str(args.count)))
    for i in range(args.count):
        path = os.path.join(args.outdir, "sheet-%0*d.yaml" % (width, i + 1))
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(make_sheet(rng, i in broken))
    print("wrote %d sheets (%d broken) to %s" % (args.count, len(broken), args.outdir), file=sys.stderr)


if __name__ == "__main__":
    main()
