//! SARIF output against the official schema and GitHub's ingestion rules.

mod common;

use nodeward_report::render::{SarifOptions, SarifRenderer};
use nodeward_report::schema_check::{validate_sarif_against_schema, SchemaCheckError};
use serde_json::{json, Value};

fn sarif() -> Value {
    SarifRenderer::new(SarifOptions::default())
        .to_value(&common::fixture())
        .0
}

/// Ok(true) when valid, Ok(false) when the schema is not there (skipped).
fn validate(value: &Value) -> Result<bool, Vec<String>> {
    match validate_sarif_against_schema(value) {
        Ok(()) => Ok(true),
        Err(SchemaCheckError::SchemaMissing { path }) => {
            eprintln!("skipped: no SARIF schema at {}", path.display());
            Ok(false)
        }
        Err(SchemaCheckError::Invalid(errors)) => Err(errors),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn sarif_matches_the_official_schema() {
    let value = sarif();
    if let Err(errors) = validate(&value) {
        panic!("SARIF does not match the schema:\n{}", errors.join("\n"));
    }
    // Keep a copy for external validators (.ci/sarif-multitool.sh).
    let file = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("nodeward-fixture.sarif");
    std::fs::write(&file, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    eprintln!("wrote {}", file.display());
}

#[test]
fn the_schema_check_catches_what_github_rejects() {
    let mut value = sarif();
    let region = &mut value["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    region["startColumn"] = json!(0);
    region["startLine"] = json!("3");
    match validate(&value) {
        Ok(true) => panic!("a 0 column and a string line passed the schema"),
        Ok(false) => {}
        Err(errors) => {
            let all = errors.join("\n");
            assert!(all.contains("startColumn"), "{all}");
            assert!(all.contains("startLine"), "{all}");
        }
    }
}

#[test]
fn an_empty_run_is_valid_too() {
    let mut report = common::fixture();
    report.findings.clear();
    report.notices.clear();
    let (value, _) = SarifRenderer::default().to_value(&report);
    assert_eq!(value["runs"][0]["results"], json!([]));
    assert_eq!(
        value["runs"][0]["invocations"][0]["executionSuccessful"],
        json!(true)
    );
    if let Err(errors) = validate(&value) {
        panic!("{}", errors.join("\n"));
    }
}

/// The points of GitHub's ingestion rules that the schema does not check.
#[test]
fn what_github_needs() {
    let value = sarif();
    assert_eq!(value["version"], "2.1.0");
    let runs = value["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["automationDetails"]["id"], "nodeward/");
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        "file:///work/project/"
    );

    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "nodeward");
    assert_eq!(driver["semanticVersion"], "0.1.0");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["chatty-error", "nosql-injection", "redos"]);
    for rule in rules {
        assert!(!rule["helpUri"].as_str().unwrap().is_empty());
        // `name` is there unless it only re-cases the id.
        match rule["name"].as_str() {
            Some(name) => assert!(!name.eq_ignore_ascii_case(rule["id"].as_str().unwrap())),
            None => assert_eq!(rule["id"], "redos"),
        }
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !rule[key]["text"].as_str().unwrap().is_empty(),
                "{key} of {}",
                rule["id"]
            );
        }
        assert!(rule["properties"]["security-severity"].is_string());
        let tags: Vec<&str> = rule["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(tags[0], "security");
        assert!(tags.iter().any(|t| t.starts_with("external/cwe/cwe-")));
    }
    let nosql = &rules[1];
    assert!(nosql["fullDescription"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Flags client data"));

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let locs = r["locations"].as_array().unwrap();
        assert_eq!(locs.len(), 1);
        let phys = &locs[0]["physicalLocation"];
        let uri = phys["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            !uri.is_empty() && !uri.starts_with('/') && !uri.contains("://"),
            "{uri}"
        );
        assert_eq!(phys["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        let region = &phys["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key}");
        }
        assert!(region["endLine"].as_u64() >= region["startLine"].as_u64());
        let fp = &r["partialFingerprints"];
        assert!(fp["nodeward/v1"].is_string());
        assert!(fp.get("primaryLocationLineHash").is_none());
    }

    // The flow finding has its steps as a code flow.
    let nosql = results
        .iter()
        .find(|r| r["ruleId"] == "nosql-injection")
        .unwrap();
    let steps = nosql["codeFlows"][0]["threadFlows"][0]["locations"]
        .as_array()
        .unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(
        nosql["relatedLocations"][1]["physicalLocation"]["artifactLocation"]["uri"],
        "src/app.js"
    );

    // The multi-line finding ends on its last line, not after its newline.
    let chatty = results
        .iter()
        .find(|r| r["ruleId"] == "chatty-error")
        .unwrap();
    let region = &chatty["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["endLine"].as_u64()),
        (Some(7), Some(9))
    );

    // Notices are tool notifications; a parse error is an error but not a failed run.
    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], true);
    let notes = inv["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 4);
    let parse = notes
        .iter()
        .find(|n| n["descriptor"]["id"] == "parse-error")
        .unwrap();
    assert_eq!(parse["level"], "error");
    assert_eq!(
        parse["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
}

#[test]
fn a_panic_makes_the_run_unsuccessful() {
    let mut report = common::fixture();
    report.notices.push(nodeward_report::Notice::for_file(
        nodeward_report::NoticeKind::Panic,
        "src/app.js",
        "analysis panicked: index out of bounds",
    ));
    let (value, _) = SarifRenderer::default().to_value(&report);
    let inv = &value["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    if let Err(errors) = validate(&value) {
        panic!("{}", errors.join("\n"));
    }
}
