//! `nodeward routes`: snapshots of the table and of the JSON for the demo
//! app and one multi-file project per framework (testdata/routes/), run
//! from the workspace root so paths are stable.
//!
//! To accept a change: `INSTA_UPDATE=always cargo test -p nodeward --test
//! cli_routes`, then review the diff of tests/snapshots/.

mod cli_support;

use std::path::Path;

use cli_support::nodeward;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

const PROJECTS: &[(&str, &str)] = &[
    ("demo_app", "testdata/demo-app"),
    ("express_multi", "testdata/routes/express-multi"),
    ("express_table", "testdata/routes/express-table"),
    ("koa_multi", "testdata/routes/koa-multi"),
    ("fastify_multi", "testdata/routes/fastify-multi"),
    ("nest_multi", "testdata/routes/nest-multi"),
    ("nest_versioned", "testdata/routes/nest-versioned"),
];

#[test]
fn route_tables() {
    let mut settings = insta::Settings::clone_current();
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (name, path) in PROJECTS {
            let run = nodeward(root(), &["routes", path]);
            run.assert_code(0).assert_no_panic_text();
            insta::assert_snapshot!(format!("routes_{name}"), run.stdout);
            let run = nodeward(root(), &["routes", path, "--format", "json"]);
            run.assert_code(0).assert_no_panic_text();
            let rows = run.json();
            let rows = rows.as_array().expect("an array of routes");
            assert!(!rows.is_empty(), "{path}: no routes");
            for r in rows {
                for key in [
                    "method",
                    "path",
                    "file",
                    "line",
                    "handlers",
                    "middleware",
                    "default",
                ] {
                    assert!(r.get(key).is_some(), "{path}: {key} missing in {r}");
                }
            }
            insta::assert_snapshot!(format!("routes_{name}_json"), run.stdout);
        }
    });
}

#[test]
fn routes_of_a_missing_path_is_a_usage_error() {
    let run = nodeward(root(), &["routes", "no/such/folder"]);
    run.assert_code(2);
    run.assert_one_line_error();
}
