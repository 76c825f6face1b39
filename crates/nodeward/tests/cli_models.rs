//! A project's own models (`models = [...]` in nodeward.toml) add rows to
//! the built-in ones: its app factory makes its apps visible, its headers
//! middleware protects them, and a bad models file is a usage error.

mod cli_support;

use cli_support::{findings, Project};

const APP: &str = "const { createApp } = require('@acme/http');\nconst { secureHeaders } = require('@acme/security');\n\nconst app = createApp();\napp.use(secureHeaders());\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n";

const FACTORY: &str =
    "[[factory]]\nframework = \"express\"\nmodule = \"@acme/http\"\npath = \"createApp\"\n";

const HEADERS: &str =
    "[[middleware]]\nmodule = \"@acme/security\"\npath = \"secureHeaders\"\nsets-headers = true\n";

fn project(config: &str, models: &str) -> Project {
    let p = Project::new();
    p.write("server.js", APP);
    p.write("nodeward.toml", config);
    p.write("tools/nodeward-models.toml", models);
    p
}

#[test]
fn without_project_models_the_wrapped_factory_is_unknown() {
    let p = Project::new();
    p.write("server.js", APP);
    let (run, report) = p.check_json(&["--select", "missing-helmet,x-powered-by"]);
    run.assert_no_panic_text();
    assert!(findings(&report).is_empty(), "{}", run.describe());
}

#[test]
fn a_project_factory_makes_its_apps_visible() {
    let p = project("models = [\"tools/nodeward-models.toml\"]\n", FACTORY);
    let (run, report) = p.check_json(&["--select", "missing-helmet,x-powered-by"]);
    run.assert_no_panic_text();
    let rules: Vec<String> = findings(&report).into_iter().map(|f| f.0).collect();
    assert_eq!(
        rules,
        ["missing-helmet", "x-powered-by"],
        "{}",
        run.describe()
    );
}

#[test]
fn a_project_headers_middleware_protects_the_app() {
    let p = project(
        "models = [\"tools/nodeward-models.toml\"]\n",
        &format!("{FACTORY}\n{HEADERS}"),
    );
    let (run, report) = p.check_json(&["--select", "missing-helmet"]);
    run.assert_no_panic_text();
    assert!(findings(&report).is_empty(), "{}", run.describe());
}

#[test]
fn a_models_file_with_an_unknown_key_is_a_usage_error() {
    let p = project(
        "models = [\"tools/nodeward-models.toml\"]\n",
        "[[factory]]\nframework = \"express\"\nmodule = \"@acme/http\"\npath = \"createApp\"\nasync = true\n",
    );
    let run = p.check(&[]);
    run.assert_code(2);
    let line = run.assert_one_line_error();
    assert!(line.contains("nodeward-models.toml"), "{line}");
}

#[test]
fn a_missing_models_file_is_a_usage_error() {
    let p = Project::new();
    p.write("server.js", APP);
    p.write("nodeward.toml", "models = [\"no-such.toml\"]\n");
    let run = p.check(&[]);
    run.assert_code(2);
    run.assert_one_line_error();
}

/// A company error serializer (`@acme/errors`'s `describe(err)`) shows what
/// the error holds once the project's models name it.
#[test]
fn a_project_error_serializer_carries_the_error_to_the_response() {
    let app = "const express = require('express');\nconst { describe } = require('@acme/errors');\n\nconst app = express();\napp.use((err, req, res, next) => {\n  res.status(500).json({ error: describe(err) });\n});\napp.listen(3000);\n";
    let without = Project::new();
    without.write("server.js", app);
    let (run, report) = without.check_json(&["--select", "chatty-error"]);
    run.assert_no_panic_text();
    assert!(findings(&report).is_empty(), "{}", run.describe());

    let with = Project::new();
    with.write("server.js", app);
    with.write(
        "nodeward.toml",
        "models = [\"tools/nodeward-models.toml\"]\n",
    );
    with.write(
        "tools/nodeward-models.toml",
        "[errors]\nserializers = [\"@acme/errors describe\"]\n",
    );
    let (run, report) = with.check_json(&["--select", "chatty-error"]);
    run.assert_no_panic_text();
    let rules: Vec<String> = findings(&report).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, ["chatty-error"], "{}", run.describe());
}
