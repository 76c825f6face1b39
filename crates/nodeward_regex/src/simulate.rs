//! Priority-ordered simulation of the automaton, used to shape attack strings.
//!
//! A backtracking matcher explores paths in priority order and stops at the
//! first accepting one. Tracking the states alive at each position as a list in
//! that order (keeping only the first occurrence of a state, as leftmost-first
//! DFA simulations do) tells which threads are still explored: when a state
//! accepts, everything of lower priority is never reached and is cut off, while
//! everything before it still runs to completion. An attack works when the
//! threads that carry the ambiguity stay in the list while pumping and all fail
//! on the suffix; lower-priority successes (a later alternative, a later start
//! position) only happen after the expensive part has been paid.
//!
//! Keeping one occurrence per state hides where a state's other paths fall in
//! the exploration order, so the threads descending from the ambiguous state
//! are also simulated on their own (see `witness::shape`): none of them may
//! succeed while pumping, or the search ends before the other paths are tried.
//!
//! Acceptances reached through over-approximated constructs (a lookahead taken
//! as satisfied, a backreference replaced by its group) are not trusted here:
//! they might not happen, and cutting threads on their account would hide
//! attacks. The matcher has the final word on every candidate.

use crate::nfa::{Item, Nfa, INIT, SEARCH};

pub struct Sim<'a> {
    nfa: &'a Nfa,
    /// `g` searches continue after a match instead of stopping.
    global: bool,
}

impl<'a> Sim<'a> {
    pub fn new(nfa: &'a Nfa, global: bool) -> Sim<'a> {
        Sim { nfa, global }
    }

    pub fn start(&self) -> Vec<u32> {
        vec![INIT]
    }

    /// Reads one atom. Returns the next list and whether some thread accepted
    /// before the list was exhausted (cutting off the rest).
    pub fn step(&self, list: &[u32], atom: usize) -> (Vec<u32>, bool) {
        let mut out = Vec::new();
        let mut seen = vec![false; self.nfa.states.len()];
        let mut accepted = false;
        'outer: for &s in list {
            for item in &self.nfa.states[s as usize].items {
                match item {
                    Item::Trans { to, label, .. } => {
                        if label.contains(atom) && !seen[*to as usize] {
                            seen[*to as usize] = true;
                            out.push(*to);
                        }
                    }
                    Item::Accept { next, certain, .. } => {
                        if *certain && next.contains(atom) {
                            accepted = true;
                            break 'outer;
                        }
                    }
                }
            }
        }
        if accepted && self.global && self.nfa.search && !seen[SEARCH as usize] {
            // `replace` with `g` starts a new search after the match.
            out.push(SEARCH);
        }
        (out, accepted)
    }

    /// Does some thread of `list` accept at the end of the input?
    pub fn accepts_at_end(&self, list: &[u32]) -> bool {
        list.iter().any(|&s| {
            self.nfa.states[s as usize].items.iter().any(|i| {
                matches!(
                    i,
                    Item::Accept {
                        end: true,
                        certain: true,
                        ..
                    }
                )
            })
        })
    }

    pub fn read(&self, list: &[u32], word: &[usize]) -> (Vec<u32>, bool) {
        let mut cur = list.to_vec();
        let mut any = false;
        for &a in word {
            let (next, acc) = self.step(&cur, a);
            any |= acc;
            cur = next;
        }
        (cur, any)
    }
}
