//! Whether two regexes behave the same in JavaScript: the check a rewrite
//! must pass before it is offered.
//!
//! Both patterns, under the same flags, are run by the step-counting matcher,
//! which has JavaScript's semantics exactly (ordered alternatives, greedy and
//! lazy repeats, lookarounds, backreferences, modifiers), on every input up to
//! a length over one character of each atom of their joint alphabet (so every
//! class boundary either pattern draws is crossed), on random longer inputs
//! over the same characters, and on inputs shaped like either pattern
//! (`sample.rs`: walks of its tree, which spell the words it needs, some
//! changed in a place or joined). On each input the whole sequence of
//! matches that a global `replace` walks through must agree: each match's
//! span and, for the groups the caller keeps, each group's span.
//!
//! A bounded check, not a proof: two patterns that differ only on inputs
//! longer than the exhaustive length and missed by the random ones and the
//! walks pass. The
//! lengths are chosen so that the exhaustive part stays within
//! [`EquivOptions::exhaustive`] inputs.

use crate::alphabet::Alphabet;
use crate::budget::Budget;
use crate::charset::{line_terminators, word_chars, CharSet};
use crate::compile::Program;
use crate::flags::RegexFlags;
use crate::matcher::{self, Captures};

#[derive(Clone, Debug)]
pub struct EquivOptions {
    /// At most this many inputs in the exhaustive part.
    pub exhaustive: usize,
    /// Random inputs after it.
    pub random: usize,
    /// Longest random input, in characters.
    pub random_len: usize,
    /// Inputs shaped like either pattern after those (`sample.rs`): walks
    /// of its tree, some changed in a place or two, some joined.
    pub walks: usize,
    /// The groups whose spans must agree (group 0, the whole match, always
    /// does); `None`: every group of the left pattern, which the right one
    /// must have too (it may add groups after them).
    pub keep_groups: Option<Vec<u32>>,
    /// The right pattern's number for each group of the left one (group
    /// `i` at index `i - 1`), when the right one numbers them differently
    /// (a group added before them); `None`: the same numbers.
    pub group_map: Option<Vec<u32>>,
    pub seed: u64,
    /// Steps one `exec` may take; an input past it on either side is not
    /// compared (and counted).
    pub step_limit: u64,
    /// Compare every match a global `replace` (or `split`, `matchAll`)
    /// walks through; `false`: the first match only, which is all that
    /// `test`, `exec`, `match` and `replace` use without `g`.
    pub all_matches: bool,
}

impl Default for EquivOptions {
    fn default() -> EquivOptions {
        EquivOptions {
            exhaustive: 2_000,
            random: 500,
            random_len: 24,
            walks: 600,
            keep_groups: None,
            group_map: None,
            seed: 0x9E37_79B9_7F4A_7C15,
            step_limit: 50_000,
            all_matches: true,
        }
    }
}

/// An input on which the two behave differently, with what each matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub input: String,
    pub left: Vec<Captures>,
    pub right: Vec<Captures>,
}

/// What a passed check covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub inputs: usize,
    /// Every input of this length or less, over one character per atom.
    pub exhaustive_len: usize,
    pub atoms: usize,
    /// Inputs not compared: a side ran out of steps.
    pub skipped: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Equivalence {
    Same(Checked),
    Differ(Difference),
}

/// What the left pattern did on each input, kept between comparisons of
/// one pattern with several candidates (most inputs come back: the
/// candidates draw the same class boundaries).
#[derive(Default)]
pub struct Memo {
    /// The left pattern, flags, groups kept and `all_matches` it holds
    /// results for; another key empties it.
    key: Option<(String, String, Vec<usize>, bool)>,
    results: std::collections::HashMap<String, Option<Vec<Captures>>>,
}

/// Compares `left` and `right` under `flags`; `Err` when one does not parse
/// or, with `keep_groups` `None`, `right` has fewer groups.
pub fn compare(
    left: &str,
    right: &str,
    flags: &str,
    opts: &EquivOptions,
) -> Result<Equivalence, String> {
    compare_remembering(left, right, flags, opts, &mut Memo::default())
}

/// [`compare`], with the left pattern's results kept in `memo`.
pub fn compare_remembering(
    left: &str,
    right: &str,
    flags: &str,
    opts: &EquivOptions,
    memo: &mut Memo,
) -> Result<Equivalence, String> {
    let f = RegexFlags::parse(flags)?;
    let budget = Budget::default();
    let a = crate::parse::parse(left, &f, &budget)?;
    let b = crate::parse::parse(right, &f, &budget)?;
    if opts.keep_groups.is_none() && b.group_count < a.group_count {
        return Err(format!(
            "the patterns have {} and {} groups",
            a.group_count, b.group_count
        ));
    }
    let unicode = a.unicode;
    let max = if unicode { 0x10_FFFF } else { 0xFFFF };
    let mut sets: Vec<CharSet> = a.sets.iter().chain(&b.sets).cloned().collect();
    // Word boundaries and `^`/`$` with `m` draw these lines too.
    sets.push(word_chars((f.unicode || f.unicode_sets) && f.ignore_case));
    sets.push(line_terminators());
    let (alphabet, _) = Alphabet::build(&sets, max);
    let mut chars: Vec<char> = alphabet
        .reps
        .iter()
        .flatten()
        .filter_map(|&c| char::from_u32(c))
        .collect();
    // A backreference tells apart two characters of one atom (`(['"])x\1`
    // does not match `'x"`): each atom then gives a second character too.
    if a.has_backref || b.has_backref {
        let more: Vec<char> = alphabet
            .atoms
            .iter()
            .filter_map(|atom| {
                let &(_, hi) = atom.ranges().last()?;
                (Some(hi) != atom.representative()).then(|| char::from_u32(hi))?
            })
            .collect();
        chars.extend(more);
    }
    let pa = Program::compile(&a);
    let pb = Program::compile(&b);
    let keep: Vec<usize> = match &opts.keep_groups {
        None => (0..=a.group_count as usize).collect(),
        Some(g) => std::iter::once(0)
            .chain(g.iter().map(|&i| i as usize))
            .collect(),
    };
    // The same groups on the right, under their numbers there.
    let keep_right: Vec<usize> = match &opts.group_map {
        None => keep.clone(),
        Some(map) => keep
            .iter()
            .map(|&g| match g {
                0 => 0,
                g => map.get(g - 1).map_or(usize::MAX, |&n| n as usize),
            })
            .collect(),
    };
    let run = |prog: &Program, input: &[u32], keep: &[usize]| -> Option<Vec<Captures>> {
        let ms = if opts.all_matches {
            all_matches(prog, input, f.sticky, opts.step_limit)
        } else {
            matcher::exec(prog, input, 0, f.sticky, opts.step_limit)
                .ok()
                .map(|m| m.into_iter().collect())
        };
        ms.map(|ms| {
            ms.into_iter()
                .map(|m| keep.iter().map(|&g| m.get(g).copied().flatten()).collect())
                .collect()
        })
    };
    let mut checked = Checked {
        inputs: 0,
        exhaustive_len: 0,
        atoms: chars.len(),
        skipped: 0,
    };
    let key = Some((
        left.to_string(),
        flags.to_string(),
        keep.clone(),
        opts.all_matches,
    ));
    if memo.key != key {
        memo.key = key;
        memo.results.clear();
        memo.results
            .reserve(opts.exhaustive + opts.random + opts.walks);
    }
    let mut check = |s: &str, checked: &mut Checked| -> Option<Difference> {
        checked.inputs += 1;
        let input = matcher::to_units(s, unicode);
        let r = run(&pb, &input, &keep_right);
        if !memo.results.contains_key(s) {
            memo.results.insert(s.to_string(), run(&pa, &input, &keep));
        }
        match (&memo.results[s], r) {
            (Some(l), Some(r)) if *l != r => Some(Difference {
                input: s.to_string(),
                left: l.clone(),
                right: r,
            }),
            (Some(_), Some(_)) => None,
            _ => {
                checked.skipped += 1;
                None
            }
        }
    };
    // Exhaustive: lengths 0, 1, 2, ... while the total stays in budget.
    let k = chars.len().max(1);
    let mut len = 0usize;
    let mut total = 1usize;
    loop {
        let mut digits = vec![0usize; len];
        loop {
            let s: String = digits
                .iter()
                .map(|&d| chars.get(d).copied().unwrap_or('a'))
                .collect();
            if let Some(d) = check(&s, &mut checked) {
                return Ok(Equivalence::Differ(d));
            }
            // Next word in base k.
            let mut i = len;
            loop {
                if i == 0 {
                    break;
                }
                i -= 1;
                digits[i] += 1;
                if digits[i] < k {
                    break;
                }
                digits[i] = 0;
            }
            if digits.iter().all(|&d| d == 0) {
                break;
            }
        }
        checked.exhaustive_len = len;
        let next = k.saturating_pow(len as u32 + 1);
        if chars.is_empty() || total.saturating_add(next) > opts.exhaustive {
            break;
        }
        total += next;
        len += 1;
    }
    let mut rng = opts.seed | 1;
    let mut below = |n: usize| {
        // xorshift64*: fixed seed, so a check is reproducible.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        (rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    };
    for _ in 0..opts.random {
        if chars.is_empty() {
            break;
        }
        let n = below(opts.random_len + 1);
        // Runs of one character are where repeats differ most: half the
        // characters repeat the one before.
        let mut s = String::new();
        let mut last = chars[below(k)];
        for _ in 0..n {
            if below(2) == 0 {
                last = chars[below(k)];
            }
            s.push(last);
        }
        if let Some(d) = check(&s, &mut checked) {
            return Ok(Equivalence::Differ(d));
        }
    }
    let walkers = [
        crate::sample::Walker::new(&a, &chars),
        crate::sample::Walker::new(&b, &chars),
    ];
    for i in 0..opts.walks {
        let (one, other) = if i % 2 == 0 { (0, 1) } else { (1, 0) };
        let s = walkers[one].walk(&mut below);
        let s = match below(4) {
            0 => s,
            1 => crate::sample::mutate(&s, &chars, &mut below),
            2 => {
                let once = crate::sample::mutate(&s, &chars, &mut below);
                crate::sample::mutate(&once, &chars, &mut below)
            }
            _ => s + &walkers[other].walk(&mut below),
        };
        if let Some(d) = check(&s, &mut checked) {
            return Ok(Equivalence::Differ(d));
        }
    }
    Ok(Equivalence::Same(checked))
}

/// Every match a global `replace` walks through (one with `sticky`, stopping
/// at the first failure); `None` past the step limit.
fn all_matches(prog: &Program, input: &[u32], sticky: bool, limit: u64) -> Option<Vec<Captures>> {
    let mut out = Vec::new();
    let mut from = 0usize;
    while from <= input.len() {
        let Some(m) = matcher::exec(prog, input, from, sticky, limit).ok()? else {
            break;
        };
        let (s, e) = m[0].unwrap_or((from, from));
        out.push(m);
        from = if e == s { e + 1 } else { e };
        if out.len() > input.len() + 1 {
            break;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str, flags: &str, keep: Option<Vec<u32>>) -> bool {
        let opts = EquivOptions {
            keep_groups: keep,
            ..EquivOptions::default()
        };
        matches!(compare(a, b, flags, &opts).unwrap(), Equivalence::Same(_))
    }

    fn difference(a: &str, b: &str, flags: &str) -> Difference {
        let opts = EquivOptions {
            keep_groups: Some(Vec::new()),
            ..EquivOptions::default()
        };
        match compare(a, b, flags, &opts).unwrap() {
            Equivalence::Differ(d) => d,
            Equivalence::Same(c) => panic!("/{a}/ and /{b}/ pass: {c:?}"),
        }
    }

    #[test]
    fn nested_quantifiers_collapse_to_the_same_matches() {
        assert!(same(r"^(?:a+)+$", r"^a+$", "", None));
        // The greedy inner loop takes the whole run in the first iteration,
        // so even the group's span is kept.
        assert!(same(r"(a+)+b", r"a+b", "", Some(Vec::new())));
        assert!(same(r"(a+)+b", r"(a+)b", "", None));
        // A group that keeps the last iteration does not survive unrolling.
        assert!(same(r"(a)+", r"a+", "", Some(Vec::new())));
        assert!(!same(r"(a)+", r"(a)a*", "", None));
    }

    #[test]
    fn unrolled_loops_agree() {
        assert!(same(r"^(?:\w+\s?)*$", r"^(?:\w+(?:\s\w+)*\s?)?$", "", None));
        assert!(same(r"(?:a|b)*c", r"[ab]*c", "", None));
    }

    #[test]
    fn order_of_alternatives_is_seen() {
        // The same strings match, but exec finds different spans.
        let d = difference("a|ab", "ab|a", "");
        assert!(d.input.contains("ab"), "{d:?}");
    }

    #[test]
    fn pairs_that_differ_only_on_rare_inputs_are_told_apart() {
        // One character of a wide class.
        let d = difference(r"^[a-z]+$", r"^[a-y]+$", "");
        assert!(d.input.contains('z'), "{d:?}");
        // Only with case folding.
        assert!(same(r"^[a-z]+$", r"^[A-Za-z]+$", "i", None));
        let d = difference(r"^[a-z]+$", r"^[A-Za-z]+$", "");
        assert!(d.input.chars().any(|c| c.is_ascii_uppercase()), "{d:?}");
        // A line terminator, seen only with `s`.
        assert!(!same(r"^a.b$", r"^a[^\n]b$", "s", None));
        assert!(same(r"^a.b$", r"^a[^\n\r\u2028\u2029]b$", "", None));
        // A count: three or more against two or more.
        let d = difference(r"^a{3,}$", r"^a{2,}$", "");
        assert_eq!(d.input, "aa");
        // Multiline anchors.
        let d = difference(r"^a", r"(?:^|\n)a", "m");
        assert!(d.input.contains('\n'), "{d:?}");
    }

    #[test]
    fn lookarounds_and_backreferences_are_compared_by_behaviour() {
        // The atomic-group emulation keeps the matches of a loop that never
        // has to give a character back.
        assert!(same(r"^(?=(a+))\1b", r"^a+b", "", Some(Vec::new())));
        assert!(same(r"(?=(\d+))\1x", r"\d+x", "", Some(Vec::new())));
        let d = difference(r"(?=(a+))\1a", r"a+a", "");
        assert!(d.input.starts_with("aa"), "{d:?}");
        // An escape and the character it stands for, with a backreference;
        // and two characters of one class that only the backreference
        // tells apart.
        assert!(same(r"(['\x22])x\1", r#"(['"])x\1"#, "u", None));
        assert!(!same(r"(['\x22])x\1", r"(['\x22])x['\x22]", "u", None));
    }

    #[test]
    fn flags_change_the_comparison() {
        assert!(same(r"\u{61}+", r"a+", "u", None));
        // With `u`, `.` is one code point, astral ones included.
        assert!(same(r"^.$", r"^[^\n\r\u2028\u2029]$", "u", None));
        assert!(!same(r"^.$", r"^[^\n\r\u2028\u2029\u{1F600}]$", "u", None));
        // Set subtraction under `v`.
        assert!(same(r"^[\p{L}--[a-z]]$", r"^[\p{L}&&[^a-z]]$", "v", None));
        assert!(!same(r"^[\p{L}--[a-z]]$", r"^\p{L}$", "v", None));
        // Sticky: only at the start, so a later `a` is no match.
        assert!(!same("a", "[^]*?a", "y", Some(Vec::new())));
        let d = difference("a|b", "a", "g");
        assert!(d.input.contains('b'), "{d:?}");
    }

    #[test]
    fn the_first_match_alone_when_asked() {
        // An empty match after the run: a global replace sees it, `test`
        // does not.
        let first = EquivOptions {
            all_matches: false,
            ..EquivOptions::default()
        };
        let r = compare(r"\s*$", r"(?<!\s)\s*$", "", &first).unwrap();
        assert!(matches!(r, Equivalence::Same(_)), "{r:?}");
        let r = compare(r"\s*$", r"(?<!\s)\s*$", "", &EquivOptions::default()).unwrap();
        assert!(matches!(r, Equivalence::Differ(_)), "{r:?}");
    }

    #[test]
    fn group_counts_must_agree_when_all_are_kept() {
        assert!(compare("(a)", "a", "", &EquivOptions::default()).is_err());
        assert!(compare("(", "a", "", &EquivOptions::default()).is_err());
    }

    #[test]
    fn pairs_that_differ_only_past_a_word_are_told_apart() {
        // The atomic loop keeps the last `/`, so `a/XController.y/b` no
        // longer matches: only inputs that spell `Controller.` show it.
        let original = r"^((?:(?:.*)/)*([0-9A-Z][0-9a-zA-Z_]*))Controller\..+$";
        let atomic = r"^((?=((?:(?:.*)/)*))\2([0-9A-Z][0-9a-zA-Z_]*))Controller\..+$";
        assert!(!same(original, atomic, "", Some(Vec::new())));
        // A counted repeat made atomic in a loop: `{2,4}` cannot give back.
        assert!(!same(
            r"^a@b\.([a-z]{2,4})+$",
            r"^a@b\.((?=([a-z]{2,4}))\2)+$",
            "",
            Some(Vec::new())
        ));
    }
}
