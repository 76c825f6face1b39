//! Dependency facts for the `vulnerable-dependency` rule: which packages a
//! project's lockfiles install (and through which chain), which OSV advisories
//! affect those exact versions, and which of them the project's source imports.
//!
//! Nothing here touches the network unless `online` is asked for explicitly.

pub mod check;
pub mod db;
pub mod json;
pub mod lockfile;
pub mod manifest;
pub mod online;
pub mod osv;
pub mod severity;
pub mod version;
