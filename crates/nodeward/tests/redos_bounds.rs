//! A polynomial ReDoS finding is measured at the bound of its source (the
//! request head, the body parser's limit, socket.io's buffer): its level
//! follows the time one request at that bound blocks the event loop, and
//! the evidence names the bound.

mod common;

use common::{run, workspace_root};
use nodeward_report::Level;

fn only_finding(case: &str) -> nodeward_report::Finding {
    let path = workspace_root().join("testdata/rules/redos").join(case);
    let mut report = run(&path, &["redos"]);
    assert_eq!(report.findings.len(), 1, "{case}: {:?}", report.findings);
    report.findings.remove(0)
}

fn bound(f: &nodeward_report::Finding) -> (u64, String) {
    let b = &f.properties["bound"];
    (
        b["bytes"].as_u64().unwrap(),
        b["why"].as_str().unwrap().to_string(),
    )
}

#[test]
fn a_header_at_the_default_head_limit_is_a_warning() {
    let f = only_finding("bad-trim-koa-header.js");
    assert_eq!(f.level, Level::Warning, "{}", f.message);
    assert_eq!(bound(&f).0, 16 * 1024);
    assert!(
        f.message
            .contains("16 KiB (Node's default maximum header size)"),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("blocks the event loop for about"),
        "{}",
        f.message
    );
}

#[test]
fn a_raised_head_limit_raises_the_level() {
    let f = only_finding("bad-max-header-size-raised.js");
    assert_eq!(f.level, Level::Error, "{}", f.message);
    let (bytes, why) = bound(&f);
    assert_eq!(bytes, 128 * 1024);
    assert!(why.contains("maxHeaderSize"), "{why}");
}

#[test]
fn bodies_are_measured_at_their_parser_limit() {
    let f = only_finding("bad-rtrim-body.js");
    assert_eq!(f.level, Level::Error);
    assert_eq!(
        bound(&f),
        (1024 * 1024, "`limit` of express.json".to_string())
    );
    // The attack string fits the bound.
    let attack = f.properties["attack"].as_str().unwrap();
    assert!(attack.contains(".repeat("), "{attack}");
    let f = only_finding("bad-fastify-body-limit-raised.mjs");
    assert_eq!(bound(&f).0, 10 * 1024 * 1024);
}

#[test]
fn socket_messages_are_measured_at_the_buffer_size() {
    let f = only_finding("bad-socket-message-trim.js");
    assert_eq!(bound(&f).0, 1_000_000);
    assert_eq!(f.level, Level::Error);
}
