//! Debugging aids: a trace of every analysis stage, and raw matcher step
//! counts. Used by the `explain` and `steps` examples.

use std::fmt::Write;

use crate::budget::{Budget, Clock, Meter};
use crate::confirm::Confirmer;
use crate::matcher::{self, Search};
use crate::{ambiguity, compile, nfa, parse, witness, RegexFlags};

/// A human-readable trace of the analysis (automaton size, ambiguities,
/// candidates and their measurements), for debugging verdicts.
#[doc(hidden)]
pub fn explain(pattern: &str, flags: &str, budget: &Budget) -> String {
    let mut out = String::new();
    let Ok(f) = RegexFlags::parse(flags) else {
        return "bad flags".into();
    };
    let re = match parse::parse(pattern, &f, budget) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let _ = writeln!(out, "ir: {:?}", re.root);
    let mut clock = Clock::new(budget.time_limit);
    let search = !f.sticky && !re.root.anchored_at_start();
    let nfa = match nfa::build(&re, search, budget, &mut clock) {
        Ok(n) => n,
        Err(e) => return format!("{out}nfa: {e:?}"),
    };
    let _ = writeln!(
        out,
        "states {} atoms {} search {}",
        nfa.states.len(),
        nfa.alphabet.len(),
        nfa.search
    );
    let rep = |a: usize| nfa.alphabet.reps[a].and_then(char::from_u32).unwrap_or('?');
    for (i, s) in nfa.states.iter().enumerate() {
        let items: Vec<String> = s
            .items
            .iter()
            .map(|it| match it {
                nfa::Item::Trans { to, label, mult } => {
                    let l: String = label.iter().take(6).map(rep).collect();
                    format!("->{to}[{l:?}]x{mult}")
                }
                nfa::Item::Accept { next, end, certain } => {
                    let l: String = next.iter().take(6).map(rep).collect();
                    format!("ACC[{l:?}]end={end}{}", if *certain { "" } else { "?" })
                }
            })
            .collect();
        let _ = writeln!(out, "  {i}: {}", items.join(" "));
    }
    let mut work = Meter::new(budget.max_search_work, "ambiguity search");
    let amb = match ambiguity::analyze(&nfa, &mut work, &mut clock) {
        Ok(a) => a,
        Err(e) => return format!("{out}ambiguity: {e:?}"),
    };
    for e in &amb.eda {
        let p: String = e
            .pump
            .iter()
            .filter_map(|l| l.iter().next())
            .map(rep)
            .collect();
        let _ = writeln!(out, "EDA state {} pump {p:?}", e.state);
    }
    for i in &amb.ida {
        let p: String = i
            .pump
            .iter()
            .filter_map(|l| l.iter().next())
            .map(rep)
            .collect();
        let _ = writeln!(
            out,
            "IDA {} -> {} degree {} pump {p:?}",
            i.from, i.to, i.degree
        );
    }
    let prog = compile::Program::compile(&re);
    let cands = match witness::candidates(
        &nfa,
        &amb,
        &witness::Setting {
            global: f.global,
            one_byte_pruned: prog.one_byte.is_some(),
            blockers: &re.negative_lookahead_blockers(),
            limit: budget.max_candidates,
            thorough: false,
        },
        &mut work,
        &mut clock,
    ) {
        Ok(c) => c,
        Err(e) => return format!("{out}candidates: {e:?}"),
    };
    let mut confirmer = Confirmer {
        prog: &prog,
        search: Search::from_flags(f.global, f.sticky),
        per_run: budget.max_matcher_steps,
        total: Meter::new(budget.max_total_matcher_steps, "matcher"),
        early: false,
    };
    for c in &cands {
        for w in std::iter::once(&c.witness).chain(&c.variants) {
            let _ = writeln!(
                out,
                "candidate exp={} degree={} {}",
                c.exponential,
                c.degree,
                w.attack_js(10)
            );
            if c.exponential {
                let _ = writeln!(out, "  exp: {:?}", confirmer.exponential(w, &mut clock));
            }
            let _ = writeln!(out, "  poly: {:?}", confirmer.polynomial(w, &mut clock));
        }
    }
    out
}

/// Whether a reported attack makes the step-counting matcher work
/// superlinearly, measured apart from the analysis: with `s(k)` the steps
/// on `k` pumps and `n` the largest pump count the analysis measured, the
/// linear-detrended counts `D(k) = s(2k) - 2 s(k)` are constant for linear
/// work (`a k + b` gives `-b`) and grow for superlinear work (`a k^2 + ...`
/// gives `2a k^2`); so `D(n/2)` must be positive and at least 2.5 times
/// `D(n/4)` (a quadratic quadruples it). A large constant part in each pump
/// (a hundred-character line per pump) does not hide a quadratic this way,
/// where a plain ratio `s(n) / s(n/2)` tends to 2 while the linear part
/// dominates. The fuzzers' check of every attack they see.
#[doc(hidden)]
pub fn attack_grows(pattern: &str, flags: &str, v: &crate::Vulnerability) -> bool {
    const LIMIT: u64 = 50_000_000;
    let Some(&(n, _)) = v.steps.last() else {
        return false;
    };
    let Some(stepper) = Stepper::new(pattern, flags) else {
        return false;
    };
    let steps = |k: usize| stepper.steps(&v.witness.build(k), LIMIT).0 as i128;
    let full = steps(n.max(4));
    if full >= LIMIT as i128 {
        return true;
    }
    let (quarter, half) = (steps((n / 4).max(1)), steps((n / 2).max(2)));
    let eighth = steps((n / 8).max(1));
    let d_half = full - 2 * half;
    let d_quarter = half - 2 * quarter;
    let d_eighth = quarter - 2 * eighth;
    d_half > 0 && (d_half * 2 >= d_quarter.max(1) * 5 || d_quarter * 2 >= d_eighth.max(1) * 5)
}

/// Steps the matcher takes on `input` (as `test` does, or `replace` with `g`),
/// capped at `limit`; `None` when the pattern does not parse.
#[doc(hidden)]
pub fn matcher_steps(pattern: &str, flags: &str, input: &str, limit: u64) -> Option<(u64, bool)> {
    Some(Stepper::new(pattern, flags)?.steps(input, limit))
}

/// A pattern compiled once for [`matcher_steps`] on several inputs.
pub(crate) struct Stepper {
    prog: compile::Program,
    search: Search,
}

impl Stepper {
    pub(crate) fn new(pattern: &str, flags: &str) -> Option<Stepper> {
        let f = RegexFlags::parse(flags).ok()?;
        let re = parse::parse(pattern, &f, &Budget::default()).ok()?;
        Some(Stepper {
            prog: compile::Program::compile(&re),
            search: Search::from_flags(f.global, f.sticky),
        })
    }

    /// The steps on `input`, capped at `limit`, and whether the cap was hit.
    pub(crate) fn steps(&self, input: &str, limit: u64) -> (u64, bool) {
        let units = matcher::to_units(input, self.prog.unicode);
        let r = matcher::run(&self.prog, &units, self.search, limit);
        (r.steps, r.exhausted)
    }
}
