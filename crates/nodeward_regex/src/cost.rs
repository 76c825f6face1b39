//! What a confirmed attack costs at a given input size: the matcher's step
//! counts extrapolated along the measured growth, and the time V8's
//! backtracking engine needs for that many steps.
//!
//! The time per step was calibrated against Node 20 (V8 irregexp) on a
//! two-core x86-64 server: each polynomial fixture of testdata/rules/redos
//! was run in Node at its bound (16 KiB to 1 MiB) on the attack string the
//! finding quotes, and one matcher step cost between 0.16 and 0.6 ns,
//! median 0.33 ns (the regexes differ in how much work V8 does per
//! backtrack). The shared evaluation set, timed on a colder, slower setup,
//! shows a median of 1.2 ns; tests/cost.rs keeps the constant within that
//! range. A slower machine blocks for longer than the estimate.

use crate::{Complexity, Vulnerability};

/// Nanoseconds V8 spends on one step of the step-counting matcher.
pub const NS_PER_STEP: f64 = 0.35;

impl Vulnerability {
    /// Matcher steps for `pumps` repetitions of the pump, extrapolated from
    /// the largest measurement along `n^k` (exponential: doubling per pump).
    pub fn steps_at(&self, pumps: usize) -> f64 {
        let Some(&(n, s)) = self.steps.iter().max_by_key(|(n, _)| *n) else {
            return 0.0;
        };
        let (n, s, pumps) = (n.max(1) as f64, s as f64, pumps as f64);
        match self.complexity {
            Complexity::Exponential => s * 2f64.powf((pumps - n).min(1024.0)),
            Complexity::Polynomial(k) => s * (pumps / n).powi(k as i32),
        }
    }

    /// The most repetitions of the pump an input of `bytes` bytes (UTF-8)
    /// holds with the prefix and suffix.
    pub fn pumps_within(&self, bytes: u64) -> usize {
        let w = &self.witness;
        let fixed = (w.prefix.len() + w.suffix.len()) as u64;
        let pump = w.pump.len().max(1) as u64;
        (bytes.saturating_sub(fixed) / pump) as usize
    }

    /// Milliseconds one match attempt on an input of `bytes` bytes built
    /// from the witness blocks the event loop, as estimated.
    pub fn millis_at(&self, bytes: u64) -> f64 {
        self.steps_at(self.pumps_within(bytes)) * NS_PER_STEP / 1e6
    }
}
