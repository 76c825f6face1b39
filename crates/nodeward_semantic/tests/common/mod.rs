//! Builds a project from source snippets, as a run would (parse, index).

use nodeward_front::parse::{parse, with_file_stack};
use nodeward_semantic::{index_file, FileModel, Project};

/// The model of one file.
pub fn model(path: &str, src: &str) -> FileModel {
    let (path, src) = (path.to_string(), src.to_string());
    with_file_stack(src.len(), move || {
        let parsed = parse(&path, &src).expect("the snippet parses");
        index_file(&path, &parsed)
    })
}

/// A project of `(path, source)` files.
#[allow(dead_code)] // each test binary uses part of this module
pub fn project(files: &[(&str, &str)]) -> Project {
    let mut models: Vec<FileModel> = files.iter().map(|(p, s)| model(p, s)).collect();
    models.sort_by(|a, b| a.path.cmp(&b.path));
    Project::new(models)
}
