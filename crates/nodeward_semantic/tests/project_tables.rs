//! The tables a project builds once: what each file's imports name, and
//! the calls by the name they call.

mod common;

/// Import specifiers name the same files whether they were resolved when
/// the project was built (the files' own imports) or are resolved later
/// (a specifier the engine makes up, such as a file's own name).
#[test]
fn imported_and_made_up_specifiers_resolve_alike() {
    let p = common::project(&[
        ("src/app.js", "const r = require('./routes'); const u = require('../lib/util.js'); const x = require('./missing');"),
        ("src/routes/index.js", "module.exports = 1;"),
        ("lib/util.ts", "export const a = 1;"),
    ]);
    let app = p.file_id("src/app.js").unwrap();
    let routes = p.file_id("src/routes/index.js").unwrap();
    let util = p.file_id("lib/util.ts").unwrap();
    // The file's imports, from the table.
    assert_eq!(p.resolve_module(app, "./routes"), Some(routes));
    assert_eq!(p.resolve_module(app, "../lib/util.js"), Some(util));
    assert_eq!(p.resolve_module(app, "./missing"), None);
    // Not imported by the file: resolved on the spot.
    assert_eq!(p.resolve_module(app, "./routes/index"), Some(routes));
    assert_eq!(p.resolve_module(routes, "./index.js"), Some(routes));
    assert_eq!(p.resolve_module(util, "./util.ts"), Some(util));
    assert_eq!(p.resolve_module(app, "../../x"), None);
    // A bare specifier with no module map names no project file.
    assert_eq!(p.resolve_module(app, "express"), None);
}

#[test]
fn calls_are_found_by_method_or_global_name_in_source_order() {
    let p = common::project(&[
        (
            "b.js",
            "function f(db) { db.users.find({}); } db.find(1); new RegExp(x); function local() {} local(); a.b.find();",
        ),
        ("a.js", "x.find(); const find = 1; find();"),
    ]);
    let (a, b) = (p.file_id("a.js").unwrap(), p.file_id("b.js").unwrap());
    let finds: Vec<_> = p
        .calls_named("find")
        .iter()
        .map(|c| (c.file, c.func))
        .collect();
    // `find()` calls a variable, not a method or a global: not here.
    assert_eq!(finds.len(), 4, "{finds:?}");
    assert_eq!(finds[0].0, a);
    assert!(finds[1..].iter().all(|&(f, _)| f == b));
    let mut sorted = p.calls_named("find").to_vec();
    sorted.sort();
    assert_eq!(sorted, p.calls_named("find").to_vec());
    for &at in p.calls_named("find").iter() {
        let (_, m) = p.call_site(at).call.callee.as_member().unwrap();
        assert_eq!(&**m, "find");
    }
    assert_eq!(p.calls_named("RegExp").len(), 1);
    assert!(p.calls_named("local").is_empty());
    assert!(p.calls_named("nothing").is_empty());
    // Indexed, the names give the same calls as the scan; a name left out
    // of the index is still found.
    let scanned = p.calls_named("find").to_vec();
    p.index_calls(&["find", "nothing"]);
    assert!(matches!(
        p.calls_named("find"),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(p.calls_named("find").to_vec(), scanned);
    assert!(p.calls_named("nothing").is_empty());
    assert_eq!(p.calls_named("RegExp").len(), 1);
}
