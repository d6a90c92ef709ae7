//! Writes generated report pages for measuring the survey (BENCHMARKS.md, "Survey").
//!
//! ```text
//! cargo run --release --example survey_gen -- DIR N
//! ```
//!
//! Writes `N` pages into `DIR`, 1,000 per sub-folder: one body's reports for 2020 (2019
//! edition) to 2024 (2021 edition), so that every body has four pairs of consecutive
//! years; even pages as plain text (`render::text`), odd pages as HTML (`render::html`).
//! The counts come from a fixed pseudo-random sequence, so the pages are the same on every
//! run; every seventh report has one wrong total of 表四, every eleventh a carry-over that
//! does not match the year before.

use std::path::PathBuf;
use std::process::ExitCode;

use ogi_report::{
    AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests,
    render,
};

/// A small pseudo-random sequence (xorshift).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn report(i: usize, numbers: &mut Numbers) -> Result<AnnualReport, ogi_report::Error> {
    let year = 2020 + u16::try_from(i % 5).unwrap_or(0);
    let edition = if year < 2021 {
        Edition::E2019
    } else {
        Edition::E2021
    };
    let body = format!("示例市第{}局", i / 5 + 1);
    let printed: Vec<String> = match edition {
        Edition::E2019 => (0..22).map(|_| numbers.next(50).to_string()).collect(),
        _ => (0..10).map(|_| numbers.next(50).to_string()).collect(),
    };
    let proactive = Proactive::from_printed(edition, &printed)?;
    let mut details = RequestDetails::new(edition);
    let (a, b) = (numbers.next(40), numbers.next(5));
    let carried = u64::from(i % 11 == 0);
    details.set(RequestRow::New, [a, b, 0, 0, 0, 0])?;
    details.set(RequestRow::CarriedOver, [carried, 0, 0, 0, 0, 0])?;
    details.set(RequestRow::Disclosed, [a / 2 + carried, b, 0, 0, 0, 0])?;
    details.set(RequestRow::NotHeld, [a - a / 2, 0, 0, 0, 0, 0])?;
    let review = [numbers.next(3), 0, 0, 0];
    let mut appeals = Appeals::assemble(review, [0; 4], [0; 4])?;
    if i % 7 == 0 {
        appeals.set(
            ogi_report::AppealGroup::Review,
            ogi_report::AppealColumn::Total,
            Some(review[0] + 1),
        )?;
    }
    Ok(
        AnnualReport::builder(edition, year, body, BodyKind::Department)
            .published(
                chrono::NaiveDate::from_ymd_opt(i32::from(year) + 1, 1, 20).unwrap_or_default(),
            )
            .overview(format!(
                "{year}年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。"
            ))
            .proactive(proactive)
            .requests(Requests::assemble(&details)?)
            .appeals(appeals)
            .problems("无")
            .build()?,
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("usage: survey_gen DIR N");
        return ExitCode::from(2);
    };
    let mut numbers = Numbers(0x9e37_79b9_7f4a_7c15);
    for i in 0..n {
        let folder = PathBuf::from(dir).join(format!("{:04}", i / 1000));
        let report = match report(i, &mut numbers) {
            Ok(report) => report,
            Err(e) => {
                eprintln!("survey_gen: report {i} cannot be built: {e}");
                return ExitCode::from(2);
            }
        };
        let (name, page) = if i % 2 == 0 {
            (format!("r{i:07}.txt"), render::text(&report))
        } else {
            (
                format!("r{i:07}.html"),
                render::html(&report, &render::HtmlOptions::new()),
            )
        };
        let written =
            std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(folder.join(name), page));
        if let Err(e) = written {
            eprintln!("survey_gen: cannot write in {}: {e}", folder.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
