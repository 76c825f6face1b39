//! The two newer kinds of `swallowed-crash` (rules/swallowed_crash.rs):
//! catches that swallow the errors of awaited work, and crashes a simple
//! request can cause.

pub(crate) mod catches;
pub(crate) mod request_crash;
