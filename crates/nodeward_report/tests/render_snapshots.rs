//! Snapshots of every output format for one fixed run (tests/common).

mod common;

use nodeward_report::render::{
    renderer, Format, GithubRenderer, HumanOptions, HumanRenderer, JsonRenderer, Render,
    RenderOptions, SarifOptions, SarifRenderer,
};
use nodeward_report::{sort_findings, RunReport};

fn render(r: &dyn Render, report: &RunReport) -> String {
    let (text, warnings) = r.render_to_string(report);
    assert!(warnings.is_empty(), "{warnings:?}");
    text
}

#[test]
fn human_unicode() {
    let r = HumanRenderer::new(HumanOptions {
        color: false,
        unicode: true,
        width: 100,
    });
    insta::assert_snapshot!(render(&r, &common::fixture()));
}

#[test]
fn human_ascii() {
    let r = HumanRenderer::new(HumanOptions {
        color: false,
        unicode: false,
        width: 80,
    });
    insta::assert_snapshot!(render(&r, &common::fixture()));
}

#[test]
fn human_colour_uses_ansi_escapes_only_when_asked() {
    let report = common::fixture();
    let plain = render(&HumanRenderer::new(HumanOptions::default()), &report);
    assert!(!plain.contains('\u{1b}'));
    let coloured = render(
        &HumanRenderer::new(HumanOptions {
            color: true,
            ..HumanOptions::default()
        }),
        &report,
    );
    assert!(coloured.contains("\u{1b}["));
}

#[test]
fn json() {
    insta::assert_snapshot!(render(&JsonRenderer, &common::fixture()));
}

#[test]
fn sarif() {
    let r = SarifRenderer::new(SarifOptions {
        pretty: true,
        ..SarifOptions::default()
    });
    insta::assert_snapshot!(render(&r, &common::fixture()));
}

#[test]
fn github() {
    insta::assert_snapshot!(render(&GithubRenderer, &common::fixture()));
}

#[test]
fn concise() {
    insta::assert_snapshot!(render(
        &nodeward_report::render::ConciseRenderer,
        &common::fixture()
    ));
}

#[test]
fn summary() {
    let report = common::fixture();
    insta::assert_snapshot!(nodeward_report::render::summary_text(
        &report.summary,
        &report.findings
    ));
}

/// The same findings in any order give the same bytes in every format.
#[test]
fn output_does_not_depend_on_input_order() {
    let report = common::fixture();
    let mut shuffled = report.clone();
    shuffled.findings.reverse();
    sort_findings(&mut shuffled.findings);
    for format in Format::ALL {
        let r = renderer(format, &RenderOptions::default());
        assert_eq!(
            render(&*r, &report),
            render(&*r, &shuffled),
            "{}",
            format.as_str()
        );
    }
}

/// Compact SARIF (the default) is the pretty snapshot's content on one line.
#[test]
fn compact_sarif_equals_pretty_sarif() {
    let report = common::fixture();
    let compact = render(&SarifRenderer::default(), &report);
    assert_eq!(compact.lines().count(), 1);
    let pretty = render(
        &SarifRenderer::new(SarifOptions {
            pretty: true,
            ..Default::default()
        }),
        &report,
    );
    let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let b: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(a, b);
}

/// Columns: characters in JSON, UTF-16 code units in SARIF and GitHub
/// annotations; they differ after "😀".
#[test]
fn columns_after_non_ascii_text() {
    let report = common::fixture();
    let json: serde_json::Value = serde_json::from_str(&render(&JsonRenderer, &report)).unwrap();
    let nosql = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "nosql-injection")
        .unwrap();
    // `  const label = "café 😀"; const users = await User.find({ name });`
    let line = common::USERS_JS.lines().nth(5).unwrap();
    let byte_col = line.find("{ name }").unwrap();
    let char_col = line[..byte_col].chars().count() + 1;
    let utf16_col = line[..byte_col].encode_utf16().count() + 1;
    assert_eq!(utf16_col, char_col + 1);
    assert_eq!(nosql["start"]["line"], 6);
    assert_eq!(nosql["start"]["column"], char_col);

    let (sarif, _) = SarifRenderer::default().to_value(&report);
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "nosql-injection")
        .unwrap();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 6);
    assert_eq!(region["startColumn"], utf16_col);
    assert_eq!(region["endColumn"], utf16_col + "{ name }".len());

    let github = render(&GithubRenderer, &report);
    assert!(
        github.contains(&format!("line=6,endLine=6,col={utf16_col},")),
        "{github}"
    );
}

#[test]
fn notices_lines() {
    insta::assert_snapshot!(nodeward_report::render::notices_text(&common::fixture()));
}

#[test]
fn gitlab() {
    let text = render(&nodeward_report::render::GitlabRenderer, &common::fixture());
    let issues: serde_json::Value = serde_json::from_str(&text).unwrap();
    let report = common::fixture();
    let fingerprints = report.fingerprints();
    for (issue, fingerprint) in issues.as_array().unwrap().iter().zip(fingerprints.iter()) {
        assert_eq!(issue["fingerprint"].as_str(), Some(fingerprint.as_str()));
        assert!(matches!(
            issue["severity"].as_str(),
            Some("critical" | "major" | "info")
        ));
    }
    assert_eq!(issues.as_array().unwrap().len(), report.findings.len());
    insta::assert_snapshot!(text);
}

#[test]
fn junit() {
    insta::assert_snapshot!(render(
        &nodeward_report::render::JunitRenderer,
        &common::fixture()
    ));
}

#[test]
fn junit_without_findings_has_one_passing_case() {
    let mut report = common::fixture();
    report.findings.clear();
    report.fingerprints.clear();
    let text = render(&nodeward_report::render::JunitRenderer, &report);
    assert!(
        text.contains(r#"<testcase name="nodeward check" classname="nodeward"/>"#),
        "{text}"
    );
    assert!(text.contains(r#"failures="0""#));
}
