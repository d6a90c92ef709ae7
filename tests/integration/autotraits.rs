//! Every public type is `Send + Sync` (and `Unpin`), so reports cross threads freely.

fn assert_send_sync<T: Send + Sync + Unpin>() {}

#[test]
fn public_types_are_send_and_sync() {
    use ogi_report::*;
    assert_send_sync::<Amount>();
    assert_send_sync::<AnnualReport>();
    assert_send_sync::<AppealColumn>();
    assert_send_sync::<AppealGroup>();
    assert_send_sync::<Appeals>();
    assert_send_sync::<Applicant>();
    assert_send_sync::<Article20Item>();
    assert_send_sync::<BodyKind>();
    assert_send_sync::<CellRef>();
    assert_send_sync::<Edition>();
    assert_send_sync::<Error>();
    assert_send_sync::<FeeStatement>();
    assert_send_sync::<MoneyUnit>();
    assert_send_sync::<OtherMatters>();
    assert_send_sync::<OutcomeGroup>();
    assert_send_sync::<Proactive>();
    assert_send_sync::<ProactiveColumn>();
    assert_send_sync::<ProactiveRow>();
    assert_send_sync::<ReportBuilder>();
    assert_send_sync::<RequestDetails>();
    assert_send_sync::<RequestRow>();
    assert_send_sync::<Requests>();
    assert_send_sync::<Table>();
    assert_send_sync::<Value>();
    assert_send_sync::<ValueError>();
    assert_send_sync::<ValueKind>();
}
