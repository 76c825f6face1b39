//! How large the per-file models are on a tree (their JSON size, by part):
//! a tool for keeping models compact. `cargo run --release --example model_size -- DIR`

use std::path::PathBuf;

fn main() {
    let path = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let models = nodeward::pipeline::index_tree(&[path], 2).expect("path exists");
    let size = |v: &dyn Erased| v.json_len();
    let (mut functions, mut bindings, mut conds, mut total) = (0, 0, 0, 0);
    for m in &models {
        functions += size(&m.functions);
        bindings += size(&m.bindings);
        conds += size(&m.conds);
        total += size(m);
    }
    let fns: usize = models.iter().map(|m| m.functions.len()).sum();
    println!(
        "{} models: functions {} MB, bindings {} MB, conds {} MB, total {} MB of JSON; {fns} functions",
        models.len(),
        functions >> 20,
        bindings >> 20,
        conds >> 20,
        total >> 20
    );
}

/// The JSON size of any serializable part of a model.
trait Erased {
    fn json_len(&self) -> usize;
}

impl<T: serde::Serialize> Erased for T {
    fn json_len(&self) -> usize {
        serde_json::to_vec(self).map_or(0, |v| v.len())
    }
}
