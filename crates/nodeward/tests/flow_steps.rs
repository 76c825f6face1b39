//! The flow of a cross-file finding, step by step, per dataflow rule: what
//! SARIF `codeFlows`, JSON `flow` and the terminal show.

mod common;

use common::{run, workspace_root};

/// Each step as `path:line: message`, paths relative to the case.
fn steps(case: &str, rule: &str) -> Vec<String> {
    let dir = workspace_root()
        .join("testdata/rules")
        .join(rule)
        .join(case);
    let report = run(&dir, &[rule]);
    assert_eq!(report.findings.len(), 1, "{case}: {:#?}", report.findings);
    report.findings[0]
        .flow
        .iter()
        .map(|s| {
            let abs = report.root.join(&s.path);
            let text = std::fs::read_to_string(&abs).unwrap();
            let line = text[..s.span.start as usize].matches('\n').count() + 1;
            let rel = abs
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            format!("{rel}:{line}: {}", s.message)
        })
        .collect()
}

#[test]
fn nosql_flow_from_route_through_controller_to_service() {
    assert_eq!(
        steps("bad-routes-controller-service", "nosql-injection"),
        [
            "src/controllers/users.js:3: req.body.email comes from the request, in this handler",
            "src/controllers/users.js:4: `email` holds req.body.email",
            "src/services/users.js:3: req.body.email enters `sendReset` as `address`",
            "src/services/users.js:4: reaches the query `User.findOne(…)`",
        ]
    );
}

#[test]
fn sql_flow_from_handler_to_repository() {
    assert_eq!(
        steps("bad-repository-other-file", "sql-injection"),
        [
            "app.js:6: req.query.owner comes from the request, in this handler",
            "repo.js:5: req.query.owner enters `byOwner` as `owner`",
            "repo.js:6: is run as SQL by `pool.query(…)`",
        ]
    );
}

#[test]
fn chatty_error_flow_from_the_catch_to_the_helper_response() {
    assert_eq!(
        steps("bad-helper-response-from-caller", "chatty-error"),
        [
            "app.js:12: `err` is the error caught by this `catch`",
            "lib/fail.js:2: `err` enters `fail` as `problem`",
            "lib/fail.js:3: is sent to the client by `out.status(…).json`",
        ]
    );
}
