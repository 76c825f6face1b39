use std::io::Write;
use std::path::PathBuf;

use super::*;
use crate::version::parse;

fn fixture_db() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/advisories")
}

fn ids(db: &AdvisoryDb, name: &str, version: &str) -> Vec<String> {
    db.matches(name, &parse(version).unwrap())
        .iter()
        .map(|m| m.advisory.id.clone())
        .collect()
}

#[test]
fn loads_the_fixture_folder() {
    let db = AdvisoryDb::load(&fixture_db()).unwrap();
    assert_eq!(db.advisories.len(), 33);
    assert!(db.problems.is_empty(), "{:?}", db.problems);
    assert_eq!(db.newest_modified.as_deref(), Some("2024-10-04T20:31:00Z"));
    assert_eq!(
        ids(&db, "lodash", "4.17.15"),
        [
            "GHSA-29mw-wpgm-hmr9",
            "GHSA-35jh-r3h4-6jhm",
            "GHSA-p6mc-m468-83gw"
        ]
    );
    assert!(ids(&db, "lodash", "4.17.21").is_empty());
    // The published summary ends with a space; the finding's does not.
    let jwt = db
        .advisories
        .iter()
        .find(|a| a.id == "GHSA-8cf7-32gw-wr33")
        .unwrap();
    assert_eq!(
        jwt.summary,
        "jsonwebtoken unrestricted key type could lead to legacy keys usage"
    );
    // `Axios` is another package than `axios`, as npm names are.
    assert_eq!(ids(&db, "axios", "1.5.0"), ["GHSA-wf5p-g6vw-rhxx"]);
    assert!(ids(&db, "axios", "1.7.2").is_empty());
    assert_eq!(ids(&db, "Axios", "1.7.2"), ["GHSA-8hc4-vh64-cxmj"]);
    // Only the npm entries: the NuGet `Moment.js` is not `moment`.
    assert!(ids(&db, "Moment.js", "2.29.1").is_empty());
    // Prerelease bounds: express 5.0.0-beta.1 is in both express ranges.
    assert_eq!(
        ids(&db, "express", "5.0.0-beta.1"),
        ["GHSA-qw6h-vgh9-j6wx", "GHSA-rv95-896h-c2vc"]
    );
    assert_eq!(ids(&db, "express", "5.0.0-beta.3"), ["GHSA-qw6h-vgh9-j6wx"]);
    // last_affected: request has no fix.
    let m = db.matches("request", &parse("2.88.2").unwrap());
    assert_eq!(m.len(), 1);
    assert!(m[0].fixed.is_none());
    // `introduced: "1.0"` is 1.0.0; 2.6.7 fixes the other range but lies in
    // this one, so the upgrade is 3.1.1.
    let m = db.matches("node-fetch", &parse("2.6.5").unwrap());
    let fixed: Vec<String> = m
        .iter()
        .map(|m| m.fixed.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(fixed, ["3.1.1".to_string()]);
}

#[test]
fn reads_the_published_zip_layout() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("all.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    let mut files: Vec<_> = std::fs::read_dir(fixture_db().join("github-reviewed"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        zip.start_file(name, opts).unwrap();
        zip.write_all(&std::fs::read(f).unwrap()).unwrap();
    }
    zip.start_file("broken.json", opts).unwrap();
    zip.write_all(b"{\"id\": ").unwrap();
    zip.finish().unwrap();
    let db = AdvisoryDb::load(&zip_path).unwrap();
    assert_eq!(db.advisories.len(), 33);
    assert_eq!(db.problems.len(), 1);
    assert_eq!(db.problems[0].file, "all.zip!broken.json");
    assert!(db.problems[0].message.starts_with("not an OSV advisory"));
}

#[test]
fn bad_files_are_problems_and_withdrawn_ones_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/bad.json"), "[1, 2").unwrap();
    std::fs::write(
        dir.path().join("gone.json"),
        r#"{"id":"GHSA-aaaa-bbbb-cccc","modified":"2025-01-02T00:00:00Z","withdrawn":"2025-01-02T00:00:00Z",
           "affected":[{"package":{"ecosystem":"npm","name":"left-pad"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not read").unwrap();
    let db = AdvisoryDb::load(dir.path()).unwrap();
    assert!(db.advisories.is_empty());
    assert_eq!(db.withdrawn, 1);
    assert_eq!(db.problems.len(), 1);
    assert_eq!(db.problems[0].file, "sub/bad.json");
    assert_eq!(db.newest_modified.as_deref(), Some("2025-01-02T00:00:00Z"));
    assert!(ids(&db, "left-pad", "1.3.0").is_empty());
    assert!(AdvisoryDb::load(&dir.path().join("missing")).is_err());
    assert!(AdvisoryDb::load(&dir.path().join("notes.txt"))
        .unwrap_err()
        .contains("not a folder nor a readable zip"));
}

#[test]
fn dates_to_epoch_seconds_and_age() {
    assert_eq!(epoch_seconds("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(epoch_seconds("2024-09-10T19:41:04Z"), Some(1_725_997_264));
    assert_eq!(epoch_seconds("2000-03-01"), Some(951_868_800));
    assert_eq!(epoch_seconds("garbage"), None);
    let db = AdvisoryDb {
        newest_modified: Some("2024-09-10T00:00:00Z".into()),
        ..AdvisoryDb::default()
    };
    let now = epoch_seconds("2024-09-20T12:00:00Z").unwrap();
    assert_eq!(db.age_days(now), Some(10));
}
