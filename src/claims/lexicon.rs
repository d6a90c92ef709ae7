//! The words the claim reader knows: each a [`Lex`], found by longest match.
//!
//! The table is sorted by the UTF-8 bytes of its words (a unit test checks it), so the
//! words that start with a character are one range, found by binary search.

use crate::cell::{AppealColumn, AppealGroup, Applicant, OutcomeGroup, ProactiveRow, RequestRow};

use super::measure::{Applicants, Quantity};

/// What an application-handling word says about the number it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// 收到, 受理: received.
    Received,
    /// 办理, 处理: handled (received or closed).
    Handled,
    /// 办结, 答复: closed.
    Closed,
    /// 上年结转: carried over from last year.
    CarriedOver,
    /// 结转下年度: carried into next year.
    CarriedForward,
    /// 新收: new this year (一 only).
    New,
}

/// A verb about documents (表二 （一）) or items (（五）（六）).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocVerb {
    /// 制发, 印发, 公开, 发布: made, issued or published.
    Issue,
    /// 现行有效: in force.
    InForce,
    /// 废止: repealed.
    Repeal,
    /// 新增: added this year.
    Change,
}

/// What a word is, for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// An application noun; `true` for one that names 政府信息公开 applications by itself.
    App(bool),
    /// 行政复议.
    Review,
    /// 行政诉讼; the group when the word names one.
    Suit(Option<AppealGroup>),
    /// 政府信息公开: ties a paragraph to the report's subject.
    Tie,
    /// 规章, 规范性文件.
    Doc(ProactiveRow),
    /// 行政许可, 行政处罚, 行政强制, 其他对外管理服务事项.
    Act(ProactiveRow),
    /// A verb about documents or items.
    DocVerb(DocVerb),
    /// 决定, 处理决定.
    Decision,
    /// A word about handling applications.
    Role(Role),
    /// An outcome of applications (a row or group of 表三).
    Outcome(Quantity),
    /// A kind of applicant (a column of 表三).
    Applicant(Applicants),
    /// A result of a review or suit (a column of 表四).
    Column(AppealColumn),
    /// 信息处理费.
    Fee,
    /// 收取.
    FeeCollect,
    /// 收费通知.
    FeeNotice,
    /// 其中: the parts of what comes before follow.
    Of,
    /// 含, 包括: some of what comes before follows.
    Incl,
    /// 其他, 其它.
    Other,
    /// 占, 占比: a share follows.
    Share,
    /// 涉及: what follows is what the number is about (有 1 件涉及…的行政复议).
    Involve,
    /// A word that changes nothing: 共, 及时, 依法, 全区, 的…
    Filler,
    /// 政府信息, 相关信息.
    Info,
    /// 本年, 全年, 本年度.
    ThisYear,
    /// 上年, 去年, 下年度: another year than the report's.
    OtherYear,
    /// A word that makes a number something the tables do not hold (a channel, a
    /// comparison, a rate, a part of the body, an approximation).
    Block,
    /// A negation (没有, 无, 未发生); `true` for one that says nothing was received
    /// (未收到).
    Neg(bool),
}

use AppealColumn as Col;
use Lex::{
    Act, App, Block, Column, Decision, Doc, Fee, FeeCollect, FeeNotice, Filler, Incl, Info, Of,
    Other, OtherYear, Review, Share, Suit, ThisYear, Tie,
};
use Quantity as Q;
use RequestRow as R;

const fn outcome(row: RequestRow) -> Lex {
    Lex::Outcome(Q::Row(row))
}

const fn group(group: OutcomeGroup) -> Lex {
    Lex::Outcome(Q::Group(group))
}

const fn role(role: Role) -> Lex {
    Lex::Role(role)
}

const fn verb(verb: DocVerb) -> Lex {
    Lex::DocVerb(verb)
}

const fn applicant(column: Applicant) -> Lex {
    Lex::Applicant(Applicants::Column(column))
}

/// Every word, sorted by its UTF-8 bytes.
pub(crate) static LEXICON: [(&str, Lex); 410] = [
    ("、", Filler),
    ("一并", Filler),
    ("三安全一稳定", outcome(R::SecurityStability)),
    ("三类内部事务信息", outcome(R::InternalAffairs)),
    ("上一年", OtherYear),
    ("上一年度", OtherYear),
    ("上一年度结转", role(Role::CarriedOver)),
    ("上一年结转", role(Role::CarriedOver)),
    ("上升", Block),
    ("上半年", Block),
    ("上年", OtherYear),
    ("上年度", OtherYear),
    ("上年度结转", role(Role::CarriedOver)),
    ("上年结转", role(Role::CarriedOver)),
    ("上级", Block),
    ("下一年度", OtherYear),
    ("下半年", Block),
    ("下属", Block),
    ("下年", OtherYear),
    ("下年度", OtherYear),
    ("下降", Block),
    ("不予公开", group(OutcomeGroup::Withheld)),
    ("不予处理", group(OutcomeGroup::NotProcessed)),
    ("不到", Block),
    ("不掌握", outcome(R::NotHeld)),
    ("不掌握相关政府信息", outcome(R::NotHeld)),
    ("不足", Block),
    ("与", Filler),
    ("且", Filler),
    ("为", Filler),
    ("主动公开", verb(DocVerb::Issue)),
    ("举报", Block),
    ("乡政府", Filler),
    ("乡镇", Block),
    ("了", Filler),
    ("予以", Filler),
    ("予以公开", outcome(R::Disclosed)),
    ("予以公开、部分公开", Lex::Outcome(Q::DisclosedOrPartly)),
    ("予以公开及部分公开", Lex::Outcome(Q::DisclosedOrPartly)),
    ("予以公开和部分公开", Lex::Outcome(Q::DisclosedOrPartly)),
    ("予以公开或部分公开", Lex::Outcome(Q::DisclosedOrPartly)),
    ("交办", Block),
    ("人均", Block),
    ("人次", Block),
    ("今年", ThisYear),
    ("以上", Block),
    ("以内", Block),
    ("以及", Filler),
    ("件", Filler),
    ("件数", Filler),
    ("传真", Block),
    ("余", Block),
    ("作出", Filler),
    ("作出决定", Decision),
    ("作出答复", role(Role::Closed)),
    ("依法", Filler),
    ("依法依规", Filler),
    ("依申请", App(true)),
    ("依申请公开", App(true)),
    ("依规", Filler),
    ("信函", Block),
    ("信息", Info),
    ("信息公开", Tie),
    ("信息公开工作", Tie),
    ("信息公开申请", App(true)),
    ("信息处理费", Fee),
    ("信箱", Block),
    ("信访举报投诉", outcome(R::Petition)),
    ("信访举报投诉类申请", outcome(R::Petition)),
    ("全乡", Filler),
    ("全区", Filler),
    ("全县", Filler),
    ("全国", Block),
    ("全局", Filler),
    ("全市", Filler),
    ("全年", ThisYear),
    ("全省", Block),
    ("全部", Filler),
    ("全部公开", outcome(R::Disclosed)),
    ("全镇", Filler),
    ("公众", Filler),
    ("公布", verb(DocVerb::Issue)),
    ("公开", verb(DocVerb::Issue)),
    ("公开出版物", outcome(R::Publication)),
    ("公开及部分公开", Lex::Outcome(Q::DisclosedOrPartly)),
    ("公开和部分公开", Lex::Outcome(Q::DisclosedOrPartly)),
    ("公开申请", App(true)),
    ("共", Filler),
    ("共有", Filler),
    ("共计", Filler),
    ("关于", Filler),
    ("其中", Of),
    ("其中包括", Of),
    ("其他", Other),
    ("其他处理", group(OutcomeGroup::OtherHandling)),
    ("其他对外管理服务事项", Act(ProactiveRow::OtherServices)),
    ("其他结果", Column(Col::Other)),
    ("其它", Other),
    ("内部事务信息", outcome(R::InternalAffairs)),
    ("决定", Decision),
    ("减少", Block),
    ("出台", verb(DocVerb::Issue)),
    ("制作", verb(DocVerb::Issue)),
    ("制发", verb(DocVerb::Issue)),
    ("制定", verb(DocVerb::Issue)),
    ("前年", OtherYear),
    ("办理", role(Role::Handled)),
    ("办理完毕", role(Role::Closed)),
    ("办理完结", role(Role::Closed)),
    ("办结", role(Role::Closed)),
    ("包含", Incl),
    ("包括", Incl),
    ("区政府", Filler),
    ("占", Share),
    ("占比", Share),
    ("占比为", Share),
    ("印发", verb(DocVerb::Issue)),
    ("去年", OtherYear),
    ("县区", Block),
    ("县政府", Filler),
    ("及", Filler),
    ("及时", Filler),
    ("发布", verb(DocVerb::Issue)),
    ("受理", role(Role::Received)),
    ("另", Filler),
    ("另有", Filler),
    ("各乡", Block),
    ("各乡镇", Block),
    ("各区", Block),
    ("各单位", Block),
    ("各县", Block),
    ("各县区", Block),
    ("各类", Filler),
    ("各级", Block),
    ("各街道", Block),
    ("各部门", Block),
    ("各镇", Block),
    ("合计", Filler),
    ("同意公开", outcome(R::Disclosed)),
    ("同比", Block),
    ("含", Incl),
    ("和", Filler),
    ("咨询", Block),
    ("商业企业", applicant(Applicant::Commercial)),
    ("四类过程性信息", outcome(R::ProcessInfo)),
    ("四类过程性性信息", outcome(R::ProcessInfo)),
    ("回复", role(Role::Closed)),
    ("因", Filler),
    ("国家", Block),
    ("国家秘密", outcome(R::StateSecret)),
    ("在", Filler),
    ("在线", Block),
    ("均", Filler),
    ("增加", Block),
    ("增长", Block),
    ("处理", role(Role::Handled)),
    ("处理决定", Decision),
    ("处理完毕", role(Role::Closed)),
    ("复议", Review),
    (
        "复议后提起行政诉讼",
        Suit(Some(AppealGroup::SuitAfterReview)),
    ),
    ("复议后提起诉讼", Suit(Some(AppealGroup::SuitAfterReview))),
    ("复议后起诉", Suit(Some(AppealGroup::SuitAfterReview))),
    ("复议案件", Review),
    ("复议申请", Review),
    ("多", Block),
    ("大量反复申请", outcome(R::Excessive)),
    ("季度", Block),
    ("审理中", Column(Col::Pending)),
    ("尚未审结", Column(Col::Pending)),
    ("尚未收到", Lex::Neg(true)),
    ("属于", Filler),
    ("工单", Block),
    ("左右", Block),
    ("已", Filler),
    ("已经", Filler),
    ("市政府", Filler),
    ("平均", Block),
    ("年内", ThisYear),
    ("年度", ThisYear),
    ("并", Filler),
    ("应诉", Suit(None)),
    ("废止", verb(DocVerb::Repeal)),
    ("建议", Block),
    ("当年", ThisYear),
    ("当面", Block),
    ("往年", OtherYear),
    ("往年结转", role(Role::CarriedOver)),
    ("总数", Filler),
    ("总计", Filler),
    ("总量", Filler),
    ("情况", Filler),
    ("情形", Filler),
    ("意见", Block),
    ("我乡", Filler),
    ("我办", Filler),
    ("我区", Filler),
    ("我县", Filler),
    ("我委", Filler),
    ("我局", Filler),
    ("我市", Filler),
    ("我镇", Filler),
    ("或", Filler),
    ("截止", Block),
    ("截至", Block),
    ("所属", Block),
    ("所有", Filler),
    ("投诉", Block),
    ("按时", Filler),
    ("按期", Filler),
    ("按要求", Filler),
    ("接到", role(Role::Received)),
    ("接收", role(Role::Received)),
    ("提案", Block),
    ("提起行政诉讼", Suit(None)),
    ("提起诉讼", Suit(None)),
    ("提高", Block),
    ("收到", role(Role::Received)),
    ("收取", FeeCollect),
    ("收费通知", FeeNotice),
    ("政府", Filler),
    ("政府信息", Info),
    ("政府信息公开", Tie),
    ("政府信息公开工作", Tie),
    ("政府信息公开申请", App(true)),
    ("政府信息申请", App(true)),
    ("政府规章", Doc(ProactiveRow::Rules)),
    ("数", Filler),
    ("数量", Filler),
    ("新公开", verb(DocVerb::Issue)),
    ("新制作", verb(DocVerb::Issue)),
    ("新制定", verb(DocVerb::Issue)),
    ("新增", verb(DocVerb::Change)),
    ("新增公开", verb(DocVerb::Change)),
    ("新收", role(Role::New)),
    ("新收到", role(Role::New)),
    ("新的", Filler),
    ("无", Lex::Neg(false)),
    ("无正当理由大量反复申请", outcome(R::Excessive)),
    ("无法提供", group(OutcomeGroup::Unavailable)),
    ("日均", Block),
    ("时限内", Filler),
    ("明年", OtherYear),
    ("月份", Block),
    ("月均", Block),
    ("有", Filler),
    ("期限内", Filler),
    ("未", Block),
    ("未予", Block),
    ("未产生", Lex::Neg(false)),
    ("未出现", Lex::Neg(false)),
    ("未发生", Lex::Neg(false)),
    ("未受理", Lex::Neg(true)),
    ("未审结", Column(Col::Pending)),
    ("未按收费通知要求缴纳费用", outcome(R::UnpaidFee)),
    ("未接到", Lex::Neg(true)),
    ("未收到", Lex::Neg(true)),
    ("未有", Lex::Neg(false)),
    ("未经复议", Suit(Some(AppealGroup::SuitDirect))),
    ("未经复议直接起诉", Suit(Some(AppealGroup::SuitDirect))),
    ("本办", Filler),
    ("本单位", Filler),
    ("本委", Filler),
    ("本局", Filler),
    ("本年", ThisYear),
    ("本年度", ThisYear),
    ("本机关", Filler),
    ("本机关不掌握", outcome(R::NotHeld)),
    ("本级", Block),
    ("本部门", Filler),
    ("来信", Block),
    ("来访", Block),
    ("案件", Filler),
    ("次", Block),
    ("正在审理", Column(Col::Pending)),
    ("每", Block),
    ("比上年", Block),
    ("比例", Share),
    ("比例为", Share),
    ("比去年", Block),
    ("没有", Lex::Neg(false)),
    ("没有出现", Lex::Neg(false)),
    ("没有发生", Lex::Neg(false)),
    ("没有收到", Lex::Neg(true)),
    ("没有现成信息", outcome(R::NeedsCreation)),
    ("没有现成信息需要另行制作", outcome(R::NeedsCreation)),
    ("法人及其他组织", Lex::Applicant(Applicants::LegalPersons)),
    ("法人和其他组织", Lex::Applicant(Applicants::LegalPersons)),
    ("法人或其他组织", Lex::Applicant(Applicants::LegalPersons)),
    ("法人或者其他组织", Lex::Applicant(Applicants::LegalPersons)),
    ("法定时限内", Filler),
    ("法定期限内", Filler),
    ("法律服务机构", applicant(Applicant::LegalServices)),
    ("法律行政法规禁止公开", outcome(R::ProhibitedByLaw)),
    ("涉及", Lex::Involve),
    ("热线", Block),
    ("率", Block),
    ("环比", Block),
    ("现场", Block),
    ("现行有效", verb(DocVerb::InForce)),
    ("申请", App(false)),
    ("申请件", App(false)),
    ("申请内容仍不明确", outcome(R::StillUnclear)),
    ("申请行政复议", Review),
    ("电子邮件", Block),
    ("电话", Block),
    ("留言", Block),
    ("的", Filler),
    ("目标", Block),
    ("直接起诉", Suit(Some(AppealGroup::SuitDirect))),
    ("相关", Filler),
    ("相关信息", Info),
    ("相关政府信息", Info),
    ("相应", Filler),
    ("省", Block),
    ("确认或重新出具", outcome(R::Confirmation)),
    ("社会公益组织", applicant(Applicant::PublicInterest)),
    ("科研机构", applicant(Applicant::Research)),
    ("移送", Block),
    ("窗口", Block),
    ("第", Block),
    ("第三方合法权益", outcome(R::ThirdParty)),
    ("等", Filler),
    ("答复", role(Role::Closed)),
    ("类", Block),
    ("累计", Block),
    ("纠正", Column(Col::Corrected)),
    ("纠错", Column(Col::Corrected)),
    ("约", Block),
    ("线上", Block),
    ("线下", Block),
    ("经复议后起诉", Suit(Some(AppealGroup::SuitAfterReview))),
    ("结果纠正", Column(Col::Corrected)),
    ("结果维持", Column(Col::Upheld)),
    ("结转下一年", role(Role::CarriedForward)),
    ("结转下一年度", role(Role::CarriedForward)),
    ("结转下年", role(Role::CarriedForward)),
    ("结转下年度", role(Role::CarriedForward)),
    ("结转到下一年", role(Role::CarriedForward)),
    ("结转到下一年度", role(Role::CarriedForward)),
    ("结转到下年度", role(Role::CarriedForward)),
    ("结转至下一年", role(Role::CarriedForward)),
    ("结转至下一年度", role(Role::CarriedForward)),
    ("结转至下年度", role(Role::CarriedForward)),
    ("继续", Filler),
    ("维持", Column(Col::Upheld)),
    ("网上", Block),
    ("网民", Block),
    ("自然人", applicant(Applicant::NaturalPerson)),
    ("行政处罚", Act(ProactiveRow::Penalty)),
    ("行政复议", Review),
    ("行政复议案件", Review),
    ("行政复议申请", Review),
    ("行政强制", Act(ProactiveRow::Enforcement)),
    ("行政执法案卷", outcome(R::EnforcementFile)),
    ("行政查询事项", outcome(R::AdminQuery)),
    ("行政规范性文件", Doc(ProactiveRow::Normative)),
    ("行政许可", Act(ProactiveRow::Licensing)),
    ("行政诉讼", Suit(None)),
    ("行政诉讼案件", Suit(None)),
    ("街道", Block),
    ("补正后申请内容仍不明确", outcome(R::StillUnclear)),
    ("被申请行政复议", Review),
    ("被纠正", Column(Col::Corrected)),
    ("被纠错", Column(Col::Corrected)),
    ("规定时限内", Filler),
    ("规定期限内", Filler),
    ("规章", Doc(ProactiveRow::Rules)),
    ("规章制度", Block),
    ("规范性文件", Doc(ProactiveRow::Normative)),
    ("计", Filler),
    ("计划", Block),
    ("诉求", Block),
    ("诉讼", Suit(None)),
    ("诉讼案件", Suit(None)),
    ("起诉", Suit(None)),
    ("超期", Block),
    ("超过", Block),
    ("转下一年度", role(Role::CarriedForward)),
    ("转下年度", role(Role::CarriedForward)),
    ("转入下一年度", role(Role::CarriedForward)),
    ("转入下年度", role(Role::CarriedForward)),
    ("转办", Block),
    ("转送", Block),
    ("较上年", Block),
    ("较去年", Block),
    ("达", Filler),
    ("达到", Filler),
    ("过程性信息", outcome(R::ProcessInfo)),
    ("过程性性信息", outcome(R::ProcessInfo)),
    ("近", Block),
    ("进行", Filler),
    ("逾", Block),
    ("逾期", Block),
    ("逾期不补正", outcome(R::NoCorrection)),
    ("逾期未缴纳费用", outcome(R::UnpaidFee)),
    ("逾期未缴费", outcome(R::UnpaidFee)),
    ("逾期未补正", outcome(R::NoCorrection)),
    ("邮件", Block),
    ("邮寄", Block),
    ("部分公开", outcome(R::PartlyDisclosed)),
    ("部门", Block),
    ("重复申请", outcome(R::Repeated)),
    ("镇政府", Filler),
    ("降低", Block),
    ("需要另行制作", outcome(R::NeedsCreation)),
    ("顺延到下一年度", role(Role::CarriedForward)),
    ("顺延到下年度", role(Role::CarriedForward)),
    ("顺延至下一年度", role(Role::CarriedForward)),
    ("顺延至下年度", role(Role::CarriedForward)),
    ("预计", Block),
];

/// The first character of each word of [`LEXICON`], in the same order, made at compile
/// time: the words starting with a character are found by a binary search on numbers.
static FIRST: [u32; LEXICON.len()] = {
    let mut first = [0u32; LEXICON.len()];
    let mut i = 0;
    while i < LEXICON.len() {
        first[i] = first_char(LEXICON[i].0.as_bytes());
        i += 1;
    }
    first
};

/// The first character of UTF-8 bytes as a number (0 for none), in a `const fn`.
const fn first_char(b: &[u8]) -> u32 {
    if b.is_empty() {
        return 0;
    }
    let lead = b[0] as u32;
    let (width, mut c) = match lead {
        0..0x80 => return lead,
        0xE0..0xF0 => (3, lead & 0x0F),
        0xF0.. => (4, lead & 0x07),
        _ => (2, lead & 0x1F),
    };
    let mut i = 1;
    while i < width && i < b.len() {
        c = (c << 6) | (b[i] as u32 & 0x3F);
        i += 1;
    }
    c
}

/// The number of slots of [`STARTS`]: a power of two, well above the number of distinct
/// first characters (a unit test checks the table holds them all).
const SLOTS: usize = 1024;

/// The words of [`LEXICON`] by their first character, made at compile time: slot
/// `hash(c)` (then the next ones, wrapping) holds `(c, first index, end index)` of the
/// words that start with `c`, or `(0, 0, 0)` for none. A character that starts no word
/// is told in a few instructions.
static STARTS: [(u32, u16, u16); SLOTS] = {
    let mut table = [(0u32, 0u16, 0u16); SLOTS];
    let mut i = 0;
    while i < LEXICON.len() {
        let c = FIRST[i];
        let mut end = i;
        while end < LEXICON.len() && FIRST[end] == c {
            end += 1;
        }
        let mut slot = hash(c);
        while table[slot].0 != 0 {
            slot = (slot + 1) % SLOTS;
        }
        #[allow(
            clippy::cast_possible_truncation,
            reason = "the lexicon has fewer than 65536 words"
        )]
        {
            table[slot] = (c, i as u16, end as u16);
        }
        i = end;
    }
    table
};

const fn hash(c: u32) -> usize {
    (c.wrapping_mul(0x9E37_79B9) >> 22) as usize % SLOTS
}

/// The indices of [`LEXICON`], each group of words with one first character ordered
/// longest first, made at compile time: the first word of a group that the text starts
/// with is the longest.
static LONGEST_FIRST: [u16; LEXICON.len()] = {
    let mut order = [0u16; LEXICON.len()];
    let mut i = 0;
    while i < LEXICON.len() {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "the lexicon has fewer than 65536 words"
        )]
        {
            order[i] = i as u16;
        }
        i += 1;
    }
    // Insertion sort within each group (groups are runs of one first character).
    let mut i = 1;
    while i < LEXICON.len() {
        let mut j = i;
        while j > 0 {
            let (a, b) = (order[j - 1], order[j]);
            let (x, y) = (a as usize, b as usize);
            if FIRST[x] != FIRST[y] || LEXICON[x].0.len() >= LEXICON[y].0.len() {
                break;
            }
            order[j - 1] = b;
            order[j] = a;
            j -= 1;
        }
        i += 1;
    }
    order
};

/// The indices (into [`LEXICON`]) of the words that start with the character `c`, longest
/// first.
fn starting_with(c: u32) -> &'static [u16] {
    let mut slot = hash(c);
    loop {
        let (k, from, to) = STARTS[slot];
        if k == c {
            return LONGEST_FIRST
                .get(usize::from(from)..usize::from(to))
                .unwrap_or(&[]);
        }
        if k == 0 {
            return &[];
        }
        slot = (slot + 1) % SLOTS;
    }
}

/// The longest word of the lexicon that the UTF-8 `text` starts with (whitespace between
/// its characters already removed), with the number of characters it covers.
pub(crate) fn longest(text: &[u8]) -> Option<(Lex, usize)> {
    let key = first_char(text);
    if key == 0 {
        return None;
    }
    for &i in starting_with(key) {
        let Some(&(word, lex)) = LEXICON.get(usize::from(i)) else {
            continue;
        };
        let w = word.as_bytes();
        // The first character is the same: compare the rest, byte by byte (short words,
        // no call to `memcmp`).
        if w.len() <= text.len() && w.iter().zip(text).skip(1).all(|(a, b)| a == b) {
            // Characters: the bytes that do not continue one.
            return Some((lex, w.iter().filter(|&&b| b & 0xC0 != 0x80).count()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_is_sorted_and_has_no_duplicates() {
        for pair in LEXICON.windows(2) {
            assert!(
                pair[0].0.as_bytes() < pair[1].0.as_bytes(),
                "{} before {}",
                pair[0].0,
                pair[1].0
            );
        }
    }

    #[test]
    fn every_first_character_has_its_slot() {
        for (i, &(word, _)) in LEXICON.iter().enumerate() {
            let c = word.chars().next().map_or(0, |c| c as u32);
            assert!(
                starting_with(c)
                    .iter()
                    .any(|&j| LEXICON[usize::from(j)].0 == word),
                "{word}"
            );
            assert_eq!(FIRST[i], c, "{word}");
        }
        let used = STARTS.iter().filter(|s| s.0 != 0).count();
        assert!(
            used * 4 <= SLOTS,
            "{used} first characters in {SLOTS} slots"
        );
        assert!(starting_with('鑫' as u32).is_empty());
    }

    #[test]
    fn the_longest_word_wins() {
        let longest = |s: &str| longest(s.as_bytes());
        assert_eq!(
            longest("予以公开及部分公开208件"),
            Some((Lex::Outcome(Q::DisclosedOrPartly), 9))
        );
        assert_eq!(longest("予以答复"), Some((Filler, 2)));
        assert_eq!(longest("申请行政复议"), Some((Review, 6)));
        assert_eq!(longest(""), None);
        assert_eq!(longest("鑫"), None);
        assert_eq!(longest("3件"), None);
    }
}
