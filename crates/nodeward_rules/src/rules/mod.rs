//! One file per rule.

pub mod chatty_error;
pub mod missing_helmet;
pub mod nosql_injection;
pub mod redos;
pub mod regex_injection;
pub mod sql_injection;
pub mod swallowed_crash;
pub mod ungated_dev_route;
pub mod vulnerable_dependency;
pub mod x_powered_by;
