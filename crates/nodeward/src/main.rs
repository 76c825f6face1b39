use clap::Parser;

use nodeward::alloc_count::CountingAlloc;
use nodeward::cli::{run, Cli};

/// Counts each thread's live bytes for the memory guard (`alloc_count.rs`).
#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn main() {
    let cli = Cli::parse();
    std::process::exit(run(cli) as i32);
}
