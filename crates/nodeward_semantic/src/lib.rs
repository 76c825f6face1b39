//! What nodeward knows about a project: each file's compact model (index),
//! the module graph that links files (project), and the evaluation of
//! conditions in the default environment (env).

pub mod api;
pub mod env;
pub mod flow;
pub mod index;
pub mod model;
pub mod project;
pub mod resolve;
pub mod routes;
pub mod summary;

pub use index::index_file;
pub use model::*;
pub use project::{CallRef, FileId, Project};
