//! Import specifiers name the same files whether they were resolved when
//! the project was built (the files' own imports) or are resolved later
//! (a specifier the engine makes up, such as a file's own name).

mod common;

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
