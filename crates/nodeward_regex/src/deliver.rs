//! Attack strings a given input can carry. The analysis picks its
//! witness's characters freely (a `\n` for `\s`, a `\u2028` that makes `.`
//! fail, a character above U+00FF to keep V8 off its one-byte matcher); a
//! header value cannot hold a line break, and Node reads it as Latin-1, so
//! nothing above U+00FF either. For such an input the analysis runs again
//! with the automaton restricted to the characters it can hold
//! ([`crate::analyze_within`]), and the matcher confirms what it finds on
//! the pattern as written.

use crate::charset::CharSet;
use crate::{analyze_within, Budget, Verdict, Vulnerability};

/// The vulnerability with an attack made only of characters in `allowed`:
/// `v` itself when its witness already is, else what the analysis within
/// `allowed` confirms, or `None` when it confirms nothing (the attack
/// cannot be sent through that input, as far as the analysis can tell).
pub fn deliverable(
    pattern: &str,
    flags: &str,
    v: &Vulnerability,
    allowed: &CharSet,
) -> Option<Vulnerability> {
    let w = &v.witness;
    let fits = |s: &str| s.chars().all(|c| allowed.contains(c as u32));
    if fits(&w.prefix) && fits(&w.pump) && fits(&w.suffix) {
        return Some(v.clone());
    }
    match analyze_within(pattern, flags, &Budget::default(), allowed) {
        Verdict::Vulnerable(found) => Some(found),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::deliverable;
    use crate::charset::CharSet;
    use crate::{analyze, Budget, Complexity, Verdict};

    fn vuln(p: &str) -> crate::Vulnerability {
        match analyze(p, "", &Budget::default()) {
            Verdict::Vulnerable(v) => v,
            other => panic!("{p} should be vulnerable: {other:?}"),
        }
    }

    /// What a header value can hold: the tab, printable ASCII, Latin-1.
    fn header() -> CharSet {
        CharSet::from_ranges(vec![(0x09, 0x09), (0x20, 0x7E), (0x80, 0xFF)])
    }

    fn carried(v: &crate::Vulnerability) -> bool {
        let h = header();
        v.witness.build(3).chars().all(|c| h.contains(c as u32))
    }

    #[test]
    fn a_witness_the_input_can_carry_is_kept() {
        let v = vuln(r"^(a+)+$");
        assert_eq!(deliverable(r"^(a+)+$", "", &v, &header()), Some(v));
    }

    #[test]
    fn another_attack_is_found_when_the_first_needs_a_line_terminator() {
        // negotiator 0.6.0's language regex (CVE-2016-10539): the first
        // witness ends with U+2028 to make `.*` fail; printable characters
        // backtrack too (`a-a-a…` before a space).
        let p = r"^\s*(\S+?)(?:-(\S+?))?\s*(?:;(.*))?$";
        let v = vuln(p);
        assert!(!carried(&v), "{:?}", v.witness);
        let got = deliverable(p, "", &v, &header()).expect("an attack in printable text");
        assert!(carried(&got), "{:?}", got.witness);
        assert!(matches!(got.complexity, Complexity::Polynomial(k) if k >= 2));
    }

    #[test]
    fn an_attack_that_needs_a_forbidden_character_is_not_deliverable() {
        // Only line breaks repeat, and only a line terminator makes `.` fail.
        for p in [r"(?:\r?\n)+$", r"[\n\u0100]+$"] {
            let v = vuln(p);
            assert!(!carried(&v), "{p}: {:?}", v.witness);
            assert_eq!(deliverable(p, "", &v, &header()), None, "{p}");
        }
    }
}
