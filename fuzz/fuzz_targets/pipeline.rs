//! The whole pipeline on arbitrary UTF-8, through the in-memory entry point:
//! the first byte picks the extension of the main file (`.js`, `.ts`,
//! `.tsx`, `.mjs`); a NUL splits off a second file, `lib/helper.js`, so that
//! imports and cross-file flows are reached. A panic anywhere (the pipeline
//! turns one into a `panic` notice), an error, or two runs that report
//! differently is a crash; a hang is libFuzzer's `-timeout`.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use nodeward::pipeline::{analyze_memory, AnalyzeOptions};
use nodeward_report::NoticeKind;

const EXTENSIONS: [&str; 4] = ["js", "ts", "tsx", "mjs"];

fn options() -> AnalyzeOptions {
    AnalyzeOptions {
        // Far above any real file; what stops at it says so in a notice.
        file_time_budget: Duration::from_secs(5),
        ..AnalyzeOptions::all_rules(Vec::new())
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let ext = EXTENSIONS[pick as usize % EXTENSIONS.len()];
    let (main, helper) = text.split_once('\0').unwrap_or((text, ""));
    let mut files = vec![(format!("app.{ext}"), main.to_string())];
    if !helper.is_empty() {
        files.push(("lib/helper.js".to_string(), helper.to_string()));
    }
    let opts = options();
    let first = analyze_memory(&files, &opts).expect("an in-memory run cannot fail");
    if let Some(n) = first.notices.iter().find(|n| n.kind == NoticeKind::Panic) {
        panic!("the pipeline panicked: {}", n.message);
    }
    let again = analyze_memory(&files, &opts).expect("an in-memory run cannot fail");
    assert_eq!(first.findings, again.findings, "two runs differ");
    assert_eq!(first.notices, again.notices, "two runs differ");
});
