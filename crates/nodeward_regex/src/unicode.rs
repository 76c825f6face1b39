//! Unicode data the analysis needs: simple case folding for the `i` flag and the
//! character sets behind `\p{…}`.
//!
//! Both come from `regex-syntax`'s tables rather than hand-written ones. JavaScript
//! differs in two documented ways that matter for matching, and both are handled
//! here: in non-unicode mode characters are UTF-16 code units and `Canonicalize`
//! never maps a non-ASCII character to an ASCII one (so `/k/i` does not match
//! U+212A KELVIN SIGN), while `u`/`v` mode uses plain simple case folding.

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};

use crate::charset::{CharSet, MAX_CODE_POINT, MAX_UNIT};

/// Closes `set` under case-insensitive equivalence as JavaScript's `i` flag does.
///
/// In `u`/`v` mode two characters are equivalent when simple case folding maps
/// them to the same character, which is exactly closure under `regex-syntax`'s
/// simple folding. In non-unicode mode the spec's `Canonicalize` uses
/// `toUpperCase` instead, keeps characters whose uppercase is several characters
/// (`ß`) and never maps non-ASCII to ASCII; the simple-folding closure is a
/// superset of that relation, so its extra members are filtered with the exact
/// canonicalization.
pub fn case_fold(set: &CharSet, unicode: bool) -> CharSet {
    if set.is_empty() {
        return set.clone();
    }
    // One ASCII character (each literal of an `/…/i` regex): from a table.
    if let [(c, d)] = set.ranges() {
        if c == d && *c < 128 {
            return ascii_folds(unicode)[*c as usize].clone();
        }
    }
    // The same classes come back on every parse of a pattern (the analysis,
    // each rewrite candidate, the equivalence check), and folding a wide
    // range walks every character in it: remembered per thread, up to a
    // bound so that a huge scan does not keep them all.
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<(CharSet, bool), CharSet>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    const REMEMBERED: usize = 4_096;
    let key = (set.clone(), unicode);
    if let Some(hit) = SEEN.with(|m| m.borrow().get(&key).cloned()) {
        return hit;
    }
    let folded = case_fold_any(set, unicode);
    SEEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= REMEMBERED {
            m.clear();
        }
        m.insert(key, folded.clone());
    });
    folded
}

/// `case_fold` of each ASCII character, computed once per mode.
fn ascii_folds(unicode: bool) -> &'static [CharSet] {
    static TABLES: [std::sync::OnceLock<Vec<CharSet>>; 2] =
        [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    TABLES[unicode as usize].get_or_init(|| {
        (0..128)
            .map(|c| case_fold_any(&CharSet::single(c), unicode))
            .collect()
    })
}

/// The case-folding orbit of one character (`fold_scalars` of it): ASCII
/// ones from a table.
fn orbit(c: u32) -> CharSet {
    static ASCII: std::sync::OnceLock<Vec<CharSet>> = std::sync::OnceLock::new();
    if c < 128 {
        return ASCII.get_or_init(|| {
            (0..128)
                .map(|c| fold_scalars(&CharSet::single(c)))
                .collect()
        })[c as usize]
            .clone();
    }
    fold_scalars(&CharSet::single(c))
}

fn case_fold_any(set: &CharSet, unicode: bool) -> CharSet {
    if unicode {
        return set.union(&fold_within(set, MAX_CODE_POINT));
    }
    let bmp = set.clamp_to(MAX_UNIT);
    let added = fold_within(&bmp, MAX_UNIT).subtract(&bmp);
    let mut extra = Vec::new();
    for &(lo, hi) in added.ranges() {
        for d in lo..=hi {
            let orbit = orbit(d);
            let cd = canonicalize_non_unicode(d);
            let equivalent = orbit
                .intersect(&bmp)
                .ranges()
                .iter()
                .any(|&(a, b)| (a..=b).any(|c| canonicalize_non_unicode(c) == cd));
            if equivalent {
                extra.push((d, d));
            }
        }
    }
    set.union(&CharSet::from_ranges(extra))
}

/// The spec's `Canonicalize(ch)` for non-unicode, ignore-case matching.
fn canonicalize_non_unicode(c: u32) -> u32 {
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let mut up = ch.to_uppercase();
    let (Some(first), None) = (up.next(), up.next()) else {
        return c;
    };
    let u = first as u32;
    if c >= 128 && u < 128 {
        c
    } else {
        u
    }
}

/// `set` up to `max` with what simple case folding adds to it (its
/// surrogates stay: they have no case). Folding walks every character of
/// the set, so for a wide one (`[^"]`, `\S`: 65,000 characters under `i`) the
/// characters outside it are walked instead: simple case folding relates
/// characters in classes, so one is in the closure exactly when its class
/// meets the set.
fn fold_within(set: &CharSet, max: u32) -> CharSet {
    let set = set.clamp_to(max);
    let outside = set.complement(max);
    if outside.len() >= set.len() / 4 {
        return set.union(&fold_scalars(&set).clamp_to(max));
    }
    let mut joined = Vec::new();
    for &(lo, hi) in outside.ranges() {
        for c in lo..=hi {
            if orbit(c).intersects(&set) {
                joined.push((c, c));
            }
        }
    }
    set.union(&CharSet::from_ranges(joined))
}

/// Simple case folding of the non-surrogate part of `set` (surrogates have no case).
fn fold_scalars(set: &CharSet) -> CharSet {
    let mut ranges = Vec::new();
    for &(lo, hi) in set.ranges() {
        // Split around the surrogate block, which `char` cannot hold.
        for (a, b) in [(lo, hi.min(0xD7FF)), (lo.max(0xE000), hi)] {
            if a > b {
                continue;
            }
            if let (Some(ca), Some(cb)) = (char::from_u32(a), char::from_u32(b)) {
                ranges.push(ClassUnicodeRange::new(ca, cb));
            }
        }
    }
    if ranges.is_empty() {
        return CharSet::empty();
    }
    let mut class = ClassUnicode::new(ranges);
    class.case_fold_simple();
    CharSet::from_ranges(
        class
            .iter()
            .map(|r| (r.start() as u32, r.end() as u32))
            .collect(),
    )
}

/// True when two characters are equal under the `i` flag (used by backreferences).
pub fn fold_eq(a: u32, b: u32, unicode: bool) -> bool {
    if a == b {
        return true;
    }
    if unicode {
        orbit(a).contains(b)
    } else {
        canonicalize_non_unicode(a) == canonicalize_non_unicode(b)
    }
}

/// Resolves `\p{name}` / `\p{name=value}` to its characters.
pub fn property(name: &str, value: Option<&str>) -> Result<CharSet, String> {
    let query = match value {
        Some(v) => format!("\\p{{{name}={v}}}"),
        None => format!("\\p{{{name}}}"),
    };
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(true)
        .build()
        .parse(&query)
        .map_err(|e| format!("unsupported Unicode property {query}: {e}"))?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(cls)) => Ok(CharSet::from_ranges(
            cls.iter()
                .map(|r| (r.start() as u32, r.end() as u32))
                .collect(),
        )),
        _ => Err(format!("unsupported Unicode property {query}")),
    }
}

/// Complement in the unit/code-point universe of the current mode.
pub fn universe_max(unicode: bool) -> u32 {
    if unicode {
        MAX_CODE_POINT
    } else {
        MAX_UNIT
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_tables_agree_with_folding_on_the_spot() {
        for unicode in [false, true] {
            for c in 0..128 {
                let one = CharSet::single(c);
                assert_eq!(
                    case_fold(&one, unicode),
                    case_fold_any(&one, unicode),
                    "{c}"
                );
                assert_eq!(orbit(c), fold_scalars(&one), "{c}");
            }
        }
    }

    use super::*;

    #[test]
    fn folds_ascii_and_greek() {
        let s = case_fold(&CharSet::single('a' as u32), false);
        assert_eq!(s.ranges(), &[(0x41, 0x41), (0x61, 0x61)]);
        let sigma = case_fold(&CharSet::single(0x3C3), true);
        assert!(sigma.contains(0x3A3) && sigma.contains(0x3C2));
    }

    #[test]
    fn non_unicode_mode_keeps_ascii_and_non_ascii_apart() {
        let k = case_fold(&CharSet::single('k' as u32), false);
        assert!(!k.contains(0x212A));
        let k_u = case_fold(&CharSet::single('k' as u32), true);
        assert!(k_u.contains(0x212A));
        assert!(fold_eq('a' as u32, 'A' as u32, false));
        assert!(!fold_eq('a' as u32, 'b' as u32, false));
        assert!(!fold_eq('[' as u32, '{' as u32, false));
        // `ß` uppercases to "SS", so it only matches U+1E9E with `u`.
        assert!(!case_fold(&CharSet::single(0xDF), false).contains(0x1E9E));
        assert!(case_fold(&CharSet::single(0xDF), true).contains(0x1E9E));
        assert!(!case_fold(&CharSet::single(0x3C9), false).contains(0x2126));
        assert!(case_fold(&CharSet::single(0x1C5), false).contains(0x1C6));
    }

    #[test]
    fn a_wide_set_folds_as_its_characters_do() {
        // Each up to where it is wide: there the characters outside it are
        // walked, which is what this compares with folding the set itself.
        let bmp = [
            CharSet::single('"' as u32).complement(MAX_UNIT),
            crate::charset::whitespace().complement(MAX_UNIT),
            CharSet::from_ranges(vec![(0x41, 0x5A), (0x3A3, 0x3A3), (0x212A, 0x212A)])
                .complement(MAX_UNIT),
        ];
        let astral =
            CharSet::from_ranges(vec![(0x61, 0x7A), (0x10400, 0x10427)]).complement(MAX_CODE_POINT);
        let cases = bmp
            .into_iter()
            .map(|s| (s, MAX_UNIT))
            .chain([(astral.clone(), MAX_UNIT), (astral, MAX_CODE_POINT)]);
        for (set, max) in cases {
            let within = set.clamp_to(max);
            assert!(within.complement(max).len() < within.len() / 4);
            // Surrogates have no case, and `fold_scalars` leaves them out.
            assert_eq!(
                fold_within(&set, max),
                within.union(&fold_scalars(&within).clamp_to(max)),
                "{:?} up to {max:#x}",
                set.complement(max)
            );
        }
    }

    #[test]
    fn huge_class_folds_quickly() {
        let s = CharSet::range(0xA0, 0xD7FF);
        let t = std::time::Instant::now();
        let f = case_fold(&s, false);
        assert!(f.contains(0x41) || !f.contains(0x41));
        assert!(t.elapsed().as_millis() < 200);
    }

    #[test]
    fn properties() {
        let l = property("L", None).unwrap();
        assert!(l.contains('a' as u32) && !l.contains('1' as u32));
        let greek = property("Script", Some("Greek")).unwrap();
        assert!(greek.contains(0x3B1));
        assert!(property("NoSuchProperty", None).is_err());
    }
}
