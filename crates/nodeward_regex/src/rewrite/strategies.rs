//! The candidates of each strategy for the loop the analysis blamed, as
//! splices of the pattern's own text (collapse, start of run, redundant
//! loop, narrowed start, atomic) or runs read off their automata
//! ([`crate::unambiguous`]).

use swc_ecma_regexp::{ast, LiteralParser, Options};

use super::syntax::{
    alternative_of, find_path, group_holding, groups_in_term, groups_opening_before,
    has_backreference, is_one_char, single_loop_in_group, single_term_of_group, splice, text_at,
    BodySpan, TermSpan,
};
use super::{Groups, Stage, Uses};
use crate::flags::RegexFlags;
use crate::{Budget, Vulnerability};

pub(super) fn candidates(
    pattern: &str,
    flags: &str,
    v: &Vulnerability,
    uses: Uses,
    stage: Stage,
) -> Vec<(Text, &'static str, Groups)> {
    let Ok(f) = RegexFlags::parse(flags) else {
        return Vec::new();
    };
    let Ok(ast) = LiteralParser::new(pattern, Some(f.parser_flags()), Options::default()).parse()
    else {
        return Vec::new();
    };
    let text = |s: swc_common::Span| text_at(pattern, s);
    let splice = |s: swc_common::Span, with: &str| splice(pattern, s, with);
    let mut out: Vec<(String, &'static str, Groups)> = Vec::new();
    let Some((lo, hi)) = v.loop_span else {
        return Vec::new();
    };
    let Some(path) = find_path(&ast.body, lo, hi) else {
        return Vec::new();
    };
    let q = path[path.len() - 1];
    let has_refs = has_backreference(&ast.body);
    // collapse: a loop whose body is a group holding one loop (the blamed
    // loop, or the one around it).
    let simple = stage == Stage::Simple;
    for outer in path.iter().rev().take(if simple { 2 } else { 0 }) {
        if outer.max.is_some() {
            continue;
        }
        let Some((inner, capturing, group)) = single_loop_in_group(&outer.body) else {
            continue;
        };
        if inner.max.is_some() || inner.greedy != outer.greedy {
            continue;
        }
        let (Some(group_text), Some(inner_text)) = (text(group), text(inner.span)) else {
            continue;
        };
        if outer.min >= 1 {
            // `(a+)+` → `(a+)`: the greedy inner loop takes the whole run
            // in the first iteration.
            out.push((splice(outer.span, group_text), "collapse", Groups::Same));
            if !capturing || !has_refs {
                out.push((
                    splice(outer.span, inner_text),
                    "collapse",
                    dropped(capturing),
                ));
            }
        } else if let Some(body) = text(inner.body_span()) {
            let lazy = if outer.greedy { "" } else { "?" };
            // `(a+)*` → `(a+)?`, which keeps the group: the same reasoning
            // as `(a+)+`, for zero iterations or one. First when the
            // groups are read; else after the plainer `a*`.
            let kept = capturing.then(|| {
                (
                    splice(outer.span, &format!("{group_text}?{lazy}")),
                    "collapse",
                    Groups::Same,
                )
            });
            if uses.groups {
                out.extend(kept.clone());
            }
            // `(?:a+)*` → `a*`: the inner body, starred (in a group unless
            // it is one character or class).
            let starred = if is_one_char(&inner.body) {
                format!("{body}*{lazy}")
            } else {
                format!("(?:{body})*{lazy}")
            };
            out.push((splice(outer.span, &starred), "collapse", dropped(capturing)));
            if !uses.groups {
                out.extend(kept);
            }
        }
    }
    // start of run: the loop starts a top-level alternative (after copies
    // of its body, as in `\s\s*$`) and is slow only through the search loop.
    if simple && v.needs_search_loop && q.max.is_none() {
        // The lookbehind needs the characters only: a group's body, not the
        // group (which would add one).
        let body = match (single_term_of_group(&q.body), &q.body) {
            (Some(inner), _) => text(inner.span()),
            // `(?:, )+`: the group's one alternative, `, `.
            (None, ast::Term::IgnoreGroup(g))
                if g.modifiers.is_none() && g.body.body.len() == 1 =>
            {
                text(g.body.body[0].span)
            }
            (None, _) => text(q.body.span()),
        };
        // The loop itself, or a group holding only it (`(\s+)$`), is a
        // term of a top-level alternative.
        let held = alternative_of(&ast, q.span)
            .map(|alt| (alt, q.span))
            .or_else(|| group_holding(&ast, q.span));
        if let (Some(body), Some((alt, held))) = (body, held) {
            let i = alt.body.iter().position(|t| t.span() == held).unwrap_or(0);
            let copies = alt.body[..i].iter().all(|t| text(t.span()) == Some(body));
            // Only optional terms before it (`(\-)?(?:(\d*)[. ])?(\d+):`): a
            // match that starts inside a run starts, leftmost, at the run's
            // start, so the lookbehind goes right before the loop.
            let optional = |t: &ast::Term| match t {
                ast::Term::Quantifier(q) => q.min == 0,
                ast::Term::BoundaryAssertion(_) | ast::Term::LookAroundAssertion(_) => true,
                _ => false,
            };
            if !copies && i > 0 && alt.body[..i].iter().all(optional) {
                let at = held.lo.0 as usize;
                out.push((
                    format!("{}(?<!{body}){}", &pattern[..at], &pattern[at..]),
                    "start of run",
                    Groups::Same,
                ));
            }
            if copies {
                let at = alt.body[0].span().lo.0 as usize;
                out.push((
                    format!("{}(?<!{body}){}", &pattern[..at], &pattern[at..]),
                    "start of run",
                    Groups::Same,
                ));
                // The characters that can begin the body, as a class: a
                // lookbehind of the body itself misses starts inside it
                // (`(?:\r?\n)+$` started at the `\n` of `\r\n`).
                if let Some(class) = first_class(pattern, &f, q.span) {
                    if class != body {
                        out.push((
                            format!("{}(?<!{class}){}", &pattern[..at], &pattern[at..]),
                            "start of run",
                            Groups::Same,
                        ));
                    }
                }
                // `B*$` also matches empty after the run, which a global
                // search sees: that match gets an alternative of its own.
                let rest_is_end = alt.body[i + 1..].len() == 1
                    && matches!(&alt.body[i + 1], ast::Term::BoundaryAssertion(b)
                        if matches!(b.kind, ast::BoundaryAssertionKind::End));
                if q.min == 0 && i == 0 && rest_is_end {
                    let (lo, hi) = (alt.span.lo.0 as usize, alt.span.hi.0 as usize);
                    let whole = &pattern[lo..hi];
                    out.push((
                        format!(
                            "{}(?<!{body}){whole}|(?<={body})${}",
                            &pattern[..lo],
                            &pattern[hi..]
                        ),
                        "start of run",
                        Groups::Same,
                    ));
                }
                // `B*R` is also tried where `B*` is empty and a `B` comes
                // before (the search resumes there after a match that
                // ended with a run): `R` gets an alternative of its own.
                if q.min == 0 && i == 0 && !rest_is_end && alt.body.len() > 1 {
                    let (lo, hi) = (alt.span.lo.0 as usize, alt.span.hi.0 as usize);
                    let whole = &pattern[lo..hi];
                    let rest = &pattern[alt.body[1].span().lo.0 as usize..hi];
                    let copies_groups = alt.body[1..].iter().any(|t| groups_in_term(t) > 0);
                    out.push((
                        format!(
                            "{}(?<!{body}){whole}|{rest}{}",
                            &pattern[..lo],
                            &pattern[hi..]
                        ),
                        "start of run",
                        dropped(copies_groups),
                    ));
                }
            }
        }
    }
    // After the strategies above, which fit more often, and only for code
    // that reads the groups (else the automaton reads such runs whole):
    // drop: an optional loop another one already covers (`[^(]+\s*\(`:
    // the `\s*` only ever matches empty in a match). Whether it is, the
    // behaviour check tells; `round` asks a quick one first.
    let keeping = simple && uses.groups;
    if keeping && q.min == 0 && groups_in_term(&q.body) == 0 {
        out.push((splice(q.span, ""), DROP, Groups::Same));
    }
    // narrowed start: of two neighbouring loops that share characters, the
    // second starts on one the first cannot take; every group stays.
    if keeping {
        for text in super::narrow::candidates(pattern, &f, &ast.body, q.span) {
            out.push((text, "narrowed start", Groups::Same));
        }
    }
    // automaton: each run's expression, built when its candidate is tried.
    if stage == Stage::Automaton {
        return crate::unambiguous::candidates(pattern, flags, &ast.body, (lo, hi), uses.groups)
            .into_iter()
            .map(|c| {
                let groups = dropped(c.removes_groups);
                (Text::Run(c), "automaton", groups)
            })
            .collect();
    }
    // atomic: `(?=(T))\N`, a new group numbered after those opening before,
    // so the groups from there on move up by one. When no group opens in or
    // after the loop, the new group comes last and every other keeps its
    // number.
    if stage == Stage::Atomic && !has_refs {
        if let Some(t) = text(q.span) {
            let n = groups_opening_before(&ast.body, q.span.lo.0) + 1;
            let all = groups_opening_before(&ast.body, u32::MAX);
            let groups = if n > all {
                Groups::Same
            } else {
                Groups::Renumbered((1..=all).map(|i| if i < n { i } else { i + 1 }).collect())
            };
            out.push((splice(q.span, &format!("(?=({t}))\\{n}")), "atomic", groups));
        }
    }
    out.into_iter()
        .map(|(t, s, g)| (Text::Ready(t), s, g))
        .collect()
}

/// A candidate's text, or what builds it when it is tried.
pub(super) enum Text {
    Ready(String),
    Run(crate::unambiguous::Candidate),
}

impl Text {
    /// `None`: the strategy has no text to offer after all.
    pub(super) fn build(self) -> Option<String> {
        match self {
            Text::Ready(t) => Some(t),
            Text::Run(c) => c.text(),
        }
    }
}

/// The strategy that takes out a loop: most such candidates match
/// differently, which a short behaviour check shows before the rest.
pub(super) const DROP: &str = "redundant loop";

fn dropped(yes: bool) -> Groups {
    if yes {
        Groups::Dropped
    } else {
        Groups::Same
    }
}

/// The characters that can begin one iteration of the loop at `span`, as
/// a class in the pattern's own syntax; `None` when an assertion, a
/// lookaround or a backreference can come first.
fn first_class(pattern: &str, flags: &RegexFlags, span: swc_common::Span) -> Option<String> {
    use crate::ir::Node;
    fn first(re: &crate::ir::Regex, n: &Node) -> Option<crate::charset::CharSet> {
        Some(match n {
            Node::Empty => crate::charset::CharSet::empty(),
            Node::Set(s) => re.sets[*s as usize].clone(),
            Node::Seq(v) => {
                let mut out = crate::charset::CharSet::empty();
                for c in v {
                    out = out.union(&first(re, c)?);
                    if !c.nullable() {
                        break;
                    }
                }
                out
            }
            Node::Alt(v) => v
                .iter()
                .map(|c| first(re, c))
                .try_fold(crate::charset::CharSet::empty(), |a, b| Some(a.union(&b?)))?,
            Node::Repeat(r) => first(re, &r.body)?,
            Node::Group { body, .. } => first(re, body)?,
            Node::Assert(_) | Node::Look(_) | Node::BackRef { .. } => return None,
        })
    }
    let re = crate::parse::parse(pattern, flags, &Budget::default()).ok()?;
    let body = re.root.repeat_body((span.lo.0, span.hi.0))?;
    let set = first(&re, body)?;
    if set.is_empty() {
        return None;
    }
    Some(crate::class_text::Syntax::of(flags).set(&set))
}
