//! The fuzzers' independent check of a reported attack (`attack_grows`).

use nodeward_regex::{analyze, attack_grows, Budget, Verdict};

fn grows(pattern: &str, flags: &str) -> bool {
    match analyze(pattern, flags, &Budget::default()) {
        Verdict::Vulnerable(v) => attack_grows(pattern, flags, &v),
        other => panic!("/{pattern}/{flags} is not reported: {other:?}"),
    }
}

#[test]
fn textbook_attacks_grow() {
    assert!(grows(r"^(a+)+$", ""));
    assert!(grows(r"\s*;\s*$", ""));
}

#[test]
fn a_quadratic_with_a_long_line_per_pump_grows() {
    // Found by the regex fuzz target: each pump is a 100-character line, so
    // the linear part dominates s(n) / s(n/2) at the measured sizes; the
    // detrended counts still show the quadratic of the unanchored search.
    let line = "u".repeat(100);
    let pattern = format!(r"(?:\{line}r?\n)+$");
    assert!(grows(&pattern, ""));
}
