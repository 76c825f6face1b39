//! The front end: which files to analyse (discover), their text (read), a
//! cheap nesting pre-scan that keeps the parser's recursion far from the
//! stack limit (prescan), and parsing with swc (parse).

pub mod discover;
pub mod parse;
pub mod prescan;
pub mod read;
