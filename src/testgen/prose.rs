//! Agencies, titles and the prose of the six sections.

use super::*;

pub(crate) struct Meta {
    pub(crate) agency: String,
    /// "我局", "我委", "我区" …
    pub(crate) we: &'static str,
    pub(crate) year: i32,
    /// Sub-item numbering: "." or "、" ("、" in some reports only in （六）).
    pub(crate) dot: &'static str,
    pub(crate) dot_six: &'static str,
    /// Half-width brackets with a space ("(一) 予以公开") as converters sometimes write.
    pub(crate) half_brackets: bool,
}

pub(crate) const DISTRICTS: &[&str] = &[
    "红旗",
    "凤泉",
    "北关",
    "瀍河回族",
    "洪泽",
    "清江浦",
    "淮阴",
    "涟水",
    "金水",
    "二七",
    "中原",
    "管城回族",
    "惠济",
    "上街",
    "龙亭",
    "顺河回族",
    "鼓楼",
    "禹王台",
    "文峰",
    "殷都",
    "龙安",
    "卫滨",
    "牧野",
    "山阳",
    "解放",
    "马村",
    "中站",
    "湛河",
    "新华",
    "卫东",
    "石龙",
    "梁园",
    "睢阳",
    "浉河",
    "平桥",
    "川汇",
    "驿城",
];
pub(crate) const BUREAUS: &[(&str, &str)] = &[
    ("科学技术局", "我局"),
    ("工业和信息化局", "我局"),
    ("教育局", "我局"),
    ("民政局", "我局"),
    ("财政局", "我局"),
    ("人力资源和社会保障局", "我局"),
    ("自然资源局", "我局"),
    ("住房和城乡建设局", "我局"),
    ("交通运输局", "我局"),
    ("农业农村局", "我局"),
    ("水利局", "我局"),
    ("商务局", "我局"),
    ("文化广电和旅游局", "我局"),
    ("卫生健康委员会", "我委"),
    ("退役军人事务局", "我局"),
    ("应急管理局", "我局"),
    ("审计局", "我局"),
    ("市场监督管理局", "我局"),
    ("统计局", "我局"),
    ("医疗保障局", "我局"),
    ("城市管理局", "我局"),
    ("发展和改革委员会", "我委"),
    ("人民政府", "我区"),
    ("人民政府办公室", "我办"),
];

impl Meta {
    pub(crate) fn new(rng: &mut Rng) -> Meta {
        let (bureau, we) = *rng.pick(BUREAUS);
        let agency = format!("{}区{}", rng.pick(DISTRICTS), bureau);
        let year = rng.range(2021, 2025) as i32;
        let dot = if rng.chance(0.75) { "." } else { "、" };
        let dot_six = if rng.chance(0.2) { "、" } else { dot };
        Meta { agency, we, year, dot, dot_six, half_brackets: rng.chance(0.3) }
    }
    pub(crate) fn title(&self) -> String {
        format!("{}{}年政府信息公开工作年度报告", self.agency, self.year)
    }
    /// 「（一）」 or 「(一) 」.
    pub(crate) fn paren(&self, n: usize) -> String {
        if self.half_brackets {
            format!("({}) ", CN_NUM[n])
        } else {
            format!("（{}）", CN_NUM[n])
        }
    }
    pub(crate) fn sub(&self, row: usize, k: usize) -> String {
        let dot = if group_of(row) == Some(3) { self.dot_six } else { self.dot };
        format!("{}{}", k, dot)
    }
    /// The full label of table 三 row `i` (as a converter keeps it in one cell).
    pub(crate) fn t3_label(&self, i: usize) -> String {
        match i {
            0 => format!("一、{}", T3_TEXT[0]),
            1 => format!("二、{}", T3_TEXT[1]),
            2 => format!("{}{}", self.paren(0), T3_TEXT[2]),
            3 => format!("{}{}", self.paren(1), T3_TEXT[3]),
            IDX_TOTAL => format!("{}{}", self.paren(6), T3_TEXT[IDX_TOTAL]),
            IDX_FORWARD => format!("四、{}", T3_TEXT[IDX_FORWARD]),
            _ => {
                let g = group_of(i).expect("sub-item");
                format!("{}{}", self.sub(i, i - GROUPS[g].1 + 1), T3_TEXT[i])
            }
        }
    }
    pub(crate) fn group_label(&self, g: usize) -> String {
        format!("{}{}", self.paren(g + 2), GROUPS[g].0)
    }
}

pub(crate) struct Prose {
    pub(crate) intro: String,
    pub(crate) one: Vec<(String, String)>,
    pub(crate) five: Vec<(String, String)>,
    pub(crate) six: Vec<String>,
}

impl Prose {
    pub(crate) fn new(rng: &mut Rng, m: &Meta, t: &Tables) -> Prose {
        let y = m.year;
        let we = m.we;
        let intro = format!(
            "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级关于做好政府信息公开工作年度报告的要求编制。本报告所列数据的统计期限自{}年1月1日起至{}年12月31日止。",
            y, y
        );
        let platforms = *rng.pick(&["政府门户网站、政务新媒体和政务公开专栏", "区政府信息公开平台、微信公众号", "政府网站信息公开专栏、政务服务大厅公开栏"]);
        let items = rng.range(20, 400);
        let a = rng.range(5, items / 2);
        let b = rng.range(1, (items - a) / 2);
        let mut one = Vec::new();
        one.push((
            "主动公开情况".to_string(),
            format!(
                "{}年，{}通过{}主动公开政府信息{}条，其中工作动态{}条、通知公告{}条。对涉及群众切身利益的政策文件，坚持“应公开尽公开”，同步做好政策解读。",
                y, we, platforms, items, a, b
            ),
        ));
        let new_total = t.t3[0][6];
        let co = t.t3[1][6];
        let done = t.t3[IDX_TOTAL][6];
        let fw = t.t3[IDX_FORWARD][6];
        let applications = if new_total == 0 && co == 0 {
            format!("{}年，{}未收到政府信息公开申请。", y, we)
        } else {
            let mut s = format!("{}年，{}共收到政府信息公开申请{}件，上年结转{}件，已办结{}件", y, we, new_total, co, done);
            if fw == 0 {
                s.push_str("，均在法定期限内答复。");
            } else {
                let _ = write!(s, "，结转下年度继续办理{}件。", fw);
            }
            s
        };
        let review = t.t4[0][4];
        let suits = t.t4[1][4] + t.t4[2][4];
        let disputes = if review == 0 && suits == 0 {
            "全年未发生因政府信息公开引起的行政复议和行政诉讼。".to_string()
        } else {
            format!("全年因政府信息公开引起行政复议{}件、行政诉讼{}件。", review, suits)
        };
        one.push(("依申请公开情况".to_string(), format!("{}{}", applications, disputes)));
        one.push((
            "政府信息管理情况".to_string(),
            rng.pick(&[
                "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，从源头上杜绝涉密信息和敏感信息公开，确保公开信息准确、及时。",
                "建立健全政府信息公开属性源头认定机制，规范信息发布流程，做好公开前审查和公开后的跟踪管理，定期清理已失效的政策文件。",
                "坚持政府信息发布“三审三校”机制，明确专人负责信息采集、审核和发布，确保信息内容真实、准确、规范。",
            ])
            .to_string(),
        ));
        one.push((
            "政府信息公开平台建设情况".to_string(),
            rng.pick(&[
                "持续优化政府网站信息公开专栏设置，及时更新机构职能、政策文件、财政预决算等栏目内容，方便群众查阅。",
                "加强政务新媒体日常管理，规范信息发布审核流程，做到信息更新及时、内容准确、互动回应及时。",
                "依托政府信息公开平台，进一步完善主动公开目录，丰富公开内容和形式，提升平台的便民服务水平。",
            ])
            .to_string(),
        ));
        one.push((
            "监督保障情况".to_string(),
            rng.pick(&[
                "成立政务公开工作领导小组，明确分管领导和工作人员，将政务公开工作纳入年度工作目标考核，定期开展自查，发现问题及时整改。",
                "认真落实政务公开工作责任制，组织工作人员参加业务培训，持续加强对政府信息公开工作的监督检查。",
                "高度重视社会评议反馈的意见建议，坚持问题导向，强化措施，落实责任，不断提高政务公开工作质量。",
            ])
            .to_string(),
        ));
        let five = vec![
            (
                "存在的主要问题".to_string(),
                rng.pick(&[
                    "一是信息公开的及时性还需进一步提高；二是政策解读的形式较为单一，图解、视频等解读方式运用不多。",
                    "一是部分栏目内容更新不够及时；二是工作人员业务能力有待进一步提升。",
                    "一是公开渠道较为单一，信息传播效果有待提升；二是公开内容的全面性还有差距。",
                ])
                .to_string(),
            ),
            (
                "改进措施".to_string(),
                rng.pick(&[
                    "下一步，我们将加强信息发布的统筹管理，丰富政策解读形式，组织开展业务培训，进一步提升政府信息公开工作水平。",
                    "下一步，将明确专人负责栏目维护，建立信息更新提醒机制，加强业务学习，推动政务公开工作规范化、标准化。",
                    "下一步，将积极拓宽公开渠道，充分利用政务新媒体发布信息，提高信息的覆盖面和影响力。",
                ])
                .to_string(),
            ),
        ];
        let fee = if rng.chance(0.8) {
            format!("{}年，{}在办理政府信息公开申请过程中未收取信息处理费。", y, we)
        } else {
            format!("{}年，{}依据《政府信息公开信息处理费管理办法》收取信息处理费{}元。", y, we, rng.range(100, 5000))
        };
        let six = vec![fee, "无其他需要报告的事项。".to_string()];
        Prose { intro, one, five, six }
    }
}
