//! The memory of the model: `size_of` of the main types, and the heap bytes a report owns
//! (the seed, 陆河县人民政府 2020; a fully filled 2021-edition report), as BENCHMARKS.md
//! records them. Also shows that validating the filled report allocates nothing.
//!
//! Run with `cargo bench --bench sizes` (it prints the tables; `cargo test --benches`
//! runs it too, checking its assertions).
//!
//! The heap bytes are measured, not computed: a counting global allocator counts the bytes
//! allocated while the report is cloned (a clone allocates each string at its length) and
//! while the report is read from its JSON form.

use std::alloc::{GlobalAlloc, Layout, System};
use std::mem::size_of;
use std::sync::atomic::{AtomicUsize, Ordering};

use ogi_report::{
    Amount, AnnualReport, Appeals, CellRef, Finding, Findings, Proactive, Requests, Rollup, Value,
    validate,
};

mod support;

/// Counts the bytes and the number of allocations.
struct Counting;

static BYTES: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

fn count(bytes: usize) {
    BYTES.fetch_add(bytes, Ordering::Relaxed);
    ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are
// atomics, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size.saturating_sub(layout.size()));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The bytes and allocations `f` makes (this program has one thread).
fn allocated<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let (bytes, allocations) = (
        BYTES.load(Ordering::Relaxed),
        ALLOCATIONS.load(Ordering::Relaxed),
    );
    let out = f();
    (
        BYTES.load(Ordering::Relaxed) - bytes,
        ALLOCATIONS.load(Ordering::Relaxed) - allocations,
        out,
    )
}

/// The texts of a report: the heap it owns.
fn text_bytes(report: &AnnualReport) -> usize {
    report.body().len()
        + report.overview().len()
        + report.problems().len()
        + report.other_matters().text.len()
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sizes: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Prints the tables; an error is a sentence for the user.
fn run() -> Result<(), String> {
    println!("| type | `size_of` (bytes) |");
    println!("|---|---:|");
    let sizes = [
        ("AnnualReport", size_of::<AnnualReport>()),
        ("Proactive (表二)", size_of::<Proactive>()),
        ("Requests (表三)", size_of::<Requests>()),
        ("Appeals (表四)", size_of::<Appeals>()),
        ("Value", size_of::<Value>()),
        ("Option<Value>", size_of::<Option<Value>>()),
        ("Amount", size_of::<Amount>()),
        ("Finding", size_of::<Finding>()),
        ("Findings", size_of::<Findings>()),
        ("CellRef", size_of::<CellRef>()),
        ("Rollup", size_of::<Rollup>()),
    ];
    for (name, size) in sizes {
        println!("| `{name}` | {size} |");
    }

    println!();
    println!(
        "| report | text bytes | heap bytes of a clone (allocations) | bytes allocated reading its JSON, scratch included (allocations) | JSON bytes |"
    );
    println!("|---|---:|---:|---:|---:|");
    let reports = [
        ("seed (陆河县 2020)", support::seed()),
        ("filled 2021 edition", support::large_2021(2022, [0; 6])),
    ];
    for (name, report) in &reports {
        let json = serde_json::to_string(report)
            .map_err(|e| format!("{name} cannot be written as JSON: {e}"))?;
        let (cloned, clone_allocations, copy) = allocated(|| report.clone());
        let (read, read_allocations, back) =
            allocated(|| serde_json::from_str::<AnnualReport>(&json));
        assert_eq!(&copy, report);
        let back = back.map_err(|e| format!("{name} cannot be read back from JSON: {e}"))?;
        assert_eq!(&back, report);
        println!(
            "| {name} | {} | {cloned} ({clone_allocations}) | {read} ({read_allocations}) | {} |",
            text_bytes(report),
            json.len()
        );
    }

    let large = &reports[1].1;
    let (bytes, allocations, findings) = allocated(|| validate(large));
    assert!(findings.is_empty());
    assert_eq!((bytes, allocations), (0, 0));
    println!();
    println!("validate on the filled 2021 report: no finding, {allocations} allocations");
    Ok(())
}
