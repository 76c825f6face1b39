//! Each rule's documentation is tested: every ```` ```js flagged ```` example
//! in rules/<id>.md gives exactly one finding of that rule, every
//! ```` ```js ok ```` example none.

mod common;

use common::run;
use nodeward_rules::all_rules;

fn examples(md: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for line in md.lines() {
        match &mut current {
            Some((flagged, body)) => {
                if line.trim_start().starts_with("```") {
                    out.push((*flagged, std::mem::take(body)));
                    current = None;
                } else {
                    body.push_str(line);
                    body.push('\n');
                }
            }
            None => {
                let info = line.trim().strip_prefix("```").map(str::trim);
                match info {
                    Some("js flagged") => current = Some((true, String::new())),
                    Some("js ok") => current = Some((false, String::new())),
                    _ => {}
                }
            }
        }
    }
    out
}

#[test]
fn every_rule_doc_example_behaves_as_labelled() {
    let mut failures = Vec::new();
    for rule in all_rules() {
        let meta = rule.meta();
        let ex = examples(meta.docs);
        assert!(
            ex.iter().any(|e| e.0) && ex.iter().any(|e| !e.0),
            "{}: needs flagged and ok examples",
            meta.id
        );
        for (i, (flagged, code)) in ex.iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("example.js");
            std::fs::write(&file, code).unwrap();
            let report = run(dir.path(), &[meta.id]);
            let want = usize::from(*flagged);
            if report.findings.len() != want {
                failures.push(format!(
                    "{} example {} ({}): {} findings\n{code}",
                    meta.id,
                    i + 1,
                    if *flagged { "flagged" } else { "ok" },
                    report.findings.len()
                ));
            }
        }
        assert!(
            meta.docs.starts_with(&format!("# {}\n", meta.id)),
            "{}: doc must start with its id",
            meta.id
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
