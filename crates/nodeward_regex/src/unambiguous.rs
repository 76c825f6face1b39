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
mod dfa;
mod expr;

use crate::budget::Budget;
use crate::class_text::Syntax;
use crate::flags::RegexFlags;
use crate::rewrite::{groups_in_term, has_backreference, TermSpan};
use swc_ecma_regexp::ast;

use dfa::Dfa;
use expr::Printer;

/// Runs tried per pattern.
const MAX_RUNS: usize = 12;
/// Longest run read, in bytes of pattern text.
const MAX_RUN_LEN: usize = 160;

/// Whether an expression for a run of `run` bytes is short enough to offer:
/// a rewrite that a person would not take is no rewrite.
fn short_enough(run: usize, text: usize) -> bool {
    text <= 2 * run + 20
}

/// A candidate: the rewritten pattern, built when asked for (a DFA each),
/// and whether groups were taken out.
pub(crate) struct Candidate {
    /// `None`: no text, the marker that runs holding a group were skipped.
    run: Option<Run>,
    pub removes_groups: bool,
}

/// A run of the pattern to read off its automaton, and what goes around.
struct Run {
    before: String,
    run: String,
    after: String,
    /// Empty groups that keep the numbering a backreference relies on.
    keep: String,
    flags: RegexFlags,
}

impl Candidate {
    /// The rewritten pattern (empty for the marker), or `None` when the
    /// run's expression is no shorter or no different.
    pub fn text(&self) -> Option<String> {
        let Some(r) = &self.run else {
            return Some(String::new());
        };
        let text = expression_of(&r.run, &r.flags).ok()?;
        if text == r.run || !short_enough(r.run.len(), text.len()) {
            return None;
        }
        Some(format!("{}{}{text}{}", r.before, r.keep, r.after))
    }
}

/// Candidates for the repetition at `lo..hi` of `pattern`, shortest run
/// first. `groups_read`: runs holding a capture group are skipped, and one
/// candidate without text says that some were.
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
                    // Said once, with no text: a rewrite for code that
                    // reads no group might exist.
                    if !out.iter().any(|c: &Candidate| c.run.is_none()) {
                        out.push(Candidate {
                            run: None,
                            removes_groups: true,
                        });
                    }
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
                let keep = if refs {
                    "()".repeat(groups)
                } else {
                    String::new()
                };
                out.push(Candidate {
                    run: Some(Run {
                        before: pattern[..a].to_string(),
                        run: run.to_string(),
                        after: pattern[b..].to_string(),
                        keep,
                        flags: f,
                    }),
                    removes_groups: groups > 0 && !refs,
                });
            }
        }
    }
    out
}

/// Whether two whole-string patterns (`^…$` without `m`, nothing but
/// characters, groups and repetitions between) match the same strings,
/// decided on their minimal DFAs over one alphabet: an exact check, where
/// the behaviour check is a bounded one. `None` when either is not such a
/// pattern. Only the strings: which groups match what is not compared.
pub(crate) fn same_language(left: &str, right: &str, flags: &str) -> Option<bool> {
    let f = RegexFlags::parse(flags).ok()?;
    let budget = Budget::default();
    let a = crate::parse::parse(left, &f, &budget).ok()?;
    let b = crate::parse::parse(right, &f, &budget).ok()?;
    let (ca, cb) = (whole_string_core(&a.root)?, whole_string_core(&b.root)?);
    let da = Dfa::of_with(&a, &ca, &b.sets).ok()?;
    let db = Dfa::of_with(&b, &cb, &a.sets).ok()?;
    da.same_as(&db)
}

/// What lies between `^` and `$` (neither multiline) of a pattern that is
/// nothing else.
fn whole_string_core(root: &crate::ir::Node) -> Option<crate::ir::Node> {
    use crate::ir::{Assertion, Node};
    let Node::Seq(items) = root else { return None };
    let (first, last) = (items.first()?, items.last()?);
    let whole = items.len() >= 2
        && *first == Node::Assert(Assertion::Start { multiline: false })
        && *last == Node::Assert(Assertion::End { multiline: false });
    whole.then(|| Node::Seq(items[1..items.len() - 1].to_vec()))
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
        sets: Default::default(),
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
    fn whole_string_patterns_are_compared_on_their_automata() {
        use super::same_language;
        assert_eq!(
            same_language(r"^\S+@\S+\.\S+$", r"^\S[^\s@]*@\S[^\s.]*\.\S+$", ""),
            Some(true)
        );
        assert_eq!(same_language(r"^(a|aa)+$", r"^a+$", ""), Some(true));
        // One string apart: `aa` has no dot.
        assert_eq!(
            same_language(r"^(?:\d+)?\.?\d+$", r"^\d*\.\d+$", ""),
            Some(false)
        );
        assert_eq!(same_language(r"^[a-z]+$", r"^[a-z]+$", "i"), Some(true));
        assert_eq!(same_language(r"^[a-z]+$", r"^[a-zA-Z]+$", ""), Some(false));
        assert_eq!(same_language(r"^[a-z]+$", r"^[a-zA-Z]+$", "i"), Some(true));
        // Not whole-string patterns, or not regular: no answer.
        assert_eq!(same_language(r"a+$", r"a+$", ""), None);
        assert_eq!(same_language(r"^a+$", r"^a+$", "m"), None);
        assert_eq!(same_language(r"^(a)\1$", r"^aa$", ""), None);
    }

    #[test]
    fn runs_the_automaton_cannot_read_have_no_expression() {
        assert!(expression_of(r"(?=a)a", &RegexFlags::default()).is_err());
        assert!(expression_of(r"(a)\1", &RegexFlags::default()).is_err());
        assert!(expression_of(r"a\b", &RegexFlags::default()).is_err());
    }
}
