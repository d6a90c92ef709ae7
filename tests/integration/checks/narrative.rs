//! What the texts say against what the tables say: the claims read from sections 一, 五
//! and 六, the readings they are compared with, and the `narrative.*` findings. The reports
//! here have their tables set explicitly (or transcribed by hand, `tests/fixtures/narrative`)
//! so that nothing depends on the importer.

use std::borrow::Cow;

use ogi_report::{
    AnnualReport, Appeals, BodyKind, Claim, Edition, FeeStatement, Figure, Level, OtherMatters,
    Proactive, RequestDetails, RequestRow as R, Requests, Rule, RuleId, Section, Source, TextSpan,
    Verdict, claims, validate_narrative,
};
use proptest::prelude::*;

use crate::support::luhe;

use crate::support::narrative_fixture as fixture;

/// `<measure> <stated> <verdict>` for every claim of a report, in text order.
fn read(report: &AnnualReport) -> Vec<String> {
    claims(report)
        .map(|c| format!("{} {} {}", c.measure, c.stated, c.verdict))
        .collect()
}

/// The tables every case below is checked against, the same numbers in both editions.
///
/// 表三 (all 自然人 but one 商业企业 application): 一 20, 二 4, so 24 handled; （一） 8,
/// （二） 2, （三） 2 (国家秘密 1, 过程性信息 1), （四） 4 (不掌握 3, 另行制作 1), （五） 2 (重复
/// 申请), （六） 2 (2021: 逾期不补正 1, 其他 1); （七） 20; 四 4.
/// 表四: 复议 3 + 1 + 1 + 1 = 6; 直接起诉 2 + 0 + 0 + 1 = 3; 复议后起诉 1 + 1 + 0 + 0 = 2.
/// 表二: 规章 1 (in force 5), 规范性文件 6 made, 4 published (2019), 2 repealed and 30 in
/// force (2021); 行政处罚 120 decisions. Section 六 (2021): 信息处理费 3940 元 collected.
fn tables(edition: Edition, text: &str) -> AnnualReport {
    let mut d = RequestDetails::new(edition);
    let np = |n: u64| [n, 0, 0, 0, 0, 0];
    d.set(R::New, [19, 1, 0, 0, 0, 0]).unwrap();
    d.set(R::CarriedOver, np(4)).unwrap();
    d.set(R::Disclosed, [7, 1, 0, 0, 0, 0]).unwrap();
    d.set(R::PartlyDisclosed, np(2)).unwrap();
    d.set(R::StateSecret, np(1)).unwrap();
    d.set(R::ProcessInfo, np(1)).unwrap();
    d.set(R::NotHeld, np(3)).unwrap();
    d.set(R::NeedsCreation, np(1)).unwrap();
    d.set(R::Repeated, np(2)).unwrap();
    if edition == Edition::E2019 {
        d.set(R::OtherHandling, np(2)).unwrap();
    } else {
        d.set(R::NoCorrection, np(1)).unwrap();
        d.set(R::OtherHandlingOther, np(1)).unwrap();
    }
    let t2: &[&str] = match edition {
        Edition::E2019 => &[
            "1", "1", "5", "6", "4", "30", "50", "2", "700", "1", "0", "3", "40", "-1", "120", "3",
            "0", "9", "0", "0", "0", "0",
        ],
        _ => &["1", "0", "5", "6", "2", "30", "700", "120", "9", "12.5"],
    };
    let mut six = OtherMatters::new("");
    if edition == Edition::E2021 {
        six.fees = Some(FeeStatement::new(
            None,
            None,
            Some("3940元".parse().unwrap()),
        ));
    }
    AnnualReport::builder(edition, 2022, "某区人民政府", BodyKind::Government)
        .overview(text)
        .proactive(Proactive::from_printed(edition, t2).unwrap())
        .requests(Requests::assemble(&d).unwrap())
        .appeals(Appeals::assemble([3, 1, 1, 1], [2, 0, 0, 1], [1, 1, 0, 0]).unwrap())
        .other_matters(six)
        .build()
        .unwrap()
}

/// A paragraph about applications, so that their words count.
fn tied(sentence: &str) -> String {
    format!("（二）依申请公开情况。{sentence}")
}

// ---------------------------------------------------------------------------------------
// The corpus: every statement compared by hand is read, and agrees or not as noted

#[test]
fn the_seed_says_3_applications_where_its_table_says_11() {
    let report = luhe::report().unwrap();
    assert_eq!(read(&report), ["t3.handled.total 3 disagrees"]);
    let findings = validate_narrative(&report);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    let sentence = "2020年,按时完成上级交办的“网络问政交办”10件,及时回复县长信箱48件、\
                    及时处理12345投诉平台1953单,收到并在规定时限内回复公众政府信息公开申请3件。";
    let start = report.overview().find(sentence).unwrap();
    let span = TextSpan::new(
        Section::Overview,
        u32::try_from(start).unwrap(),
        u32::try_from(start + sentence.len()).unwrap(),
    );
    assert_eq!(f.sentence(), Some(span));
    assert_eq!(span.text(&report), Some(sentence));
    assert_eq!(f.rule_id(), RuleId::NarrativeReceived);
    assert_eq!(f.level(), Level::Failed(ogi_report::Severity::Warning));
    assert_eq!(f.stated(), Some(Figure::Number(3)));
    // 收到并…回复: received (一 11, 一 + 二 11) or answered (（七） 10, （七） − （六） 10).
    assert_eq!(f.computed(), Some(Figure::Number(11)));
    assert_eq!(f.difference(), Some(-8));
    let line = f.to_string();
    assert_eq!(
        line,
        format!(
            "warning narrative.received t3.new.total,t3.carried_over.total,t3.results_total.total,\
             t3.other_handling.total stated=3 computed=11 | overview {start}..{end}: the text \
             states 3 (applications received or closed (收到并答复, 办理)), no reading of 表三 \
             agrees (tried: t3.new.total; t3.new.total + t3.carried_over.total; \
             t3.results_total.total; t3.results_total.total − t3.other_handling.total) / \
             一、总体情况第{start}–{end}字节：文中所述3（收到或办结（办理）申请）与表三不符（已核对：\
             t3.new.total；t3.new.total + t3.carried_over.total；t3.results_total.total；\
             t3.results_total.total − t3.other_handling.total）",
            end = start + sentence.len()
        )
    );
    // With the report, the sentence is quoted in both messages.
    let quoted = f.display_in(&report).to_string();
    assert_eq!(quoted.matches(&format!("“{sentence}”")).count(), 2);
}

#[test]
fn hongze_2024_says_17_applications_where_its_table_says_95() {
    let report = fixture("full-hongze-district-govt-2024");
    assert_eq!(
        read(&report),
        [
            "t3.received.total 17 disagrees",
            "fees.collected 0元 agrees"
        ]
    );
    let f = &validate_narrative(&report)[0];
    let text = f.sentence().and_then(|s| s.text(&report)).unwrap();
    assert_eq!(
        text,
        "2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。"
    );
    assert!(f.to_string().starts_with(
        "warning narrative.received t3.new.total,t3.carried_over.total stated=17 computed=95 | "
    ));
}

#[test]
fn pingtan_2019_lists_parts_that_add_to_2533_under_a_total_of_2599() {
    let report = fixture("crawler-pingtan-zone-govt-2019");
    assert_eq!(read(&report), ["sum 2599 disagrees"]);
    let findings = validate_narrative(&report);
    let f = &findings[0];
    assert_eq!(f.rule_id(), RuleId::NarrativeSum);
    assert_eq!(
        f.to_string().split(" | ").next(),
        Some("warning narrative.sum - stated=2599 computed=2533")
    );
    let text = f.sentence().and_then(|s| s.text(&report)).unwrap();
    assert!(text.contains("共公布政府信息2599条，(其中机构职能类信息25条"));
    assert!(text.ends_with("其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过政府门户网站、办公场所的宣传栏、《平潭时报》、电视广播等媒介发布公开。"));
    // The other sums of the report (380 = 152 + 197 + 27 + 4, its 197 split again in
    // parentheses) list no 其他: not compared.
}

#[test]
fn every_corpus_statement_compared_by_hand_is_read() {
    let cases: [(&str, &[&str]); 11] = [
        (
            // 通过网站公开规范性文件8个: 本年新公开数量 8 (本年新制作数量 is 33).
            "03-chibi-pufang-park-2020",
            &["t2.normative.issued 8 agrees"],
        ),
        (
            // 全年收到依申请公开信息3条: the captured table's 总计 is blank.
            "10-yueyang-nanhu-bureau-2019",
            &["t3.received.total 3 unassessable"],
        ),
        // 累计公开政府信息217条: cumulative, and its parts end without 其他.
        ("12-xian-gaoling-shenpiju-2021", &[]),
        (
            "14-changtu-county-bureau-2021",
            &[
                // 2020年主动公开行政许可33项…: the year before's items (上一年项目数量).
                "t2.licensing.prior_items 33 agrees",
                "t2.penalty.prior_items 36 agrees",
                "t2.enforcement.prior_items 1 agrees",
                "t2.other_services.prior_items 4 agrees",
                // 2021年新增公开…0项: 本年增/减.
                "t2.licensing.change 0 agrees",
                "t2.penalty.change 0 agrees",
                "t2.enforcement.change 0 agrees",
                "t2.other_services.decisions 16 agrees",
                // 没有制作和公开新的规章和规范性文件; 没有…行政诉讼和行政复议 (表四 not captured).
                "t2.rules.issued 0 agrees",
                "t2.normative.issued 0 agrees",
                "t4.suits.total 0 unassessable",
                "t4.review.total 0 unassessable",
            ],
        ),
        // Only section 五 is captured, and it states no number.
        ("23-wendeng-shenjiju-2020-flipbook-p9", &[]),
        ("crawler-pingtan-zone-govt-2019", &["sum 2599 disagrees"]),
        (
            "crawler-pingtan-zone-govt-2021",
            &[
                "t3.received.total 70 agrees",
                "t3.closed.total 69 agrees",
                "t3.carried_forward.total 1 agrees",
            ],
        ),
        (
            "full-hongze-district-govt-2023",
            &["t3.received.total 21 agrees", "fees.collected 0元 agrees"],
        ),
        (
            "full-hongze-district-govt-2024",
            &[
                "t3.received.total 17 disagrees",
                "fees.collected 0元 agrees",
            ],
        ),
        (
            "full-huaian-city-govt-2024",
            &[
                "t2.rules.issued 1 agrees",
                "t3.received.total 3119 agrees",
                "t3.closed.total 3050 agrees",
                "t3.carried_over.total 34 agrees",
                "t3.carried_forward.total 103 agrees",
                "t4.review.total 351 agrees",
                "t4.review.upheld 72 agrees",
                "t4.review.corrected 64 agrees",
                "t4.review.other 178 agrees",
                "t4.review.pending 37 agrees",
                // 行政诉讼 = 未经复议直接起诉 + 复议后起诉: 26 + 20, 13 + 12, 4 + 1, 8 + 1, 1 + 6.
                "t4.suits.total 46 agrees",
                "t4.suits.upheld 25 agrees",
                "t4.suits.corrected 5 agrees",
                "t4.suits.other 9 agrees",
                "t4.suits.pending 7 agrees",
                "fees.collected 3940元 agrees",
            ],
        ),
        (
            "md-shanghai-kewei-2024",
            &[
                "t4.review.total 1 agrees",
                "t4.suits.total 0 agrees",
                "t2.normative.issued 13 agrees",
                "t3.received.total 34 agrees",
                "t3.carried_over.total 2 agrees",
                "t3.disclosed.total 9 agrees",
                "t3.partly_disclosed.total 0 agrees",
                "t3.withheld.total 2 agrees",
                "t3.unavailable.total 10 agrees",
                "t3.not_processed.total 0 agrees",
                "t3.other_handling.total 14 agrees",
                // 四's 总计 is blank: the sum of its six columns, 1.
                "t3.carried_forward.total 1 agrees",
            ],
        ),
    ];
    for (name, expected) in cases {
        let report = fixture(name);
        assert_eq!(read(&report), expected, "{name}");
        // A finding for each claim that does not agree, and only for those.
        let findings = validate_narrative(&report);
        let not_agreeing = expected.iter().filter(|e| !e.ends_with(" agrees")).count();
        assert_eq!(findings.len(), not_agreeing, "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// Each rule, in both editions, agrees and disagrees

/// For each rule, texts with claims that agree and that disagree with [`tables`]: the
/// rule, the text, and what the claims read.
const RULE_CASES: &[(&str, &str, &[&str])] = &[
    (
        "narrative.received",
        "全年共受理政府信息公开申请24件，新收政府信息公开申请20件。",
        &["t3.received.total 24 agrees", "t3.new.total 20 agrees"],
    ),
    (
        "narrative.received",
        "全年共受理政府信息公开申请25件。",
        &["t3.received.total 25 disagrees"],
    ),
    (
        "narrative.carried_over",
        "上年结转政府信息公开申请4件。",
        &["t3.carried_over.total 4 agrees"],
    ),
    (
        "narrative.carried_over",
        "上年结转申请5件。",
        &["t3.carried_over.total 5 disagrees"],
    ),
    (
        // （七） 20, （七） − （六） 18.
        "narrative.closed",
        "办结政府信息公开申请20件，答复18件，办结19件。",
        &[
            "t3.closed.total 20 agrees",
            "t3.closed.total 18 agrees",
            "t3.closed.total 19 disagrees",
        ],
    ),
    (
        "narrative.carried_forward",
        "收到申请20件，4件结转下年度继续办理，3件顺延到下年度答复。",
        &[
            "t3.received.total 20 agrees",
            "t3.carried_forward.total 4 agrees",
            "t3.carried_forward.total 3 disagrees",
        ],
    ),
    (
        "narrative.outcome",
        "其中予以公开8件，部分公开2件，不予公开3件，本机关不掌握相关政府信息3件，其他处理2件。",
        &[
            "t3.disclosed.total 8 agrees",
            "t3.partly_disclosed.total 2 agrees",
            "t3.withheld.total 3 disagrees",
            "t3.unavailable.not_held.total 3 agrees",
            "t3.other_handling.total 2 agrees",
        ],
    ),
    (
        // 10 of （七） 20 is 50%, of 一 + 二 24 is 41.67%.
        "narrative.share",
        "予以公开及部分公开10件（50%），予以公开及部分公开10件，占41.67%，\
         予以公开及部分公开10件（40%）。",
        &[
            "t3.disclosed_or_partly.total 10 agrees",
            "t3.share.disclosed_or_partly 50% agrees",
            "t3.disclosed_or_partly.total 10 agrees",
            "t3.share.disclosed_or_partly 41.67% agrees",
            "t3.disclosed_or_partly.total 10 agrees",
            "t3.share.disclosed_or_partly 40% disagrees",
        ],
    ),
    (
        "narrative.review",
        "政府信息公开行政复议6件，其中结果维持3件，结果纠正2件。",
        &[
            "t4.review.total 6 agrees",
            "t4.review.upheld 3 agrees",
            "t4.review.corrected 2 disagrees",
        ],
    ),
    (
        "narrative.suit",
        "被提起政府信息公开行政诉讼5件，其中尚未审结2件；复议后起诉2件。",
        &[
            "t4.suits.total 5 agrees",
            "t4.suits.pending 2 disagrees",
            "t4.suit_after_review.total 2 agrees",
        ],
    ),
    (
        "narrative.suit",
        "本年度未发生因政府信息公开申请被申请行政复议、提起行政诉讼的情况。",
        &["t4.review.total 0 disagrees", "t4.suits.total 0 disagrees"],
    ),
    (
        "narrative.fees",
        "全年收取信息处理费3940元，另收取信息处理费3900元。",
        &[
            "fees.collected 3940元 agrees",
            "fees.collected 3900元 disagrees",
        ],
    ),
    (
        "narrative.sum",
        "共发布信息10条，其中公告4条、通知2条，其他4条。共发布信息10条（其中公告4条，其他5条）。",
        &["sum 10 agrees", "sum 10 disagrees"],
    ),
    (
        "narrative.decisions",
        "全年作出行政处罚决定120件，行政处罚决定121件。",
        &[
            "t2.penalty.decisions 120 agrees",
            "t2.penalty.decisions 121 disagrees",
        ],
    ),
];

#[test]
fn every_rule_has_its_cases() {
    let cases = RULE_CASES;
    let mut seen: Vec<(&str, Edition, bool)> = Vec::new();
    for edition in Edition::ALL {
        for &(rule, text, expected) in cases {
            let report = tables(edition, &tied(text));
            if rule == "narrative.fees" && edition == Edition::E2019 {
                // The 2019 edition has no fee statement: nothing to compare with.
                assert!(read(&report).is_empty());
                continue;
            }
            assert_eq!(read(&report), expected, "{edition} {text}");
            for f in &validate_narrative(&report) {
                seen.push((f.rule_id().code(), edition, false));
            }
            for c in claims(&report).filter(|c| !c.verdict.is_finding()) {
                seen.push((c.measure.rule().code(), edition, true));
            }
            assert!(seen.iter().any(|s| s.0 == rule), "{rule}");
        }
        // Documents are counted differently in the two editions of 表二.
        let docs = match edition {
            // 本年新制作数量 6, 本年新公开数量 4, 对外公开总数量 30
            Edition::E2019 => {
                "印发规范性文件4件，公开规范性文件6件，现行有效规范性文件30件，印发规范性文件5件。"
            }
            // 本年制发件数 6, 本年废止件数 2, 现行有效件数 30
            _ => {
                "制发规范性文件6件，废止规范性文件2件，现行有效规范性文件30件，印发规范性文件5件。"
            }
        };
        let report = tables(edition, docs);
        let what = match edition {
            Edition::E2019 => ["issued 4", "issued 6", "in_force 30", "issued 5"],
            _ => ["issued 6", "repealed 2", "in_force 30", "issued 5"],
        };
        let expected: Vec<String> = what
            .iter()
            .zip(["agrees", "agrees", "agrees", "disagrees"])
            .map(|(w, v)| format!("t2.normative.{w} {v}"))
            .collect();
        assert_eq!(read(&report), expected, "{edition}");
        seen.push(("narrative.documents", edition, true));
        seen.push(("narrative.documents", edition, false));
    }
    for rule in Rule::all()
        .iter()
        .filter(|r| r.source() == Source::Narrative)
    {
        for &edition in rule.editions() {
            for agrees in [true, false] {
                assert!(
                    seen.contains(&(rule.id().code(), edition, agrees)),
                    "{} {edition} agrees={agrees}",
                    rule.id()
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// What is not compared

#[test]
fn numbers_the_tables_do_not_hold_are_not_compared() {
    let sentences = [
        // Channels, comparisons, rates, parts of the body, other years.
        "其中网上申请15件，信函申请9件。",
        "受理申请数同比增长30%，较上年增加5件。",
        "各部门共受理政府信息公开申请120件。",
        "2023年收到政府信息公开申请30件。",
        "去年结转的申请已全部办结。",
        "按时答复率100%。",
        // Other applications, other counts.
        "受理行政许可申请9487件，低保申请300件。",
        "及时回复县长信箱48件，处理12345热线工单1953件，办理人大代表建议35件，按时办结35件。",
        "累计受理政府信息公开申请500件，约30件。",
        "全市政府信息公开申请5500余件。",
        // A count in an unknown clause, and a number without a unit.
        "收到申请涉及12个部门，第3件为重复申请。",
        "组织培训3次，公开信息1136条。",
        // 其中 parts with no 其他 last: the parts need not be all of it.
        "共发布信息2139条，其中动态类信息1744条，政务信息393条，解读类信息21条，回应关注2条。",
        // Words of the format in another sense.
        "严格遵守规章制度2项，规范性文件类信息68条。",
        "未发生行政复议纠错的情况，未出现败诉。",
    ];
    for edition in Edition::ALL {
        for s in sentences {
            let report = tables(edition, &tied(s));
            assert_eq!(read(&report), Vec::<String>::new(), "{edition} {s}");
        }
    }
    // Words about applications count only in a paragraph about 政府信息公开.
    let report = tables(
        Edition::E2021,
        "（三）平台建设情况。全年收到申请30件，办结29件。",
    );
    assert!(read(&report).is_empty());
    let report = tables(
        Edition::E2021,
        "（三）平台建设情况。全年收到政府信息公开申请30件。",
    );
    assert_eq!(read(&report), ["t3.received.total 30 disagrees"]);
}

#[test]
fn chinese_numerals_are_read_as_counts() {
    let report = tables(
        Edition::E2021,
        &tied("全年共受理政府信息公开申请二十四件，其中予以公开八件，行政复议六件，行政诉讼五件。"),
    );
    assert_eq!(
        read(&report),
        [
            "t3.received.total 24 agrees",
            "t3.disclosed.total 8 agrees",
            "t4.review.total 6 agrees",
            "t4.suits.total 5 agrees",
        ]
    );
    let report = tables(Edition::E2019, &tied("收到政府信息公开申请一百零五件。"));
    assert_eq!(read(&report), ["t3.received.total 105 disagrees"]);
}

#[test]
fn wrapped_lines_and_page_footers_are_read_through() {
    let text = "（二）依申请公开情况。全年共受理政府信息公开申请 24 件，答\n- 1 -\n复 20 件（含上年度结转申\n请 4 件）。";
    let report = tables(Edition::E2021, text);
    assert_eq!(
        read(&report),
        [
            "t3.received.total 24 agrees",
            "t3.closed.total 20 agrees",
            "t3.carried_over.total 4 agrees"
        ]
    );
    // A number broken across lines is two numbers: neither is read as 24, nor as anything
    // else.
    let report = tables(
        Edition::E2021,
        &tied("全年共受理政府信息公开申请 2\n4 件。"),
    );
    assert!(read(&report).is_empty());
}

#[test]
fn applicants_and_sections_five_and_six() {
    let mut report = tables(
        Edition::E2021,
        &tied("收到政府信息公开申请20件，其中自然人申请19件，法人或其他组织申请1件。"),
    );
    assert_eq!(
        read(&report),
        [
            "t3.received.total 20 agrees",
            "t3.received.natural_person 19 agrees",
            "t3.received.legal_persons 1 agrees",
        ]
    );
    // Section 五 and 六 are read too, in that order after 一.
    report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
        .overview("依申请公开。上年结转申请4件。")
        .problems("依申请公开方面，结转下年度继续办理4件。")
        .other_matters({
            let mut six = OtherMatters::new("全年收取信息处理费3940元。");
            six.fees = Some(FeeStatement::default());
            six
        })
        .proactive(report.proactive().clone())
        .requests(report.requests().clone())
        .appeals(report.appeals().clone())
        .build()
        .unwrap();
    let sections: Vec<(Section, String)> = claims(&report)
        .map(|c| (c.span.section, format!("{} {}", c.measure, c.verdict)))
        .collect();
    assert_eq!(
        sections,
        [
            (Section::Overview, "t3.carried_over.total agrees".to_owned()),
            (
                Section::Problems,
                "t3.carried_forward.total agrees".to_owned()
            ),
            // The fee statement states no amount collected.
            (
                Section::OtherMatters,
                "fees.collected unassessable".to_owned()
            ),
        ]
    );
}

#[test]
fn blank_cells_make_a_claim_unassessable_naming_them() {
    let mut report = tables(Edition::E2021, &tied("行政复议6件。上年结转申请4件。"));
    report
        .appeals_mut()
        .set(
            ogi_report::AppealGroup::Review,
            ogi_report::AppealColumn::Total,
            None,
        )
        .expect("表四 has every cell");
    report
        .requests_mut()
        .set(R::CarriedOver, ogi_report::Applicant::Total, None)
        .unwrap();
    // A blank 总计 is the sum of its six columns when they are filled.
    assert_eq!(
        read(&report),
        [
            "t4.review.total 6 unassessable",
            "t3.carried_over.total 4 agrees"
        ]
    );
    let findings = validate_narrative(&report);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f.level(), Level::Unassessable);
    let blank: Vec<String> = f.blanks().map(|c| c.to_string()).collect();
    assert_eq!(blank, ["t4.review.total"]);
    assert!(f.to_string().starts_with(
        "unassessable narrative.review t4.review.total stated=6 computed=- | \
         overview 33..52: cannot compare 6 (reviews (行政复议), total) with 表四, blank: t4.review.total / "
    ));
}

// ---------------------------------------------------------------------------------------
// Claims as data

#[test]
fn a_claim_is_a_record_and_round_trips_through_json() {
    let report = tables(
        Edition::E2019,
        &tied("予以公开及部分公开10件（41.67%），答复18件。"),
    );
    let read: Vec<Claim<'_>> = claims(&report).collect();
    assert_eq!(read.len(), 3);
    let share = &read[1];
    assert_eq!(share.stated.to_string(), "41.67%");
    assert_eq!(share.verdict, Verdict::Agrees(1));
    let tried: Vec<String> = share
        .readings()
        .map(|(r, v)| format!("{r} = {}", v.unwrap()))
        .collect();
    assert_eq!(
        tried,
        [
            "(t3.disclosed.total + t3.partly_disclosed.total) ÷ t3.results_total.total = 50%",
            "(t3.disclosed.total + t3.partly_disclosed.total) ÷ \
             (t3.new.total + t3.carried_over.total) = 41.67%",
        ]
    );
    assert_eq!(
        share.to_string(),
        "overview\t33\t94\tt3.share.disclosed_or_partly\t41.67%\tagrees\t41.67%\t\
         予以公开及部分公开10件（41.67%），答复18件。"
    );
    for claim in &read {
        let json = serde_json::to_string(claim).unwrap();
        let back: Claim<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, claim);
        assert!(matches!(back.text, Cow::Borrowed(_)));
        let owned: Claim<'static> = back.into_owned();
        assert_eq!(serde_json::to_string(&owned).unwrap(), json);
    }
    let json = serde_json::to_string(&read[2]).unwrap();
    assert_eq!(
        json,
        r#"{"section":"overview","start":33,"end":94,"figure_start":86,"figure_end":91,"text":"予以公开及部分公开10件（41.67%），答复18件。","measure":"t3.closed.total","layout":"2019","stated":"18","readings":[{"reading":"t3.results_total.total","value":"20"},{"reading":"t3.results_total.total − t3.other_handling.total","value":"18"}],"verdict":"agrees"}"#
    );
    // A verdict that does not follow from the values is refused, as is an unknown measure.
    let wrong = json.replace(r#""verdict":"agrees""#, r#""verdict":"disagrees""#);
    let err = serde_json::from_str::<Claim<'_>>(&wrong).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("verdict \"disagrees\" does not follow from the values: agrees"),
        "{err}"
    );
    let wrong = json.replace("t3.closed.total", "t3.opened.total");
    assert!(serde_json::from_str::<Claim<'_>>(&wrong).is_err());
}

// ---------------------------------------------------------------------------------------
// Any text

fn texts() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "收到",
        "受理",
        "办结",
        "答复",
        "申请",
        "政府信息公开",
        "依申请公开",
        "件",
        "条",
        "项",
        "元",
        "%",
        "，",
        "、",
        "。",
        "（",
        "）",
        "(",
        "其中",
        "其他",
        "行政复议",
        "行政诉讼",
        "结果维持",
        "上年结转",
        "结转下年度",
        "予以公开",
        "规章",
        "规范性文件",
        "行政许可",
        "决定",
        "没有",
        "未发生",
        "2023年",
        "2024 年",
        "三",
        "十二",
        "一百零五",
        "两",
        "〇",
        "万",
        "3,119",
        "17.46",
        "\n",
        "\n- 1 -\n",
        " ",
        "（二）",
        "四、",
        "占",
        "信息处理费",
        "收取",
        "\u{3000}",
        "𠀀",
    ]);
    prop::collection::vec(
        prop_oneof![
            3 => pieces.prop_map(str::to_owned),
            1 => any::<u32>().prop_map(|n| n.to_string()),
            1 => ".{0,6}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(crate::support::config(256))]

    /// Any text is read without panicking; every claim cites a sentence of its section,
    /// its figure inside it, and its verdict follows from its values.
    #[test]
    fn any_text_is_read_and_every_claim_cites_its_sentence(text in texts(), edition in prop::sample::select(Edition::ALL.to_vec())) {
        let report = tables(edition, &text);
        for claim in claims(&report) {
            prop_assert_eq!(claim.span.text(&report), Some(&*claim.text));
            prop_assert!(claim.span.start <= claim.figure.start && claim.figure.end <= claim.span.end);
            let n = usize::from(claim.readings);
            let agrees = claim.values[..n].contains(&Some(claim.stated))
                || matches!(claim.measure, ogi_report::Measure::Share(_) | ogi_report::Measure::Fees(_));
            if let Verdict::Agrees(_) = claim.verdict {
                prop_assert!(agrees);
            }
        }
        let findings = validate_narrative(&report);
        prop_assert_eq!(findings.len(), claims(&report).filter(|c| c.verdict.is_finding()).count());
        for f in &findings {
            let _ = f.display_in(&report).to_string();
        }
    }
}
