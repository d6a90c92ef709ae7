//! Sections 一, 五 and 六 as text, and the 2021 edition's information-processing fee
//! statement.

use crate::cell::Value;
use crate::money::Amount;

/// 六、其他需要报告的事项: the text as printed and, in the 2021 edition, the
/// information-processing fee statement (《政府信息公开信息处理费管理办法》) as values.
///
/// ```
/// use ogi_report::{FeeStatement, OtherMatters};
/// let mut six = OtherMatters::new("全年收取政府信息公开信息处理费 3940 元。");
/// let mut fees = FeeStatement::default();
/// fees.collected = Some("3940元".parse()?);
/// six.fees = Some(fees);
/// assert_eq!(six.fees.unwrap().collected.unwrap().to_string(), "3940元");
/// # Ok::<(), ogi_report::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct OtherMatters {
    /// The section's text, byte for byte.
    pub text: String,
    /// The fee statement (2021 edition only); `None` when the report states none.
    pub fees: Option<FeeStatement>,
}

impl OtherMatters {
    /// The section with its text and no fee statement.
    ///
    /// ```
    /// let six = ogi_report::OtherMatters::new("无");
    /// assert_eq!(six.text, "无");
    /// assert_eq!(six.fees, None);
    /// ```
    #[must_use]
    pub fn new(text: impl Into<String>) -> OtherMatters {
        OtherMatters {
            text: text.into(),
            fees: None,
        }
    }
}

/// The information-processing fees a body reports in section 六 of the 2021 edition; money
/// in 元 as the reports print it. Each value is `None` when the report does not state it.
///
/// ```
/// let fees = ogi_report::FeeStatement::default();
/// assert_eq!(fees.notices, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct FeeStatement {
    /// The number of fee notices (收费通知) issued.
    pub notices: Option<u64>,
    /// The total amount of the fee notices issued.
    pub notices_amount: Option<Amount>,
    /// The fees actually collected.
    pub collected: Option<Amount>,
}

impl FeeStatement {
    /// A statement of the values given, each `None` when the report does not state it (the
    /// struct is `#[non_exhaustive]`, so this is how a statement is made outside the crate).
    ///
    /// ```
    /// use ogi_report::FeeStatement;
    /// let fees = FeeStatement::new(Some(7), Some("1300元".parse()?), None);
    /// assert_eq!(fees.notices, Some(7));
    /// assert_eq!(fees.collected, None);
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    #[must_use]
    pub const fn new(
        notices: Option<u64>,
        notices_amount: Option<Amount>,
        collected: Option<Amount>,
    ) -> FeeStatement {
        FeeStatement {
            notices,
            notices_amount,
            collected,
        }
    }

    /// The name of the fee the statement is about.
    pub const LABEL: &'static str = "信息处理费";

    /// The labels of the three values, in the order of [`FeeStatement::values`].
    pub const VALUE_LABELS: [&'static str; 3] =
        ["发出收费通知件数", "收费通知总金额", "实际收取总金额"];

    /// The three values in order (notices, their amount, collected), each `None` when not
    /// stated.
    ///
    /// ```
    /// use ogi_report::{FeeStatement, Value};
    /// let mut fees = FeeStatement::default();
    /// fees.notices = Some(2);
    /// assert_eq!(fees.values(), [Some(Value::Count(2)), None, None]);
    /// ```
    #[must_use]
    pub fn values(&self) -> [Option<Value>; 3] {
        [
            self.notices.map(Value::Count),
            self.notices_amount.map(Value::Money),
            self.collected.map(Value::Money),
        ]
    }
}
