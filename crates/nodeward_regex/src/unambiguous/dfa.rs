//! The minimal DFA of a run: Thompson's construction over the pattern's
//! set table, subset construction over its alphabet's atoms, trimming and
//! Moore's refinement; then state elimination into an [`Expr`].

use std::collections::HashMap;

use super::expr::Expr;
use crate::alphabet::Alphabet;
use crate::bits::Bits;
use crate::ir::{Node, Regex};
use crate::unicode::universe_max;

const MAX_NFA_STATES: usize = 4_000;
const MAX_DFA_STATES: usize = 256;

/// An automaton with epsilon edges (Thompson's construction), over the
/// pattern's set table.
struct Enfa {
    eps: Vec<Vec<u32>>,
    edges: Vec<Vec<(u32, u32)>>,
}

impl Enfa {
    fn add(&mut self) -> Result<u32, String> {
        if self.eps.len() >= MAX_NFA_STATES {
            return Err(format!(
                "its automaton has over {MAX_NFA_STATES} states before determinization"
            ));
        }
        self.eps.push(Vec::new());
        self.edges.push(Vec::new());
        Ok(self.eps.len() as u32 - 1)
    }

    /// Adds `n` from state `from`; returns the state where it ends.
    fn build(&mut self, n: &Node, from: u32) -> Result<u32, String> {
        Ok(match n {
            Node::Empty => from,
            Node::Set(id) => {
                let to = self.add()?;
                self.edges[from as usize].push((*id, to));
                to
            }
            Node::Seq(v) => {
                let mut at = from;
                for c in v {
                    at = self.build(c, at)?;
                }
                at
            }
            Node::Alt(v) => {
                let to = self.add()?;
                for c in v {
                    let s = self.add()?;
                    self.eps[from as usize].push(s);
                    let e = self.build(c, s)?;
                    self.eps[e as usize].push(to);
                }
                to
            }
            Node::Group { body, .. } => self.build(body, from)?,
            Node::Repeat(r) => {
                let mut at = from;
                for _ in 0..r.min {
                    at = self.build(&r.body, at)?;
                }
                match r.max {
                    None => {
                        let hub = self.add()?;
                        self.eps[at as usize].push(hub);
                        let s = self.add()?;
                        self.eps[hub as usize].push(s);
                        let e = self.build(&r.body, s)?;
                        self.eps[e as usize].push(hub);
                        hub
                    }
                    Some(max) => {
                        let to = self.add()?;
                        for _ in r.min..max {
                            self.eps[at as usize].push(to);
                            at = self.build(&r.body, at)?;
                        }
                        self.eps[at as usize].push(to);
                        to
                    }
                }
            }
            Node::Assert(_) => return Err("an assertion inside the anchors".into()),
            Node::Look(_) => return Err("a lookaround".into()),
            Node::BackRef { .. } => return Err("a backreference".into()),
        })
    }

    fn closure(&self, mut states: Vec<u32>) -> Vec<u32> {
        let mut seen: std::collections::HashSet<u32> = states.iter().copied().collect();
        let mut i = 0;
        while i < states.len() {
            for &t in &self.eps[states[i] as usize] {
                if seen.insert(t) {
                    states.push(t);
                }
            }
            i += 1;
        }
        states.sort_unstable();
        states
    }
}

/// A minimal DFA without its dead state: `next[s][atom]`.
pub(super) struct Dfa {
    pub(super) atoms: Vec<crate::charset::CharSet>,
    next: Vec<Vec<Option<usize>>>,
    accepting: Vec<bool>,
}

impl Dfa {
    pub(super) fn of(re: &Regex, core: &Node) -> Result<Dfa, String> {
        Dfa::of_with(re, core, &[])
    }

    /// The DFA over the atoms that `re`'s sets and `more` draw together
    /// (two patterns compared over one alphabet).
    pub(super) fn of_with(
        re: &Regex,
        core: &Node,
        more: &[crate::charset::CharSet],
    ) -> Result<Dfa, String> {
        let sets: Vec<crate::charset::CharSet> = re.sets.iter().chain(more).cloned().collect();
        let (alpha, set_bits) = Alphabet::build(&sets, universe_max(re.unicode));
        let mut nfa = Enfa {
            eps: Vec::new(),
            edges: Vec::new(),
        };
        let s0 = nfa.add()?;
        let fin = nfa.build(core, s0)?;
        let mut index: HashMap<Vec<u32>, usize> = HashMap::new();
        let mut sets = vec![nfa.closure(vec![s0])];
        index.insert(sets[0].clone(), 0);
        let mut next: Vec<Vec<Option<usize>>> = Vec::new();
        let mut i = 0;
        while i < sets.len() {
            let mut row = Vec::with_capacity(alpha.len());
            for atom in 0..alpha.len() {
                let mut to: Vec<u32> = Vec::new();
                for &q in &sets[i] {
                    for &(set, t) in &nfa.edges[q as usize] {
                        if set_bits[set as usize].contains(atom) {
                            to.push(t);
                        }
                    }
                }
                if to.is_empty() {
                    row.push(None);
                    continue;
                }
                let to = nfa.closure(to);
                let id = match index.get(&to) {
                    Some(&id) => id,
                    None => {
                        if sets.len() >= MAX_DFA_STATES {
                            return Err(format!("its DFA has over {MAX_DFA_STATES} states"));
                        }
                        index.insert(to.clone(), sets.len());
                        sets.push(to);
                        sets.len() - 1
                    }
                };
                row.push(Some(id));
            }
            next.push(row);
            i += 1;
        }
        let accepting = sets.iter().map(|s| s.binary_search(&fin).is_ok()).collect();
        let dfa = Dfa {
            atoms: alpha.atoms,
            next,
            accepting,
        };
        Ok(dfa.trimmed().minimal())
    }

    /// Whether `self` and `other`, built over the same atoms, accept the
    /// same strings: a walk of their product from the starts.
    pub(super) fn same_as(&self, other: &Dfa) -> Option<bool> {
        let map: Vec<usize> = self
            .atoms
            .iter()
            .map(|x| other.atoms.iter().position(|y| y == x))
            .collect::<Option<_>>()?;
        let mut seen = std::collections::HashSet::new();
        let mut todo = vec![(0usize, 0usize)];
        seen.insert((0, 0));
        while let Some((p, q)) = todo.pop() {
            if self.accepting[p] != other.accepting[q] {
                return Some(false);
            }
            for (i, &j) in map.iter().enumerate() {
                match (self.next[p][i], other.next[q][j]) {
                    (None, None) => {}
                    (Some(x), Some(y)) => {
                        if seen.insert((x, y)) {
                            todo.push((x, y));
                        }
                    }
                    // Both trimmed: a live state against none.
                    _ => return Some(false),
                }
            }
        }
        Some(true)
    }

    /// Without the states from which no input is accepted.
    fn trimmed(mut self) -> Dfa {
        let n = self.next.len();
        let mut live: Vec<bool> = self.accepting.clone();
        let mut changed = true;
        while changed {
            changed = false;
            for s in 0..n {
                if !live[s] && self.next[s].iter().flatten().any(|&t| live[t]) {
                    live[s] = true;
                    changed = true;
                }
            }
        }
        for row in &mut self.next {
            for t in row.iter_mut() {
                if matches!(t, Some(x) if !live[*x]) {
                    *t = None;
                }
            }
        }
        self
    }

    /// Moore's partition refinement; state 0 stays the start.
    fn minimal(self) -> Dfa {
        let n = self.next.len();
        let mut class: Vec<usize> = self.accepting.iter().map(|&a| usize::from(a)).collect();
        loop {
            let mut ids: HashMap<(usize, Vec<Option<usize>>), usize> = HashMap::new();
            let fresh: Vec<usize> = (0..n)
                .map(|s| {
                    let sig = (
                        class[s],
                        self.next[s].iter().map(|t| t.map(|t| class[t])).collect(),
                    );
                    let k = ids.len();
                    *ids.entry(sig).or_insert(k)
                })
                .collect();
            let stable = ids.len() == class.iter().collect::<std::collections::HashSet<_>>().len();
            class = fresh;
            if stable {
                break;
            }
        }
        let count = class.iter().max().map_or(0, |m| m + 1);
        let mut next = vec![Vec::new(); count];
        let mut accepting = vec![false; count];
        for s in 0..n {
            let c = class[s];
            if next[c].is_empty() {
                next[c] = self.next[s].iter().map(|t| t.map(|t| class[t])).collect();
                accepting[c] = self.accepting[s];
            }
        }
        // Unreachable after trimming only if the start itself is dead.
        Dfa {
            atoms: self.atoms,
            next,
            accepting,
        }
    }

    /// State elimination (Brzozowski and McCluskey), cheapest state first.
    pub(super) fn expression(&self) -> Option<Expr> {
        let n = self.next.len();
        if !self.accepting[0] && self.next[0].iter().all(Option::is_none) {
            return None;
        }
        let (init, fin) = (n, n + 1);
        let mut edge: Vec<Vec<Option<Expr>>> = vec![vec![None; n + 2]; n + 2];
        for (s, row) in edge.iter_mut().enumerate().take(n) {
            let mut to: Vec<Option<Bits>> = vec![None; n];
            for (atom, t) in self.next[s].iter().enumerate() {
                if let Some(t) = t {
                    to[*t]
                        .get_or_insert_with(|| Bits::new(self.atoms.len()))
                        .set(atom);
                }
            }
            for (t, bits) in to.into_iter().enumerate() {
                row[t] = bits.map(Expr::Set);
            }
            if self.accepting[s] {
                row[fin] = Some(Expr::Eps);
            }
        }
        edge[init][0] = Some(Expr::Eps);
        // Each edge's expression size, kept beside it: the cost of every
        // state is weighed at every step.
        let mut size: Vec<Vec<usize>> = edge
            .iter()
            .map(|row| {
                row.iter()
                    .map(|e| e.as_ref().map_or(0, Expr::size))
                    .collect()
            })
            .collect();
        let mut left: Vec<usize> = (0..n).collect();
        while !left.is_empty() {
            let cost = |q: usize| {
                let ins = (0..n + 2).filter(|&p| p != q && edge[p][q].is_some());
                let outs = (0..n + 2).filter(|&r| r != q && edge[q][r].is_some());
                let size_in: usize = ins.clone().map(|p| size[p][q]).sum();
                let size_out: usize = outs.clone().map(|r| size[q][r]).sum();
                let (i, o) = (ins.count(), outs.count());
                size_in * o.max(1) + size_out * i.max(1) + i * o
            };
            let (k, &q) = left
                .iter()
                .enumerate()
                .min_by_key(|&(_, &q)| (cost(q), q))
                .expect("not empty");
            left.swap_remove(k);
            let lp = edge[q][q].take().map(|e| Expr::Star(Box::new(e)));
            let ins: Vec<usize> = (0..n + 2).filter(|&p| edge[p][q].is_some()).collect();
            let outs: Vec<usize> = (0..n + 2).filter(|&r| edge[q][r].is_some()).collect();
            for &p in &ins {
                for &r in &outs {
                    let mut parts = vec![edge[p][q].clone().expect("in")];
                    parts.extend(lp.clone());
                    parts.push(edge[q][r].clone().expect("out"));
                    let path = Expr::seq(parts);
                    let e = match edge[p][r].take() {
                        Some(old) => Expr::alt(old, path),
                        None => path,
                    };
                    size[p][r] = e.size();
                    edge[p][r] = Some(e);
                }
            }
            for p in ins {
                edge[p][q] = None;
                size[p][q] = 0;
            }
            for r in outs {
                edge[q][r] = None;
                size[q][r] = 0;
            }
        }
        edge[init][fin].take()
    }
}
