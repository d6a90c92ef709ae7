//! Validating a report with no findings allocates nothing: a counting global allocator
//! proves it. The count is per thread, so the other tests of this binary, running in
//! parallel, do not disturb it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use ogi_report::{Edition, claims, validate, validate_narrative, validate_pair};

use crate::support::build::{Spec, base, next_of};

struct Counting;

thread_local! {
    // `const` and `Cell`: no lazy initialisation and no destructor, so reading it from the
    // allocator cannot itself allocate.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is a
// thread-local `Cell` that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
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

/// How many allocations `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (ALLOCATIONS.with(Cell::get) - before, out)
}

#[test]
fn validating_a_clean_report_allocates_nothing() {
    for edition in Edition::ALL {
        for kind in ogi_report::BodyKind::ALL {
            let report = Spec::new(edition).kind(kind).build();
            let (n, findings) = allocations(|| validate(&report));
            assert!(findings.is_empty());
            assert_eq!(n, 0, "{edition} {kind}");
        }
    }
    let seed_like = base(Edition::E2019);
    let next = next_of(&seed_like, Edition::E2021);
    let (n, findings) = allocations(|| validate_pair(&seed_like, &next));
    assert!(findings.unwrap().is_empty());
    assert_eq!(n, 0);
}

#[test]
fn checking_texts_that_agree_with_the_tables_allocates_nothing() {
    // 淮安 2024: 16 statements of its texts, every one agreeing with its tables.
    let report = crate::support::narrative_fixture("full-huaian-city-govt-2024");
    let (n, count) = allocations(|| claims(&report).count());
    assert_eq!((n, count), (0, 16));
    let (n, findings) = allocations(|| validate_narrative(&report));
    assert!(findings.is_empty());
    assert_eq!(n, 0);
    // A statement that disagrees: the findings' vector, once.
    let report = crate::support::narrative_fixture("full-hongze-district-govt-2024");
    let (n, findings) = allocations(|| validate_narrative(&report));
    assert_eq!((n, findings.len()), (1, 1));
}

#[test]
fn the_counter_counts() {
    // A report with a finding allocates its vector (once), proving the counter works.
    let mut report = base(Edition::E2021);
    report
        .appeals_mut()
        .set(
            ogi_report::AppealGroup::Review,
            ogi_report::AppealColumn::Total,
            Some(99),
        )
        .expect("表四 has every cell");
    let (n, findings) = allocations(|| validate(&report));
    assert_eq!(findings.len(), 1);
    assert_eq!(n, 1);
    // Formatting a finding is where its message is built, lazily.
    let (n, line) = allocations(|| findings[0].to_string());
    assert!(n > 0 && line.starts_with("error t4.group_total"));
}
