//! Rewrites of a vulnerable regex that mean the same and cannot backtrack
//! catastrophically, each verified before it is offered.
//!
//! The strategies are the ones people apply by hand, tried on the repetition
//! the analysis blamed ([`Vulnerability::loop_span`]), each giving candidate
//! texts for that repetition (or a prefix for the whole pattern):
//!
//! - **collapse**: a loop whose body is one loop, `(?:a+)+` → `a+`,
//!   `(a+)+` → `(a+)`, `(a+)*` → `(a+)?`;
//! - **start of run**: a pattern that begins with a loop and is slow only
//!   through the search loop (`\s+$`) starts where a run of that loop's
//!   characters starts, `(?<!\s)\s+$`;
//! - for code that reads the groups, where the automaton cannot go:
//!   **redundant loop**, an optional loop that only ever matches empty in
//!   a match, taken out (`[^(]+\s*\(` → `[^(]+\(`), and **narrowed
//!   start**, of two neighbouring loops that share characters the second
//!   started on one the first cannot take (`\s*([^(]+)?` →
//!   `\s*([^\s(][^(]*)?`, in `narrow.rs`);
//! - **automaton**: the shortest run of terms around the loop whose
//!   language, written as the unambiguous expression read off its minimal
//!   DFA ([`crate::unambiguous`]), gives a safe pattern that behaves the
//!   same, `^\S+@\S+\.\S+$` → `^\S[^\s@]*@\S[^\s.]*\.\S+$` (the groups
//!   inside the run go: offered only when they are not read);
//! - **atomic**: the loop made possessive with a lookahead and a
//!   backreference, `(?=(x+))\1` (a new group: the numbering of the groups
//!   after it changes).
//!
//! Every candidate must pass three checks: the step-counting matcher on the
//! original attack string (at most a hundredth of the original's steps, as
//! the analysis measured them on its largest attack, or past it, and steps
//! that grow about linearly from 1,000 to 4,000 characters of it), the
//! analysis's own verdict (safe), and the same behaviour as the original
//! (their minimal automata, for whole-string patterns whose groups are not
//! read; else on the inputs of [`crate::equiv`]: every match of a global
//! `replace`, or the first, and the groups the caller keeps). `verify`
//! orders them cheapest first; a redundant-loop candidate gets a quick
//! behaviour check before any. The first candidate that passes all three
//! is the rewrite; when none does, the reasons are given.

mod narrow;
mod strategies;
mod syntax;

use crate::equiv::{self, EquivOptions, Equivalence};
use crate::{matcher_steps, Budget, Verdict, Vulnerability};
use strategies::candidates;
pub(crate) use syntax::{groups_in_term, has_backreference, TermSpan};

/// A verified rewrite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewrite {
    pub pattern: String,
    /// The strategies applied, in order (`collapse, then automaton`).
    pub strategy: String,
    /// The capture groups are numbered differently (a group was added or
    /// removed before others); only offered when the caller does not keep
    /// groups. A group added after every other one does not renumber.
    pub renumbers_groups: bool,
    /// The groups that keep their span under a new number, `(old, new)`;
    /// empty when none moved or some were dropped.
    pub moved_groups: Vec<(u32, u32)>,
    /// Matcher steps on an attack string, before and after: on the
    /// analysis's largest attack when the rewrite is a hundred times faster
    /// there (the original's count as the analysis measured it), else on a
    /// longer one (the original counted up to a hundred times the
    /// rewrite's, where the check stops).
    pub steps: (u64, u64),
    /// As [`NoRewrite::refused_for_groups`], for the candidates tried before
    /// this one.
    pub refused_for_groups: bool,
    /// Inputs the equivalence check compared; 0 when the patterns' automata
    /// were compared instead (whole-string patterns, groups not read), which
    /// is exact.
    pub inputs_checked: usize,
}

/// Why no rewrite is offered: each candidate tried, with the check it failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoRewrite {
    pub tried: Vec<(String, String)>,
    /// A candidate was refused, or not built, only because it drops a
    /// group the code is assumed to read: one for code that reads none may
    /// exist.
    pub refused_for_groups: bool,
}

const STEP_LIMIT: u64 = 50_000_000;

/// What the code that uses the regex relies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uses {
    /// The capture groups are read: each must match as before and keep its
    /// number.
    pub groups: bool,
    /// Every match is used (`g` with `replace`, `matchAll`; any `split`),
    /// not only the first.
    pub all_matches: bool,
}

impl Uses {
    /// What can be assumed without knowing the code: groups read, and every
    /// match with `g`.
    pub fn unknown(flags: &str) -> Uses {
        Uses {
            groups: true,
            all_matches: flags.contains('g'),
        }
    }
}

/// A verified rewrite of `pattern` for the attack in `v`, for code that
/// relies on `uses`.
pub fn rewrite(
    pattern: &str,
    flags: &str,
    v: &Vulnerability,
    uses: Uses,
) -> Result<Rewrite, NoRewrite> {
    let attack = Attack::of(v);
    let mut search = Search {
        original: pattern,
        flags,
        uses,
        attack: &attack,
        tried: Vec::new(),
        probes: Vec::new(),
        seen: std::collections::HashSet::new(),
        memo: equiv::Memo::default(),
        refused_for_groups: false,
    };
    match search.round(pattern, v, Groups::Same, ROUNDS) {
        Some(r) => Ok(r),
        None => Err(NoRewrite {
            // A loop taken out on trial, refused by a quick look, explains
            // nothing when another candidate got further.
            tried: if search.tried.is_empty() {
                search.probes
            } else {
                search.tried
            },
            refused_for_groups: search.refused_for_groups,
        }),
    }
}

/// Rounds of repair: a candidate that behaves the same and is fast on the
/// attack, but that the analysis finds another slow repetition in, is
/// rewritten again for that one (`(?:X[-_]*)*X+` in one place, `\S+@` in
/// another), and the result checked against the original.
const ROUNDS: usize = 3;

struct Search<'a> {
    original: &'a str,
    flags: &'a str,
    uses: Uses,
    attack: &'a Attack,
    tried: Vec<(String, String)>,
    /// Candidates of the redundant-loop strategy that a quick behaviour
    /// check refused.
    probes: Vec<(String, String)>,
    seen: std::collections::HashSet<String>,
    /// The original's behaviour on the equivalence inputs, shared by the
    /// candidates.
    memo: equiv::Memo,
    refused_for_groups: bool,
}

impl Search<'_> {
    /// The candidates for `current` (the original, or a rewrite of it with
    /// the slow repetition of `v` left), each checked against the original.
    fn round(
        &mut self,
        current: &str,
        v: &Vulnerability,
        so_far: Groups,
        rounds: usize,
    ) -> Option<Rewrite> {
        // Stage by stage, cheapest to build first: the automaton's runs
        // are built only when no simpler candidate passed.
        let mut any = false;
        let mut again: Vec<(String, &'static str, Groups, Vulnerability)> = Vec::new();
        let (flags, uses) = (self.flags, self.uses);
        let staged = [Stage::Simple, Stage::Automaton, Stage::Atomic]
            .into_iter()
            .flat_map(|stage| candidates(current, flags, v, uses, stage));
        for (text, strategy, step) in staged {
            let Some(text) = text.build() else {
                continue;
            };
            any = true;
            if !self.seen.insert(text.clone()) {
                continue;
            }
            let groups = so_far.clone().then(&step);
            if groups == Groups::Dropped && self.uses.groups {
                self.refused_for_groups = true;
                if !text.is_empty() {
                    self.tried
                        .push((text, "drops a group, and the groups are read".into()));
                }
                continue;
            }
            let map = match &groups {
                Groups::Renumbered(map) => Some(map.clone()),
                _ => None,
            };
            if strategy == strategies::DROP {
                if let Err(why) = self.quick_look(&text, map.clone()) {
                    self.probes.push((text, why));
                    continue;
                }
            }
            let checks = Checks {
                attack: self.attack,
                uses: self.uses,
                group_map: map,
            };
            match verify(self.original, self.flags, &text, &checks, &mut self.memo) {
                Ok((inputs, before, after)) => {
                    let moved_groups = match &groups {
                        Groups::Renumbered(map) => (1..)
                            .zip(map.iter().copied())
                            .filter(|(i, n)| i != n)
                            .collect(),
                        _ => Vec::new(),
                    };
                    return Some(Rewrite {
                        pattern: text,
                        strategy: strategy.to_string(),
                        renumbers_groups: groups != Groups::Same,
                        moved_groups,
                        refused_for_groups: self.refused_for_groups,
                        steps: (before, after),
                        inputs_checked: inputs,
                    });
                }
                Err(Failed::StillSlow(left)) => {
                    self.tried
                        .push((text.clone(), "still backtracks catastrophically".into()));
                    again.push((text, strategy, groups, *left));
                }
                Err(Failed::Check(why)) => self.tried.push((text, why)),
            }
        }
        if !any && current == self.original {
            self.tried
                .push((String::new(), "no strategy fits this pattern".to_string()));
        }
        if rounds <= 1 {
            return None;
        }
        // The next round starts from the first still slow candidate that
        // behaves like the original (its check was left until here).
        for (text, strategy, groups, left) in again {
            let map = match &groups {
                Groups::Renumbered(map) => Some(map.clone()),
                _ => None,
            };
            // A quick look: the rewrite it leads to gets the full check.
            if self.quick_look(&text, map).is_ok() {
                let mut r = self.round(&text, &left, groups, rounds - 1)?;
                r.strategy = format!("{strategy}, then {}", r.strategy);
                return Some(r);
            }
        }
        None
    }
}

impl Search<'_> {
    /// A behaviour check on a tenth of the inputs: why `text` differs from
    /// the original, if it does there.
    fn quick_look(&mut self, text: &str, group_map: Option<Vec<u32>>) -> Result<(), String> {
        let opts = EquivOptions {
            exhaustive: 300,
            random: 100,
            walks: 100,
            ..equiv_options(self.uses, group_map)
        };
        match equiv::compare_remembering(self.original, text, self.flags, &opts, &mut self.memo)? {
            Equivalence::Same(_) => Ok(()),
            Equivalence::Differ(d) => Err(format!("matches differently on {:?}", d.input)),
        }
    }
}

/// The strategies in the order their candidates are built and tried.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Collapse, start of run, and (groups read) redundant loop and
    /// narrowed start: splices of the pattern's own text.
    Simple,
    /// The runs read off their automata.
    Automaton,
    /// The atomic emulation, which adds a group.
    Atomic,
}

/// The equivalence the code's uses ask for.
fn equiv_options(uses: Uses, group_map: Option<Vec<u32>>) -> EquivOptions {
    // Groups read: each of the original's keeps its span, and its number
    // or the one `group_map` gives (a group the candidate adds after them
    // is not read).
    EquivOptions {
        keep_groups: (!uses.groups).then(Vec::new),
        group_map: group_map.filter(|_| uses.groups),
        all_matches: uses.all_matches,
        ..EquivOptions::default()
    }
}

/// What a candidate does to the original's capture groups.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Groups {
    Same,
    /// Each keeps its span under a new number: the new number of group `i`
    /// at index `i - 1` (a group added before some of them).
    Renumbered(Vec<u32>),
    /// Some are gone: offered only when no group is read.
    Dropped,
}

impl Groups {
    /// `self`, then `then` (numbers of the intermediate pattern).
    fn then(self, then: &Groups) -> Groups {
        match (self, then) {
            (Groups::Dropped, _) | (_, Groups::Dropped) => Groups::Dropped,
            (g, Groups::Same) => g,
            (Groups::Same, g) => g.clone(),
            (Groups::Renumbered(a), Groups::Renumbered(b)) => Groups::Renumbered(
                a.iter()
                    .map(|&n| b.get(n as usize - 1).copied().unwrap_or(n))
                    .collect(),
            ),
        }
    }
}

/// Why a candidate is not offered.
enum Failed {
    /// It behaves the same and is fast on the attack, but the analysis
    /// finds another slow repetition: the next round may fix that one.
    StillSlow(Box<Vulnerability>),
    Check(String),
}

impl From<String> for Failed {
    fn from(why: String) -> Failed {
        Failed::Check(why)
    }
}

/// The attack strings a candidate is timed on.
struct Attack {
    /// The analysis's largest measured attack and the original's steps on
    /// it (a lower bound when that run hit the step limit): no need to run
    /// the original again.
    measured: Option<(String, u64)>,
    /// Past it (six more pumps for an exponential, four times as many for a
    /// polynomial), for a candidate not yet a hundred times faster there:
    /// the original's excess over a linear rewrite grows with the length,
    /// and "orders of magnitude" should not depend on where the analysis
    /// stopped.
    further: String,
    /// For a polynomial, the attack at twice the measured pumps, tried
    /// before `further` for the last check.
    halfway: Option<String>,
    /// The same attack at about 1,000 and 4,000 characters: the candidate
    /// must take at most about four times the steps on the longer one. An
    /// exponential's attack is short, and a rewrite that leaves a quadratic
    /// search (`(a+)+$` made atomic in place) is a hundred times faster
    /// there and still slow on long input.
    long: (String, String),
    /// About twice what the original takes on `further`, from the growth
    /// its last measurements show, when they are exact: a candidate past a
    /// hundredth of it (a fiftieth of the estimate) is stopped there rather
    /// than at the step limit.
    further_bound: Option<u64>,
    /// The original's class.
    complexity: crate::Complexity,
}

impl Attack {
    fn of(v: &Vulnerability) -> Attack {
        let last = v.steps.last().copied();
        let n = last.map_or(16, |(n, _)| n);
        let n = match v.complexity {
            crate::Complexity::Exponential => n.saturating_add(6),
            crate::Complexity::Polynomial(_) => n.saturating_mul(4),
        };
        let per = v.witness.pump.chars().count().max(1);
        let k = (1_000 / per).max(16);
        Attack {
            further_bound: further_bound(v, n),
            complexity: v.complexity,
            measured: last.map(|(n, s)| (v.witness.build(n), s)),
            further: v.witness.build(n),
            halfway: match (v.complexity, last) {
                (crate::Complexity::Polynomial(_), Some((m, _))) => {
                    Some(v.witness.build(m.saturating_mul(2)))
                }
                _ => None,
            },
            long: (v.witness.build(k), v.witness.build(4 * k)),
        }
    }
}

/// Twice the original's steps at `n` pumps, extrapolated from its last two
/// measurements (`None` when the last one hit the step limit, a lower
/// bound only). The growth between them is taken as the rate: for a
/// polynomial it only slows down as `n` grows, and an exponential keeps
/// it.
fn further_bound(v: &Vulnerability, n: usize) -> Option<u64> {
    let [.., (n0, s0), (n1, s1)] = v.steps[..] else {
        return None;
    };
    if s1 >= Budget::default().max_matcher_steps || s0 == 0 || n1 <= n0 || n <= n1 {
        return None;
    }
    let rate = (s1 as f64 / s0 as f64).max(1.0);
    let est = match v.complexity {
        crate::Complexity::Exponential => s1 as f64 * rate.powf((n - n1) as f64 / (n1 - n0) as f64),
        crate::Complexity::Polynomial(_) => {
            s1 as f64 * rate.powf((n as f64 / n1 as f64).ln() / (n1 as f64 / n0 as f64).ln())
        }
    };
    (est.is_finite() && est < u64::MAX as f64 / 4.0).then(|| 2 * est as u64)
}

/// `a` grows more slowly than `b`.
fn less_steep(a: crate::Complexity, b: crate::Complexity) -> bool {
    use crate::Complexity::{Exponential, Polynomial};
    match (a, b) {
        (Polynomial(_), Exponential) => true,
        (Polynomial(j), Polynomial(k)) => j < k,
        (Exponential, _) => false,
    }
}

/// What a candidate is checked against.
struct Checks<'a> {
    attack: &'a Attack,
    uses: Uses,
    /// The candidate's number for each of the original's groups, when
    /// they moved.
    group_map: Option<Vec<u32>>,
}

/// The three checks of a candidate: the inputs compared and the steps on
/// the attack before and after, or the check it failed. Cheapest first:
/// the steps on the attack, the analysis (a candidate still slow elsewhere
/// goes to the next round, whose start is checked for behaviour then), the
/// behaviour (automata, else inputs), the growth on the long attacks, and
/// a run of the original on a longer attack, the dearest, last and only
/// when the measured attack does not already show the cut.
fn verify(
    pattern: &str,
    flags: &str,
    candidate: &str,
    checks: &Checks,
    memo: &mut equiv::Memo,
) -> Result<(usize, u64, u64), Failed> {
    let Checks {
        attack,
        uses,
        ref group_map,
    } = *checks;
    let Some(stepper) = crate::explain::Stepper::new(candidate, flags) else {
        return Err("it does not parse".to_string().into());
    };
    let at_measured = attack.measured.as_ref().and_then(|(input, before)| {
        let needed = before / 100;
        let (after, _) = stepper.steps(input, needed.saturating_add(1));
        (after <= needed).then_some((*before, after))
    });
    let limit = STEP_LIMIT / 100;
    let mut too_slow = None;
    let after = match at_measured {
        Some((_, after)) => after,
        None => {
            // Past a fiftieth of what the original should take, the
            // candidate would fail the last check: stop it there.
            let cap = attack
                .further_bound
                .map_or(limit, |b| (b / 100).saturating_add(1).min(limit));
            let after = stepper.steps(&attack.further, cap).0;
            if after >= cap {
                let why = match attack.further_bound {
                    Some(b) if cap < limit => format!(
                        "{cap} steps or more on the attack, where the original takes about {}",
                        b / 2
                    ),
                    _ => format!("{cap} steps or more on the attack"),
                };
                // Slower than a fiftieth, it may still be a step on the
                // way (a cubic search made quadratic), when there is a
                // class between it and linear: the analysis says whether a
                // next round has something to start from.
                if cap >= limit || attack.complexity == crate::Complexity::Polynomial(2) {
                    return Err(why.into());
                }
                too_slow = Some(why);
            }
            after
        }
    };
    match crate::analyze_thoroughly(candidate, flags, &Budget::default()) {
        Verdict::Vulnerable(left) => {
            // Too slow on the attack, it is a step on the way only if its
            // slow repetition is of a lower class.
            if too_slow.is_none() || less_steep(left.complexity, attack.complexity) {
                return Err(Failed::StillSlow(Box::new(left)));
            }
        }
        Verdict::Unknown(why) => return Err(format!("its analysis gave up: {why}").into()),
        Verdict::Safe => {}
    }
    if let Some(why) = too_slow {
        return Err(why.into());
    }
    // Whole-string patterns whose groups are not read: the automata
    // decide, exactly. Otherwise the behaviour on the check's inputs.
    let inputs = match crate::unambiguous::same_language(pattern, candidate, flags) {
        Some(false) => {
            return Err("matches other strings (its automaton differs)"
                .to_string()
                .into())
        }
        Some(true) if !uses.groups => 0,
        _ => {
            let opts = equiv_options(uses, group_map.clone());
            match equiv::compare_remembering(pattern, candidate, flags, &opts, memo)? {
                Equivalence::Same(c) => c.inputs,
                Equivalence::Differ(d) => {
                    return Err(format!("matches differently on {:?}", d.input).into())
                }
            }
        }
    };
    let (one, four) = &attack.long;
    let grows = |input: &str| stepper.steps(input, limit).0;
    let (s1, s4) = (grows(one), grows(four));
    if s1 >= limit {
        return Err(format!(
            "{limit} steps or more on the attack at {} characters",
            one.chars().count()
        )
        .into());
    }
    if s4 >= limit || s4 > s1 * 9 / 2 + 1_000 {
        return Err(
            format!("its steps grow from {s1} to {s4} on an attack four times longer").into(),
        );
    }
    if let Some((before, after)) = at_measured {
        return Ok((inputs, before, after));
    }
    // Halfway to `further` the original's run to a hundred times the
    // candidate's is half as long, and often far enough.
    if let Some(halfway) = &attack.halfway {
        let after = stepper.steps(halfway, limit).0;
        let needed = after.saturating_mul(100);
        let before =
            matcher_steps(pattern, flags, halfway, needed.saturating_add(1)).map_or(0, |(s, _)| s);
        if after < limit && before > needed {
            return Ok((inputs, before, after));
        }
    }
    let needed = after.saturating_mul(100);
    let before = matcher_steps(pattern, flags, &attack.further, needed.saturating_add(1))
        .map_or(0, |(s, _)| s);
    if before <= needed {
        return Err(
            format!("{after} steps on the attack against {before}: not a hundredth").into(),
        );
    }
    Ok((inputs, before, after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    fn vulnerable(pattern: &str, flags: &str) -> Vulnerability {
        match analyze(pattern, flags, &Budget::default()) {
            Verdict::Vulnerable(v) => v,
            other => panic!("/{pattern}/{flags}: {other:?}"),
        }
    }

    #[test]
    fn the_bound_on_the_further_attack_is_above_the_original_and_near_it() {
        for (pattern, flags) in [(r"\s+$", ""), (r"a*a*a*b", ""), (r"\d+\.?\d+x", "g")] {
            let v = vulnerable(pattern, flags);
            let a = Attack::of(&v);
            let (actual, exhausted) = matcher_steps(pattern, flags, &a.further, u64::MAX).unwrap();
            assert!(!exhausted);
            let bound = a.further_bound.unwrap_or(u64::MAX);
            assert!(
                bound >= actual && bound <= actual.saturating_mul(4),
                "/{pattern}/: {bound} against {actual} ({:?})",
                v.steps
            );
        }
    }

    fn uses(groups: bool, flags: &str) -> Uses {
        Uses {
            groups,
            all_matches: flags.contains('g'),
        }
    }

    fn fixed(pattern: &str, flags: &str, keep: bool) -> Rewrite {
        let v = vulnerable(pattern, flags);
        match rewrite(pattern, flags, &v, uses(keep, flags)) {
            Ok(r) => r,
            Err(e) => panic!("/{pattern}/{flags}: no rewrite: {:?}", e.tried),
        }
    }

    #[test]
    fn nested_quantifiers_collapse() {
        let r = fixed(r"^(a+)+$", "", true);
        assert_eq!(r.pattern, r"^(a+)$");
        assert_eq!(r.strategy, "collapse");
        assert!(!r.renumbers_groups);
        assert!(r.steps.1 * 100 <= r.steps.0, "{:?}", r.steps);
        let r = fixed(r"^(?:\d+)+x$", "", true);
        assert_eq!(r.pattern, r"^(?:\d+)x$");
        let r = fixed(r"^(?:[a-z]+)*$", "i", false);
        assert!(!r.pattern.contains(")*)"), "{}", r.pattern);
    }

    #[test]
    fn a_trailing_star_run_is_rewritten_only_for_its_first_match() {
        // `\s*$` also matches empty after the run, which a global replace
        // would see: without `g` the lookbehind alone, with it the empty
        // match gets its own alternative.
        assert_eq!(fixed(r"\s*$", "", true).pattern, r"(?<!\s)\s*$");
        assert_eq!(fixed(r"\s*$", "g", true).pattern, r"(?<!\s)\s*$|(?<=\s)$");
    }

    #[test]
    fn a_lookbehind_of_first_characters_is_checked_like_any_candidate() {
        // Forbidding a start after `\r` loses the match of `\r\n` after a
        // lone `\r`: the behaviour check finds the input and no rewrite is
        // offered.
        let v = vulnerable(r"(?:\r?\n)+$", "");
        let e = rewrite(r"(?:\r?\n)+$", "", &v, uses(true, "")).unwrap_err();
        let class = e
            .tried
            .iter()
            .find(|(t, _)| t.starts_with(r"(?<![\n\r])"))
            .expect("the first-character candidate is tried");
        assert!(class.1.starts_with("matches differently"), "{class:?}");
    }

    #[test]
    fn a_run_after_a_copy_of_its_body_starts_where_the_run_starts() {
        assert_eq!(fixed(r"\s\s*$", "", true).pattern, r"(?<!\s)\s\s*$");
    }

    #[test]
    fn a_global_star_run_keeps_its_empty_match_at_the_end() {
        let r = fixed(r"^\s*|\s*$", "g", true);
        assert_eq!(r.pattern, r"^\s*|(?<!\s)\s*$|(?<=\s)$");
        let r = fixed(r"[ \t]*$", "gm", true);
        assert_eq!(r.pattern, r"(?<![ \t])[ \t]*$|(?<=[ \t])$");
    }

    #[test]
    fn a_trailing_run_in_an_alternative_starts_where_the_run_starts() {
        let r = fixed(r"^\s+|\s+$", "g", true);
        assert_eq!(r.pattern, r"^\s+|(?<!\s)\s+$");
    }

    #[test]
    fn a_trailing_run_starts_where_the_run_starts() {
        let r = fixed(r"\s+$", "", true);
        assert_eq!(r.pattern, r"(?<!\s)\s+$");
        assert_eq!(r.strategy, "start of run");
        let r = fixed(r"[ \t]+$", "g", true);
        assert_eq!(r.pattern, r"(?<![ \t])[ \t]+$");
    }

    #[test]
    fn a_possessive_loop_that_keeps_the_matches_is_offered() {
        // The greedy loop reaches `$` with every `a`, so making it atomic
        // loses no match; the check proves it on its inputs.
        // (Under an inline modifier, where the automaton does not read.)
        let r = fixed(r"^(?i:a|aa)+$", "", false);
        assert_eq!(r.strategy, "atomic");
        assert!(!r.renumbers_groups, "its group comes last");
        assert_eq!(r.pattern, r"^(?=((?i:a|aa)+))\1$");
    }

    #[test]
    fn a_run_whose_language_is_all_that_matters_is_read_off_its_automaton() {
        // Groups not read: the group in the run goes.
        let r = fixed(r"^(a|aa)+$", "", false);
        assert_eq!(r.strategy, "automaton");
        assert!(r.renumbers_groups);
        assert_eq!(r.pattern, r"^a+$");
        // Groups read: only runs without one; `(\d+)` stays.
        let r = fixed(r"^(\d+)x(?:a|aa)+$", "", true);
        assert_eq!(r.pattern, r"^(\d+)xa+$");
        assert!(!r.renumbers_groups);
        // A whole-string check, as a person would write it.
        let r = fixed(r"^\S+@\S+\.\S+$", "", true);
        assert_eq!(r.pattern, r"^\S[^\s@]*@\S[^\s.]*\.\S+$");
        // Under `i` the folded letters are left to the flag.
        let r = fixed(r"^(?:[a-z]+\.?[a-z]+)+$", "i", true);
        assert!(!r.pattern.contains("A-Z"), "{}", r.pattern);
        // A search: the run's rewrite keeps every match of a global replace.
        let r = fixed(r#"=\s*['"]? *(\w+)"#, "g", true);
        assert_eq!(r.pattern, r#"=\s*(?:["'] *)?(\w+)"#);
    }

    #[test]
    fn a_rewrite_still_slow_elsewhere_is_rewritten_again() {
        let r = fixed(r"[0-9]*[a-z]+|[x/]+(\s*?y+){1,2}", "i", false);
        assert!(r.strategy.contains(", then "), "{}", r.strategy);
    }

    #[test]
    fn a_candidate_that_changes_matches_fails_its_check() {
        // Possessive, the loop cannot give back the `a` that `ab` needs.
        let pattern = r"^(a+)+ab$";
        let v = vulnerable(pattern, "");
        let attack = Attack::of(&v);
        let checks = Checks {
            attack: &attack,
            uses: uses(false, ""),
            group_map: None,
        };
        let e = verify(
            pattern,
            "",
            r"^(?=((a+)+))\1ab$",
            &checks,
            &mut equiv::Memo::default(),
        )
        .unwrap_err();
        // (The analysis, which over-approximates the lookahead, already
        // refuses it; the behaviour check would too.)
        match e {
            Failed::StillSlow(_) => {}
            Failed::Check(e) => assert!(e.starts_with("matches differently"), "{e}"),
        }
        let opts = EquivOptions {
            keep_groups: Some(Vec::new()),
            ..EquivOptions::default()
        };
        assert!(matches!(
            equiv::compare(pattern, r"^(?=((a+)+))\1ab$", "", &opts),
            Ok(Equivalence::Differ(_))
        ));
        // Still slow.
        let e = verify(
            pattern,
            "",
            r"^(a+)+ab$",
            &checks,
            &mut equiv::Memo::default(),
        )
        .unwrap_err();
        assert!(matches!(&e, Failed::Check(e) if e.contains("steps")));
        // The collapse is the one offered.
        assert_eq!(fixed(pattern, "", true).pattern, r"^(a+)ab$");
    }

    #[test]
    fn an_atomic_group_added_last_keeps_the_numbers() {
        // `(\d+)` keeps number 1; the lookahead's group is 2, after it.
        let r = fixed(r"^(\d+)x(?i:a|aa)+$", "", true);
        assert_eq!(r.pattern, r"^(\d+)x(?=((?i:a|aa)+))\2$");
        assert!(!r.renumbers_groups);
    }

    #[test]
    fn kept_groups_refuse_a_renumbering() {
        let v = vulnerable(r"^(?:a+)+b$", "");
        let r = rewrite(r"^(?:a+)+b$", "", &v, uses(true, "")).unwrap();
        assert!(!r.renumbers_groups);
    }

    #[test]
    fn read_groups_may_move_when_each_keeps_its_span() {
        // The new group comes first: `(x)` is group 2 of the rewrite, and
        // the check compares it with group 1 of the original.
        let r = fixed(r"^(?i:a|aa)+(x)$", "", true);
        assert_eq!(r.pattern, r"^(?=((?i:a|aa)+))\1(x)$");
        assert!(r.renumbers_groups);
        assert_eq!(r.moved_groups, vec![(1, 2)]);
        // Dropping a read group is never offered: `^a+$` is not, the
        // atomic form, which keeps the group's span as group 2, is.
        let r = fixed(r"^(a|aa)+$", "", true);
        assert_eq!(r.pattern, r"^(?=((a|aa)+))\1$");
        assert_eq!(r.moved_groups, vec![(1, 2)]);
    }

    #[test]
    fn the_check_follows_a_group_to_its_new_number() {
        let map = |m: Option<Vec<u32>>| EquivOptions {
            group_map: m,
            ..EquivOptions::default()
        };
        let same = |m| {
            matches!(
                equiv::compare(r"^(a)b$", r"^()(a)b$", "", &map(m)),
                Ok(Equivalence::Same(_))
            )
        };
        assert!(same(Some(vec![2])));
        assert!(!same(None));
        assert!(!same(Some(vec![1])));
    }
}
