//! The automaton strategy of [`crate::rewrite`]: a run of terms around the
//! blamed repetition is replaced by an expression of the same language read
//! off its minimal DFA. Where only the language of the run matters (a
//! whole-string pattern, `^…$`, whose groups are not read; or a run whose
//! every way of matching leads to the same overall match), that keeps the
//! behaviour, which the equivalence check confirms for each candidate.
//!
//! State elimination on a DFA gives an unambiguous expression (Book, Even,
//! Greibach and Ott, "Ambiguity in graphs and expressions", 1971): an input
//! has at most one way through it, and with every state able to reach the
//! end, a prefix has at most one way too, so a backtracking engine visits
//! each (position, state) pair of the run at most once. The usual shapes
//! come out as a person would write them: `\S+@\S+\.\S+` becomes
//! `\S[^\s@]*@\S[^\s.]*\.\S+`, `(?:\d+)?\.?\d+` becomes `\d+(?:\.\d+)?|\.\d+`.
//!
//! The runs are tried shortest first, from the blamed repetition's own
//! sequence outwards through the groups and repetitions around it. Runs
//! with an assertion, a lookaround or a backreference are not read (the
//! automaton could only approximate them); nor are runs under an inline
//! modifier, whose flags the standalone text would lose. The sizes are
//! bounded: an automaton past them gives no candidate.
use std::collections::HashMap;

use crate::alphabet::Alphabet;
use crate::bits::Bits;
use crate::budget::Budget;
use crate::class_text::Syntax;
use crate::flags::RegexFlags;
use crate::ir::{Node, Regex};
use crate::rewrite::{groups_in_term, has_backreference, TermSpan};
use crate::unicode::universe_max;
use swc_ecma_regexp::ast;

const MAX_NFA_STATES: usize = 4_000;
const MAX_DFA_STATES: usize = 256;
/// Runs tried per pattern.
const MAX_RUNS: usize = 12;
/// Longest run read, in bytes of pattern text.
const MAX_RUN_LEN: usize = 160;

/// Whether an expression for a run of `run` bytes is short enough to offer:
/// a rewrite that a person would not take is no rewrite.
fn short_enough(run: usize, text: usize) -> bool {
    text <= 2 * run + 20
}

/// A candidate: the rewritten pattern and whether groups were taken out.
pub(crate) struct Candidate {
    pub text: String,
    pub removes_groups: bool,
}

/// Candidates for the repetition at `lo..hi` of `pattern`, shortest run
/// first. `groups_read`: runs holding a capture group are skipped.
pub(crate) fn candidates(
    pattern: &str,
    flags: &str,
    body: &ast::Disjunction,
    (lo, hi): (u32, u32),
    groups_read: bool,
) -> Vec<Candidate> {
    let Ok(f) = RegexFlags::parse(flags) else {
        return Vec::new();
    };
    let mut levels = Vec::new();
    if !enclosing(body, lo, hi, &mut levels) {
        return Vec::new();
    }
    let refs = has_backreference(body);
    let mut out = Vec::new();
    let mut runs = 0;
    for (alt, i) in levels {
        let n = alt.body.len();
        for width in 1..=n {
            for first in (i + 1).saturating_sub(width)..=i.min(n - width) {
                let terms = &alt.body[first..first + width];
                if terms.iter().any(not_regular) {
                    continue;
                }
                let groups = terms.iter().map(groups_in_term).sum::<u32>() as usize;
                if groups > 0 && groups_read {
                    continue;
                }
                runs += 1;
                if runs > MAX_RUNS {
                    return out;
                }
                let (a, b) = (
                    terms[0].span().lo.0 as usize,
                    terms[width - 1].span().hi.0 as usize,
                );
                let Some(run) = pattern.get(a..b).filter(|r| r.len() <= MAX_RUN_LEN) else {
                    continue;
                };
                let Ok(text) = expression_of(run, &f) else {
                    continue;
                };
                if text == run || !short_enough(run.len(), text.len()) {
                    continue;
                }
                // Empty groups keep the numbering a backreference relies on.
                let keep = if refs {
                    "()".repeat(groups)
                } else {
                    String::new()
                };
                out.push(Candidate {
                    text: format!("{}{keep}{text}{}", &pattern[..a], &pattern[b..]),
                    removes_groups: groups > 0 && !refs,
                });
            }
        }
    }
    out
}

/// The expression read off the minimal DFA of `run` (a pattern standing
/// alone), as pattern text that can stand among other terms.
fn expression_of(run: &str, f: &RegexFlags) -> Result<String, String> {
    let re = crate::parse::parse(run, f, &Budget::default())?;
    let dfa = Dfa::of(&re, &re.root)?;
    let expr = dfa.expression().ok_or("matches nothing")?;
    Ok(Printer {
        atoms: &dfa.atoms,
        syntax: Syntax::of(f),
    }
    .top(&expr))
}

/// The sequences around the repetition at `lo..hi`, innermost first, each
/// with the index of the term that holds it. `false` when it sits under an
/// inline modifier or a lookaround.
fn enclosing<'a>(
    d: &'a ast::Disjunction,
    lo: u32,
    hi: u32,
    out: &mut Vec<(&'a ast::Alternative, usize)>,
) -> bool {
    for alt in &d.body {
        for (i, t) in alt.body.iter().enumerate() {
            let s = t.span();
            if s.lo.0 <= lo && hi <= s.hi.0 {
                if !inside(t, lo, hi, out) {
                    return false;
                }
                out.push((alt, i));
                return true;
            }
        }
    }
    false
}

fn inside<'a>(
    t: &'a ast::Term,
    lo: u32,
    hi: u32,
    out: &mut Vec<(&'a ast::Alternative, usize)>,
) -> bool {
    match t {
        ast::Term::Quantifier(q) => {
            if q.span.lo.0 == lo && q.span.hi.0 == hi {
                return true;
            }
            inside(&q.body, lo, hi, out)
        }
        ast::Term::CapturingGroup(g) => enclosing(&g.body, lo, hi, out),
        ast::Term::IgnoreGroup(g) if g.modifiers.is_none() => enclosing(&g.body, lo, hi, out),
        _ => false,
    }
}

/// Terms the automaton cannot read exactly.
fn not_regular(t: &ast::Term) -> bool {
    match t {
        ast::Term::BoundaryAssertion(_)
        | ast::Term::LookAroundAssertion(_)
        | ast::Term::IndexedReference(_)
        | ast::Term::NamedReference(_) => true,
        ast::Term::Quantifier(q) => not_regular(&q.body),
        ast::Term::CapturingGroup(g) => disjunction_not_regular(&g.body),
        ast::Term::IgnoreGroup(g) => g.modifiers.is_some() || disjunction_not_regular(&g.body),
        _ => false,
    }
}

fn disjunction_not_regular(d: &ast::Disjunction) -> bool {
    d.body.iter().any(|a| a.body.iter().any(not_regular))
}

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
struct Dfa {
    atoms: Vec<crate::charset::CharSet>,
    next: Vec<Vec<Option<usize>>>,
    accepting: Vec<bool>,
}

impl Dfa {
    fn of(re: &Regex, core: &Node) -> Result<Dfa, String> {
        let (alpha, set_bits) = Alphabet::build(&re.sets, universe_max(re.unicode));
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
            let mut order: Vec<usize> = Vec::new();
            let fresh: Vec<usize> = (0..n)
                .map(|s| {
                    let sig = (
                        class[s],
                        self.next[s].iter().map(|t| t.map(|t| class[t])).collect(),
                    );
                    let k = ids.len();
                    let id = *ids.entry(sig).or_insert(k);
                    if id == k {
                        order.push(s);
                    }
                    id
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
    fn expression(&self) -> Option<Expr> {
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
        let mut left: Vec<usize> = (0..n).collect();
        while !left.is_empty() {
            let cost = |q: usize| {
                let ins = (0..n + 2).filter(|&p| p != q && edge[p][q].is_some());
                let outs = (0..n + 2).filter(|&r| r != q && edge[q][r].is_some());
                let size_in: usize = ins
                    .clone()
                    .map(|p| edge[p][q].as_ref().map_or(0, Expr::size))
                    .sum();
                let size_out: usize = outs
                    .clone()
                    .map(|r| edge[q][r].as_ref().map_or(0, Expr::size))
                    .sum();
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
                    edge[p][r] = Some(match edge[p][r].take() {
                        Some(old) => Expr::alt(old, path),
                        None => path,
                    });
                }
            }
            for p in ins {
                edge[p][q] = None;
            }
            for r in outs {
                edge[q][r] = None;
            }
        }
        edge[init][fin].take()
    }
}

/// An expression over atom sets.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Expr {
    Eps,
    Set(Bits),
    Seq(Vec<Expr>),
    /// Alternatives; an `Eps` among them makes the whole optional.
    Alt(Vec<Expr>),
    Star(Box<Expr>),
}

impl Expr {
    fn size(&self) -> usize {
        match self {
            Expr::Eps => 0,
            Expr::Set(_) => 1,
            Expr::Seq(v) | Expr::Alt(v) => v.iter().map(Expr::size).sum::<usize>() + 1,
            Expr::Star(e) => e.size() + 1,
        }
    }

    fn nullable(&self) -> bool {
        match self {
            Expr::Eps | Expr::Star(_) => true,
            Expr::Set(_) => false,
            Expr::Seq(v) => v.iter().all(Expr::nullable),
            Expr::Alt(v) => v.iter().any(Expr::nullable),
        }
    }

    fn seq(parts: Vec<Expr>) -> Expr {
        let mut out = Vec::new();
        for p in parts {
            match p {
                Expr::Eps => {}
                Expr::Seq(v) => out.extend(v),
                other => out.push(other),
            }
        }
        match out.len() {
            0 => Expr::Eps,
            1 => out.pop().expect("one"),
            _ => Expr::Seq(out),
        }
    }

    /// The items of a sequence (a lone term is a sequence of one).
    fn items(self) -> Vec<Expr> {
        match self {
            Expr::Seq(v) => v,
            Expr::Eps => Vec::new(),
            other => vec![other],
        }
    }

    fn alt(a: Expr, b: Expr) -> Expr {
        let mut members: Vec<Expr> = Vec::new();
        for e in [a, b] {
            match e {
                Expr::Alt(v) => members.extend(v),
                other => members.push(other),
            }
        }
        Expr::alternatives(members)
    }

    fn alternatives(members: Vec<Expr>) -> Expr {
        let mut out: Vec<Expr> = Vec::new();
        for m in members {
            if out.contains(&m) {
                continue;
            }
            if let Expr::Set(b) = &m {
                if let Some(Expr::Set(old)) = out.iter_mut().find(|e| matches!(e, Expr::Set(_))) {
                    old.or_assign(b);
                    continue;
                }
            }
            out.push(m);
        }
        // A nullable alternative already holds the empty one.
        if out.iter().any(|e| *e != Expr::Eps && e.nullable()) {
            out.retain(|e| *e != Expr::Eps);
        }
        let out = factor(out);
        if out.len() == 1 {
            return out.into_iter().next().expect("one");
        }
        Expr::Alt(out)
    }
}

/// `xa|xb` → `x(?:a|b)` and `ax|bx` → `(?:a|b)x`, for the alternatives that
/// share a first (or last) item: the language is the same and, the
/// alternatives being disjoint, so is the absence of ambiguity.
fn factor(members: Vec<Expr>) -> Vec<Expr> {
    for from_end in [false, true] {
        let key = |e: &Expr| -> Option<Expr> {
            let items = e.clone().items();
            let k = if from_end {
                items.last()
            } else {
                items.first()
            };
            k.cloned()
        };
        for i in 0..members.len() {
            let Some(k) = key(&members[i]) else { continue };
            let same: Vec<usize> = (0..members.len())
                .filter(|&j| key(&members[j]).as_ref() == Some(&k))
                .collect();
            if same.len() < 2 {
                continue;
            }
            let mut rests = Vec::new();
            for &j in &same {
                let mut items = members[j].clone().items();
                if from_end {
                    items.pop();
                } else {
                    items.remove(0);
                }
                rests.push(Expr::seq(items));
            }
            let inner = Expr::alternatives(rests);
            let merged = if from_end {
                Expr::seq(vec![inner, k])
            } else {
                Expr::seq(vec![k, inner])
            };
            let mut out: Vec<Expr> = Vec::new();
            for (j, m) in members.into_iter().enumerate() {
                if j == same[0] {
                    out.push(merged.clone());
                } else if !same.contains(&j) {
                    out.push(m);
                }
            }
            return factor(out);
        }
    }
    members
}

struct Printer<'a> {
    atoms: &'a [crate::charset::CharSet],
    syntax: Syntax,
}

impl Printer<'_> {
    fn top(&self, e: &Expr) -> String {
        match e {
            Expr::Alt(v) if !v.contains(&Expr::Eps) => format!("(?:{})", self.alt(v)),
            other => self.seq(&other.clone().items()),
        }
    }

    fn alt(&self, v: &[Expr]) -> String {
        v.iter()
            .map(|e| self.seq(&e.clone().items()))
            .collect::<Vec<_>>()
            .join("|")
    }

    fn seq(&self, items: &[Expr]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < items.len() {
            let here = &items[i];
            let then = items.get(i + 1);
            // `x x*` and `x* x` are `x+`.
            if let Some(Expr::Star(s)) = then {
                if **s == *here {
                    out.push_str(&self.atom(here));
                    out.push('+');
                    i += 2;
                    continue;
                }
            }
            if let (Expr::Star(s), Some(next)) = (here, then) {
                if **s == *next {
                    out.push_str(&self.atom(next));
                    out.push('+');
                    i += 2;
                    continue;
                }
            }
            out.push_str(&self.term(here));
            i += 1;
        }
        out
    }

    /// One item of a sequence.
    fn term(&self, e: &Expr) -> String {
        match e {
            Expr::Eps => String::new(),
            Expr::Set(b) => self.set(b),
            Expr::Seq(v) => self.seq(v),
            Expr::Star(inner) => format!("{}*", self.atom(inner)),
            Expr::Alt(v) => {
                let rest: Vec<Expr> = v.iter().filter(|e| **e != Expr::Eps).cloned().collect();
                if rest.len() < v.len() {
                    let rest = if rest.len() == 1 {
                        rest.into_iter().next().expect("one")
                    } else {
                        Expr::Alt(rest)
                    };
                    // `(?:x+)?` is `x*`.
                    if let Expr::Seq(items) = &rest {
                        if let [x, Expr::Star(s)] | [Expr::Star(s), x] = items.as_slice() {
                            if **s == *x {
                                return format!("{}*", self.atom(x));
                            }
                        }
                    }
                    format!("{}?", self.atom(&rest))
                } else {
                    format!("(?:{})", self.alt(v))
                }
            }
        }
    }

    /// A term that a quantifier can follow.
    fn atom(&self, e: &Expr) -> String {
        match e {
            Expr::Set(b) => self.set(b),
            Expr::Alt(v) if !v.contains(&Expr::Eps) => format!("(?:{})", self.alt(v)),
            Expr::Seq(v) if v.len() == 1 => self.atom(&v[0]),
            other => format!("(?:{})", self.term(other)),
        }
    }

    fn set(&self, b: &Bits) -> String {
        let mut set = crate::charset::CharSet::empty();
        for a in b.iter() {
            set = set.union(&self.atoms[a]);
        }
        self.syntax.set(&set)
    }
}

#[cfg(test)]
mod tests {
    use super::expression_of;
    use crate::flags::RegexFlags;

    fn expr(run: &str, flags: &str) -> String {
        expression_of(run, &RegexFlags::parse(flags).unwrap()).unwrap()
    }

    #[test]
    fn the_usual_shapes_come_out_as_a_person_would_write_them() {
        assert_eq!(expr(r"\S+@\S+\.\S+", ""), r"\S[^\s@]*@\S[^\s.]*\.\S+");
        assert_eq!(expr(r"(\?[\x21-\x7E]*)*", ""), r"(?:\?[!-~]*)?");
    }

    #[test]
    fn runs_the_automaton_cannot_read_have_no_expression() {
        assert!(expression_of(r"(?=a)a", &RegexFlags::default()).is_err());
        assert!(expression_of(r"(a)\1", &RegexFlags::default()).is_err());
        assert!(expression_of(r"a\b", &RegexFlags::default()).is_err());
    }
}
