//! `vulnerable-dependency` from the command line (docs/dependencies.md):
//! `--advisories` and the config key, the database's age in the summary and
//! its notice, a malformed lockfile as a notice, fingerprints that survive
//! edits around the lockfile entry, SARIF, and `--online` against a mock OSV
//! API on loopback (never the real one).

mod cli_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use cli_support::{notices, validate_sarif, Project};

fn advisories() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/advisories"
    ))
    .canonicalize()
    .unwrap()
}

const PACKAGE_JSON: &str = r#"{
  "name": "api",
  "version": "1.0.0",
  "dependencies": {
    "express": "4.17.1",
    "minimist": "^1.2.5"
  },
  "devDependencies": {
    "moment": "2.29.1"
  }
}
"#;

/// express 4.17.1 with its qs 6.7.0, minimist 1.2.5, and moment for
/// development only.
const LOCK: &str = r#"{
  "name": "api",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "api",
      "version": "1.0.0",
      "dependencies": {
        "express": "4.17.1",
        "minimist": "^1.2.5"
      },
      "devDependencies": {
        "moment": "2.29.1"
      }
    },
    "node_modules/express": {
      "version": "4.17.1",
      "dependencies": {
        "qs": "6.7.0"
      }
    },
    "node_modules/minimist": {
      "version": "1.2.5"
    },
    "node_modules/moment": {
      "version": "2.29.1",
      "dev": true
    },
    "node_modules/qs": {
      "version": "6.7.0"
    }
  }
}
"#;

fn project() -> Project {
    let p = Project::new();
    p.write("package.json", PACKAGE_JSON);
    p.write("package-lock.json", LOCK);
    p.write(
        "src/index.js",
        "const parse = require('minimist');\nmodule.exports = parse;\n",
    );
    // A test's import does not make qs "imported".
    p.write(
        "test/qs.test.js",
        "const qs = require('qs');\nqs.parse('a=1');\n",
    );
    p
}

fn db_arg() -> String {
    advisories().to_string_lossy().to_string()
}

/// (package, advisory, reach, level) of every finding.
fn deps_findings(report: &Value) -> Vec<(String, String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let p = &f["properties"];
            (
                format!(
                    "{}@{}",
                    p["package"].as_str().unwrap(),
                    p["installedVersion"].as_str().unwrap()
                ),
                p["advisory"].as_str().unwrap().to_string(),
                p["reach"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn t(pkg: &str, adv: &str, reach: &str, level: &str) -> (String, String, String, String) {
    (pkg.into(), adv.into(), reach.into(), level.into())
}

fn expected() -> Vec<(String, String, String, String)> {
    vec![
        t(
            "express@4.17.1",
            "GHSA-qw6h-vgh9-j6wx",
            "installed",
            "warning",
        ),
        t(
            "express@4.17.1",
            "GHSA-rv95-896h-c2vc",
            "installed",
            "warning",
        ),
        t("minimist@1.2.5", "GHSA-xvch-5gv4-984h", "imported", "error"),
        t("moment@2.29.1", "GHSA-8hfj-j24r-96c4", "dev-only", "note"),
        t("moment@2.29.1", "GHSA-wc69-rhjr-hc9g", "dev-only", "note"),
        t("qs@6.7.0", "GHSA-hrpp-h998-j3pp", "installed", "warning"),
    ]
}

#[test]
fn advisories_from_a_folder_rank_by_reach() {
    let p = project();
    let (run, report) = p.check_json(&[
        "--advisories",
        &db_arg(),
        "--select",
        "vulnerable-dependency",
    ]);
    run.assert_code(1).assert_no_panic_text();
    assert_eq!(deps_findings(&report), expected(), "{}", run.describe());
    let deps = &report["summary"]["dependencies"];
    assert_eq!(deps["lockfiles"][0]["path"], "package-lock.json");
    assert_eq!(deps["lockfiles"][0]["packages"], 4);
    assert_eq!(deps["advisories"]["count"], 33);
    assert_eq!(
        deps["advisories"]["newest_modified"],
        "2024-10-04T20:31:00Z"
    );
    // The fixture database is years old: the notice says so.
    assert!(notices(&report)
        .iter()
        .any(|n| n["kind"] == "advisories" && n["message"].as_str().unwrap().contains("days old")));
    // The related location is the package.json line of the direct dependency.
    let qs = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["package"] == "qs")
        .unwrap();
    assert_eq!(qs["start"]["line"], 31);
    assert_eq!(qs["related"][0]["path"], "package.json");
    assert_eq!(qs["related"][0]["start"]["line"], 5);
    assert!(qs["message"]
        .as_str()
        .unwrap()
        .contains("through express > qs"));
    assert!(qs["help"]
        .as_str()
        .unwrap()
        .contains("https://github.com/advisories/GHSA-hrpp-h998-j3pp"));
    // The human summary names the database and its age.
    let run = p.check(&[
        "--advisories",
        &db_arg(),
        "--select",
        "vulnerable-dependency",
    ]);
    assert!(
        run.stderr
            .contains("Checked 1 lockfile (4 packages) against 33 advisories (newest 2024-10-04"),
        "{}",
        run.describe()
    );
}

#[test]
fn the_config_names_the_database_and_its_allowed_age() {
    let p = project();
    p.write(
        "nodeward.toml",
        format!(
            "advisories = {:?}\nadvisory-max-age-days = 100000\n",
            db_arg()
        ),
    );
    let (run, report) = p.check_json(&["--select", "vulnerable-dependency"]);
    run.assert_code(1);
    assert_eq!(deps_findings(&report), expected());
    assert!(
        !notices(&report).iter().any(|n| n["kind"] == "advisories"),
        "{}",
        run.describe()
    );
    // A relative path is relative to the config file.
    let rel = Project::new();
    rel.write("package.json", PACKAGE_JSON);
    rel.write("package-lock.json", LOCK);
    let db = rel.path().join("db");
    std::fs::create_dir(&db).unwrap();
    std::fs::copy(
        advisories().join("github-reviewed/GHSA-hrpp-h998-j3pp.json"),
        db.join("qs.json"),
    )
    .unwrap();
    rel.write("nodeward.toml", "advisories = \"db\"\n");
    let (_, report) = rel.check_json(&["--select", "vulnerable-dependency"]);
    assert_eq!(
        deps_findings(&report),
        vec![t("qs@6.7.0", "GHSA-hrpp-h998-j3pp", "installed", "warning")]
    );
}

#[test]
fn without_a_database_lockfiles_are_a_notice() {
    let p = project();
    let (run, report) = p.check_json(&["--select", "vulnerable-dependency"]);
    run.assert_code(0);
    assert!(deps_findings(&report).is_empty());
    let n: Vec<Value> = notices(&report)
        .into_iter()
        .filter(|n| n["kind"] == "no-advisories")
        .collect();
    assert_eq!(n.len(), 1, "{}", run.describe());
    assert!(n[0]["message"].as_str().unwrap().contains("--advisories"));
}

#[test]
fn a_missing_or_unreadable_database_is_a_usage_error() {
    let p = project();
    let line = p
        .check(&["--advisories", "no/such/db"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("no/such/db"), "{line}");
    p.write("db.zip", "not a zip");
    let run = p.check(&["--advisories", "db.zip"]);
    let line = run.assert_one_line_error();
    assert!(line.contains("not a folder nor a readable zip"), "{line}");
}

#[test]
fn a_malformed_lockfile_is_a_notice_and_the_rest_is_checked() {
    let p = project();
    p.write(
        "tools/yarn.lock",
        "# yarn lockfile v1\n\nleft-pad@^1:\n  version \"1.3.0\n",
    );
    let (run, report) = p.check_json(&["--advisories", &db_arg()]);
    run.assert_code(1).assert_no_panic_text();
    assert_eq!(deps_findings(&report).len(), 6, "{}", run.describe());
    let n: Vec<Value> = notices(&report)
        .into_iter()
        .filter(|n| n["kind"] == "lockfile")
        .collect();
    assert_eq!(n.len(), 1, "{}", run.describe());
    assert_eq!(n[0]["path"], "tools/yarn.lock");
    assert!(n[0]["message"].as_str().unwrap().contains("malformed"));
}

#[test]
fn fingerprints_are_package_version_and_advisory() {
    let p = project();
    let args = [
        "-f",
        "sarif",
        "--advisories",
        &db_arg(),
        "--select",
        "vulnerable-dependency",
    ];
    let sarif = p.check(&args).json();
    validate_sarif(&sarif, "vulnerable-dependency SARIF");
    let prints = |s: &Value| -> Vec<(String, String)> {
        s["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["properties"]["advisory"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["nodeward/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let before = prints(&sarif);
    assert_eq!(before.len(), 6);
    // Two advisories at one key have two fingerprints.
    let mut unique: Vec<&String> = before.iter().map(|(_, f)| f).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 6);
    // Entries added above move every key: the fingerprints stay.
    p.write(
        "package-lock.json",
        LOCK.replace(
            "    \"node_modules/express\": {",
            "    \"node_modules/accepts\": {\n      \"version\": \"1.3.8\"\n    },\n    \"node_modules/express\": {",
        ),
    );
    let after = prints(&p.check(&args).json());
    assert_eq!(before, after);
    // The rule's help in SARIF links the advisory.
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("https://github.com/advisories/"));
}

/// A mock OSV API: answers `POST /v1/querybatch` with `ids` for the query
/// of `hit` (name, version) and `GET /v1/vulns/<id>` with the fixture
/// file; records every request line.
struct MockOsv {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

fn mock_osv(hit: (&'static str, &'static str), ids: &'static [&'static str]) -> MockOsv {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let log = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = answer(stream, hit, ids, &log);
        }
    });
    MockOsv { url, requests }
}

fn answer(
    mut stream: TcpStream,
    hit: (&str, &str),
    ids: &[&str],
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut length = 0;
    loop {
        let mut h = String::new();
        reader.read_line(&mut h)?;
        if h.trim().is_empty() {
            break;
        }
        if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    log.lock().unwrap().push(request_line.trim().to_string());
    let (status, text) = if request_line.starts_with("POST /v1/querybatch") {
        let q: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let results: Vec<Value> = q["queries"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|q| {
                if q["package"]["name"] == hit.0
                    && q["version"] == hit.1
                    && q["package"]["ecosystem"] == "npm"
                {
                    let vulns: Vec<Value> = ids
                        .iter()
                        .map(|id| serde_json::json!({"id": id, "modified": "2024-01-01T00:00:00Z"}))
                        .collect();
                    serde_json::json!({ "vulns": vulns })
                } else {
                    serde_json::json!({})
                }
            })
            .collect();
        (
            "200 OK",
            serde_json::json!({ "results": results }).to_string(),
        )
    } else if let Some(id) = request_line
        .strip_prefix("GET /v1/vulns/")
        .and_then(|r| r.split_whitespace().next())
    {
        match std::fs::read_to_string(advisories().join(format!("github-reviewed/{id}.json"))) {
            Ok(t) => ("200 OK", t),
            Err(_) => ("404 Not Found", "{}".to_string()),
        }
    } else {
        ("404 Not Found", "{}".to_string())
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    )
}

#[test]
fn online_mode_asks_the_osv_api_for_the_installed_versions() {
    let p = project();
    let mock = mock_osv(("qs", "6.7.0"), &["GHSA-hrpp-h998-j3pp"]);
    let run = p.check_env(
        &[
            "-f",
            "json",
            "--online",
            "--select",
            "vulnerable-dependency",
        ],
        &[("NODEWARD_OSV_URL", &mock.url)],
    );
    run.assert_code(1).assert_no_panic_text();
    assert_eq!(
        deps_findings(&run.json()),
        vec![t("qs@6.7.0", "GHSA-hrpp-h998-j3pp", "installed", "warning")],
        "{}",
        run.describe()
    );
    // A live API has no age: no notice that it is old.
    assert!(
        !notices(&run.json())
            .iter()
            .any(|n| n["kind"] == "advisories"),
        "{}",
        run.describe()
    );
    let requests = mock.requests.lock().unwrap().clone();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert!(requests[0].starts_with("POST /v1/querybatch"));
    assert!(requests[1].starts_with("GET /v1/vulns/GHSA-hrpp-h998-j3pp"));
}

#[test]
fn an_unreachable_osv_api_is_an_error() {
    let p = project();
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let run = p.check_env(&["--online"], &[("NODEWARD_OSV_URL", &url)]);
    let line = run.assert_one_line_error();
    assert!(line.contains("--online") && line.contains(&url), "{line}");
    // An API that answers with an error status is one too.
    let mock = mock_osv(("none", "0.0.0"), &[]);
    let run = p.check_env(
        &["--online"],
        &[("NODEWARD_OSV_URL", &format!("{}/broken", mock.url))],
    );
    let line = run.assert_one_line_error();
    assert!(line.contains("404"), "{line}");
}

#[test]
fn without_online_nothing_touches_the_network() {
    // The mock would record any request; a run without --online makes none,
    // even with the address set.
    let p = project();
    let mock = mock_osv(("qs", "6.7.0"), &["GHSA-hrpp-h998-j3pp"]);
    let run = p.check_env(
        &["--advisories", &db_arg()],
        &[("NODEWARD_OSV_URL", &mock.url)],
    );
    run.assert_code(1);
    assert!(mock.requests.lock().unwrap().is_empty());
}

#[test]
fn advisory_text_never_acts_on_the_terminal() {
    let p = project();
    let db = p.path().join("db");
    std::fs::create_dir(&db).unwrap();
    let mut adv: Value = serde_json::from_str(
        &std::fs::read_to_string(advisories().join("github-reviewed/GHSA-hrpp-h998-j3pp.json"))
            .unwrap(),
    )
    .unwrap();
    adv["summary"] = "qs \u{1b}]0;pwned\u{7}\u{1b}[2J\u{202E}gnp.exe".into();
    std::fs::write(db.join("qs.json"), adv.to_string()).unwrap();
    let run = p.check(&["--advisories", "db", "--select", "vulnerable-dependency"]);
    run.assert_code(1);
    for bad in ['\u{1b}', '\u{7}', '\u{202E}'] {
        assert!(
            !run.stdout.contains(bad),
            "{:?} reached the terminal\n{}",
            bad,
            run.describe()
        );
    }
    assert!(
        run.stdout
            .contains("\\x1b]0;pwned\\x07\\x1b[2J\\u{202e}gnp.exe"),
        "{}",
        run.describe()
    );
}

#[test]
fn output_is_the_same_at_any_jobs() {
    let p = project();
    let db = db_arg();
    let one = p.check(&["-f", "json", "--advisories", &db, "--jobs", "1"]);
    let two = p.check(&["-f", "json", "--advisories", &db, "--jobs", "2"]);
    assert_eq!(one.stdout, two.stdout);
    assert!(!deps_findings(&one.json()).is_empty());
}
