//! Every case under testdata/rules/<rule-id>/ (a file, or a folder scanned as
//! one project) gives exactly the findings its `// expect:` markers name,
//! with only that rule enabled. The demo app is checked with every rule.

mod common;

use common::{findings_of, markers_of, run, workspace_root};
use nodeward_rules::all_rules;

#[test]
fn every_rule_case_matches_its_markers() {
    let root = workspace_root().join("testdata/rules");
    let mut failures = Vec::new();
    let mut cases = 0;
    for rule in all_rules() {
        let id = rule.meta().id;
        let dir = root.join(id);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            failures.push(format!("{id}: no fixtures in {}", dir.display()));
            continue;
        };
        let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        let (mut pos, mut neg) = (0, 0);
        for case in entries {
            cases += 1;
            let report = run(&case, &[id]);
            let base = if case.is_dir() {
                case.clone()
            } else {
                case.parent().unwrap().to_path_buf()
            };
            let got = findings_of(&report, &base);
            let want = markers_of(&case, &[id]);
            if want.is_empty() {
                neg += 1
            } else {
                pos += 1
            }
            // The name says which kind a case is; the markers must agree.
            let name = case.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with("bad-") == want.is_empty() {
                failures.push(format!(
                    "{}: a bad- case needs markers, an ok- case none",
                    case.display()
                ));
            }
            if got != want {
                let missing: Vec<_> = want.difference(&got).collect();
                let extra: Vec<_> = got.difference(&want).collect();
                failures.push(format!(
                    "{}: missing {missing:?}, extra {extra:?}",
                    case.display()
                ));
            }
            let bad: Vec<_> = report
                .notices
                .iter()
                .filter(|n| n.is_internal_error())
                .collect();
            if !bad.is_empty() {
                failures.push(format!("{}: internal errors {bad:?}", case.display()));
            }
        }
        println!("{id}: {pos} positive, {neg} negative cases");
        if pos < 12 || neg < 12 {
            failures.push(format!(
                "{id}: needs at least 12 positive and 12 negative cases ({pos}/{neg})"
            ));
        }
    }
    assert!(cases > 0);
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn demo_app_matches_its_markers() {
    let demo = workspace_root().join("testdata/demo-app");
    let ids: Vec<&str> = all_rules().iter().map(|r| r.meta().id).collect();
    let report = run(&demo, &[]);
    let got = findings_of(&report, &demo);
    let want = markers_of(&demo, &ids);
    assert!(!want.is_empty());
    assert_eq!(got, want);
}
