//! Pattern text for a character set, as a person would write it: `\d`,
//! `[^\s@]`, `x`, valid under the flags it will be read with.
//!
//! The rewrites that are read off an automaton ([`crate::unambiguous`]) and
//! the lookbehinds of first characters only know a set, not the text it
//! came from. Under `i` the set is already closed under case folding, so the
//! text may leave out the characters the flag adds back (`[a-z]` for
//! `[A-Za-z\u017F\u212A]`); the shorter text is only used when folding it
//! gives the set again.

use crate::charset::{digits, line_terminators, whitespace, word_chars, CharSet};
use crate::flags::RegexFlags;
use crate::unicode::{case_fold, universe_max};

/// How the text will be read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Syntax {
    unicode: bool,
    /// `v`: classes of its own syntax.
    sets: bool,
    ignore_case: bool,
    dot_all: bool,
}

impl Syntax {
    pub(crate) fn of(flags: &RegexFlags) -> Syntax {
        Syntax {
            unicode: flags.either_unicode(),
            sets: flags.unicode_sets,
            ignore_case: flags.ignore_case,
            dot_all: flags.dot_all,
        }
    }

    fn max(&self) -> u32 {
        universe_max(self.unicode)
    }

    /// The text of one character outside a class.
    pub(crate) fn literal(&self, c: u32) -> String {
        if c < 128 && "^$\\.*+?()[]{}|/".contains(c as u8 as char) {
            return format!("\\{}", c as u8 as char);
        }
        self.plain(c)
    }

    fn in_class(&self, c: u32) -> String {
        // `v` reserves more punctuation inside a class than the other modes.
        let special = if self.sets {
            "^$\\.*+?()[]{}|/-&!#%,:;<=>@`~"
        } else {
            "^\\[]-/"
        };
        if c < 128 && special.contains(c as u8 as char) {
            return format!("\\{}", c as u8 as char);
        }
        self.plain(c)
    }

    fn plain(&self, c: u32) -> String {
        match c {
            0x09 => "\\t".into(),
            0x0A => "\\n".into(),
            0x0B => "\\v".into(),
            0x0C => "\\f".into(),
            0x0D => "\\r".into(),
            0x20..=0x7E => (c as u8 as char).to_string(),
            0..=0xFFFF => format!("\\u{c:04X}"),
            _ if self.unicode => format!("\\u{{{c:X}}}"),
            // Not reachable: without `u` the universe ends at 0xFFFF.
            _ => format!("\\u{:04X}", c & 0xFFFF),
        }
    }

    /// The text of `set` as one term: an escape, a literal or a class.
    pub(crate) fn set(&self, set: &CharSet) -> String {
        if let Some(e) = self.escape(set) {
            return e;
        }
        let set = self.without_folded(set);
        if let [(lo, hi)] = set.ranges() {
            if lo == hi {
                return self.literal(*lo);
            }
        }
        let positive = format!("[{}]", self.items(&set));
        let negative = format!("[^{}]", self.items(&set.complement(self.max())));
        if negative.len() < positive.len() {
            negative
        } else {
            positive
        }
    }

    /// The escapes and `.` that stand for exactly `set`.
    fn escape(&self, set: &CharSet) -> Option<String> {
        let max = self.max();
        let word = word_chars(self.unicode && self.ignore_case);
        let named = [("\\d", digits()), ("\\w", word), ("\\s", whitespace())];
        for (e, s) in &named {
            if set == s {
                return Some((*e).to_string());
            }
            if *set == s.complement(max) {
                return Some(e.to_uppercase());
            }
        }
        let dot = if self.dot_all {
            CharSet::range(0, max)
        } else {
            line_terminators().complement(max)
        };
        (*set == dot).then(|| ".".to_string())
    }

    /// `set` without the characters that `i` adds back to what is left.
    fn without_folded(&self, set: &CharSet) -> CharSet {
        if !self.ignore_case {
            return set.clone();
        }
        let mut drop: Vec<(u32, u32)> = Vec::new();
        for c in b'A'..=b'Z' {
            if set.contains(c as u32) && set.contains(c as u32 + 32) {
                drop.push((c as u32, c as u32));
            }
        }
        for (extra, lower) in [(0x017F, 's'), (0x212A, 'k')] {
            if set.contains(extra) && set.contains(lower as u32) {
                drop.push((extra, extra));
            }
        }
        let smaller = set.subtract(&CharSet::from_ranges(drop));
        if case_fold(&smaller, self.unicode) == *set {
            smaller
        } else {
            set.clone()
        }
    }

    /// The inside of a class for `set`: its ranges, or the named escapes
    /// it holds and then the rest, whichever is shorter.
    fn items(&self, set: &CharSet) -> String {
        let mut rest = set.clone();
        let mut named = String::new();
        let word = word_chars(self.unicode && self.ignore_case);
        let max = self.max();
        let named_sets = [
            ("\\w", word.clone()),
            ("\\d", digits()),
            ("\\s", whitespace()),
            ("\\S", whitespace().complement(max)),
            ("\\W", word.complement(max)),
            ("\\D", digits().complement(max)),
        ];
        for (e, s) in named_sets {
            if !s.is_empty() && s.is_subset_of(&rest) {
                named.push_str(e);
                rest = rest.subtract(&s);
            }
        }
        let plain = self.ranges(set);
        if named.is_empty() {
            return plain;
        }
        named.push_str(&self.ranges(&rest));
        if plain.len() < named.len() {
            plain
        } else {
            named
        }
    }

    fn ranges(&self, set: &CharSet) -> String {
        let mut out = String::new();
        for &(lo, hi) in set.ranges() {
            out.push_str(&self.in_class(lo));
            if hi == lo + 1 {
                out.push_str(&self.in_class(hi));
            } else if hi > lo {
                out.push('-');
                out.push_str(&self.in_class(hi));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(flags: &str) -> Syntax {
        Syntax::of(&RegexFlags::parse(flags).unwrap())
    }

    #[test]
    fn named_classes_and_their_complements() {
        let s = syntax("");
        assert_eq!(s.set(&digits()), "\\d");
        assert_eq!(s.set(&whitespace().complement(0xFFFF)), "\\S");
        let not_space_or_at = whitespace()
            .union(&CharSet::single('@' as u32))
            .complement(0xFFFF);
        assert_eq!(s.set(&not_space_or_at), "[^\\s@]");
        assert_eq!(s.set(&line_terminators().complement(0xFFFF)), ".");
        assert_eq!(syntax("s").set(&CharSet::range(0, 0xFFFF)), ".");
    }

    #[test]
    fn literals_and_ranges_are_escaped_for_every_mode() {
        for flags in ["", "u", "v"] {
            let s = syntax(flags);
            assert_eq!(s.set(&CharSet::single('.' as u32)), "\\.");
            let set = CharSet::from_ranges(vec![(b'-' as u32, b'-' as u32), (0x61, 0x63)]);
            assert_eq!(s.set(&set), "[\\-a-c]");
        }
        let at_or_a = CharSet::from_ranges(vec![(b'@' as u32, b'@' as u32), (0x61, 0x61)]);
        assert_eq!(syntax("").set(&at_or_a), "[@a]");
        assert_eq!(syntax("v").set(&at_or_a), "[\\@a]");
        assert_eq!(syntax("u").set(&CharSet::single(0x1F600)), "\\u{1F600}");
        assert_eq!(syntax("").set(&CharSet::single(0xE9)), "\\u00E9");
    }

    #[test]
    fn under_i_the_folded_letters_are_left_to_the_flag() {
        let s = syntax("i");
        let folded = case_fold(&CharSet::range('a' as u32, 'z' as u32), false);
        assert_eq!(s.set(&folded), "[a-z]");
        let m = case_fold(&CharSet::single('m' as u32), false);
        assert_eq!(s.set(&m), "m");
        let su = syntax("iu");
        let folded = case_fold(&CharSet::single('s' as u32), true);
        assert_eq!(su.set(&folded), "s");
        // Without the flag every character is written.
        assert_eq!(syntax("").set(&m), "[Mm]");
    }
}
