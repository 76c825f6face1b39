//! How large the per-file models are on a tree (their JSON size, by part):
//! a tool for keeping models compact. `cargo run --release --example model_size -- DIR`

use nodeward_front::discover::{discover, DiscoverOptions};
use nodeward_front::parse::{parse, with_file_stack};
use nodeward_front::read::read_source;
use std::path::PathBuf;
fn main() {
    let path = PathBuf::from(std::env::args().nth(1).unwrap());
    let opts = DiscoverOptions::default();
    let found = discover(&[path], &opts).unwrap();
    let (mut calls, mut binds, mut conds, mut fns, mut total) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for f in &found.files {
        let Ok(src) = read_source(f, &opts) else {
            continue;
        };
        if nodeward_front::prescan::nesting_depth(&src, 1000).is_err() {
            continue;
        }
        with_file_stack(src.len(), || {
            if let Ok(p) = parse(&f.rel, &src) {
                let m = nodeward_semantic::index_file(&f.rel, &p);
                calls += serde_json::to_vec(&m.functions).unwrap().len();
                binds += serde_json::to_vec(&m.bindings).unwrap().len();
                conds += serde_json::to_vec(&m.conds).unwrap().len();
                fns += m.functions.len();
                total += serde_json::to_vec(&m).unwrap().len();
            }
        });
    }
    println!(
        "functions json {} MB, bindings {} MB, conds {} MB, total {} MB, fns {}",
        calls >> 20,
        binds >> 20,
        conds >> 20,
        total >> 20,
        fns
    );
}
