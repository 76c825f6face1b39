//! The ordered, epsilon-free automaton the ambiguity analysis runs on.
//!
//! States are the character positions of the pattern (Glushkov style) plus two
//! special ones: `INIT` (before the first character) and `SEARCH`, V8's implicit
//! lazy `.*?` search loop that unanchored, non-sticky patterns get. Every state
//! knows the set of the character that led into it, so assertions about the
//! previous character (`^` in multiline mode, `\b`, simple lookbehinds) are
//! decided during epsilon elimination; assertions about the next character (`$`,
//! `\b`, simple lookaheads) narrow the label of the following transition.
//!
//! Each state's outgoing choices are kept in exploration order (`Item`s), as
//! the backtracking matcher tries them: transitions and acceptance interleave.
//! Epsilon elimination counts distinct epsilon paths (capped at two) because two
//! paths to the same position are a source of backtracking ambiguity, and it
//! applies the ECMAScript empty check: an iteration that started on the current
//! epsilon path cannot loop back, which is what keeps `(a*)*` finite.
//!
//! Approximations (flagged in `Nfa::approximate`): counted repeats beyond the
//! unroll budget become unbounded loops; lookahead bodies are explored as a dead
//! end branch (their cost counts, their success is not modelled) and only a
//! first-character constraint is kept for the continuation; lookbehinds keep only
//! a previous-character constraint; backreferences are replaced by a copy of the
//! group's body.

use crate::alphabet::Alphabet;
use crate::bits::Bits;
use crate::budget::{Budget, Clock, Exhausted};
use crate::ir::Regex;
use crate::unicode;

pub const INIT: u32 = 0;
pub const SEARCH: u32 = 1;

/// One choice of a state, in exploration order.
#[derive(Clone, Debug)]
pub enum Item {
    Trans {
        to: u32,
        label: Bits,
        mult: u8,
    },
    /// Acceptance when the next character is in `next` (or at the end when
    /// `end`); `certain` is false when the path to it was over-approximated.
    Accept {
        next: Bits,
        end: bool,
        certain: bool,
    },
}

#[derive(Clone, Debug)]
pub struct State {
    pub items: Vec<Item>,
    /// Repeats enclosing this position, outermost first.
    pub repeats: Vec<u32>,
    /// The position is inside a lookahead body.
    pub in_look: bool,
}

pub struct Nfa {
    pub states: Vec<State>,
    pub alphabet: Alphabet,
    /// The `SEARCH` state exists (unanchored, non-sticky).
    pub search: bool,
    pub approximate: bool,
    /// Span of each repeat in the pattern source and the states in its body.
    pub repeat_spans: Vec<(u32, u32)>,
    pub repeat_states: Vec<Vec<u32>>,
}

impl Nfa {
    pub fn transitions(&self, s: u32) -> impl Iterator<Item = (u32, &Bits, u8)> {
        self.states[s as usize]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Trans { to, label, mult } => Some((*to, label, *mult)),
                Item::Accept { .. } => None,
            })
    }
}

/// Builds the automaton for `re`; `search` adds V8's implicit search loop.
pub fn build(
    re: &Regex,
    search: bool,
    budget: &Budget,
    clock: &mut Clock,
) -> Result<Nfa, Exhausted> {
    let graph = crate::epsilon::build(re, budget)?;
    crate::eliminate::eliminate(graph, search, unicode::universe_max(re.unicode), clock)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::RegexFlags;
    use crate::parse::parse;

    pub(crate) fn nfa(p: &str, f: &str) -> Nfa {
        let flags = RegexFlags::parse(f).unwrap();
        let budget = Budget::default();
        let re = parse(p, &flags, &budget).unwrap();
        let search = !flags.sticky && !re.root.anchored_at_start();
        build(&re, search, &budget, &mut Clock::new(budget.time_limit)).unwrap()
    }

    fn trans_count(n: &Nfa, s: u32) -> usize {
        n.transitions(s).count()
    }

    #[test]
    fn glushkov_states_and_search_loop() {
        let n = nfa("ab", "");
        // INIT, SEARCH, a, b
        assert_eq!(n.states.len(), 4);
        assert!(n.search);
        // INIT: a, then the search loop.
        assert_eq!(trans_count(&n, INIT), 2);
        let n = nfa("^ab", "");
        assert!(!n.search);
    }

    #[test]
    fn nested_star_has_two_paths() {
        // In `(a*)*` the state `a` reaches itself by the inner and by the outer
        // loop: a multi-edge.
        let n = nfa("(a*)*$", "");
        let a = n.transitions(INIT).next().unwrap().0;
        let self_loops: Vec<u8> = n.transitions(a).filter(|t| t.0 == a).map(|t| t.2).collect();
        assert_eq!(self_loops, vec![2]);
        // `a+` is one mandatory copy followed by a loop copy with a simple
        // self-loop.
        let n = nfa("(a+)$", "");
        let loops: Vec<u8> = (2..n.states.len() as u32)
            .flat_map(|s| n.transitions(s).filter(move |t| t.0 == s).map(|t| t.2))
            .collect();
        assert_eq!(loops, vec![1]);
    }

    #[test]
    fn empty_check_cuts_epsilon_iterations() {
        // `(a?)*`: the empty iteration is rejected, so INIT reaches `a` once.
        let n = nfa("^(a?)*$", "");
        let to_a: Vec<u8> = n.transitions(INIT).map(|t| t.2).collect();
        assert_eq!(to_a, vec![1]);
    }

    #[test]
    fn anchors_constrain_neighbours() {
        // `$` before a character kills the transition.
        let n = nfa("^a$b", "");
        let a = n.transitions(INIT).next().unwrap().0;
        assert_eq!(trans_count(&n, a), 0);
        // `^` after a character is dead without `m`.
        let n = nfa("(?:a|^)+b", "");
        let a = n.transitions(INIT).next().unwrap().0;
        assert!(n.transitions(a).all(|t| t.0 != a || t.2 == 1));
    }

    #[test]
    fn big_bounded_repeats_stay_small() {
        let n = nfa(r"\.loadUrl\(.{0,49}getExternalStorageDirectory\(", "");
        assert!(n.states.len() < 200);
        let n = nfa("(a{1,100}){1,100}", "");
        assert!(n.states.len() <= 1000);
        assert!(n.approximate);
    }
}
