//! Epsilon elimination: from the epsilon graph to the ordered automaton.
//!
//! For every state (the start, the search loop, each character position) an
//! ordered depth-first walk over epsilon edges lists the reachable character
//! positions and acceptances in exploration order. Distinct epsilon paths to the
//! same position are counted (capped at two): they are a source of
//! backtracking ambiguity. The walk applies the ECMAScript empty check (an
//! iteration that started on the current epsilon path cannot loop back), and
//! assertions: those about the previous character are decided from the state's
//! own character set, those about the next character narrow the label of the
//! following transition or acceptance.

use std::collections::HashMap;

use crate::alphabet::Alphabet;
use crate::budget::{Clock, Exhausted, Meter};
use crate::charset::{self, CharSet};
use crate::epsilon::{Cond, EGraph, ENode, DEAD, NO_DEPTH};
use crate::ir::Assertion;
use crate::nfa::{Item, Nfa, State, INIT, SEARCH};

/// What is known about the character before the current position.
#[derive(Clone, Copy)]
enum Prev<'s> {
    Start,
    Any,
    In(&'s CharSet),
}

/// Builds the ordered automaton from the epsilon graph.
pub fn eliminate(
    g: EGraph<'_>,
    search: bool,
    max: u32,
    clock: &mut Clock,
) -> Result<Nfa, Exhausted> {
    let work = Meter::new(g.budget.max_closure_work, "epsilon-closure");
    Eliminator {
        g,
        search,
        max,
        clock,
        work,
    }
    .run()
}

struct Eliminator<'a, 'c> {
    g: EGraph<'a>,
    search: bool,
    max: u32,
    clock: &'c mut Clock,
    work: Meter,
}

/// A next-character constraint: allowed set (`None` = any) and whether the end
/// of input is allowed.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Constraint {
    /// Allowed next characters (`None` = any).
    next: Option<CharSet>,
    /// The end of input is allowed.
    end: bool,
    /// The path went through an over-approximated construct (a lookaround, a
    /// backreference, an undecided `\b`), so it may not exist.
    uncertain: bool,
}

struct RawState {
    items: Vec<RawItem>,
    repeats: Vec<u32>,
    in_look: bool,
}

enum RawItem {
    Trans {
        to: u32,
        label: CharSet,
        mult: u8,
    },
    Accept {
        next: CharSet,
        end: bool,
        certain: bool,
    },
}

impl<'a, 'c> Eliminator<'a, 'c> {
    fn run(mut self) -> Result<Nfa, Exhausted> {
        let all = CharSet::range(0, self.max);
        // Char enode -> state index.
        let mut state_of: HashMap<u32, u32> = HashMap::new();
        let mut enode_of: Vec<u32> = vec![u32::MAX, u32::MAX];
        let mut raw: Vec<RawState> = Vec::new();
        let mut transitions = 0usize;
        let mut queue: Vec<u32> = vec![INIT, SEARCH];
        let mut qi = 0;
        while qi < queue.len() {
            let s = queue[qi];
            qi += 1;
            if s == SEARCH && !self.search {
                raw.push(RawState {
                    items: Vec::new(),
                    repeats: Vec::new(),
                    in_look: false,
                });
                continue;
            }
            let (start, prev_set) = match s {
                INIT => (self.g.entry, None),
                SEARCH => (self.g.entry, None),
                _ => {
                    let e = enode_of[s as usize];
                    match &self.g.nodes[e as usize] {
                        ENode::Char { set, next } => (*next, Some(*set)),
                        _ => (DEAD, None),
                    }
                }
            };
            let sets = &self.g.sets;
            let prev = match (s, prev_set) {
                (INIT, _) => Prev::Start,
                (SEARCH, _) => Prev::Any,
                (_, Some(set)) => Prev::In(&sets[set as usize]),
                _ => Prev::Any,
            };
            let closure = closure(
                &self.g.nodes,
                sets,
                start,
                prev,
                self.max,
                &mut self.work,
                self.clock,
            )?;
            let mut items = Vec::with_capacity(closure.len() + 1);
            for it in closure {
                match it {
                    ClosureItem::Char { node, label, mult } => {
                        let to = *state_of.entry(node).or_insert_with(|| {
                            enode_of.push(node);
                            queue.push(enode_of.len() as u32 - 1);
                            enode_of.len() as u32 - 1
                        });
                        items.push(RawItem::Trans { to, label, mult });
                    }
                    ClosureItem::Accept { next, end, certain } => items.push(RawItem::Accept {
                        next: next.unwrap_or_else(|| all.clone()),
                        end,
                        certain,
                    }),
                }
            }
            if self.search && (s == INIT || s == SEARCH) {
                items.push(RawItem::Trans {
                    to: SEARCH,
                    label: all.clone(),
                    mult: 1,
                });
            }
            transitions += items.len();
            if transitions > self.g.budget.max_nfa_transitions {
                return Err(Exhausted("automaton transition budget exceeded".into()));
            }
            let repeats = if s >= 2 {
                self.g
                    .char_repeats
                    .get(&enode_of[s as usize])
                    .cloned()
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            let in_look = s >= 2 && self.g.in_look.contains(&enode_of[s as usize]);
            raw.push(RawState {
                items,
                repeats,
                in_look,
            });
        }
        self.finish(raw)
    }

    /// Converts labels to atom bitsets.
    fn finish(self, raw: Vec<RawState>) -> Result<Nfa, Exhausted> {
        let mut distinct: Vec<CharSet> = Vec::new();
        let mut index: HashMap<CharSet, usize> = HashMap::new();
        let mut intern = |s: &CharSet| -> usize {
            if let Some(&i) = index.get(s) {
                return i;
            }
            distinct.push(s.clone());
            index.insert(s.clone(), distinct.len() - 1);
            distinct.len() - 1
        };
        let ids: Vec<Vec<usize>> = raw
            .iter()
            .map(|st| {
                st.items
                    .iter()
                    .map(|it| match it {
                        RawItem::Trans { label, .. } => intern(label),
                        RawItem::Accept { next, .. } => intern(next),
                    })
                    .collect()
            })
            .collect();
        let (alphabet, bits) = Alphabet::build(&distinct, self.max);
        self.clock.check()?;
        let mut repeat_states: Vec<Vec<u32>> = vec![Vec::new(); self.g.repeat_spans.len()];
        let states = raw
            .into_iter()
            .zip(ids)
            .enumerate()
            .map(|(s, (st, ids))| {
                for &r in &st.repeats {
                    repeat_states[r as usize].push(s as u32);
                }
                State {
                    items: st
                        .items
                        .into_iter()
                        .zip(ids)
                        .map(|(it, id)| match it {
                            RawItem::Trans { to, mult, .. } => Item::Trans {
                                to,
                                label: bits[id].clone(),
                                mult,
                            },
                            RawItem::Accept { end, certain, .. } => Item::Accept {
                                next: bits[id].clone(),
                                end,
                                certain,
                            },
                        })
                        .collect(),
                    repeats: st.repeats,
                    in_look: st.in_look,
                }
            })
            .collect();
        Ok(Nfa {
            states,
            alphabet,
            search: self.search,
            approximate: self.g.approximate,
            repeat_spans: self.g.repeat_spans,
            repeat_states,
        })
    }
}

enum ClosureItem {
    Char {
        node: u32,
        label: CharSet,
        mult: u8,
    },
    Accept {
        next: Option<CharSet>,
        end: bool,
        certain: bool,
    },
}

/// Ordered epsilon closure from `start`, counting distinct paths (capped at 2).
fn closure(
    nodes: &[ENode],
    sets: &[CharSet],
    start: u32,
    prev: Prev<'_>,
    max: u32,
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Vec<ClosureItem>, Exhausted> {
    let free = Constraint {
        next: None,
        end: true,
        uncertain: false,
    };
    let mut constraints: Vec<Constraint> = vec![free.clone()];
    let mut constraint_ids: HashMap<Constraint, u32> = HashMap::new();
    constraint_ids.insert(free, 0);
    let mut visits: HashMap<(u32, u16, u32), u8> = HashMap::new();
    let mut out: Vec<ClosureItem> = Vec::new();
    let mut seen_char: HashMap<(u32, u32), usize> = HashMap::new();
    let mut seen_accept: HashMap<u32, ()> = HashMap::new();
    let mut stack: Vec<(u32, u16, u32)> = vec![(start, NO_DEPTH, 0)];
    while let Some((n, d, c)) = stack.pop() {
        work.spend(1, clock)?;
        let v = visits.entry((n, d, c)).or_insert(0);
        if *v >= 2 {
            continue;
        }
        *v += 1;
        match &nodes[n as usize] {
            ENode::Dead => {}
            ENode::Accept => {
                if seen_accept.insert(c, ()).is_none() {
                    let k = constraints[c as usize].clone();
                    out.push(ClosureItem::Accept {
                        next: k.next,
                        end: k.end,
                        certain: !k.uncertain,
                    });
                }
            }
            ENode::Char { set, .. } => {
                if let Some(&i) = seen_char.get(&(n, c)) {
                    if let ClosureItem::Char { mult, .. } = &mut out[i] {
                        *mult = 2;
                    }
                    continue;
                }
                let set = &sets[*set as usize];
                let label = match &constraints[c as usize].next {
                    Some(allowed) => set.intersect(allowed),
                    None => set.clone(),
                };
                if !label.is_empty() {
                    seen_char.insert((n, c), out.len());
                    out.push(ClosureItem::Char {
                        node: n,
                        label,
                        mult: 1,
                    });
                }
            }
            ENode::Split(v) => {
                for &t in v.iter().rev() {
                    stack.push((t, d, c));
                }
            }
            ENode::Enter { depth, next } => stack.push((*next, d.min(*depth), c)),
            ENode::Check { depth, next } => {
                if d == NO_DEPTH || *depth < d {
                    stack.push((*next, d, c));
                }
            }
            ENode::Assert { cond, next } => {
                let cur = constraints[c as usize].clone();
                if let Some(new) = apply(cond, prev, cur, max) {
                    if new.next.as_ref().is_some_and(CharSet::is_empty) && !new.end {
                        continue;
                    }
                    let id = match constraint_ids.get(&new) {
                        Some(&id) => id,
                        None => {
                            constraints.push(new.clone());
                            let id = constraints.len() as u32 - 1;
                            constraint_ids.insert(new, id);
                            id
                        }
                    };
                    stack.push((*next, d, id));
                }
            }
        }
    }
    Ok(out)
}

fn narrow(cur: Constraint, allowed: &CharSet, end_ok: bool) -> Constraint {
    let next = match cur.next {
        Some(s) => s.intersect(allowed),
        None => allowed.clone(),
    };
    Constraint {
        next: Some(next),
        end: cur.end && end_ok,
        uncertain: cur.uncertain,
    }
}

fn uncertain(cur: Constraint) -> Constraint {
    Constraint {
        uncertain: true,
        ..cur
    }
}

/// Applies an assertion; `None` when it can never hold here.
fn apply(cond: &Cond, prev: Prev<'_>, cur: Constraint, max: u32) -> Option<Constraint> {
    let lt = charset::line_terminators();
    match cond {
        Cond::Assert(Assertion::Start { multiline }) => match prev {
            Prev::Start => Some(cur),
            Prev::Any => multiline.then(|| uncertain(cur)),
            Prev::In(s) => (*multiline && s.intersects(&lt)).then_some(cur),
        },
        Cond::Assert(Assertion::End { multiline }) => {
            let allowed = if *multiline { lt } else { CharSet::empty() };
            Some(narrow(cur, &allowed, true))
        }
        Cond::Assert(Assertion::WordBoundary {
            negated,
            unicode_ignore_case,
        }) => {
            let w = charset::word_chars(*unicode_ignore_case);
            let prev_word = match prev {
                Prev::Start => Some(false),
                Prev::Any => None,
                Prev::In(s) if s.is_subset_of(&w) => Some(true),
                Prev::In(s) if !s.intersects(&w) => Some(false),
                Prev::In(_) => None,
            };
            match prev_word {
                None => Some(uncertain(cur)),
                Some(pw) => {
                    // `\b`: the next character's wordness differs; `\B`: equal.
                    let next_word = pw == *negated;
                    if next_word {
                        Some(narrow(cur, &w, false))
                    } else {
                        Some(narrow(cur, &w.complement(max), true))
                    }
                }
            }
        }
        Cond::Next { set, end_ok } => Some(uncertain(narrow(cur, set, *end_ok))),
        Cond::PrevIn(s) => match prev {
            Prev::Start => None,
            Prev::Any => Some(uncertain(cur)),
            Prev::In(p) => p.intersects(s).then(|| uncertain(cur)),
        },
        Cond::PrevNotIn(s) => match prev {
            Prev::Start | Prev::Any => Some(uncertain(cur)),
            Prev::In(p) => (!p.is_subset_of(s)).then(|| uncertain(cur)),
        },
        Cond::Uncertain => Some(uncertain(cur)),
    }
}
