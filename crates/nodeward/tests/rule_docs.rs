//! Each rule's documentation is tested: every ```` ```js flagged ```` example
//! in rules/<id>.md gives exactly one finding of that rule, every
//! ```` ```js ok ```` example none.

mod common;

use common::run;
use nodeward_rules::all_rules;

/// One example: whether it is flagged, and its files (name, text).
type Example = (bool, Vec<(String, String)>);

/// The examples of a rule's docs. A block's info string is
/// `<lang> flagged|ok [file]`: without a file name the block is one
/// `example.js`; with one, consecutive blocks of the same kind naming
/// different files make up one example project (package.json, a lockfile
/// and a source file, say).
fn examples(md: &str) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    let mut open: Option<(bool, Option<String>, String)> = None;
    let mut grouping = false;
    for line in md.lines() {
        if let Some((flagged, file, body)) = &mut open {
            if line.trim_start().starts_with("```") {
                let (flagged, file, body) = (*flagged, file.take(), std::mem::take(body));
                open = None;
                match file {
                    Some(name) => {
                        let joins = grouping
                            && out.last().is_some_and(|(k, files)| {
                                *k == flagged && files.iter().all(|(n, _)| *n != name)
                            });
                        if joins {
                            out.last_mut().unwrap().1.push((name, body));
                        } else {
                            out.push((flagged, vec![(name, body)]));
                        }
                        grouping = true;
                    }
                    None => {
                        out.push((flagged, vec![("example.js".into(), body)]));
                        grouping = false;
                    }
                }
            } else {
                body.push_str(line);
                body.push('\n');
            }
            continue;
        }
        let Some(info) = line.trim().strip_prefix("```") else {
            continue;
        };
        let words: Vec<&str> = info.split_whitespace().collect();
        let kind = match words.get(1) {
            Some(&"flagged") => true,
            Some(&"ok") => false,
            _ => continue,
        };
        open = Some((kind, words.get(2).map(|f| f.to_string()), String::new()));
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
        for (i, (flagged, files)) in ex.iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            for (name, text) in files {
                std::fs::write(dir.path().join(name), text).unwrap();
            }
            let code: String = files.iter().map(|(n, t)| format!("// {n}\n{t}")).collect();
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
