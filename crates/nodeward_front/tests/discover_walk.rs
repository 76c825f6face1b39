//! Discovery over real directory trees: which files are listed, excluded,
//! or reported, and that the answer is deterministic.

use std::fs;
use std::path::{Path, PathBuf};

use nodeward_front::discover::{
    discover, DiscoverError, DiscoverOptions, Discovery, HARD_MAX_FILE_SIZE,
};
use nodeward_report::{NoticeKind, SkipReason};

/// Creates each file (and its directories) under `root`.
fn files(root: &Path, paths: &[&str]) {
    for path in paths {
        write(root, path, "export const x = 1;\n");
    }
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn rels(d: &Discovery) -> Vec<&str> {
    d.files.iter().map(|f| f.rel.as_str()).collect()
}

fn run(paths: &[PathBuf], opts: &DiscoverOptions) -> Discovery {
    discover(paths, opts).expect("discovery succeeds")
}

fn run_dir(root: &Path) -> Discovery {
    run(&[root.to_path_buf()], &DiscoverOptions::default())
}

fn skip_reasons(d: &Discovery) -> Vec<(SkipReason, &str)> {
    d.notices
        .iter()
        .map(|n| match n.kind {
            NoticeKind::Skipped(reason) => (reason, n.path.as_deref().unwrap_or("")),
            ref other => panic!("unexpected notice {other:?}"),
        })
        .collect()
}

#[test]
fn source_extensions_only() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[
            "a.js",
            "b.mjs",
            "c.cjs",
            "d.jsx",
            "e.ts",
            "f.mts",
            "g.cts",
            "h.tsx",
            "types.d.ts",
            "types.d.mts",
            "types.d.cts",
            "data.json",
            "README.md",
            "a.js.map",
            "style.css",
            "Makefile",
        ],
    );
    let d = run_dir(dir.path());
    assert_eq!(
        rels(&d),
        ["a.js", "b.mjs", "c.cjs", "d.jsx", "e.ts", "f.mts", "g.cts", "h.tsx"]
    );
    assert_eq!(d.excluded, 3, "the three declaration files");
    assert!(d.notices.is_empty());
    assert_eq!(d.root, dir.path());
    assert!(d
        .files
        .iter()
        .all(|f| !f.explicit && f.abs == dir.path().join(&f.rel)));
}

const BUILT_IN_TREE: &[&str] = &[
    "src/app.js",
    "src/vendor.min.js",
    "src/lib.min.mjs",
    "src/lib.min.cjs",
    "src/app.bundle.js",
    "src/app-bundle.js",
    "out/app.js",
    "node_modules/express/index.js",
    "packages/a/node_modules/dep/index.js",
    "bower_components/jquery/jquery.js",
    "dist/app.js",
    "build/app.js",
    "coverage/lcov-report/prettify.js",
    ".next/server/page.js",
    ".nuxt/client.js",
    ".git/hooks/pre-commit.js",
    ".github/scripts/release.js",
    "types/index.d.ts",
];

#[test]
fn built_in_excludes() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), BUILT_IN_TREE);
    let d = run_dir(dir.path());
    assert_eq!(
        rels(&d),
        [
            ".github/scripts/release.js",
            "out/app.js",
            "src/app-bundle.js",
            "src/app.js"
        ]
    );
    // Four minified or bundled files and one declaration file; excluded
    // directories are not entered, so their files are not counted.
    assert_eq!(d.excluded, 5);
}

#[test]
fn no_default_excludes_lifts_built_in_excludes() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path(), BUILT_IN_TREE);
    let opts = DiscoverOptions {
        default_excludes: false,
        ..Default::default()
    };
    let d = run(&[dir.path().to_path_buf()], &opts);
    let mut expected: Vec<&str> = BUILT_IN_TREE
        .iter()
        .copied()
        .filter(|p| !p.starts_with(".git/") && !p.ends_with(".d.ts"))
        .collect();
    expected.sort();
    assert_eq!(rels(&d), expected);
    assert_eq!(d.excluded, 1, "declaration files are always left out");
}

#[test]
fn gitignore_is_honoured_without_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[
            "src/app.js",
            "generated/api.js",
            "src/schema.gen.js",
            "src/sub/keep.js",
            "src/sub/skip.js",
        ],
    );
    write(dir.path(), ".gitignore", "generated/\n*.gen.js\n");
    write(dir.path(), "src/sub/.gitignore", "skip.js\n");
    let d = run_dir(dir.path());
    assert_eq!(rels(&d), ["src/app.js", "src/sub/keep.js"]);
    // Ignored files are not counted as excluded: the walk never sees them.
    assert_eq!(d.excluded, 0);
}

#[test]
fn git_info_exclude_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &["src/app.js", "src/local.js", "scratch/try.js"],
    );
    write(
        dir.path(),
        ".git/info/exclude",
        "# local\nlocal.js\n/scratch/\n",
    );
    let d = run_dir(dir.path());
    assert_eq!(rels(&d), ["src/app.js"]);
}

#[test]
fn nodewardignore_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[
            "src/app.js",
            "test/fixtures/evil.js",
            "test/app.test.js",
            "src/keep.fixture.js",
        ],
    );
    write(dir.path(), ".nodewardignore", "fixtures/\n*.fixture.js\n");
    let d = run_dir(dir.path());
    assert_eq!(rels(&d), ["src/app.js", "test/app.test.js"]);
}

#[test]
fn ignore_files_above_a_walked_subdirectory_apply_from_the_root_down() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    files(
        &root,
        &[
            "src/app.js",
            "src/gen/out.js",
            "src/a/b/c.js",
            "src/a/b/skip.js",
            "src/local.js",
        ],
    );
    fs::create_dir_all(root.join(".git/info")).unwrap();
    write(&root, ".git/info/exclude", "local.js\n");
    write(&root, ".gitignore", "gen/\n");
    write(&root, "src/.nodewardignore", "a/b/skip.js\n");
    // A .gitignore above the repository must not apply.
    write(dir.path(), ".gitignore", "*.js\n");
    let d = run(&[root.join("src/a")], &DiscoverOptions::default());
    assert_eq!(d.root, root);
    assert_eq!(rels(&d), ["src/a/b/c.js"]);
    let d = run(&[root.join("src")], &DiscoverOptions::default());
    assert_eq!(rels(&d), ["src/a/b/c.js", "src/app.js"]);
}

#[test]
fn no_ignore_reads_no_ignore_file() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[
            "src/app.js",
            "generated/api.js",
            "fixtures/x.js",
            "local.js",
            "node_modules/m/index.js",
        ],
    );
    write(dir.path(), ".gitignore", "generated/\n");
    write(dir.path(), ".nodewardignore", "fixtures/\n");
    write(dir.path(), ".git/info/exclude", "local.js\n");
    let opts = DiscoverOptions {
        use_ignore_files: false,
        ..Default::default()
    };
    let d = run(&[dir.path().to_path_buf()], &opts);
    // Built-in excludes still apply.
    assert_eq!(
        rels(&d),
        [
            "fixtures/x.js",
            "generated/api.js",
            "local.js",
            "src/app.js"
        ]
    );
}

#[test]
fn exclude_globs_use_gitignore_syntax() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[
            "src/app.js",
            "src/app.spec.js",
            "test/deep/util.spec.js",
            "legacy/old.js",
            "src/legacy/old.js",
            "scripts/seed.js",
            "scripts/db/migrate.js",
            "tools/scripts/x.js",
        ],
    );
    let opts = DiscoverOptions {
        excludes: vec![
            "legacy/".into(),
            "**/*.spec.js".into(),
            "/scripts/**".into(),
        ],
        ..Default::default()
    };
    let d = run(&[dir.path().to_path_buf()], &opts);
    assert_eq!(rels(&d), ["src/app.js", "tools/scripts/x.js"]);
    // The two spec files and scripts/seed.js matched a glob themselves;
    // scripts/db/ and the legacy directories were not entered.
    assert_eq!(d.excluded, 3);
}

#[test]
fn an_invalid_exclude_glob_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let opts = DiscoverOptions {
        excludes: vec!["src/[z-a].js".into()],
        ..Default::default()
    };
    let err = discover(&[dir.path().to_path_buf()], &opts).unwrap_err();
    assert!(matches!(err, DiscoverError::BadExclude { .. }), "{err:?}");
    assert!(err.to_string().contains("src/[z-a].js"), "{err}");
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.js");
    let err = discover(
        &[dir.path().to_path_buf(), missing.clone()],
        &DiscoverOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, DiscoverError::NotFound { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!("{}: no such file or directory", missing.display())
    );
}

#[test]
fn explicit_files_are_analysed_even_when_excluded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join(".git")).unwrap();
    files(
        root,
        &[
            "node_modules/pkg/index.js",
            "node_modules/pkg/lib/util.js",
            "node_modules/pkg/node_modules/inner/index.js",
            "src/app.min.js",
            "src/types.d.ts",
            "generated/api.js",
            "legacy/old.js",
        ],
    );
    write(root, ".gitignore", "generated/\nnode_modules/\n");
    write(
        root,
        "bin/server",
        "#!/usr/bin/env node\nrequire('../src/app');\n",
    );
    write(root, "notes.md", "# notes\n");
    let opts = DiscoverOptions {
        excludes: vec!["legacy/".into()],
        ..Default::default()
    };
    let named = [
        "node_modules/pkg/index.js",
        "src/app.min.js",
        "src/types.d.ts",
        "generated/api.js",
        "legacy/old.js",
        "bin/server",
        "notes.md",
    ];
    let paths: Vec<PathBuf> = named.iter().map(|p| root.join(p)).collect();
    let d = run(&paths, &opts);
    assert_eq!(
        d.root, root,
        "the repository root, found from the first path"
    );
    assert_eq!(
        rels(&d),
        [
            "bin/server",
            "generated/api.js",
            "legacy/old.js",
            "node_modules/pkg/index.js",
            "src/app.min.js",
            "src/types.d.ts",
        ]
    );
    assert!(d.files.iter().all(|f| f.explicit));
    // notes.md is not a source file: named, it gets a notice saying so.
    assert_eq!(d.excluded, 0);
    assert_eq!(d.notices.len(), 1, "{:?}", d.notices);
    assert_eq!(
        d.notices[0].kind,
        nodeward_report::NoticeKind::Skipped(nodeward_report::SkipReason::NotSource)
    );

    // A directory named explicitly is walked even if excluded itself; its
    // contents still follow the rules.
    let d = run(&[root.join("node_modules/pkg")], &opts);
    assert_eq!(
        rels(&d),
        ["node_modules/pkg/index.js", "node_modules/pkg/lib/util.js"]
    );
    assert!(d.files.iter().all(|f| !f.explicit));
}

#[test]
fn output_is_sorted_and_deduplicated() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Created in reverse order so directory order is unlikely to be sorted.
    let names = [
        "z.js",
        "y/b.js",
        "y/a.js",
        "m.ts",
        "b/z.js",
        "a.js",
        "B.js",
        "a/b/c/d.js",
    ];
    files(root, &names);
    let paths = vec![
        root.join("y"),
        root.to_path_buf(),
        root.join("y/a.js"),
        root.join("./y/../y/b.js"),
        root.join("y"),
    ];
    let d = run(&paths, &DiscoverOptions::default());
    assert_eq!(
        d.root,
        root.to_path_buf(),
        "without a repository, the root is the deepest folder holding every path given"
    );
    let expected = [
        "B.js",
        "a.js",
        "a/b/c/d.js",
        "b/z.js",
        "m.ts",
        "y/a.js",
        "y/b.js",
        "z.js",
    ];
    assert_eq!(rels(&d), expected);
    let explicit: Vec<&str> = d
        .files
        .iter()
        .filter(|f| f.explicit)
        .map(|f| f.rel.as_str())
        .collect();
    assert_eq!(explicit, ["y/a.js", "y/b.js"]);
    // The same answer again, and from a differently ordered request.
    let again = run(
        &[
            root.join("y"),
            root.join("y/b.js"),
            root.to_path_buf(),
            root.join("y/a.js"),
        ],
        &DiscoverOptions::default(),
    );
    assert_eq!(again.files, d.files);
}

#[test]
fn too_large_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    files(root, &["small.js"]);
    let big = "// padding\n".repeat(200_000); // 2.2 MB
    write(root, "big.js", &big);
    let d = run_dir(root);
    assert_eq!(rels(&d), ["small.js"]);
    assert_eq!(skip_reasons(&d), [(SkipReason::TooLarge, "big.js")]);
    assert!(
        d.notices[0]
            .message
            .contains("over the size limit of 1 MiB"),
        "{}",
        d.notices[0].message
    );

    // Named explicitly, it is analysed, also when the walk finds it too.
    let d = run(
        &[root.join("big.js"), root.to_path_buf()],
        &DiscoverOptions::default(),
    );
    assert_eq!(rels(&d), ["big.js", "small.js"]);
    assert!(d.notices.is_empty());

    // A smaller configured cap.
    let opts = DiscoverOptions {
        max_file_size: 10,
        ..Default::default()
    };
    let d = run(&[root.to_path_buf()], &opts);
    assert!(d.files.is_empty());
    assert_eq!(d.notices.len(), 2);

    // Past the hard cap even a named file is skipped.
    let huge = "x".repeat(HARD_MAX_FILE_SIZE as usize + 1);
    write(root, "huge.js", &huge);
    let d = run(&[root.join("huge.js")], &DiscoverOptions::default());
    assert!(d.files.is_empty());
    assert_eq!(skip_reasons(&d), [(SkipReason::TooLarge, "huge.js")]);
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::{symlink, PermissionsExt};

    use super::*;

    #[test]
    fn symlink_loops_are_reported_and_the_walk_ends() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        files(root, &["src/app.js", "src/nested/lib.js"]);
        symlink(root.join("src"), root.join("src/nested/back")).unwrap();
        symlink(".", root.join("self")).unwrap();
        let d = run_dir(root);
        assert_eq!(rels(&d), ["src/app.js", "src/nested/lib.js"]);
        let reasons = skip_reasons(&d);
        assert_eq!(
            reasons,
            [
                (SkipReason::SymlinkLoop, "self"),
                (SkipReason::SymlinkLoop, "src/nested/back")
            ]
        );
    }

    #[test]
    fn symlinked_files_and_directories_are_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        files(root, &["src/app.js", "src/lib/util.js"]);
        symlink(root.join("src/app.js"), root.join("alias.js")).unwrap();
        symlink(root.join("src/lib"), root.join("lib")).unwrap();
        let d = run_dir(root);
        // Each file once, under its real path rather than through a link.
        assert_eq!(rels(&d), ["src/app.js", "src/lib/util.js"]);
    }

    /// A tree from elsewhere must not make nodeward read the reader's other
    /// files: a link out of the root is not followed, with a notice, unless
    /// where it leads is named too.
    #[test]
    fn links_out_of_the_root_are_not_followed_unless_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        files(root, &["src/app.js"]);
        let outside = tempfile::tempdir().unwrap();
        files(outside.path(), &["shared.js", "secret.js"]);
        symlink(outside.path(), root.join("shared")).unwrap();
        symlink(outside.path().join("secret.js"), root.join("src/secret.js")).unwrap();
        let d = run_dir(root);
        assert_eq!(rels(&d), ["src/app.js"]);
        assert_eq!(
            skip_reasons(&d),
            [
                (SkipReason::OutsideRoot, "shared"),
                (SkipReason::OutsideRoot, "src/secret.js")
            ]
        );
        // Named, the other folder is analysed, and the links into it are
        // followed (each file listed once).
        let d = run(
            &[root.to_path_buf(), outside.path().to_path_buf()],
            &DiscoverOptions::default(),
        );
        assert_eq!(d.files.len(), 3, "{:?}", rels(&d));
        assert!(skip_reasons(&d).is_empty(), "{:?}", skip_reasons(&d));
        // A link inside the root is followed as before.
        symlink(root.join("src"), root.join("code")).unwrap();
        let d = run_dir(root);
        assert_eq!(rels(&d), ["src/app.js"]);
    }

    #[test]
    fn dangling_symlinks_are_reported_only_for_sources() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        files(root, &["src/app.js"]);
        symlink(root.join("gone.js"), root.join("src/dangling.js")).unwrap();
        symlink(root.join("gone.txt"), root.join("src/dangling.txt")).unwrap();
        let d = run_dir(root);
        assert_eq!(rels(&d), ["src/app.js"]);
        assert_eq!(
            skip_reasons(&d),
            [(SkipReason::Unreadable, "src/dangling.js")]
        );
        let err =
            discover(&[root.join("src/dangling.js")], &DiscoverOptions::default()).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }

    #[test]
    fn unreadable_directories_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        files(root, &["src/app.js", "private/secret.js"]);
        let private = root.join("private");
        fs::set_permissions(&private, fs::Permissions::from_mode(0o000)).unwrap();
        let readable = fs::read_dir(&private).is_ok(); // root ignores permissions
        let d = run_dir(root);
        fs::set_permissions(&private, fs::Permissions::from_mode(0o755)).unwrap();
        if readable {
            assert_eq!(rels(&d), ["private/secret.js", "src/app.js"]);
        } else {
            assert_eq!(rels(&d), ["src/app.js"]);
            assert_eq!(skip_reasons(&d), [(SkipReason::Unreadable, "private")]);
        }
    }
}

#[test]
fn lockfiles_are_listed_apart_from_sources() {
    let dir = tempfile::tempdir().unwrap();
    files(
        dir.path(),
        &[
            "package-lock.json",
            "apps/web/yarn.lock",
            "apps/api/pnpm-lock.yaml",
            "tools/npm-shrinkwrap.json",
            "node_modules/dep/package-lock.json",
            "vendor/yarn.lock",
            "src/index.js",
            "package.json",
        ],
    );
    let opts = DiscoverOptions {
        excludes: vec!["vendor/".into()],
        ..DiscoverOptions::default()
    };
    let d = run(&[dir.path().to_path_buf()], &opts);
    assert_eq!(rels(&d), ["src/index.js"]);
    let locks: Vec<&str> = d.lockfiles.iter().map(|f| f.rel.as_str()).collect();
    assert_eq!(
        locks,
        [
            "apps/api/pnpm-lock.yaml",
            "apps/web/yarn.lock",
            "package-lock.json",
            "tools/npm-shrinkwrap.json"
        ]
    );
    // Even with the built-in excludes lifted, an installed package's
    // lockfile is not the project's.
    let all = run(
        &[dir.path().to_path_buf()],
        &DiscoverOptions {
            default_excludes: false,
            ..DiscoverOptions::default()
        },
    );
    assert!(all
        .lockfiles
        .iter()
        .all(|f| !f.rel.contains("node_modules")));
}
