//! The roll-up of 100,000 generated reports, a fold over an iterator, side by side with
//! `validate` on the same reports (the target: a roll-up costs no more than twice a
//! validation per report), and the heap it uses, which must not grow with the number of
//! reports.
//!
//! `cargo bench --bench rollup`
//!
//! The reports are made one at a time in one buffer ([`support::Generator`]): report `i`
//! exists only while it is folded in, so the fold holds one report whatever the count.
//! All three benches pay the same cost of making the reports; `generate` shows it alone.
//!
//! `cargo test --benches` runs each bench once in a debug build: there the fold is over
//! 1,000 reports, not 100,000, to stay within a few seconds.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ogi_report::{Edition, Rollup, RollupError, validate};

mod support;

/// How many reports a fold rolls up (fewer in a debug build, the smoke run of CI).
const REPORTS: u64 = if cfg!(debug_assertions) {
    1_000
} else {
    100_000
};

/// Counts the bytes live on the heap and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters are
// atomics, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        shrank(layout.size());
        grew(new_size);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Rolls up `n` generated reports: a fold over an iterator of indices, each report made
/// when it is folded in.
fn roll_up(generator: &mut support::Generator, n: u64) -> Result<Rollup, RollupError> {
    (0..n).try_fold(Rollup::new(Edition::E2021), |mut rollup, i| {
        rollup.add(generator.report(i))?;
        Ok(rollup)
    })
}

/// The peak of heap bytes live during `f` above those live before it.
fn peak_heap<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed) - before, out)
}

/// The heap a roll-up uses does not grow with the number of reports: the peak over a
/// fold of 100 reports and over a fold of `REPORTS` is the same.
fn heap_does_not_grow() {
    let mut generator = support::Generator::new();
    let (small, a) = peak_heap(|| roll_up(&mut generator, 100));
    let (large, b) = peak_heap(|| roll_up(&mut generator, REPORTS));
    let (a, b) = (a.expect("no overflow"), b.expect("no overflow"));
    assert_eq!((a.reports(), b.reports()), (100, REPORTS));
    assert_eq!(
        small, large,
        "the roll-up's heap grows with the number of reports"
    );
    println!(
        "rollup/heap: peak {large} bytes on the heap over {REPORTS} reports, as over 100; \
         size_of::<Rollup>() = {} bytes",
        std::mem::size_of::<Rollup>()
    );
}

fn benches(c: &mut Criterion) {
    heap_does_not_grow();
    let mut generator = support::Generator::new();
    let mut group = c.benchmark_group("rollup");
    group.throughput(Throughput::Elements(REPORTS));
    group.sample_size(10);
    group.bench_function(format!("generate/{REPORTS}"), |b| {
        b.iter(|| (0..REPORTS).map(|i| generator.report(i).year()).max());
    });
    group.bench_function(format!("validate/{REPORTS}"), |b| {
        b.iter(|| {
            (0..REPORTS)
                .map(|i| validate(black_box(generator.report(i))).len())
                .sum::<usize>()
        });
    });
    group.bench_function(format!("rollup/{REPORTS}"), |b| {
        b.iter(|| roll_up(&mut generator, REPORTS).expect("no overflow"));
    });
    group.finish();
}

criterion_group!(rollup, benches);
criterion_main!(rollup);
