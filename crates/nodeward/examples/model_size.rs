//! How much memory the per-file models of a tree hold, by part, counted by
//! the allocator: a tool for keeping models compact.
//! `cargo run --release --example model_size -- DIR` (`NODEWARD_ALL_FILES=1`
//! reads every file, as `--no-ignore --no-default-excludes`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

use nodeward_semantic::model::{Binding, CallSite, CallVal, CondNode, Function, Val};
use nodeward_semantic::FileModel;

/// Counts the bytes asked for and not yet given back.
struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Relaxed);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Relaxed);
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        LIVE.fetch_add(n as isize - l.size() as isize, Relaxed);
        System.realloc(p, l, n)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn mib() -> isize {
    LIVE.load(Relaxed) >> 20
}

type Part = (&'static str, fn(&mut FileModel));

/// Each part is emptied in turn; what the allocator gets back is its size.
const PARTS: &[Part] = &[
    ("calls", |m| {
        m.functions.iter_mut().for_each(|f| f.calls = Vec::new())
    }),
    ("returns", |m| {
        m.functions.iter_mut().for_each(|f| f.returns = Vec::new())
    }),
    ("effects", |m| {
        m.functions.iter_mut().for_each(|f| f.effects = Vec::new())
    }),
    ("bindings", |m| m.bindings = Vec::new()),
    ("reassigned", |m| m.reassigned = Vec::new()),
    ("conds", |m| m.conds = Vec::new()),
    ("functions", |m| m.functions = Vec::new()),
    ("classes", |m| m.classes = Vec::new()),
    ("exports", |m| m.exports = Vec::new()),
    ("fn_meta", |m| m.fn_meta = Vec::new()),
];

fn main() {
    let path = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let mut models = nodeward::pipeline::index_tree(&[path], 2).expect("path exists");
    println!("{} models hold {} MiB", models.len(), mib());
    println!(
        "sizes: Val {} CallSite {} CallVal {} Binding {} CondNode {} Function {}",
        size_of::<Val>(),
        size_of::<CallSite>(),
        size_of::<CallVal>(),
        size_of::<Binding>(),
        size_of::<CondNode>(),
        size_of::<Function>()
    );
    let mut last = mib();
    for (name, empty) in PARTS {
        models.iter_mut().for_each(empty);
        let now = mib();
        println!("  {name:12} {:5} MiB", last - now);
        last = now;
    }
    drop(models);
    println!("  {:12} {:5} MiB", "the rest", last - mib());
}
