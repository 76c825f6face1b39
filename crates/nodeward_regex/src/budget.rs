//! Limits that keep every analysis bounded.
//!
//! Each phase has a deterministic budget (sizes, states, transitions, search work,
//! matcher steps), so verdicts do not depend on machine load. Running past any of
//! them yields `Verdict::Unknown`, never `Safe`. A wall-clock deadline is checked
//! cooperatively inside every loop that can run long, as a safety net for
//! budgets that turn out to be too generous on some input.

use std::time::{Duration, Instant};

/// Limits for one call of [`crate::analyze`].
#[derive(Clone, Debug)]
pub struct Budget {
    /// Longest pattern source accepted, in bytes.
    pub max_pattern_len: usize,
    /// Deepest nesting of groups/classes (guards recursion in the parser and here).
    pub max_nesting: usize,
    /// Largest lowered pattern, in nodes.
    pub max_ir_nodes: usize,
    /// Automaton states the optional part of a counted repeat (`x{n,m}`) may
    /// be unrolled into; larger ones become an unbounded loop (the matcher
    /// still checks the real bound). Mandatory copies may use four times this.
    pub max_repeat_unroll: u32,
    /// Character positions in the automaton after unrolling.
    pub max_nfa_states: usize,
    /// Transitions in the epsilon-free automaton.
    pub max_nfa_transitions: usize,
    /// Work units for epsilon closures.
    pub max_closure_work: u64,
    /// Work units for the product-automaton searches (ambiguity, witnesses).
    pub max_search_work: u64,
    /// Steps of a single matcher run.
    pub max_matcher_steps: u64,
    /// Steps of all matcher runs used to confirm candidates.
    pub max_total_matcher_steps: u64,
    /// Candidate attack strings tried per pattern.
    pub max_candidates: usize,
    /// Wall-clock safety net.
    pub time_limit: Duration,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            max_pattern_len: 20_000,
            max_nesting: 256,
            max_ir_nodes: 50_000,
            max_repeat_unroll: 64,
            max_nfa_states: 5_000,
            max_nfa_transitions: 250_000,
            max_closure_work: 2_000_000,
            max_search_work: 4_000_000,
            max_matcher_steps: 2_000_000,
            max_total_matcher_steps: 12_000_000,
            max_candidates: 12,
            time_limit: Duration::from_millis(400),
        }
    }
}

/// Why an analysis stopped early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exhausted(pub String);

/// Cooperative deadline shared by all phases of one analysis.
pub(crate) struct Clock {
    deadline: Instant,
    ticks: u32,
}

impl Clock {
    pub fn new(limit: Duration) -> Clock {
        Clock {
            deadline: Instant::now() + limit,
            ticks: 0,
        }
    }

    /// Cheap to call in hot loops: reads the clock every 1024 calls.
    #[inline]
    pub fn tick(&mut self) -> Result<(), Exhausted> {
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks & 1023 == 0 {
            self.check()?;
        }
        Ok(())
    }

    pub fn check(&self) -> Result<(), Exhausted> {
        if Instant::now() >= self.deadline {
            Err(Exhausted("wall-clock limit reached".to_string()))
        } else {
            Ok(())
        }
    }
}

/// A counter with a limit; `spend` fails once the limit is passed.
pub(crate) struct Meter {
    used: u64,
    limit: u64,
    what: &'static str,
}

impl Meter {
    pub fn new(limit: u64, what: &'static str) -> Meter {
        Meter {
            used: 0,
            limit,
            what,
        }
    }

    #[inline]
    pub fn spend(&mut self, n: u64, clock: &mut Clock) -> Result<(), Exhausted> {
        self.used = self.used.saturating_add(n);
        if self.used > self.limit {
            return Err(Exhausted(format!("{} budget exceeded", self.what)));
        }
        clock.tick()
    }
}
