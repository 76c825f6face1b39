//! Attack strings: `prefix + pump.repeat(n) + suffix`.
//!
//! Candidates come from the ambiguity analysis: the prefix leads from the start
//! to the ambiguous state, the pump is the ambiguous word, and the suffix is
//! searched for (breadth-first over alphabet atoms) so that every thread that
//! carries the ambiguity fails, which forces the backtracking matcher to
//! explore all of them. The ordered simulation decides which threads those are.
//!
//! Several concrete strings are derived from each ambiguity (readable
//! characters, characters that kill competing branches, other prefixes and
//! suffixes); they are cheap to make, and the matcher picks the one that works.

use std::collections::{HashSet, VecDeque};

use crate::ambiguity::Ambiguity;
use crate::bits::Bits;
use crate::budget::{Clock, Exhausted, Meter};
use crate::nfa::{Nfa, INIT, SEARCH};
use crate::simulate::Sim;

/// An input `prefix + pump.repeat(n) + suffix` that makes matching slow.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Witness {
    pub prefix: String,
    pub pump: String,
    pub suffix: String,
}

impl Witness {
    /// The attack input for `n` repetitions of the pump.
    pub fn build(&self, n: usize) -> String {
        let mut s =
            String::with_capacity(self.prefix.len() + self.pump.len() * n + self.suffix.len());
        s.push_str(&self.prefix);
        for _ in 0..n {
            s.push_str(&self.pump);
        }
        s.push_str(&self.suffix);
        s
    }

    /// A JavaScript expression building the attack input, e.g.
    /// `'x' + ' '.repeat(30) + '!'`, with non-printable characters escaped.
    pub fn attack_js(&self, n: usize) -> String {
        let mut parts = Vec::new();
        if !self.prefix.is_empty() {
            parts.push(js_quote(&self.prefix));
        }
        parts.push(format!("{}.repeat({n})", js_quote(&self.pump)));
        if !self.suffix.is_empty() {
            parts.push(js_quote(&self.suffix));
        }
        parts.join(" + ")
    }
}

/// A single-quoted JavaScript string literal for `s`.
pub fn js_quote(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7F => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_ascii() => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out.push('\'');
    out
}

/// A candidate attack and what the automaton predicts for it.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub witness: Witness,
    /// Alternatives tried when `witness` does not confirm (other suffixes or a
    /// character above U+00FF, see `candidates`).
    pub variants: Vec<Witness>,
    pub exponential: bool,
    pub degree: u32,
    pub needs_search_loop: bool,
    pub loop_span: Option<(u32, u32)>,
}

struct Ctx<'a> {
    nfa: &'a Nfa,
    sim: Sim<'a>,
    /// Atoms by readability of their representative.
    order: Vec<usize>,
    /// How many transitions can read each atom.
    uses: Vec<usize>,
}

/// Builds candidates for the ambiguities found, most severe first.
/// What the candidate search needs to know about the pattern and its use.
pub struct Setting<'a> {
    /// `g`: searching goes on after a match.
    pub global: bool,
    /// V8 prunes the pattern for one-byte subjects.
    pub one_byte_pruned: bool,
    /// Suffixes that make a negative lookahead fail.
    pub blockers: &'a [String],
    /// Most candidates returned.
    pub limit: usize,
    /// The extra suffixes of a witness without a rejecting one for
    /// polynomial candidates too, not only exponential ones: dearer, for
    /// checking a rewrite, where a miss would offer a slow pattern.
    pub thorough: bool,
}

pub fn candidates(
    nfa: &Nfa,
    amb: &Ambiguity,
    setting: &Setting<'_>,
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Vec<Candidate>, Exhausted> {
    let Setting {
        global,
        one_byte_pruned,
        blockers,
        limit,
        thorough,
    } = *setting;
    let ctx = Ctx {
        nfa,
        sim: Sim::new(nfa, global),
        order: atom_order(nfa),
        uses: atom_uses(nfa),
    };
    let wide = if one_byte_pruned {
        quiet_wide_char(nfa)
    } else {
        None
    };
    // Alternatives tried when a witness does not confirm: a suffix that makes
    // a negative lookahead fail (its success may end the search early), a
    // character above U+00FF (keeps V8 off its pruned one-byte matcher), and,
    // for an exponential's witness without a rejecting suffix where the
    // automaton only approximates (a lookaround or backreference decides
    // acceptance, `(?<=a)$`), a few characters the pump does not use.
    let others: Vec<char> = nfa
        .alphabet
        .reps
        .iter()
        .flatten()
        .filter_map(|&c| char::from_u32(c))
        .collect();
    let variants = |w: &Witness, exponential: bool| -> Vec<Witness> {
        let mut out: Vec<Witness> = Vec::new();
        if (exponential || thorough) && w.suffix.is_empty() && nfa.approximate {
            for &c in others.iter().filter(|&&c| !w.pump.contains(c)).take(3) {
                out.push(Witness {
                    suffix: c.to_string(),
                    ..w.clone()
                });
            }
        }
        out.extend(blockers.iter().map(|b| Witness {
            suffix: format!("{}{b}", w.suffix),
            ..w.clone()
        }));
        if let Some(x) = wide {
            if !w.build(1).chars().any(|c| c as u32 > 0xFF) {
                out.push(Witness {
                    suffix: format!("{}{x}", w.suffix),
                    ..w.clone()
                });
                out.push(Witness {
                    prefix: format!("{x}{}", w.prefix),
                    ..w.clone()
                });
            }
        }
        out
    };
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: HashSet<Witness> = HashSet::new();
    // One candidate per ambiguity and pump choice, most severe first.
    struct Job {
        key: u32,
        pump: Vec<usize>,
        exponential: bool,
        degree: u32,
        /// The second loop is a lookahead body rescanning the input.
        rescan: bool,
        span: Option<(u32, u32)>,
    }
    let mut jobs = Vec::new();
    for e in &amb.eda {
        for pump in pump_choices(&ctx, e.state, &e.pump, work, clock)? {
            jobs.push(Job {
                key: e.state,
                pump,
                exponential: true,
                degree: 0,
                rescan: false,
                span: loop_span(nfa, &amb.sccs[e.scc]),
            });
        }
    }
    for i in &amb.ida {
        for pump in pump_choices(&ctx, i.from, &i.pump, work, clock)? {
            jobs.push(Job {
                key: i.from,
                pump,
                exponential: false,
                degree: i.degree,
                rescan: nfa.states[i.to as usize].in_look,
                span: loop_span(nfa, &amb.sccs[i.to_scc]),
            });
        }
    }
    // Witnesses without a rejecting suffix go last.
    let mut weak = Vec::new();
    for job in jobs {
        if out.len() >= limit {
            break;
        }
        let mut fallback = None;
        for prefix in prefixes(&ctx, job.key, &job.pump) {
            match shape(&ctx, &prefix, &job.pump, job.key, job.rescan, work, clock)? {
                Some((w, true)) => {
                    fallback = None;
                    if seen.insert(w.clone()) {
                        out.push(Candidate {
                            variants: variants(&w, job.exponential),
                            witness: w,
                            exponential: job.exponential,
                            degree: job.degree,
                            needs_search_loop: !job.exponential && job.key == SEARCH,
                            loop_span: job.span,
                        });
                    }
                    break;
                }
                Some((w, false)) if fallback.is_none() => fallback = Some(w),
                _ => {}
            }
        }
        if let Some(w) = fallback {
            if seen.insert(w.clone()) {
                weak.push(Candidate {
                    variants: variants(&w, job.exponential),
                    witness: w,
                    exponential: job.exponential,
                    degree: job.degree,
                    needs_search_loop: !job.exponential && job.key == SEARCH,
                    loop_span: job.span,
                });
            }
        }
    }
    let room = limit.saturating_sub(out.len());
    out.extend(weak.into_iter().take(room));
    Ok(out)
}

/// Concrete pumps for a word given as allowed atoms per position: the most
/// readable characters; the characters that leave the fewest threads alive
/// when read from the ambiguous state (they make competing branches fail, e.g.
/// `)` against `[^)]+`); one character repeated, the least used one allowed
/// everywhere; and at each position the character the fewest transitions read.
fn pump_choices(
    ctx: &Ctx<'_>,
    key: u32,
    word: &[Bits],
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Vec<Vec<usize>>, Exhausted> {
    const TRIED: usize = 32;
    let readable: Option<Vec<usize>> = word
        .iter()
        .map(|l| ctx.order.iter().copied().find(|&a| l.contains(a)))
        .collect();
    // Greedy, two passes around the pump (it repeats, so the first position
    // follows the last); the second pass's choices are kept.
    let mut narrow: Option<Vec<usize>> = None;
    let mut list = vec![key];
    for _ in 0..2 {
        let mut chosen = Vec::with_capacity(word.len());
        for l in word {
            // Each step costs the threads it moves: a long pump over a large
            // automaton (`(\w+){99999}`) is most of an analysis.
            let tried = ctx
                .order
                .iter()
                .filter(|&&a| l.contains(a))
                .take(TRIED)
                .count();
            work.spend((tried * (list.len() + 1)) as u64, clock)?;
            let best = ctx
                .order
                .iter()
                .copied()
                .filter(|&a| l.contains(a))
                .take(TRIED)
                .map(|a| {
                    let (next, _) = ctx.sim.step(&list, a);
                    (next.len(), a, next)
                })
                .min_by_key(|t| t.0);
            let Some((_, a, next)) = best else { break };
            chosen.push(a);
            list = next;
        }
        narrow = (chosen.len() == word.len()).then_some(chosen);
    }
    // One character for the whole pump, when the positions allow it.
    let mut common = word.first().cloned();
    for l in word.iter().skip(1) {
        common = common.map(|c| c.and(l));
    }
    let uniform = common.and_then(|c| {
        ctx.order
            .iter()
            .copied()
            .filter(|&a| c.contains(a))
            .min_by_key(|&a| ctx.uses[a])
            .map(|a| vec![a; word.len()])
    });
    let rare: Option<Vec<usize>> = word
        .iter()
        .map(|l| {
            ctx.order
                .iter()
                .copied()
                .filter(|&a| l.contains(a))
                .min_by_key(|&a| ctx.uses[a])
        })
        .collect();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for p in [readable, narrow, uniform, rare].into_iter().flatten() {
        if !p.is_empty() && !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

/// How many transitions can read each atom.
fn atom_uses(nfa: &Nfa) -> Vec<usize> {
    let mut uses = vec![0usize; nfa.alphabet.len()];
    for s in 0..nfa.states.len() as u32 {
        for (_, label, _) in nfa.transitions(s) {
            for a in label.iter() {
                uses[a] += 1;
            }
        }
    }
    uses
}

/// A character above U+00FF that as few transitions as possible can read.
fn quiet_wide_char(nfa: &Nfa) -> Option<char> {
    let uses = atom_uses(nfa);
    (0..nfa.alphabet.len())
        .filter_map(|a| {
            let wide =
                nfa.alphabet.atoms[a].intersect(&crate::charset::CharSet::range(0x100, 0xD7FF));
            let c = wide.representative()?;
            Some((uses[a], c))
        })
        .min()
        .and_then(|(_, c)| char::from_u32(c))
}

/// Atoms ordered by how readable their representative is.
fn atom_order(nfa: &Nfa) -> Vec<usize> {
    let mut v: Vec<(u8, u32, usize)> = nfa
        .alphabet
        .reps
        .iter()
        .enumerate()
        .filter_map(|(a, r)| {
            let c = (*r)?;
            let class = match c {
                0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => 0,
                0x21..=0x7E => 1,
                0x20 => 2,
                0..=0x7F => 3,
                _ => 4,
            };
            Some((class, c, a))
        })
        .collect();
    v.sort_unstable();
    v.into_iter().map(|t| t.2).collect()
}

/// Prefixes that lead from the start to `target`: the shortest one, and ones
/// that reach it from a later start position (after a character that is not in
/// the pump), for ambiguities that a higher-priority alternative would cut off
/// at position 0 (`^a+|(a|a)+$`).
fn prefixes(ctx: &Ctx<'_>, target: u32, pump: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    // Characters to start with so that the attempt at position 0 ends at once
    // without a match: no acceptance, fewest threads left (`,` before
    // `^[^,]…|-+$`); then the most readable ones not in the pump.
    let mut killers: Vec<(usize, usize)> = ctx
        .order
        .iter()
        .copied()
        .filter(|a| !pump.contains(a))
        .filter_map(|a| {
            let (next, accepted) = ctx.sim.step(&ctx.sim.start(), a);
            (!accepted).then_some((next.len(), a))
        })
        .collect();
    killers.sort_by_key(|k| k.0);
    let mut others: Vec<usize> = killers.iter().take(1).map(|k| k.1).collect();
    for a in ctx
        .order
        .iter()
        .copied()
        .filter(|a| !pump.contains(a))
        .take(2)
    {
        if !others.contains(&a) {
            others.push(a);
        }
    }
    if target == SEARCH {
        out.push(Vec::new());
        out.extend(others.iter().map(|&a| vec![a]));
        return out;
    }
    if let Some(p) = shortest_path(ctx.nfa, &ctx.order, INIT, target) {
        out.push(p);
    }
    if ctx.nfa.search {
        if let Some(p) = shortest_path(ctx.nfa, &ctx.order, SEARCH, target) {
            for &a in &others {
                let mut v = vec![a];
                v.extend(&p);
                if !out.contains(&v) {
                    out.push(v);
                }
            }
        }
    }
    out
}

fn shortest_path(nfa: &Nfa, order: &[usize], from: u32, to: u32) -> Option<Vec<usize>> {
    if from == to {
        return Some(Vec::new());
    }
    let n = nfa.states.len();
    let mut parent: Vec<Option<(u32, usize)>> = vec![None; n];
    let mut seen = vec![false; n];
    seen[from as usize] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(u) = queue.pop_front() {
        for (v, label, _) in nfa.transitions(u) {
            if seen[v as usize] {
                continue;
            }
            let Some(&atom) = order.iter().find(|&&a| label.contains(a)) else {
                continue;
            };
            seen[v as usize] = true;
            parent[v as usize] = Some((u, atom));
            if v == to {
                let mut out = Vec::new();
                let mut cur = to;
                while cur != from {
                    let (p, a) = parent[cur as usize]?;
                    out.push(a);
                    cur = p;
                }
                out.reverse();
                return Some(out);
            }
            queue.push_back(v);
        }
    }
    None
}

/// Checks that the ambiguous state survives pumping and finds a suffix that
/// makes its threads fail. The second value says whether such a suffix was
/// found; when not, the witness ends with a rarely-read character instead and
/// is worth less. That still catches matches that succeed, but only after
/// exploring the ambiguity (a lazy loop extended one step at a time, a
/// lookahead body rescanning the input): the simulation cannot see that an
/// acceptance comes last in exploration order, the matcher can.
fn shape(
    ctx: &Ctx<'_>,
    prefix: &[usize],
    pump: &[usize],
    key: u32,
    rescan: bool,
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Option<(Witness, bool)>, Exhausted> {
    const MAX_PUMPS: usize = 48;
    // `full`: every thread, in exploration order. `sub`: the threads that
    // descend from the ambiguous state, simulated on their own because the
    // full list merges them with earlier threads that reach the same states.
    let (mut full, _) = ctx.sim.read(&ctx.sim.start(), prefix);
    if key != SEARCH && !full.contains(&key) {
        return Ok(None);
    }
    let mut sub = vec![key];
    let mut history: Vec<(Vec<u32>, Vec<u32>)> = Vec::new();
    let mut cycle_start = None;
    for _ in 0..MAX_PUMPS {
        work.spend(((full.len() + sub.len()) * pump.len()) as u64 + 1, clock)?;
        for &a in pump {
            full = ctx.sim.step(&full, a).0;
            if key != SEARCH {
                let (next, accepted) = ctx.sim.step(&sub, a);
                // A success among the descendants of the ambiguous state ends
                // the search before its other paths are explored. (Not so for
                // a lookahead rescan: each scan is paid as the loop advances,
                // before any later success.)
                if accepted && !rescan {
                    return Ok(None);
                }
                sub = next;
            }
        }
        if let Some(j) = history.iter().position(|h| h.0 == full && h.1 == sub) {
            cycle_start = Some(j);
            break;
        }
        history.push((full.clone(), sub.clone()));
    }
    // The lists the pumping settles into (a cycle), or the last ones seen.
    let steady: &[(Vec<u32>, Vec<u32>)] = match cycle_start {
        Some(j) => &history[j..],
        None => &history[history.len().saturating_sub(2)..],
    };
    let mut relevant = Vec::with_capacity(steady.len());
    for (l, sub) in steady {
        // Everything explored before the attack threads must fail too (a
        // success there cuts them off); later threads do not matter. For the
        // search loop the attack threads are all attempts in flight, i.e. the
        // whole list before `SEARCH` (later attempts only run after those).
        let rel: Vec<u32> = if key == SEARCH {
            let Some(i) = l.iter().position(|&s| s == SEARCH) else {
                return Ok(None);
            };
            l[..i].to_vec()
        } else {
            let Some(i) = l.iter().position(|&s| s == key) else {
                return Ok(None);
            };
            let mut v = l[..i].to_vec();
            v.extend(sub.iter().filter(|s| !l[..i].contains(s)));
            v
        };
        relevant.push(rel);
    }
    let (suffix, strong) = match find_suffix(ctx, relevant, work, clock)? {
        Some(s) => (s, true),
        None => {
            let rare = ctx.order.iter().copied().min_by_key(|&a| ctx.uses[a]);
            (rare.into_iter().collect(), false)
        }
    };
    let text = |w: &[usize]| -> String {
        w.iter()
            .filter_map(|&a| ctx.nfa.alphabet.reps[a].and_then(char::from_u32))
            .collect()
    };
    Ok(Some((
        Witness {
            prefix: text(prefix),
            pump: text(pump),
            suffix: text(&suffix),
        },
        strong,
    )))
}

/// Breadth-first search for a word after which no list accepts, without any of
/// them accepting on the way.
fn find_suffix(
    ctx: &Ctx<'_>,
    start: Vec<Vec<u32>>,
    work: &mut Meter,
    clock: &mut Clock,
) -> Result<Option<Vec<usize>>, Exhausted> {
    const MAX_DEPTH: usize = 4;
    const MAX_NODES: usize = 400;
    let mut seen: HashSet<Vec<Vec<u32>>> = HashSet::new();
    let mut queue: VecDeque<(Vec<Vec<u32>>, Vec<usize>)> = VecDeque::new();
    seen.insert(start.clone());
    queue.push_back((start, Vec::new()));
    while let Some((lists, word)) = queue.pop_front() {
        if lists.iter().all(|l| !ctx.sim.accepts_at_end(l)) {
            return Ok(Some(word));
        }
        if word.len() >= MAX_DEPTH {
            continue;
        }
        for &a in &ctx.order {
            work.spend(lists.iter().map(|l| l.len() as u64 + 1).sum(), clock)?;
            let mut next = Vec::with_capacity(lists.len());
            let mut ok = true;
            for l in &lists {
                let (n, acc) = ctx.sim.step(l, a);
                if acc {
                    ok = false;
                    break;
                }
                next.push(n);
            }
            if !ok || !seen.insert(next.clone()) {
                continue;
            }
            if seen.len() > MAX_NODES {
                return Ok(None);
            }
            let mut w = word.clone();
            w.push(a);
            queue.push_back((next, w));
        }
    }
    Ok(None)
}

/// The pattern span of the loop an ambiguous component belongs to: the
/// outermost repeat whose body lies entirely in the component, else the
/// innermost repeat enclosing all of it.
fn loop_span(nfa: &Nfa, comp: &[u32]) -> Option<(u32, u32)> {
    let first = comp.iter().find(|&&s| s >= 2)?;
    let enclosing: Vec<u32> = nfa.states[*first as usize]
        .repeats
        .iter()
        .copied()
        .filter(|r| {
            comp.iter()
                .filter(|&&s| s >= 2)
                .all(|&s| nfa.states[s as usize].repeats.contains(r))
        })
        .collect();
    let inside = |r: u32| {
        nfa.repeat_states[r as usize]
            .iter()
            .all(|s| comp.contains(s))
    };
    enclosing
        .iter()
        .find(|&&r| inside(r))
        .or_else(|| enclosing.last())
        .map(|&r| nfa.repeat_spans[r as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_witness_without_a_rejecting_suffix_tries_characters_the_pump_does_not_use() {
        // `(?<=a)$` decides acceptance where the automaton only guesses: the
        // attack needs a last character after the run, here `b`.
        for p in [r"^(?:a|aa)+(?<=a)$", r"^(?:\d|\d\d|\.)+(?<=\d)$"] {
            match crate::analyze(p, "", &crate::Budget::default()) {
                crate::Verdict::Vulnerable(v) => {
                    assert!(!v.witness.suffix.is_empty(), "{p}: {v:?}");
                    assert_eq!(v.complexity, crate::Complexity::Exponential, "{p}");
                }
                other => panic!("{p}: {other:?}"),
            }
        }
    }

    #[test]
    fn js_display() {
        let w = Witness {
            prefix: "x".into(),
            pump: " ".into(),
            suffix: "\u{1b}'\n\u{e9}\u{1F600}".into(),
        };
        assert_eq!(
            w.attack_js(30),
            r"'x' + ' '.repeat(30) + '\x1b\'\n\u00e9\u{1f600}'"
        );
        let w = Witness {
            prefix: String::new(),
            pump: "a".into(),
            suffix: String::new(),
        };
        assert_eq!(w.attack_js(5), "'a'.repeat(5)");
        assert_eq!(w.build(3), "aaa");
    }
}
