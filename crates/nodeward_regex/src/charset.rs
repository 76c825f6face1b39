//! Character sets as sorted, disjoint, non-adjacent inclusive ranges.
//!
//! A "character" is a UTF-16 code unit in non-unicode mode and a code point in
//! `u`/`v` mode, exactly as JavaScript's matcher sees the subject string. Ranges
//! keep huge Unicode classes (`[\u00A0-\uD7FF]`, `\p{L}`) at a few hundred
//! entries, so every operation here is linear in the number of ranges and never in
//! the number of characters.

use std::fmt;

/// Largest code unit in non-unicode mode.
pub const MAX_UNIT: u32 = 0xFFFF;
/// Largest code point in unicode mode.
pub const MAX_CODE_POINT: u32 = 0x10_FFFF;

#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct CharSet {
    ranges: Vec<(u32, u32)>,
}

impl fmt::Debug for CharSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[")?;
        for (i, &(lo, hi)) in self.ranges.iter().enumerate() {
            if i > 0 {
                write!(f, " ")?;
            }
            if lo == hi {
                write!(f, "{lo:#x}")?;
            } else {
                write!(f, "{lo:#x}-{hi:#x}")?;
            }
        }
        write!(f, "]")
    }
}

impl CharSet {
    pub fn empty() -> CharSet {
        CharSet { ranges: Vec::new() }
    }

    pub fn single(c: u32) -> CharSet {
        CharSet {
            ranges: vec![(c, c)],
        }
    }

    pub fn range(lo: u32, hi: u32) -> CharSet {
        if lo > hi {
            return CharSet::empty();
        }
        CharSet {
            ranges: vec![(lo, hi)],
        }
    }

    /// Builds a set from arbitrary (possibly overlapping, unsorted) ranges.
    pub fn from_ranges(mut ranges: Vec<(u32, u32)>) -> CharSet {
        ranges.retain(|&(lo, hi)| lo <= hi);
        ranges.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (lo, hi) in ranges {
            if let Some(last) = out.last_mut() {
                if lo <= last.1.saturating_add(1) {
                    last.1 = last.1.max(hi);
                    continue;
                }
            }
            out.push((lo, hi));
        }
        CharSet { ranges: out }
    }

    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.ranges
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    pub fn contains(&self, c: u32) -> bool {
        // Binary search on the range starts.
        let idx = self.ranges.partition_point(|&(lo, _)| lo <= c);
        idx > 0 && self.ranges[idx - 1].1 >= c
    }

    /// Number of characters (saturating; used only for heuristics).
    pub fn len(&self) -> u64 {
        self.ranges
            .iter()
            .map(|&(lo, hi)| u64::from(hi - lo) + 1)
            .sum()
    }

    pub fn union(&self, other: &CharSet) -> CharSet {
        let mut all = Vec::with_capacity(self.ranges.len() + other.ranges.len());
        all.extend_from_slice(&self.ranges);
        all.extend_from_slice(&other.ranges);
        CharSet::from_ranges(all)
    }

    pub fn intersect(&self, other: &CharSet) -> CharSet {
        let (a, b) = (&self.ranges, &other.ranges);
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while i < a.len() && j < b.len() {
            let lo = a[i].0.max(b[j].0);
            let hi = a[i].1.min(b[j].1);
            if lo <= hi {
                out.push((lo, hi));
            }
            if a[i].1 < b[j].1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        CharSet { ranges: out }
    }

    pub fn intersects(&self, other: &CharSet) -> bool {
        let (a, b) = (&self.ranges, &other.ranges);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i].0.max(b[j].0) <= a[i].1.min(b[j].1) {
                return true;
            }
            if a[i].1 < b[j].1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        false
    }

    /// Complement within `0..=max`.
    pub fn complement(&self, max: u32) -> CharSet {
        let mut out = Vec::new();
        let mut next = 0u32;
        for &(lo, hi) in &self.ranges {
            if lo > max {
                break;
            }
            if lo > next {
                out.push((next, lo - 1));
            }
            next = hi.saturating_add(1);
        }
        if next <= max && self.ranges.last().is_none_or(|&(_, hi)| hi < max) {
            out.push((next, max));
        }
        CharSet { ranges: out }
    }

    pub fn subtract(&self, other: &CharSet) -> CharSet {
        self.intersect(&other.complement(MAX_CODE_POINT))
    }

    pub fn is_subset_of(&self, other: &CharSet) -> bool {
        self.subtract(other).is_empty()
    }

    /// Restricts the set to `0..=max`.
    pub fn clamp_to(&self, max: u32) -> CharSet {
        self.intersect(&CharSet::range(0, max))
    }

    /// Picks a character a user can read and type: printable ASCII first (letters
    /// and digits before punctuation), then other non-surrogate characters.
    /// Surrogates cannot appear alone in a Rust `String`, so they are never picked.
    pub fn representative(&self) -> Option<u32> {
        const PREFERRED: &[(u32, u32)] = &[
            (b'a' as u32, b'z' as u32),
            (b'0' as u32, b'9' as u32),
            (b'A' as u32, b'Z' as u32),
            (b'!' as u32, b'/' as u32),
            (b':' as u32, b'@' as u32),
            (b'[' as u32, b'`' as u32),
            (b'{' as u32, b'~' as u32),
            (b' ' as u32, b' ' as u32),
            (0x80, 0xD7FF),
            (0xE000, MAX_CODE_POINT),
            (0, 0x7F),
        ];
        for &(lo, hi) in PREFERRED {
            let part = self.intersect(&CharSet::range(lo, hi));
            if let Some(&(c, _)) = part.ranges.first() {
                return Some(c);
            }
        }
        None
    }
}

/// Line terminators as defined by ECMAScript (`.` without `s` excludes them).
pub fn line_terminators() -> CharSet {
    CharSet::from_ranges(vec![(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)])
}

/// `\d`
pub fn digits() -> CharSet {
    CharSet::range(b'0' as u32, b'9' as u32)
}

/// `\w` (plus the two extra characters that `u`+`i` adds, see `word_chars`).
pub fn word_chars(unicode_ignore_case: bool) -> CharSet {
    let mut r = vec![
        (b'0' as u32, b'9' as u32),
        (b'A' as u32, b'Z' as u32),
        (b'_' as u32, b'_' as u32),
        (b'a' as u32, b'z' as u32),
    ];
    if unicode_ignore_case {
        // U+017F LATIN SMALL LETTER LONG S and U+212A KELVIN SIGN fold to `s`/`k`.
        r.push((0x017F, 0x017F));
        r.push((0x212A, 0x212A));
    }
    CharSet::from_ranges(r)
}

/// `\s`: WhiteSpace and LineTerminator.
pub fn whitespace() -> CharSet {
    CharSet::from_ranges(vec![
        (0x09, 0x0D),
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x2028, 0x2029),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_and_merges() {
        let s = CharSet::from_ranges(vec![(5, 9), (1, 3), (4, 4), (20, 30), (25, 26)]);
        assert_eq!(s.ranges(), &[(1, 9), (20, 30)]);
        assert!(s.contains(1) && s.contains(9) && s.contains(25));
        assert!(!s.contains(0) && !s.contains(10) && !s.contains(31));
    }

    #[test]
    fn set_algebra() {
        let a = CharSet::from_ranges(vec![(0, 10), (20, 30)]);
        let b = CharSet::from_ranges(vec![(5, 25)]);
        assert_eq!(a.intersect(&b).ranges(), &[(5, 10), (20, 25)]);
        assert_eq!(a.subtract(&b).ranges(), &[(0, 4), (26, 30)]);
        assert_eq!(a.union(&b).ranges(), &[(0, 30)]);
        assert_eq!(a.complement(40).ranges(), &[(11, 19), (31, 40)]);
        assert_eq!(CharSet::range(0, 40).complement(40).ranges(), &[]);
        assert!(a.intersects(&b));
        assert!(!a.intersects(&CharSet::range(11, 19)));
        assert!(CharSet::range(21, 22).is_subset_of(&a));
    }

    #[test]
    fn representative_prefers_readable() {
        assert_eq!(whitespace().representative(), Some(b' ' as u32));
        assert_eq!(digits().representative(), Some(b'0' as u32));
        assert_eq!(CharSet::range(0xD800, 0xDFFF).representative(), None);
        assert_eq!(CharSet::range(0, 0x20).representative(), Some(b' ' as u32));
    }
}
