//! The app interpretation is memoised: a recursive plugin loader that calls
//! itself on what `require(variable)` returns costs steps in proportion to
//! its call sites, not to the paths between them.

mod common;

use nodeward_semantic::routes::build_routes;

/// A plugin-adapter loader (it resolves a plugin, then calls itself on
/// what the plugin exports) and an app that loads `n` plugins through it.
fn loader_project(n: usize) -> Vec<(String, String)> {
    let loader = r#"
const path = require('path');

function load(name, app, options) {
  const mod = require(path.join(__dirname, 'plugins', name));
  if (typeof mod === 'function') return load(mod(app, options), app, options);
  if (mod && mod.default) return load(mod.default, app, options);
  if (mod && mod.plugin) return load(mod.plugin, app, { ...options, nested: true });
  if (Array.isArray(mod)) return mod.map((m) => load(m, app, options));
  return mod;
}

module.exports = { load };
"#;
    let mut app = String::from(
        "const express = require('express');\nconst { load } = require('./loader');\nconst app = express();\n",
    );
    for i in 0..n {
        app.push_str(&format!("load('plugin-{i}', app, {{ order: {i} }});\n"));
    }
    app.push_str("app.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n");
    vec![
        ("app.js".to_string(), app),
        ("loader.js".to_string(), loader.to_string()),
    ]
}

fn steps(n: usize) -> u64 {
    let files = loader_project(n);
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, s)| (p.as_str(), s.as_str()))
        .collect();
    let project = common::project(&refs);
    let table = build_routes(&project);
    assert!(table.budget_spent.is_none());
    assert_eq!(table.routes.len(), 1, "the app's one route is found");
    table.steps
}

#[test]
fn a_recursive_loader_costs_steps_in_proportion_to_its_calls() {
    let twenty = steps(20);
    let forty = steps(40);
    let eighty = steps(80);
    println!("steps: 20 → {twenty}, 40 → {forty}, 80 → {eighty}");
    assert!(twenty < 2_000, "20 loads took {twenty} steps");
    // Linear: doubling the loads at most doubles the steps (plus the
    // loader's own, fixed cost).
    assert!(forty <= 2 * twenty + 50, "20 → {twenty}, 40 → {forty}");
    assert!(eighty <= 2 * forty + 50, "40 → {forty}, 80 → {eighty}");
}
