//! The floor for `nodeward check`: discover, read, pre-scan and parse every
//! file on the same worker pool, and nothing else. `scripts/bench.sh` runs
//! it beside the real command.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use nodeward_front::discover::{discover, DiscoverOptions};
use nodeward_front::parse::{parse, with_file_stack, WORKER_STACK};
use nodeward_front::prescan::{nesting_depth, MAX_NESTING};
use nodeward_front::read::read_source;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let jobs: usize = args.next().and_then(|j| j.parse().ok()).unwrap_or(2);
    let opts = DiscoverOptions::default();
    let t = Instant::now();
    let found = discover(&[path], &opts).expect("path exists");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(WORKER_STACK)
        .build()
        .unwrap();
    let parsed: usize = pool.install(|| {
        found
            .files
            .par_iter()
            .filter_map(|f| read_source(f, &opts).ok().map(|src| (f, src)))
            .filter(|(_, src)| nesting_depth(src, MAX_NESTING).is_ok())
            .map(|(f, src)| with_file_stack(src.len(), || parse(&f.rel, &src).is_ok() as usize))
            .sum()
    });
    eprintln!(
        "parsed {parsed} of {} files in {:.2} s",
        found.files.len(),
        t.elapsed().as_secs_f64()
    );
}
