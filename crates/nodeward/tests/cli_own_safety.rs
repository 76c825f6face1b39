//! What a run never does with the code it reads (docs/security.md): run
//! it, reach the network without `--online`, or write anywhere but the
//! outputs it was given.

mod cli_support;

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use cli_support::{nodeward, nodeward_env, Project, EXPRESS_APP};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file below `dir` with its contents (folders as empty entries).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(dir).unwrap().to_path_buf();
            if entry.file_type().unwrap().is_dir() {
                out.insert(rel, None);
                stack.push(path);
            } else {
                out.insert(rel, Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    out
}

/// A project holding files a JavaScript tool would run: config modules,
/// install scripts, a binary. Each would create `ran-*` if it ran.
fn project_with_code_to_run() -> Project {
    let p = Project::new();
    p.write("src/app.js", EXPRESS_APP);
    let touch = |name: &str| {
        format!("require('fs').writeFileSync(__dirname + '/ran-{name}', 'x');\nmodule.exports = {{}};\n")
    };
    for (file, name) in [
        ("nodeward.config.js", "config"),
        (".eslintrc.js", "eslintrc"),
        ("babel.config.js", "babel"),
        ("bin/cli.js", "bin"),
    ] {
        p.write(file, touch(name));
    }
    p.write(
        "package.json",
        r#"{"name": "x", "version": "1.0.0", "bin": "bin/cli.js",
            "scripts": {"preinstall": "node bin/cli.js", "test": "node bin/cli.js"},
            "dependencies": {"express": "4.17.1"}}"#,
    );
    p.write(
        "package-lock.json",
        r#"{"name": "x", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
            "packages": {"": {"name": "x", "version": "1.0.0", "dependencies": {"express": "4.17.1"}},
            "node_modules/express": {"version": "4.17.1"}}}"#,
    );
    p
}

#[test]
fn project_code_is_never_run_and_the_tree_is_not_written() {
    let p = project_with_code_to_run();
    let before = tree(&p.path());
    let out = tempfile::tempdir().unwrap();
    let sarif = out.path().join("r.sarif");
    let baseline = out.path().join("b.json");
    let report = out.path().join("r.json");
    for args in [
        vec![],
        vec!["--format", "json", "-o", report.to_str().unwrap()],
        vec!["--sarif-output", sarif.to_str().unwrap()],
        vec!["--write-baseline", baseline.to_str().unwrap()],
        vec!["--stats", "--jobs", "1"],
    ] {
        let run = p.check(&args);
        run.assert_exited_normally().assert_no_panic_text();
    }
    let run = nodeward(&p.path(), &["routes"]);
    run.assert_exited_normally();
    assert_eq!(tree(&p.path()), before, "the analysed tree changed");
    let written: Vec<_> = tree(out.path()).into_keys().collect();
    assert_eq!(
        written,
        [
            PathBuf::from("b.json"),
            PathBuf::from("r.json"),
            PathBuf::from("r.sarif")
        ]
    );
}

/// A local server that counts the connections it is offered.
fn counting_listener() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            seen.fetch_add(1, Ordering::SeqCst);
            drop(stream);
        }
    });
    (url, count)
}

#[test]
fn no_connection_is_made_without_online() {
    let (url, count) = counting_listener();
    let p = project_with_code_to_run();
    let env = [("NODEWARD_OSV_URL", url.as_str())];
    for dir in [p.path(), workspace().join("testdata")] {
        let run = nodeward_env(
            &dir,
            &["check", ".", "--no-color", "--fail-on", "never"],
            &env,
        );
        run.assert_exited_normally().assert_no_panic_text();
    }
    assert_eq!(count.load(Ordering::SeqCst), 0, "a connection was made");
    // The same server is reached when asked (it hangs up: an error), so
    // the count can move.
    let run = nodeward_env(&p.path(), &["check", "--online", "--no-color"], &env);
    run.assert_no_panic_text();
    assert!(count.load(Ordering::SeqCst) > 0, "{}", run.describe());
}

/// The network is reached from one module, the one `--online` calls:
/// anything else that opens a socket is a new network path to audit.
#[test]
fn network_calls_live_in_one_module() {
    let allowed = Path::new("crates/nodeward_deps/src/online.rs");
    let mut found = Vec::new();
    let root = workspace();
    let mut stack = vec![root.join("crates")];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(&root).unwrap().to_path_buf();
            if path.is_dir() {
                // Tests open sockets of their own (mock servers).
                if !matches!(entry.file_name().to_str(), Some("tests" | "target")) {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") && rel != allowed {
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in [
                    "ureq",
                    "std::net",
                    "TcpStream",
                    "UdpSocket",
                    "ToSocketAddrs",
                ] {
                    if text.contains(needle) {
                        found.push(format!("{} uses {needle}", rel.display()));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "network code outside {}: {found:?}",
        allowed.display()
    );
    assert!(std::fs::read_to_string(root.join(allowed))
        .unwrap()
        .contains("ureq"));
}
