//! Confirmation of candidate attacks with the step-counting matcher.
//!
//! Step counts are exact and deterministic, so a few measurements suffice:
//!
//! * exponential: the pump count `n` grows one by one until the step limit of a
//!   run is hit; the attack is exponential when the growth ratio over two pumps
//!   stays at 2 or more without shrinking (for a polynomial it tends to 1);
//! * polynomial: `n` doubles (4, 8, 16, …) and the degree is read off the
//!   linear-detrended counts `D(n) = s(2n) - 2 s(n)`, which grow by exactly 2^k
//!   per doubling for `s(n) = a n^k + b n + c`, so constant and linear overheads
//!   (the prefix, the suffix, a linear scan) cancel out.

use crate::budget::{Clock, Exhausted, Meter};
use crate::compile::{Inst, Program};
use crate::matcher::{self, Search};
use crate::witness::Witness;

/// What a confirmation found.
#[derive(Clone, Debug, PartialEq)]
pub enum Growth {
    Exponential,
    Polynomial(u32),
    /// Not super-linear within the budget.
    None,
}

pub struct Confirmer<'a> {
    pub prog: &'a Program,
    pub search: Search,
    pub per_run: u64,
    pub total: Meter,
    /// Only whether the witness is slow is wanted (a rewrite candidate),
    /// not its exact class or degree: a polynomial confirmation stops as
    /// soon as its counts, past [`EARLY`] steps, show the growth (one not
    /// yet shown is still measured to the full size), and an exponential
    /// one once large counts grow too slowly for an exponential, leaving
    /// the witness to the polynomial measurement.
    pub early: bool,
}

/// Counts large enough to take a super-linear growth they show as real.
const EARLY: u64 = 40_000;

impl<'a> Confirmer<'a> {
    fn measure(
        &mut self,
        w: &Witness,
        n: usize,
        clock: &mut Clock,
    ) -> Result<(u64, bool), Exhausted> {
        clock.check()?;
        let input = matcher::to_units(&w.build(n), self.prog.unicode);
        let r = matcher::run(self.prog, &input, self.search, self.per_run);
        self.total.spend(r.steps, clock)?;
        Ok((r.steps, r.exhausted))
    }

    /// Measurements `(n, steps)` and the growth they show.
    ///
    /// For an exponential the two-pump ratio `R(n) = s(n) / s(n-2)` stays
    /// constant, while for a polynomial of degree k it is `(n/(n-2))^k`, which
    /// shrinks as `n` grows. Two consecutive ratios of at least 1.8 and 2 that do
    /// not shrink mean exponential; so do three single-pump ratios of at least 3
    /// that do not shrink (fast growth that soon exhausts the step limit). Growth so fast that the step limit is hit
    /// within a few pumps is judged by the local degree `ln R(n) / ln(n/(n-2))`:
    /// it rises with `n` for an exponential and falls towards k for a
    /// polynomial (also a shifted one, `(n - n0)^k`). A run that exhausts its
    /// step limit counts with the limit as a lower bound.
    pub fn exponential(
        &mut self,
        w: &Witness,
        clock: &mut Clock,
    ) -> Result<(Growth, Vec<(usize, u64)>), Exhausted> {
        const MAX_N: usize = 64;
        let mut steps: Vec<(usize, u64)> = Vec::new();
        let ratio =
            |s: &[(usize, u64)], i: usize| -> f64 { s[i].1 as f64 / s[i - 2].1.max(1) as f64 };
        let degree = |s: &[(usize, u64)], i: usize| -> f64 {
            ratio(s, i).ln() / (s[i].0 as f64 / s[i - 2].0 as f64).ln()
        };
        for n in 1..=MAX_N {
            let (s, ex) = self.measure(w, n, clock)?;
            steps.push((n, s));
            let i = steps.len() - 1;
            if i >= 5 {
                let (r1, r0) = (ratio(&steps, i), ratio(&steps, i - 2));
                if r1 >= 2.0 && r0 >= 1.8 && r1 >= 0.92 * r0 && (ex || s >= 10_000) {
                    return Ok((Growth::Exponential, thin(steps)));
                }
            }
            // Single-pump ratios of at least 3, three in a row, not shrinking:
            // for a polynomial they shrink fast at small `n` (and tend to 1).
            if i >= 3 && !ex && s >= 200_000 {
                let r = |j: usize| steps[j].1 as f64 / steps[j - 1].1.max(1) as f64;
                let (r2, r1, r0) = (r(i), r(i - 1), r(i - 2));
                if r0 >= 3.0 && r1 >= 0.9 * r0 && r2 >= 0.9 * r1 {
                    return Ok((Growth::Exponential, thin(steps)));
                }
            }
            if i >= 4 && (ex || s >= 100_000) {
                let (k2, k1, k0) = (
                    degree(&steps, i),
                    degree(&steps, i - 1),
                    degree(&steps, i - 2),
                );
                if k2 >= 6.0 && k2 > k1 && k1 > k0 {
                    return Ok((Growth::Exponential, thin(steps)));
                }
            }
            // Counts already large that grow by less than half over two
            // pumps, twice: whatever it is, the polynomial measurement
            // that follows will tell, when only the class is wanted.
            if self.early
                && i >= 5
                && s >= 10_000
                && ratio(&steps, i) < 1.5
                && ratio(&steps, i - 1) < 1.5
            {
                break;
            }
            if ex {
                // Hit within four pumps, from a small start: nothing but an
                // exponential grows this fast on such short inputs.
                if n <= 4 && steps[0].1.saturating_mul(100) <= self.per_run {
                    return Ok((Growth::Exponential, thin(steps)));
                }
                break;
            }
        }
        Ok((Growth::None, thin(steps)))
    }

    pub fn polynomial(
        &mut self,
        w: &Witness,
        clock: &mut Clock,
    ) -> Result<(Growth, Vec<(usize, u64)>), Exhausted> {
        const START: usize = 4;
        const MAX_N: usize = 1 << 14;
        const ENOUGH: u64 = 150_000;
        let mut steps: Vec<(usize, u64)> = Vec::new();
        let mut n = START;
        let mut best: Option<f64> = None;
        let mut exhausted_at = None;
        let settle = settle_point(self.prog);
        while n <= MAX_N {
            let (s, ex) = self.measure(w, n, clock)?;
            if ex {
                exhausted_at = Some(n);
                break;
            }
            steps.push((n, s));
            if settled_linear(&steps, settle) {
                break;
            }
            let k = steps.len();
            if k >= 3 {
                let (s0, s1, s2) = (
                    steps[k - 3].1 as f64,
                    steps[k - 2].1 as f64,
                    steps[k - 1].1 as f64,
                );
                let (d0, d1) = (s1 - 2.0 * s0, s2 - 2.0 * s1);
                best = (d0 > 0.0 && d1 > 0.0).then(|| (d1 / d0).log2());
                if s2 as u64 >= ENOUGH
                    || (self.early && s2 as u64 >= EARLY && best.is_some_and(|e| e >= 1.5))
                {
                    break;
                }
            }
            n *= 2;
        }
        if steps.is_empty() && exhausted_at == Some(START) {
            // Already past the limit at the first size (a high degree, or a long
            // prefix): use the smallest sizes instead.
            for m in 1..START {
                let (s, ex) = self.measure(w, m, clock)?;
                if ex {
                    exhausted_at = Some(m);
                    break;
                }
                steps.push((m, s));
            }
            if let (Some(hi), Some(&(lo, s0))) = (exhausted_at, steps.last()) {
                if hi < START && s0 > 0 {
                    // Only a lower bound on the slope is known.
                    steps.push((hi, self.per_run));
                    best =
                        Some((self.per_run as f64 / s0 as f64).ln() / (hi as f64 / lo as f64).ln());
                }
            }
        }
        if best.is_none() {
            if let (Some(hi), Some(&(lo, _))) = (exhausted_at, steps.last()) {
                // Steep growth hit the limit within one doubling: measure in
                // between and use the log-log slope of the last two points,
                // which underestimates the degree when lower terms remain.
                for q in 1..4 {
                    let m = lo + (hi - lo) * q / 4;
                    if m <= steps.last().map_or(0, |p| p.0) {
                        continue;
                    }
                    let (s, ex) = self.measure(w, m, clock)?;
                    if ex {
                        break;
                    }
                    steps.push((m, s));
                }
                let k = steps.len();
                if k >= 2 {
                    let ((n0, s0), (n1, s1)) = (steps[k - 2], steps[k - 1]);
                    if s0 > 0 && s1 > s0 {
                        best = Some((s1 as f64 / s0 as f64).ln() / (n1 as f64 / n0 as f64).ln());
                    }
                }
            }
        }
        let growth = match best {
            Some(e) if e >= 1.5 => Growth::Polynomial((e.round() as u32).max(2)),
            _ => Growth::None,
        };
        Ok((growth, steps))
    }
}

/// The pump count from which counts that have stayed exactly linear are
/// taken to stay so. Step counts on `prefix pump^n suffix` settle into a
/// polynomial in `n` once the pump outgrows what the program can count:
/// its counted repetitions' bounds (`a{0,256}` is quadratic up to 256
/// pumps and linear past them) and its own size.
fn settle_point(prog: &Program) -> usize {
    let bound = prog
        .insts
        .iter()
        .filter_map(|i| match i {
            Inst::LoopHead { min, max, .. } => Some(max.unwrap_or(*min) as usize),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let own = prog.one_byte.as_ref().map_or(0, |p| p.insts.len());
    128usize
        .max(bound.saturating_mul(4))
        .max(prog.insts.len().max(own))
}

/// The last four counts, at doubling pump counts past `settle`, lie on one
/// line: `s(4n) - 3 s(2n) + 2 s(n)` is zero for both triples. The counts
/// are exact, and for `a n^k + b n + c` with `k >= 2` that sum is
/// `a n^k (4^k - 3 * 2^k + 2)`, never zero, so no growing term is left
/// unseen: doubling further only spends steps.
fn settled_linear(steps: &[(usize, u64)], settle: usize) -> bool {
    let k = steps.len();
    if k < 4 || steps[k - 4].0 < settle {
        return false;
    }
    let t = |i: usize| {
        let (a, b, c) = (
            steps[i].1 as i128,
            steps[i + 1].1 as i128,
            steps[i + 2].1 as i128,
        );
        c - 3 * b + 2 * a
    };
    t(k - 4) == 0 && t(k - 3) == 0
}

/// Keeps the measurement list short for reporting.
fn thin(steps: Vec<(usize, u64)>) -> Vec<(usize, u64)> {
    if steps.len() <= 8 {
        return steps;
    }
    let k = steps.len();
    steps
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i + 8 >= k)
        .map(|(_, s)| s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Budget;
    use crate::flags::RegexFlags;
    use crate::parse::parse;

    fn prog(p: &str) -> Program {
        let flags = RegexFlags::parse("").unwrap();
        Program::compile(&parse(p, &flags, &Budget::default()).unwrap())
    }

    fn poly(p: &str, prefix: &str, pump: &str, suffix: &str) -> (Growth, Vec<(usize, u64)>) {
        let prog = prog(p);
        let budget = Budget::default();
        let mut c = Confirmer {
            prog: &prog,
            search: Search::First,
            per_run: budget.max_matcher_steps,
            total: Meter::new(budget.max_total_matcher_steps, "matcher"),
            early: false,
        };
        let w = Witness {
            prefix: prefix.into(),
            pump: pump.into(),
            suffix: suffix.into(),
        };
        c.polynomial(&w, &mut Clock::new(budget.time_limit))
            .unwrap()
    }

    #[test]
    fn a_linear_count_stops_once_it_has_settled() {
        let (g, steps) = poly(r"^\s+$", "", " ", "x");
        assert_eq!(g, Growth::None);
        assert_eq!(steps.last().map(|s| s.0), Some(1024), "{steps:?}");
        // A quadratic one still doubles until its counts are large.
        let (g, steps) = poly(r"\s+$", "", " ", "x");
        assert_eq!(g, Growth::Polynomial(2));
        assert!(steps.last().unwrap().1 >= 150_000, "{steps:?}");
    }

    #[test]
    fn counted_bounds_push_the_settling_point_out() {
        assert_eq!(settle_point(&prog("a+b")), 128);
        assert_eq!(settle_point(&prog("a{0,300}b")), 1200);
        // Quadratic while the pump fits the bound: measured up to it.
        let (g, _) = poly(r"\s{0,400}$", "", " ", "x");
        assert_eq!(g, Growth::Polynomial(2));
    }

    #[test]
    fn only_exact_lines_past_the_settling_point_count() {
        let line: Vec<(usize, u64)> = [128, 256, 512, 1024]
            .iter()
            .map(|&n| (n, 3 * n as u64 + 7))
            .collect();
        assert!(settled_linear(&line, 128));
        assert!(!settled_linear(&line, 256));
        let mut bent = line.clone();
        bent[3].1 += 1;
        assert!(!settled_linear(&bent, 128));
        let square: Vec<(usize, u64)> = [128, 256, 512, 1024]
            .iter()
            .map(|&n| (n, (n * n) as u64 / 1000 + n as u64))
            .collect();
        assert!(!settled_linear(&square, 128));
    }
}
