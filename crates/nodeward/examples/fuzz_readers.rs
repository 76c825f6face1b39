//! A mutation fuzzer for the readers of user files, with std only:
//! `nodeward.toml` (`config::parse`) and baselines (`Baseline::parse`),
//! from seeds written here and the demo app's config, mutated byte by byte
//! and spliced. Any panic is printed with its input and kept under
//! target/fuzz-readers/; an error is the expected answer to bad input.
//!
//! usage: cargo run --release -p nodeward --example fuzz_readers -- SECONDS [SEED]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use nodeward::config;
use nodeward_report::baseline::Baseline;

#[path = "support/fuzz.rs"]
mod fuzz_support;
use fuzz_support::{seconds_and_seed, Rng};

const CONFIGS: &[&str] = &[
    "exclude = [\"legacy/\", \"**/*.spec.js\"]\nmax-file-size = 1048576\nfile-time-budget = 2.5\nfail-on = \"warning\"\nadvisories = \"db\"\nadvisory-max-age-days = 7\nmodels = [\"m.toml\"]\n[rules]\nx-powered-by = \"off\"\nredos = \"error\"\n",
    "[rules]\nmissing-helmet = \"note\"\n",
    "",
];

const BASELINES: &[&str] = &[
    r#"{"version": 1, "findings": [{"rule": "redos", "path": "src/a.js", "fingerprint": "3278f2557c6fe9e97a39aea96f361ef7176b39238b902d16c6883ea42ea1ae96", "message": "x"}]}"#,
    r#"{"version": 1, "findings": []}"#,
];

const PIECES: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    ":",
    "\n",
    "#",
    "\\",
    "\\u0000",
    "\u{0}",
    "é",
    "1e309",
    "-1",
    "18446744073709551616",
    "NaN",
    "inf",
    "true",
    "null",
    "[[",
    "]]",
    "\"\"\"",
];

fn mutate(rng: &mut Rng, seeds: &[String]) -> String {
    let mut b: Vec<u8> = seeds[rng.below(seeds.len())].as_bytes().to_vec();
    for _ in 0..1 + rng.below(5) {
        let at = rng.below(b.len() + 1);
        match rng.below(4) {
            0 if !b.is_empty() => {
                rng.delete(&mut b, at, 6);
            }
            1 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] = (rng.next() & 0x7f) as u8;
            }
            _ => {
                let piece = PIECES[rng.below(PIECES.len())];
                b.splice(at..at, piece.bytes());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn main() {
    let (seconds, seed) = seconds_and_seed();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut configs: Vec<String> = CONFIGS.iter().map(|s| s.to_string()).collect();
    if let Ok(t) = std::fs::read_to_string(root.join("testdata/demo-app/nodeward.toml")) {
        configs.push(t);
    }
    let baselines: Vec<String> = BASELINES.iter().map(|s| s.to_string()).collect();
    let out_dir = root.join("target/fuzz-readers");
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let (mut runs, mut accepted, mut problems) = (0u64, 0u64, 0u64);
    while started.elapsed() < Duration::from_secs(seconds) {
        let (what, text) = if rng.below(2) == 0 {
            ("config", mutate(&mut rng, &configs))
        } else {
            ("baseline", mutate(&mut rng, &baselines))
        };
        runs += 1;
        let result = catch_unwind(AssertUnwindSafe(|| match what {
            "config" => config::parse(&text).is_ok(),
            _ => Baseline::parse(&text).is_ok(),
        }));
        match result {
            Ok(ok) => accepted += ok as u64,
            Err(_) => {
                problems += 1;
                println!("panic in the {what} reader: {text:?}");
                let _ = std::fs::create_dir_all(&out_dir);
                let _ = std::fs::write(out_dir.join(format!("{what}-{runs}.txt")), &text);
            }
        }
    }
    println!(
        "{runs} inputs in {:?}: {accepted} accepted, {problems} panics",
        started.elapsed()
    );
}
