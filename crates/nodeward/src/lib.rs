//! The `nodeward` command: configuration, the analysis pipeline and the CLI.

pub mod cli;
pub mod config;
pub mod config_tree;
pub mod debug_flows;
pub mod deps_phase;
pub mod fix;
pub mod overrides;
pub mod panic_capture;
pub mod pipeline;
pub mod route_listing;
