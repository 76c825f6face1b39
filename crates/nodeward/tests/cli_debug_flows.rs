//! `nodeward debug-flows PROJECT FILE`: the triage view for model authors.

use std::process::Command;

#[test]
fn debug_flows_lists_client_data_in_call_arguments_with_its_steps() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let case = format!("{root}/testdata/rules/nosql-injection/bad-routes-controller-service");
    let out = Command::new(env!("CARGO_BIN_EXE_nodeward"))
        .args(["debug-flows", &case, "services/users.js"])
        .output()
        .expect("nodeward runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("User.findOne(…) argument 1, field `email`: req.body.email [object, text]"),
        "{text}"
    );
    assert!(text.contains("enters `sendReset` as `address`"), "{text}");

    let none = Command::new(env!("CARGO_BIN_EXE_nodeward"))
        .args(["debug-flows", &case, "no-such-file.js"])
        .output()
        .expect("nodeward runs");
    assert!(String::from_utf8_lossy(&none.stdout).contains("no analysed file matches"));
}
