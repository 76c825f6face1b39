//! Reading discovered files: every refusal has its reason, and accepted text
//! is exactly the bytes on disk.

use std::fs;
use std::path::{Path, PathBuf};

use nodeward_front::discover::{discover, DiscoverOptions, SourcePath};
use nodeward_front::prescan::{nesting_depth, MAX_NESTING};
use nodeward_front::read::read_source;
use nodeward_report::SkipReason;

fn source(path: &Path, explicit: bool) -> SourcePath {
    SourcePath {
        abs: path.to_path_buf(),
        rel: path.file_name().unwrap().to_string_lossy().into_owned(),
        explicit,
        len: std::fs::metadata(path).map_or(0, |m| m.len()),
    }
}

fn read(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    explicit: bool,
) -> Result<String, (SkipReason, String)> {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    read_source(&source(&path, explicit), &DiscoverOptions::default())
}

#[test]
fn text_is_kept_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{FEFF}// BOM, CRLF and non-ASCII kept\r\nconst é = 'ü';\r\n";
    assert_eq!(
        read(dir.path(), "a.js", text.as_bytes(), false).unwrap(),
        text
    );
    assert_eq!(read(dir.path(), "empty.js", b"", false).unwrap(), "");
}

#[test]
fn binary_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    let (reason, message) = read(dir.path(), "image.js", &png, false).unwrap_err();
    assert_eq!(reason, SkipReason::Binary);
    assert!(message.contains("NUL"), "{message}");
    // Also when named explicitly: it still cannot be parsed.
    assert_eq!(
        read(dir.path(), "image.js", &png, true).unwrap_err().0,
        SkipReason::Binary
    );
}

#[test]
fn non_utf8_files_are_refused_with_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    // Latin-1 `é` in a comment.
    let (reason, message) =
        read(dir.path(), "latin1.js", b"// caf\xe9\nlet a;\n", false).unwrap_err();
    assert_eq!(reason, SkipReason::NotUtf8);
    assert!(message.contains("byte offset 6"), "{message}");
    let utf16: Vec<u8> = "\u{FEFF}let a;"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let (reason, message) = read(dir.path(), "utf16.js", &utf16, false).unwrap_err();
    assert_eq!(reason, SkipReason::NotUtf8);
    assert!(message.contains("UTF-16"), "{message}");
}

#[test]
fn minified_files_are_refused_unless_named() {
    let dir = tempfile::tempdir().unwrap();
    let minified = format!(
        "/*! app v1.0.0 | MIT */\n!function(e){{{}}}(window);\n",
        "var t=e.a||{};t.b=function(n){return n*2};".repeat(400)
    );
    let (reason, message) = read(dir.path(), "app.js", minified.as_bytes(), false).unwrap_err();
    assert_eq!(reason, SkipReason::Minified);
    assert!(message.contains("on 2 lines"), "{message}");
    assert_eq!(
        read(dir.path(), "app.js", minified.as_bytes(), true).unwrap(),
        minified
    );

    // A long hand-written file with a long line in it is not minified.
    let mut normal = String::new();
    for i in 0..2000 {
        normal.push_str(&format!(
            "export function handler{i}(req, res) {{ return res.json({{ id: {i} }}); }}\n"
        ));
    }
    normal.push_str(&format!(
        "export const LOGO = 'data:image/png;base64,{}';\n",
        "QUJD".repeat(3000)
    ));
    assert!(read(dir.path(), "routes.js", normal.as_bytes(), false).is_ok());
}

#[test]
fn size_is_checked_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.js");
    fs::write(&path, "x;\n".repeat(1000)).unwrap();
    let opts = DiscoverOptions {
        max_file_size: 100,
        ..Default::default()
    };
    let (reason, message) = read_source(&source(&path, false), &opts).unwrap_err();
    assert_eq!(reason, SkipReason::TooLarge);
    assert!(
        message.contains("over the size limit of 100 bytes"),
        "{message}"
    );
    // Named explicitly, the hard cap applies instead.
    assert!(read_source(&source(&path, true), &opts).is_ok());
}

#[test]
fn unreadable_paths_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.js");
    let (reason, message) =
        read_source(&source(&missing, false), &DiscoverOptions::default()).unwrap_err();
    assert_eq!(reason, SkipReason::Unreadable);
    assert!(!message.is_empty());
    let subdir = dir.path().join("dir.js");
    fs::create_dir(&subdir).unwrap();
    let (reason, _) =
        read_source(&source(&subdir, false), &DiscoverOptions::default()).unwrap_err();
    assert_eq!(reason, SkipReason::Unreadable);
}

#[cfg(unix)]
#[test]
fn a_file_without_permission_is_unreadable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.js");
    fs::write(&path, "let a;\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        return; // running as root: permissions are not enforced
    }
    let (reason, message) =
        read_source(&source(&path, false), &DiscoverOptions::default()).unwrap_err();
    assert_eq!(reason, SkipReason::Unreadable);
    assert!(message.to_lowercase().contains("permission"), "{message}");
}

/// The whole front half on a small project: discover, read, pre-scan.
#[test]
fn discover_read_and_prescan_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, bytes: &[u8]| {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    };
    write(
        "src/app.js",
        b"const app = require('express')();\napp.get('/', (req, res) => res.send('ok'));\n",
    );
    write(
        "src/deep.js",
        format!("x = {}0{};\n", "(\n".repeat(5000), ")\n".repeat(5000)).as_bytes(),
    );
    write("src/logo.js", b"\0\0\0\0");
    write("src/legacy.js", b"// \xff\n");
    let mut outcomes = Vec::new();
    let opts = DiscoverOptions::default();
    let found = discover(&[PathBuf::from(root)], &opts).unwrap();
    for file in &found.files {
        let outcome = match read_source(file, &opts) {
            Ok(text) => match nesting_depth(&text, MAX_NESTING) {
                Ok(_) => "ok".to_string(),
                Err(depth) => format!("too deep ({depth})"),
            },
            Err((reason, _)) => reason.as_str().to_string(),
        };
        outcomes.push((file.rel.as_str(), outcome));
    }
    let expected = [
        ("src/app.js", "ok".to_string()),
        ("src/deep.js", format!("too deep ({})", MAX_NESTING + 1)),
        ("src/legacy.js", "not UTF-8".to_string()),
        ("src/logo.js", "binary".to_string()),
    ];
    assert_eq!(outcomes, expected);
}
