//! Exponential and polynomial ambiguity of the automaton.
//!
//! A backtracking matcher that is forced to fail explores every path of the
//! automaton over the input, so the number of paths bounds its running time
//! (Weideman et al., "Analyzing Matching Time Behavior of Backtracking Regular
//! Expression Matchers by Using Ambiguity of NFA"):
//!
//! * **EDA** (exponential): some state `p` reaches itself by two different paths
//!   reading the same word. Within one strongly connected component this is a
//!   cycle of the pair automaton through a diagonal pair `(p,p)` that leaves the
//!   diagonal, or takes two different transitions (a multi-edge) while on it.
//! * **IDA** (polynomial): states `p != q` in different components with
//!   `p -w-> p`, `p -w-> q`, `q -w-> q`; found as a path from `(p,p,q)` to
//!   `(p,q,q)` in the triple automaton. A chain of k components linked this way
//!   gives degree k. V8's search loop is the `SEARCH` state, so `\s+$` is the
//!   chain `SEARCH -> \s` of length 2.
//!
//! Both searches only build the product pairs/triples reachable from their
//! starting points and spend from the search budget for every edge.

use std::collections::{HashMap, VecDeque};

use crate::bits::Bits;
use crate::budget::{Clock, Exhausted, Meter};
use crate::nfa::{Nfa, SEARCH};

/// An exponential candidate: pumping `pump` from `state` back to `state` has at
/// least two distinct paths.
#[derive(Clone, Debug)]
pub struct Eda {
    pub state: u32,
    /// The ambiguous word, as the set of atoms allowed at each position.
    pub pump: Vec<Bits>,
    pub scc: usize,
}

/// A polynomial candidate between two components.
#[derive(Clone, Debug)]
pub struct Ida {
    pub from: u32,
    pub to: u32,
    /// The ambiguous word, as the set of atoms allowed at each position.
    pub pump: Vec<Bits>,
    /// Length of the longest ambiguity chain ending at `to`'s component.
    pub degree: u32,
    pub to_scc: usize,
}

pub struct Ambiguity {
    pub eda: Vec<Eda>,
    pub ida: Vec<Ida>,
    /// Strongly connected components of the automaton.
    pub sccs: Vec<Vec<u32>>,
}

/// Strongly connected components (iterative Tarjan); returned in reverse
/// topological order (sinks first).
pub fn sccs(nfa: &Nfa) -> (Vec<Vec<u32>>, Vec<usize>) {
    let n = nfa.states.len();
    let adj: Vec<Vec<u32>> = (0..n as u32)
        .map(|s| nfa.transitions(s).map(|t| t.0).collect())
        .collect();
    tarjan(n, |v| adj[v].iter().map(|&x| x as usize).collect())
}

fn tarjan(n: usize, succ: impl Fn(usize) -> Vec<usize>) -> (Vec<Vec<u32>>, Vec<usize>) {
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut comps: Vec<Vec<u32>> = Vec::new();
    let mut comp_of = vec![0; n];
    let mut next = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut call: Vec<(usize, Vec<usize>, usize)> = vec![(root, succ(root), 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some((v, succs, i)) = call.last_mut() {
            let v = *v;
            if *i < succs.len() {
                let w = succs[*i];
                *i += 1;
                if index[w] == UNSEEN {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    let s = succ(w);
                    call.push((w, s, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                call.pop();
                if let Some((u, _, _)) = call.last() {
                    low[*u] = low[*u].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut comp = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp_of[w] = comps.len();
                        comp.push(w as u32);
                        if w == v {
                            break;
                        }
                    }
                    comp.sort_unstable();
                    comps.push(comp);
                }
            }
        }
    }
    (comps, comp_of)
}

/// Atoms that can be written in a string (not only lone surrogates).
fn usable(nfa: &Nfa) -> Bits {
    let mut b = Bits::new(nfa.alphabet.len());
    for (a, r) in nfa.alphabet.reps.iter().enumerate() {
        if r.is_some() {
            b.set(a);
        }
    }
    b
}

pub fn analyze(nfa: &Nfa, work: &mut Meter, clock: &mut Clock) -> Result<Ambiguity, Exhausted> {
    let (sccs, scc_of) = sccs(nfa);
    let cyclic: Vec<bool> = sccs
        .iter()
        .map(|c| c.len() > 1 || nfa.transitions(c[0]).any(|t| t.0 == c[0]))
        .collect();
    let mut eda = Vec::new();
    for (ci, comp) in sccs.iter().enumerate() {
        if !cyclic[ci] {
            continue;
        }
        if let Some((state, pump)) = eda_in(nfa, comp, ci, &scc_of, work, clock)? {
            eda.push(Eda {
                state,
                pump,
                scc: ci,
            });
        }
    }
    let ida = ida_all(nfa, &sccs, &scc_of, &cyclic, work, clock)?;
    Ok(Ambiguity { eda, ida, sccs })
}

/// Internal transitions of a component: (from, to, label, mult, item index).
fn internal<'n>(
    nfa: &'n Nfa,
    s: u32,
    ci: usize,
    scc_of: &[usize],
) -> Vec<(u32, &'n Bits, u8, usize)> {
    nfa.transitions(s)
        .enumerate()
        .filter(|(_, t)| scc_of[t.0 as usize] == ci)
        .map(|(i, t)| (t.0, t.1, t.2, i))
        .collect()
}

fn eda_in(
    nfa: &Nfa,
    comp: &[u32],
    ci: usize,
    scc_of: &[usize],
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Option<(u32, Vec<Bits>)>, Exhausted> {
    let int: HashMap<u32, Vec<(u32, &Bits, u8, usize)>> = comp
        .iter()
        .map(|&s| (s, internal(nfa, s, ci, scc_of)))
        .collect();
    let ok = usable(nfa);
    // Pair graph reachable from the diagonal.
    let mut ids: HashMap<(u32, u32), usize> = HashMap::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    // Edges: (target pair, index in int[a], index in int[b], divergent).
    let mut adj: Vec<Vec<(usize, usize, usize, bool)>> = Vec::new();
    let mut queue = VecDeque::new();
    for &p in comp {
        ids.insert((p, p), pairs.len());
        pairs.push((p, p));
        adj.push(Vec::new());
        queue.push_back(pairs.len() - 1);
    }
    while let Some(u) = queue.pop_front() {
        let (a, b) = pairs[u];
        let (ta, tb) = (&int[&a], &int[&b]);
        for (xa, &(a2, la, ma, ia)) in ta.iter().enumerate() {
            for (xb, &(b2, lb, _, ib)) in tb.iter().enumerate() {
                work.spend(1, clock)?;
                if la.first_common3(lb, &ok, &ok).is_none() {
                    continue;
                }
                let divergent = a == b && (ia != ib || ma >= 2);
                let key = (a2, b2);
                let v = match ids.get(&key) {
                    Some(&v) => v,
                    None => {
                        ids.insert(key, pairs.len());
                        pairs.push(key);
                        adj.push(Vec::new());
                        queue.push_back(pairs.len() - 1);
                        pairs.len() - 1
                    }
                };
                adj[u].push((v, xa, xb, divergent));
            }
        }
    }
    let (pcomps, pcomp_of) = tarjan(pairs.len(), |v| adj[v].iter().map(|e| e.0).collect());
    let label = |u: usize, e: usize| -> Bits {
        let (a, b) = pairs[u];
        let (_, xa, xb, _) = adj[u][e];
        int[&a][xa].1.and(int[&b][xb].1).and(&ok)
    };
    let labels =
        |p: Vec<(usize, usize)>| -> Vec<Bits> { p.into_iter().map(|(u, e)| label(u, e)).collect() };
    let target = |e: &(usize, usize, usize, bool)| e.0;
    // Among the ambiguous cycles found (through a multi-edge on the diagonal,
    // or through an off-diagonal pair), the word with the fewest positions
    // that only a line terminator can fill wins, then the shortest: a line
    // terminator in the pump lets a multiline `$` or `^` end the match
    // early (`^(?:a|\n|aa)+$` with `m` blows up on `aaa`, not on `aa\n`).
    const TRIES: usize = 16;
    let other_than_lt = {
        let lt = crate::charset::line_terminators();
        let mut b = Bits::new(nfa.alphabet.len());
        for (i, atom) in nfa.alphabet.atoms.iter().enumerate() {
            if !atom.is_subset_of(&lt) {
                b.set(i);
            }
        }
        b
    };
    let cost = |w: &[Bits]| {
        let lt_only = w.iter().filter(|l| !l.intersects(&other_than_lt)).count();
        (lt_only, w.len())
    };
    let mut best: Option<(u32, Vec<Bits>)> = None;
    let consider = |key: u32, w: Vec<(usize, usize)>, best: &mut Option<(u32, Vec<Bits>)>| {
        if w.is_empty() {
            return;
        }
        let word = labels(w);
        if best.as_ref().is_none_or(|b| cost(&word) < cost(&b.1)) {
            *best = Some((key, word));
        }
    };
    for (k, pc) in pcomps.iter().enumerate() {
        let inside = |v: usize| pcomp_of[v] == k;
        if !pc
            .iter()
            .any(|&v| pairs[v as usize].0 == pairs[v as usize].1)
        {
            continue;
        }
        // Multi-edges between diagonal pairs: the cycle takes the edge, then
        // returns to its start.
        let multi = pc.iter().flat_map(|&u| {
            adj[u as usize]
                .iter()
                .enumerate()
                .filter(|(_, e)| e.3 && inside(e.0))
                .map(move |(e, edge)| (u as usize, edge.0, e))
        });
        for (u, v, e) in multi.take(TRIES) {
            work.spend(1, clock)?;
            if let Some(back) = path(&adj, target, v, u, &inside, work, clock)? {
                let mut w = vec![(u, e)];
                w.extend(back);
                consider(pairs[u].0, w, &mut best);
            }
        }
        // Cycles through a pair of different states.
        let diagonals: Vec<usize> = pc
            .iter()
            .map(|&v| v as usize)
            .filter(|&v| pairs[v].0 == pairs[v].1)
            .take(TRIES / 2)
            .collect();
        let offs: Vec<usize> = pc
            .iter()
            .map(|&v| v as usize)
            .filter(|&v| pairs[v].0 != pairs[v].1)
            .take(TRIES / 2)
            .collect();
        for &off in &offs {
            for &diag in &diagonals {
                work.spend(1, clock)?;
                let a = path(&adj, target, diag, off, &inside, work, clock)?;
                let b = path(&adj, target, off, diag, &inside, work, clock)?;
                if let (Some(mut a), Some(b)) = (a, b) {
                    a.extend(b);
                    consider(pairs[diag].0, a, &mut best);
                }
            }
        }
    }
    Ok(best)
}

/// Shortest path from `from` to `to` staying inside `allowed`, as the list of
/// (node, edge index) taken. Each node it expands spends its edges from
/// `work`: one search crosses a whole component, and a large counted repeat
/// makes components of thousands of pairs.
fn path<E>(
    adj: &[Vec<E>],
    target: impl Fn(&E) -> usize,
    from: usize,
    to: usize,
    allowed: &dyn Fn(usize) -> bool,
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Option<Vec<(usize, usize)>>, Exhausted> {
    if from == to {
        return Ok(Some(Vec::new()));
    }
    let mut parent: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    parent.insert(from, (from, usize::MAX));
    while let Some(u) = queue.pop_front() {
        work.spend(adj[u].len() as u64 + 1, clock)?;
        for (e, edge) in adj[u].iter().enumerate() {
            let v = target(edge);
            if !allowed(v) || parent.contains_key(&v) {
                continue;
            }
            parent.insert(v, (u, e));
            if v == to {
                let mut out = Vec::new();
                let mut cur = to;
                while cur != from {
                    let (p, e) = parent[&cur];
                    out.push((p, e));
                    cur = p;
                }
                out.reverse();
                return Ok(Some(out));
            }
            queue.push_back(v);
        }
    }
    Ok(None)
}

fn ida_all(
    nfa: &Nfa,
    sccs: &[Vec<u32>],
    scc_of: &[usize],
    cyclic: &[bool],
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Vec<Ida>, Exhausted> {
    let n = nfa.states.len();
    let cyc: Vec<usize> = (0..sccs.len()).filter(|&c| cyclic[c]).collect();
    if cyc.len() < 2 {
        return Ok(Vec::new());
    }
    let atoms_of: HashMap<usize, Bits> = cyc
        .iter()
        .map(|&c| {
            let mut acc = Bits::new(nfa.alphabet.len());
            for &s in &sccs[c] {
                for t in nfa.transitions(s) {
                    if scc_of[t.0 as usize] == c {
                        acc.or_assign(t.1);
                    }
                }
            }
            (c, acc)
        })
        .collect();
    let mut rev: Vec<Vec<u32>> = vec![Vec::new(); n];
    for s in 0..n as u32 {
        for t in nfa.transitions(s) {
            rev[t.0 as usize].push(s);
        }
    }
    let reach = |starts: &[u32], adj: &dyn Fn(u32) -> Vec<u32>| -> Vec<bool> {
        let mut seen = vec![false; n];
        let mut q: Vec<u32> = starts.to_vec();
        for &s in starts {
            seen[s as usize] = true;
        }
        while let Some(u) = q.pop() {
            for v in adj(u) {
                if !seen[v as usize] {
                    seen[v as usize] = true;
                    q.push(v);
                }
            }
        }
        seen
    };
    let fwd_adj = |u: u32| nfa.transitions(u).map(|t| t.0).collect::<Vec<u32>>();
    let rev_adj = |u: u32| rev[u as usize].clone();
    let fwd: HashMap<usize, Vec<bool>> = cyc
        .iter()
        .map(|&c| (c, reach(&sccs[c], &fwd_adj)))
        .collect();
    let bwd: HashMap<usize, Vec<bool>> = cyc
        .iter()
        .map(|&c| (c, reach(&sccs[c], &rev_adj)))
        .collect();

    // Tarjan lists sinks first, so iterate in reverse for a topological order.
    let topo: Vec<usize> = cyc.iter().rev().copied().collect();
    let mut degree: HashMap<usize, u32> = topo.iter().map(|&c| (c, 1)).collect();
    let mut found: Vec<Ida> = Vec::new();
    for (i, &c2) in topo.iter().enumerate() {
        for &c1 in &topo[..i] {
            if !fwd[&c1][sccs[c2][0] as usize] || !atoms_of[&c1].intersects(&atoms_of[&c2]) {
                continue;
            }
            let between: Vec<bool> = (0..n).map(|s| fwd[&c1][s] && bwd[&c2][s]).collect();
            if let Some((p, q, pump)) = ida_pair(nfa, sccs, scc_of, c1, c2, &between, work, clock)?
            {
                let d = degree[&c1] + 1;
                if d > degree[&c2] {
                    degree.insert(c2, d);
                }
                found.push(Ida {
                    from: p,
                    to: q,
                    pump,
                    degree: d,
                    to_scc: c2,
                });
            }
        }
    }
    // Prefer candidates at the end of the longest chains, and chains that do
    // not need the search loop when equally long.
    found.sort_by_key(|c| (std::cmp::Reverse(c.degree), c.from == SEARCH, c.pump.len()));
    Ok(found)
}

/// Looks for `p` in `c1` and `q` in `c2` with `p -w-> p`, `p -w-> q` and
/// `q -w-> q`.
///
/// The first and third tracks move together as a pair `(a, b)` of the product
/// of the two components and must come back to where they started, so they
/// stay inside one strongly connected component `K` of that product. Then it
/// is enough to reach a triple `((a, b), y)` with `y == b` from some
/// `((p, q), p)`: following `K` back from `(a, b)` to `(p, q)` moves `y` along
/// with `b`. One multi-source search over `K x between` replaces a triple
/// search per start pair.
#[allow(clippy::too_many_arguments)]
fn ida_pair(
    nfa: &Nfa,
    sccs: &[Vec<u32>],
    scc_of: &[usize],
    c1: usize,
    c2: usize,
    between: &[bool],
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Option<(u32, u32, Vec<Bits>)>, Exhausted> {
    let ok = usable(nfa);
    // Pair graph of the two components.
    let mut ids: HashMap<(u32, u32), usize> = HashMap::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for &a in &sccs[c1] {
        for &b in &sccs[c2] {
            ids.insert((a, b), pairs.len());
            pairs.push((a, b));
        }
    }
    let mut adj: Vec<Vec<(usize, Bits)>> = vec![Vec::new(); pairs.len()];
    for (u, &(a, b)) in pairs.iter().enumerate() {
        for ta in nfa.transitions(a).filter(|t| scc_of[t.0 as usize] == c1) {
            for tb in nfa.transitions(b).filter(|t| scc_of[t.0 as usize] == c2) {
                work.spend(1, clock)?;
                if ta.1.first_common3(tb.1, &ok, &ok).is_some() {
                    adj[u].push((ids[&(ta.0, tb.0)], ta.1.and(tb.1).and(&ok)));
                }
            }
        }
    }
    let (comps, comp_of) = tarjan(pairs.len(), |v| adj[v].iter().map(|e| e.0).collect());
    let cyclic: Vec<bool> = comps
        .iter()
        .map(|c| c.len() > 1 || adj[c[0] as usize].iter().any(|e| e.0 == c[0] as usize))
        .collect();
    // Search over ((a, b), y).
    let y_trans: HashMap<u32, Vec<(u32, &Bits)>> = (0..nfa.states.len() as u32)
        .filter(|&y| between[y as usize])
        .map(|y| {
            (
                y,
                nfa.transitions(y)
                    .filter(|t| between[t.0 as usize])
                    .map(|t| (t.0, t.1))
                    .collect(),
            )
        })
        .collect();
    type T = (usize, u32);
    let mut parent: HashMap<T, Option<(T, Bits)>> = HashMap::new();
    let mut queue: VecDeque<T> = VecDeque::new();
    for (g, &(p, _)) in pairs.iter().enumerate() {
        if cyclic[comp_of[g]] {
            parent.insert((g, p), None);
            queue.push_back((g, p));
        }
    }
    // Level by level: the first level with targets decides, and among its
    // targets the one with the shortest way back around K wins (short pumps
    // make better attacks).
    let mut best: Option<(u32, u32, Vec<Bits>)> = None;
    while !queue.is_empty() && best.is_none() {
        let level: Vec<T> = queue.drain(..).collect();
        for u in level {
            let (g, y) = u;
            let Some(ys) = y_trans.get(&y) else { continue };
            for (g2, label) in &adj[g] {
                if comp_of[*g2] != comp_of[g] {
                    continue;
                }
                for &(y2, ly) in ys {
                    work.spend(1, clock)?;
                    if label.first_common3(ly, &ok, &ok).is_none() {
                        continue;
                    }
                    let v = (*g2, y2);
                    if parent.contains_key(&v) {
                        continue;
                    }
                    parent.insert(v, Some((u, label.and(ly))));
                    if y2 != pairs[*g2].1 {
                        queue.push_back(v);
                        continue;
                    }
                    // Word from the source to here, then back around K.
                    let mut w = Vec::new();
                    let mut cur = v;
                    while let Some(Some((prev, label))) = parent.get(&cur) {
                        w.push(label.clone());
                        cur = *prev;
                    }
                    w.reverse();
                    let source = cur.0;
                    let k = comp_of[source];
                    let back = path(
                        &adj,
                        |e: &(usize, Bits)| e.0,
                        *g2,
                        source,
                        &|x| comp_of[x] == k,
                        work,
                        clock,
                    )?;
                    let Some(back) = back else { continue };
                    w.extend(back.into_iter().map(|(u, e)| adj[u][e].1.clone()));
                    if best.as_ref().is_none_or(|b| w.len() < b.2.len()) {
                        let (p, q) = pairs[source];
                        best = Some((p, q, w));
                    }
                }
            }
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Budget;
    use crate::flags::RegexFlags;
    use crate::parse::parse;

    fn amb(p: &str, f: &str) -> (Nfa, Ambiguity) {
        let flags = RegexFlags::parse(f).unwrap();
        let budget = Budget::default();
        let re = parse(p, &flags, &budget).unwrap();
        let search = !flags.sticky && !re.root.anchored_at_start();
        let mut clock = Clock::new(budget.time_limit);
        let nfa = crate::nfa::build(&re, search, &budget, &mut clock).unwrap();
        let mut work = Meter::new(budget.max_search_work, "search");
        let a = analyze(&nfa, &mut work, &mut clock).unwrap();
        (nfa, a)
    }

    #[test]
    fn an_ambiguous_word_avoids_line_terminators_when_it_can() {
        // `aa\n` and `aaa` are both ambiguous cycles; with `m` only the one
        // without a line break keeps `$` from ending the match early.
        let (nfa, a) = amb(r"^(?:a|\n|aa)+$", "m");
        let lt = crate::charset::line_terminators();
        let e = a.eda.first().expect("an EDA");
        for pos in &e.pump {
            assert!(pos
                .iter()
                .any(|atom| !nfa.alphabet.atoms[atom].is_subset_of(&lt)));
        }
        assert!(matches!(
            crate::analyze(r"^(?:a|\n|aa)+$", "m", &Budget::default()),
            crate::Verdict::Vulnerable(_)
        ));
    }

    fn max_degree(a: &Ambiguity) -> u32 {
        a.ida.iter().map(|i| i.degree).max().unwrap_or(1)
    }

    #[test]
    fn finds_exponential_ambiguity() {
        for p in [
            "^(a+)+$",
            "^(a|aa)*$",
            r"^(\w+\s?)*$",
            "^([a-z0-9]+-?)+$",
            r"^(\d+\.?)+$",
            "^(a*)*$",
            "^(a|a)*$",
            "(?:a|b|ab)*c",
        ] {
            let (_, a) = amb(p, "");
            assert!(!a.eda.is_empty(), "{p}");
        }
    }

    #[test]
    fn unambiguous_loops_are_not_exponential() {
        for p in [
            "^(?:[a-z0-9]+-)*[a-z0-9]+$",
            r"^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$",
            r"^\d{5}(-\d{4})?$",
            "^(a|b)*$",
            "^(a|a|b)*$",
            "^(ab|a)*c$",
        ] {
            let (_, a) = amb(p, "");
            assert!(a.eda.is_empty(), "{p}");
        }
    }

    #[test]
    fn polynomial_degrees() {
        // The search loop alone makes these quadratic.
        let (_, a) = amb(r"\s+$", "");
        assert_eq!(max_degree(&a), 2);
        assert_eq!(a.ida[0].from, SEARCH);
        let (_, a) = amb(r"^\s+$", "");
        assert_eq!(max_degree(&a), 1);
        let (_, a) = amb(r"^\d*\.?\d+$", "");
        assert_eq!(max_degree(&a), 2);
        let (_, a) = amb(r"^a*a*a*b$", "");
        assert_eq!(max_degree(&a), 3);
        let (_, a) = amb(r"\([^)]*\)", "");
        assert_eq!(max_degree(&a), 2);
        let (_, a) = amb(r"\([^()]*\)", "");
        assert_eq!(max_degree(&a), 1);
    }
}
