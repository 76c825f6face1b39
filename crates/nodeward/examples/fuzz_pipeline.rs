//! A mutation fuzzer for the whole pipeline that needs no crate beyond std:
//! the fixture sources of testdata/rules, spliced and mutated, written as
//! `.js`, `.ts` or `.tsx` into a scratch project with a second file beside
//! it, and analysed with every rule. A panic notice, an output that differs
//! between two runs, or a run over ten seconds is printed and its sources
//! kept under target/fuzz-pipeline/. With `FUZZ_TRACE=1` the current input is
//! written to target/fuzz-pipeline/current/ before each run, so that a crash
//! of the whole process (a stack overflow) leaves it behind.
//!
//! usage: cargo run --release -p nodeward --example fuzz_pipeline -- SECONDS [SEED]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nodeward::pipeline::{analyze, AnalyzeOptions};
use nodeward_report::NoticeKind;

#[path = "support/fuzz.rs"]
mod fuzz_support;
use fuzz_support::{seconds_and_seed, Rng};

/// Pieces a mutation inserts: what makes parsers and models take odd paths.
const PIECES: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    "=>",
    "...",
    "?.",
    "??",
    "`${",
    "}`",
    "'",
    "\"",
    "/",
    "/(a+)+$/",
    "\\",
    "async ",
    "await ",
    "yield ",
    "function ",
    "class ",
    "extends ",
    "new ",
    "this.",
    "super.",
    "return ",
    "throw ",
    "try {",
    "} catch (e) {",
    "if (",
    "else ",
    "for (",
    " of ",
    " in ",
    "import(",
    "require(",
    "module.exports = ",
    "export default ",
    "export * from ",
    "req.query.",
    "req.body",
    "ctx.request.body",
    "res.send(",
    "app.use(",
    "express()",
    "<div>",
    "</div>",
    "as any",
    "<T>",
    ": string",
    "@Get()",
    "#priv",
    "\u{2028}",
    "\u{feff}",
    "\n",
];

fn seeds(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            seeds(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ["js", "ts", "mjs", "cjs", "tsx", "jsx"].contains(&x))
        {
            if let Ok(text) = std::fs::read_to_string(&p) {
                out.push(text);
            }
        }
    }
}

/// Lines of one seed with lines of another spliced in, then a few pieces
/// inserted and characters deleted.
fn mutate(rng: &mut Rng, seeds: &[String]) -> String {
    let a: Vec<&str> = seeds[rng.below(seeds.len())].lines().collect();
    let b: Vec<&str> = seeds[rng.below(seeds.len())].lines().collect();
    let cut = rng.below(a.len() + 1);
    let from = rng.below(b.len() + 1);
    let to = (from + rng.below(20)).min(b.len());
    let mut text: Vec<char> = a[..cut]
        .iter()
        .chain(&b[from..to])
        .chain(&a[cut..])
        .flat_map(|l| l.chars().chain(std::iter::once('\n')))
        .collect();
    for _ in 0..rng.below(6) {
        let at = rng.below(text.len() + 1);
        if rng.below(3) == 0 && !text.is_empty() {
            rng.delete(&mut text, at, 4);
        } else {
            let piece = PIECES[rng.below(PIECES.len())];
            text.splice(at..at, piece.chars());
        }
    }
    text.into_iter().collect()
}

fn options(dir: &Path) -> AnalyzeOptions {
    AnalyzeOptions::all_rules(vec![dir.to_path_buf()])
}

fn main() {
    let (seconds, seed) = seconds_and_seed();
    let trace = std::env::var_os("FUZZ_TRACE").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut all = Vec::new();
    seeds(&root.join("testdata/rules"), &mut all);
    assert!(!all.is_empty(), "no seeds under testdata/rules");
    let out_dir = root.join("target/fuzz-pipeline");
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let dir = scratch.path().to_path_buf();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng::new(seed);
    let started = Instant::now();
    let (mut runs, mut problems, mut findings) = (0u64, 0u64, 0usize);
    let mut slowest = Duration::ZERO;
    while started.elapsed() < Duration::from_secs(seconds) {
        let ext = ["js", "ts", "tsx", "mjs"][rng.below(4)];
        let main = mutate(&mut rng, &all);
        let other = mutate(&mut rng, &all);
        let files: [(PathBuf, &str); 2] = [
            (PathBuf::from(format!("app.{ext}")), &main),
            (PathBuf::from("lib/helper.js"), &other),
        ];
        let _ = std::fs::remove_dir_all(dir.join("lib"));
        for old in ["app.js", "app.ts", "app.tsx", "app.mjs"] {
            let _ = std::fs::remove_file(dir.join(old));
        }
        for (rel, text) in &files {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            if trace {
                let keep = out_dir.join("current").join(rel);
                let _ = std::fs::create_dir_all(keep.parent().unwrap());
                let _ = std::fs::write(keep, text);
            }
        }
        let t = Instant::now();
        let first = analyze(&options(&dir));
        let took = t.elapsed();
        slowest = slowest.max(took);
        runs += 1;
        let mut problem = None;
        match &first {
            Err(e) => problem = Some(format!("error: {}", e.0)),
            Ok(report) => {
                findings += report.findings.len();
                if let Some(n) = report.notices.iter().find(|n| n.kind == NoticeKind::Panic) {
                    problem = Some(format!("panic: {}", n.message));
                } else if took > Duration::from_secs(10) {
                    problem = Some(format!("slow: {took:?}"));
                } else if runs % 20 == 0 {
                    // Deterministic: a second run reports the same.
                    let again = analyze(&options(&dir));
                    if let Ok(again) = again {
                        if again.findings != report.findings || again.notices != report.notices {
                            problem = Some("two runs differ".to_string());
                        }
                    }
                }
            }
        }
        if let Some(what) = problem {
            problems += 1;
            println!("{what}");
            let keep = out_dir.join(format!("problem-{runs}"));
            for (rel, text) in &files {
                let path = keep.join(rel);
                let _ = std::fs::create_dir_all(path.parent().unwrap());
                let _ = std::fs::write(path, text);
            }
        }
    }
    println!(
        "{runs} runs in {:?}: {findings} findings, {problems} problems, slowest run {slowest:?}",
        started.elapsed()
    );
}
