//! The epsilon graph: a Thompson-style automaton built from the IR.
//!
//! Nodes are characters, ordered splits, assertions and the markers of
//! iterations that need the ECMAScript empty check. Counted repeats are
//! unrolled while small (mandatory copies first, then nested optional ones) and
//! become loops beyond the unroll budget. Lookahead bodies become a branch that
//! is explored first and ends in a dead end, plus a constraint on the next
//! character for the continuation; lookbehinds become a constraint on the
//! previous character; backreferences become a copy of their group. Character
//! nodes are split along the sets that `\b` and multiline `^` look at, so the
//! previous character of every state is uniformly a word character or not.

use std::collections::HashMap;

use crate::budget::{Budget, Exhausted};
use crate::charset::{self, CharSet};
use crate::ir::{Assertion, Node, Regex, SetId};
use crate::unicode;

pub const DEAD: u32 = 0;
pub const ACCEPT: u32 = 1;
pub const NO_DEPTH: u16 = u16::MAX;
/// How many backreferences deep the automaton copies (and counts) a
/// group's body for a backreference to it.
const MAX_BACKREF_COPIES: u8 = 8;

#[derive(Clone, Debug)]
pub enum Cond {
    Assert(Assertion),
    /// The next character is in the set (or the input ends, when `end_ok`).
    Next {
        set: CharSet,
        end_ok: bool,
    },
    /// No constraint, but what follows may not be reachable (after a
    /// lookaround or backreference that is only approximated).
    Uncertain,
    PrevIn(CharSet),
    PrevNotIn(CharSet),
}

#[derive(Clone, Debug)]
pub enum ENode {
    Dead,
    Accept,
    Char {
        set: SetId,
        next: u32,
    },
    Split(Vec<u32>),
    Assert {
        cond: Cond,
        next: u32,
    },
    /// An iteration that needs the empty check starts here.
    Enter {
        depth: u16,
        next: u32,
    },
    /// End of such an iteration: cut if it started on the current epsilon path.
    Check {
        depth: u16,
        next: u32,
    },
}

/// The epsilon graph of a pattern and what the elimination needs from it.
pub struct EGraph<'a> {
    pub nodes: Vec<ENode>,
    /// The pattern's sets plus the parts created by splitting.
    pub sets: Vec<CharSet>,
    pub entry: u32,
    /// Repeats enclosing each character node, outermost first.
    pub char_repeats: HashMap<u32, Vec<u32>>,
    /// Character nodes inside lookahead bodies.
    pub in_look: std::collections::HashSet<u32>,
    pub repeat_spans: Vec<(u32, u32)>,
    pub approximate: bool,
    pub budget: &'a Budget,
}

/// Builds the epsilon graph of `re`.
pub fn build<'a>(re: &'a Regex, budget: &'a Budget) -> Result<EGraph<'a>, Exhausted> {
    let mut b = EBuilder {
        re,
        sets: re.sets.clone(),
        set_ids: HashMap::new(),
        splitters: splitters(re),
        nodes: vec![ENode::Dead, ENode::Accept],
        char_count: 0,
        budget,
        approximate: re.has_lookaround || re.has_backref || re.has_word_boundary,
        repeat_stack: Vec::new(),
        repeat_spans: Vec::new(),
        char_repeats: HashMap::new(),
        in_look: std::collections::HashSet::new(),
        look_depth: 0,
        groups: HashMap::new(),
        order: HashMap::new(),
        group_end: HashMap::new(),
        copy_depth: 0,
    };
    let mut counter = 0;
    index_nodes(
        &re.root,
        &mut counter,
        &mut b.order,
        &mut b.groups,
        &mut b.group_end,
    );
    let entry = b.build(&re.root, ACCEPT, 0)?;
    Ok(EGraph {
        nodes: b.nodes,
        sets: b.sets,
        entry,
        char_repeats: b.char_repeats,
        in_look: b.in_look,
        repeat_spans: b.repeat_spans,
        approximate: b.approximate,
        budget,
    })
}

/// Sets that decide assertions about the previous character.
fn splitters(re: &Regex) -> Vec<CharSet> {
    fn walk(n: &Node, out: &mut Vec<CharSet>) {
        match n {
            Node::Assert(Assertion::WordBoundary {
                unicode_ignore_case,
                ..
            }) => {
                let w = charset::word_chars(*unicode_ignore_case);
                if !out.contains(&w) {
                    out.push(w);
                }
            }
            Node::Assert(Assertion::Start { multiline: true }) => {
                let lt = charset::line_terminators();
                if !out.contains(&lt) {
                    out.push(lt);
                }
            }
            Node::Seq(v) | Node::Alt(v) => v.iter().for_each(|c| walk(c, out)),
            Node::Repeat(r) => walk(&r.body, out),
            Node::Group { body, .. } => walk(body, out),
            Node::Look(l) => walk(&l.body, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&re.root, &mut out);
    out
}

/// Records each node's position in pattern order, group bodies and where each
/// group closes, so backreferences know whether their group can have matched.
fn index_nodes<'a>(
    n: &'a Node,
    counter: &mut usize,
    order: &mut HashMap<*const Node, usize>,
    groups: &mut HashMap<u32, &'a Node>,
    group_end: &mut HashMap<u32, usize>,
) {
    *counter += 1;
    order.insert(n as *const Node, *counter);
    match n {
        Node::Seq(v) | Node::Alt(v) => v
            .iter()
            .for_each(|c| index_nodes(c, counter, order, groups, group_end)),
        Node::Repeat(r) => index_nodes(&r.body, counter, order, groups, group_end),
        Node::Group { index, body } => {
            groups.insert(*index, body);
            index_nodes(body, counter, order, groups, group_end);
            *counter += 1;
            group_end.insert(*index, *counter);
        }
        Node::Look(l) => index_nodes(&l.body, counter, order, groups, group_end),
        _ => {}
    }
}

struct EBuilder<'a> {
    re: &'a Regex,
    /// The pattern's sets plus the parts created by splitting.
    sets: Vec<CharSet>,
    set_ids: HashMap<CharSet, SetId>,
    /// Character states are split along these sets so that assertions about
    /// the previous character (`\b`, multiline `^`) see a uniform set.
    splitters: Vec<CharSet>,
    nodes: Vec<ENode>,
    char_count: usize,
    budget: &'a Budget,
    approximate: bool,
    repeat_stack: Vec<u32>,
    repeat_spans: Vec<(u32, u32)>,
    char_repeats: HashMap<u32, Vec<u32>>,
    in_look: std::collections::HashSet<u32>,
    look_depth: u32,
    groups: HashMap<u32, &'a Node>,
    order: HashMap<*const Node, usize>,
    group_end: HashMap<u32, usize>,
    copy_depth: u8,
}

impl<'a> EBuilder<'a> {
    /// The set split into parts that are each inside or outside every splitter.
    fn split(&mut self, s: SetId) -> Vec<SetId> {
        if self.splitters.is_empty() {
            return vec![s];
        }
        let mut parts = vec![self.sets[s as usize].clone()];
        for sp in &self.splitters {
            parts = parts
                .into_iter()
                .flat_map(|p| [p.intersect(sp), p.subtract(sp)])
                .filter(|p| !p.is_empty())
                .collect();
        }
        if parts.len() == 1 {
            return vec![s];
        }
        parts
            .into_iter()
            .map(|p| {
                if let Some(&id) = self.set_ids.get(&p) {
                    return id;
                }
                self.sets.push(p.clone());
                let id = self.sets.len() as SetId - 1;
                self.set_ids.insert(p, id);
                id
            })
            .collect()
    }

    fn push(&mut self, n: ENode) -> Result<u32, Exhausted> {
        if self.nodes.len() > self.budget.max_nfa_states * 8 {
            return Err(Exhausted("automaton size budget exceeded".into()));
        }
        self.nodes.push(n);
        Ok(self.nodes.len() as u32 - 1)
    }

    /// Characters one copy of `n` would create (bounded, for unroll decisions).
    fn estimate(&self, n: &Node) -> usize {
        self.estimate_in(n, 0)
    }

    /// `estimate`, `refs` backreferences deep: a backreference counts its
    /// group's body, which may hold the backreference itself (`(a\1+)`) or
    /// one to a group that refers back (`(a\2)(b\1)`), so the count stops
    /// following them where `build` stops copying them.
    fn estimate_in(&self, n: &Node, refs: u8) -> usize {
        let cap = self.budget.max_nfa_states * 2;
        match n {
            Node::Set(_) => 1,
            Node::Seq(v) | Node::Alt(v) => v
                .iter()
                .map(|c| self.estimate_in(c, refs))
                .fold(0, |a, b| (a + b).min(cap)),
            Node::Group { body, .. } => self.estimate_in(body, refs),
            Node::Look(l) => self.estimate_in(&l.body, refs),
            Node::Repeat(r) => {
                let body = self.estimate_in(&r.body, refs).max(1);
                let unroll = self.budget.max_repeat_unroll as usize;
                let mandatory = (r.min as usize).min(4 * unroll / body + 1);
                let optional = match r.max {
                    Some(m) if ((m - r.min) as usize).saturating_mul(body) <= unroll => {
                        (m - r.min) as usize
                    }
                    _ => 1,
                };
                body.saturating_mul(mandatory + optional).min(cap)
            }
            Node::BackRef { .. } if refs >= MAX_BACKREF_COPIES => 1,
            Node::BackRef { groups, .. } => groups
                .iter()
                .filter_map(|g| self.groups.get(g))
                .map(|b| self.estimate_in(b, refs + 1))
                .fold(0, |a, b| (a + b).min(cap)),
            Node::Empty | Node::Assert(_) => 0,
        }
    }

    fn build(&mut self, n: &'a Node, next: u32, depth: u16) -> Result<u32, Exhausted> {
        Ok(match n {
            Node::Empty => next,
            Node::Set(s) => {
                let parts = self.split(*s);
                let mut entries = Vec::with_capacity(parts.len());
                for set in parts {
                    self.char_count += 1;
                    if self.char_count > self.budget.max_nfa_states {
                        return Err(Exhausted("automaton state budget exceeded".into()));
                    }
                    let id = self.push(ENode::Char { set, next })?;
                    self.char_repeats.insert(id, self.repeat_stack.clone());
                    if self.look_depth > 0 {
                        self.in_look.insert(id);
                    }
                    entries.push(id);
                }
                if entries.len() == 1 {
                    entries[0]
                } else {
                    // Disjoint parts: no ambiguity is introduced.
                    self.push(ENode::Split(entries))?
                }
            }
            Node::Seq(v) => {
                let mut cur = next;
                for c in v.iter().rev() {
                    cur = self.build(c, cur, depth)?;
                }
                cur
            }
            Node::Alt(v) => {
                let mut entries = Vec::with_capacity(v.len());
                for c in v {
                    entries.push(self.build(c, next, depth)?);
                }
                self.push(ENode::Split(entries))?
            }
            Node::Group { body, .. } => self.build(body, next, depth)?,
            Node::Assert(a) => self.push(ENode::Assert {
                cond: Cond::Assert(*a),
                next,
            })?,
            Node::Look(l) => {
                let cond = self
                    .look_cond(&l.body, l.behind, l.negative)
                    .unwrap_or(Cond::Uncertain);
                let cont = self.push(ENode::Assert { cond, next })?;
                if l.behind {
                    cont
                } else {
                    // The body is explored first and ends in a dead end.
                    self.look_depth += 1;
                    let body = self.build(&l.body, DEAD, depth);
                    self.look_depth -= 1;
                    let body = body?;
                    self.push(ENode::Split(vec![body, cont]))?
                }
            }
            Node::BackRef { groups, .. } => {
                let here = self.order.get(&(n as *const Node)).copied().unwrap_or(0);
                let body = groups.iter().find_map(|g| {
                    let closed = self.group_end.get(g).is_some_and(|&e| e < here);
                    if closed {
                        self.groups.get(g).copied()
                    } else {
                        None
                    }
                });
                match body {
                    Some(body) if self.copy_depth < MAX_BACKREF_COPIES => {
                        let after = self.push(ENode::Assert {
                            cond: Cond::Uncertain,
                            next,
                        })?;
                        self.copy_depth += 1;
                        let r = self.build(body, after, depth);
                        self.copy_depth -= 1;
                        r?
                    }
                    _ => self.push(ENode::Assert {
                        cond: Cond::Uncertain,
                        next,
                    })?,
                }
            }
            Node::Repeat(r) => self.build_repeat(r, next, depth)?,
        })
    }

    fn build_repeat(
        &mut self,
        r: &'a crate::ir::Repeat,
        next: u32,
        depth: u16,
    ) -> Result<u32, Exhausted> {
        let id = self.repeat_spans.len() as u32;
        self.repeat_spans.push(r.span);
        self.repeat_stack.push(id);
        let per_copy = self.estimate(&r.body).max(1);
        let unroll = self.budget.max_repeat_unroll as usize;
        let room = (self.budget.max_nfa_states / 2).saturating_sub(self.char_count);
        // Optional copies are unrolled only while small: a bounded repeat of an
        // ambiguous body blows up just like the unbounded one until the bound,
        // and the matcher checks the real bound. Mandatory copies are kept
        // longer, because attack prefixes must pass them (`[\w+/]{44,88}`).
        let optional_fits = |copies: usize| copies.saturating_mul(per_copy) <= unroll.min(room);
        let mandatory_fits =
            |copies: usize| copies.saturating_mul(per_copy) <= (4 * unroll).min(room);
        let inner = depth.saturating_add(1).min(NO_DEPTH - 1);
        let body = &r.body;
        // The optional part: nested optional copies, or a loop.
        let optional = r.max.map(|m| (m - r.min) as usize);
        let tail = match optional {
            Some(k) if optional_fits(k) => {
                let mut cur = next;
                for _ in 0..k {
                    let check = self.push(ENode::Check {
                        depth: inner,
                        next: cur,
                    })?;
                    let entry = self.build(body, check, inner)?;
                    let enter = self.push(ENode::Enter {
                        depth: inner,
                        next: entry,
                    })?;
                    cur = self.push(ENode::Split(if r.greedy {
                        vec![enter, next]
                    } else {
                        vec![next, enter]
                    }))?;
                }
                cur
            }
            _ => {
                if optional.is_some() {
                    self.approximate = true;
                }
                let head = self.push(ENode::Split(Vec::new()))?;
                let check = self.push(ENode::Check {
                    depth: inner,
                    next: head,
                })?;
                let entry = self.build(body, check, inner)?;
                let enter = self.push(ENode::Enter {
                    depth: inner,
                    next: entry,
                })?;
                self.nodes[head as usize] = ENode::Split(if r.greedy {
                    vec![enter, next]
                } else {
                    vec![next, enter]
                });
                head
            }
        };
        // Mandatory copies (no empty check before the minimum is reached).
        let mut mandatory = r.min as usize;
        if !mandatory_fits(mandatory) {
            self.approximate = true;
            mandatory = (0..=mandatory.min(4 * unroll))
                .rev()
                .find(|&k| mandatory_fits(k))
                .unwrap_or(0);
        }
        let mut cur = tail;
        for _ in 0..mandatory {
            cur = self.build(body, cur, depth)?;
        }
        self.repeat_stack.pop();
        Ok(cur)
    }

    /// The constraint a lookaround puts on the neighbouring character, when it
    /// can be expressed as one.
    fn look_cond(&self, body: &Node, behind: bool, negative: bool) -> Option<Cond> {
        let max = unicode::universe_max(self.re.unicode);
        if !behind {
            let need = need(self.re, body, max);
            return if !negative {
                // `(?=X)`: the next character can start X, or X matches here.
                (!need.empty).then_some(Cond::Next {
                    set: need.first,
                    end_ok: need.at_end,
                })
            } else if pure_single(body) {
                // `(?!X)` for an X that looks at one character at most.
                Some(if need.empty {
                    Cond::Next {
                        set: CharSet::empty(),
                        end_ok: false,
                    }
                } else {
                    Cond::Next {
                        set: need.first.complement(max),
                        end_ok: !need.at_end,
                    }
                })
            } else {
                None
            };
        }
        let single = match body {
            Node::Set(s) => Some(self.re.sets[*s as usize].clone()),
            Node::Group { body, .. } => match body.as_ref() {
                Node::Set(s) => Some(self.re.sets[*s as usize].clone()),
                _ => None,
            },
            _ => None,
        };
        if negative {
            single.map(Cond::PrevNotIn)
        } else {
            last_set(self.re, body).map(Cond::PrevIn)
        }
    }
}

/// What a lookahead body needs from the text at its position: the characters a
/// match can start with, whether it can match empty before any character, and
/// whether it can match empty at the end of the input. Assertions other than
/// `$` are taken as always true (no constraint).
struct Need {
    first: CharSet,
    empty: bool,
    at_end: bool,
}

fn need(re: &Regex, n: &Node, max: u32) -> Need {
    let free = || Need {
        first: CharSet::range(0, max),
        empty: true,
        at_end: true,
    };
    match n {
        Node::Set(s) => Need {
            first: re.sets[*s as usize].clone(),
            empty: false,
            at_end: false,
        },
        Node::Empty => Need {
            first: CharSet::empty(),
            empty: true,
            at_end: true,
        },
        Node::Assert(Assertion::End { multiline: false }) => Need {
            first: CharSet::empty(),
            empty: false,
            at_end: true,
        },
        Node::Assert(_) | Node::Look(_) | Node::BackRef { .. } => free(),
        Node::Seq(v) => {
            let mut acc = Need {
                first: CharSet::empty(),
                empty: true,
                at_end: true,
            };
            for c in v {
                let nc = need(re, c, max);
                if acc.empty {
                    acc.first = acc.first.union(&nc.first);
                }
                acc.empty = acc.empty && nc.empty;
                acc.at_end = acc.at_end && nc.at_end;
                if !acc.empty && !acc.at_end {
                    break;
                }
            }
            acc
        }
        Node::Alt(v) => {
            let mut acc = Need {
                first: CharSet::empty(),
                empty: false,
                at_end: false,
            };
            for c in v {
                let nc = need(re, c, max);
                acc.first = acc.first.union(&nc.first);
                acc.empty |= nc.empty;
                acc.at_end |= nc.at_end;
            }
            acc
        }
        Node::Repeat(r) => {
            let body = need(re, &r.body, max);
            if r.min == 0 {
                Need {
                    first: body.first,
                    empty: true,
                    at_end: true,
                }
            } else {
                body
            }
        }
        Node::Group { body, .. } => need(re, body, max),
    }
}

/// Matches at most one character and decides on that character alone (or on
/// the end of input), so a negative lookahead of it is a constraint on the next
/// character.
fn pure_single(n: &Node) -> bool {
    fn pure(n: &Node) -> bool {
        match n {
            Node::Set(_) | Node::Empty | Node::Assert(Assertion::End { multiline: false }) => true,
            Node::Seq(v) | Node::Alt(v) => v.iter().all(pure),
            Node::Group { body, .. } => pure(body),
            Node::Repeat(r) => pure(&r.body),
            Node::Assert(_) | Node::Look(_) | Node::BackRef { .. } => false,
        }
    }
    pure(n) && n.max_len().is_some_and(|m| m <= 1)
}

/// Characters that can end a match of `n`; `None` when `n` can match empty.
fn last_set(re: &Regex, n: &Node) -> Option<CharSet> {
    match n {
        Node::Set(s) => Some(re.sets[*s as usize].clone()),
        Node::Seq(v) => {
            for c in v.iter().rev() {
                if c.nullable() {
                    if c.max_len() == Some(0) {
                        continue;
                    }
                    return None;
                }
                return last_set(re, c);
            }
            None
        }
        Node::Alt(v) => {
            let mut acc = CharSet::empty();
            for c in v {
                acc = acc.union(&last_set(re, c)?);
            }
            Some(acc)
        }
        Node::Group { body, .. } => last_set(re, body),
        Node::Repeat(r) if r.min > 0 => last_set(re, &r.body),
        _ => None,
    }
}
