//! JavaScript regex parsing and ReDoS analysis with verified attack strings.
//!
//! [`analyze`] decides whether a regex can backtrack catastrophically in V8's
//! Irregexp engine (Node.js) and, if so, returns an attack string that has been
//! confirmed to be slow. The pipeline:
//!
//! 1. `parse`: swc's ECMAScript regex parser, lowered to a compact IR with flags
//!    resolved (case folding, `.`, modifiers) and V8's disjunction rewrites;
//! 2. `nfa`: an ordered, epsilon-free automaton with V8's implicit `.*?` search
//!    loop for unanchored patterns and the ECMAScript empty check;
//! 3. `ambiguity`: exponential (EDA) and polynomial (IDA chains) ambiguity;
//! 4. `witness`: attack strings `prefix + pump^n + suffix` whose suffix makes
//!    the ambiguous threads fail;
//! 5. `confirm`: a step-counting backtracking matcher with JavaScript semantics
//!    (`matcher`, compiled by `compile`) measures the candidates. Only
//!    confirmed growth is reported, with the measurements.
//!
//! The automaton over-approximates lookarounds, backreferences, word
//! boundaries and large counted repeats; the matcher models all of them
//! exactly, so those approximations can only cost recall, never precision, and
//! they are flagged in [`Vulnerability::approximate`].
//!
//! Everything is bounded by a [`Budget`]; running out gives `Verdict::Unknown`.

mod alphabet;
mod ambiguity;
mod bits;
pub mod budget;
pub mod charset;
mod class_text;
mod compile;
mod confirm;
pub mod cost;
mod deliver;
mod eliminate;
mod epsilon;
pub mod equiv;
mod explain;
pub mod flags;
mod ir;
pub mod matcher;
mod nfa;
mod parse;
mod quick_check;
pub mod rewrite;
mod sample;
mod simulate;
mod unambiguous;
mod unicode;
mod witness;

use std::panic::{catch_unwind, AssertUnwindSafe};

pub use budget::Budget;
pub use charset::CharSet;
pub use deliver::deliverable;
#[doc(hidden)]
pub use explain::{attack_grows, explain, matcher_steps};
pub use flags::RegexFlags;
pub use witness::{js_quote, Witness};

use budget::{Clock, Exhausted, Meter};
use confirm::{Confirmer, Growth};
use matcher::Search;

/// How matching time grows with the attack length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Complexity {
    Exponential,
    /// Degree of the polynomial, at least 2.
    Polynomial(u32),
}

/// A confirmed catastrophic-backtracking vulnerability.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Vulnerability {
    pub complexity: Complexity,
    pub witness: Witness,
    /// The automaton over-approximated part of the pattern (lookarounds,
    /// backreferences, word boundaries, large counted repeats). The attack is
    /// still confirmed by the matcher; the flag says the static class may be
    /// less exact than for plain patterns.
    pub approximate: bool,
    /// Byte span, in the pattern source, of the repetition that backtracks.
    pub loop_span: Option<(u32, u32)>,
    /// Confirmation measurements: (pump count, matcher steps).
    pub steps: Vec<(usize, u64)>,
    /// The blow-up comes from trying the pattern at every start position
    /// (unanchored `test`/`exec`/`match`/`replace`/`split`); a pattern used only
    /// with `y`, or anchored by the caller, would not show it.
    pub needs_search_loop: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "verdict", content = "detail", rename_all = "snake_case")]
pub enum Verdict {
    /// No confirmed super-linear behaviour.
    Safe,
    Vulnerable(Vulnerability),
    /// The pattern could not be parsed, or a budget ran out.
    Unknown(String),
}

impl Verdict {
    pub fn is_vulnerable(&self) -> bool {
        matches!(self, Verdict::Vulnerable(_))
    }
}

/// Analyzes a JavaScript regex. `pattern` is the source between the slashes of a
/// literal (or the string given to `RegExp`), `flags` its flags.
///
/// Deterministic for a given budget; the wall-clock limit in the budget is only
/// a safety net and turns into `Unknown` when hit.
pub fn analyze(pattern: &str, flags: &str, budget: &Budget) -> Verdict {
    catch_unwind(AssertUnwindSafe(|| {
        analyze_inner(pattern, flags, budget, Scope::All).0
    }))
    .unwrap_or_else(|_| internal_error())
}

/// What [`screen`] found: the exponential verdict, and whether polynomial
/// candidates remain unmeasured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screen {
    /// `Vulnerable` only with an exponential attack; `Safe` when there is none.
    pub exponential: Verdict,
    /// Polynomial ambiguity the matcher has not measured: [`analyze`] decides.
    pub may_be_polynomial: bool,
}

/// [`analyze`] without measuring polynomial candidates, which most callers
/// need only for a regex that runs on client data: confirming them is most of
/// the matcher's work. The exponential verdict is the one `analyze` gives,
/// except that no budget goes to polynomial candidates first; when the budget
/// runs out anyway, the full analysis decides.
pub fn screen(pattern: &str, flags: &str, budget: &Budget) -> Screen {
    catch_unwind(AssertUnwindSafe(|| {
        match analyze_inner(pattern, flags, budget, Scope::Exponential) {
            (Verdict::Unknown(_), _) => {
                let full = analyze_inner(pattern, flags, budget, Scope::All).0;
                let poly = matches!(&full, Verdict::Vulnerable(v) if v.complexity != Complexity::Exponential);
                let exponential = if poly { Verdict::Safe } else { full };
                Screen {
                    exponential,
                    may_be_polynomial: poly,
                }
            }
            (exponential, may_be_polynomial) => Screen {
                exponential,
                may_be_polynomial,
            },
        }
    }))
    .unwrap_or_else(|_| Screen {
        exponential: internal_error(),
        may_be_polynomial: false,
    })
}

/// [`analyze`] that also tries, for polynomial candidates, the suffixes it
/// otherwise keeps for exponential ones: what a rewrite must pass, where a
/// missed polynomial would be offered as a fix. It stops at the first slow
/// repetition it confirms, which need not be the steepest: any one refuses
/// the rewrite, and the next round of repair starts from it. For the same
/// reason a polynomial's measurements stop once they show the growth
/// (`Confirmer::early`).
pub fn analyze_thoroughly(pattern: &str, flags: &str, budget: &Budget) -> Verdict {
    catch_unwind(AssertUnwindSafe(|| {
        analyze_inner(pattern, flags, budget, Scope::Thorough).0
    }))
    .unwrap_or_else(|_| internal_error())
}

fn internal_error() -> Verdict {
    Verdict::Unknown("internal error while analysing the pattern".to_string())
}

/// Which candidates the matcher measures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    All,
    Exponential,
    /// All, with every suffix a witness may need ([`analyze_thoroughly`]).
    Thorough,
}

/// The verdict, and (for `Scope::Exponential`) whether polynomial candidates
/// were left unmeasured.
fn analyze_inner(pattern: &str, flags: &str, budget: &Budget, scope: Scope) -> (Verdict, bool) {
    analyze_in(pattern, flags, budget, scope, None)
}

/// [`analyze`] for inputs made only of the characters in `within` (a
/// header value carries no line break): the attack strings are searched
/// among those characters only, and measured on the pattern as written.
pub fn analyze_within(pattern: &str, flags: &str, budget: &Budget, within: &CharSet) -> Verdict {
    catch_unwind(AssertUnwindSafe(|| {
        analyze_in(pattern, flags, budget, Scope::All, Some(within)).0
    }))
    .unwrap_or_else(|_| internal_error())
}

fn analyze_in(
    pattern: &str,
    flags: &str,
    budget: &Budget,
    scope: Scope,
    within: Option<&CharSet>,
) -> (Verdict, bool) {
    let flags = match RegexFlags::parse(flags) {
        Ok(f) => f,
        Err(e) => return (Verdict::Unknown(e), false),
    };
    let re = match parse::parse(pattern, &flags, budget) {
        Ok(r) => r,
        Err(e) => return (Verdict::Unknown(e), false),
    };
    let mut clock = Clock::new(budget.time_limit);
    let mut skipped = false;
    match find(&re, &flags, budget, &mut clock, scope, within, &mut skipped) {
        Ok(v) => (v, skipped),
        Err(Exhausted(reason)) => (Verdict::Unknown(reason), skipped),
    }
}

fn find(
    re: &ir::Regex,
    flags: &RegexFlags,
    budget: &Budget,
    clock: &mut Clock,
    scope: Scope,
    within: Option<&CharSet>,
    skipped: &mut bool,
) -> Result<Verdict, Exhausted> {
    // The automaton sees only the characters the input can hold; the
    // matcher runs the pattern as written.
    let restricted = within.map(|w| re.within(w));
    let shape = restricted.as_ref().unwrap_or(re);
    let allowed =
        |w: &Witness| within.is_none_or(|set| w.build(1).chars().all(|c| set.contains(c as u32)));
    // V8 adds its `.*?` search loop unless the pattern is sticky or anchored.
    let search = !flags.sticky && !re.root.anchored_at_start();
    let mut nfa = nfa::build(shape, search, budget, clock)?;
    if let Some(set) = within {
        // Characters outside the input's never appear in a witness: an atom
        // with none of them (the one no set matches) cannot be written.
        let a = &mut nfa.alphabet;
        a.reps = a
            .atoms
            .iter()
            .map(|x| x.intersect(set).representative())
            .collect();
    }
    let mut work = Meter::new(budget.max_search_work, "ambiguity search");
    let amb = ambiguity::analyze(&nfa, &mut work, clock)?;
    if amb.eda.is_empty() && amb.ida.is_empty() {
        return Ok(Verdict::Safe);
    }
    let prog = compile::Program::compile(re);
    let cands = witness::candidates(
        &nfa,
        &amb,
        &witness::Setting {
            global: flags.global,
            one_byte_pruned: prog.one_byte.is_some(),
            blockers: &shape.negative_lookahead_blockers(),
            limit: budget.max_candidates,
            thorough: scope == Scope::Thorough,
        },
        &mut work,
        clock,
    )?;
    let mut confirmer = Confirmer {
        prog: &prog,
        search: Search::from_flags(flags.global, flags.sticky),
        per_run: budget.max_matcher_steps,
        total: Meter::new(budget.max_total_matcher_steps, "matcher"),
        early: scope == Scope::Thorough,
    };
    let mut best: Option<Vulnerability> = None;
    let behind_texts = if re.has_lookaround {
        sample::lookbehind_texts(re)
    } else {
        Vec::new()
    };
    let approximate = nfa.approximate;
    let vuln = |c: &witness::Candidate, w: &Witness, complexity, steps| Vulnerability {
        complexity,
        witness: w.clone(),
        approximate,
        loop_span: c.loop_span,
        steps,
        needs_search_loop: c.needs_search_loop,
    };
    for c in &cands {
        let best_degree = match &best {
            Some(Vulnerability {
                complexity: Complexity::Polynomial(k),
                ..
            }) => *k,
            _ => 0,
        };
        // The same attacks after text a positive lookbehind asks for.
        let behind: Vec<Witness> = behind_texts
            .iter()
            .map(|t| Witness {
                prefix: format!("{t}{}", c.witness.prefix),
                ..c.witness.clone()
            })
            .collect();
        let result = (|| -> Result<Option<Vulnerability>, Exhausted> {
            if !c.exponential && best_degree >= c.degree.max(2) {
                return Ok(None);
            }
            for w in std::iter::once(&c.witness)
                .chain(&c.variants)
                .chain(&behind)
                .filter(|w| allowed(w))
            {
                if c.exponential {
                    let (g, steps) = confirmer.exponential(w, clock)?;
                    if g == Growth::Exponential {
                        return Ok(Some(vuln(c, w, Complexity::Exponential, steps)));
                    }
                }
                if scope == Scope::Exponential {
                    *skipped = true;
                    continue;
                }
                let (g, steps) = confirmer.polynomial(w, clock)?;
                if let Growth::Polynomial(k) = g {
                    if k > best_degree {
                        return Ok(Some(vuln(c, w, Complexity::Polynomial(k), steps)));
                    }
                }
            }
            Ok(None)
        })();
        match result {
            Ok(Some(v)) if v.complexity == Complexity::Exponential => {
                return Ok(Verdict::Vulnerable(v));
            }
            // A rewrite candidate is refused by any slow repetition: no
            // need to look for a steeper one.
            Ok(Some(v)) if scope == Scope::Thorough => return Ok(Verdict::Vulnerable(v)),
            Ok(Some(v)) => best = Some(v),
            Ok(None) => {}
            Err(e) => {
                return match best {
                    Some(v) => Ok(Verdict::Vulnerable(v)),
                    None => Err(e),
                }
            }
        }
    }
    Ok(match best {
        Some(v) => Verdict::Vulnerable(v),
        None => Verdict::Safe,
    })
}
